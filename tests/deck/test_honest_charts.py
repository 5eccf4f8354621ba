"""Honest charts, read back from the exported decks (built-in and six-theme briefing, zh and en): no drawn chart
mixes units or populations; a change is written with one sign convention on its card, in its chart and in the
appendix (a good-news fall as the gain it is); every data label carries its unit."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.model import Chart, Metric, load_briefing
from srbrief.model.honesty import chart_problem
from srbrief.model.units import UNITS, metric_text, value_parts
from tests.deck.conftest import BRIEFINGS, CASES


def label_texts(path: Path) -> list[str]:
    """Return the text of every data label of every native chart."""
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode("utf-8") for n in z.namelist() if re.match(r"ppt/charts/chart\d+\.xml$", n)]
    return ["".join(re.findall(r"<a:t>([^<]*)</a:t>", label)) for chart in charts
            for label in re.findall(r"<c:dLbl>.*?</c:dLbl>", chart, re.S)]


def card_number(shape) -> str:
    """Return a card's number as written: its runs up to the bold one (a currency before it: CNY 300+)."""
    runs = shape.text_frame.paragraphs[0].runs
    upto = next(i for i, run in enumerate(runs) if run.font.bold)
    return "".join(run.text for run in runs[:upto + 1])


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_drawn_chart_mixes_units_or_populations(shaped_decks: dict[tuple[str, str], Path], name: str,
                                                   lang: str) -> None:
    briefing = load_briefing(BRIEFINGS[name])
    drawn = {shape.name.split(":")[1] for slide in Presentation(str(shaped_decks[name, lang])).slides
             for shape in slide.shapes if shape.name.startswith("chart:") and shape.name.count(":") == 1}
    pointed = {p.chart for p in briefing.points if p.chart is not None}  # a briefing whose one chart is refused
    assert drawn or all(chart_problem(briefing, briefing.find(c, Chart)) for c in pointed)  # draws none
    assert [c for c in drawn if chart_problem(briefing, briefing.find(c, Chart))] == []


def drawn_charts(path: Path, briefing) -> dict[str, Chart]:
    """Return the charts drawn in the deck at *path* (its shapes named 'chart:<id>'), by id."""
    ids = {shape.name.split(":")[1] for slide in Presentation(str(path)).slides for shape in slide.shapes
           if shape.name.startswith("chart:") and shape.name.count(":") == 1}
    return {i: briefing.find(i, Chart) for i in ids}


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_drawn_bar_chart_compares_different_measures(shaped_decks: dict[tuple[str, str], Path], name: str,
                                                        lang: str) -> None:
    """Bars on one axis are one measure of several entities or of several periods — changes too: a productivity
    gain, an order-processing gain and a cost cut are three measures, shown as cards, never as three bars."""
    briefing = load_briefing(BRIEFINGS[name])
    bars = {i: c for i, c in drawn_charts(shaped_decks[name, lang], briefing).items()
            if c.kind.value in ("bar", "hbar")}
    assert bars or name == "builtin"  # (the built-in briefing has no bar chart left)
    for chart_id, chart in bars.items():
        metrics = [briefing.find(i, Metric) for i in chart.items]
        entities, periods = [m.entity for m in metrics], [m.period for m in metrics]
        one_measure = (None not in entities and len(set(entities)) == len(metrics)) or \
            (None not in periods and len(set(periods)) == len(metrics))
        assert one_measure, chart_id


def appendix_values(prs) -> dict[str, str]:
    """Return the value column of the appendix tables, by the row's model id (the table's row ids)."""
    found = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name.startswith("table:"):
                rows = list(shape.table.rows)[1:]
                labels = [row.cells[0].text_frame.text.replace("\v", "") for row in rows]
                values = [row.cells[1].text_frame.text.replace("\v", "").replace(" ", "") for row in rows]
                found.update(zip(labels, values, strict=True))
    return found


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_a_change_reads_the_same_on_its_card_in_its_chart_and_in_the_appendix(
        shaped_decks: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    """One sign convention: the sign says which way a figure moved (+20%, −25%), on its card, in its chart and in
    the appendix; whether that is good news is its colour."""
    briefing = load_briefing(BRIEFINGS[name])
    prs = Presentation(str(shaped_decks[name, lang]))
    cards = {shape.name[7:]: card_number(shape) for slide in prs.slides for shape in slide.shapes
             if shape.name.startswith("metric:")}
    rows = appendix_values(prs)
    squeezed = [label.replace(" ", "").replace("\u00a0", "") for label in label_texts(shaped_decks[name, lang])]
    changes = [m for m in briefing.metrics if m.direction is not None and m.unit != "bei"]
    falls = [m for m in changes if m.direction.value == "decrease"]
    assert falls and any(m.good is not None and m.good.value == "down" for m in falls)  # a good-news fall too
    seen = {"card": 0, "chart": 0, "appendix": 0}
    for metric in changes:
        sign = "−" if metric.direction.value == "decrease" else "+"
        number, _ = value_parts(metric, lang)
        written = metric_text(metric, lang).replace(" ", "").replace("\u00a0", "")
        assert sign in number, metric.id
        if metric.id in cards:
            assert cards[metric.id] == number, metric.id
            seen["card"] += 1
        if written in squeezed:
            seen["chart"] += 1
        row = rows.get(metric.label.get(lang))
        if row is not None:
            assert sign + number.lstrip("+−~").rstrip("+").replace("\u00a0", "") in row.replace("\u00a0", ""), \
                (metric.id, row)
            seen["appendix"] += 1
    assert seen["card"] and seen["appendix"], seen
    if name == "six-themes":
        assert seen["chart"] == 2, seen  # the parks' energy use: a fall and a rise, signed, on one axis


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_data_label_carries_its_unit(shaped_decks: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    """Money, per cent, multiples, durations … always; a count in English is a bare number, as English counts
    (the label names what is counted: "600+ suppliers")."""
    labels = [t for t in label_texts(shaped_decks[name, lang]) if t]
    assert labels
    units = ({u.zh if lang == "zh" else u.en_word for u in UNITS.values()} | ({"CNY", "mn", "bn"} if lang == "en"
                                                                            else set())) - {""}
    bare = [t for t in labels if not any(u in t for u in units)]
    if lang == "en":
        bare = [t for t in bare if not re.fullmatch(r"[\d,]+\+?", t)]
    assert bare == []


def test_the_builtin_cost_cut_reads_minus_25_in_good_news_green(shaped_decks: dict[tuple[str, str], Path]) -> None:
    from srbrief import palette

    for lang in ("zh", "en"):
        prs = Presentation(str(shaped_decks["builtin", lang]))
        card = next(shape for slide in prs.slides for shape in slide.shapes
                    if shape.name == "metric:pv-production-cost-cut")
        assert card_number(card) == "−25"
        bold = next(run for run in card.text_frame.paragraphs[0].runs if run.font.bold)
        assert str(bold.font.color.rgb) == palette.LIGHT.increase.lstrip("#").upper()
        assert "−25%" in appendix_values(prs).values()


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_native_chart_shows_its_unit(shaped_decks: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    """A chart on an axis (bars, lines) names its unit on the value axis; a doughnut's labels carry theirs."""
    briefing = load_briefing(BRIEFINGS[name])
    prs = Presentation(str(shaped_decks[name, lang]))
    graphs = {shape.name.split(":")[1]: shape.chart for slide in prs.slides for shape in slide.shapes
              if shape.has_chart}
    assert graphs
    kinds = set()
    for chart_id, graph in graphs.items():
        metrics = [m for m in (briefing.find(i) for i in briefing.find(chart_id, Chart).items)
                   if isinstance(m, Metric)]
        kind = str(graph.chart_type)
        kinds.add(kind.split(maxsplit=1)[0])
        if "DOUGHNUT" in kind:
            continue  # its labels: see test_every_data_label_carries_its_unit
        axis = graph.value_axis
        assert axis.has_title, chart_id
        unit = UNITS[metrics[0].unit]
        title = axis.axis_title.text_frame.text
        assert title and (unit.zh in title if lang == "zh" else any(w in title for w in (unit.en, "bn", "mn"))), \
            (chart_id, title)
    assert name == "builtin" or {"LINE_MARKERS", "BAR_CLUSTERED", "COLUMN_CLUSTERED"} <= kinds, kinds


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_green_and_red_bars_say_which_is_which(shaped_decks: dict[tuple[str, str], Path], lang: str) -> None:
    """The parks' energy use fell in one (good news, green) and rose in the other (bad news, red): the chart's
    key says what the colours mean."""
    from srbrief.model.units import news_key

    texts = [shape.text_frame.text for slide in Presentation(str(shaped_decks["six-themes", lang])).slides
             for shape in slide.shapes if shape.name.startswith("chart:g-hbar:") and shape.has_text_frame]
    assert any(news_key(lang) in text for text in texts), texts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_doughnut_says_one_centre_text_on_every_renderer(decks: dict[str, Path], lang: str) -> None:
    """A part-of-whole doughnut's hole says the same on the deck's native chart and in the drawing the presenter
    and the PDF show (the drawing said '222.7 亿元 / 总额 368.6亿元' where the deck said '60.4%')."""
    from matplotlib.figure import Figure

    from srbrief.charts import draw_chart
    from srbrief.model import ChartKind
    from srbrief.model.units import doughnut_centre

    briefing = load_briefing(BRIEFINGS["builtin"])
    chart = next(c for c in briefing.charts if c.kind is ChartKind.SHARE and len(c.items) == 2 and
                 briefing.find(c.items[0], Metric).unit != "percent")
    part, whole = (briefing.find(i, Metric) for i in chart.items)
    centre = doughnut_centre(part, whole, lang)
    assert centre.endswith("%")
    fig = Figure(figsize=(8, 4.5), dpi=100)
    draw_chart(fig, briefing, chart, lang, framed=False)
    assert [t.get_text() for t in fig.axes[0].texts if t.get_text()] == [centre]  # the hole: the share alone
    assert centre in label_texts(decks[lang])  # the native doughnut's label
