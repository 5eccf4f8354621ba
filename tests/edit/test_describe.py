"""Edits named in words for the undo menu, in both languages, without Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.edit import AddItem, Batch, Document, MoveItem, RemoveField, RemoveItem, SetField
from srbrief.edit.address import find_id
from srbrief.edit.describe import choice_name, describe, field_name, item_path, unit_name
from srbrief.edit.yamltext import compose
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"


def path_of(text: str, item_id: str) -> tuple:
    found = find_id(compose(text), item_id)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def builtin() -> str:
    return builtin_briefing_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def six() -> str:
    return SIX.read_text(encoding="utf-8")


def test_a_value_change_reads_as_the_issue_asks(builtin: str) -> None:
    path = (*path_of(builtin, "industrial-revenue-2024"), "value")
    command = SetField(path, 6288)
    assert describe(command, builtin, "zh") == "修改 规上工业营业收入：6261 → 6288"
    assert describe(command, builtin, "en") == \
        "Change Revenue of industrial enterprises above designated size: 6261 → 6288"


def test_on_another_briefing_the_label_comes_from_its_own_data(six: str) -> None:
    path = (*path_of(six, "output"), "value")
    assert describe(SetField(path, 1600), six, "zh") == "修改 工业总产值：1520.5 → 1600"
    assert describe(SetField(path, 1600), six, "en") == "Change Gross industrial output: 1520.5 → 1600"


def test_units_and_choices_are_named_not_coded(builtin: str) -> None:
    item = path_of(builtin, "industrial-revenue-2024")
    zh = describe(SetField((*item, "unit"), "wan-yuan"), builtin, "zh")
    assert zh == "修改 规上工业营业收入 · 单位：亿元 → 万元"
    en = describe(SetField((*item, "qualifier"), "more_than"), builtin, "en")
    assert en.endswith("size · Qualifier: more than") and "more_than" not in en
    assert unit_name("wan-renci", "zh") == "万人次" and "10,000 visits" in unit_name("wan-renci", "en")
    assert choice_name("increase", "zh") == "增长" and field_name("message", "zh") == "要点"


def test_texts_of_other_kinds_name_their_kind(builtin: str, six: str) -> None:
    section = path_of(builtin, "overview")
    lede = describe(SetField((*section, "lede", "zh"), "新导语"), builtin, "zh")
    assert lede.startswith("修改 板块「") and "导语" in lede and lede.endswith("→ 新导语")
    event = path_of(six, "t-1")
    assert describe(RemoveItem(event), six, "zh") == "删除 大事记「园区开工」"
    assert describe(RemoveItem(event), six, "en") == "Remove Event “Park construction started”"
    assert describe(SetField(("title", "en"), "New"), six, "en") == \
        "Change the briefing · Title: A test briefing with six themes → New"


def test_adds_moves_clears_and_batches(six: str) -> None:
    added = AddItem(("timeline",), {"id": "t-9", "date": "2025-01", "text": {"zh": "新事件", "en": "A new event"},
                                    "source": "数据为1520.5亿元"})
    assert describe(added, six, "zh") == "添加大事记「新事件」"
    assert describe(added, six, "en") == "Add event “A new event”"
    unit = AddItem(("units",), {"code": "ship-calls", "zh": "艘次", "en": "ship calls"})
    assert describe(unit, six, "zh") == "添加单位「艘次」" and describe(unit, six, "en") == "Add unit “ship calls”"
    event = path_of(six, "t-2")
    assert describe(MoveItem(event, 0), six, "zh").startswith("上移 大事记「首批企业投产")
    assert describe(MoveItem(event, 2), six, "en").startswith("Move down Event")
    output = path_of(six, "output")
    batch = Batch((SetField((*output, "value"), 1600), RemoveField((*output, "period"))))
    assert describe(batch, six, "zh") == "修改 工业总产值：1520.5 → 1600；清除 工业总产值 · 时期"


def test_a_cite_inside_a_point_is_not_a_document() -> None:
    assert item_path(("sections", 1, "points", 0, "sources", 0, "clause")) == ("sections", 1, "points", 0)
    assert item_path(("sources", 1, "title", "zh")) == ("sources", 1)
    assert item_path(("sections", 1, "points", 0, "figures", 2)) == ("sections", 1, "points", 0)
    assert item_path(("title", "zh")) == ()


def test_the_names_are_the_ones_the_document_keeps(tmp_path: Path, six: str) -> None:
    copy = tmp_path / "six.yaml"
    copy.write_text(six, encoding="utf-8")
    doc = Document.open(copy)
    path = (*path_of(doc.text, "output"), "value")
    before = doc.text
    name = describe(SetField(path, 1520.5), before, "zh")
    change = doc.apply(SetField(path, 1520.5, label=name))
    assert doc.undo_name == name == change.name == "修改 工业总产值：1520.5 → 1520.5"


def test_the_forms_list_names_items_by_label_grouped_by_kind() -> None:
    from srbrief.edit.describe import ROOT, item_groups, key_path, place_key
    from srbrief.model import load_briefing

    builtin = load_briefing(builtin_briefing_path())
    groups = dict(item_groups(builtin, builtin.sections[0], "zh", "简报信息"))
    assert ("规上工业营业收入 · 6261亿元", "industrial-revenue-2024") in groups["数字"]
    assert groups["简报信息"] == [(builtin.title.zh, ROOT)]
    assert groups["展望"][0][1] == "@outlook.0" and key_path("@outlook.0") == ("outlook", 0)
    assert key_path(ROOT) == () and place_key(("summary", 2)) == "@summary.2"
    six = load_briefing(SIX)
    english = dict(item_groups(six, six.sections[0], "en", "The briefing"))
    assert ("Gross industrial output · CNY\u00a0152.05\u00a0bn", "output") in english["Figure"]
    assert [key for _, key in english["Event"]] == ["t-1", "t-2", "t-3"] and english["Summary line"] == []
