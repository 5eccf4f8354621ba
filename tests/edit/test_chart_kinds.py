"""A chart of figures of different kinds of quantity: refused naming the units as the user knows them, with what
to do, in zh and en; the chart kinds that fit the ticked figures (Qt-free)."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.edit.newitems import chart_kinds_for
from srbrief.gui.problemtext import translate
from srbrief.model import BriefingError, load_briefing
from srbrief.model.loader import chart_rule_problem
from srbrief.model.types import ChartKind, Cite, Metric, Text
from srbrief.resources import builtin_briefing_path


def _figure(mid: str, value: float, unit: str) -> Metric:
    return Metric(id=mid, label=Text(mid, mid), value=value, unit=unit, source=Cite("x"))


TEU = _figure("containers", 12.5, "wan-biaoxiang")
BOXES = _figure("boxes", 3930, "wan-biaoxiang")
MONEY = _figure("revenue", 6261, "yi-yuan")


def test_a_bar_chart_of_two_kinds_of_quantity_names_their_units_and_what_to_do() -> None:
    message = chart_rule_problem(ChartKind.BAR, [TEU, MONEY])
    assert message is not None
    assert "10,000 TEU, CNY 100 mn (万标箱、亿元)" in message and "figure cards" in message
    assert "count" not in message and "money" not in message  # no dimension codes
    zh = translate(message, "zh")
    assert zh == "柱状图的数字须为同一类量，所选数字的单位却有 万标箱、亿元：请改用数字卡片，或只选同一单位的数字"


def test_the_kinds_offered_fit_the_figures_ticked() -> None:
    mixed = chart_kinds_for([TEU, MONEY])
    assert set(mixed) == {"kpi", "bar", "hbar", "share", "line"}  # figures: the figure charts only
    assert mixed["kpi"] is None and mixed["bar"] is not None and mixed["line"] is not None
    same = chart_kinds_for([TEU, BOXES])
    assert same["bar"] is None and same["kpi"] is None
    assert all(reason is None for reason in chart_kinds_for([]).values())  # nothing ticked: nothing refused
    briefing = load_briefing(builtin_briefing_path())  # the built-in one: its facts are offered grids, not bars
    facts = [f for s in briefing.sections for f in s.facts if f.items][:2]
    kinds = chart_kinds_for(facts)
    assert kinds["grid"] is None and "bar" not in kinds and "kpi" not in kinds


def test_a_unit_of_the_briefings_own_is_named_as_declared(tmp_path: Path) -> None:
    from tests.model.test_declared_units import DECLARED

    text = DECLARED.replace("kind: kpi", "kind: bar").replace("items: [revenue, suppliers, port-calls]",
                                                                "items: [suppliers, port-calls]")
    path = tmp_path / "bar.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as refused:
        load_briefing(path)
    messages = [p.message for p in refused.value.problems if "kind of quantity" in p.message]
    assert len(messages) == 1 and "(家、艘次)" in messages[0] and "ship calls" in messages[0]
    assert "declared:" not in messages[0]
    assert translate(messages[0], "zh").startswith("柱状图的数字须为同一类量，所选数字的单位却有 家、艘次：")
