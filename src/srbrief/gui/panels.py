"""The panels of the main window: the overview and themes, the timeline and map, the sources."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
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
from srbrief.gui.widgets import ChartView, KpiCard, card_grid
from srbrief.model import Briefing, Chart, ChartKind, Cite, Point, Section, SectionKind
from srbrief.model.browse import section_entities
from srbrief.model.story import (
    effective_points,
    executive_summary,
    point_chart,
    point_figures,
    section_meaning,
    shown_figures,
)
from srbrief.model.textutil import chinese_date, document_text, english_date
from srbrief.model.units import format_value

SourceHandler = Callable[[str], None]


class Panel(QScrollArea):
    """A scrollable page with a title, charts drawn on first show, and items that can be highlighted."""

    def __init__(self, key: str, title: str, lang: str) -> None:
        super().__init__()
        self.key = key
        self.lang = lang
        self.charts: list[ChartView] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body.setObjectName("Panel")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(28, 20, 28, 28)
        self.column.setSpacing(10)
        self.setWidget(self.body)
        self.title_label = self._label(title, "PanelTitle")

    def _claim(self, text: str, sources: tuple[Cite, ...]) -> QLabel:
        """A message with the clauses it rests on: shown on hover and on a click, like a figure's source."""
        label = ClaimLabel(text)
        label.setObjectName("Message")
        label.setWordWrap(True)
        sep = "：" if self.lang == "zh" else ": "
        briefing: Briefing = self.briefing  # type: ignore[attr-defined]
        lines = [f"{tr('source_of', self.lang)}{c.clause}（{briefing.document(c.doc).publication.get(self.lang)}）"
                 if self.lang == "zh" else
                 f"{tr('source_of', self.lang)}{c.clause} ({briefing.document(c.doc).publication.get(self.lang)})"
                 for c in sources]
        label.setToolTip("\n".join(lines) or tr("source_of", self.lang).rstrip(sep))
        label.setAccessibleDescription(label.toolTip())
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


def _list(rows: list[tuple[str, str, str]]) -> QListWidget:
    """Return a list widget of (id, text, tooltip) rows that grows to fit its content."""
    widget = QListWidget()
    widget.setObjectName("List")
    widget.setWordWrap(True)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for item_id, text, tip in rows:
        item = QListWidgetItem(f"■  {text}")
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setToolTip(tip)
        widget.addItem(item)
    widget.setMinimumHeight(min(26 * len(rows) + 8, 2000))
    return widget


class SectionPanel(Panel):
    """The overview (the executive summary first) or a theme (its points first: message, figures, chart, what
    was done), then the reference: every figure, the measures, the entities."""

    def __init__(self, briefing: Briefing, section: Section, lang: str, on_source: SourceHandler) -> None:
        super().__init__(section.id, section.title.get(lang), lang)
        self.briefing, self.on_source = briefing, on_source
        colour = section_meaning(briefing, section)
        self._label(section.lede.get(lang), "PanelLede")
        points = effective_points(section)
        if section.kind is SectionKind.OVERVIEW:
            self._summary(points[0] if points else None, colour)
            points = points[1:]
        for point in points:
            self._point(point, colour)
        if section.metrics:
            self._label(tr("all_figures", lang), "Heading")
            self.column.addWidget(card_grid(list(section.metrics), lang, on_source, section_colour=colour))
        shown = {p.chart for p in effective_points(section)}
        for chart in section.charts:
            if chart.kind in (ChartKind.TIMELINE, ChartKind.ROUTE_MAP) or chart.id in shown:
                continue  # they have their own panel, or a point shows them
            if chart.kind is ChartKind.KPI and set(chart.items) <= {m.id for m in section.metrics}:
                continue  # the cards above show these figures already
            self._chart(chart)
        if section.facts:
            self._label(tr("measures", lang), "Heading")
            rows = [(f.id, (f.title.get(lang) + " — " if f.title else "") + f.text.get(lang),
                     tr("source_of", lang) + f.source.clause) for f in section.facts]
            self.column.addWidget(_list(rows))
        entities = section_entities(briefing, section)
        if entities:
            self._label(tr("entities", lang), "Heading")
            rows = [(e.id, e.name.get(lang) + (f" — {e.description.get(lang)}" if e.description else ""), "")
                    for e in entities]
            self.column.addWidget(_list(rows))
        self.column.addStretch(1)

    def _chart(self, chart: Chart) -> None:
        view = ChartView(self.briefing, chart, self.lang)
        view.source_requested.connect(self.on_source)
        self.charts.append(view)
        self.column.addWidget(view)

    def _summary(self, lead: Point | None, colour: str) -> None:
        """The executive summary: the headline conclusion and figures, then each theme's conclusion and figure."""
        lang = self.lang
        self._label(tr("summary", lang), "Heading")
        if lead is not None:
            self._claim(lead.message.get(lang), lead.sources)
            figures = list(point_figures(self.briefing, lead))
            if figures:
                self.column.addWidget(card_grid(figures, lang, self.on_source, section_colour=colour))
        for line in executive_summary(self.briefing):
            accent = meaning.colour(palette.LIGHT, section_meaning(self.briefing, line.section))
            kicker = self._label(line.section.title.get(lang), "Kicker")
            kicker.setStyleSheet(f"color: {accent};")
            self._claim(line.message.get(lang), line.sources)
            if line.figure is not None:
                self.column.addWidget(card_grid([line.figure], lang, self.on_source,
                                                section_colour=section_meaning(self.briefing, line.section)))

    def _point(self, point: Point, colour: str) -> None:
        """A point of the storyline: its message, its figures, its chart and what was done."""
        self._claim(point.message.get(self.lang), point.sources)
        figures = list(shown_figures(self.briefing, point))
        if figures:
            self.column.addWidget(card_grid(figures, self.lang, self.on_source, section_colour=colour))
        chart = point_chart(self.briefing, point)
        if chart is not None and chart.kind is ChartKind.ROUTE_MAP:  # drawn once, on its own panel
            self._label(tr("map_elsewhere", self.lang), "PanelLede")
        elif chart is not None and chart.kind not in (ChartKind.KPI, ChartKind.TIMELINE):
            self._chart(chart)
        if point.facts:
            rows = [(point.id, f.text.get(self.lang), tr("source_of", self.lang) + f.source.clause)
                    for f in point.facts]
            self.column.addWidget(_list(rows))


class TimelinePanel(Panel):
    """The timeline and the route map, with the dated events."""

    def __init__(self, briefing: Briefing, lang: str, on_source: SourceHandler) -> None:
        super().__init__("timeline-map", tr("timeline_map", lang), lang)
        for chart in briefing.charts:
            if chart.kind in (ChartKind.TIMELINE, ChartKind.ROUTE_MAP):
                view = ChartView(briefing, chart, lang)
                view.source_requested.connect(on_source)
                self.charts.append(view)
                self.column.addWidget(view)
        self._label(tr("events", lang), "Heading")
        date = chinese_date if lang == "zh" else english_date
        rows = [(e.id, f"{date(e.date)}  {e.text.get(lang)}", tr("source_of", lang) + e.source.clause)
                for e in briefing.timeline]
        self.column.addWidget(_list(rows))
        self.column.addStretch(1)


class SourcesPanel(Panel):
    """The publication, and every figure with the clause it comes from."""

    def __init__(self, briefing: Briefing, lang: str) -> None:
        super().__init__("sources", tr("sources", lang), lang)
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
        sections = {m.id: s for s in briefing.sections for m in s.metrics}
        several = len(briefing.sources) > 1
        for row, metric in enumerate(metrics):
            clause = metric.source.clause
            if several:  # which document says it
                clause += f"（{briefing.document(metric.source.doc).publication.get(lang)}）"
            cells = [sections[metric.id].short_title.get(lang), metric.label.get(lang),
                     format_value(metric, lang), clause]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, metric.id)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
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
        window = self.window()
        briefing = getattr(window, "briefing", None)
        chart = briefing.index.get(item_id) if briefing is not None else None
        return set(getattr(chart, "items", ()) or ())
