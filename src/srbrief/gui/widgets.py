"""Small widgets: KPI cards, lazily drawn chart views, the error banner, flow of cards."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from srbrief import meaning, palette
from srbrief.deck.plandata import card_meta  # not deck.plan: the app paints before it plans a deck
from srbrief.gui.i18n import tr
from srbrief.model import Briefing, Chart, ChartKind, Cite, Metric, Source
from srbrief.model.story import figure_meaning
from srbrief.model.textutil import clause_in_sentence, document_text, no_lone_last_character
from srbrief.model.units import unit_joint, value_parts

CANVAS_MIN_HEIGHT = 360  # pixels, of a chart in a panel
KPI_CANVAS_HEIGHT = 250  # pixels, of a row of figure tiles (they need less height than a diagram)
CARD_BORDER = 2  # pixels, of #KpiCard in STYLE (not yet applied when the grid is built)


class KpiCard(QFrame):
    """A figure as a card: big number, unit, label. Hover shows the source; click or Enter jumps to it."""

    source_requested = Signal(str)  # metric id

    def __init__(self, metric: Metric, lang: str, accent: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("KpiCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(QSize(200, 118))
        self.number = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # in line across a row
        self.label.setObjectName("KpiLabel")
        self.meta = QLabel()  # the period and qualifier, as on the slides
        self.meta.setObjectName("KpiMeta")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.number)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.meta)
        self.show_metric(metric, accent)

    def show_metric(self, metric: Metric, accent: str) -> None:
        """Show *metric* (a card updated in place after an edit keeps its place and focus)."""
        lang = self.lang
        self.item = metric
        number, unit = value_parts(metric, lang)
        joint = unit_joint(unit, lang)
        self.number.setText(f"<span style='font-size:26pt; font-weight:700; color:{accent}'>{number}</span>"
                            f"<span style='font-size:12pt; color:{palette.LIGHT.muted}'>{joint}{unit}</span>")
        self.label.setText(no_lone_last_character(metric.label.get(lang)))
        meta = card_meta(metric, lang)
        self.meta.setText(meta)
        self.meta.setVisible(bool(meta))
        self.setToolTip(f"{tr('source_of', lang)}{metric.source.clause}")
        self.setAccessibleName(f"{metric.label.get(lang)} {number}{unit}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.source_requested.emit(self.item.id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.source_requested.emit(self.item.id)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.setProperty("focused", True)
        self.style().polish(self)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.setProperty("focused", False)
        self.style().polish(self)
        super().focusOutEvent(event)


class CardGrid(QWidget):
    """Figure cards in up to *columns* equal columns, fewer when the page is narrow (edit mode's form beside
    it, a small window): the page reflows instead of scrolling sideways or cutting a card off."""

    SPACING = 10

    def __init__(self, cards: list[KpiCard], columns: int) -> None:
        super().__init__()
        self.cards, self.most = cards, columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(self.SPACING)
        # the grid, not the length of a label, sets a card's width: every column is as wide as the others, and
        # never narrower than the widest number with its unit (that line does not wrap)
        self.card_width = max((card.minimumSizeHint().width() for card in cards), default=0) + 2 * CARD_BORDER
        for card in cards:
            card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            card.setMinimumWidth(max(card.minimumWidth(), self.card_width))
            self.card_width = max(self.card_width, card.minimumWidth())
        self.columns = 0
        self._arrange(columns)

    def columns_for(self, width: int) -> int:
        return max(1, min(self.most, (width + self.SPACING) // (self.card_width + self.SPACING)))

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        for card in self.cards:
            self.grid.removeWidget(card)
        for column in range(max(self.columns, columns)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns)
        self.columns = columns

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name: one card wide at least, never four
        hint = super().minimumSizeHint()
        return QSize(self.card_width, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        width = event.size().width()
        self._arrange(self.columns_for(width))
        equal = max(self.card_width, (width - self.SPACING * (self.columns - 1)) // self.columns)
        for card in self.cards:  # one width for every column (the layout would share odd pixels unequally)
            card.setMaximumWidth(equal)


def card_grid(metrics: list[Metric], lang: str, on_source: Callable[[str], None], columns: int = 4,
              section_colour: str = "section0", accents: list[str] | None = None) -> CardGrid:
    """Return a grid of KPI cards for *metrics*, coloured as on the slides (the section's colour, green for
    good news and red for bad) or with the given *accents*."""
    if accents is None:
        accents = [meaning.colour(palette.LIGHT, figure_meaning(m, section_colour)) for m in metrics]
    cards = [KpiCard(metric, lang, accent) for metric, accent in zip(metrics, accents, strict=True)]
    for card in cards:
        card.source_requested.connect(on_source)
    return CardGrid(cards, columns)


def chart_key(briefing: Briefing, chart: Chart, lang: str) -> tuple[Any, ...]:
    """Return what a chart's drawing depends on: the chart, everything it shows, its source line, the language."""
    shown = tuple(briefing.index.get(i) for i in chart.items)
    places = briefing.entities if chart.kind is ChartKind.ROUTE_MAP else ()
    events = briefing.timeline if chart.kind is ChartKind.TIMELINE and not chart.items else ()
    return (chart, shown, places, events, briefing.documents_cited_by(shown), lang)


REUSABLE_CANVASES: dict[tuple[Any, ...], tuple[Any, int]] = {}  # drawn charts kept over a rebuild: canvas, age


class ChartView(QFrame):
    """A chart of the briefing: an empty frame until :meth:`draw` creates the matplotlib canvas."""

    source_requested = Signal(str)  # chart id

    def __init__(self, briefing: Briefing, chart: Chart, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.briefing, self.chart, self.lang = briefing, chart, lang
        self.canvas: Any = None
        self.drawn_size = (0, 0)  # the canvas size (pixels) the chart was last laid out for
        self.layouts = 0  # how many times the chart was laid out (drawn from the model)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(250)  # once the user has stopped resizing the window
        self._relayout.timeout.connect(self._lay_out_again)
        self.setObjectName("ChartView")
        self.canvas_height = KPI_CANVAS_HEIGHT if chart.kind is ChartKind.KPI else CANVAS_MIN_HEIGHT
        self.setMinimumHeight(self.canvas_height + 20)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(f"{chart.title.get(lang)} — {tr('charts_loading', lang)}")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.placeholder, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.source_button = QPushButton(tr("show_source", lang))
        self.source_button.setObjectName("LinkButton")
        self.source_button.clicked.connect(lambda: self.source_requested.emit(self.chart.id))
        row.addWidget(self.source_button)
        self.layout_.addLayout(row)

    @property
    def drawn(self) -> bool:
        return self.canvas is not None

    @property
    def key(self) -> tuple[Any, ...]:
        """Return what the drawing depends on (see :func:`chart_key`)."""
        return chart_key(self.briefing, self.chart, self.lang)

    def show_data(self, briefing: Briefing, chart: Chart) -> None:
        """Show *chart* of *briefing*: drawn again on the same canvas if what it shows changed."""
        before = self.key
        self.briefing, self.chart = briefing, chart
        if self.canvas is not None and self.key != before:
            from srbrief.charts import draw_chart

            draw_chart(self.canvas.figure, briefing, chart, self.lang)
            self.layouts += 1
            self.canvas.draw_idle()

    def draw(self) -> None:
        """Create the canvas and draw the chart (imports matplotlib on first use)."""
        if self.canvas is not None:
            return
        from matplotlib.figure import Figure

        from srbrief.charts import draw_chart

        # Drawn at the size it is shown (where the placeholder is), so titles and notes wrap to the real width
        # and the chart leaves them the room they really take; the canvas follows later resizes.
        width, height = self.placeholder.width(), max(self.placeholder.height(), self.canvas_height)
        size = (width / 100, height / 100) if width >= 400 and height >= 200 else (10, 5.625)
        figure = Figure(figsize=size, dpi=100, layout=None)
        draw_chart(figure, self.briefing, self.chart, self.lang)
        self.layouts += 1
        self.drawn_size = (width, height)
        self.canvas = chart_canvas_class()(figure)
        self.canvas.setMinimumHeight(self.canvas_height)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.layout_.replaceWidget(self.placeholder, self.canvas)
        self.placeholder.deleteLater()
        self.canvas.draw_idle()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.canvas is not None:
            self._relayout.start()

    def _lay_out_again(self) -> None:
        """Draw the chart again for its new size: wrapping and the room kept for labels depend on it (the
        canvas alone would only stretch the old layout)."""
        from srbrief.charts import draw_chart

        if self.canvas is None:
            return
        size = (self.canvas.width(), self.canvas.height())
        if abs(size[0] - self.drawn_size[0]) < 16 and abs(size[1] - self.drawn_size[1]) < 16:
            return
        draw_chart(self.canvas.figure, self.briefing, self.chart, self.lang)
        self.layouts += 1
        self.drawn_size = size
        self.canvas.draw_idle()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - keep 16:9
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return int(width * 9 / 16) + 32


class Banner(QFrame):
    """A dismissible error banner at the top of the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton("×")
        close.setFixedWidth(28)
        close.setAccessibleName("close")
        close.clicked.connect(self.hide)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, message: str) -> None:
        self.text.setText(message)
        self.show()


def style_sheet(scheme: palette.Scheme = palette.LIGHT) -> str:
    """Return the app's Qt style sheet in the colours of *scheme* (the house palette: no literal elsewhere)."""
    c = scheme
    accent, second = c.sections[0], c.sections[1]
    return f"""
QMainWindow, QScrollArea, #Panel {{ background: {c.background}; }}
#Sidebar {{ background: {c.card}; border: none; font-size: 11pt; padding-top: 8px; outline: 0; }}
#Sidebar::item {{ padding: 10px 14px; }}
#Sidebar::item:selected {{ background: {accent}; color: {c.background}; }}
#PanelTitle {{ font-size: 20pt; font-weight: 700; color: {c.text}; }}
#PanelLede {{ font-size: 12pt; color: {c.lede}; }}
#Heading {{ font-size: 13pt; font-weight: 700; color: {accent}; margin-top: 12px; }}
#KpiCard {{ background: {c.card}; border-radius: 8px; border: 2px solid transparent; }}
#KpiCard:hover, #KpiCard[focused="true"] {{ border: 2px solid {accent}; }}
#KpiCard[highlight="true"] {{ border: 2px solid {second}; background: {c.highlight}; }}
#KpiLabel {{ font-size: 10.5pt; color: {c.text}; }}
#KpiMeta {{ font-size: 9pt; color: {c.muted}; }}
#Message {{ font-size: 14pt; font-weight: 700; color: {c.text}; margin-top: 14px; }}
#Kicker {{ font-size: 11pt; font-weight: 700; margin-top: 10px; }}
#Banner {{ background: {c.error}; border-bottom: 1px solid {c.decrease}; }}
#SourcePopover {{ background: {c.background}; border: 1px solid {c.muted}; }}
#LinkButton {{ border: none; color: {accent}; text-decoration: underline; padding: 2px 6px; }}
QListWidget#List {{ border: none; font-size: 11pt; }}
QTableWidget {{ font-size: 10.5pt; }}
QTableWidget::item {{ padding: 5px 0px; }}
"""


STYLE = style_sheet()



@lru_cache(maxsize=1)
def chart_canvas_class() -> type:
    """Return the Qt canvas for charts: it paints holding the chart lock, with the house matplotlib settings
    (an export may be drawing charts in a worker thread at the same time; matplotlib is not thread-safe)."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from srbrief.charts import chart_context

    class ChartCanvas(FigureCanvasQTAgg):
        def draw(self) -> None:
            with chart_context():
                super().draw()

        def wheelEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
            """The charts do not zoom: the wheel scrolls the page they are on (handed to its scroll bar; Qt
            does not pass an ignored wheel event on to the page in every case)."""
            from PySide6.QtWidgets import QAbstractScrollArea, QApplication

            page = self.parentWidget()
            while page is not None and not isinstance(page, QAbstractScrollArea):
                page = page.parentWidget()
            if page is None:
                event.ignore()
                return
            QApplication.sendEvent(page.verticalScrollBar(), event)

    return ChartCanvas


class SourcePopover(QFrame):
    """A figure's source beside its card: the clause marked inside its sentence, the document and its date,
    and "open in the article". It closes on a click elsewhere or Escape."""

    open_article = Signal(str)  # the item id

    def __init__(self, item_id: str, title: str, cite: Cite, document: Source, article: str | None, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("SourcePopover")
        self.item_id = item_id
        self.setFrameShape(QFrame.Shape.Box)
        self.setMinimumWidth(360)
        self.setMaximumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        heading = QLabel(f"<b>{html.escape(title)}</b>")
        heading.setWordWrap(True)
        found = clause_in_sentence(article, cite.clause) if article else None
        before, clause, after = found or ("", cite.clause, "")
        mark = f"background:{palette.LIGHT.highlight}; font-weight:700"
        self.sentence = QLabel(f"{tr('source_of', lang)}{html.escape(before)}<span style='{mark}'>"
                               f"{html.escape(clause)}</span>{html.escape(after)}")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.translation = QLabel(f"“{cite.en}”" if lang == "en" and cite.en else "")  # ours, for the clause
        self.translation.setWordWrap(True)
        self.translation.setToolTip(tr("translation_note", lang))
        self.translation.setVisible(bool(self.translation.text()))
        self.document = QLabel(document_text(document, lang))
        self.document.setObjectName("KpiMeta")
        self.document.setWordWrap(True)
        self.button = QPushButton(tr("open_in_article", lang) if article else tr("show_source", lang))
        self.button.setObjectName("LinkButton")
        self.button.clicked.connect(self._open)
        for widget in (heading, self.sentence, self.translation, self.document):
            layout.addWidget(widget)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)

    def _open(self) -> None:
        self.close()
        self.open_article.emit(self.item_id)

    def show_beside(self, anchor: QWidget) -> None:
        """Show beside *anchor*: right of it, else left of it, else below or above it, never covering it, and
        kept on its screen."""
        self.adjustSize()
        card = QRect(anchor.mapToGlobal(QPoint(0, 0)), anchor.size())
        screen = anchor.screen().availableGeometry()
        gap, w, h = 8, self.width(), self.height()
        places = [QPoint(card.right() + gap, card.top()), QPoint(card.left() - gap - w, card.top()),
                  QPoint(card.left(), card.bottom() + gap), QPoint(card.left(), card.top() - gap - h)]
        for place in places:
            x = min(max(screen.left(), place.x()), max(screen.left(), screen.right() - w))
            y = min(max(screen.top(), place.y()), max(screen.top(), screen.bottom() - h))
            if not QRect(x, y, w, h).intersects(card):
                break
        self.move(x, y)
        self.show()
