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
from srbrief.model.truth import prose_of
from srbrief.model.types import Lang
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


DOC = "shangrao-daily-2025-10-11"  # the built-in briefing's first source document (its text is shipped)
REVENUE_CLAUSE = ("{clause: '2024年规上工业营业收入达6261亿元', en: 'In 2024, revenue of industrial firms above "
                  "designated size reached CNY 626.1 billion'}")  # the clause with our translation of it


@pytest.mark.parametrize(("name", "value", "old_line", "new_line"), [
    # each edit valid on its own: a value that is checked against its clause changes with a clause that states
    # it (see below); a derived value (a count of the names a clause lists) is not checked against its clause
    ("metrics.g60-alliance-parks.value", 3, "        value: 2", "        value: 3"),
    ("metrics.avonflow-revenue-2024.period", "2025", "        period: '2024'", "        period: '2025'"),
    ("metrics.pv-production-cost-cut.good", "up",  # an enum, with the comment after it kept
     "        good: down  # a cost cut is good news", "        good: up  # a cost cut is good news"),
    ("metrics.industrial-revenue-2024.source", "规上工业营业收入达6261亿元",  # another clause that states 6261
     f"        source: {REVENUE_CLAUSE}", "        source: 规上工业营业收入达6261亿元"),
    ("metrics.industrial-revenue-2024.source", {"doc": DOC, "clause": "2024年规上工业营业收入达6261亿元"},
     f"        source: {REVENUE_CLAUSE}",
     f"        source: {{doc: {DOC}, clause: 2024年规上工业营业收入达6261亿元}}"),
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


BULLETIN = {"id": "bulletin", "publication": {"zh": "统计局", "en": "Statistics Bureau"}, "date": "2026-03-01",
            "title": {"zh": "统计公报", "en": "Statistical Bulletin"}}  # a new document, without text
BULLETIN_LINES = ["  - id: bulletin", "    publication: {zh: 统计局, en: Statistics Bureau}",
                  "    date: '2026-03-01'", "    title: {zh: 统计公报, en: Statistical Bulletin}"]


@pytest.mark.parametrize(("metric", "old", "new", "clause", "old_clause", "shown"), [
    ("industrial-revenue-2024", "6261", 6300, "营业收入6300亿元", REVENUE_CLAUSE,
     {"6261亿元": "6300亿元", "CNY\u00a0626.1\u00a0bn": "CNY\u00a0630\u00a0bn"}),
    ("production-type-export-share", "94.3", 94.5, "生产型出口占比94.5%",
     "{clause: '其中生产型出口占比高达94.3%', en: 'Of which production-type exports made up as much as 94.3%'}",
     {}),  # (a card's figure: no bullet restates it, so no prose changes)
])
def test_a_value_changes_with_a_clause_that_states_it_and_the_prose_follows(
        copy: Path, metric: str, old: str, new: float, clause: str, old_clause: str, shown: dict[str, str]) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    value = SetField(doc.target(f"metrics.{metric}.value").path, new)
    with pytest.raises(BriefingError, match=rf"the value .* is not what its clause states \(“.*{old}"):
        doc.apply(value)  # alone, the value would contradict its clause
    assert doc.text == original and doc.undo_name is None
    source = SetField(doc.target(f"metrics.{metric}.source").path, {"doc": "bulletin", "clause": clause})
    doc.apply(Batch((AddItem(doc.target("sources").path, BULLETIN), value, source)))
    removed, added = changed(original, doc.text)
    assert removed == [f"        value: {old}", f"        source: {old_clause}"]
    assert added == [*BULLETIN_LINES, f"        value: {new}", f"        source: {{doc: bulletin, clause: {clause}}}"]
    figure = doc.briefing.find(metric)
    assert figure.value == new and (figure.source.doc, figure.source.clause) == ("bulletin", clause)
    # every text that states the figure is a reference to it: the prose follows the new value
    prose = [text.get(lang) for text in prose_of(doc.briefing) for lang in Lang]
    for before, after in shown.items():
        assert any(after in t for t in prose) and not any(before in t for t in prose), before


def test_the_model_follows_each_edit(copy: Path) -> None:
    doc = Document.open(copy)
    rank = "metrics.industrial-revenue-provincial-rank"
    doc.apply(Batch((AddItem(doc.target("sources").path, BULLETIN),
                     SetField(doc.target(f"{rank}.qualifier").path, "top"),
                     SetField(doc.target(f"{rank}.source").path, {"doc": "bulletin", "clause": "稳居全省前2"}))))
    assert doc.briefing.find("industrial-revenue-provincial-rank").qualifier is Qualifier.TOP
    assert [s.id for s in doc.briefing.sources] == [DOC, "bulletin"]


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


# a new figure from a new document (BULLETIN, without text), its clause stating its value
NEW_METRIC = {"id": "industrial-revenue-2025-h1", "label": {"zh": "2025年上半年营业收入", "en": "Revenue, H1 2025"},
              "value": 3300, "unit": "yi-yuan", "period": "2025-06",
              "source": {"doc": "bulletin", "clause": "上半年规上工业营业收入3300亿元"}}


def test_adding_a_list_item_adds_only_its_lines(copy: Path) -> None:
    original = copy.read_text(encoding="utf-8")
    doc = Document.open(copy)
    doc.apply(AddItem(doc.target("sources").path, BULLETIN))
    assert changed(original, doc.text) == ([], BULLETIN_LINES)
    with_bulletin = doc.text
    metrics = doc.target("sections.overview.metrics")
    doc.apply(AddItem(metrics.path, NEW_METRIC, index=1))
    doc.save()
    text = copy.read_text(encoding="utf-8")
    assert changed(with_bulletin, text) == ([], [
        "      - id: industrial-revenue-2025-h1",
        "        label: {zh: 2025年上半年营业收入, en: 'Revenue, H1 2025'}",
        "        value: 3300",
        "        unit: yi-yuan",
        "        period: 2025-06",
        "        source: {doc: bulletin, clause: 上半年规上工业营业收入3300亿元}",
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
        "          zh: 全国先进制造业{advanced-manufacturing-top-100}市",
        "          en: China's {advanced-manufacturing-top-100} cities in advanced manufacturing",
        "        text:",
        "          zh: 上饶首次入选全国先进制造业{advanced-manufacturing-top-100}市。",
        "          en: Shangrao has entered China's {advanced-manufacturing-top-100} cities for advanced manufacturing "
        "for the first time.",
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
    doc.apply(SetField(doc.target("metrics.g60-alliance-parks.value").path, 3, label="Set parks"))
    doc.apply(RemoveItem(doc.target("facts.top-100-manufacturing-cities").path))
    after = doc.text
    assert doc.modified and doc.undo_name == "Remove sections[0].facts[1]" and doc.redo_name is None
    assert doc.undo() is not None and doc.undo() is not None and doc.undo() is None
    assert doc.text == original and doc.briefing is first and not doc.modified
    assert doc.redo_name == "Set parks"
    doc.redo()
    doc.redo()
    assert doc.text == after and doc.redo() is None
    doc.undo()
    doc.apply(SetField(doc.target("metrics.g60-alliance-parks.value").path, 4))  # a new edit drops the redo
    assert doc.redo_name is None and doc.briefing.find("g60-alliance-parks").value == 4


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
    assert [s.id for s in doc.briefing.sources] == ["article"]  # the skeleton's documents are `sources:`
    doc.apply(AddItem(doc.target("sources").path, BULLETIN))
    section = doc.target("sections.overview")
    doc.apply(AddItem((*section.path, "metrics"), {k: v for k, v in NEW_METRIC.items() if k != "period"}))
    assert [m.id for m in doc.briefing.metrics] == ["industrial-revenue-2025-h1"]
    assert doc.briefing.metrics[0].source.doc == "bulletin"
    removed, added = changed(SKELETON, doc.text)
    assert removed == [] and added[:len(BULLETIN_LINES)] == BULLETIN_LINES
    assert added[4] == "    metrics:" and added[5] == "      - id: industrial-revenue-2025-h1"
    # a plain clause cites the first document (the skeleton's has no text, so any clause is taken as written)
    doc.apply(SetField(doc.target("metrics.industrial-revenue-2025-h1.source").path, "营业收入3300亿元"))
    assert doc.briefing.metrics[0].source.doc == "article"
