"""One way to write a period and a value with its unit, per language, on every view; no line breaks inside a
number and its unit. Read back from the decks of the built-in and the six-theme briefing."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.deck.layout import TextBlock, layout_deck
from srbrief.deck.plan import plan_deck
from srbrief.model import ChartKind, Metric, load_briefing
from srbrief.model.textutil import period_text
from srbrief.model.units import NBSP, format_value, metric_period, metric_text
from srbrief.textlayout import UNIT_CHARS, slide_measurer, tokens
from tests.deck.conftest import BRIEFINGS, CASES


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_a_period_is_written_one_way_on_cards_and_charts(shaped_decks: dict[tuple[str, str], Path], name: str,
                                                         lang: str) -> None:
    from srbrief.charts import render_chart

    briefing = load_briefing(BRIEFINGS[name])
    prs = Presentation(str(shaped_decks[name, lang]))
    cards = {s.name[7:]: s.text_frame.text for slide in prs.slides for s in slide.shapes
             if s.name.startswith("metric:")}
    periods = [(m, cards[m.id]) for m in briefing.metrics if m.period and m.id in cards]
    assert periods
    for metric, text in periods:
        assert metric_period(metric, lang) in text, (metric.id, text)
    with zipfile.ZipFile(shaped_decks[name, lang]) as z:
        charts = [z.read(n).decode("utf-8") for n in z.namelist() if re.match(r"ppt/charts/chart\d+\.xml$", n)]
    for chart in briefing.charts:
        metrics = [m for m in (briefing.find(i) for i in chart.items) if isinstance(m, Metric) and m.period]
        if chart.kind not in (ChartKind.KPI, ChartKind.LINE) or not metrics:
            continue
        buffer = io.BytesIO()
        render_chart(briefing, chart, lang, buffer, fmt="svg")
        svg = buffer.getvalue().decode("utf-8")
        for metric in metrics:  # the drawing, and a native line chart's categories
            assert metric_period(metric, lang) in re.sub(r"<[^>]+>", "", svg), (chart.id, metric.id)
        if chart.kind is ChartKind.LINE:
            native = [c for c in charts if all(f"<c:v>{period_text(m.period, lang)}</c:v>" in c for m in metrics)]
            raw = [c for c in charts if any(f"<c:v>{m.period}</c:v>" in c for m in metrics if "/" in m.period)]
            assert native or name == "builtin", chart.id
            assert raw == []


@pytest.mark.parametrize("name", BRIEFINGS)
def test_one_english_unit_style_on_cards_charts_and_tables(shaped_decks: dict[tuple[str, str], Path],
                                                          name: str) -> None:
    """CNY 626.1 bn everywhere the app writes a value (the prose of the data is the author's)."""
    prs = Presentation(str(shaped_decks[name, "en"]))
    written = [shape.text_frame.paragraphs[0].text for slide in prs.slides for shape in slide.shapes
               if shape.name.startswith("metric:")]  # the value and its unit (the label is the data's)
    written += [row.cells[1].text_frame.text for slide in prs.slides for shape in slide.shapes
                if shape.name.startswith("table:") for row in list(shape.table.rows)[1:]]
    with zipfile.ZipFile(shaped_decks[name, "en"]) as z:
        for part in (n for n in z.namelist() if re.match(r"ppt/charts/chart\d+\.xml$", n)):
            written += re.findall(r"<a:t>([^<]*)</a:t>", z.read(part).decode("utf-8"))
    assert any("CNY" in text for text in written)
    assert [t for t in written if re.search(r"\b(billion|million|yuan)\b", t)] == []
    assert [t for t in written if re.search(r"\d %", t)] == []  # 100%, never 100 %


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_value_and_its_unit_never_break_apart(lang: str) -> None:
    for path in BRIEFINGS.values():
        briefing = load_briefing(path)
        for metric in briefing.metrics:
            text = format_value(metric, lang)
            sentence = f"达到{text}以上" if lang == "zh" else f"reached {text} so far"
            assert any(text in token for token in tokens(sentence)), (metric.id, text)
            if lang == "en":
                assert " " not in metric_text(metric, lang).replace(NBSP, "§"), metric.id
        plan = plan_deck(briefing, lang)
        for layout in layout_deck(plan, slide_measurer()):
            for block in layout.blocks:
                if not isinstance(block, TextBlock):
                    continue
                for para in block.paras:
                    lines = ["".join(run.text for run in line) for line in para.lines]
                    for before, after in itertools.pairwise(lines):
                        assert not (re.search(r"\d$", before.rstrip()) and after[:1] in UNIT_CHARS), (before, after)
                        assert not (before.rstrip().endswith(("CNY", "CNY" + NBSP)) and after[:1].isdigit())


def test_the_unit_characters_cover_the_data_formats_units() -> None:
    from srbrief.model.units import UNITS

    assert {c for unit in UNITS.values() for c in unit.zh} <= UNIT_CHARS
