"""``srbrief refresh``: bad input is one line and exit 2 with no output file; -o may name the deck itself
(replaced atomically); --help documents the exit codes. (The refresh itself: tests/deck/test_refresh.py.)"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.cli import build_parser, main
from srbrief.deck import bindings, oxml, refresh
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path
from tests.deck.conftest import SIX_THEMES


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("refresh-cli") / "deck.pptx"
    assert main(["export", "-o", str(target), "--lang", "en"]) == 0
    return target


def one_line_error(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("srbrief: "), err
    assert all(w in err[0] for w in words), err
    return err[0]


@pytest.fixture
def recent(tmp_path: Path) -> Callable[[list[str]], None]:
    """Point the app's settings at a temporary folder; return a function that sets its recent files."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("srbrief-tests")
    QCoreApplication.setApplicationName("srbrief-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return lambda paths: QSettings().setValue("recent", paths)


def test_the_deck_records_its_language_briefing_and_export_time(deck: Path) -> None:
    meta, slides = bindings.recorded(Presentation(str(deck)))
    assert meta["lang"] == "en" and meta["briefing"] == "shangrao-manufacturing-2025"
    assert meta["exported"][:2] == "20" and len(meta["briefing-sha256"]) == 64
    assert meta["briefing-sha256"] == hashlib.sha256(builtin_briefing_path().read_bytes()).hexdigest()
    assert [s.key for s in slides][:2] == ["title", "overview-scale"]
    assert "metric:industrial-revenue-2024" in slides[1].shapes and "notes" in slides[1].shapes


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.write_text("not a deck"), ("not a PowerPoint deck",)),
    (lambda p: Presentation().save(str(p)), ("not a deck exported by srbrief",)),
])
def test_bad_decks_are_one_line_and_no_output(make, words: tuple[str, ...], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "in.pptx", tmp_path / "out.pptx"
    make(source)
    assert main(["refresh", str(source), "-o", str(target)]) == 2
    one_line_error(capsys, str(source), *words)
    assert not target.exists()


def test_another_briefing_a_missing_deck_and_a_bad_output_are_refused(deck: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.pptx"
    assert main(["refresh", str(deck), str(SIX_THEMES), "-o", str(target)]) == 2
    one_line_error(capsys, "'shangrao-manufacturing-2025', not 'six-themes'")
    assert main(["refresh", str(tmp_path / "nowhere.pptx"), "-o", str(target)]) == 2
    one_line_error(capsys, "no such deck")
    assert main(["refresh", str(deck), "-o", str(tmp_path / "out.pdf")]) == 2
    one_line_error(capsys, "must end in .pptx")
    assert not target.exists() and not (tmp_path / "out.pdf").exists()


def test_output_may_be_the_deck_itself(deck: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own = tmp_path / "own.pptx"
    own.write_bytes(deck.read_bytes())
    assert main(["refresh", str(own), "-o", str(own)]) == 0  # nothing changed in the briefing: exit 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2] == "0 updated, 0 conflicts kept, 0 left alone, 0 new in the briefing (not inserted)"
    assert out[-1].startswith(f"{own}: refreshed from ")
    meta, _ = bindings.recorded(Presentation(str(own)))
    assert meta["refreshed"] >= meta["exported"]
    assert not list(tmp_path.glob(".srbrief-*"))  # the atomic write left no temporary file


def test_help_documents_the_exit_codes() -> None:
    sub = next(a for a in build_parser()._subparsers._group_actions if a.dest == "command")  # type: ignore[union-attr]
    text = sub.choices["refresh"].format_help()
    assert "--take-briefing" in text and "exit codes: 0" in text and "3 " in text and "2 bad input" in text
    assert "the deck's language" in " ".join(text.split()) and "recent files" in text


def test_the_deck_records_the_briefing_file_by_name_only(tmp_path: Path) -> None:
    """Decks are handed around: no property names the folder of the briefing (nor the user's home)."""
    folder = tmp_path / "简报" / "home-of-someone"
    folder.mkdir(parents=True)
    mine = folder / "mine.yaml"
    mine.write_bytes(SIX_THEMES.read_bytes())
    deck = tmp_path / "deck.pptx"
    assert main(["export", str(mine), "-o", str(deck)]) == 0
    values = oxml.custom_properties(Presentation(str(deck)).part.package)
    assert values["srbrief.briefing-file"] == "mine.yaml"
    assert values["srbrief.briefing-sha256"] == hashlib.sha256(mine.read_bytes()).hexdigest()
    assert not [v for v in values.values() if "home-of-someone" in v or str(tmp_path) in v or v.startswith("/")]


def test_without_briefing_the_file_is_found_by_name_beside_the_deck_or_among_recent_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], recent: Callable[[list[str]], None]) -> None:
    elsewhere, decks = tmp_path / "简报", tmp_path / "decks"
    elsewhere.mkdir()
    decks.mkdir()
    mine = elsewhere / "mine.yaml"
    mine.write_bytes(SIX_THEMES.read_bytes())
    deck, target = decks / "deck.pptx", tmp_path / "out.pptx"
    assert main(["export", str(mine), "-o", str(deck), "--lang", "en"]) == 0
    capsys.readouterr()
    recent([str(tmp_path / "other" / "mine.yaml"), str(SIX_THEMES)])  # not there; another name
    assert main(["refresh", str(deck), "-o", str(target)]) == 2  # not the built-in briefing: refused, named
    one_line_error(capsys, str(deck), "mine.yaml", "neither beside the deck nor among the app's recent files")
    assert not target.exists()
    recent([str(SIX_THEMES), str(mine)])  # the app opened it lately
    assert main(["refresh", str(deck), "-o", str(target)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{target}: refreshed from {mine} (en)"
    beside = decks / "mine.yaml"
    beside.write_bytes(mine.read_bytes())  # a copy beside the deck comes first
    assert main(["refresh", str(deck), "-o", str(target)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{target}: refreshed from {beside} (en)"


def test_the_report_speaks_the_decks_language_unless_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "deck.pptx"
    assert main(["export", "-o", str(deck)]) == 0  # a Chinese deck of the built-in briefing
    assert main(["refresh", str(deck), "-o", str(tmp_path / "out.pptx")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2] == "更新 0 处，保留冲突 0 处，未改动 0 处，简报中新增 0 项（未插入）"
    assert out[-1] == f"{tmp_path / 'out.pptx'}：已按 {builtin_briefing_path()} 刷新（zh）"
    assert main(["refresh", str(deck), "-o", str(tmp_path / "out.pptx"), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[-2].startswith("0 updated, 0 conflicts kept")


def test_a_path_an_older_deck_recorded_is_cut_to_its_name(deck: Path, tmp_path: Path) -> None:
    """An older srbrief recorded the briefing's absolute path: the file is still found by its name, and the
    refreshed deck keeps only the name (also when the app refreshes from the built-in briefing, naming no file)."""
    older, target = tmp_path / "older.pptx", tmp_path / "out.pptx"
    prs = Presentation(str(deck))
    values = oxml.custom_properties(prs.part.package)
    path = "/home/someone/简报/" + builtin_briefing_path().name
    oxml.set_custom_properties(prs.part.package, {**values, "srbrief.briefing-file": path}, "srbrief.")
    prs.save(str(older))
    assert refresh.recorded_briefing(older) == builtin_briefing_path().name
    refresh.refresh_file(older, load_briefing(builtin_briefing_path()), target)  # no briefing file named
    meta, _ = bindings.recorded(Presentation(str(target)))
    assert meta["briefing-file"] == builtin_briefing_path().name and "someone" not in str(meta)
