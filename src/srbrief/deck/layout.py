"""The slide layout: every box, type size and line break of a slide, computed once for every renderer.

Qt-free, pptx-free and matplotlib-free. :func:`layout_slide` turns one slide of a :class:`DeckPlan` into
blocks in points on the slide; the PPTX writer and the Qt painter (presenter, PDF handout) only draw them,
so the deck, the presenter and the PDF cannot disagree, and a layout fix is made once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from srbrief.deck.plan import BULLET_GUTTER, DeckPlan, Role, Slide, bullet_columns, card_columns, card_slot
from srbrief.model import Chart, Metric
from srbrief.model.units import value_parts
from srbrief.palette import CARD_COLOURS
from srbrief.textlayout import LINE_SPACING, Measurer, break_lines, fit_text, is_wide, join_lines

SLIDE_SIZE = (960.0, 540.0)  # points: 13.333 × 7.5 in, 16:9
Anchor = Literal["top", "middle", "bottom"]
Align = Literal["left", "center", "right"]

# The type scale of a slide, in points.
TITLE_SIZES = (30.0, 18.0)  # largest, smallest
BIG_TITLE_SIZES = (44.0, 24.0)
SUBTITLE = 20.0
FOOTER = 10.0
NUMBER_LARGEST = 40.0
NUMBER_KEEP = 24.0  # card numbers shrink to this for their labels' sake; after that the labels shrink
NUMBER_SMALLEST = 14.0
LABEL_SIZES = (18.0, 10.0)
LABEL_COMFORT = 12.0  # a label smaller than this asks the numbers for room first
BULLET_SIZES = (24.0, 12.0)
BULLET_GAP = 0.5  # ems between two bullets


@dataclass(frozen=True)
class Rect:
    """A box in points from the slide's top left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass(frozen=True)
class Run:
    """Text in one style; *colour* is a role: text, muted, background, accent1 … accent6."""

    text: str
    size: float
    bold: bool = False
    colour: str = "text"


@dataclass(frozen=True)
class Para:
    """A paragraph: its lines (each a sequence of runs), set *size* × LINE_SPACING apart."""

    lines: tuple[tuple[Run, ...], ...]
    size: float
    space_before: float = 0.0
    bullet: bool = False  # a square bullet in accent1, with a hanging indent of one em × 1.1
    align: Align = "left"
    # lines before which the break is the layout's rule (no lone last character), not the width's: a renderer
    # that wraps text itself (PowerPoint) keeps these breaks and may wrap the rest where its fonts say
    hard: tuple[int, ...] = ()

    @property
    def line_height(self) -> float:
        return self.size * LINE_SPACING

    @property
    def height(self) -> float:
        return self.space_before + len(self.lines) * self.line_height

    @property
    def indent(self) -> float:
        return self.size * 1.1 if self.bullet else 0.0

    @property
    def text(self) -> str:
        return "".join(run.text for line in self.lines for run in line)


@dataclass(frozen=True)
class TextBlock:
    """A text box (or, with a *fill*, a card) and its paragraphs, laid out inside *rect* less its *inset*."""

    rect: Rect
    paras: tuple[Para, ...]
    name: str = ""  # a stable name: "title", "metric:<id>", "footer" …
    anchor: Anchor = "top"
    fill: str | None = None  # a colour role: the block is a card with rounded corners
    inset: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom

    @property
    def inner(self) -> Rect:
        left, top, right, bottom = self.inset
        return Rect(self.rect.x + left, self.rect.y + top, self.rect.w - left - right, self.rect.h - top - bottom)

    @property
    def content_height(self) -> float:
        return sum(p.height for p in self.paras)

    def first_line_top(self) -> float:
        """Return where the first line starts, after the block's vertical anchoring."""
        inner = self.inner
        free = inner.h - self.content_height
        return inner.y + (0.0 if self.anchor == "top" else free / 2 if self.anchor == "middle" else free)


@dataclass(frozen=True)
class ChartBlock:
    """A chart drawn into *rect*: natively or as a picture by the PPTX writer, as SVG by the Qt painter."""

    rect: Rect
    chart: Chart
    name: str


Block = TextBlock | ChartBlock


@dataclass(frozen=True)
class SlideLayout:
    """Everything on one slide, in drawing order, and the texts that could not fit even at their smallest."""

    width: float
    height: float
    blocks: tuple[Block, ...]
    overflows: tuple[str, ...] = field(default=())

    def named(self, prefix: str) -> list[Block]:
        """Return the blocks whose name starts with *prefix* (e.g. 'metric:')."""
        return [b for b in self.blocks if b.name.startswith(prefix)]


@dataclass(frozen=True)
class Frame:
    """The slide's size and, for a user's template, where its title placeholders are."""

    width: float = SLIDE_SIZE[0]
    height: float = SLIDE_SIZE[1]
    title: Rect | None = None
    big_title: Rect | None = None

    @property
    def margin(self) -> float:
        return self.width * 0.045

    def title_rect(self) -> Rect:
        return self.title or Rect(self.margin, self.height * 0.05, self.width - 2 * self.margin, self.height * 0.12)

    def big_title_rect(self) -> Rect:
        return self.big_title or Rect(self.margin, self.height * 0.3, self.width - 2 * self.margin,
                                      self.height * 0.22)

    def body_rect(self) -> Rect:
        return Rect(self.margin, self.height * 0.2, self.width - 2 * self.margin, self.height * 0.68)


class _Collector:
    """Blocks of a slide being laid out, and what overflowed."""

    def __init__(self, measurer: Measurer) -> None:
        self.measurer = measurer
        self.blocks: list[Block] = []
        self.overflows: list[str] = []

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def fitted(self, texts: list[str], width: float, height: float, sizes: tuple[float, float], bold: bool = False,
               gap: float = 0.0) -> tuple[float, list[tuple[str, ...]]]:
        fit = fit_text(texts, width, height, sizes[0], sizes[1], self.measurer, bold=bold, gap=gap)
        if not fit.fits:
            self.overflows.extend(texts)
        return fit.size, list(fit.lines)


def plain(lines: tuple[str, ...] | list[str], size: float, bold: bool = False, colour: str = "text",
          align: Align = "left", space_before: float = 0.0, bullet: bool = False,
          measurer: Measurer | None = None, width: float = 0.0) -> Para:
    """Return a paragraph of one style; with a *measurer* and the *width* the lines were broken for, the break
    that only the widow rule made is marked hard (in a text of full-width characters only, whose widths are the
    same in every CJK font, so that every renderer breaks its lines where the layout does)."""
    hard: tuple[int, ...] = ()
    if measurer is not None and len(lines) > 1 and all(is_wide(c) for line in lines for c in line):
        natural = break_lines(join_lines(lines), width, size, measurer, bold, widows=False)
        hard = (len(lines) - 1,) if list(natural) != list(lines) else ()
    return Para(tuple((Run(line, size, bold, colour),) for line in lines), size, space_before, bullet, align, hard)


def layout_slide(plan: DeckPlan, index: int, measurer: Measurer, frame: Frame | None = None) -> SlideLayout:
    """Return the layout of slide *index* (0-based) of *plan*."""
    frame = frame or Frame()
    slide = plan.slides[index]
    out = _Collector(measurer)
    if slide.role in (Role.TITLE, Role.SECTION, Role.CLOSING):
        _big_title(out, slide, frame)
    else:
        _title(out, slide.title, frame)
        _body(out, plan, slide, frame.body_rect())
    if slide.role is not Role.TITLE:
        _footer(out, plan.footer, index + 1, len(plan.slides), frame)
    return SlideLayout(frame.width, frame.height, tuple(out.blocks), tuple(out.overflows))


def _title(out: _Collector, text: str, frame: Frame) -> None:
    rect = frame.title_rect()
    size, lines = out.fitted([text], rect.w, rect.h, TITLE_SIZES, bold=True)
    out.add(TextBlock(rect, (plain(lines[0], size, bold=True, measurer=out.measurer, width=rect.w),), "title",
                      anchor="middle"))


def _big_title(out: _Collector, slide: Slide, frame: Frame) -> None:
    rect = frame.big_title_rect()
    size, lines = out.fitted([slide.title], rect.w, rect.h, BIG_TITLE_SIZES, bold=True)
    out.add(TextBlock(rect, (plain(lines[0], size, bold=True, colour="accent1", measurer=out.measurer, width=rect.w),),
                      "title", anchor="bottom"))
    if slide.subtitle:
        sub = Rect(rect.x, rect.bottom + frame.height * 0.02, rect.w, frame.height * 0.16)
        size, lines = out.fitted([slide.subtitle], sub.w, sub.h, (SUBTITLE, SUBTITLE * 0.7))
        out.add(TextBlock(sub, (plain(lines[0], size),), "subtitle"))


def _footer(out: _Collector, footer: str, number: int, total: int, frame: Frame) -> None:
    y, h = frame.height * 0.93, frame.height * 0.05
    left = Rect(frame.margin, y, frame.width * 0.7, h)
    size, lines = out.fitted([footer], left.w, left.h, (FOOTER, FOOTER * 0.8))
    out.add(TextBlock(left, (plain(lines[0], size, colour="muted"),), "footer", anchor="middle"))
    right = Rect(frame.width - frame.margin - frame.width * 0.12, y, frame.width * 0.12, h)
    out.add(TextBlock(right, (plain([f"{number} / {total}"], FOOTER, colour="muted", align="right"),),
                      "page-number", anchor="middle"))


def _body(out: _Collector, plan: DeckPlan, slide: Slide, box: Rect) -> None:
    if slide.role is Role.FIGURES:
        _cards(out, list(slide.metrics), plan.lang, box)
    elif slide.chart is not None:
        out.add(ChartBlock(box, slide.chart, f"chart:{slide.chart.id}"))
    elif slide.bullets:
        _bullets(out, list(slide.bullets), box, f"list:{slide.section_id or slide.role.value}")


def _bullets(out: _Collector, bullets: list[str], box: Rect, name: str) -> None:
    """A list in one or two columns, one size for all, with a hanging indent so wrapped lines align."""
    columns = bullet_columns(bullets)
    gutter = box.w * BULLET_GUTTER if len(columns) > 1 else 0.0
    col_w = box.w / len(columns) - gutter

    def fitted(size: float) -> bool:
        return all(fit_text(column, col_w - size * 1.1, box.h, size, size, out.measurer, gap=BULLET_GAP).fits
                   for column in columns)

    size = BULLET_SIZES[0]
    while size > BULLET_SIZES[1] and not fitted(size):
        size -= 1
    if not fitted(size):
        out.overflows.extend(bullets)
    for i, column in enumerate(columns):
        text_w = col_w - size * 1.1
        paras = tuple(plain(break_lines(b, text_w, size, out.measurer), size, bullet=True,
                            space_before=size * BULLET_GAP if j else 0.0, measurer=out.measurer, width=text_w)
                      for j, b in enumerate(column))
        rect = Rect(box.x + i * (box.w / len(columns)), box.y, col_w, box.h)
        out.add(TextBlock(rect, paras, f"{name}:{i + 1}" if len(columns) > 1 else name))


@dataclass(frozen=True)
class _CardText:
    number: str
    unit: str
    label: str


def _cards(out: _Collector, metrics: list[Metric], lang: str, box: Rect) -> None:
    """A grid of figure cards: the number in its accent, the unit beside it (or below), the label under them.

    One rule for every renderer: numbers shrink to fit their card; then, while labels would be smaller than
    LABEL_COMFORT, numbers give up size down to NUMBER_KEEP; then labels shrink (never cut). One label size
    for every card of the slide."""
    n = len(metrics)
    cols = card_columns(n)
    rows = -(-n // cols)
    gap = box.w * 0.015
    w = (box.w - gap * (cols - 1)) / cols
    h = min((box.h - gap * (rows - 1)) / rows, box.h * 0.55)
    top = box.y + (box.h - (h * rows + gap * (rows - 1))) / 2
    inset = (w * 0.06, h * 0.08, w * 0.06, h * 0.06)
    inner_w, inner_h = w - inset[0] - inset[2], h - inset[1] - inset[3]
    texts = [_CardText(*value_parts(m, lang), m.label.get(lang)) for m in metrics]
    measure = out.measurer.width
    sep = " " if lang == "en" else ""

    def head_width(t: _CardText, size: float) -> float:
        return measure(t.number, size, True) + (measure(sep + t.unit, max(10.0, round(size * 0.45))) if t.unit else 0)

    number_size = min(NUMBER_LARGEST, 2 * int(h * 0.36 / 2))
    while number_size > NUMBER_SMALLEST and any(measure(t.number, number_size, True) > inner_w * 0.85
                                                for t in texts):
        number_size -= 2
    while number_size > NUMBER_KEEP and any(head_width(t, number_size) > inner_w * 0.85 for t in texts):
        number_size -= 2  # units beside their numbers, as long as the numbers stay large

    def arrangement(size: float) -> tuple[float, list[bool], float]:
        """Return the unit's size, whether each unit fits beside its number, and the labels' common size."""
        unit_size = max(10.0, round(size * 0.45))
        inline = [head_width(t, size) <= inner_w * 0.85 for t in texts]
        label_size = min(fit_text([t.label], inner_w, inner_h - _head_height(size, unit_size, ok), *LABEL_SIZES,
                                  out.measurer).size for t, ok in zip(texts, inline, strict=True))
        return unit_size, inline, label_size

    unit_size, inline, label_size = arrangement(number_size)
    while label_size < LABEL_COMFORT and number_size > NUMBER_KEEP:
        number_size -= 2
        unit_size, inline, label_size = arrangement(number_size)
    for i, (metric, text) in enumerate(zip(metrics, texts, strict=True)):
        row, col = card_slot(i, n)
        rect = Rect(box.x + col * (w + gap), top + row * (h + gap), w, h)
        accent = f"accent{i % CARD_COLOURS + 1}"
        head = [Run(text.number, number_size, True, accent)]
        paras = []
        if text.unit and inline[i]:
            head.append(Run(sep + text.unit, unit_size, colour="muted"))
        paras.append(Para((tuple(head),), number_size))
        if text.unit and not inline[i]:
            paras.append(plain([text.unit], unit_size, colour="muted"))
        room = inner_h - _head_height(number_size, unit_size, inline[i])
        lines = break_lines(text.label, inner_w, label_size, out.measurer)
        if len(lines) * label_size * LINE_SPACING > room + 1e-6 or any(
                measure(line, label_size) > inner_w + 1e-6 for line in lines):
            out.overflows.append(text.label)
        paras.append(plain(lines, label_size, measurer=out.measurer, width=inner_w))
        out.add(TextBlock(rect, tuple(paras), f"metric:{metric.id}", fill="card", inset=inset))


def _head_height(number_size: float, unit_size: float, inline: bool) -> float:
    """Return the height a card's number (and its unit, when below it) takes above the label."""
    return number_size * LINE_SPACING + (0.0 if inline else unit_size * LINE_SPACING)


def layout_deck(plan: DeckPlan, measurer: Measurer, frame: Frame | None = None) -> list[SlideLayout]:
    """Return the layout of every slide of *plan*."""
    return [layout_slide(plan, i, measurer, frame) for i in range(len(plan.slides))]
