"""One house style for every chart: palette, type scale, a light and a dark theme, the frame."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from matplotlib.figure import Figure

from srbrief import meaning, palette
from srbrief.model import Briefing, Metric
from srbrief.model.story import figure_meaning, item_meaning
from srbrief.model.textutil import chinese_date, display_width, english_date
from srbrief.model.textutil import source_line as textutil_source_line
from srbrief.model.units import metric_text
from srbrief.palette import Scheme
from srbrief.textlayout import font_measurer, wrapped
from srbrief.typescale import CHART_FLOOR

__all__ = ["chinese_date", "display_width", "english_date", "metric_text", "wrap_to"]


@dataclass(frozen=True)
class Theme:
    """The colours of one chart: the scheme's neutrals, and what its section's colour is (see srbrief.meaning:
    a chart takes its section's colour; its items are told apart by shades of it)."""

    name: str
    background: str
    panel: str  # tiles and cards
    text: str
    muted: str
    grid: str
    increase: str  # good news
    decrease: str  # bad news
    land: str
    sea: str
    scheme: Scheme
    section: str = "section0"  # the meaning of the chart's colour: its section

    @property
    def accent(self) -> str:
        """Return the colour of the chart's section."""
        return meaning.colour(self.scheme, self.section)

    def shades(self, count: int) -> list[str]:
        """Return *count* shades of the section's colour, for the items of a diagram."""
        return meaning.shades(self.accent, count, self.scheme)

    def figure(self, metric: Metric) -> str:
        """Return the colour of a figure: green for good news, red for bad, else its section's colour."""
        return meaning.colour(self.scheme, figure_meaning(metric, self.section))

    def for_chart(self, briefing: Briefing, chart_id: str) -> Theme:
        """Return this theme in the colour of the section that declares chart *chart_id*."""
        try:
            return replace(self, section=item_meaning(briefing, chart_id))
        except KeyError:  # a chart that no section declares: the overview's colour
            return self


def theme_of(scheme: Scheme) -> Theme:
    """Return the chart theme of a colour scheme (the house light or dark one, or a template's)."""
    return Theme(scheme.name, scheme.background, scheme.card, scheme.text, scheme.muted, scheme.rule,
                 scheme.increase, scheme.decrease, scheme.land, scheme.sea, scheme)


LIGHT = theme_of(palette.LIGHT)
DARK = theme_of(palette.DARK)
THEMES = {"light": LIGHT, "dark": DARK}

# Type scale in points, for a 10 × 5.625 in figure (legible at 1280 × 720 and printed at 150 dpi). On a slide a
# chart is drawn CHART_ZOOM (1.25) times smaller than its box and scaled up: no size here is below CHART_FLOOR,
# so no chart text on a slide is below the main flow's 14 pt (12 pt labels become 15 pt).
TITLE, LABEL, VALUE, SMALL, BIG = 17, 12, 12, 12, 30
FLOOR = CHART_FLOOR
FIGSIZE = (10.0, 5.625)
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
    fig.text(0.04, 0.955, wrap_to(title, fig.get_figwidth() * 72 * 0.92, TITLE, bold=True), fontsize=TITLE,
             fontweight="bold", color=theme.text, va="top", ha="left")
    bottom = footer_lines(footer, note, fig.get_figwidth() * CONTENT[2] * 72)
    fig.text(0.04, 0.03, bottom, fontsize=SMALL, color=theme.muted, va="bottom", ha="left", linespacing=1.3)
    extra = height_of(fig, bottom.count("\n") * SMALL * 1.3)  # each further line
    left, low, width, height = CONTENT  # the chart gives up the height of the further lines of a long note
    return (left, low + extra, width, height - extra)


def height_of(fig: Figure, points: float) -> float:
    """Return *points* as a fraction of the height of *fig* (room kept in points stays the same on any figure)."""
    return points / (fig.get_figheight() * 72)


def wrap_to(text: str, points: float, size: float, bold: bool = False) -> str:
    """Return *text* broken into lines at most *points* wide at *size* points, by the real widths of the
    bundled font (the one line-breaking rule of srbrief.textlayout: no word, number and unit or quoted term
    split)."""
    return wrapped(text, points, size, font_measurer(), bold)


def footer_lines(footer: str, note: str | None, points: float) -> str:
    """Return the note and the source line, on one line when they fit in *points* at SMALL, else the note
    wrapped and the source line on the last line (or a line of its own)."""
    if not note:
        return footer
    width = font_measurer().width
    if width(f"{note}    {footer}", SMALL) <= points:
        return f"{note}    {footer}"
    lines = wrap_to(note, points, SMALL).split("\n")
    if width(f"{lines[-1]}    {footer}", SMALL) <= points:
        lines[-1] = f"{lines[-1]}    {footer}"
    else:
        lines.append(footer)
    return "\n".join(lines)
