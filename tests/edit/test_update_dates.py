"""Dates that follow a guided update: an event dated by the figure's old period takes the new period (a period of
months: its last month), and the briefing's data-as-of date moves to a newer document's date (the third tester's
title slide said 数据截至2025年10月11日 under figures from a bulletin of 20 October, and an event read
"2024年 · 规上工业营业收入达6400亿元" for a Jan–Sep 2025 value)."""

from __future__ import annotations

from pathlib import Path

from srbrief.edit import Document
from srbrief.edit.address import find_id
from srbrief.edit.figureupdate import follower_lines, read_period, read_value, update_edit
from srbrief.edit.yamltext import compose
from tests.edit.documents import with_document

TESTER = Path(__file__).parents[1] / "data" / "tester"
BULLETIN = "上饶市2025年1—9月工业经济运行情况。2025年1—9月，全市规上工业营业收入达到6400亿元，总量居全省第二。"
CLAUSE = "2025年1—9月，全市规上工业营业收入达到6400亿元"



def guided(doc: Document, metric_id: str, clause: str) -> list[str]:
    """Update *metric_id* from *clause* of the bulletin as the dialog does; return the preview's lines (zh)."""
    metric = doc.briefing.find(metric_id)
    reading = read_value(metric, clause)
    path = find_id(compose(doc.text), metric_id)
    assert reading is not None and path is not None
    document = (doc.path.parent / "bulletin.txt").read_text(encoding="utf-8")  # type: ignore[union-attr]
    period = read_period(metric.period, clause, 2025, document)[0]
    edit = update_edit(doc.text, path, "bulletin", clause, reading, period, 2025, document, doc.briefing)
    lines = follower_lines(doc.text, doc.briefing, edit, "zh")
    doc.apply(edit)
    return lines


def test_an_event_dated_by_the_old_period_takes_the_new_periods_last_month(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN, "bulletin", "2025-10-20")
    lines = guided(doc, "industrial-revenue-2024", CLAUSE)
    assert doc.briefing.find("industrial-revenue-2024").period == "2025-01/2025-09"
    event = doc.briefing.find("event-revenue-2024")
    assert event.date == "2025-09" and "6400" in event.text.zh
    assert any("日期改为 2025-09" in line for line in lines)


def test_the_briefing_date_moves_to_a_newer_document_and_the_preview_says_so(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN, "bulletin", "2025-10-20")
    assert doc.briefing.as_of == "2025-10-11"
    lines = guided(doc, "industrial-revenue-2024", CLAUSE)
    assert doc.briefing.as_of == "2025-10-20"
    assert "数据截至改为 2025-10-20（原为 2025-10-11）" in lines


def test_an_older_or_same_month_document_leaves_the_briefing_date(tmp_path: Path) -> None:
    for date in ("2025-09-30", "2025-10"):  # 2025-10 may mean any day of October: not newer than 11 October
        (tmp_path / date).mkdir()
        doc = with_document(tmp_path / date, BULLETIN, "bulletin", date)
        lines = guided(doc, "industrial-revenue-2024", CLAUSE)
        assert doc.briefing.as_of == "2025-10-11" and not any("数据截至" in line for line in lines)


def test_another_briefing_dates_follow_too(tmp_path: Path) -> None:
    """The tester's county briefing (as of 2025-11-05): a newer bulletin's figure moves its date; its event is
    dated by its own clause (2025-06), not by the figure's period, and stays."""
    text = "横峰县2025年1—11月新能源产业运行情况。2025年1—11月，全县光伏组件产量达到3.6万吨。"
    doc = with_document(tmp_path, text, "bulletin", "2025-12-05", TESTER / "hengfeng-new-energy.yaml")
    guided(doc, "pv-module-output", "2025年1—11月，全县光伏组件产量达到3.6万吨")
    assert doc.briefing.as_of == "2025-12-05"
    assert doc.briefing.find("pv-module-output").period == "2025-01/2025-11"
    assert doc.briefing.find("phase-i-of-hengfeng-s").date == "2025-06"
