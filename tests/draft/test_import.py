"""`srbrief import`: a newer document proposes updates of the figures it restates; accepted ones are one edit."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.draft.update import assignments, propose
from srbrief.edit import Document
from srbrief.edit.assign import assignments_edit
from srbrief.resources import builtin_briefing_path

BULLETIN = Path(__file__).resolve().parent.parent / "data" / "bulletins" / "shangrao-bulletin-2025.txt"
EXPECTED = {"industrial-revenue-2024": 6288, "rd-intensity-provincial-rank": 2, "exports-total": 405.2}


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "briefing.yaml"
    shutil.copy(builtin_briefing_path(), target)
    return target


def test_the_bulletin_proposes_what_it_restates_and_nothing_else(copy: Path) -> None:
    doc = Document.open(copy)
    found = propose(doc.briefing, BULLETIN.read_text("utf-8"), "bulletin")
    assert {p.id: p.value for p in found.proposals} == EXPECTED  # 数字化诊所13家 is restated unchanged
    assert [f.written for f in found.new] == ["12家"]


def test_accepting_one_is_one_edit_that_undoes(copy: Path) -> None:
    doc = Document.open(copy)
    before = doc.text
    text = BULLETIN.read_text("utf-8")
    (copy.parent / "sources").mkdir()
    (copy.parent / "sources" / "bulletin.txt").write_text(text, "utf-8")
    found = propose(doc.briefing, text, "bulletin")
    accepted = [p for p in found.proposals if p.id == "exports-total"]
    edit, _ = assignments_edit(doc, assignments(found, accepted, "sources/bulletin.txt", doc.briefing))
    doc.apply(edit)
    metric = next(m for m in doc.briefing.metrics if m.id == "exports-total")
    assert (metric.value, metric.source.doc, metric.period) == (405.2, "bulletin", "2025")
    assert doc.undo() is not None and doc.text == before and doc.undo() is None


def test_import_accept_all_updates_the_deck(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(BULLETIN), "--into", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "industrial-revenue-2024: 6261亿元 (2024) → 6288亿元 (2024)" in out and "3 updates proposed" in out
    assert main(["import", str(BULLETIN), "--into", str(copy), "--accept", "all"]) == 0
    capsys.readouterr()
    assert (copy.parent / "sources" / BULLETIN.name).read_text("utf-8") == BULLETIN.read_text("utf-8")
    assert main(["facts", str(copy), "--format", "json"]) == 0
    records = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    for metric_id, value in EXPECTED.items():
        assert records[metric_id]["value"] == value and records[metric_id]["doc"] == "shangrao-bulletin-2025"
    deck = copy.parent / "deck.pptx"
    assert main(["export", str(copy), "-o", str(deck)]) == 0
    with zipfile.ZipFile(deck) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("ppt/slides/slide"))
    assert "6288" in xml and "6261" not in xml and "上饶市统计局" in xml


def test_an_id_not_proposed_is_refused(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = copy.read_bytes()
    assert main(["import", str(BULLETIN), "--into", str(copy), "--accept", "no-such-figure"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no update proposed for no-such-figure" in err
    assert copy.read_bytes() == before
