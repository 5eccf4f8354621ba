"""The editing layer on a copy of the built-in briefing: each edit changes exactly its own lines, is validated,
can be undone and redone, and is saved atomically without touching any other byte."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from srbrief.edit import (
    AddItem,
    Batch,
    Document,
    FileChangedError,
    MoveItem,
    ReadOnlyError,
    RemoveField,
    RemoveItem,
    SetField,
)
from srbrief.model import BriefingError, Qualifier
from srbrief.resources import builtin_briefing_path


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "briefing.yaml"
    shutil.copyfile(builtin_briefing_path(), target)
    return target


def changed(before: str, after: str) -> tuple[list[str], list[str]]:
    """Return (lines removed, lines added) between two texts."""
    removed, added = [], []
    for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0):
        if line.startswith("-") and not line.startswith("---"):
            removed.append(line[1:])
        elif line.startswith("+") and not line.startswith("+++"):
            added.append(line[1:])
    return removed, added


def test_untouched_round_trip_is_byte_identical(copy: Path) -> None:
    original = copy.read_bytes()
    doc = Document.open(copy)
    assert not doc.modified and not doc.read_only
    doc.save()
    assert copy.read_bytes() == original


@pytest.mark.parametrize(("name", "value", "old_line", "new_line"), [
    # figures whose numbers no point's message quotes (a quoted one must change with its message: see below)
    ("metrics.pv-leader-suppliers.value", 700, "        value: 600", "        value: 700"),
    ("metrics.production-type-export-share.value", 94.5, "        value: 94.3", "        value: 94.5"),
    ("metrics.avonflow-revenue-2024.period", "2025", "        period: '2024'", "        period: '2025'"),
    ("metrics.industrial-revenue-provincial-rank.qualifier", "top",
     "        qualifier: rank", "        qualifier: top"),
    ("metrics.industrial-revenue-2024.source", "2024年规上工业营业收入达6300亿元",
     "        source: '2024年规上工业营业收入达6261亿元'", "        source: '2024年规上工业营业收入达6300亿元'"),
    ("entities.shangrao.name.en", "Shangrao, Jiangxi",  # a Text in a flow map: the comma needs quotes there
     "    name: {zh: 上饶, en: Shangrao}", "    name: {zh: 上饶, en: 'Shangrao, Jiangxi'}"),
    ("entities.shangrao.name.zh", "上饶市",
     "    name: {zh: 上饶, en: Shangrao}", "    name: {zh: 上饶市, en: Shangrao}"),
    ("metrics.industrial-revenue-2024.label.zh", "规模以上工业营业收入",
     "          zh: 规上工业营业收入", "          zh: 规模以上工业营业收入"),
    ("entities.shangrao.location.lat", 28.5, "    location: {lat: 28.45, lon: 117.94}",
     "    location: {lat: 28.5, lon: 117.94}"),
])
def test_setting_a_field_changes_exactly_its_line(copy: Path, name: str, value: object, old_line: str,
                                                  new_line: str) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    target = doc.target(name)
    assert target.exists
    doc.apply(SetField(target.path, value))
    doc.save()
    assert changed(original, copy.read_text(encoding="utf-8")) == ([old_line], [new_line])
    assert Document.open(copy).briefing == doc.briefing


def test_a_figure_quoted_in_a_message_changes_with_it(copy: Path) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    value = SetField(doc.target("metrics.industrial-revenue-2024.value").path, 6300)
    with pytest.raises(BriefingError, match="6261 is not carried by the point's figures"):
        doc.apply(value)
    zh, en = doc.target("points.overview-scale.message.zh"), doc.target("points.overview-scale.message.en")
    message = doc.briefing.find("overview-scale").message
    doc.apply(Batch((value, SetField(zh.path, message.zh.replace("6261亿元", "6300亿元")),
                     SetField(en.path, message.en.replace("CNY 626.1 billion", "CNY 630 billion")))))
    removed, added = changed(original, doc.text)
    assert removed == ["        value: 6261", f"          zh: {message.zh}", f"          en: {message.en}"]
    assert added == ["        value: 6300", f"          zh: {message.zh.replace('6261', '6300')}",
                     f"          en: {message.en.replace('626.1', '630')}"]


def test_the_model_follows_each_edit(copy: Path) -> None:
    doc = Document.open(copy)
    doc.apply(SetField(doc.target("metrics.industrial-revenue-provincial-rank.qualifier").path, "top"))
    assert doc.briefing.find("industrial-revenue-provincial-rank").qualifier is Qualifier.TOP


def test_adding_an_optional_field_adds_one_line(copy: Path) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    target = doc.target("metrics.quarters-in-first-tier.period")
    assert not target.exists and target.optional
    doc.apply(SetField(target.path, "2025-06"))
    assert changed(original, doc.text) == ([], ["        period: 2025-06"])  # plain: it reads as a string
    assert doc.briefing.find("quarters-in-first-tier").period == "2025-06"


def test_a_new_text_from_two_assignments_is_one_flow_map(copy: Path) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    zh, en = doc.target("metrics.quarters-in-first-tier.note.zh"), doc.target("metrics.quarters-in-first-tier.note.en")
    doc.apply(Batch((SetField(zh.path, "截至2025年二季度"), SetField(en.path, "To Q2 2025, inclusive"))))
    assert changed(original, doc.text) == ([], ["        note: {zh: 截至2025年二季度, en: 'To Q2 2025, inclusive'}"])


def test_removing_a_field_removes_its_line(copy: Path) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    doc.apply(RemoveField(doc.target("entities.songjiang.place").path))
    assert changed(original, doc.text) == (["    place: shanghai"], [])
    assert doc.briefing.find("songjiang").place is None


NEW_METRIC = {"id": "industrial-revenue-2025-h1", "label": {"zh": "2025年上半年营业收入", "en": "Revenue, H1 2025"},
              "value": 3300, "unit": "yi-yuan", "period": "2025-06", "source": "2024年规上工业营业收入达6261亿元"}


def test_adding_a_list_item_adds_only_its_lines(copy: Path) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    metrics = doc.target("sections.overview.metrics")
    doc.apply(AddItem(metrics.path, NEW_METRIC, index=1))
    doc.save()
    text = copy.read_text(encoding="utf-8")
    assert changed(original, text) == ([], [
        "      - id: industrial-revenue-2025-h1",
        "        label: {zh: 2025年上半年营业收入, en: 'Revenue, H1 2025'}",
        "        value: 3300",
        "        unit: yi-yuan",
        "        period: 2025-06",
        "        source: 2024年规上工业营业收入达6261亿元",
    ])
    ids = [m.id for m in Document.open(copy).briefing.sections[0].metrics]
    assert ids[:3] == ["industrial-revenue-2024", "industrial-revenue-2025-h1", "industrial-revenue-provincial-rank"]


def test_removing_a_list_item_removes_only_its_lines(copy: Path) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    doc.apply(RemoveItem(doc.target("facts.top-100-manufacturing-cities").path))
    doc.save()
    removed, added = changed(original, copy.read_text(encoding="utf-8"))
    assert added == [] and removed == [
        "      - id: top-100-manufacturing-cities",
        "        kind: ranking",
        "        title:",
        "          zh: 全国先进制造业百强市",
        "          en: National top 100 in advanced manufacturing",
        "        text:",
        "          zh: 上饶首次入选全国先进制造业百强市。",
        "          en: Shangrao has entered China's top 100 cities for advanced manufacturing for the first time.",
        "        entities: [shangrao]",
        "        source: '首次入选全国先进制造业百强市'",
    ]


def test_removing_a_referenced_item_is_refused(copy: Path) -> None:
    doc = Document.open(copy)
    with pytest.raises(BriefingError, match="unknown id 'ningbo'"):
        doc.apply(RemoveItem(doc.target("entities.ningbo").path))
    assert doc.text == copy.read_text(encoding="utf-8") and doc.undo_name is None


def test_moving_a_list_item_moves_only_its_lines(copy: Path) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    item = doc.target("entities.songjiang")
    doc.apply(MoveItem(item.path, 0))
    removed, added = changed(original, doc.text)
    assert sorted(removed) == sorted(added) and removed[0] == added[0] == "  - id: shangrao"
    assert sorted(original.splitlines()) == sorted(doc.text.splitlines())
    assert [e.id for e in doc.briefing.entities][:3] == ["songjiang", "shangrao", "shanghai"]


def test_items_of_a_flow_list_are_added_moved_and_removed_in_place(copy: Path) -> None:
    doc = Document.open(copy)
    refs = doc.target("timeline.event-second-place-streak-begins.refs")
    line = "    refs: [industrial-revenue-provincial-rank, months-at-provincial-second]"
    assert line in doc.text.splitlines()
    doc.apply(AddItem(refs.path, "industrial-revenue-2024", index=0))
    doc.apply(MoveItem((*refs.path, 0), 2))
    doc.apply(RemoveItem((*refs.path, 0)))
    removed, added = changed(copy.read_text(encoding="utf-8"), doc.text)
    assert removed == [line] and added == ["    refs: [months-at-provincial-second, industrial-revenue-2024]"]


def test_undo_and_redo(copy: Path) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    first = doc.briefing
    doc.apply(SetField(doc.target("metrics.pv-leader-suppliers.value").path, 700, label="Set suppliers"))
    doc.apply(RemoveItem(doc.target("facts.top-100-manufacturing-cities").path))
    after = doc.text
    assert doc.modified and doc.undo_name == "Remove sections[0].facts[1]" and doc.redo_name is None
    assert doc.undo() is not None and doc.undo() is not None and doc.undo() is None
    assert doc.text == original and doc.briefing is first and not doc.modified
    assert doc.redo_name == "Set suppliers"
    doc.redo()
    doc.redo()
    assert doc.text == after and doc.redo() is None
    doc.undo()
    doc.apply(SetField(doc.target("metrics.pv-leader-suppliers.value").path, 800))  # a new edit drops the redo
    assert doc.redo_name is None and doc.briefing.find("pv-leader-suppliers").value == 800


def test_an_invalid_edit_is_refused_and_nothing_is_written(copy: Path) -> None:
    original = copy.read_bytes()
    doc = Document.open(copy)
    qualifier = doc.target("metrics.industrial-revenue-2024.qualifier")  # rank needs unit rank
    with pytest.raises(BriefingError) as info:
        doc.apply(SetField(qualifier.path, "rank"))
    assert "qualifiers rank and top go with unit rank" in str(info.value)
    assert str(info.value).startswith(f"{copy}:")
    assert doc.text == original.decode("utf-8") and not doc.modified and doc.undo_name is None
    doc.save()
    assert copy.read_bytes() == original


def test_the_built_in_briefing_is_read_only(tmp_path: Path) -> None:
    doc = Document.open(builtin_briefing_path())
    assert doc.read_only
    doc.apply(SetField(doc.target("title.en").path, "My copy"))
    with pytest.raises(ReadOnlyError, match="read-only"):
        doc.save()
    saved = doc.save(tmp_path / "mine.yaml")  # "Save As" is the way out
    assert saved == tmp_path / "mine.yaml" and not doc.read_only and not doc.modified
    assert Document.open(saved).briefing.title.en == "My copy"


def test_a_file_changed_on_disk_is_not_overwritten(copy: Path) -> None:
    doc = Document.open(copy)
    doc.apply(SetField(doc.target("title.en").path, "Mine"))
    theirs = copy.read_text(encoding="utf-8").replace("Shangrao Daily", "Shangrao Daily (theirs)", 1)
    copy.write_text(theirs, encoding="utf-8")
    with pytest.raises(FileChangedError):
        doc.save()
    assert copy.read_text(encoding="utf-8") == theirs
    doc.save(overwrite_changed=True)
    assert Document.open(copy).briefing.title.en == "Mine"


def test_the_skeleton_is_valid_and_takes_a_first_figure(tmp_path: Path) -> None:
    from srbrief.edit.skeleton import SKELETON

    path = tmp_path / "new.yaml"
    path.write_text(SKELETON, encoding="utf-8")
    doc = Document.open(path)
    section = doc.target("sections.overview")
    doc.apply(AddItem((*section.path, "metrics"), {k: v for k, v in NEW_METRIC.items() if k != "period"}))
    assert [m.id for m in doc.briefing.metrics] == ["industrial-revenue-2025-h1"]
    removed, added = changed(SKELETON, doc.text)
    assert removed == [] and added[0] == "    metrics:" and added[1] == "      - id: industrial-revenue-2025-h1"
