"""The slide layout: every box, type size and line break of a slide, computed once for every renderer.

Qt-free, pptx-free and matplotlib-free. :func:`layout_slide` turns one slide of a :class:`DeckPlan` into
blocks in points on the slide; the PPTX writer and the Qt painter (presenter, PDF handout) only draw them,
so the deck, the presenter and the PDF cannot disagree, and a layout fix is made once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from srbrief.deck.plan import DeckPlan, Role, Slide
from srbrief.model import Chart
from srbrief.textlayout import LINE_SPACING, Measurer, break_lines, fit_text, font_measurer, is_wide, join_lines
from srbrief.typescale import CHART_ZOOM, MAIN_TEXT, REFERENCE_TEXT, SMALL_PRINT

SLIDE_SIZE = (960.0, 540.0)  # points: 13.333 × 7.5 in, 16:9
Anchor = Literal["top", "middle", "bottom"]
Align = Literal["left", "center", "right"]

# The type scale of a slide, in points.
TITLE_SIZES = (26.0, 16.0)  # largest, smallest: an action title is a sentence, on at most three lines
KICKER = MAIN_TEXT
BIG_TITLE_SIZES = (40.0, 24.0)
SUBTITLE = 20.0
FOOTER = SMALL_PRINT
BULLET_SIZES = (20.0, MAIN_TEXT)
BULLET_GAP = 0.5  # ems between two bullets
TABLE_SIZE = REFERENCE_TEXT
TABLE_PAD = 3.0  # points above and below a table cell's text


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
    """Text in one style; *colour* is a role (see srbrief.meaning): text, muted, section<n>, good, bad …"""

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
    bullet: bool = False  # a square bullet, with a hanging indent of one em × 1.1
    align: Align = "left"
    # lines before which the break is the layout's rule (no lone last character), not the width's: a renderer
    # that wraps text itself (PowerPoint) keeps these breaks and may wrap the rest where its fonts say
    hard: tuple[int, ...] = ()
    bullet_colour: str = "section0"  # the meaning of the bullet's colour: its slide's section

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
class TableBlock:
    """A native table: column widths, a header row and body rows, every cell already broken into lines."""

    rect: Rect
    widths: tuple[float, ...]  # points
    rows: tuple[tuple[tuple[str, ...], ...], ...]  # the header first; each cell its lines
    heights: tuple[float, ...]  # points, per row
    size: float
    name: str

    @property
    def text(self) -> str:
        return " ".join(" ".join(cell) for row in self.rows for cell in row)


@dataclass(frozen=True)
class ChartBlock:
    """A chart drawn into *rect*: natively or as a picture by the PPTX writer, as SVG by the Qt painter."""

    rect: Rect
    chart: Chart
    name: str
    zoom: float = CHART_ZOOM  # drawn this much smaller than its box and scaled up, so its text reads projected

    @classmethod
    def fitted(cls, rect: Rect, chart: Chart, name: str) -> ChartBlock:
        """Return a chart block (every chart at one zoom: its text never below the main flow's least size)."""
        return cls(rect, chart, name)


Block = TextBlock | ChartBlock | TableBlock


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
        return self.title or Rect(self.margin, self.height * 0.075, self.width - 2 * self.margin, self.height * 0.14)

    def kicker_rect(self) -> Rect:
        title = self.title_rect()
        return Rect(title.x, max(0.0, title.y - self.height * 0.045), title.w, self.height * 0.04)

    def big_title_rect(self) -> Rect:
        return self.big_title or Rect(self.margin, self.height * 0.3, self.width - 2 * self.margin,
                                      self.height * 0.22)

    def body_rect(self) -> Rect:
        return Rect(self.margin, self.height * 0.23, self.width - 2 * self.margin, self.height * 0.67)


class Collector:
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
    from srbrief.deck.layout_body import lay_out_body

    frame = frame or Frame()
    slide = plan.slides[index]
    out = Collector(measurer)
    if slide.role in (Role.TITLE, Role.SECTION):
        _big_title(out, slide, frame)
    else:
        if slide.kicker:
            _kicker(out, slide.kicker, slide.accent, frame)
        _title(out, slide.title, frame)
        lay_out_body(out, plan, slide, frame.body_rect())
    if slide.role is not Role.TITLE:
        _footer(out, plan.footer, index + 1, len(plan.slides), frame)
    return SlideLayout(frame.width, frame.height, tuple(out.blocks), tuple(out.overflows))


def _kicker(out: Collector, text: str, colour: str, frame: Frame) -> None:
    rect = frame.kicker_rect()
    size, lines = out.fitted([text], rect.w, rect.h, (KICKER, KICKER), bold=True)
    out.add(TextBlock(rect, (plain(lines[0][:1], size, bold=True, colour=colour),), "kicker", anchor="bottom"))


def _title(out: Collector, text: str, frame: Frame) -> None:
    rect = frame.title_rect()
    size, lines = out.fitted([text], rect.w, rect.h, TITLE_SIZES, bold=True)
    out.add(TextBlock(rect, (plain(lines[0], size, bold=True, measurer=out.measurer, width=rect.w),), "title",
                      anchor="top"))


def _big_title(out: Collector, slide: Slide, frame: Frame) -> None:
    rect = frame.big_title_rect()
    if slide.kicker:
        kicker = Rect(rect.x, rect.y - frame.height * 0.07, rect.w, frame.height * 0.06)
        size, lines = out.fitted([slide.kicker], kicker.w, kicker.h, (SUBTITLE, MAIN_TEXT), bold=True)
        out.add(TextBlock(kicker, (plain(lines[0][:1], size, bold=True, colour=slide.accent),), "kicker",
                          anchor="bottom"))
    size, lines = out.fitted([slide.title], rect.w, rect.h, BIG_TITLE_SIZES, bold=True)
    colour = slide.accent if slide.role is Role.SECTION else "section0"
    out.add(TextBlock(rect, (plain(lines[0], size, bold=True, colour=colour, measurer=out.measurer, width=rect.w),),
                      "title", anchor="bottom"))
    top = rect.bottom + frame.height * 0.025
    if slide.subtitle:
        sub = Rect(rect.x, top, rect.w, frame.height * 0.13)
        size, lines = out.fitted([slide.subtitle], sub.w, sub.h, (SUBTITLE, MAIN_TEXT))
        out.add(TextBlock(sub, (plain(lines[0], size, measurer=out.measurer, width=sub.w),), "subtitle"))
        top = sub.bottom + frame.height * 0.02
    if slide.bullets:
        info = Rect(rect.x, top, rect.w, frame.height * 0.9 - top)
        size, lines = out.fitted(list(slide.bullets), info.w, info.h, (16.0, MAIN_TEXT), gap=0.3)
        out.add(TextBlock(info, tuple(plain(ls, size, colour="muted", space_before=size * 0.3 if i else 0.0)
                                      for i, ls in enumerate(lines)), "byline"))


def _footer(out: Collector, footer: str, number: int, total: int, frame: Frame) -> None:
    y, h = frame.height * 0.93, frame.height * 0.05
    left = Rect(frame.margin, y, frame.width * 0.7, h)
    size, lines = out.fitted([footer], left.w, left.h, (FOOTER, FOOTER))
    out.add(TextBlock(left, (plain(lines[0][:1], size, colour="muted"),), "footer", anchor="middle"))
    right = Rect(frame.width - frame.margin - frame.width * 0.12, y, frame.width * 0.12, h)
    out.add(TextBlock(right, (plain([f"{number} / {total}"], FOOTER, colour="muted", align="right"),),
                      "page-number", anchor="middle"))


def table_pages(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: tuple[float, ...],
                frame: Frame | None = None) -> list[int]:
    """Return how many of *rows* go on each slide of a table whose columns take *widths* of the body: measured
    on a 4:3 slide, the narrowest a user's template may have, so that the pages hold on any template."""
    from srbrief.deck.layout_body import table_row_height

    body = (frame or Frame(SLIDE_SIZE[1] * 4 / 3, SLIDE_SIZE[1])).body_rect()
    columns = tuple(body.w * w for w in widths)
    measurer = font_measurer()
    room = body.h - table_row_height(header, columns, measurer, bold=True)
    pages: list[int] = []
    used, count = 0.0, 0
    for row in rows:
        height = table_row_height(row, columns, measurer)
        if count and used + height > room:
            pages.append(count)
            used, count = 0.0, 0
        used += height
        count += 1
    if count or not pages:
        pages.append(count)
    return pages


def layout_deck(plan: DeckPlan, measurer: Measurer, frame: Frame | None = None) -> list[SlideLayout]:
    """Return the layout of every slide of *plan*."""
    return [layout_slide(plan, i, measurer, frame) for i in range(len(plan.slides))]
