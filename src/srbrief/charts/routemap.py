"""The route map: places from their coordinates and the corridors between them, drawn offline (no tiles)."""

from __future__ import annotations

import math
from itertools import pairwise, product

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Polygon

from srbrief.charts.style import LABEL, SMALL, Area, Theme, height_of, wrap_to
from srbrief.model import Briefing, Chart, Entity, Fact, FactKind, Location
from srbrief.textlayout import font_measurer

# A coarse outline of China's east coast from northern Jiangsu to Xiamen (lon, lat), for orientation only.
COAST = ((119.2, 34.7), (120.3, 34.2), (120.8, 33.3), (121.3, 32.4), (121.9, 31.75), (121.95, 31.1),
         (121.5, 30.8), (121.0, 30.6), (120.6, 30.35), (121.1, 30.3), (121.6, 30.1), (121.95, 29.9),
         (121.9, 29.3), (121.6, 28.6), (121.3, 28.2), (120.8, 27.9), (120.5, 27.3), (120.1, 26.9),
         (119.8, 26.5), (119.6, 26.0), (119.3, 25.5), (118.9, 25.1), (118.6, 24.8), (118.1, 24.45),
         (117.5, 23.9))
SEA_EDGE_LON = 124.5
ROUTE_BEND = 0.12  # the routes' usual arc3 curvature
BENDS = (ROUTE_BEND, -ROUTE_BEND, 0.25, -0.25, 0.4, -0.4, 0.55, -0.55)  # tried in turn to go round a dot
SHRINK = 6.0  # points between an arrow's ends and its dots
DOT_CLEARANCE = 9.0  # points between a route and a place that is not one of its ends
# Routes are told apart by line style as well as by shade (shades of one colour alone look alike): solid,
# dashed, dotted, dash-dot … (dash patterns: on, off … in line widths), the same in the legend.
ROUTE_STYLES: tuple[tuple[float, tuple[float, ...]], ...] = (
    (0, (1, 0)), (0, (5, 2.2)), (0, (1.2, 1.6)), (0, (6, 2, 1.2, 2)), (0, (2.5, 2.5)), (0, (8, 2, 1.2, 2, 1.2, 2)))


# Where a place's name may go around its dot (offsets in points, alignment), the usual ones first.
NEAR = 6.0  # points between a place's name and any other place's dot
ROW_GAP = 2.5  # ems between two names on one line: closer, "• 南昌   上饶 •" reads as one phrase between two dots
LABEL_SPOTS: tuple[tuple[float, float, str, str], ...] = (
               (9, -4, "left", "bottom"), (-9, -4, "right", "bottom"), (0, 7, "center", "bottom"),
               (0, -8, "center", "top"), (7, 5, "left", "bottom"), (-7, 5, "right", "bottom"),
               (7, -6, "left", "top"), (-7, -6, "right", "top"),  # and a little farther, past a route
               (0, 16, "center", "bottom"), (0, -17, "center", "top"), (14, 8, "left", "bottom"),
               (-14, 8, "right", "bottom"), (14, -10, "left", "top"), (-14, -10, "right", "top"))


def route_bends(a: tuple[float, float], b: tuple[float, float], others: list[tuple[float, float]],
                clearance: float) -> list[float]:
    """Return the curvatures an arc from *a* to *b* (display coordinates) may take: the usual bend when it passes
    no place of *others* closer than *clearance*, else every bend of BENDS that does (the map's names decide
    between them), else the one that keeps farthest."""
    def nearest(rad: float) -> float:
        points = _arc_points(a, b, rad)
        return min((math.dist(p, o) for p in points for o in others), default=math.inf)

    clear = [rad for rad in BENDS if nearest(rad) >= clearance]
    if clear and clear[0] == ROUTE_BEND:
        return [ROUTE_BEND]
    return clear[:4] or [max(BENDS, key=nearest)]


def _arc_points(a: tuple[float, float], b: tuple[float, float], rad: float = ROUTE_BEND,
                count: int = 24) -> list[tuple[float, float]]:
    """Return points along matplotlib's arc3 connection from *a* to *b* (display coordinates)."""
    (x1, y1), (x2, y2) = a, b
    cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
    found = []
    for i in range(count + 1):
        t = i / count
        u = 1 - t
        found.append((u * u * x1 + 2 * u * t * cx + t * t * x2, u * u * y1 + 2 * u * t * cy + t * t * y2))
    return found


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display coordinates
Spot = tuple[float, float, str, str]  # offset in points, horizontal and vertical alignment


def _spot_box(spot: Spot, dot: tuple[float, float], w: float, h: float, scale: float) -> Box:
    """Return the box a name *w* × *h* (display units) takes at *spot* around *dot*."""
    dx, dy, ha, va = spot
    left = dot[0] + dx * scale - (w if ha == "right" else w / 2 if ha == "center" else 0.0)
    bottom = dot[1] + dy * scale - (h if va == "top" else 0.0)
    return left, bottom, left + w, bottom + h


def _inside(points: list[tuple[float, float]], box: Box, pad: float) -> int:
    return sum(1 for px, py in points if box[0] - pad <= px <= box[2] + pad and box[1] - pad <= py <= box[3] + pad)


def gap(a: Box, b: Box) -> float:
    """Return the distance between two boxes (0 when they touch or overlap)."""
    dx = max(a[0] - b[2], 0.0, b[0] - a[2])
    dy = max(a[1] - b[3], 0.0, b[1] - a[3])
    return math.hypot(dx, dy)


def _distance(box: Box, point: tuple[float, float]) -> float:
    return gap(box, (*point, *point))


def _crowding(box: Box, frame: Box, taken: tuple[Box, ...], placed: list[Box], others: list[tuple[float, float]],
              lines: list[tuple[float, float]], own: tuple[float, float], near: float, row: float) -> float:
    """Return how much a name in *box* would collide: outside the map, over names placed before it, over
    other dots or not clearly farther from them than from its own (by *near*: a name by another place's dot
    reads as that place's, "Nanchang" beside Shangrao's, "上海松江区" beside Hangzhou's), over its own dot,
    over the routes (weighted so that leaving the map or covering a dot is worst); a name on the line of one
    placed before it keeps *row* from it."""
    x0, y0, x1, y1 = box
    outside = max(0.0, frame[0] - x0) + max(0.0, x1 - frame[2]) + max(0.0, frame[1] - y0) + max(0.0, y1 - frame[3])
    overlap = sum(max(0.0, min(x1, b[2]) - max(x0, b[0])) * max(0.0, min(y1, b[3]) - max(y0, b[1]))
                  for b in (*taken, *placed))
    clear = 1.5 * _distance(box, own) + near  # a name clearly nearer its own dot than any other
    crowded = sum(max(0.0, clear - _distance(box, dot)) for dot in others)
    crowded += sum(max(0.0, near - gap(box, b)) for b in taken)
    crowded += sum(max(0.0, (row if min(y1, b[3]) > max(y0, b[1]) else near) - gap(box, b))
                   for b in placed)  # two names side by side read as one ("南昌 上饶")
    return (outside * 100 + overlap + (_inside(others, box, 4) + _inside([own], box, 2)) * 500 + crowded * 60
            + _inside(lines, box, 2) * 40)


def place_labels(names: list[str], dots: list[tuple[float, float]], lines: list[tuple[float, float]],
                 frame: Box, size: float, scale: float, bold: list[bool],
                 taken: tuple[Box, ...] = ()) -> tuple[list[Spot], float]:
    """Return, for each name at its dot (display coordinates, *scale* display units a point), the spot of
    LABEL_SPOTS that keeps it inside *frame* and clear of the other names, of the other dots, of the points
    along the routes (*lines*) and of the boxes already *taken* (the sea's name): each the least crowded given
    the names placed before it (the usual spot on a tie), placed in the given order and in the reverse one,
    whichever leaves them less crowded; and how crowded they are in all."""
    found = []
    for order in (list(range(len(names))), list(range(len(names)))[::-1]):
        spots, total = _place_in_order(order, names, dots, lines, frame, size, scale, bold, taken)
        found.append(([spots[order.index(i)] for i in range(len(names))], total))
    return min(found, key=lambda f: f[1])


def _place_in_order(order: list[int], names: list[str], dots: list[tuple[float, float]],
                    lines: list[tuple[float, float]], frame: Box, size: float, scale: float, bold: list[bool],
                    taken: tuple[Box, ...]) -> tuple[list[Spot], float]:
    """Return the spots of the names in *order* (see place_labels), each the least crowded by those before it."""
    placed: list[Box] = []
    chosen: list[Spot] = []
    total = 0.0
    for i in order:
        name, dot = names[i], dots[i]
        w, h = font_measurer(1.0).width(name, size, bold[i]) * scale, size * 1.2 * scale
        others = dots[:i] + dots[i + 1:]
        spots = [_inside_frame(spot, _spot_box(spot, dot, w, h, scale), frame, scale) for spot in LABEL_SPOTS]
        costs = [_crowding(_spot_box(spot, dot, w, h, scale), frame, taken, placed, others, lines, dot,
                           NEAR * scale, ROW_GAP * size * scale)
                 for spot in spots]  # each spot as it would be drawn: moved inside the map
        spot = spots[min(range(len(spots)), key=costs.__getitem__)]
        placed.append(_spot_box(spot, dot, w, h, scale))
        chosen.append(spot)
        total += min(costs)
    return chosen, total


def _inside_frame(spot: Spot, box: Box, frame: Box, scale: float) -> Spot:
    """Return *spot* moved sideways so that its name's *box* stays inside *frame* when it is no wider than it
    (a long name at a dot near the edge: "Songjiang District, Shanghai" stood past the map's left edge)."""
    dx, dy, ha, va = spot
    if box[2] - box[0] > frame[2] - frame[0]:
        return spot
    shift = max(0.0, frame[0] - box[0]) - max(0.0, box[2] - frame[2])
    return (dx + shift / scale, dy, ha, va) if shift else spot


def _filling(xlim: tuple[float, float], ylim: tuple[float, float], ax,
             mid_lat: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return the map's extent widened in one direction so that, drawn true to scale, it fills its axes (a
    map of places on one line of latitude stood as a strip with the names crowded in it); no farther north or
    south than the coast drawn."""
    box = ax.get_position(original=True)  # as laid out, not yet shrunk to the aspect
    fig_w, fig_h = ax.figure.get_size_inches()
    want = (box.height * fig_h) / (box.width * fig_w)  # the axes' height per width
    x_span = (xlim[1] - xlim[0]) * math.cos(math.radians(mid_lat))
    y_span = ylim[1] - ylim[0]
    if y_span < x_span * want:  # taller, within the coast drawn (north and south of it the sea would be land)
        more = (x_span * want - y_span) / 2
        south, north = min(ylim[0], COAST[-1][1]), max(ylim[1], COAST[0][1])
        return xlim, (max(ylim[0] - more, south), min(ylim[1] + more, north))
    more = (y_span / want - x_span) / math.cos(math.radians(mid_lat)) / 2
    return (xlim[0] - more, xlim[1] + more), ylim


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
    ticks = SMALL * 3.4 / (fig.get_figwidth() * 72)  # room at the left for the latitudes ('30°N')
    ax = fig.add_axes((left + ticks, bottom + below, width * 0.6 - ticks, height - below))
    mid_lat = (min(lats) + max(lats)) / 2
    ax.set_aspect(1 / math.cos(math.radians(mid_lat)))
    margin = 0.8
    xlim = (min(lons) - margin, max(lons) + margin * 2.2)  # room for the names of the eastern places
    ylim = (min(lats) - margin, max(lats) + margin)
    xlim, ylim = _filling(xlim, ylim, ax, mid_lat)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_facecolor(theme.land)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    edge = max(SEA_EDGE_LON, x1)  # the sea reaches the map's right edge, however far it was widened
    sea = [*COAST, (edge, COAST[-1][1]), (edge, COAST[0][1])]
    # clamp to the map's extent ourselves: not every SVG renderer (Qt's) honours clip paths
    sea = [(min(max(lon, x0), x1), min(max(lat, y0), y1)) for lon, lat in sea]
    ax.add_patch(Polygon(sea, closed=True, facecolor=theme.sea, edgecolor=theme.grid, linewidth=1))
    sea_at = (max(lons) + margin * 0.45, min(lats) - margin * 0.5)
    sea_name = "东海" if lang == "zh" else "East China\nSea"
    ax.text(*sea_at, sea_name,
            fontsize=SMALL, color=theme.muted, ha="center", va="bottom", style="italic")
    ax.apply_aspect()  # the data-to-display transform as it will be drawn

    def shown_at(where: Location) -> tuple[float, float]:
        x, y = ax.transData.transform((where.lon, where.lat))
        return float(x), float(y)

    located_places = [p for p in places if p.location is not None]
    dots = [shown_at(p.location) for p in located_places if p.location is not None]
    keyed = []  # each route's legend text, colour and line style
    legs = []  # every route's legs: (route number, from, to, the bends it may take)
    for n, route in enumerate(routes):
        located = (briefing.find(p, Entity).location for p in route.route)
        stops = [where for where in located if where is not None]  # a place without coordinates is not drawn
        for a, b in pairwise(stops):
            ends = (shown_at(a), shown_at(b))
            others = [d for d in dots if min(math.dist(d, e) for e in ends) > 1.0]
            legs.append((n, a, b, route_bends(*ends, others, DOT_CLEARANCE * fig.dpi / 72)))
        keyed.append(((route.title or route.text).get(lang), ROUTE_STYLES[n % len(ROUTE_STYLES)]))
    # the legend just right of the map as drawn (its aspect makes it narrower than its area); its text: the
    # figure's width right of there, less the line and the gap before the text (2.6 + 0.8 ems) and a margin
    legend_x = min(left + width * 0.63, ax.get_position().x1 + 0.04)
    legend_points = (1 - legend_x - 0.02) * fig.get_figwidth() * 72 - 3.4 * LABEL
    colours = theme.shades(len(routes))  # shades of the section's colour, and a line style each
    handles = [Line2D([], [], color=colour, linewidth=2.5, linestyle=style,
                      label=wrap_to(title, legend_points, LABEL)) for (title, style), colour in zip(keyed, colours,
                                                                                                  strict=True)]

    bbox = ax.get_window_extent()
    names = [p.name.get(lang) for p in located_places]
    home_id = places[0].id
    clear = 5 * fig.dpi / 72  # points between a name and the map's edge (its ticks)
    sea_x, sea_y = ax.transData.transform(sea_at)
    sea_w = max(font_measurer(1.0).width(line, SMALL) for line in sea_name.split("\n")) * fig.dpi / 72
    sea_h = len(sea_name.split("\n")) * SMALL * 1.2 * fig.dpi / 72
    sea_box = (sea_x - sea_w / 2, sea_y, sea_x + sea_w / 2, sea_y + sea_h)
    frame = (bbox.x0 + clear, bbox.y0 + clear, bbox.x1 - clear, bbox.y1 - clear)
    scale_box = scale_bar_box(ax, mid_lat, lang, fig.dpi)  # the scale bar and its text: no name over them
    heavy = [p.id == home_id for p in located_places]
    best: tuple[float, tuple[float, ...], list[Spot]] | None = None
    for bends in product(*(leg[3] for leg in legs)):  # the bends that leave the names the most room
        shrink = SHRINK * fig.dpi / 72  # an arrow stops short of its dots
        lines = [p for (_, a, b, _), bend in zip(legs, bends, strict=True)
                 for p in _arc_points(shown_at(a), shown_at(b), bend, count=48)
                 if min(math.dist(p, shown_at(a)), math.dist(p, shown_at(b))) > shrink]
        spots, crowding = place_labels(names, dots, lines, frame, LABEL, fig.dpi / 72, heavy, (sea_box, scale_box))
        if best is None or crowding < best[0]:
            best = (crowding, bends, spots)
    assert best is not None
    _, bends, spots = best
    for (n, a, b, _), bend in zip(legs, bends, strict=True):
        heads = "<|-|>" if routes[n].kind is FactKind.LINK else "-|>"  # a two-way link: a head at each end
        ax.add_patch(FancyArrowPatch((a.lon, a.lat), (b.lon, b.lat), connectionstyle=f"arc3,rad={bend}",
                                     arrowstyle=heads, mutation_scale=14, color=colours[n], linewidth=2.2,
                                     linestyle=keyed[n][1], shrinkA=SHRINK, shrinkB=SHRINK, zorder=3))
    for place, name, (dx, dy, ha, va) in zip(located_places, names, spots, strict=True):
        assert place.location is not None
        home = place.id == home_id
        ax.scatter([place.location.lon], [place.location.lat], s=110 if home else 55, zorder=4,
                   color=theme.accent if home else theme.text, edgecolors=theme.background, linewidths=1.5)
        ax.annotate(name, (place.location.lon, place.location.lat), xytext=(dx, dy), textcoords="offset points",
                    ha=ha, va=va, fontsize=LABEL, fontweight="bold" if home else "normal", color=theme.text,
                    zorder=5)  # no halo: matplotlib writes a haloed name to SVG as outlines, which Qt (presenter,
        # handout) painted dark and bold; the names keep clear of the routes instead
    _scale_bar(ax, mid_lat, lang, theme)
    ax.tick_params(labelsize=SMALL, colors=theme.muted)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}°E")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0f}°N")
    for spine in ax.spines.values():
        spine.set_color(theme.grid)
    fig.legend(handles=handles, loc="center left", bbox_to_anchor=(legend_x, bottom + height / 2),
               fontsize=LABEL, frameon=False, labelcolor=theme.text, handlelength=2.6, labelspacing=1.1)


SCALE_KM = 200
SCALE_TEXT_ABOVE = 0.07  # degrees of latitude between the scale bar and its text


def _scale_geometry(ax, mid_lat: float) -> tuple[float, float, float]:
    """Return where the scale bar goes (data coordinates): its start and end longitude and its latitude."""
    degrees = SCALE_KM / (111.32 * math.cos(math.radians(mid_lat)))
    x0, x1 = ax.get_xlim()
    y0, _ = ax.get_ylim()
    start = x0 + (x1 - x0) * 0.05
    return start, start + degrees, y0 + 0.25


def _scale_text(lang: str) -> str:
    return f"{SCALE_KM} 公里" if lang == "zh" else f"{SCALE_KM} km"


def scale_bar_box(ax, mid_lat: float, lang: str, dpi: float) -> Box:
    """Return the box (display coordinates) the scale bar and its text take: no place name goes there."""
    start, end, y = _scale_geometry(ax, mid_lat)
    (x0, y0), (x1, _), (_, text_y) = ax.transData.transform([(start, y), (end, y), (start, y + SCALE_TEXT_ABOVE)])
    text_w = font_measurer(1.0).width(_scale_text(lang), SMALL) * dpi / 72
    middle = (x0 + x1) / 2
    pad = 3 * dpi / 72
    return (min(x0, middle - text_w / 2) - pad, y0 - pad, max(x1, middle + text_w / 2) + pad,
            text_y + SMALL * 1.2 * dpi / 72 + pad)


def _scale_bar(ax, mid_lat: float, lang: str, theme: Theme) -> None:
    start, end, y = _scale_geometry(ax, mid_lat)
    ax.plot([start, end], [y] * 2, color=theme.text, linewidth=2.5, solid_capstyle="butt")
    ax.text((start + end) / 2, y + SCALE_TEXT_ABOVE, _scale_text(lang), ha="center", va="bottom", fontsize=SMALL,
            color=theme.text)
