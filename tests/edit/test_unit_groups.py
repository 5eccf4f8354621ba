"""The unit picker's order (Qt-free): the briefing's own units first, then every unit once, by kind of quantity
in a fixed order, a unit's multiples beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.edit.newitems import OWN_UNITS, unit_groups
from srbrief.model import load_briefing
from srbrief.model.units import UNITS
from srbrief.resources import builtin_briefing_path

JIUJIANG = Path(__file__).parents[1] / "data" / "jiujiang.yaml"


@pytest.mark.parametrize("path", [builtin_briefing_path(), JIUJIANG])
def test_the_briefings_units_come_first_then_every_unit_once_by_kind(path: Path) -> None:
    briefing = load_briefing(path)
    groups = unit_groups(briefing)
    assert groups[0][0] == OWN_UNITS
    assert groups[0][1] == list(dict.fromkeys(m.unit for m in briefing.metrics))  # in the order first used
    codes = [c for _, group in groups for c in group]
    assert len(codes) == len(set(codes)) and set(UNITS) <= set(codes)  # none twice, none hidden
    names = [zh for (zh, _), _ in groups]
    assert names.index("金额（人民币）") < names.index("数量") < names.index("重量") < names.index("电量")
    mass = dict(groups)[("重量", "Mass")]
    tonnes = [c for c in mass if UNITS[c].zh.lstrip("万亿") == "吨"]
    positions = [mass.index(c) for c in tonnes]
    assert len(tonnes) >= 2 and positions == list(range(positions[0], positions[0] + len(tonnes)))  # together
    assert [UNITS[c].scale for c in tonnes] == sorted(UNITS[c].scale for c in tonnes)  # 吨, 万吨, 亿吨
