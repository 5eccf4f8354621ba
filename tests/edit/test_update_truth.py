"""Issue #20, the usability tester's findings on the guided update (Qt-free): the period read from the clause
(2025年1—9月), a rank update that must not make a false sentence, a period the user sets clears the derived note.
The tester's files are in tests/data/tester/."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.edit import Document
from srbrief.edit.address import find_id
from srbrief.edit.figureupdate import period_edits, pinned_texts, read_period, read_value, update_edit
from srbrief.edit.yamltext import compose
from srbrief.model.agreement import contradiction, disagreements
from srbrief.model.loader import load_briefing
from srbrief.model.truth import prose_of
from srbrief.model.types import Cite
from srbrief.resources import builtin_briefing_path
from tests.edit.documents import with_document

TESTER = Path(__file__).parents[1] / "data" / "tester"
BULLETIN = TESTER / "shangrao-industrial-economy-jan-sep.txt"  # 上饶统计月报2025年9月.txt, dated 2025-10-20
RANK, STREAK = "industrial-revenue-provincial-rank", "months-at-provincial-second"



def guided(doc: Document, metric_id: str, clause: str, doc_id: str, period: str | None = None) -> None:
    """Update *metric_id* as the dialog does: value and period read from the clause (and its sentence)."""
    metric = doc.briefing.find(metric_id)
    reading = read_value(metric, clause)
    path = find_id(compose(doc.text), metric_id)
    assert reading is not None and path is not None
    document = (doc.path.parent / f"{doc_id}.txt").read_text(encoding="utf-8")  # type: ignore[union-attr]
    read = read_period(metric.period, clause, 2025, document)[0]
    doc.apply(update_edit(doc.text, path, doc_id, clause, reading, period or read, 2025, document, doc.briefing))


def test_the_period_of_jan_to_sep_is_read_and_the_texts_that_state_it_pass(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN.read_text(encoding="utf-8"), "jansep", "2025-10-20", builtin_briefing_path())
    # refused before: the period read as 2025, then "2025.1, 2025.9 不在所列数字之中" once it was set
    guided(doc, "industrial-revenue-2024", "2025年1—9月，全市规上工业营业收入6400亿元", "jansep")
    revenue = doc.briefing.find("industrial-revenue-2024")
    assert (revenue.value, revenue.period) == (6400, "2025-01/2025-09")
    assert doc.briefing.find("overview-scale").message.zh.startswith("2025年1—9月上饶规上工业营业收入达6400亿元")


def test_the_period_is_read_from_the_clauses_sentence_on_another_briefing(tmp_path: Path) -> None:
    newer = "横峰县新能源产业简讯\n2025年1—11月，全县光伏组件产量达到3.6万吨。"
    doc = with_document(tmp_path, newer, "newer", "2025-12-05", TESTER / "hengfeng-new-energy.yaml")
    guided(doc, "pv-module-output", "全县光伏组件产量达到3.6万吨", "newer")  # the date is before the clause
    output = doc.briefing.find("pv-module-output")
    assert (output.value, output.period, output.source.doc) == (3.6, "2025-01/2025-11", "newer")


def _said_with_streak(briefing: object) -> list[str]:
    return [t.zh for t in prose_of(briefing) if "26个月" in t.zh and "第三" in t.zh]  # type: ignore[arg-type]


def test_a_rank_update_keeps_the_streak_its_clause_states(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN.read_text(encoding="utf-8"), "jansep", "2025-10-20", builtin_briefing_path())
    before = doc.briefing
    clause = "规上工业营业收入总量居全省第3位"
    after = read_value(before.find(RANK), clause)
    assert after is not None and after.value == 3
    updated = dataclasses.replace(before.find(RANK), value=3.0, source=Cite(clause, "jansep"))
    pins = pinned_texts(doc.text, before, RANK, updated)
    assert pins and all(p.said == "第二" and "26个月保持全省第二" in p.clause for p in pins)  # the preview's conflicts
    pinned = {p.path[:-1] for p in pins}
    assert ("timeline", 0) in pinned and ("sections", 0) in pinned  # the streak's event, the lede
    guided(doc, RANK, clause, "jansep")
    b = doc.briefing
    assert b.find(RANK).value == 3 and b.find(RANK).source.doc == "jansep"
    assert _said_with_streak(b) == []  # was: 自2023年6月起连续26个月保持全省第三
    assert "连续26个月保持全省第二" in b.sections[0].lede.zh and b.find(STREAK).label.zh == "连续保持全省第二的月数"
    assert re.search(r"held second place in Jiangxi for 26\W+months", b.sections[0].lede.en)
    event = b.find("event-second-place-streak-begins")
    assert event.source.clause == "自2023年6月起连续26个月保持全省第二" and event.date == "2023-06"  # still its basis


def test_validation_warns_of_a_text_that_contradicts_a_clause_it_rests_on(
        capsys: pytest.CaptureFixture[str]) -> None:
    # the tester's briefing after the three updates, as the app saved it: 连续26个月保持全省第三 in five texts
    tester = TESTER / "shangrao-three-updates.yaml"
    found = disagreements(load_briefing(tester))
    assert len(found) == 5  # the lede, the point's message and its notes, the event, the streak's label
    assert all("states 第三 where a clause it also rests on says 第二 (“自2023年6月起连续26个月保持全省第二”)" in f
               for f in found)
    assert {f.split(":")[0] for f in found} == {"overview.lede", "overview-scale.message", "overview-scale.notes",
                                               "event-second-place-streak-begins.text",
                                               "months-at-provincial-second.label"}
    assert main(["validate", str(tester)]) == 0  # a warning: the file still opens
    assert capsys.readouterr().err.count("states 第三 where a clause it also rests on says 第二") == 5
    assert disagreements(load_briefing(builtin_briefing_path())) == []
    assert disagreements(load_briefing(TESTER / "hengfeng-new-energy.yaml")) == []


def test_after_the_guided_rank_update_no_text_disagrees(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN.read_text(encoding="utf-8"), "jansep", "2025-10-20", builtin_briefing_path())
    guided(doc, RANK, "规上工业营业收入总量居全省第3位", "jansep")
    assert disagreements(doc.briefing) == []


def test_a_value_must_agree_with_its_clause_on_another_shape() -> None:
    hengfeng = load_briefing(TESTER / "hengfeng-new-energy.yaml")
    output = dataclasses.replace(hengfeng.find("pv-module-output"), value=3.6)
    clause = "全县光伏组件产量达到3.2万吨"  # another clause of the same wording says 3.2
    assert contradiction("全县光伏组件产量达到3.6万吨", output, clause).written == "3.2万吨"  # type: ignore[union-attr]
    assert contradiction("全县光伏组件产量达到3.2万吨", hengfeng.find("pv-module-output"), clause) is None
    assert contradiction("组件产量3.6万吨", output, "累计装机突破450兆瓦") is None  # not the same words


def test_a_period_the_user_sets_clears_the_derived_note(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN.read_text(encoding="utf-8"), "jansep", "2025-10-20", builtin_briefing_path())
    guided(doc, RANK, "规上工业营业收入总量居全省第3位", "jansep", period="2025-09")  # the tester's choice
    rank = doc.briefing.find(RANK)
    assert rank.period == "2025-09" and rank.derived is None  # no 时期为推算, no note
    # a period set in the form afterwards clears it too (the streak's end month was computed)
    path = find_id(compose(doc.text), STREAK)
    assert path is not None
    assert period_edits(doc.text, path, "2023-06/2025-07") == []  # unchanged: still computed
    steps = period_edits(doc.text, path, "2023-06/2025-08")
    assert {s.path[-1] for s in steps} == {"derived", "derived_part"}


def test_a_period_kept_from_before_keeps_its_note(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN.read_text(encoding="utf-8"), "jansep", "2025-10-20", builtin_briefing_path())
    guided(doc, RANK, "规上工业营业收入总量居全省第3位", "jansep")  # no date in the clause nor its sentence
    rank = doc.briefing.find(RANK)
    assert rank.period == "2023-06/2025-07" and rank.derived is not None and "沿用" in rank.derived.zh
