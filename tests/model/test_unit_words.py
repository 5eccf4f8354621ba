"""A unit's English word cannot fit every use: 人次 of tourism are visits, 人次 of training are attendances. A
figure says its own English unit words (``unit_en``), validated like any field; the built-in briefing's
training figure and a tester's briefing use it, and a figure without it keeps its unit's words."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from srbrief.model import BriefingError, load_briefing
from srbrief.model.units import axis_scale, format_value, metric_unit, value_parts
from srbrief.resources import builtin_briefing_path
from tests.conftest import MINIMAL

TESTER = Path(__file__).parents[1] / "data" / "tester"
NBSP = "\u00a0"

TWO_KINDS = MINIMAL.replace("""    charts:
      - id: kpis""", """      - id: tourists
        label: {zh: 接待游客, en: Tourists received}
        value: 3500
        unit: wan-renci
        period: '2024'
        source: 全年接待游客3500万人次
      - id: trained
        label: {zh: 技能培训, en: Skills training}
        value: 1.8
        unit: wan-renci
        unit_en: training attendances
        period: '2024'
        source: 开展技能培训1.8万人次
    charts:
      - id: kpis""").replace("items: [revenue, suppliers]", "items: [revenue, suppliers, tourists, trained]")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "units.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_builtin_training_figure_counts_attendances_not_visits() -> None:
    briefing = load_briefing(builtin_briefing_path())
    training = next(m for m in briefing.metrics if "实训" in m.label.zh and m.unit.endswith("renci"))
    assert format_value(training, "zh") == "超1万人次"  # Chinese as the article writes it
    assert format_value(training, "en") == f"over{NBSP}10,000{NBSP}trainee{NBSP}sessions"
    english = " ".join((training.label.en, training.source.en or "", *value_parts(training, "en")))
    assert "visit" not in english.lower() and "trainee sessions" in english  # ("training attendances" said
    # "training" twice beside its label, the reviewer)


def test_the_testers_skills_training_counts_attendances() -> None:
    briefing = load_briefing(TESTER / "hengfeng-new-energy.yaml")
    training = briefing.find("new-energy-skills-training")
    assert value_parts(training, "en") == ("18,000", f"trainee{NBSP}sessions")
    point = next(p for p in briefing.points if training.id in p.figures)
    assert f"18,000{NBSP}trainee{NBSP}sessions" in point.message.en and "visit" not in point.message.en


def test_one_briefing_has_visits_and_attendances_side_by_side(tmp_path: Path) -> None:
    briefing = load_briefing(write(tmp_path, TWO_KINDS))
    tourists, trained = briefing.find("tourists"), briefing.find("trained")
    assert format_value(tourists, "en") == f"35{NBSP}mn{NBSP}visits"
    assert format_value(trained, "en") == f"18,000{NBSP}training{NBSP}attendances"
    assert format_value(tourists, "zh") == "3500万人次" and format_value(trained, "zh") == "1.8万人次"
    assert metric_unit(tourists).en == "10,000 visits" and metric_unit(trained).en == "10,000 training attendances"
    assert axis_scale([trained], "en")[1].replace(NBSP, " ").endswith("training attendances")
    assert metric_unit(trained).dimension == metric_unit(tourists).dimension  # still one unit: charted together


def test_the_english_unit_words_reach_a_chart(tmp_path: Path) -> None:
    from srbrief.charts import render_chart

    briefing = load_briefing(write(tmp_path, TWO_KINDS))
    buffer = io.BytesIO()
    render_chart(briefing, briefing.find("kpis"), "en", buffer, fmt="svg")
    svg = buffer.getvalue().decode("utf-8")
    assert "attendances" in svg and "visits" in svg


@pytest.mark.parametrize(("words", "fragment"), [
    ("''", "must not be empty"),
    ("x" * 61, "too long: 61 characters"),
    ("trainee attendances", None),
])
def test_the_english_unit_words_are_validated(tmp_path: Path, words: str, fragment: str | None) -> None:
    text = TWO_KINDS.replace("unit_en: training attendances", f"unit_en: {words}")
    if fragment is None:
        assert load_briefing(write(tmp_path, text)).find("trained").unit_en == "trainee attendances"
        return
    with pytest.raises(BriefingError) as caught:
        load_briefing(write(tmp_path, text))
    assert any(p.path.endswith("unit_en") and fragment in p.message for p in caught.value.problems), \
        caught.value.problems
