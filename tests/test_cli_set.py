"""``srbrief set``: values changed in place through the editing layer; bad input is one line and exit 2, with
the file untouched. (Beside tests/test_cli.py, which another change edits at the same time.)"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.resources import builtin_briefing_path

REVENUE = "metrics.industrial-revenue-2024"
LOCATION = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<path>[^:]+): (?P<message>.+)$")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "my.yaml"
    shutil.copyfile(builtin_briefing_path(), target)
    return target


MESSAGE_ZH = "2025年上饶规上工业营业收入达6300亿元，自2023年6月起连续26个月保持全省第二"
MESSAGE_EN = ("Industrial revenue reached CNY 630 billion in 2025, second in Jiangxi for 26 straight months since "
              "June 2023")


def test_set_changes_exactly_the_values_and_facts_shows_them(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = copy.read_text(encoding="utf-8").splitlines()
    # the figure is quoted in its point's message: both change in one command (a point cites its numbers)
    point = "points.overview-scale.message"
    assert main(["set", str(copy), f"{REVENUE}.value=6300", f"{REVENUE}.period=2025",
                 f"{point}.zh={MESSAGE_ZH}", f"{point}.en={MESSAGE_EN}"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"{copy}: {REVENUE}.value: 6261 → 6300", f"{copy}: {REVENUE}.period: 2024 → 2025"]
    assert len(out) == 4 and out[3].endswith(f"→ {MESSAGE_EN}")
    edited = copy.read_text(encoding="utf-8").splitlines()
    differ = [(a.strip(), b.strip()) for a, b in zip(original, edited, strict=True) if a != b]
    assert [new for _, new in differ] == ["value: 6300", "period: '2025'", f"zh: {MESSAGE_ZH}", f"en: {MESSAGE_EN}"]
    assert main(["validate", str(copy)]) == 0
    capsys.readouterr()
    assert main(["facts", str(copy), "--format", "json"]) == 0
    record = next(r for r in json.loads(capsys.readouterr().out) if r["id"] == "industrial-revenue-2024")
    assert record["value"] == 6300 and record["period"] == "2025" and record["display"] == "6300亿元"


def test_a_figure_changed_without_its_message_is_refused(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = copy.read_bytes()
    assert main(["set", str(copy), f"{REVENUE}.value=6300"]) == 2
    err = capsys.readouterr().err.splitlines()
    line = next(i for i, row in enumerate(before.decode("utf-8").splitlines(), 1) if "zh: 2024年上饶规上" in row)
    assert err[0].startswith(f"{copy}:{line}:") and "6261 is not carried by the point's figures" in err[0]
    assert copy.read_bytes() == before


def test_set_text_enum_list_and_removal(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["set", str(copy), "entities.shangrao.name.en=Shangrao City", f"{REVENUE}.qualifier=about",
                 "charts.overview-kpis.items=industrial-revenue-2024,months-at-provincial-second",
                 "entities.songjiang.place="]) == 0
    text = copy.read_text(encoding="utf-8")
    assert "    name: {zh: 上饶, en: Shangrao City}\n" in text
    assert "        items: [industrial-revenue-2024, months-at-provincial-second]\n" in text
    songjiang = text[text.index("  - id: songjiang"):text.index("  - id: shanghai")]
    assert "place:" not in songjiang and f"{REVENUE}.qualifier: (none) → about" in capsys.readouterr().out


@pytest.mark.parametrize(("assignment", "message"), [
    (f"{REVENUE}.value=abc", "expected a number, got 'abc'"),
    (f"{REVENUE}.value=6300", "6261 is not carried"),  # a point's message quotes it
    (f"{REVENUE}.valu=1", "unknown field 'valu'"),
    ("metrics.no-such-metric.value=1", "no item with id 'no-such-metric'"),
    (f"{REVENUE}.qualifier=roughly", "expected one of exact, more_than, about, rank, top"),
    (f"{REVENUE}.label=Revenue", f"set {REVENUE}.label.zh and {REVENUE}.label.en"),
    (f"{REVENUE}.qualifier=rank", "qualifiers rank and top go with unit rank"),  # breaks a rule
    (f"{REVENUE}.unit=furlong", "expected one of"),
    (f"{REVENUE}.label.en=", "must not be empty"),
    ("entities.ningbo.id=ning-bo", "unknown id 'ningbo'"),  # references break
])
def test_bad_paths_and_values_are_one_line_and_leave_the_file(copy: Path, capsys: pytest.CaptureFixture[str],
                                                            assignment: str, message: str) -> None:
    before = copy.read_bytes()
    assert main(["set", str(copy), "metrics.pv-leader-suppliers.value=700", assignment]) == 2
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
