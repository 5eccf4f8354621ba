"""One way to measure and break text: widths from the bundled font, kinsoku, no lone last character."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from srbrief.textlayout import (
    NO_END,
    NO_START,
    SAFETY,
    break_lines,
    fit_text,
    font_measurer,
    is_wide,
    join_lines,
    tokens,
)

ALPHABET = "上饶制造业强市光伏有色金属（）「」、。，%：Ab cd 12.5 ()"
texts = st.text(alphabet=ALPHABET, max_size=120)


def test_chinese_is_measured_exactly_and_latin_with_a_margin() -> None:
    exact, safe = font_measurer(1.0), font_measurer()
    assert exact.width("上饶", 20) == 40  # one em each, in every CJK font
    assert safe.width("上饶", 20) == 40
    assert safe.width("Shangrao", 20) == pytest.approx(exact.width("Shangrao", 20) * SAFETY)
    assert 0 < exact.width("i", 20) < exact.width("W", 20) < 20


@given(texts)
def test_tokens_keep_every_character_in_order(text: str) -> None:
    assert "".join(tokens(text)) == text


@settings(max_examples=200)
@given(texts, st.floats(min_value=20, max_value=400))
def test_lines_fit_and_follow_kinsoku(text: str, width: float) -> None:
    assume(not re.search(r"[(（「] ", text))  # an opening bracket followed by a space opens nothing
    measurer = font_measurer()
    lines = break_lines(text, width, 12, measurer)
    assert join_lines(lines).replace(" ", "") == text.replace(" ", "")
    for number, line in enumerate(lines):
        if number and line:
            assert line[0] not in NO_START
        single = len(tokens(line)) <= 1
        assert single or measurer.width(line, 12) <= width + 1e-6
        if number < len(lines) - 1 and line and not single:
            assert line[-1] not in NO_END or not is_wide(line[-1])  # a Latin bracket may sit inside a word


def test_kinsoku_moves_punctuation_with_its_character() -> None:
    measurer = font_measurer()
    lines = break_lines("上饶制造业强市，光伏", 12 * 7, 12, measurer)  # seven characters a line
    assert lines == ["上饶制造业强", "市，光伏"]  # the comma takes its character along to the next line
    lines = break_lines("上饶制造业（强市）", 12 * 6, 12, measurer)
    assert not lines[0].endswith("（")


def test_no_chinese_character_alone_on_the_last_line() -> None:
    measurer = font_measurer()
    label = "光伏龙头企业全球生产基地"  # 12 characters in a line of 11
    natural = break_lines(label, 11 * 15, 15, measurer, widows=False)
    assert [len(line) for line in natural] == [11, 1]
    assert [len(line) for line in break_lines(label, 11 * 15, 15, measurer)] == [10, 2]


def test_the_widow_rule_never_makes_a_line_too_wide() -> None:
    """Found by the property test: moving a character down must not push the last line past the width."""
    measurer = font_measurer()
    lines = break_lines("1上上上、", 32, 12, measurer)
    assert all(measurer.width(line, 12) <= 32 for line in lines)


def test_fit_finds_the_largest_size_that_fits() -> None:
    measurer = font_measurer()
    fit = fit_text(["上饶" * 20], 200, 80, 30, 8, measurer)
    assert fit.fits and 8 <= fit.size < 30
    larger = fit_text(["上饶" * 20], 200, 80, fit.size + 1, fit.size + 1, measurer)
    assert not larger.fits
    assert not fit_text(["上饶" * 2000], 200, 80, 30, 8, measurer).fits  # at the smallest, marked


def test_the_shipped_measuring_table_matches_the_bundled_font() -> None:
    """The app measures from a small table beside the font (no fontTools at start-up); it must be the font's."""
    from srbrief.resources import resource
    from srbrief.textlayout import ADVANCES_FILE, advances_json

    assert resource(ADVANCES_FILE).read_text(encoding="utf-8") == advances_json()
