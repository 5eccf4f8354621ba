"""Every chart kind on a synthetic briefing, and every chart of the built-in briefing, in zh and en."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from PIL import Image

from srbrief.charts import DRAWERS, draw_chart, render_chart
from srbrief.charts.fonts import FAMILY, font_coverage, register_bundled_font
from srbrief.charts.routemap import COAST, NEAR, ROW_GAP
from srbrief.charts.style import LABEL, LIGHT, metric_text, wrap_to
from srbrief.cli import main
from srbrief.model import Briefing, Chart, ChartKind, Metric, load_briefing
from srbrief.resources import builtin_briefing_path

SYNTHETIC = Path(__file__).with_name("synthetic.yaml")


@pytest.fixture(scope="module")
def synthetic() -> Briefing:
    return load_briefing(SYNTHETIC)


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(builtin_briefing_path())


def png_of(briefing: Briefing, chart_id: str, lang: str, theme: str = "light") -> Image.Image:
    buffer = io.BytesIO()
    render_chart(briefing, briefing.find(chart_id), lang, buffer, dpi=60, theme=theme, fmt="png")
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def svg_of(briefing: Briefing, chart_id: str, lang: str) -> str:
    buffer = io.BytesIO()
    render_chart(briefing, briefing.find(chart_id), lang, buffer, fmt="svg")
    return buffer.getvalue().decode("utf-8")


def assert_not_blank(image: Image.Image) -> None:
    colours = image.getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 20, "the image is (nearly) blank"
    background = max(colours)[0] / (image.width * image.height)
    assert background < 0.99, "almost everything is background"


def test_every_kind_has_a_drawer() -> None:
    assert set(DRAWERS) == set(ChartKind)


def test_synthetic_covers_every_kind(synthetic: Briefing) -> None:
    assert {c.kind for c in synthetic.charts} == set(ChartKind)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_kind_draws_and_is_not_blank(synthetic: Briefing, lang: str) -> None:
    for chart in synthetic.charts:
        assert_not_blank(png_of(synthetic, chart.id, lang))


def test_dark_theme_has_a_dark_background(synthetic: Briefing) -> None:
    image = png_of(synthetic, "c-kpi", "en", theme="dark")
    assert sum(image.getpixel((2, 2))) < 120


def _svg_text(svg: str) -> str:
    return " ".join(re.findall(r">([^<>]+)</text>", svg))


def _squeezed(text: str) -> str:
    """Return *text* without spaces: a KPI tile sets number and unit as two pieces of text."""
    return re.sub(r"\s", "", text)  # spaces and the no-break spaces inside a value


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_svg_keeps_labels_and_numbers_as_text(synthetic: Briefing, lang: str) -> None:
    for chart in synthetic.charts:
        text = _svg_text(svg_of(synthetic, chart.id, lang))
        assert chart.title.get(lang) in text
        assert ("来源：《测试日报》2025-10-11" if lang == "zh" else "Source: Test Daily, 11 Oct 2025") in text
        for item_id in chart.items:
            item = synthetic.find(item_id)
            if isinstance(item, Metric):
                assert _squeezed(metric_text(item, lang)) in _squeezed(text), (chart.id, metric_text(item, lang))


def test_more_than_is_marked(synthetic: Briefing) -> None:
    assert "600+" in _svg_text(svg_of(synthetic, "c-kpi", "en"))


def test_decrease_is_signed_and_drawn_below_zero(synthetic: Briefing) -> None:
    fig = Figure()
    draw_chart(fig, synthetic, synthetic.find("c-hbar"), "en")
    ax = fig.axes[0]
    widths = [bar.get_width() for bar in ax.patches if hasattr(bar, "get_width") and bar.get_height() > 0]
    assert min(widths) == -25 and max(widths) == 20
    assert ax.get_xlim()[0] < -25 and ax.get_xlim()[1] > 20  # nothing truncated, axis through zero
    labels = [t.get_text() for t in ax.texts]
    assert "\u221225%" in labels and "+20%" in labels


def test_bars_start_at_zero(synthetic: Briefing) -> None:
    fig = Figure()
    draw_chart(fig, synthetic, synthetic.find("c-bar"), "zh")
    assert fig.axes[0].get_ylim()[0] <= 0


def test_english_axis_in_billions(synthetic: Briefing) -> None:
    fig = Figure()
    draw_chart(fig, synthetic, synthetic.find("c-bar"), "en")
    ax = fig.axes[0]
    assert ax.get_ylabel() == "CNY bn"
    heights = sorted(round(bar.get_height(), 3) for bar in ax.patches)
    assert heights == [22.27, 36.86]


def test_wrap_chinese_and_english() -> None:
    assert wrap_to("规上工业营业收入连续二十六个月保持全省第二", 72, 12).count("\n") >= 2
    from srbrief.textlayout import font_measurer

    lines = wrap_to("Revenue of industrial enterprises above designated size", 120, 12).splitlines()
    assert len(lines) >= 3 and all(font_measurer().width(line, 12) <= 120 for line in lines)
    assert "designated" in lines[-1].split() or "designated size" in " ".join(lines)  # no word split


def test_font_is_registered_and_renamed() -> None:
    assert register_bundled_font() == FAMILY
    from matplotlib import font_manager

    names = {Path(f.fname).name for f in font_manager.fontManager.ttflist if f.name == FAMILY}
    assert names == {"SRBriefSansSC-Regular.ttf", "SRBriefSansSC-Bold.ttf"}
    assert "Noto" not in FAMILY


def test_font_covers_the_builtin_briefing() -> None:
    text = builtin_briefing_path().read_text(encoding="utf-8")
    covered = font_coverage()
    missing = {c for c in text if c.isprintable() and ord(c) not in covered}
    assert not missing


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_builtin_chart_renders_without_missing_glyphs(builtin: Briefing, lang: str, tmp_path: Path) -> None:
    # pytest turns warnings into errors: a "Glyph ... missing from font(s)" warning fails this test
    assert main(["charts", "-o", str(tmp_path), "--format", "png", "--lang", lang, "--dpi", "50"]) == 0
    written = sorted(p.stem for p in tmp_path.glob("*.png"))
    assert written == sorted(c.id for c in builtin.charts)
    assert len(written) >= 11
    for path in tmp_path.glob("*.png"):
        assert_not_blank(Image.open(path).convert("RGB"))


def test_builtin_numbers_on_charts_match_the_model(builtin: Briefing) -> None:
    for chart in builtin.charts:
        text = _svg_text(svg_of(builtin, chart.id, "zh"))
        for item_id in chart.items:
            item = builtin.find(item_id)
            if isinstance(item, Metric):
                shown = metric_text(item, "zh")
                assert _squeezed(shown) in _squeezed(text), (chart.id, item.id)


def test_charts_command_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["charts", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "out")]) == 2
    assert "missing.yaml:1:1: cannot read the file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_charts_command_output_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["charts", str(SYNTHETIC), "-o", str(blocker)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a folder" in err[0]


def test_charts_command_unwritable_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root ignores permission bits: use a path under a file instead
            target = tmp_path / "plain-file"
            target.write_text("x")
            out = target / "sub"
        else:
            out = locked / "sub"
        assert main(["charts", str(SYNTHETIC), "-o", str(out)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and str(out) in err[0]
    finally:
        locked.chmod(0o700)


def test_kpi_uses_theme_panel(synthetic: Briefing) -> None:
    fig = Figure()
    draw_chart(fig, synthetic, synthetic.find("c-kpi"), "zh", LIGHT)
    assert len(fig.patches) == 4


def test_a_timeline_of_nothing_draws_empty_instead_of_failing(synthetic: Briefing) -> None:
    from dataclasses import replace

    chart = next(c for c in synthetic.charts if c.kind is ChartKind.TIMELINE)
    empty = replace(synthetic, timeline=())
    fig = Figure(figsize=(10, 5.625))
    draw_chart(fig, empty, replace(chart, items=()), "en")  # validation refuses it; drawing must not crash
    assert fig.axes


def test_a_long_timeline_in_a_short_figure_never_overlaps_the_source_line(synthetic: Briefing) -> None:
    from dataclasses import replace

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    chart = next(c for c in synthetic.charts if c.kind is ChartKind.TIMELINE)
    event = synthetic.timeline[0]
    many = tuple(replace(event, id=f"ev-{i}", text=replace(event.text, en="A long event " * 12))
                 for i in range(12))
    fig = Figure(figsize=(6, 3.4))
    draw_chart(fig, replace(synthetic, timeline=many), replace(chart, items=()), "en")
    renderer = FigureCanvasAgg(fig).get_renderer()
    footer_top = max(t.get_window_extent(renderer).y1 for t in fig.texts if "Source" in t.get_text())
    rows_bottom = min(t.get_window_extent(renderer).y0 for t in fig.axes[0].texts)
    assert rows_bottom >= footer_top


def test_charts_are_drawn_one_at_a_time_and_leave_global_settings_alone(builtin: Briefing) -> None:
    """matplotlib is not thread-safe: a chart waits for the chart lock; and drawing does not rewrite rcParams."""
    import io
    import threading

    import matplotlib as mpl

    from srbrief.charts import CHART_LOCK, render_chart

    family = list(mpl.rcParams["font.family"])
    chart = builtin.charts[0]
    done = threading.Event()
    with CHART_LOCK:
        worker = threading.Thread(target=lambda: (render_chart(builtin, chart, "zh", io.BytesIO(), fmt="svg"),
                                                  done.set()))
        worker.start()
        assert not done.wait(0.5)  # held up while another drawing holds the lock
    worker.join(60)
    assert done.is_set()
    assert list(mpl.rcParams["font.family"]) == family


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(10, 5.625), (7, 4.5)])
def test_map_names_clear_each_other_the_routes_and_the_edges(builtin: Briefing, lang: str,
                                                            size: tuple[float, float]) -> None:
    """Issue 19: 'Nanchang' on the 29°N tick, the arrow through 'Hangzhou': each name inside the map, over no
    other name, no route and no other dot; the legend inside the figure; two names on one line ROW_GAP ems
    apart (at most: "• 南昌   上饶 •" read as one phrase)."""
    for chart in (c for c in builtin.charts if c.kind is ChartKind.ROUTE_MAP):
        _check_map_names(builtin, chart, lang, size)


def _check_map_names(builtin: Briefing, chart: Chart, lang: str, size: tuple[float, float]) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.patches import FancyArrowPatch

    fig = Figure(figsize=size)
    draw_chart(fig, builtin, chart, lang)
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.axes[0]
    names = [t.get_window_extent(renderer) for t in ax.texts if t.get_text() in
             {e.name.get(lang) for e in builtin.entities}]
    assert len(names) >= 3
    frame = ax.get_window_extent(renderer)
    arrows = [p.get_path().transformed(p.get_transform()).interpolated(40).vertices
              for p in ax.patches if isinstance(p, FancyArrowPatch)]
    dots = [point for collection in ax.collections for point in collection.get_offsets()]
    dots = [ax.transData.transform(d) for d in dots]
    for i, box in enumerate(names):
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
        assert not any(box.overlaps(other) for other in names[i + 1:])
        crossing = [p for path in arrows for p in path if box.x0 < p[0] < box.x1 and box.y0 < p[1] < box.y1]
        assert not crossing, f"a route crosses {ax.texts[i].get_text()}"
    inside = [d for d in dots if any(b.x0 < d[0] < b.x1 and b.y0 < d[1] < b.y1 for b in names)]
    assert not inside
    assert misread_names(fig) == []
    near = NEAR * fig.dpi / 72 * 0.95  # two names side by side read as one ("南昌 上饶"): apart by NEAR at least
    for i, box in enumerate(names):
        for other in names[i + 1:]:
            gap = _box_gap(box.extents, other.extents)
            assert gap >= near, (chart.id, gap, near)
    legend = fig.legends[0].get_window_extent(renderer)
    assert legend.x1 <= fig.bbox.x1 and legend.x0 >= 0
    row = ROW_GAP * LABEL * fig.dpi / 72 * 0.95  # two names on one line: apart by ROW_GAP ems
    for i, box in enumerate(names):
        for other in names[i + 1:]:
            if min(box.y1, other.y1) > max(box.y0, other.y0):
                assert _box_gap(box.extents, other.extents) >= row, (chart.id, lang, size)


def _box_gap(a: Sequence[float], b: Sequence[float]) -> float:
    """Return the distance between two boxes (x0, y0, x1, y1), 0 when they touch (the tests' own measure)."""
    return math.hypot(max(a[0] - b[2], 0, b[0] - a[2]), max(a[1] - b[3], 0, b[1] - a[3]))


def misread_names(fig: Figure) -> list[str]:
    """Return the place names of a drawn map not clearly nearer their own dot than any other (by NEAR points at
    least): "Nanchang" by Shangrao's dot, "上海松江区" starting at Hangzhou's."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.axes[0]
    dots = [ax.transData.transform(d) for collection in ax.collections for d in collection.get_offsets()]
    near = NEAR * fig.dpi / 72 * 0.95
    found = []
    for text in (t for t in ax.texts if isinstance(t, Annotation)):
        box, own = text.get_window_extent(renderer).extents, ax.transData.transform(text.xy)

        def gap(dot: tuple[float, float], box: tuple[float, ...] = tuple(box)) -> float:
            return _box_gap(box, (*dot, *dot))

        if any(math.dist(dot, own) > 1 and gap(dot) < gap(own) + near for dot in dots):
            found.append(text.get_text())
    return found


DATA = Path(__file__).parents[1] / "data"
HENGFENG = DATA / "tester" / "hengfeng-new-energy.yaml"  # a usability tester's own briefing, built in the app


@pytest.mark.parametrize("source", [SYNTHETIC, DATA / "six-themes.yaml", HENGFENG], ids=["synthetic", "six",
                                                                                             "hengfeng"])
@pytest.mark.parametrize("size", [(10, 5.625), (6, 3.4)])  # the deck's picture, a narrow panel in the app
def test_value_axes_and_legends_stay_in_view(source: Path, size: tuple[float, float]) -> None:
    """The tester's panel showed "00" for 100…500 (the ticks cut at the left edge) and the "+ 表示超" legend
    drawn over the hatched bar: every tick label and axis label is inside the figure, a legend clear of bars."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.patches import Rectangle

    from srbrief.charts.style import new_figure

    briefing = load_briefing(source)
    drawn = [c for c in briefing.charts if c.kind in (ChartKind.BAR, ChartKind.LINE)]
    assert drawn
    for chart in drawn:
        for lang in ("zh", "en"):
            fig = new_figure(LIGHT, size)
            draw_chart(fig, briefing, chart, lang)
            canvas = FigureCanvasAgg(fig)
            canvas.draw()  # labels take their places when drawn
            renderer = canvas.get_renderer()
            whole = fig.bbox
            for ax in fig.axes:
                texts = [*ax.get_yticklabels(), *ax.get_xticklabels(), ax.yaxis.label]
                for text in texts:
                    if text.get_visible() and text.get_text():
                        box = text.get_window_extent(renderer)
                        assert box.x0 >= whole.x0 - 1 and box.x1 <= whole.x1 + 1, (chart.id, lang, text.get_text())
                legend = ax.get_legend()
                if legend is None:
                    continue
                frame = legend.get_window_extent(renderer)
                for bar in (p for p in ax.patches if isinstance(p, Rectangle) and p.get_height()):
                    assert not frame.overlaps(bar.get_window_extent(renderer)), (chart.id, lang, "legend on a bar")


def test_two_names_never_stand_side_by_side() -> None:
    """The re-check's sparse map read "南昌 上饶" as one name: a name keeps NEAR points from the names placed
    before it (here the right edge pushes 上饶 to the left of its dot, beside 南昌's name)."""
    from srbrief.charts.routemap import _spot_box, place_labels
    from srbrief.textlayout import font_measurer

    dots, frame, size = [(0.0, 0.0), (66.0, 0.0)], (-60.0, -60.0, 80.0, 60.0), 12.0
    spots, _ = place_labels(["南昌", "上饶"], dots, [], frame, size, 1.0, [False, False])
    boxes = [_spot_box(spot, dot, font_measurer(1.0).width(name, size), size * 1.2, 1.0)
             for spot, dot, name in zip(spots, dots, ["南昌", "上饶"], strict=True)]
    assert _box_gap(*boxes) >= NEAR, (spots, boxes)


@pytest.mark.parametrize("size", [(10, 5.625), (7, 4.5), (4, 6), (12, 4)])
def test_two_routes_between_one_pair_of_places_are_drawn_apart(size: tuple[float, float]) -> None:
    """The G60 corridor runs Songjiang → Shangrao and the sci-tech centre links Shangrao → Songjiang: two routes
    of one pair drew as one line in the first try; they bend to either side, clearly apart, and the map fills
    its axes (a map of places on one line of latitude stood as a thin strip with its names crowded in it), the
    sea up to its right edge (the app's wide panel showed a strip of land east of the sea)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_rgb
    from matplotlib.patches import FancyArrowPatch

    briefing = load_briefing(builtin_briefing_path())
    chart = briefing.find("t3-route-map", Chart)
    pairs = [tuple(sorted(f.route)) for f in (briefing.find(i) for i in chart.items) if hasattr(f, "route")]
    assert len(pairs) == 2 and pairs[0] == pairs[1]  # the case: two routes of one pair
    fig = Figure(figsize=size, dpi=72)
    draw_chart(fig, briefing, chart, "en")
    ax = fig.axes[0]
    paths = [p.get_path().transformed(p.get_transform()).interpolated(40).vertices
             for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(paths) == 2
    (x1, y1), (x2, y2) = (ax.transData.transform((e.location.lon, e.location.lat))
                          for e in (briefing.find("songjiang"), briefing.find("shangrao")))

    def side(point: Sequence[float]) -> float:  # signed distance from the straight line between the two places
        return ((x2 - x1) * (point[1] - y1) - (y2 - y1) * (point[0] - x1)) / math.hypot(x2 - x1, y2 - y1)

    bulges = [max((side(p) for p in path), key=abs) for path in paths]  # each arc's farthest point
    assert bulges[0] * bulges[1] < 0 and abs(bulges[0] - bulges[1]) >= 10, bulges  # apart (points), either side
    heads = sorted(type(p.get_arrowstyle()).__name__ for p in ax.patches if isinstance(p, FancyArrowPatch))
    assert heads == ["CurveFilledAB", "CurveFilledB"]  # the two-way link (双向奔赴) has a head at each end
    drawn, laid_out = ax.get_position(), ax.get_position(original=True)
    south, north = ax.get_ylim()
    tall_as_the_coast = south <= COAST[-1][1] + 1e-6 and north >= COAST[0][1] - 1e-6  # (no taller: see _filling)
    assert drawn.width >= laid_out.width * 0.97
    assert drawn.height >= laid_out.height * 0.97 or tall_as_the_coast
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    pixels = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("RGB")
    box = ax.get_window_extent()
    at = (int(box.x1) - 4, int(fig.bbox.height - (box.y0 + box.y1) / 2))  # (image rows run downwards)
    sea = tuple(round(c * 255) for c in to_rgb(LIGHT.sea))
    assert max(abs(a - b) for a, b in zip(pixels.getpixel(at), sea, strict=True)) <= 3, pixels.getpixel(at)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_of_every_chart_stays_text_in_svg(builtin: Briefing, lang: str) -> None:
    """The presenter and the handout paint charts from SVG with Qt: a map's names drawn with a halo reached it
    as outlines with a stroke, which Qt painted dark and bold. Every name, label and tick stays a <text>."""
    for chart in builtin.charts:
        buffer = io.BytesIO()
        render_chart(builtin, chart, lang, buffer, fmt="svg")
        svg = buffer.getvalue().decode("utf-8")
        texts = set(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
        if chart.kind is ChartKind.ROUTE_MAP:
            names = {builtin.find(i).name.get(lang) for i in chart.items if hasattr(builtin.find(i), "name")}
            assert names <= texts, names - texts
