"""Paint the slides of a deck plan with QPainter: one renderer for the presenter and the PDF handout.

Slides are laid out on a 1280 × 720 canvas (the PPTX's 13.333 × 7.5 in at 96 px/in) with the same
proportions as the PPTX writer, and scaled to whatever they are painted on.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

from srbrief.deck.plan import BULLET_GUTTER, DeckPlan, Role, Slide, bullet_columns, card_columns, card_slot
from srbrief.fonts import FAMILY
from srbrief.gui.qtfonts import register_fonts
from srbrief.model import Metric
from srbrief.model.textutil import no_lone_last_character
from srbrief.model.units import value_parts
from srbrief.palette import CARD_COLOURS, DARK_PALETTE, LIGHT_PALETTE

WIDTH, HEIGHT = 1280.0, 720.0
MARGIN = WIDTH * 0.045


@dataclass(frozen=True)
class Palette:
    background: str
    text: str
    muted: str
    card: str
    accents: tuple[str, ...]
    theme: str  # the chart theme name


# cards in the presenter and the PDF in the same colours as in the app and the deck
LIGHT = Palette("#ffffff", "#1d2733", "#5b6675", "#f3f6fa", LIGHT_PALETTE[:CARD_COLOURS], "light")
DARK = Palette("#121820", "#eef2f6", "#9aa7b6", "#1d2631", DARK_PALETTE[:CARD_COLOURS], "dark")

LABEL_SMALLEST = 15.0  # pixels, on a 1280-pixel-wide slide: still legible when projected
LABEL_FLOOR = 10.0  # pixels: a label smaller still would be cut off, which is worse
NUMBER_KEEP = 28.0  # pixels: card numbers shrink to this for their labels' sake, then the labels shrink


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(FAMILY)
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def _fitted_font(painter: QPainter, text: str, rect: QRectF, largest: float, smallest: float,
                 bold: bool = False, flags: int = 0) -> QFont:
    """Return the largest font (pixel size in [smallest, largest]) at which *text* fits *rect*, wrapped."""
    size = largest
    while True:
        font = _font(size, bold)
        if _fits(painter, text, rect, font, flags) or size <= smallest:
            return font
        size -= 1


def _fits(painter: QPainter, text: str, rect: QRectF, font: QFont, flags: int = 0) -> bool:
    """Return whether *text*, wrapped, fits *rect* in *font*."""
    painter.setFont(font)
    needed = painter.boundingRect(rect, flags | Qt.TextFlag.TextWordWrap, text)
    return needed.height() <= rect.height() and needed.width() <= rect.width() + 0.5


def chart_svg(plan: DeckPlan, chart_id: str, theme: str, width: float, height: float) -> bytes:
    """Return the chart drawn by matplotlib as SVG with text kept as text (family list trimmed for Qt)."""
    from srbrief.charts import render_chart
    from srbrief.charts.style import SLIDE_ZOOM

    buffer = io.BytesIO()
    render_chart(plan.briefing, plan.briefing.find(chart_id), plan.lang, buffer, fmt="svg", theme=theme,
                 size=(width / 96 / SLIDE_ZOOM, height / 96 / SLIDE_ZOOM), frame=False)
    svg = re.sub(r"font-family: [^;\"]+", f"font-family: {FAMILY}", buffer.getvalue().decode("utf-8"))
    # Qt's SVG renderer lets a text without a weight inherit the last one it drew (bold after a bold date):
    # every text says its weight (and its style)
    svg = re.sub(r'style="(?![^"]*font-weight)([^"]*font-size)', r'style="font-weight: 400; \1', svg)
    return re.sub(r'style="(?![^"]*font-style)([^"]*font-size)', r'style="font-style: normal; \1', svg).encode("utf-8")


class SlidePainter:
    """Paints slide *n* of a plan into any rectangle of any QPainter (widget, image or PDF page)."""

    def __init__(self, plan: DeckPlan, palette: Palette = LIGHT) -> None:
        register_fonts()
        self.plan = plan
        self.palette = palette
        self._svgs: dict[str, QSvgRenderer] = {}  # chart id → renderer: charts are drawn once per painter
        self.overflows: list[str] = []  # texts painted larger than their box (cut off)

    def paint(self, painter: QPainter, target: QRectF, index: int) -> None:
        """Paint slide *index* (0-based) scaled into *target*, keeping 16:9."""
        slide = self.plan.slides[index]
        self.overflows = []  # of the slide painted last
        scale = min(target.width() / WIDTH, target.height() / HEIGHT)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(target.x() + (target.width() - WIDTH * scale) / 2,
                          target.y() + (target.height() - HEIGHT * scale) / 2)
        painter.scale(scale, scale)
        painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QColor(self.palette.background))
        if slide.role in (Role.TITLE, Role.SECTION, Role.CLOSING):
            self._big_title(painter, slide)
        else:
            self._title(painter, slide.title)
            body = QRectF(MARGIN, HEIGHT * 0.2, WIDTH - 2 * MARGIN, HEIGHT * 0.68)
            if slide.role is Role.FIGURES:
                self._cards(painter, list(slide.metrics), body)
            elif slide.chart is not None:
                self._chart(painter, slide, body)
            elif slide.bullets:
                self._bullets(painter, list(slide.bullets), body)
        if slide.role is not Role.TITLE:
            self._footer(painter, index + 1, len(self.plan.slides))
        painter.restore()

    def _text(self, painter: QPainter, rect: QRectF, text: str, font: QFont, colour: str,
              flags: int = 0, one_line: bool = False) -> None:
        """Draw *text* wrapped in *rect*; *one_line*: a number or unit whose box is its glyphs' height, not a
        full line's (its width is still checked)."""
        painter.setFont(font)
        painter.setPen(QColor(colour))
        needed = painter.boundingRect(rect, flags | Qt.TextFlag.TextWordWrap, text)
        lines = round(needed.height() / painter.fontMetrics().lineSpacing())
        if (lines > 1 if one_line else needed.height() > rect.height() + 0.5) or needed.width() > rect.width() + 0.5:
            self.overflows.append(text)  # drawn all the same; tests require that none is cut off
        painter.drawText(rect, flags | Qt.TextFlag.TextWordWrap, text)

    def _title(self, painter: QPainter, text: str) -> None:
        rect = QRectF(MARGIN, HEIGHT * 0.05, WIDTH - 2 * MARGIN, HEIGHT * 0.12)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        font = _fitted_font(painter, text, rect, 40, 24, bold=True, flags=flags)
        self._text(painter, rect, text, font, self.palette.text, flags)

    def _big_title(self, painter: QPainter, slide: Slide) -> None:
        rect = QRectF(MARGIN, HEIGHT * 0.3, WIDTH - 2 * MARGIN, HEIGHT * 0.22)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        font = _fitted_font(painter, slide.title, rect, 58, 32, bold=True, flags=flags)
        self._text(painter, rect, slide.title, font, self.palette.accents[0], flags)
        if slide.subtitle:
            sub = QRectF(MARGIN, rect.bottom() + HEIGHT * 0.02, rect.width(), HEIGHT * 0.16)
            self._text(painter, sub, slide.subtitle, _font(27), self.palette.text)

    def _footer(self, painter: QPainter, number: int, total: int) -> None:
        y, h = HEIGHT * 0.93, HEIGHT * 0.05
        self._text(painter, QRectF(MARGIN, y, WIDTH * 0.7, h), self.plan.footer, _font(13), self.palette.muted,
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._text(painter, QRectF(WIDTH - MARGIN - WIDTH * 0.12, y, WIDTH * 0.12, h), f"{number} / {total}",
                   _font(13), self.palette.muted, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _cards(self, painter: QPainter, metrics: list[Metric], box: QRectF) -> None:
        n = len(metrics)
        cols = card_columns(n)
        rows = -(-n // cols)
        gap = box.width() * 0.015
        w = (box.width() - gap * (cols - 1)) / cols
        h = min((box.height() - gap * (rows - 1)) / rows, box.height() * 0.55)
        top = box.y() + (box.height() - (h * rows + gap * (rows - 1))) / 2
        lang = self.plan.lang
        inset = w * 0.06
        number_size = min(53.0, h * 0.4)
        parts = [value_parts(m, lang) for m in metrics]
        painter.setFont(_font(number_size, True))
        while number_size > 18 and any(painter.fontMetrics().horizontalAdvance(p[0]) > (w - 2 * inset) * 0.85
                                       for p in parts):
            number_size -= 2
            painter.setFont(_font(number_size, True))

        def inner_of(card: QRectF) -> QRectF:
            return card.adjusted(inset, h * 0.08, -inset, -h * 0.06)

        probe = inner_of(QRectF(0, 0, w, h))
        labels = [m.label.get(lang) for m in metrics]

        def label_box(number: str, unit: str, inner: QRectF) -> QRectF:
            below = self._units_below(painter, [(number, unit)], probe, number_size)
            return self._card_rects(painter, number, unit, inner, number_size, below)[1]

        while number_size > NUMBER_KEEP and not all(  # smaller numbers (to a point) before smaller labels
                self._label_fits(painter, label, label_box(number, unit, probe))
                for label, (number, unit) in zip(labels, parts, strict=True)):
            number_size -= 2
        # one label size for every card of the slide: the largest at which each label fits its card (below
        # LABEL_SMALLEST only when the numbers could give no more room: smaller, never cut off)
        label_size = min(_fitted_font(painter, no_lone_last_character(label), label_box(number, unit, probe), 24,
                                      LABEL_FLOOR).pixelSize()
                         for label, (number, unit) in zip(labels, parts, strict=True))
        for i, (label, (number, unit)) in enumerate(zip(labels, parts, strict=True)):
            below = self._units_below(painter, [(number, unit)], probe, number_size)  # a unit too long to fit
            row, col = card_slot(i, n)
            card = QRectF(box.x() + col * (w + gap), top + row * (h + gap), w, h)
            path = QPainterPath()
            path.addRoundedRect(card, 8, 8)
            painter.fillPath(path, QColor(self.palette.card))
            inner = inner_of(card)
            accent = self.palette.accents[i % len(self.palette.accents)]
            head_width, label_rect = self._card_rects(painter, number, unit, inner, number_size, below)
            number_rect = QRectF(inner.x(), inner.y(), inner.width(), number_size * 1.3)
            self._text(painter, number_rect, number, _font(number_size, True), accent,
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, one_line=True)
            if unit:
                unit_font = _font(max(13.0, number_size * 0.45))
                if not below:
                    unit_rect = QRectF(inner.x() + head_width, inner.y(), inner.width() - head_width,
                                       number_size * 1.18)
                    self._text(painter, unit_rect, unit, unit_font, self.palette.muted,
                               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, one_line=True)
                else:
                    unit_rect = QRectF(inner.x(), number_rect.bottom(), inner.width(), number_size * 0.6)
                    self._text(painter, unit_rect, unit, unit_font, self.palette.muted, one_line=True)
            font = _font(label_size)
            self._text(painter, label_rect, no_lone_last_character(label), font, self.palette.text)

    def _head_width(self, painter: QPainter, number: str, number_size: float) -> float:
        painter.setFont(_font(number_size, True))
        return painter.fontMetrics().horizontalAdvance(number + (" " if self.plan.lang == "en" else ""))

    def _units_below(self, painter: QPainter, parts: list[tuple[str, str]], inner: QRectF,
                     number_size: float) -> bool:
        """Return whether some unit of *parts* does not fit beside its number."""
        widths = [(self._head_width(painter, number, number_size), unit) for number, unit in parts if unit]
        painter.setFont(_font(max(13.0, number_size * 0.45)))
        return any(head + painter.fontMetrics().horizontalAdvance(unit) > inner.width() * 0.95
                   for head, unit in widths)

    def _card_rects(self, painter: QPainter, number: str, unit: str, inner: QRectF, number_size: float,
                    below: bool) -> tuple[float, QRectF]:
        """Return a card's number width and its label's box (under the unit line when units go *below*)."""
        head_width = self._head_width(painter, number, number_size)
        y = inner.y() + number_size * 1.3 + (number_size * 0.6 if below else 0)
        return head_width, QRectF(inner.x(), y + 2, inner.width(), inner.bottom() - y - 2)

    @staticmethod
    def _label_fits(painter: QPainter, label: str, rect: QRectF) -> bool:
        return _fits(painter, no_lone_last_character(label), rect, _font(LABEL_SMALLEST))

    def _bullets(self, painter: QPainter, bullets: list[str], box: QRectF) -> None:
        columns = bullet_columns(bullets)
        col_w = box.width() / len(columns)
        gutter = box.width() * BULLET_GUTTER if len(columns) > 1 else 0.0  # clear space between columns
        size = 32.0
        while size > 16:
            painter.setFont(_font(size))
            heights = [sum(painter.boundingRect(QRectF(0, 0, col_w - size * 1.2 - gutter, 1e6),
                                                Qt.TextFlag.TextWordWrap, b).height() + size * 0.5 for b in column)
                       for column in columns]
            if max(heights) <= box.height():
                break
            size -= 1
        for c, column in enumerate(columns):
            y = box.y()
            x = box.x() + c * col_w
            for bullet in column:
                painter.fillRect(QRectF(x, y + size * 0.42, size * 0.42, size * 0.42), QColor(self.palette.accents[0]))
                rect = QRectF(x + size * 0.9, y, col_w - size * 1.2 - gutter, box.bottom() - y)
                painter.setFont(_font(size))
                used = painter.boundingRect(rect, Qt.TextFlag.TextWordWrap, bullet)
                self._text(painter, rect, bullet, _font(size), self.palette.text)
                y += used.height() + size * 0.5

    def _chart(self, painter: QPainter, slide: Slide, box: QRectF) -> None:
        assert slide.chart is not None
        renderer = self._svgs.get(slide.chart.id)
        if renderer is None:
            svg = chart_svg(self.plan, slide.chart.id, self.palette.theme, box.width(), box.height())
            renderer = self._svgs[slide.chart.id] = QSvgRenderer(QByteArray(svg))
        renderer.render(painter, box)
