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
    (metric(1, "wan-renci", Qualifier.MORE_THAN), "超1万人次", "over\u00a010,000\u00a0attendances"),
    (metric(10, "wan-dun"), "10万吨", "100,000\u00a0tonnes"),
    (metric(20, "percent", direction=Direction.INCREASE), "+20%", "+20%"),
    (metric(25, "percent", direction=Direction.DECREASE), "\u221225%", "\u221225%"),
    (metric(10, "bei", direction=Direction.INCREASE), "10倍", "10×"),
    (metric(2, "rank", Qualifier.RANK), "第2位", "No.\u00a02"),
    (metric(100, "rank", Qualifier.TOP), "前100", "Top\u00a0100"),
    (metric(26, "month"), "26个月", "26\u00a0months"),
])
def test_format_value(m: Metric, zh: str, en: str) -> None:
    assert format_value(m, "zh") == zh
    assert format_value(m, "en") == en


def test_value_parts_for_kpi_tiles() -> None:
    assert value_parts(metric(600, "jia", Qualifier.MORE_THAN), "zh") == ("600+", "家")
    assert value_parts(metric(6261, "yi-yuan"), "en") == ("CNY\u00a0626.1", "bn")
    assert value_parts(metric(5, "yi-yuan", Qualifier.MORE_THAN), "en") == ("CNY\u00a0500+", "mn")


def test_axis_scale() -> None:
    from srbrief.model.units import axis_scale

    money = [metric(368.6, "yi-yuan"), metric(222.7, "yi-yuan")]
    assert axis_scale(money, "zh") == (1.0, "亿元")
    factor, label = axis_scale(money, "en")
    assert label == "CNY bn" and round(368.6 * factor, 6) == 36.86
    assert axis_scale([metric(3, "yi-yuan"), metric(2.1, "yi-yuan")], "en")[1] == "CNY mn"
    assert axis_scale([metric(700, "jia")], "en") == (1.0, "count")
