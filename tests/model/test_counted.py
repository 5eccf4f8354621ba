"""A noun after a number agrees with it in English ('1 Shared platform', '2 Parks'), on the charts too."""

from __future__ import annotations

import io

import pytest

from srbrief.charts import render_chart
from srbrief.model import load_briefing
from srbrief.model.textutil import counted, counted_label
from tests.deck.conftest import SIX_THEMES


@pytest.mark.parametrize(("noun", "one", "two"), [
    ("Parks", "Park", "Parks"),
    ("Shared platforms", "Shared platform", "Shared platforms"),
    ("CNY 100 bn industries", "CNY 100 bn industry", "CNY 100 bn industries"),
    ("CNY 100 bn park", "CNY 100 bn park", "CNY 100 bn parks"),
    ("Testing centre", "Testing centre", "Testing centres"),
    ("Branches", "Branch", "Branches"),
    ("Business", "Business", "Businesses"),
])
def test_the_head_noun_agrees_with_one_and_two(noun: str, one: str, two: str) -> None:
    assert counted(noun, 1, "en") == one
    assert counted(noun, 2, "en") == two


def test_chinese_nouns_do_not_change() -> None:
    assert counted("公共平台", 1, "zh") == counted("公共平台", 2, "zh") == "公共平台"


def test_the_matrix_heading_agrees_with_its_count() -> None:
    """The six-theme briefing groups one shared platform and two parks: '1 Shared platform', '2 Parks'."""
    briefing = load_briefing(SIX_THEMES)
    buffer = io.BytesIO()
    render_chart(briefing, briefing.find("p-matrix"), "en", buffer, fmt="svg")
    svg = buffer.getvalue().decode("utf-8")
    assert "Shared platform<" in svg or "Shared platform " in svg, "the singular after 1"
    assert "Shared platforms" not in svg
    assert "Parks" in svg


@pytest.mark.parametrize(("label", "one"), [
    ("Parks of the hundred-billion-yuan class", "Park of the hundred-billion-yuan class"),
    ("Companies connected to the PV node", "Company connected to the PV node"),
    ("Provincial regional digital-transformation promotion centres",
     "Provincial regional digital-transformation promotion centre"),
])
def test_a_label_under_one_names_one_thing(label: str, one: str) -> None:
    assert counted_label(label, 1, "en") == one
    assert counted_label(label, 2, "en") == label
    assert counted_label(label, 1, "zh") == label

