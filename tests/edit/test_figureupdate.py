"""The guided update of a figure, without Qt: the value read from a selected clause, one edit, and every text
that states the figure in its new wording."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from srbrief.edit import AddItem, Document
from srbrief.edit.address import find_id
from srbrief.edit.figureupdate import read_value, update_edit, wordings
from srbrief.edit.yamltext import compose
from srbrief.model import BriefingError
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"
BULLETIN_TEXT = "2024年上饶市国民经济统计公报(修订)。2024年全市规上工业营业收入6288亿元,同比增长0.4%。"


def with_bulletin(tmp_path: Path, source: Path) -> Document:
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    (tmp_path / "bulletin.txt").write_text(BULLETIN_TEXT, encoding="utf-8")
    doc = Document.open(copy)
    doc.apply(AddItem(("sources",), {"id": "bulletin", "publication": {"zh": "上饶市统计局", "en": "Statistics"},
                                     "date": "2026-03-01", "title": {"zh": "统计公报", "en": "Bulletin"},
                                     "text": "bulletin.txt"}))
    return doc


def test_the_value_is_read_from_the_selection_in_the_figures_unit(tmp_path: Path) -> None:
    doc = with_bulletin(tmp_path, builtin_briefing_path())
    metric = doc.briefing.find("industrial-revenue-2024")
    reading = read_value(metric, "2024年全市规上工业营业收入6288亿元,同比增长0.4%")
    assert reading is not None and reading.value == 6288 and reading.qualifier == "exact"
    assert read_value(metric, "同比增长0.4%") is None  # no figure in 亿元 there
    parks = doc.briefing.find("g60-alliance-parks")
    assert read_value(parks, "新增超3个合作园区") is not None and read_value(parks, "新增超3个合作园区").qualifier \
        == "more_than"


def test_one_edit_updates_the_figure_and_every_text_follows(tmp_path: Path) -> None:
    doc = with_bulletin(tmp_path, builtin_briefing_path())
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
    doc = with_bulletin(tmp_path, builtin_briefing_path())
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
    assert wordings(before, doc.briefing, "output", "zh")[0].after == "工业总产值（2024年）：约1600亿元"  # the card: label, period, value
