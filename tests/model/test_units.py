"""How metric values are written: compact (KPI tiles) and prose, in Chinese and English."""

from __future__ import annotations

import pytest

from srbrief.model import Direction, Metric, Qualifier, Text
from srbrief.model.units import format_value, number_text, value_parts


def metric(value: float, unit: str, qualifier: Qualifier = Qualifier.EXACT,
           direction: Direction | None = None) -> Metric:
    return Metric(id="m", label=Text("标签", "Label"), value=value, unit=unit, source="x",
                  qualifier=qualifier, direction=direction)


@pytest.mark.parametrize(("value", "lang", "text"), [
    (6261.0, "zh", "6261"), (6261.0, "en", "6,261"), (33.84, "en", "33.84"), (8.5, "zh", "8.5"),
    (100.0, "zh", "100"), (0.5, "en", "0.5"), (1234567.25, "en", "1,234,567.25"),
])
def test_number_text(value: float, lang: str, text: str) -> None:
    assert number_text(value, lang) == text


@pytest.mark.parametrize(("m", "zh", "en"), [
    (metric(6261, "yi-yuan"), "6261亿元", "CNY\u00a0626.1\u00a0bn"),
    (metric(368.6, "yi-yuan"), "368.6亿元", "CNY\u00a036.86\u00a0bn"),
    (metric(2.1, "yi-yuan"), "2.1亿元", "CNY\u00a0210\u00a0mn"),
    (metric(3, "yi-yuan", Qualifier.MORE_THAN), "超3亿元", "over\u00a0CNY\u00a0300\u00a0mn"),
    (metric(600, "jia", Qualifier.MORE_THAN), "超600家", "over\u00a0600"),
    (metric(8.5, "yi-ci"), "8.5亿次", "850\u00a0mn"),
    (metric(1, "wan-renci", Qualifier.MORE_THAN), "超1万人次", "over\u00a010,000\u00a0visits"),
    (metric(10, "wan-dun"), "10万吨", "100,000\u00a0tonnes"),
    (metric(20, "percent", direction=Direction.INCREASE), "+20%", "+20%"),
    (metric(25, "percent", direction=Direction.DECREASE), "\u221225%", "\u221225%"),
    (metric(10, "bei", direction=Direction.INCREASE), "10倍", "10×"),
    (metric(2, "rank", Qualifier.RANK), "第2位", "No.\u00a02"),
    (metric(100, "rank", Qualifier.TOP), "前100", "Top\u00a0100"),
    (metric(26, "month"), "26个月", "26\u00a0months"),
    (metric(1.2, "yi-renci"), "1.2亿人次", "120\u00a0mn\u00a0visits"),  # 人次 keeps its 亿 scale, like 亿元
    (metric(3500, "wan-renci"), "3500万人次", "35\u00a0mn\u00a0visits"),
    (metric(120000000, "renci"), "1.2亿人次", "120\u00a0mn\u00a0visits"),  # typed in 人次: mn in English
    (metric(50, "wan-yuan"), "50万元", "CNY\u00a0500,000"),
    (metric(1050000, "dun"), "1050000吨", "1.05\u00a0mn\u00a0tonnes"),
    (metric(2500000, "yuan"), "2500000元", "CNY\u00a02.5\u00a0mn"),
])
def test_format_value(m: Metric, zh: str, en: str) -> None:
    assert format_value(m, "zh") == zh
    assert format_value(m, "en") == en


def test_value_parts_for_kpi_tiles() -> None:
    assert value_parts(metric(600, "jia", Qualifier.MORE_THAN), "zh") == ("超600", "家")  # 超 before, as the article
    assert value_parts(metric(6261, "yi-yuan"), "en") == ("CNY\u00a0626.1", "bn")
    assert value_parts(metric(5, "yi-yuan", Qualifier.MORE_THAN), "en") == ("CNY\u00a0500+", "mn")


def test_axis_scale() -> None:
    from srbrief.model.units import axis_scale

    money = [metric(368.6, "yi-yuan"), metric(222.7, "yi-yuan")]
    assert axis_scale(money, "zh") == (1.0, "亿元")
    factor, label = axis_scale(money, "en")
    assert label == "CNY bn" and round(368.6 * factor, 6) == 36.86
    assert axis_scale([metric(3, "yi-yuan"), metric(2.1, "yi-yuan")], "en")[1] == "CNY mn"
    assert axis_scale([metric(700, "jia")], "en") == (1.0, "organisations")  # what a count counts, its unit
    assert axis_scale([metric(700, "jia")], "zh") == (1.0, "家")


def test_every_unit_word_names_visits_not_attendances() -> None:
    """人次 is "visits" in English, in every unit that counts it, and a unit's multiplier is kept (万, 亿)."""
    from srbrief.model.units import UNITS, axis_scale

    renci = [u for u in UNITS.values() if u.zh.endswith("人次")]
    assert {u.code for u in renci} >= {"renci", "wan-renci", "yi-renci"}
    assert all("visits" in u.en and u.en_word == "visits" and "attendance" not in u.en for u in renci)
    assert {u.zh: u.scale for u in renci}["亿人次"] == 10**8
    factor, label = axis_scale([metric(1.2, "yi-renci"), metric(0.8, "yi-renci")], "en")
    assert label == "mn visits" and round(1.2 * factor, 6) == 120
    factor, label = axis_scale([metric(120000000, "renci")], "en")
    assert label == "mn visits" and round(120000000 * factor, 6) == 120
