"""Text splicing on files written in other styles than the built-in briefing: only the edited bytes change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from srbrief.edit import Batch, Document, EditError, RemoveField, SetField
from srbrief.edit.commands import read_back
from srbrief.edit.splice import insert_item, move_item, remove_item, remove_key, set_value

# A valid briefing in a style of its own: unindented sequences, double quotes, extra spaces, comments; and the old
# single `source:` block (a file written before briefings cited documents still loads, and is edited in place).
FOREIGN = """\
# my notes
schema: srbrief/1
id: mini
title: { zh: 小简报, en: "Mini briefing" }   # spaces inside the braces
subtitle:
    zh:   测试
    en:   Test
source:
  publication: {zh: 上饶日报, en: Shangrao Daily}
  date: "2025-10-11"
  headline: {zh: 标题, en: Headline}
as_of: '2025-10-11'
entities:
- id: shangrao     # the city
  kind: place
  name: {zh: 上饶, en: Shangrao}
  location: {lat: 28.45, lon: 117.94}
sections:
- id: overview
  kind: overview
  title: {zh: 总览, en: Overview}
  short_title: {zh: 总览, en: Overview}
  lede:
    zh: 导语
    en: >-
      A lede written
      over several lines
  metrics:
  - id: revenue
    label: {zh: 营收, en: Revenue}
    value: 6261
    unit: yi-yuan
    source: "2024年规上工业营业收入达6261亿元"
  - id: suppliers
    label: {zh: 供应商, en: Suppliers}
    value: 600
    unit: jia
    qualifier: more_than
    source: 600余家供应商"""  # no line break at the end


def only_changes(before: str, after: str) -> list[tuple[str, str]]:
    """Return the (old, new) pairs of lines that differ, for texts with the same number of lines."""
    old, new = before.split("\n"), after.split("\n")
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    path = tmp_path / "foreign.yaml"
    path.write_bytes(FOREIGN.encode("utf-8"))
    return path


def test_an_edit_in_a_foreign_style_changes_one_line(foreign: Path) -> None:
    doc = Document.open(foreign)
    doc.apply(SetField(doc.target("metrics.revenue.source").path, "规上工业营业收入达6261亿元"))  # still says 6261
    doc.apply(SetField(doc.target("title.en").path, "Small briefing"))
    doc.save()
    assert only_changes(FOREIGN, foreign.read_text(encoding="utf-8")) == [
        ('title: { zh: 小简报, en: "Mini briefing" }   # spaces inside the braces',
         'title: { zh: 小简报, en: "Small briefing" }   # spaces inside the braces'),
        ('    source: "2024年规上工业营业收入达6261亿元"', '    source: "规上工业营业收入达6261亿元"'),
    ]
    assert [s.id for s in doc.briefing.sources] == ["source"] and doc.briefing.metrics[0].source.doc == "source"


def test_crlf_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    original = b"\xef\xbb\xbf" + FOREIGN.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    doc = Document.open(path)
    suppliers = "metrics.suppliers"  # a value changes with a clause that states it (the last line, no line break)
    doc.apply(Batch((SetField(doc.target(f"{suppliers}.value").path, 700),
                     SetField(doc.target(f"{suppliers}.source").path, "700余家供应商"))))
    doc.apply(SetField(doc.target("metrics.revenue.period").path, "2024"))  # a new line, with CRLF too
    doc.save()
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\n") == data.count(b"\r\n") == original.count(b"\n") + 1
    back = data.replace(b"value: 700", b"value: 600").replace("700余家".encode(), "600余家".encode())
    assert back.replace(b"    period: '2024'\r\n", b"") == original


def test_a_folded_block_scalar_is_replaced_without_eating_the_next_line(foreign: Path) -> None:
    doc = Document.open(foreign)
    doc.apply(SetField(doc.target("sections.overview.lede.en").path, "A short lede"))
    assert '    en: >-\n      A short lede\n  metrics:\n' in doc.text  # the block keeps its style
    assert doc.briefing.sections[0].lede.en == "A short lede"


def test_removing_the_first_field_of_an_item_moves_the_next_up(foreign: Path) -> None:
    text = FOREIGN.replace("  - id: suppliers\n    label:", "  - label:", 1).replace(
        "    value: 600\n", "    value: 600\n    id: suppliers\n", 1)
    new = remove_key(text, ("sections", 0, "metrics", 1, "label"))
    assert "  - value: 600\n    id: suppliers\n" in new


def test_removing_from_a_flow_map(foreign: Path) -> None:
    path = ("entities", 0, "location", "lat")
    assert "location: {lon: 117.94}" in remove_key(FOREIGN, path)
    assert "location: {lat: 28.45}" in remove_key(FOREIGN, ("entities", 0, "location", "lon"))


def test_a_list_emptied_keeps_its_key_and_a_new_list_is_made_as_a_block() -> None:
    emptied = remove_item(FOREIGN, ("entities", 0))
    assert "entities: []\nsections:\n" in emptied
    refilled = insert_item(emptied, ("entities",), None, {"id": "ningbo", "kind": "place"})
    assert "entities:\n  - id: ningbo\n    kind: place\nsections:\n" in refilled
    added = insert_item(FOREIGN, ("timeline",), 0, {"id": "ev", "refs": ["revenue"]})
    assert added.endswith('source: 600余家供应商"\ntimeline:\n  - id: ev\n    refs: [revenue]\n'.replace('"', ""))


def test_moving_the_last_line_of_a_file_without_a_final_line_break() -> None:
    moved = move_item(FOREIGN, ("sections", 0, "metrics", 1), 0)
    assert yaml.safe_load(moved)["sections"][0]["metrics"][0]["id"] == "suppliers"
    back = move_item(moved, ("sections", 0, "metrics", 0), 1)
    assert yaml.safe_load(back) == yaml.safe_load(FOREIGN)
    assert back.rstrip("\n") == FOREIGN


def test_an_unsupported_layout_is_an_error_not_a_broken_file() -> None:
    text = "items:\n- [a, b]\n- - c\n  - d\n"
    with pytest.raises(EditError, match="must each start a line"):
        move_item(text, ("items", 1, 1), 0)


def test_removing_a_missing_field_is_an_error_with_a_position(foreign: Path) -> None:
    doc = Document.open(foreign)
    with pytest.raises(Exception, match=r"foreign\.yaml:\d+:\d+: .*nothing at 'period'"):
        doc.apply(RemoveField(("sections", 0, "metrics", 0, "period")))


@pytest.mark.parametrize("number", [0.5, 1e-05, 2.5e16, 1e16, 33.84, 6261, 0])
def test_numbers_read_back_exactly(number: float) -> None:
    path = ("entities", 0, "location", "lat")
    new = set_value(FOREIGN, path, number)
    assert read_back(new, path) == number and type(read_back(new, path)) is type(number)


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30)


@settings(max_examples=150, deadline=None)
@given(value=TEXT, where=st.sampled_from([
    ("title", "en"),  # inside a flow map with spaces
    ("subtitle", "zh"),  # a plain scalar in a block map
    ("source", "date"),  # double quoted
    ("sections", 0, "lede", "en"),  # a folded block scalar
    ("sections", 0, "metrics", 1, "source"),  # the file's last line, no line break
]))
def test_any_string_reads_back_exactly_and_nothing_else_changes(value: str, where: tuple[str | int, ...]) -> None:
    new = set_value(FOREIGN, where, value)
    assert read_back(new, where) == value
    assert _without(yaml.safe_load(new), where) == _without(yaml.safe_load(FOREIGN), where)


def _without(data: dict, path: tuple[str | int, ...]) -> dict:
    node = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return data
