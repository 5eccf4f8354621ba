"""``srbrief set``: values changed in place through the editing layer; bad input is one line and exit 2, with
the file untouched. (Beside tests/test_cli.py, which another change edits at the same time.)"""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path

REVENUE = "metrics.industrial-revenue-2024"
LOCATION = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<path>[^:]+): (?P<message>.+)$")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "my.yaml"
    shutil.copyfile(builtin_briefing_path(), target)
    return target


BULLETIN = ("sources[+]={id: bulletin-2025, publication: {zh: 上饶市统计局, en: Shangrao Statistics Bureau}, "
            "date: '2026-03-01', title: {zh: 2025年统计公报, en: 2025 Statistical Bulletin}}")
CLAUSE = "2024年规上工业营业收入6300亿元"  # a corrected figure, from a later document


def test_set_changes_exactly_the_values_and_facts_shows_them(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = copy.read_text(encoding="utf-8").splitlines()
    # a new figure comes with a clause that states it, from a new document; the prose that states the figure is
    # a reference to it, so the point's message follows without being edited
    assert main(["set", str(copy), BULLETIN, f"{REVENUE}.value=6300", f"{REVENUE}.label.en=Industrial revenue",
                 f"{REVENUE}.source={{doc: bulletin-2025, clause: {CLAUSE}}}"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{copy}: sources[+]: added ") and "bulletin-2025" in out[0]
    assert out[1:3] == [f"{copy}: {REVENUE}.value: 6261 → 6300",
                        f"{copy}: {REVENUE}.label.en: Revenue of industrial enterprises above designated size → "
                        "Industrial revenue"]
    old = "{clause: 2024年规上工业营业收入达6261亿元, en: "  # the clause with our translation of it
    assert len(out) == 4 and out[3].startswith(f"{copy}: {REVENUE}.source: {old}")
    edited = copy.read_text(encoding="utf-8").splitlines()
    removed: list[str] = []
    added: list[str] = []
    for row in difflib.unified_diff(original, edited, lineterm="", n=0):
        if row.startswith(("---", "+++", "@@")):
            continue
        (removed if row.startswith("-") else added).append(row[1:].strip())
    assert removed == ["en: Revenue of industrial enterprises above designated size", "value: 6261",
                       "source: {clause: '2024年规上工业营业收入达6261亿元', en: 'In 2024, revenue of industrial firms "
                       "above designated size reached CNY 626.1 billion'}"]
    assert added == ["- id: bulletin-2025", "publication: {zh: 上饶市统计局, en: Shangrao Statistics Bureau}",
                     "date: '2026-03-01'", "title: {zh: 2025年统计公报, en: 2025 Statistical Bulletin}",
                     "en: Industrial revenue", "value: 6300", f"source: {{doc: bulletin-2025, clause: {CLAUSE}}}"]
    assert main(["validate", str(copy)]) == 0
    capsys.readouterr()
    assert main(["facts", str(copy), "--format", "json"]) == 0
    record = next(r for r in json.loads(capsys.readouterr().out) if r["id"] == "industrial-revenue-2024")
    assert record["value"] == 6300 and record["period"] == "2024" and record["display"] == "6300亿元"
    assert record["doc"] == "bulletin-2025" and record["source"] == CLAUSE
    message = load_briefing(copy).find("overview-scale").message
    assert "6300亿元" in message.zh and "CNY\u00a0630\u00a0bn" in message.en and "6261" not in message.zh + message.en


def test_a_figure_changed_without_a_clause_that_states_it_is_refused(copy: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = copy.read_bytes()
    assert main(["set", str(copy), f"{REVENUE}.value=6300"]) == 2
    err = capsys.readouterr().err.splitlines()
    line = next(i for i, row in enumerate(before.decode("utf-8").splitlines(), 1) if row == "        value: 6261")
    assert len(err) == 1 and err[0].startswith(f"{copy}:{line}:"), err
    assert ("the value 6300亿元 is not what its clause states (“2024年规上工业营业收入达6261亿元” says 6261亿元)"
            in err[0])
    assert copy.read_bytes() == before


def test_set_text_enum_list_and_removal(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # (an enum that is not checked against the clause: a qualifier is, see below)
    assert main(["set", str(copy), "entities.shangrao.name.en=Shangrao City", f"{REVENUE}.good=up",
                 "charts.overview-kpis.items=industrial-revenue-2024,months-at-provincial-second",
                 "entities.songjiang.place="]) == 0
    text = copy.read_text(encoding="utf-8")
    assert "    name: {zh: 上饶, en: Shangrao City}\n" in text
    assert "        items: [industrial-revenue-2024, months-at-provincial-second]\n" in text
    songjiang = text[text.index("  - id: songjiang"):text.index("  - id: shanghai")]
    assert "        good: up\n" in text
    assert "place:" not in songjiang and f"{REVENUE}.good: (none) → up" in capsys.readouterr().out


@pytest.mark.parametrize(("assignment", "message"), [
    (f"{REVENUE}.value=abc", "expected a number, got 'abc'"),
    (f"{REVENUE}.value=6300", "the value 6300亿元 is not what its clause states"),  # the clause says 6261
    (f"{REVENUE}.qualifier=about", "the value 约6261亿元 is not what its clause states"),
    # a year the point's figures do not carry (its message writes the revenue's year as {id:period}: 2024年)
    ("points.overview-scale.message.zh=2022年规上工业营业收入达{industrial-revenue-2024}",
     "2022 is not carried by the point's figures"),
    (f"{REVENUE}.source=2024年规上工业营业收入达6300亿元", "not found verbatim in the text of 'shangrao-daily"),
    (f"{REVENUE}.source={{doc: bulletin, clause: 营业收入6261亿元}}", "unknown source document 'bulletin'"),
    ("points.overview-scale.message.en=Revenue reached CNY 626.1 billion", "626.1, billion written as a literal"),
    (f"{REVENUE}.valu=1", "unknown field 'valu'"),
    ("metrics.no-such-metric.value=1", "no item with id 'no-such-metric'"),
    (f"{REVENUE}.qualifier=roughly", "expected one of exact, more_than, about, rank, top"),
    (f"{REVENUE}.label=Revenue", f"set {REVENUE}.label.zh and {REVENUE}.label.en"),
    (f"{REVENUE}.qualifier=rank", "qualifiers rank and top go with unit rank"),  # breaks a rule
    (f"{REVENUE}.unit=furlong", "unknown unit 'furlong'"),
    (f"{REVENUE}.label.en=", "must not be empty"),
    ("entities.ningbo.id=ning-bo", "unknown id 'ningbo'"),  # references break
])
def test_bad_paths_and_values_are_one_line_and_leave_the_file(copy: Path, capsys: pytest.CaptureFixture[str],
                                                            assignment: str, message: str) -> None:
    before = copy.read_bytes()
    # after a valid assignment: a refusal leaves the whole command undone
    assert main(["set", str(copy), "metrics.pv-leader-suppliers.period=2025", assignment]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    first = captured.err.splitlines()[0]
    found = LOCATION.match(first)
    assert found and found["file"] == str(copy) and int(found["line"]) > 1, first
    assert message in captured.err
    assert copy.read_bytes() == before


def test_set_refuses_the_built_in_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    builtin = builtin_briefing_path()
    before = builtin.read_bytes()
    assert main(["set", str(builtin), "title.en=Mine"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "read-only" in err[0] and "copy" in err[0]
    assert builtin.read_bytes() == before


def test_set_usage_errors(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["set", str(copy), "title.en"]) == 2
    assert "expected PATH=VALUE" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["set", str(copy)])
    assert info.value.code == 2
    assert main(["set", str(copy.with_name("missing.yaml")), "title.en=x"]) == 2
    assert "cannot read the file" in capsys.readouterr().err
