"""The panels of the main window: the overview and themes, the timeline and map, the sources."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from srbrief import meaning, palette
from srbrief.gui.i18n import tr
from srbrief.gui.problemtext import translate
from srbrief.gui.widgets import CardGrid, ChartView, KpiCard, card_grid, chart_key
from srbrief.model import Briefing, Chart, ChartKind, Cite, Metric, Point, Section, SectionKind
from srbrief.model.browse import section_entities
from srbrief.model.honesty import chart_problem
from srbrief.model.story import (
    effective_points,
    executive_summary,
    figure_meaning,
    point_chart,
    point_figures,
    section_meaning,
    shown_figures,
)
from srbrief.model.textutil import chinese_date, document_text, english_date
from srbrief.model.units import format_value

SourceHandler = Callable[[str], None]


@dataclass(frozen=True)
class Block:
    """One thing a panel shows, as data: a label, a message with its clauses, a row of cards, a chart or a
    list. Two blocks of the same *shape* are shown by the same widget (updated in place when *data* differs)."""

    kind: str  # "label", "claim", "cards", "chart", "list"
    data: tuple[Any, ...]
    style: str = ""  # a label's object name (and the colour of a kicker)

    @property
    def shape(self) -> tuple[Any, ...]:
        if self.kind == "chart":
            return (self.kind, self.data[0].id)
        if self.kind == "cards":
            return (self.kind, len(self.data))
        return (self.kind, self.style)


class Panel(QScrollArea):
    """A scrollable page with a title, charts drawn on first show, and items that can be highlighted.

    A panel is described by its :meth:`blocks` (plain data) and built from them; after an edit,
    :meth:`show_briefing` compares the blocks of the new briefing with those shown and changes only the widgets
    whose block changed (a card, a message, a chart): the page keeps its scroll position and its drawn charts.
    """

    def __init__(self, key: str, title: str, lang: str, briefing: Briefing | None = None,
                 on_source: SourceHandler | None = None) -> None:
        super().__init__()
        self.key = key
        self.lang = lang
        self.charts: list[ChartView] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the page reflows instead
        self.body = QWidget()
        self.body.setObjectName("Panel")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(28, 20, 28, 28)
        self.column.setSpacing(10)
        self.setWidget(self.body)
        self.title_label = self._label(title, "PanelTitle")
        self.shown: list[tuple[Block, QWidget]] = []
        if briefing is not None:
            self.briefing = briefing
            self.on_source: SourceHandler = on_source or (lambda _item: None)
            for block in self.blocks(briefing):
                self.shown.append((block, self._make(block)))
            self.column.addStretch(1)

    def blocks(self, briefing: Briefing) -> list[Block]:
        """Return what the panel shows of *briefing*, top to bottom (after the title)."""
        return []

    def title_of(self, briefing: Briefing) -> str:
        return self.title_label.text()

    def show_briefing(self, briefing: Briefing) -> bool:
        """Show *briefing*, changing only the widgets whose block changed; return False if the page's shape
        changed (an item added or removed, a chart elsewhere: the caller builds the panel again)."""
        try:
            blocks = self.blocks(briefing)
            title = self.title_of(briefing)
        except LookupError:  # the section is gone
            return False
        if [b.shape for b in blocks] != [b.shape for b, _ in self.shown]:
            return False
        self.briefing = briefing
        if title != self.title_label.text():
            self.title_label.setText(title)
        for i, (block, (old, widget)) in enumerate(zip(blocks, self.shown, strict=True)):
            if block != old:
                self._refresh(block, old, widget)
                self.shown[i] = (block, widget)
        return True

    # -- the widgets of the blocks ----------------------------------------------------------------------------
    def _make(self, block: Block) -> QWidget:
        if block.kind == "label":
            label = self._label(block.data[0], block.style.split(":")[0])
            _kicker_colour(label, block.style)
            return label
        if block.kind == "claim":
            return self._claim(*block.data)
        if block.kind == "cards":
            grid = card_grid([m for m, _ in block.data], self.lang, self.on_source,
                             accents=[a for _, a in block.data])
            self.column.addWidget(grid)
            return grid
        if block.kind == "chart":
            view = ChartView(self.briefing, block.data[0], self.lang)
            view.source_requested.connect(self.on_source)
            self.charts.append(view)
            self.column.addWidget(view)
            return view
        widget = _list(list(block.data))
        self.column.addWidget(widget)
        return widget

    def _refresh(self, block: Block, old: Block, widget: QWidget) -> None:
        if isinstance(widget, ClaimLabel):
            widget.setText(block.data[0])
            widget.setToolTip(block.data[1])
            widget.setAccessibleDescription(block.data[1])
        elif isinstance(widget, QLabel):
            widget.setText(block.data[0])
        elif isinstance(widget, ChartView):
            widget.show_data(self.briefing, block.data[0])
        elif isinstance(widget, QListWidget):
            _fill_list(widget, list(block.data))
        elif isinstance(widget, CardGrid):
            for card, (metric, accent), (was, was_accent) in zip(widget.cards, block.data, old.data, strict=True):
                if (metric, accent) != (was, was_accent):
                    card.show_metric(metric, accent)

    def _claim(self, text: str, tip: str) -> QLabel:
        """A message with the clauses it rests on: shown on hover and on a click, like a figure's source."""
        label = ClaimLabel(text)
        label.setObjectName("Message")
        label.setWordWrap(True)
        label.setToolTip(tip)
        label.setAccessibleDescription(tip)
        self.column.addWidget(label)
        return label

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(label)
        return label

    def draw_charts(self) -> None:
        """Draw this panel's charts (the first time only)."""
        for chart in self.charts:
            chart.draw()

    def highlight(self, item_id: str) -> bool:
        """Scroll to and mark the item *item_id*; return whether this panel has it."""
        for card in self.findChildren(KpiCard):
            if card.item.id == item_id:
                self._flash(card)
                return True
        for view in self.charts:
            if view.chart.id == item_id:
                self.ensureWidgetVisible(view)
                return True
        for lst in self.findChildren(QListWidget):
            for row in range(lst.count()):
                if lst.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                    lst.setCurrentRow(row)
                    self.ensureWidgetVisible(lst)
                    return True
        return False

    def _flash(self, card: KpiCard) -> None:
        self.ensureWidgetVisible(card, 40, 80)
        card.setFocus()
        card.setProperty("highlight", True)
        card.style().polish(card)

        def unflash() -> None:
            card.setProperty("highlight", False)
            card.style().polish(card)

        QTimer.singleShot(2500, card, unflash)  # cancelled if the card goes (a reload rebuilds panels)


def _kicker_colour(label: QLabel, style: str) -> None:
    if ":" in style:  # "Kicker:#rrggbb"
        label.setStyleSheet(f"color: {style.split(':', 1)[1]};")


def claim_tip(briefing: Briefing, sources: tuple[Cite, ...], lang: str) -> str:
    """Return the tooltip of a message: each clause it rests on, with the document that says it."""
    sep = "：" if lang == "zh" else ": "
    lines = [f"{tr('source_of', lang)}{c.clause}（{briefing.document(c.doc).publication.get(lang)}）"
             if lang == "zh" else
             f"{tr('source_of', lang)}{c.clause} ({briefing.document(c.doc).publication.get(lang)})"
             for c in sources]
    return "\n".join(lines) or tr("source_of", lang).rstrip(sep)


class ClaimLabel(QLabel):
    """A label whose tooltip (its clauses) also shows on a click or Enter, not only on hover."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_clauses(self) -> None:
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.toolTip(), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.hasSelectedText():
            self.show_clauses()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.show_clauses()
        else:
            super().keyPressEvent(event)


class FitList(QListWidget):
    """A list as tall as its rows (wrapped to the width it has): no blank space below it, no scroll bar."""

    def fit(self) -> None:
        self.doItemsLayout()
        bottom = max((self.visualItemRect(self.item(r)).bottom() for r in range(self.count())), default=0)
        self.setFixedHeight(bottom + 1 + 2 * self.frameWidth() + 2 * self.spacing() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # the rows wrap anew
            self.fit()


def _list(rows: list[tuple[str, str, str]]) -> QListWidget:
    """Return a list widget of (id, text, tooltip) rows that grows to fit its content."""
    widget = FitList()
    widget.setObjectName("List")
    widget.setWordWrap(True)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    _fill_list(widget, rows)
    return widget


def _fill_list(widget: QListWidget, rows: list[tuple[str, str, str]]) -> None:
    widget.clear()
    for item_id, text, tip in rows:
        item = QListWidgetItem(f"■  {text}")
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setToolTip(tip)
        widget.addItem(item)
    if isinstance(widget, FitList):
        widget.fit()


class SectionPanel(Panel):
    """The overview (the executive summary first) or a theme (its points first: message, figures, chart, what
    was done), then the reference: every figure, the measures, the entities."""

    def __init__(self, briefing: Briefing, section: Section, lang: str, on_source: SourceHandler) -> None:
        self.section_id = section.id
        super().__init__(section.id, section.title.get(lang), lang, briefing, on_source)

    def title_of(self, briefing: Briefing) -> str:
        return self._section(briefing).title.get(self.lang)

    def _section(self, briefing: Briefing) -> Section:
        found = briefing.index.get(self.section_id)
        if not isinstance(found, Section):
            raise LookupError(self.section_id)
        return found

    def blocks(self, briefing: Briefing) -> list[Block]:
        lang, section = self.lang, self._section(briefing)
        colour = section_meaning(briefing, section)
        out = [Block("label", (section.lede.get(lang),), "PanelLede")]
        points = effective_points(section)
        if section.kind is SectionKind.OVERVIEW:
            out += self._summary(briefing, points[0] if points else None, colour)
            points = points[1:]
        for point in points:
            out += self._point(briefing, point, colour)
        if section.metrics:
            out += [Block("label", (tr("all_figures", lang),), "Heading"),
                    _cards(list(section.metrics), colour)]
        shown = {p.chart for p in effective_points(section)}
        for chart in section.charts:
            if chart.kind in (ChartKind.TIMELINE, ChartKind.ROUTE_MAP) or chart.id in shown:
                continue  # they have their own panel, or a point shows them
            if chart.kind is ChartKind.KPI and set(chart.items) <= {m.id for m in section.metrics}:
                continue  # the cards above show these figures already
            out.append(_chart_block(briefing, chart, lang))
        if section.facts:
            rows = tuple((f.id, (f.title.get(lang) + " — " if f.title else "") + f.text.get(lang),
                          tr("source_of", lang) + f.source.clause) for f in section.facts)
            out += [Block("label", (tr("measures", lang),), "Heading"), Block("list", rows)]
        entities = section_entities(briefing, section)
        if entities:
            rows = tuple((e.id, e.name.get(lang) + (f" — {e.description.get(lang)}" if e.description else ""), "")
                         for e in entities)
            out += [Block("label", (tr("entities", lang),), "Heading"), Block("list", rows)]
        return out

    def _summary(self, briefing: Briefing, lead: Point | None, colour: str) -> list[Block]:
        """The executive summary: the headline conclusion and figures, then each theme's conclusion and figure."""
        lang = self.lang
        out = [Block("label", (tr("summary", lang),), "Heading")]
        if lead is not None:
            out.append(Block("claim", (lead.message.get(lang), claim_tip(briefing, lead.sources, lang))))
            figures = list(point_figures(briefing, lead))
            if figures:
                out.append(_cards(figures, colour))
        below = {p.message for p in effective_points(self._section(briefing))}
        for line in executive_summary(briefing):
            if line.message in below:  # a briefing without themes: its later points follow on this panel
                continue
            line_colour = section_meaning(briefing, line.section)
            accent = meaning.colour(palette.LIGHT, line_colour)
            out.append(Block("label", (line.name(short=False).get(lang),), f"Kicker:{accent}"))
            out.append(Block("claim", (line.message.get(lang), claim_tip(briefing, line.sources, lang))))
            if line.figure is not None:
                out.append(_cards([line.figure], line_colour))
        return out

    def _point(self, briefing: Briefing, point: Point, colour: str) -> list[Block]:
        """A point of the storyline: its message, its figures, its chart and what was done."""
        lang = self.lang
        out = [Block("claim", (point.message.get(lang), claim_tip(briefing, point.sources, lang)))]
        figures = list(shown_figures(briefing, point))
        if figures:
            out.append(_cards(figures, colour))
        chart = point_chart(briefing, point)
        wanted = briefing.find(point.chart, Chart) if point.chart is not None and chart is None else None
        refused = chart_problem(briefing, wanted) if wanted is not None else None
        if wanted is not None and refused is not None:  # not drawn (as in the deck): say why, under its figures
            name = wanted.title.get(lang)
            out.append(Block("label", (tr("chart_as_cards", lang, name=name, why=translate(refused, lang)),),
                             "PanelLede"))
        if chart is not None and chart.kind is ChartKind.ROUTE_MAP:  # drawn once, on its own panel
            out.append(Block("label", (tr("map_elsewhere", lang),), "PanelLede"))
        elif chart is not None and chart.kind not in (ChartKind.KPI, ChartKind.TIMELINE):
            out.append(_chart_block(briefing, chart, lang))
        if point.facts:
            rows = tuple((point.id, f.text.get(lang), tr("source_of", lang) + f.source.clause) for f in point.facts)
            out.append(Block("list", rows))
        return out


def _cards(metrics: list[Metric], section_colour: str) -> Block:
    """A row of figure cards, coloured as on the slides: the section's colour, green for good news, red for bad."""
    return Block("cards", tuple((m, meaning.colour(palette.LIGHT, figure_meaning(m, section_colour)))
                                for m in metrics))


def _chart_block(briefing: Briefing, chart: Chart, lang: str) -> Block:
    return Block("chart", (chart, chart_key(briefing, chart, lang)))


class TimelinePanel(Panel):
    """The timeline and the route map, with the dated events."""

    def __init__(self, briefing: Briefing, lang: str, on_source: SourceHandler) -> None:
        super().__init__("timeline-map", tr("timeline_map", lang), lang, briefing, on_source)

    def blocks(self, briefing: Briefing) -> list[Block]:
        lang = self.lang
        out = [_chart_block(briefing, chart, lang) for chart in briefing.charts
               if chart.kind in (ChartKind.TIMELINE, ChartKind.ROUTE_MAP)]
        date = chinese_date if lang == "zh" else english_date
        rows = tuple((e.id, f"{date(e.date)}  {e.text.get(lang)}", tr("source_of", lang) + e.source.clause)
                     for e in briefing.timeline)
        return [*out, Block("label", (tr("events", lang),), "Heading"), Block("list", rows)]


class SourcesPanel(Panel):
    """The publication, and every figure with the clause it comes from (built again when they change)."""

    def __init__(self, briefing: Briefing, lang: str) -> None:
        super().__init__("sources", tr("sources", lang), lang)
        self.briefing = briefing
        sep = "：" if lang == "zh" else ": "
        for doc in briefing.sources:
            original = "" if lang == "zh" else f" ({doc.title.zh})"  # the original's title, to look it up
            self._label(tr("publication", lang) + sep + document_text(doc, lang) + original, "PanelLede")
        self._label(tr("translation_note", lang), "PanelLede")
        metrics = briefing.metrics
        self.table = QTableWidget(len(metrics), 4)
        self.table.setHorizontalHeaderLabels([tr(k, lang) for k in ("section", "figure", "value", "clause")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self._fill(briefing)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # rows follow their wrapped text once the columns have settled after a change of width (not at every
        # step of a window resize: that would measure every row again each time)
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(30)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        self.table.resizeRowsToContents()
        self.table.setMinimumHeight(600)
        self.column.addWidget(self.table, 1)

    def _rows(self, briefing: Briefing) -> list[tuple[str, list[str]]]:
        """Return (metric id, the cells of its row) for every figure."""
        lang = self.lang
        sections = {m.id: s for s in briefing.sections for m in s.metrics}
        several = len(briefing.sources) > 1
        rows = []
        for metric in briefing.metrics:
            clause = metric.source.clause
            if several:  # which document says it
                clause += f"（{briefing.document(metric.source.doc).publication.get(lang)}）"
            rows.append((metric.id, [sections[metric.id].short_title.get(lang), metric.label.get(lang),
                                     format_value(metric, lang), clause]))
        return rows

    def _fill(self, briefing: Briefing) -> None:
        for row, (metric_id, cells) in enumerate(self._rows(briefing)):
            for col, text in enumerate(cells):
                item = self.table.item(row, col)
                if item is not None and item.text() == text and item.data(Qt.ItemDataRole.UserRole) == metric_id:
                    continue
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, metric_id)
                item.setToolTip(text)
                self.table.setItem(row, col, item)

    def show_briefing(self, briefing: Briefing) -> bool:
        """Update the rows in place; False (built again) when the documents or the number of figures changed."""
        if briefing.sources != self.briefing.sources or len(briefing.metrics) != len(self.briefing.metrics):
            return False
        self.briefing = briefing
        self._fill(briefing)
        self._rows_timer.start()
        return True

    def highlight(self, item_id: str) -> bool:
        chart_items = self._chart_items(item_id)
        rows = [r for r in range(self.table.rowCount())
                if self._cell(r, 0).data(Qt.ItemDataRole.UserRole) in {item_id, *chart_items}]
        if not rows:
            return False
        self.table.clearSelection()
        for r in range(self.table.rowCount()):
            colour = QColor(palette.LIGHT.highlight if r in rows else palette.LIGHT.background)
            for c in range(self.table.columnCount()):
                self._cell(r, c).setBackground(colour)
        self.table.selectRow(rows[0])
        self.table.scrollToItem(self._cell(rows[0], 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _cell(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        assert item is not None
        return item

    def _chart_items(self, item_id: str) -> set[str]:
        chart = self.briefing.index.get(item_id)
        return set(getattr(chart, "items", ()) or ())
