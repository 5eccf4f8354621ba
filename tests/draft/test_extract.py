"""The extraction rules of srbrief.draft.extract, one kind of figure (and of non-figure) at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from srbrief.draft.article import heading_number, parse_article
from srbrief.draft.extract import entity_in, extract, period_of


def one(text: str, **kw: object):
    found = extract(text, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, [f.written for f in found]
    return found[0]


UNITS_AS_WRITTEN = {  # text: (value as written, unit as written, unit code)
    "全年营业收入达6261亿元。": ("6261", "亿元", "yi-yuan"), "规上工业企业达到1,250家。": ("1250", "家", "jia"),
    "重点产业链十二条。": ("12", "条", "tiao"), "全年累计实训超1万人次。": ("1", "万人次", "wan-renci"),
    "光伏装机容量达120兆瓦。": ("120", "兆瓦", "mw"), "实现出口1.5亿美元。": ("1.5", "亿美元", "yi-usd"),
    "完成交易3.2万笔。": ("3.2", "万笔", "wan-bi"), "连续26个月保持增长。": ("26", "个月", "month"),
    "两大开放平台落地。": ("2", "个", "ge"),
    "全年接待游客1.2亿人次。": ("1.2", "亿人次", "yi-renci"),  # the scale is kept, as 亿元 keeps it
}


@pytest.mark.parametrize(("text", "expected"), UNITS_AS_WRITTEN.items())
def test_numerals_and_units(text: str, expected: tuple[str, str, str]) -> None:
    f = one(text)
    assert (f.value, f.unit_text, f.unit) == (Decimal(expected[0]), expected[1], expected[2])


@pytest.mark.parametrize(("text", "value", "high", "unit"), [
    ("利润率保持在8%—15%。", "8", "15", "%"),
    ("用3至5年时间建成。", "3", "5", "年"),
    ("计划投资10—20亿元。", "10", "20", "亿元"),
    ("产业规模将达到150亿元至200亿元。", "150", "200", "亿元"),
])
def test_ranges_keep_both_bounds(text: str, value: str, high: str, unit: str) -> None:
    f = one(text)
    assert (f.value, f.high, f.unit_text) == (Decimal(value), Decimal(high), unit)


def test_multiplier_after_more() -> None:
    f = one("以前一年电费要交400多万元。")
    assert (f.value, f.unit_text, f.qualifier, f.written) == (Decimal(400), "万元", "more_than", "400多万元")


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("营收规模位居全省第二。", 2, "rank"), ("产值排名第3位。", 3, "rank"), ("位居全省民营企业榜首。", 1, "rank"),
    ("入选全国先进制造业百强市。", 100, "top"), ("稳居全省前三。", 3, "top"), ("入选中国500强企业。", 500, "top"),
])
def test_ranks_and_tops(text: str, value: int, qualifier: str) -> None:
    f = one(text)
    assert (f.value, f.qualifier, f.kind) == (value, qualifier, "rank")


CHANGES_AND_SHARES = {  # text: "value kind [direction]"
    "转化效率达33.84%。": "33.84 share",
    "生产效率提升20%。": "20 change increase",
    "生产成本降低25%。": "25 change decrease",
    "良品率升至98%。": "98 share",
    "外资企业占三成。": "30 share",
    "出口额翻一番。": "2 change increase",
    "研发投入提高2.5个百分点。": "2.5 change increase",
    "单人产出10倍增长。": "10 change increase",
    "年均增速保持在20%以上。": "20 change increase",
    "较十三五末翻了两番。": "4 change increase",
    "比上年增长近一倍。": "1 change increase",
    "每年可减少二氧化碳排放约29万吨。": "29 change decrease",
    "电费省了将近三分之一。": "33.3 share",
    "约占全国的四分之一。": "25 share",
    "外资企业数量增加到18家。": "18 count",
}


@pytest.mark.parametrize(("text", "expected"), CHANGES_AND_SHARES.items())
def test_percentages_and_changes(text: str, expected: str) -> None:
    value, kind, *direction = expected.split()
    f = one(text)
    assert (f.value, f.kind, f.direction) == (Decimal(value), kind, direction[0] if direction else None)


@pytest.mark.parametrize(("text", "qualifier"), [
    ("专项资金超3亿元。", "more_than"), ("供应商600余家。", "more_than"), ("新增企业十余家。", "more_than"),
    ("年产值突破10亿元。", "more_than"), ("出口增长30%以上。", "more_than"), ("不少于30家企业。", "more_than"),
    ("带动就业约2000人。", "about"), ("近百家企业入驻。", "about"), ("覆盖50个左右乡镇。", "about"),
    ("建成数字化诊所13家。", "exact"),
])
def test_qualifiers(text: str, qualifier: str) -> None:
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize("text", [
    "2024年10月11日上午召开。", "发布于2025-10-11 01:13:54。", "会议于上午9时30分开幕。", "签约仪式14:30开始。",
    "全市5G网络全覆盖。", "对接长三角G60科创走廊。", "深化落实“1269”行动计划。", "编制“十四五”规划。",
    "咨询电话0793-8221234。", "拨打13912345678预约。", "视角1:把优势放大", "1. 加快项目建设。",
    "一个光学产业大脑正在建设。", "一条条全自动生产线建成。", "数十家企业参与。", "形成千亿级产业。",
    "进入江西境内的第一城。", "成为我市第一个上市企业。", "保持全省第一方阵。", "两年来成效明显。",
    "连续保持两位数增长。", "其中百亿元以上项目落地。",
])
def test_non_figures(text: str) -> None:
    assert [f.written for f in extract(text)] == []


def test_both_figures_after_one_verb_are_changes() -> None:
    found = extract("接待游客和旅游收入分别增长13.5%和15.2%。")
    assert [(f.value, f.kind, f.direction) for f in found] == [(Decimal("13.5"), "change", "increase"),
                                                               (Decimal("15.2"), "change", "increase")]
    found = extract("节约标准煤11万吨、减少二氧化碳排放29万吨。")
    assert [(f.kind, f.direction) for f in found] == [("level", None), ("change", "decrease")]


def test_quoted_speech_keeps_its_figures_but_a_quoted_name_does_not() -> None:
    assert [f.written for f in extract("“公司年产量已达10万吨,成本下降15%。”他说。")] == ["10万吨", "15%"]
    assert extract("入选“中国稀土行业百强”。") == []


def test_an_enumeration_of_counts_counts_one() -> None:
    found = extract("形成了一个千亿级园区、两个千亿级产业、一个千亿级企业的发展矩阵。")
    assert [(f.value, f.unit) for f in found] == [(1, "ge"), (2, "ge"), (1, "ge")]


def test_clause_is_the_verbatim_part_between_commas() -> None:
    text = "两年来,上饶坚持发展;2024年规上工业营业收入达6261亿元,自2023年6月起连续26个月保持全省第二。"
    found = extract(text)
    assert [f.clause for f in found] == ["2024年规上工业营业收入达6261亿元", "自2023年6月起连续26个月保持全省第二",
                                         "自2023年6月起连续26个月保持全省第二"]
    assert all(f.clause in text and f.written in f.clause for f in found)
    assert found[0].label == "规上工业营业收入" and found[0].period == "2024"


@pytest.mark.parametrize(("before", "year", "period"), [
    ("2024年规上工业", None, "2024"), ("自2023年6月起", None, "2023-06"), ("今年1—8月", 2025, "2025-01/2025-08"),
    ("上半年", 2025, "2025-01/2025-06"), ("去年", 2025, "2024"), ("全市", 2025, None),
])
def test_periods(before: str, year: int | None, period: str | None) -> None:
    assert period_of(before, year) == period


def test_entities() -> None:
    assert entity_in("晶科能源N型电池转化效率达33.84%", ("晶科能源",)) == "晶科能源"
    assert entity_in("江西恒远新材料公司产值增长12%", ()) == "江西恒远新材料公司"
    assert entity_in("近五年累计转化科技成果230项", ()) is None
    assert entity_in("全市出口增长12%", ()) is None


def test_article_structure() -> None:
    text = ("首页 > 正文\n\n挺起制造强市\n\n2025-10-11 01:13:54 | 来 源:上饶日报\n\n导语一句话写在这里,说明情况。\n\n"
            "视角1:把优势放大\n\n第一部分的正文写在这里。\n\n二、第二部分\n\n第二部分的正文写在这里。\n\n每日推荐9316")
    a = parse_article(text)
    assert (a.headline, a.publication, a.date) == ("挺起制造强市", "上饶日报", "2025-10-11")
    assert [(p.number, p.title, len(p.paragraphs)) for p in a.parts] == [(0, "", 1), (1, "把优势放大", 1),
                                                                      (2, "第二部分", 1)]
    assert heading_number("（三）强化保障") == (3, "强化保障")
    assert heading_number("一、加快发展新能源产业，提升产业链水平。") is None


def test_odd_input_ends_quickly() -> None:
    assert extract("一" * 5000 + "个") == [] and extract("“" + "12345" * 2000) == []
    assert len(extract("1家" * 2000)) == 2000  # one run-on sentence: each figure keeps a short clause
    assert all(len(f.clause) <= 240 for f in extract("增长" + "1家" * 500))
