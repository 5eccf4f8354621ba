"""What srbrief.model.numerals reads beyond single figures: ranges, durations, doublings, fractions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from srbrief.model.numerals import mentions


def read(text: str) -> list[tuple[str, Decimal, str, str]]:
    return [(text[m.start:m.end], m.value, m.qualifier, m.bound) for m in mentions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("用3至5年时间", [("3", Decimal(3), "exact", "low"), ("5年", Decimal(5), "exact", "high")]),
    ("增长8%—15%", [("8%", Decimal(8), "exact", "low"), ("15%", Decimal(15), "exact", "high")]),
    ("投资10—20亿元", [("10", Decimal(10**9), "exact", "low"), ("20亿元", Decimal(2 * 10**9), "exact", "high")]),
    ("达到150亿元至200亿元", [("150亿元", Decimal(15 * 10**9), "exact", "low"),
                          ("200亿元", Decimal(2 * 10**10), "exact", "high")]),
    ("连续三年增长", [("三年", Decimal(3), "exact", "")]),
    ("5年内建成", [("5年", Decimal(5), "exact", "")]),
    ("两年来成效明显", []), ("2024年营收", []),
    ("出口额翻一番", [("翻一番", Decimal(2), "exact", "")]), ("翻了两番", [("翻了两番", Decimal(4), "exact", "")]),
    ("将近三分之一", [("三分之一", Decimal("33.3"), "about", "")]),
    ("四分之一", [("四分之一", Decimal(25), "exact", "")]),
    ("交400多万元", [("400多万元", Decimal(4 * 10**6), "more_than", "")]),
    ("不少于30家", [("30家", Decimal(30), "more_than", "")]),
])
def test_mentions_beyond_single_figures(text: str, expected: list[tuple[str, Decimal, str, str]]) -> None:
    assert read(text) == expected


def test_a_very_long_numeral_is_no_figure() -> None:
    assert mentions("一" * 5000 + "个") == () and mentions("1" * 100 + "家") == ()
