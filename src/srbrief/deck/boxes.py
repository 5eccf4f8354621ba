"""The boxes of a slide layout: rectangles, runs, paragraphs, text, table and chart blocks, the frame of a slide,
and the slide's type scale. Qt-free, pptx-free and matplotlib-free (see srbrief.deck.layout)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from srbrief.model import Chart
from srbrief.textlayout import LINE_SPACING, Measurer, fit_text
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
    breaks: tuple[tuple[tuple[int, ...], ...], ...] = ()  # per row and cell: the lines that begin a new line
    # of the text itself (a hard break: a translation above its original), not a wrap

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
          broken: bool = False) -> Para:
    """Return a paragraph of one style. With *broken* (the layout broke the lines for a width), every break is
    the layout's and marked hard, in every language: a renderer that wraps by itself (PowerPoint, LibreOffice)
    sets Latin text in its own, narrower fonts (Calibri) and would wrap the text again where the layout's rules
    (no lone last word, no break inside a term, none after a compound's hyphen, none inside a Chinese word) do not
    hold; the layout measures with a margin (srbrief.textlayout.SAFETY), so a line it made is never wrapped."""
    hard = tuple(range(1, len(lines))) if broken else ()
    return Para(tuple((Run(line, size, bold, colour),) for line in lines), size, space_before, bullet, align, hard)
