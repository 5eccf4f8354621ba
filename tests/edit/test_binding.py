"""Numbers typed in a new item's text become references to the figures they are; a point's sources default
to its figures' clauses. Qt-free."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.edit.newitems import bind_literals, figure_cites
from srbrief.model import Briefing, Metric, load_briefing
from srbrief.model.refs import literal_figures, render
from srbrief.resources import builtin_briefing_path

JIUJIANG = Path(__file__).parent.parent / "data" / "jiujiang" / "jiujiang.yaml"


@pytest.fixture(scope="module")
def jiujiang() -> Briefing:
    return load_briefing(JIUJIANG)


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(builtin_briefing_path())


def _ids(metrics: list[Metric]) -> list[str]:
    return [m.id for m in metrics]


def test_numbers_with_their_units_become_references(jiujiang: Briefing) -> None:
    every = list(jiujiang.metrics)
    ticked = [jiujiang.find("crude-oil-processed-by-jiujiang"), jiujiang.find("output-of-new-chemical-materials")]
    typed = "九江石化全年原油加工量达1050万吨，化工新材料产量达到268万吨"
    text, bound = bind_literals(typed, "zh", ticked, every)
    assert text == "九江石化全年原油加工量达{crude-oil-processed-by-jiujiang}，化工新材料产量达到" \
                   "{output-of-new-chemical-materials}"
    assert _ids(bound) == ["crude-oil-processed-by-jiujiang", "output-of-new-chemical-materials"]
    assert not literal_figures(text) and render(text, {m.id: m for m in jiujiang.metrics}, "zh") == typed


def test_english_numbers_bind_with_or_without_the_unit(jiujiang: Briefing) -> None:
    every = list(jiujiang.metrics)
    text, bound = bind_literals("Capacity reached 3,200 MW and revenue CNY 43 bn", "en", [], every)
    assert text == "Capacity reached {installed-new-energy-capacity} and revenue {revenue-of-the-new-energy}"
    assert len(bound) == 2 and not literal_figures(text)
    text, bound = bind_literals("新能源装机达到3200，创新高", "zh", [], every)  # the bare number, its unit elsewhere
    assert text == "新能源装机达到{installed-new-energy-capacity:num}，创新高" and len(bound) == 1
    text, bound = bind_literals("revenue 430 billion yuan", "en", [], every)  # 430亿元 is CNY 43 bn: no figure
    assert bound == [] and text == "revenue 430 billion yuan"


def test_a_number_of_no_figure_or_of_several_stays(builtin: Briefing) -> None:
    every = list(builtin.metrics)
    for typed in ("新增企业999家", "建成1个园区"):  # no figure is 999; several figures are 1个
        text, bound = bind_literals(typed, "zh", [], every)
        assert text == typed and bound == []


def test_the_ticked_figures_decide_between_equal_numbers(builtin: Briefing) -> None:
    every = list(builtin.metrics)
    ones = [m for m in every if m.value == 1 and m.unit == "ge"]
    assert len(ones) >= 2  # "1个" alone is ambiguous …
    text, bound = bind_literals("建成1个园区", "zh", [ones[1]], every)  # … unless one of them is ticked
    assert text == "建成{" + ones[1].id + "}园区" and bound == [ones[1]]


def test_a_points_sources_are_its_figures_clauses(jiujiang: Briefing, builtin: Briefing) -> None:
    ticked = [jiujiang.find("crude-oil-processed-by-jiujiang"), jiujiang.find("installed-new-energy-capacity")]
    assert figure_cites(ticked, jiujiang) == ["九江石化全年原油加工量达1050万吨", "全市新能源装机容量达到3200兆瓦"]
    revenue = builtin.find("industrial-revenue-2024")
    assert figure_cites([revenue, revenue], builtin) == [revenue.source.clause]  # once each
