"""References in prose and the literal-figure rule (srbrief.model.refs), and reading figures out of Chinese
clauses (srbrief.model.numerals)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from srbrief.model.numerals import chinese_int, clause_problem, mentions
from srbrief.model.refs import RefError, chinese_numeral, literal_figures, parse, references, render
from srbrief.model.types import Direction, Metric, Qualifier, Text


def metric(mid: str, value: float, unit: str, qualifier: Qualifier = Qualifier.EXACT,
           direction: Direction | None = None, clause: str = "s") -> Metric:
    from srbrief.model.types import Cite

    return Metric(mid, Text(mid, mid), value, unit, Cite(clause), qualifier, direction)


FIGURES = {m.id: m for m in (
    metric("revenue", 6261, "yi-yuan"), metric("rank", 2, "rank", Qualifier.RANK),
    metric("top", 100, "rank", Qualifier.TOP), metric("chains", 12, "tiao"),
    metric("suppliers", 600, "jia", Qualifier.MORE_THAN), metric("cost", 25, "percent", direction=Direction.DECREASE),
    metric("parks", 2, "ge"))}


@pytest.mark.parametrize(("text", "zh", "en"), [
    ("营收达{revenue}", "营收达6261亿元", "营收达CNY\u00a0626.1\u00a0bn"),
    ("保持全省{rank}", "保持全省第二", "保持全省second"),
    ("入选{top}", "入选百强", "入选top 100"),
    ("{chains:num}条", "12条", "12条"),
    ("{parks:word}个", "两个", "Two个"),
    ("接入{suppliers}", "接入超600家", "接入over\u00a0600"),
    ("成本降低{cost}", "成本降低25%", "成本降低25%"),
    ("{{字面}}{=第一}", "{字面}第一", "{字面}第一"),
])
def test_render_forms(text: str, zh: str, en: str) -> None:
    assert render(text, FIGURES, "zh") == zh
    assert render(text, FIGURES, "en") == en


def test_english_sentence_starting_with_a_figure_is_capitalised() -> None:
    assert render("{chains:word} chains", {"chains": metric("chains", 12, "tiao")}, "en") == "Twelve chains"


def test_parse_refuses_a_lone_brace_and_finds_references() -> None:
    with pytest.raises(RefError):
        parse("营收{达")
    assert [r.id for r in references("{a}与{b:num}，{{c}}")] == ["a", "b"]


@pytest.mark.parametrize(("text", "found"), [
    ("2024年营收达6261亿元，自2023年6月起连续26个月保持全省第二", ["6261", "26", "第二"]),
    ("两个千亿级产业", ["两"]),
    ("十余家企业", ["十余"]),
    ("位居榜首，入选百强", ["榜首", "百强"]),
    ("Twelve chains, second in Jiangxi since June 2023", ["Twelve", "second"]),
    ("上饶深化落实“1269”行动计划，建设G60走廊和5G工厂", []),
    ("两年来, 全省第一方阵, 一体化, 一批企业, 前三季度", []),
    ("on 10 September 2025, in 2024", []),
    ("营收达{revenue}，{=第一}城", []),
])
def test_literal_figures(text: str, found: list[str]) -> None:
    assert list(literal_figures(text)) == found


def test_chinese_numerals_both_ways() -> None:
    for n in (1, 2, 9, 10, 12, 20, 26, 100, 101, 150, 1269, 9999):
        assert chinese_int(chinese_numeral(n, counting=False)) == n
    assert chinese_numeral(2) == "两"
    assert chinese_int("两") == 2


@pytest.mark.parametrize(("clause", "written", "value", "qualifier"), [
    ("2024年规上工业营业收入达6261亿元", "6261亿元", Decimal("626100000000"), "exact"),
    ("已接入企业700余家", "700家", Decimal(700), "more_than"),
    ("营业收入突破10亿元", "10亿元", Decimal(10**9), "more_than"),
    ("约1.2万亿元", "1.2万亿元", Decimal("1.2E12"), "about"),
    ("占比三成", "三成", Decimal(30), "exact"),
    ("保持全省第二", "第二", Decimal(2), "exact"),
    ("两大“国字号”开放平台", "两大", Decimal(2), "exact"),
])
def test_mentions(clause: str, written: str, value: Decimal, qualifier: str) -> None:
    found = [m for m in mentions(clause) if m.written == written]
    assert found, [m.written for m in mentions(clause)]
    assert found[0].value == value
    assert found[0].qualifier == qualifier


def test_dates_and_plain_numerals_are_no_mentions() -> None:
    assert [m.written for m in mentions("2023年6月起，一体化发展")] == []
    assert mentions("两个") is mentions("两个")  # cached: an edit validates the same clauses again


@pytest.mark.parametrize(("figure", "clause", "ok"), [
    (metric("r", 6261, "yi-yuan"), "营业收入达6261亿元", True),
    (metric("r", 6288, "yi-yuan"), "营业收入达6261亿元", False),
    (metric("r", 626.1, "yi-yuan"), "营业收入达6261亿元", False),  # the scale matters
    (metric("r", 6261, "jia"), "营业收入达6261亿元", False),  # so does the unit
    (metric("s", 600, "jia", Qualifier.MORE_THAN), "供应商600余家", True),
    (metric("s", 600, "jia"), "供应商600余家", False),  # 余 is a qualifier the figure must carry
    (metric("k", 2, "rank", Qualifier.RANK), "保持全省第二", True),
    (metric("k", 3, "rank", Qualifier.RANK), "保持全省第二", False),
    (metric("t", 100, "rank", Qualifier.TOP), "首次入选全国先进制造业百强市", True),
    (metric("p", 2, "ge"), "两个千亿级产业", True),
    (metric("x", 30, "percent"), "占比三成", True),
    (metric("c", 25, "percent", direction=Direction.DECREASE), "成本降低25%", True),
])
def test_a_value_must_be_what_its_clause_states(figure: Metric, clause: str, ok: bool) -> None:
    problem = clause_problem(figure, clause)
    assert (problem is None) == ok, problem
    if not ok:
        assert clause in problem  # the refusal names the clause


@pytest.mark.parametrize(("period", "zh", "en"), [
    ("2024", "2024年", "2024"),
    ("2025-01/2025-09", "2025年1—9月", "Jan–Sep 2025"),
    ("2023-06/2025-07", "2023年6月至2025年7月", "Jun 2023 to Jul 2025"),
    ("2024/2025", "2024年至2025年", "2024 to 2025"),
])
def test_a_period_in_prose_is_written_as_a_sentence_writes_it(period: str, zh: str, en: str) -> None:
    """A card writes 2025.1–2025.9; a sentence writes 2025年1—9月 (the tester read "2025.1–2025.9上饶规上…")."""
    import dataclasses

    figure = dataclasses.replace(FIGURES["revenue"], period=period)
    assert render("{revenue:period}上饶", {"revenue": figure}, "zh") == zh + "上饶"
    assert render("in {revenue:period}", {"revenue": figure}, "en") == "in " + en
