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
from srbrief.resources import builtin_briefing_path
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
    assert drawn
    assert [c for c in drawn if chart_problem(briefing, briefing.find(c, Chart))] == []


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_a_change_reads_the_same_on_its_card_in_its_chart_and_in_the_appendix(
        shaped_decks: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    briefing = load_briefing(BRIEFINGS[name])
    prs = Presentation(str(shaped_decks[name, lang]))
    cards = {shape.name[7:]: card_number(shape) for slide in prs.slides for shape in slide.shapes
             if shape.name.startswith("metric:")}
    rows = {cell_texts[0]: cell_texts[1] for slide in prs.slides for shape in slide.shapes
            if shape.name.startswith("table:") for cell_texts in
            ([c.text_frame.text.replace("\v", "") for c in row.cells] for row in list(shape.table.rows)[1:])}
    labels = label_texts(shaped_decks[name, lang])
    changes = [m for m in briefing.metrics if m.direction is not None]
    assert changes
    seen = 0
    for metric in changes:
        number, _ = value_parts(metric, lang)
        if metric.id in cards:
            assert cards[metric.id] == number, metric.id
            seen += 1
        core = number.rstrip("+").lstrip("~")
        row = rows[metric.label.get(lang).replace("\n", "")] if metric.label.get(lang) in rows else None
        assert row is None or core in row.replace(" ", ""), (metric.id, row)
    assert seen
    squeezed = [label.replace(" ", "") for label in labels]
    drawn = {shape.name.split(":")[1] for slide in prs.slides for shape in slide.shapes if shape.has_chart}
    in_charts = [m for c in drawn for m in (briefing.find(i) for i in briefing.find(c, Chart).items)
                 if isinstance(m, Metric) and m.direction is not None]
    for metric in in_charts:  # the chart's label is the card's number with its unit
        assert metric_text(metric, lang).replace(" ", "") in squeezed, metric.id
    cut = next((m for m in changes if m.good is not None and m.direction.value == "decrease"
                and m.good.value == "down"), None)
    if cut is not None:  # a good-news fall: no minus anywhere
        number, _ = value_parts(cut, lang)
        assert not number.startswith(("−", "-"))


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


def test_the_builtin_cost_cut_is_charted_as_the_gain_it_is(shaped_decks: dict[tuple[str, str], Path]) -> None:
    briefing = load_briefing(builtin_briefing_path())
    cut = briefing.find("pv-production-cost-cut", Metric)
    for lang in ("zh", "en"):
        labels = label_texts(shaped_decks["builtin", lang])
        assert "25%" in labels and "−25%" not in labels and "+20%" in labels
        assert value_parts(cut, lang)[0] == "25"
