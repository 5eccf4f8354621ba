"""The guided update of a figure, without Qt: the value read from a selected clause, one edit, and every text
that states the figure in its new wording."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from srbrief.edit import Document
from srbrief.edit.address import find_id
from srbrief.edit.figureupdate import PERIOD_NOTES, read_period, read_value, update_edit, wordings
from srbrief.edit.yamltext import compose
from srbrief.model import BriefingError
from srbrief.model.loader import parse_briefing
from srbrief.resources import builtin_briefing_path
from tests.edit.documents import with_document

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"
BULLETIN_TEXT = "2024年上饶市国民经济统计公报(修订)。2024年全市规上工业营业收入6288亿元,同比增长0.4%。"



def test_the_value_is_read_from_the_selection_in_the_figures_unit(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN_TEXT, "bulletin", "2026-03-01")
    metric = doc.briefing.find("industrial-revenue-2024")
    reading = read_value(metric, "2024年全市规上工业营业收入6288亿元,同比增长0.4%")
    assert reading is not None and reading.value == 6288 and reading.qualifier == "exact"
    assert read_value(metric, "同比增长0.4%") is None  # no figure in 亿元 there
    parks = doc.briefing.find("g60-alliance-parks")
    assert read_value(parks, "新增超3个合作园区") is not None and read_value(parks, "新增超3个合作园区").qualifier \
        == "more_than"


def test_one_edit_updates_the_figure_and_every_text_follows(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN_TEXT, "bulletin", "2026-03-01")
    before = doc.briefing
    metric = before.find("industrial-revenue-2024")
    clause = "2024年全市规上工业营业收入6288亿元"
    reading = read_value(metric, clause)
    assert reading is not None
    path = find_id(compose(doc.text), metric.id)
    assert path is not None
    doc.apply(update_edit(doc.text, path, "bulletin", clause, reading, "2024"))
    after = doc.briefing.find(metric.id)
    assert (after.value, after.period, after.source.doc, after.source.clause) == (6288, "2024", "bulletin", clause)
    zh = wordings(before, doc.briefing, metric.id, "zh")
    assert zh[0].before.endswith("6261亿元") and zh[0].after.endswith("6288亿元")
    assert len(zh) > 2 and all("6288亿元" in w.after and "6261亿元" in w.before for w in zh[1:])
    en = wordings(before, doc.briefing, metric.id, "en")
    assert any("CNY\u00a0628.8\u00a0bn" in w.after for w in en[1:])
    doc.undo()
    assert doc.briefing.find(metric.id).value == 6261  # one step


def test_a_clause_not_in_the_document_is_refused(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN_TEXT, "bulletin", "2026-03-01")
    metric = doc.briefing.find("industrial-revenue-2024")
    clause = "全年规上工业营业收入6288亿元"  # not verbatim in the bulletin
    reading = read_value(metric, clause)
    assert reading is not None
    path = find_id(compose(doc.text), metric.id)
    assert path is not None
    with pytest.raises(BriefingError, match="not found verbatim"):
        doc.apply(update_edit(doc.text, path, "bulletin", clause, reading))


def test_on_another_briefing(tmp_path: Path) -> None:
    copy = tmp_path / "six.yaml"
    shutil.copyfile(SIX, copy)
    doc = Document.open(copy)
    before = doc.briefing
    metric = before.find("output")
    reading = read_value(metric, "全年工业总产值约1600亿元")
    assert reading is not None and (reading.value, reading.qualifier) == (1600, "about")
    path = find_id(compose(doc.text), "output")
    assert path is not None
    doc.apply(update_edit(doc.text, path, before.sources[0].id, "全年工业总产值约1600亿元", reading))
    assert doc.briefing.find("output").qualifier.value == "about"
    # the card: label, period, value
    assert wordings(before, doc.briefing, "output", "zh")[0].after == "工业总产值（2024年）：约1600亿元"


# -- issue #20 acceptance: the tester's updates from a newer bulletin (/tmp/tester: bulletin2026.txt) ----------
NEWER = ("上饶市2026年一季度工业经济运行统计公报\n2025年，上饶市规上工业营业收入达6890亿元，同比增长10.0%。\n"
         "截至2025年12月，上饶规上工业营业收入已连续30个月保持全省第二。\n"
         "上饶以全面提升14条重点产业链现代化水平为目标，推动制造业高质量发展。\n")
REVENUE = "2025年，上饶市规上工业营业收入达6890亿元"
MONTHS = "截至2025年12月，上饶规上工业营业收入已连续30个月保持全省第二"



def update(doc: Document, metric_id: str, clause: str, doc_id: str = "newer") -> None:
    metric = doc.briefing.find(metric_id)
    reading = read_value(metric, clause)
    path = find_id(compose(doc.text), metric_id)
    assert reading is not None and path is not None
    doc.apply(update_edit(doc.text, path, doc_id, clause, reading, read_period(metric.period, clause)[0]))


def test_the_period_is_read_from_the_clause() -> None:
    assert read_period("2024", REVENUE) == ("2025", True)
    assert read_period("2023-06/2025-07", MONTHS) == ("2023-06/2025-12", False)  # the end; the start is kept
    assert read_period("2023-06/2025-07", "自2023年6月起至2025年12月连续31个月") == ("2023-06/2025-12", True)
    assert read_period("2024", "截至2025年底累计30家") == ("2025-12", True)
    assert read_period("2024", "全年工业总产值约1600亿元") == (None, False)


def test_an_update_to_a_newer_year_moves_every_text_that_states_the_year(tmp_path: Path) -> None:
    doc = with_document(tmp_path, NEWER, "newer", "2026-04-15")
    update(doc, "industrial-revenue-2024", REVENUE)  # refused before: "2024 is not carried by the point's figures"
    b = doc.briefing
    point = b.find("overview-scale")
    assert point.message.zh.startswith("2025年上饶规上工业营业收入达6890亿元") and "in 2025" in point.message.en
    assert "2025年规上工业营业收入达6890亿元" in b.sections[0].lede.zh
    event = b.find("event-revenue-2024")
    assert event.date == "2025" and (event.source.doc, event.source.clause) == ("newer", REVENUE)
    # the point's sources: the old clause is gone, what it shared with the other figures stays
    clauses = [c.clause for c in point.sources]
    assert REVENUE in clauses and not any("6261" in c for c in clauses)
    assert "自2023年6月起连续26个月保持全省第二" in clauses


PERIOD_LEDE = "lede: {zh: '{output:period}总产值{output}', en: 'Output {output} in {output:period}'}"


def test_a_period_reference_on_another_briefing(tmp_path: Path) -> None:
    text, replaced = re.subn(r"lede: \{[^\n]*\}", lambda _: PERIOD_LEDE, SIX.read_text(encoding="utf-8"), count=1)
    assert replaced == 1  # the overview's lede
    copy = tmp_path / "six.yaml"
    copy.write_text(text, encoding="utf-8")
    doc = Document.open(copy)
    assert doc.briefing.sections[0].lede.zh == "2024年总产值1520.5亿元"
    update(doc, "output", "2025年全年工业总产值约1600亿元", doc.briefing.sources[0].id)
    assert doc.briefing.sections[0].lede.zh == "2025年总产值约1600亿元"
    assert doc.briefing.sections[0].lede.en.endswith("in 2025")


def test_a_run_updated_to_a_new_end_keeps_its_derived_tag_and_no_note_speaks_falsely(tmp_path: Path) -> None:
    doc = with_document(tmp_path, NEWER, "newer", "2026-04-15")
    before = doc.briefing
    update(doc, "months-at-provincial-second", MONTHS)
    months = doc.briefing.find("months-at-provincial-second")
    assert months.value == 30 and months.period == "2023-06/2025-12"
    assert months.derived_part is not None and months.derived_part.value == "period"  # 时期为推算 stays
    assert months.derived.zh == PERIOD_NOTES["start"]["zh"]
    rank = doc.briefing.find("industrial-revenue-provincial-rank")
    assert "连续26个月" in rank.derived.zh and "26 months" in rank.derived.en  # what its own article said
    # the preview pairs each text with itself: before and after differ only by the figure (and the note replaced)
    for lang in ("zh", "en"):
        for w in wordings(before, doc.briefing, months.id, lang)[1:]:
            if w.before != before.find(months.id).derived.get(lang):
                assert w.after == re.sub(r"(?<!\d)26(?!\d)", "30", w.before), (w.before, w.after)


def test_a_derived_note_may_not_speak_for_a_figure_of_another_clause(tmp_path: Path) -> None:
    text = builtin_briefing_path().read_text(encoding="utf-8").replace(
        "连续{=26}个月", "连续{months-at-provincial-second:num}个月")  # the note as the tester had it
    doc = with_document(tmp_path, NEWER, "newer", "2026-04-15", briefing_text=text)
    with pytest.raises(BriefingError, match="derived note refers to 'months-at-provincial-second'"):
        update(doc, "months-at-provincial-second", MONTHS)


def test_a_listed_count_follows_its_list(tmp_path: Path) -> None:
    doc = with_document(tmp_path, NEWER, "newer", "2026-04-15")
    with pytest.raises(BriefingError, match=r"lists 12 items but .* counts them \(key-industrial-chains\) as 14"):
        update(doc, "key-industrial-chains", "上饶以全面提升14条重点产业链现代化水平为目标")
    six = SIX.read_text(encoding="utf-8").replace(
        "title: {zh: 重点产业链, en: Key chains}",
        "title: {zh: '{chain-count}重点产业链', en: '{chain-count:num} key chains'}")
    count = ("      - {id: chain-count, label: {zh: 重点产业链, en: Key chains}, value: 3, unit: tiao, period: '2024',"
             " source: 数据为3条}\n")
    six = six.replace("    metrics:\n", "    metrics:\n" + count, 1)
    assert parse_briefing(six, "six.yaml").find("chain-list").title.zh == "3条重点产业链"
    with pytest.raises(BriefingError, match=r"lists 3 items but .* counts them \(chain-count\) as 4"):
        parse_briefing(six.replace("value: 3, unit: tiao", "value: 4, unit: tiao"), "six.yaml")
