"""The route map, as the deck draws it (built-in and six-theme briefing, zh and en): routes told apart by shade
and line style (in the legend too), no route through a place that is not one of its ends, a legend of route
names (the facts are on the slide); and a bare number on a card never reads as a date with its period."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Annotation
from pptx import Presentation

from srbrief.charts import draw_chart
from srbrief.charts.routemap import DOT_CLEARANCE
from srbrief.model import ChartKind, Fact, load_briefing
from tests.charts.test_charts import misread_names
from tests.deck.conftest import BRIEFINGS, CASES

ORDINALS = ("第一", "第二", "首", "first", "second", "largest", "only")


def drawn_map(path: Path, name: str, lang: str) -> tuple[Figure, object, object]:
    """Return the route map of the deck at *path* drawn as the deck draws it: at its picture's size."""
    briefing = load_briefing(BRIEFINGS[name])
    chart = next(c for c in briefing.charts if c.kind is ChartKind.ROUTE_MAP)
    picture = next(shape for slide in Presentation(str(path)).slides for shape in slide.shapes
                   if shape.name == f"chart:{chart.id}")
    fig = Figure(figsize=(picture.width / 914400 / 1.25, picture.height / 914400 / 1.25), dpi=150)
    draw_chart(fig, briefing, chart, lang, framed=False)
    FigureCanvasAgg(fig).draw()
    return fig, briefing, chart


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_routes_are_told_apart_and_pass_no_other_place(shaped_decks: dict[tuple[str, str], Path], name: str,
                                                       lang: str) -> None:
    fig, briefing, chart = drawn_map(shaped_decks[name, lang], name, lang)
    ax = fig.axes[0]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    routes = [i for i in (briefing.find(x) for x in chart.items) if isinstance(i, Fact)]
    looks = {(p.get_edgecolor(), str(p.get_linestyle())) for p in arrows}
    assert len({look[0] for look in looks}) == len({look[1] for look in looks}) == len(routes) >= 2
    handles = fig.legends[0].get_lines()
    patterns = {str(h._unscaled_dash_pattern) for h in handles}  # (matplotlib's only record of a dash pattern)
    assert len(patterns) == len(routes)  # the legend shows each route's style
    dots = [tuple(ax.transData.transform(d)) for c in ax.collections for d in c.get_offsets()]
    clearance = DOT_CLEARANCE * fig.dpi / 72 * 0.9
    for arrow in arrows:
        path = arrow.get_path().transformed(arrow.get_transform()).interpolated(40).vertices
        ends = (tuple(path[0]), tuple(path[-1]))
        for dot in dots:
            if min(math.dist(dot, e) for e in ends) < 12 * fig.dpi / 72:  # one of its own ends
                continue
            assert min(math.dist(dot, p) for p in path) >= clearance, (name, lang, dot)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_legend_names_routes_and_states_no_fact(shaped_decks: dict[tuple[str, str], Path], name: str,
                                                    lang: str) -> None:
    fig, briefing, chart = drawn_map(shaped_decks[name, lang], name, lang)
    entries = [t.get_text().replace("\n", "" if lang == "zh" else " ") for t in fig.legends[0].get_texts()]
    facts = [f.text.get(lang) for f in (briefing.find(x) for x in chart.items) if isinstance(f, Fact)]
    assert entries
    for entry in entries:
        assert not any(word in entry.lower() for word in ORDINALS), entry  # a claim: on the slide, not in a key
        assert entry not in facts
        assert (len(entry) <= 16) if lang == "zh" else (len(entry.split()) <= 6), entry


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_a_bare_number_keeps_its_period_on_a_line_of_its_own(shaped_decks: dict[tuple[str, str], Path], name: str,
                                                             lang: str) -> None:
    """'2 Mar 2025' would read as a date: a number with no unit after it has its period below its label."""
    bare = 0
    for slide in Presentation(str(shaped_decks[name, lang])).slides:
        for shape in slide.shapes:
            if not shape.name.startswith("metric:"):
                continue
            runs = [r.text.strip() for r in shape.text_frame.paragraphs[0].runs]
            number = next(i for i, r in enumerate(shape.text_frame.paragraphs[0].runs) if r.font.bold)
            after = [r for r in runs[number + 1:] if r and not all(c in "*¹²³⁴⁵⁶⁷⁸⁹" for c in r)]
            if not after or any(ch.isdigit() for ch in after[0]):  # nothing, or a period, after the number
                bare += 1
                assert not any(any(ch.isdigit() for ch in r) for r in after), (shape.name, runs)
    assert bare or lang == "zh"


@pytest.mark.parametrize(("name", "lang"), [(n, lang) for n, lang in CASES if n != "hengfeng"])  # (no map there)
def test_place_names_clear_the_scale_bar_and_the_legend(shaped_decks: dict[tuple[str, str], Path], name: str,
                                                        lang: str) -> None:
    """No place name over the scale bar, its '200 km' or the legend ('Port B' sat on the scale bar)."""
    fig, _, _ = drawn_map(shaped_decks[name, lang], name, lang)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    names = [t for t in ax.texts if isinstance(t, Annotation)]
    scale = [t for t in ax.texts if not isinstance(t, Annotation) and t.get_text().startswith("200")]
    assert names and len(scale) == 1
    bar = min(ax.lines, key=lambda line: abs(line.get_xydata()[0][1] - scale[0].get_position()[1]))
    taken = [scale[0].get_window_extent(renderer), bar.get_window_extent(renderer),
             fig.legends[0].get_window_extent(renderer)]
    for label in names:
        box = label.get_window_extent(renderer)
        assert not any(box.overlaps(other) for other in taken), (name, lang, label.get_text())


@pytest.mark.parametrize(("name", "lang"), [(n, lang) for n, lang in CASES if n != "hengfeng"])  # (no map there)
def test_place_names_stay_inside_the_map(shaped_decks: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    """A long name at a dot near the edge moves sideways into the map ('Songjiang District, Shanghai' stood past
    its left edge)."""
    fig, _, _ = drawn_map(shaped_decks[name, lang], name, lang)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    frame = ax.get_window_extent(renderer)
    for label in (t for t in ax.texts if isinstance(t, Annotation)):
        box = label.get_window_extent(renderer)
        assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1, (name, lang, label.get_text())


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_each_name_reads_as_its_own_places(shaped_decks: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    """Each name clearly nearer its own dot than any other, at the deck's size (the reviewer: "Nanchang" close to
    Shangrao's dot)."""
    fig, _, _ = drawn_map(shaped_decks[name, lang], name, lang)
    assert misread_names(fig) == []
