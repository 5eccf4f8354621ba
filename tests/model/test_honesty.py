"""Honest charts: one unit and one population per chart; a chart that would mislead is shown as cards."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from srbrief.model import Briefing, Chart, ChartKind, Metric, load_briefing
from srbrief.model.honesty import chart_problem, chart_warnings
from srbrief.model.story import point_chart, shown_figures
from srbrief.resources import builtin_briefing_path

SIX_THEMES = Path(__file__).resolve().parent.parent / "data" / "six-themes.yaml"
SYNTHETIC = Path(__file__).resolve().parent.parent / "charts" / "synthetic.yaml"


# Two charts the built-in briefing once had (removed since): four populations counted in 家; 家 beside 个.
FLAWED = """\
      - {id: t2-platform-bars, kind: hbar, title: {zh: 平台, en: Platforms},
         items: [pv-node-connected-enterprises, pv-leader-suppliers, optical-brain-enterprises]}
      - {id: t3-enclaves, kind: hbar, title: {zh: 飞地, en: Enclaves},
         items: [sci-tech-centre-tenants, enclave-rd-institutions, talent-enclaves, talent-liaison-stations]}
"""


def _with_flawed_charts(tmp_path: Path) -> Briefing:
    """Return the built-in briefing with the two flawed charts, the enclaves point showing the second."""
    text = builtin_briefing_path().read_text(encoding="utf-8")
    anchor = "      - id: t3-new-three\n"
    text = text.replace(anchor, FLAWED + anchor, 1)
    point = "      - id: theme-3-enclaves\n"
    text = text.replace(point, point + "        chart: t3-enclaves\n", 1)
    path = tmp_path / "flawed.yaml"
    path.write_text(text, encoding="utf-8")
    return load_briefing(path)


def test_the_builtin_briefing_has_no_misleading_chart() -> None:
    assert chart_warnings(load_briefing(builtin_briefing_path())) == []


def test_charts_that_mix_populations_or_units_are_named(tmp_path: Path) -> None:
    flagged = {line.split(":")[0] for line in chart_warnings(_with_flawed_charts(tmp_path))}
    assert flagged == {"t2-platform-bars", "t3-enclaves"}


def test_one_measure_across_entities_or_periods_is_one_population() -> None:
    briefing = load_briefing(SIX_THEMES)
    assert chart_warnings(briefing) == []
    parks = briefing.find("s-bar", Chart)
    metrics = [briefing.find(i, Metric) for i in parks.items]
    assert all(m.entity for m in metrics)


def test_different_things_in_one_unit_are_refused(tmp_path: Path) -> None:
    briefing = load_briefing(SYNTHETIC)
    levels, changes = chart_warnings(briefing)
    assert levels.startswith("c-bar: compares levels of different populations")
    # a gain and a cost cut are two measures: not two bars on one axis
    assert changes.startswith("c-hbar: compares different measures")
    line_chart = briefing.find("c-line", Chart)
    assert chart_problem(briefing, line_chart) is None  # one measure over periods


def test_mixed_units_are_refused(tmp_path: Path) -> None:
    briefing = _with_flawed_charts(tmp_path)
    chart = briefing.find("t3-enclaves", Chart)
    assert "mixes units" in (chart_problem(briefing, chart) or "")
    assert chart_problem(briefing, replace(chart, kind=ChartKind.KPI)) is None  # cards may mix anything


def test_a_refused_chart_shows_its_figures_as_cards(tmp_path: Path) -> None:
    briefing: Briefing = _with_flawed_charts(tmp_path)
    point = next(p for p in briefing.points if p.chart == "t3-enclaves")
    assert point_chart(briefing, point) is None
    shown = {m.id for m in shown_figures(briefing, point)}
    assert set(briefing.find("t3-enclaves", Chart).items) & shown
    assert len(shown) <= 6
