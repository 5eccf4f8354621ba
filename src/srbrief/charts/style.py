"""One house style for every chart: palette, type scale, a light and a dark theme, the frame."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from matplotlib.figure import Figure

from srbrief import palette
from srbrief.model import Briefing
from srbrief.model.textutil import chinese_date, display_width, english_date, text_cells, wrap
from srbrief.model.textutil import source_line as textutil_source_line
from srbrief.model.units import metric_text
from srbrief.palette import Scheme

__all__ = ["chinese_date", "display_width", "english_date", "metric_text", "wrap"]


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    panel: str  # tiles and cards
    text: str
    muted: str
    grid: str
    palette: tuple[str, ...]
    increase: str
    decrease: str
    land: str
    sea: str


def theme_of(scheme: Scheme) -> Theme:
    """Return the chart theme of one of the house colour schemes."""
    return Theme(scheme.name, scheme.background, scheme.card, scheme.text, scheme.muted, scheme.rule,
                 scheme.accents, scheme.increase, scheme.decrease, scheme.land, scheme.sea)


LIGHT = theme_of(palette.LIGHT)
DARK = theme_of(palette.DARK)
THEMES = {"light": LIGHT, "dark": DARK}

# Type scale in points, for a 10 × 5.625 in figure (legible at 1280 × 720 and printed at 150 dpi).
TITLE, LABEL, VALUE, SMALL, BIG = 17, 12, 12, 9, 30
FIGSIZE = (10.0, 5.625)
# On a slide a chart is drawn this much smaller than its box and scaled up to fill it: its text then reads at
# projection size (12 pt labels become 15 pt on a 13.3-inch slide) in the deck, the presenter and the PDF.
SLIDE_ZOOM = 1.25
CONTENT: tuple[float, float, float, float] = (0.04, 0.12, 0.92, 0.72)  # the area below the title
BARE = (0.02, 0.04, 0.96, 0.92)  # the same with no title and no source line (pictures on a slide)


Area = tuple[float, float, float, float]  # left, bottom, width, height, in fractions of the figure


def source_line(briefing: Briefing, lang: str, items: Iterable[object] = ()) -> str:
    """Return the source line naming the documents *items* (metrics, facts, events) cite, else the briefing's
    first document (see :func:`srbrief.model.textutil.source_line`)."""
    return textutil_source_line(briefing.documents_cited_by(items), lang)


def new_figure(theme: Theme = LIGHT, size: tuple[float, float] = FIGSIZE) -> Figure:
    """Return an empty figure in the house style (no pyplot)."""
    return Figure(figsize=size, facecolor=theme.background)


def frame(fig: Figure, title: str, footer: str, theme: Theme, note: str | None = None) -> Area:
    """Draw the title at the top left and the source line (and note) at the bottom left of *fig*; return the
    area left for the chart."""
    fig.set_facecolor(theme.background)
    width_cells = int(fig.get_figwidth() * 72 / TITLE * 1.7)
    fig.text(0.04, 0.955, wrap(title, width_cells), fontsize=TITLE, fontweight="bold", color=theme.text,
             va="top", ha="left")
    bottom = footer_lines(footer, note, int(fig.get_figwidth() * CONTENT[2] * 72 / (SMALL / 2)))
    fig.text(0.04, 0.03, bottom, fontsize=SMALL, color=theme.muted, va="bottom", ha="left", linespacing=1.3)
    extra = height_of(fig, bottom.count("\n") * SMALL * 1.3)  # each further line
    left, low, width, height = CONTENT  # the chart gives up the height of the further lines of a long note
    return (left, low + extra, width, height - extra)


def height_of(fig: Figure, points: float) -> float:
    """Return *points* as a fraction of the height of *fig* (room kept in points stays the same on any figure)."""
    return points / (fig.get_figheight() * 72)


def footer_lines(footer: str, note: str | None, cells: int) -> str:
    """Return the note and the source line, on one line when they fit in *cells* half-width cells, else the
    note wrapped and the source line on the last line (or a line of its own)."""
    if not note:
        return footer
    if text_cells(f"{note}    {footer}") <= cells:
        return f"{note}    {footer}"
    lines = wrap(note, cells).split("\n")
    if text_cells(f"{lines[-1]}    {footer}") <= cells:
        lines[-1] = f"{lines[-1]}    {footer}"
    else:
        lines.append(footer)
    return "\n".join(lines)
