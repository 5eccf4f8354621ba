"""A clause taken from a selection: ends trimmed, cuts read whole, sentences refused (Qt-free)."""

from __future__ import annotations

import pytest

from srbrief.edit.selection import take_clause

# The tester's article, as the sentences it selected from read
TEXT = ("前三季度，上饶工业投资增速居全省第三。规上工业增加值同比增长9.2%，增速连续18个季度保持全省第一。"
        "规上工业营业收入6261亿元。"
        "全县发放文旅消费贷款1860笔，金额2.3亿元。")
# Another shape: an energy bulletin (commas ASCII, units 万笔 and 亿元)
BULLETIN = "截至10月末,全市绿色贷款余额达到612.5亿元;累计发放“光伏贷”1.2万笔、金额9.3亿元。"


def _take(text: str, selected: str, nth: int = 0) -> tuple[str, str]:
    start = text.index(selected)
    for _ in range(nth):
        start = text.index(selected, start + 1)
    taken = take_clause(text, start, start + len(selected))
    return taken.clause, taken.reason("zh")


@pytest.mark.parametrize("selected", ["省第三。规上", "三。规上工业增加值同比增长9.2%，增速连续18个季度保"])
def test_a_selection_across_a_sentence_end_is_refused(selected: str) -> None:
    clause, reason = _take(TEXT, selected)
    assert clause == ""
    assert reason.startswith("请只选一句之内的文字")
    assert take_clause(TEXT, 0, len(TEXT)).reason("en").startswith("Please select text within one sentence")


def test_punctuation_and_spaces_at_the_ends_are_dropped() -> None:
    assert _take(TEXT, "。全县发放文旅消费贷款1860笔") == ("全县发放文旅消费贷款1860笔", "")
    assert _take(TEXT, "规上工业营业收入6261亿元。")[0] == "规上工业营业收入6261亿元"
    assert _take(BULLETIN, ",全市绿色贷款余额达到612.5亿元;")[0] == "全市绿色贷款余额达到612.5亿元"
    assert _take(TEXT, "。")[1].startswith("所选文字只有标点")


def test_a_cut_number_unit_or_word_is_read_whole() -> None:
    assert _take(TEXT, "增速连续18个季度保")[0] == "增速连续18个季度保持"
    assert _take(TEXT, "同比增长9.")[0] == "同比增长9.2%"
    assert _take(TEXT, "同比增长9")[0] == "同比增长9.2%"
    assert _take(TEXT, "文旅消费贷款18")[0] == "文旅消费贷款1860笔"
    assert _take(TEXT, "营业收入6261亿")[0] == "营业收入6261亿元"
    assert _take(BULLETIN, "累计发放“光伏贷”1.2万")[0] == "累计发放“光伏贷”1.2万笔"
    assert _take(BULLETIN, "余额达到612")[0] == "余额达到612.5亿元"


def test_a_cut_at_the_start_is_read_whole_and_a_whole_clause_is_kept() -> None:
    assert _take(TEXT, "上工业营业收入6261亿元")[0] == "规上工业营业收入6261亿元"
    assert _take(TEXT, "61亿元")[0] == "6261亿元"
    whole = "规上工业增加值同比增长9.2%"
    assert _take(TEXT, whole) == (whole, "")
