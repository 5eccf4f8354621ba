"""Paint the slides of a deck plan with QPainter: one renderer for the presenter and the PDF handout.

It draws the slide layout (srbrief.deck.layout), the same boxes, sizes and line breaks as the PowerPoint deck,
on a 1280 × 720 canvas (the deck's 960 × 540 points at 96 px/in), scaled to whatever it paints on.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

from srbrief import meaning, palette
from srbrief.deck.layout import (
    SLIDE_SIZE,
    TABLE_PAD,
    ChartBlock,
    Para,
    Rect,
    SlideLayout,
    TableBlock,
    TextBlock,
    layout_slide,
    plain,
)
from srbrief.deck.plan import DeckPlan
from srbrief.deck.plandata import NOTE_BULLET
from srbrief.fonts import FAMILY
from srbrief.gui.qtfonts import register_fonts
from srbrief.model import Chart
from srbrief.textlayout import LINE_SPACING, Fit, fit_text, font_measurer, shown, slide_measurer, text_height

WIDTH, HEIGHT = 1280.0, 720.0
PX = WIDTH / SLIDE_SIZE[0]  # canvas pixels per layout point
FINE = 16  # text is set at FINE × its size under a 1/FINE scale: QFont sizes are whole pixels
BASELINE = 0.8  # where a line's baseline sits, as a fraction of the line's height (as PowerPoint sets it)


@dataclass(frozen=True)
class Palette:
    scheme: palette.Scheme

    @property
    def theme(self) -> str:  # the chart theme name
        return self.scheme.name

    def colour(self, role: str) -> QColor:
        return QColor(meaning.colour(self.scheme, role))


LIGHT = Palette(palette.LIGHT)
DARK = Palette(palette.DARK)


def _font(size: float, bold: bool = False) -> QFont:
    """Return the bundled font at *size* pixels."""
    font = QFont(FAMILY)
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def draw_fitted(painter: QPainter, text: str, rect: QRectF, largest: float, smallest: float,
                bold: bool = False) -> None:
    """Draw *text* (paragraphs split at line breaks) in *rect* at the largest pixel size in [smallest, largest]
    at which it fits, broken into lines by the one fitting routine of srbrief.textlayout (the presenter's
    notes, a handout's notes), in the painter's pen."""
    fit, bulleted, indent = _fitted(text, rect.width(), rect.height(), largest, smallest, bold)
    painter.save()
    try:
        painter.translate(rect.x(), rect.y())
        painter.scale(1 / FINE, 1 / FINE)
        painter.setFont(_font(fit.size * FINE, bold))
        line_h = fit.size * LINE_SPACING * FINE
        y = line_h * BASELINE
        for lines, bullet in zip(fit.lines, bulleted, strict=True):
            x = indent * fit.size * FINE if bullet else 0.0
            if bullet:
                painter.drawText(QPointF(0, y), NOTE_BULLET.strip())
            for line in lines:
                painter.drawText(QPointF(x, y), shown(line))
                y += line_h
    finally:
        painter.restore()


def _fitted(text: str, width: float, height: float, largest: float, smallest: float,
            bold: bool) -> tuple[Fit, list[bool], float]:
    """Return how :func:`draw_fitted` sets *text*: its fit, which paragraphs are a source list's clauses (hung
    under their bullet) and that indent in ems."""
    measurer = font_measurer(1.0)
    paragraphs = text.split("\n")
    bulleted = [p.startswith(NOTE_BULLET) for p in paragraphs]  # a clause of the sources: a hanging indent
    paragraphs = [p.removeprefix(NOTE_BULLET) for p in paragraphs]
    indent = measurer.em_width(NOTE_BULLET, bold)
    fit = fit_text(paragraphs, width, height, largest, smallest, measurer, bold, gap=0.0,
                   indents=[indent if b else 0.0 for b in bulleted])
    return fit, bulleted, indent


def fitted_height(text: str, width: float, size: float, bold: bool = False) -> float:
    """Return the height *text* takes in *width* set by :func:`draw_fitted` at *size* pixels."""
    fit, bulleted, _ = _fitted(text, width, float("inf"), size, size, bold)
    return text_height(sum(len(lines) for lines in fit.lines), len(bulleted), size, 0.0)


def chart_svg(plan: DeckPlan, chart: Chart, theme: str, width: float, height: float, zoom: float = 1.25) -> bytes:
    """Return *chart* drawn by matplotlib as SVG with text kept as text (family list trimmed for Qt); *width* and
    *height* in canvas pixels. The chart is the slide's (the plan's own timeline of a briefing without one is
    in no list of the briefing)."""
    from srbrief.charts import render_chart

    buffer = io.BytesIO()
    render_chart(plan.briefing, chart, plan.lang, buffer, fmt="svg", theme=theme,
                 size=(width / 96 / zoom, height / 96 / zoom), frame=False)
    svg = re.sub(r"font-family: [^;\"]+", f"font-family: {FAMILY}", buffer.getvalue().decode("utf-8"))
    # Qt's SVG renderer lets a text without a weight inherit the last one it drew (bold after a bold date):
    # every text says its weight (and its style)
    svg = re.sub(r'style="(?![^"]*font-weight)([^"]*font-size)', r'style="font-weight: 400; \1', svg)
    return re.sub(r'style="(?![^"]*font-style)([^"]*font-size)', r'style="font-style: normal; \1', svg).encode("utf-8")


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x * PX, rect.y * PX, rect.w * PX, rect.h * PX)


class SlidePainter:
    """Paints slide *n* of a plan into any rectangle of any QPainter (widget, image or PDF page)."""

    def __init__(self, plan: DeckPlan, scheme: Palette = LIGHT) -> None:
        register_fonts()
        self.plan = plan
        self.palette = scheme
        self._svgs: dict[str, QSvgRenderer] = {}  # chart id → renderer: charts are drawn once per painter
        self._layouts: dict[int, SlideLayout] = {}
        self.overflows: list[str] = []  # texts of the slide painted last that do not fit their box

    def layout(self, index: int) -> SlideLayout:
        """Return the layout of slide *index* (computed once)."""
        found = self._layouts.get(index)
        if found is None:
            found = self._layouts[index] = layout_slide(self.plan, index, slide_measurer())
        return found

    def paint(self, painter: QPainter, target: QRectF, index: int) -> None:
        """Paint slide *index* (0-based) scaled into *target*, keeping 16:9."""
        layout = self.layout(index)
        self.overflows = list(layout.overflows)
        scale = min(target.width() / WIDTH, target.height() / HEIGHT)
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.translate(target.x() + (target.width() - WIDTH * scale) / 2,
                              target.y() + (target.height() - HEIGHT * scale) / 2)
            painter.scale(scale, scale)
            painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), self.palette.colour("background"))
            for block in layout.blocks:
                if isinstance(block, ChartBlock):
                    self._chart(painter, block)
                elif isinstance(block, TableBlock):
                    self._table(painter, block)
                else:
                    self._text_block(painter, block)
        finally:
            painter.restore()

    def _table(self, painter: QPainter, block: TableBlock) -> None:
        """A table: the header on the card colour, a rule under every row, each cell's lines."""
        y = block.rect.y
        rule = self.palette.colour("rule")
        for r, (row, height) in enumerate(zip(block.rows, block.heights, strict=True)):
            if r == 0:
                painter.fillRect(_qrect(Rect(block.rect.x, y, block.rect.w, height)), self.palette.colour("card"))
            x = block.rect.x
            for lines, width in zip(row, block.widths, strict=True):
                inner = Rect(x + TABLE_PAD, y + TABLE_PAD, width - 2 * TABLE_PAD, height - 2 * TABLE_PAD)
                para = plain(lines, block.size, bold=r == 0)
                top = inner.y
                for line in para.lines:
                    self._line(painter, para, line, inner, top)
                    top += para.line_height
                x += width
            y += height
            painter.fillRect(_qrect(Rect(block.rect.x, y - 0.5, block.rect.w, 0.75)), rule)

    def _text_block(self, painter: QPainter, block: TextBlock) -> None:
        if block.fill is not None and not block.paras:  # a bar of colour
            painter.fillRect(_qrect(block.rect), self.palette.colour(block.fill))
            return
        if block.fill is not None:
            path = QPainterPath()
            path.addRoundedRect(_qrect(block.rect), 8, 8)
            painter.fillPath(path, self.palette.colour(block.fill))
        inner = block.inner
        y = block.first_line_top()
        for para in block.paras:
            y += para.space_before
            for line in para.lines:
                self._line(painter, para, line, inner, y)
                y += para.line_height
        if y > inner.bottom + 0.5 and block.paras:  # taller than its box: drawn all the same, and reported
            self.overflows.append(" ".join(p.text for p in block.paras))

    def _line(self, painter: QPainter, para: Para, line: tuple, inner: Rect, top: float) -> None:
        """Draw one line of runs: left, centred or right in *inner*, its baseline BASELINE down the line."""
        widths = []
        for run in line:
            metrics = QFontMetricsF(_font(run.size * PX * FINE, run.bold))
            widths.append(metrics.horizontalAdvance(shown(run.text)) / FINE)
        room = (inner.w - para.indent) * PX
        total = sum(widths)
        if total > room + 1.0:
            self.overflows.append("".join(run.text for run in line))
        x = (inner.x + para.indent) * PX
        if para.align == "center":
            x += (room - total) / 2
        elif para.align == "right":
            x += room - total
        baseline = (top + para.line_height * BASELINE) * PX
        if para.bullet and line is para.lines[0]:
            side = para.size * 0.42 * PX
            painter.fillRect(QRectF(inner.x * PX, baseline - para.size * 0.36 * PX - side / 2, side, side),
                             self.palette.colour(para.bullet_colour))
        for run, width in zip(line, widths, strict=True):
            painter.save()
            painter.translate(x, baseline)
            painter.scale(1 / FINE, 1 / FINE)
            painter.setFont(_font(run.size * PX * FINE, run.bold))
            painter.setPen(self.palette.colour(run.colour))
            painter.drawText(QPointF(0, 0), shown(run.text))
            painter.restore()
            x += width

    def _chart(self, painter: QPainter, block: ChartBlock) -> None:
        box = _qrect(block.rect)
        renderer = self._svgs.get(block.chart.id)
        if renderer is None:
            svg = chart_svg(self.plan, block.chart, self.palette.theme, box.width(), box.height(), block.zoom)
            renderer = self._svgs[block.chart.id] = QSvgRenderer(QByteArray(svg))
        renderer.render(painter, box)
