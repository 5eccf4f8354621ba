"""The guided update reads a value written with another multiplier of the figure's unit and converts it (1.2亿人次
for a figure in 万人次 is 12000; 6400亿元 for one in 万元 is 64000000; 36000吨 for one in 万吨 is 3.6): the value
times the unit's scale is what the clause states, for every pair of units of one measure word; a quantity of
another kind, or another unit of the same kind (兆瓦 for 千瓦), is refused with a reason in zh and en."""

from __future__ import annotations

from decimal import Decimal
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srbrief.edit.figureupdate import read_value, reading_line, unread_reason
from srbrief.model import Metric, Qualifier, Text
from srbrief.model.numerals import measure_word
from srbrief.model.units import UNITS, Unit

AMOUNTS = ("count", "money", "money-usd", "mass", "power", "energy", "area", "volume", "length")
SCALED = [u for u in UNITS.values() if u.dimension in AMOUNTS]
SAME_WORD = [(a, b) for a, b in product(SCALED, SCALED) if measure_word(a) == measure_word(b)]
OTHER_WORD = [(a, b) for a, b in product(SCALED, SCALED)
              if not measure_word(a).startswith(measure_word(b)) and not measure_word(b).startswith(measure_word(a))]


def figure(unit: Unit, value: float = 1) -> Metric:
    return Metric(id="f", label=Text("数字", "Figure"), value=value, unit=unit.code, source="x")


def written(value: Decimal) -> str:
    return format(value.normalize(), "f")


def test_the_pairs_cover_every_multiplier() -> None:
    assert any(a.scale == 10**8 and b.scale == 10**4 for a, b in SAME_WORD)  # 亿 → 万
    assert any(a.scale == 1 and b.scale == 10**12 for a, b in SAME_WORD)  # 元 → 万亿元
    assert {a.dimension for a, _ in SAME_WORD} == set(AMOUNTS)


@settings(max_examples=300, deadline=None)
@given(pair=st.sampled_from(SAME_WORD),
       value=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999"), places=2))
def test_value_times_scale_is_kept_between_units_of_one_word(pair: tuple[Unit, Unit], value: Decimal) -> None:
    source, target = pair
    clause = f"全年达到{written(value)}{source.zh}"
    reading = read_value(figure(target), clause)
    assert reading is not None, clause
    assert Decimal(str(reading.value)) * target.scale == value * source.scale
    assert reading.converted == (source.scale != target.scale)
    assert reading.written == written(value) + source.zh
    if reading.converted:  # the preview says so, in the figure's unit
        line = reading_line(figure(target), reading, "zh")
        assert line.startswith(f"{reading.written} → 按 {target.zh} 换算：")


@settings(max_examples=200, deadline=None)
@given(pair=st.sampled_from(OTHER_WORD), value=st.integers(1, 99999))
def test_another_unit_is_refused_with_a_reason(pair: tuple[Unit, Unit], value: int) -> None:
    source, target = pair
    clause = f"全年达到{value}{source.zh}"
    assert read_value(figure(target), clause) is None, clause
    zh, en = (unread_reason(figure(target), clause, lang) for lang in ("zh", "en"))
    assert zh is not None and en is not None
    assert f"{value}{source.zh}" in zh and target.zh in zh
    kind = "不是同一类量" if source.dimension != target.dimension else "不是同一个单位"
    assert kind in zh
    assert ("another kind of quantity" if source.dimension != target.dimension else "different units") in en


@pytest.mark.parametrize(("clause", "unit", "value", "line"), [
    ("全年接待游客1.2亿人次", "wan-renci", 12000, "1.2亿人次 → 按 万人次 换算：12000"),
    ("营业收入6400亿元", "wan-yuan", 64000000, "6400亿元 → 按 万元 换算：64000000"),
    ("产量3.5万吨", "dun", 35000, "3.5万吨 → 按 吨 换算：35000"),
    ("2024年累计实训超15000人次", "wan-renci", 1.5, "15000人次 → 按 万人次 换算：1.5"),
    ("营业收入6261亿元", "yi-yuan", 6261, "6261亿元"),  # the figure's own unit: nothing converted
])
def test_the_examples_read_as_the_user_checks_them(clause: str, unit: str, value: float, line: str) -> None:
    reading = read_value(figure(UNITS[unit]), clause)
    assert reading is not None and reading.value == value
    assert reading_line(figure(UNITS[unit]), reading, "zh") == line


def test_a_rank_or_a_clause_without_a_figure_gives_no_reason() -> None:
    rank = Metric(id="r", label=Text("名次", "Rank"), value=2, unit="rank", source="x", qualifier=Qualifier.RANK)
    assert read_value(rank, "居全省第二") is not None
    assert unread_reason(rank, "产量3.5万吨", "zh") is None
    assert unread_reason(figure(UNITS["wan-renci"]), "持续推进产业发展", "zh") is None
