"""Draw any chart of a briefing onto a Figure, or to a file; the one entry point for every view."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import IO, Any

import matplotlib as mpl
from matplotlib.figure import Figure

from srbrief.charts.basic import draw_bars, draw_kpi, draw_line, draw_share
from srbrief.charts.diagrams import draw_grid, draw_matrix, draw_timeline
from srbrief.charts.fonts import FAMILY, register_bundled_font
from srbrief.charts.routemap import draw_route_map
from srbrief.charts.style import BARE, FIGSIZE, LIGHT, THEMES, Area, Theme, frame, new_figure, source_line, theme_of
from srbrief.model import Briefing, Chart, ChartKind
from srbrief.palette import Scheme

Drawer = Callable[[Figure, Briefing, Chart, str, Theme, Area], None]
# matplotlib is not thread-safe: charts are drawn (and saved, and painted on a canvas) one at a time
CHART_LOCK = threading.RLock()
CHART_RC: dict[str, Any] = {"font.family": [FAMILY, "DejaVu Sans"], "axes.unicode_minus": True,
            "svg.fonttype": "none",  # SVG keeps text as text
            "pdf.fonttype": 42}  # PDF embeds TrueType: selectable, searchable text

DRAWERS: dict[ChartKind, Drawer] = {
    ChartKind.KPI: draw_kpi,
    ChartKind.BAR: partial(draw_bars, horizontal=False),
    ChartKind.HBAR: partial(draw_bars, horizontal=True),
    ChartKind.SHARE: draw_share,
    ChartKind.LINE: draw_line,
    ChartKind.TIMELINE: draw_timeline,
    ChartKind.GRID: draw_grid,
    ChartKind.MATRIX: draw_matrix,
    ChartKind.ROUTE_MAP: draw_route_map,
}
FORMATS = ("png", "svg", "pdf")
SCHEMATIC = ("示意图", "Schematic")


def draw_chart(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme = LIGHT,
               framed: bool = True) -> None:
    """Draw *chart* of *briefing* in *lang* onto *fig* (cleared first); *framed*: with title and source line."""
    with chart_context():
        fig.clear()
        fig.patches.clear()
        fig.set_facecolor(theme.background)
        theme = theme.for_chart(briefing, chart.id)
        area = BARE
        if framed:
            note = chart.note.get(lang) if chart.note else None
            if chart.kind is ChartKind.ROUTE_MAP:  # a map drawn by us is a schematic, and says so
                word = SCHEMATIC[0 if lang == "zh" else 1]
                note = f"{word}{'：' if lang == 'zh' else ': '}{note}" if note else word
            shown = (briefing.index.get(i) for i in chart.items)
            area = frame(fig, chart.title.get(lang), source_line(briefing, lang, shown), theme, note)
        DRAWERS[chart.kind](fig, briefing, chart, lang, theme, area)


@contextmanager
def chart_context() -> Iterator[None]:
    """Hold the chart lock, with the house settings of matplotlib in force (not written into its global
    rcParams): every drawing, saving and painting of a chart happens inside it."""
    register_bundled_font()
    with CHART_LOCK, mpl.rc_context(CHART_RC):  # type: ignore[arg-type]
        yield


def render_chart(briefing: Briefing, chart: Chart, lang: str, target: Path | IO[bytes], dpi: int = 150,
                 theme: str | Scheme = "light", size: tuple[float, float] = FIGSIZE, fmt: str | None = None,
                 frame: bool = True, png_compression: int = 6) -> None:
    """Write *chart* to *target*, a path (format from its suffix unless *fmt*) or a binary file (*fmt*);
    *png_compression*: zlib level 0–9 for PNG (lower is faster and larger); *theme*: 'light', 'dark' or the
    colour scheme of a deck (a user's template)."""
    fmt = fmt or Path(str(target)).suffix.lstrip(".").lower()
    colours = THEMES[theme] if isinstance(theme, str) else theme_of(theme)
    fig = new_figure(colours, size)
    extra: dict[str, Any] = {"pil_kwargs": {"compress_level": png_compression}} if fmt == "png" else {}
    with chart_context():
        draw_chart(fig, briefing, chart, lang, colours, framed=frame)
        fig.savefig(target, format=fmt, dpi=dpi, facecolor=fig.get_facecolor(), metadata=_metadata(fmt), **extra)


def _metadata(fmt: str) -> dict[str, str | None]:
    """Return metadata that keeps the output reproducible (no creation dates)."""
    key = {"svg": "Date", "pdf": "CreationDate"}.get(fmt)
    return {key: None} if key else {}
