"""The route map: places from their coordinates and the corridors between them, drawn offline (no tiles)."""

from __future__ import annotations

import math
from itertools import pairwise

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Polygon
from matplotlib.patheffects import withStroke

from srbrief.charts.style import LABEL, SMALL, Area, Theme, height_of, wrap_to
from srbrief.model import Briefing, Chart, Entity, Fact

# A coarse outline of China's east coast from northern Jiangsu to Xiamen (lon, lat), for orientation only.
COAST = ((119.2, 34.7), (120.3, 34.2), (120.8, 33.3), (121.3, 32.4), (121.9, 31.75), (121.95, 31.1),
         (121.5, 30.8), (121.0, 30.6), (120.6, 30.35), (121.1, 30.3), (121.6, 30.1), (121.95, 29.9),
         (121.9, 29.3), (121.6, 28.6), (121.3, 28.2), (120.8, 27.9), (120.5, 27.3), (120.1, 26.9),
         (119.8, 26.5), (119.6, 26.0), (119.3, 25.5), (118.9, 25.1), (118.6, 24.8), (118.1, 24.45),
         (117.5, 23.9))
SEA_EDGE_LON = 124.5


def _label_offset(place: Entity, places: list[Entity], xlim: tuple[float, float]) -> tuple[float, float, str]:
    """Return a text offset (points) and alignment that keeps a label inside the map and clear of its
    nearest neighbour."""
    assert place.location is not None
    here = place.location
    others = [p.location for p in places if p is not place and p.location is not None]
    east = north = False
    if others:
        nearest = min(others, key=lambda o: (o.lon - here.lon) ** 2 + (o.lat - here.lat) ** 2)
        east, north = nearest.lon > here.lon, nearest.lat > here.lat
    position = (here.lon - xlim[0]) / (xlim[1] - xlim[0])
    dy = -14 if north else 8
    if position > 0.8:  # near the right edge, out at sea: write to the right, where no route arrives
        return 9, -4, "left"
    if position < 0.3:  # near the left edge, the name above its dot: beside it, it would reach the next place
        return 0, 8, "center"
    return (-9 if east else 9), dy, ("right" if east else "left")


def draw_route_map(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme, area: Area) -> None:
    """Places as dots with names, routes as arrows with a legend, a coast outline and a scale bar."""
    items = [briefing.find(i) for i in chart.items]
    routes: list[Fact] = [i for i in items if isinstance(i, Fact)]
    place_ids = [i.id for i in items if isinstance(i, Entity)]
    place_ids += [p for r in routes for p in r.route if p not in place_ids]
    places: list[Entity] = [briefing.find(p, Entity) for p in place_ids]
    lons = [p.location.lon for p in places if p.location]
    lats = [p.location.lat for p in places if p.location]
    left, bottom, width, height = area
    below = height_of(fig, SMALL * 1.4 + 6)  # the longitude labels
    ax = fig.add_axes((left, bottom + below, width * 0.6, height - below))
    mid_lat = (min(lats) + max(lats)) / 2
    ax.set_aspect(1 / math.cos(math.radians(mid_lat)))
    margin = 0.8
    ax.set_xlim(min(lons) - margin, max(lons) + margin * 2.2)  # room for the names of the eastern places
    ax.set_ylim(min(lats) - margin, max(lats) + margin)
    ax.set_facecolor(theme.land)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    sea = [*COAST, (SEA_EDGE_LON, COAST[-1][1]), (SEA_EDGE_LON, COAST[0][1])]
    # clamp to the map's extent ourselves: not every SVG renderer (Qt's) honours clip paths
    sea = [(min(max(lon, x0), x1), min(max(lat, y0), y1)) for lon, lat in sea]
    ax.add_patch(Polygon(sea, closed=True, facecolor=theme.sea, edgecolor=theme.grid, linewidth=1))
    ax.text(max(lons) + margin * 0.45, min(lats) - margin * 0.5, "东海" if lang == "zh" else "East China\nSea",
            fontsize=SMALL, color=theme.muted, ha="center", va="bottom", style="italic")
    handles = []
    legend_x = left + width * 0.63
    # the legend's text: the figure's width right of the legend's left edge, less the line and the gap before
    # the text (1.6 + 0.8 ems) and a margin
    legend_points = (1 - legend_x - 0.02) * fig.get_figwidth() * 72 - 2.6 * LABEL
    for route, colour in zip(routes, theme.shades(len(routes)), strict=True):  # shades of the section's colour
        located = (briefing.find(p, Entity).location for p in route.route)
        stops = [where for where in located if where is not None]  # a place without coordinates is not drawn
        for a, b in pairwise(stops):
            ax.add_patch(FancyArrowPatch((a.lon, a.lat), (b.lon, b.lat), connectionstyle="arc3,rad=0.12",
                                         arrowstyle="-|>", mutation_scale=14, color=colour, linewidth=2.2,
                                         shrinkA=6, shrinkB=6, zorder=3))
        title = (route.title or route.text).get(lang)
        handles.append(Line2D([], [], color=colour, linewidth=2.5, label=wrap_to(title, legend_points, LABEL)))
    for place in places:
        assert place.location is not None
        home = place.id == places[0].id
        ax.scatter([place.location.lon], [place.location.lat], s=110 if home else 55, zorder=4,
                   color=theme.accent if home else theme.text, edgecolors=theme.background, linewidths=1.5)
        dx, dy, ha = _label_offset(place, places, ax.get_xlim())
        ax.annotate(place.name.get(lang), (place.location.lon, place.location.lat), xytext=(dx, dy),
                    textcoords="offset points", ha=ha, fontsize=LABEL,
                    fontweight="bold" if home else "normal", color=theme.text, zorder=5,
                    path_effects=[withStroke(linewidth=3, foreground=theme.land)])  # legible where a route crosses
    _scale_bar(ax, mid_lat, lang, theme)
    ax.tick_params(labelsize=SMALL, colors=theme.muted)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}°E")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0f}°N")
    for spine in ax.spines.values():
        spine.set_color(theme.grid)
    fig.legend(handles=handles, loc="center left", bbox_to_anchor=(legend_x, bottom + height / 2),
               fontsize=LABEL, frameon=False, labelcolor=theme.text, handlelength=1.6, labelspacing=1.1)


def _scale_bar(ax, mid_lat: float, lang: str, theme: Theme) -> None:
    km = 200
    degrees = km / (111.32 * math.cos(math.radians(mid_lat)))
    x0, x1 = ax.get_xlim()
    y0, _ = ax.get_ylim()
    start = x0 + (x1 - x0) * 0.05
    ax.plot([start, start + degrees], [y0 + 0.25] * 2, color=theme.text, linewidth=2.5, solid_capstyle="butt")
    ax.text(start + degrees / 2, y0 + 0.32, f"{km} 公里" if lang == "zh" else f"{km} km", ha="center",
            va="bottom", fontsize=SMALL, color=theme.text)
