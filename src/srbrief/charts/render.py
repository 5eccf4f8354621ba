"""Draw any chart of a briefing onto a Figure, or to a file; the one entry point for every view."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO, Any

from matplotlib.figure import Figure

from srbrief.charts.basic import draw_bars, draw_kpi, draw_line, draw_share
from srbrief.charts.diagrams import draw_grid, draw_matrix, draw_timeline
from srbrief.charts.fonts import use_bundled_font
from srbrief.charts.routemap import draw_route_map
from srbrief.charts.style import BARE, CONTENT, FIGSIZE, LIGHT, THEMES, Theme, frame, new_figure, source_line
from srbrief.model import Briefing, Chart, ChartKind

Drawer = Callable[[Figure, Briefing, Chart, str, Theme], None]

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


def draw_chart(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme = LIGHT,
               framed: bool = True) -> None:
    """Draw *chart* of *briefing* in *lang* onto *fig* (cleared first); *framed*: with title and source line."""
    use_bundled_font()
    fig.clear()
    fig.patches.clear()
    fig.set_facecolor(theme.background)
    fig.srbrief_content = CONTENT if framed else BARE  # type: ignore[attr-defined]
    if framed:
        note = chart.note.get(lang) if chart.note else None
        frame(fig, chart.title.get(lang), source_line(briefing, lang), theme, note)
    DRAWERS[chart.kind](fig, briefing, chart, lang, theme)


def render_chart(briefing: Briefing, chart: Chart, lang: str, target: Path | IO[bytes], dpi: int = 150,
                 theme: str = "light", size: tuple[float, float] = FIGSIZE, fmt: str | None = None,
                 frame: bool = True, png_compression: int = 6) -> None:
    """Write *chart* to *target*, a path (format from its suffix unless *fmt*) or a binary file (*fmt*);
    *png_compression*: zlib level 0–9 for PNG (lower is faster and larger)."""
    fmt = fmt or Path(str(target)).suffix.lstrip(".").lower()
    fig = new_figure(THEMES[theme], size)
    draw_chart(fig, briefing, chart, lang, THEMES[theme], framed=frame)
    extra: dict[str, Any] = {"pil_kwargs": {"compress_level": png_compression}} if fmt == "png" else {}
    fig.savefig(target, format=fmt, dpi=dpi, facecolor=fig.get_facecolor(), metadata=_metadata(fmt), **extra)


def _metadata(fmt: str) -> dict[str, str | None]:
    """Return metadata that keeps the output reproducible (no creation dates)."""
    key = {"svg": "Date", "pdf": "CreationDate"}.get(fmt)
    return {key: None} if key else {}
