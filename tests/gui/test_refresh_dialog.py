"""File → Refresh a deck…: the dialog lists the conflicts of an edited deck, replaces the ticked ones and shows
the report; a bad deck is one line in the dialog."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pptx import Presentation
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from srbrief.cli import main
from srbrief.deck import bindings
from srbrief.gui.i18n import tr
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.refresh import RefreshDialog
from srbrief.gui.workers import ExportJob
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path
from tests.deck.conftest import SIX_THEMES
from tests.deck.refresh_edits import BULLETIN, REWRITTEN, find, update_briefing

REVENUE = "metrics.industrial-revenue-2024"


@pytest.fixture
def older_deck(tmp_path: Path) -> Path:
    """A deck exported when the briefing said 6300 (from a bulletin), whose lead title a colleague rewrote; the
    app's briefing (the built-in one) says 6261."""
    other = tmp_path / "other.yaml"
    clause = "{doc: bulletin-2025, clause: 营业收入6300亿元}"
    update_briefing(builtin_briefing_path(), other, [BULLETIN, f"{REVENUE}.value=6300", f"{REVENUE}.source={clause}"])
    deck = tmp_path / "deck.pptx"
    assert main(["export", str(other), "-o", str(deck)]) == 0
    prs = Presentation(str(deck))
    slide = prs.slides[find(prs, f"metric:{REVENUE.split('.')[1]}")[0]]
    runs = slide.shapes.title.text_frame.paragraphs[0].runs
    runs[0].text = REWRITTEN
    for run in runs[1:]:
        run.text = ""
    prs.save(str(deck))
    return deck


def _open_dialog(window: MainWindow) -> RefreshDialog:
    action = window.actions_["refresh_deck"]
    assert action.text() == tr("refresh_deck", "zh")
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    action.trigger()
    dialog = window.findChild(RefreshDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_dialog_lists_the_conflict_and_replaces_it_when_ticked(window: MainWindow, older_deck: Path,
                                                                   tmp_path: Path, qtbot,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    before = older_deck.read_bytes()
    target = tmp_path / "refreshed.pptx"
    folders: list[str] = []  # the folder each open dialog starts in
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda _p, _c, folder, _f: (folders.append(folder),
                                                                                    (str(older_deck), ""))[1])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    QSettings().setValue("export_dir", str(tmp_path / "exports"))
    dialog = _open_dialog(window)
    dialog.choose_deck()
    qtbot.waitUntil(dialog.save.isEnabled, timeout=60000)
    assert dialog.conflicts.count() == 1
    item = dialog.conflicts.item(0)
    assert "title" in item.text() and REWRITTEN[:10] in item.text() and "6261" in item.text()
    assert item.checkState() == Qt.CheckState.Unchecked  # the user's text stays unless ticked
    lines = dialog.report.toPlainText().splitlines()  # the report in the app's language, Chinese
    title = next(line for line in lines if "[overview-scale] title" in line)
    assert title.startswith("第") and "：冲突，保留了手工改写的文字：“" + REWRITTEN[:10] in title
    assert "6300亿元” → “6261亿元" in dialog.report.toPlainText().replace(" 2024年 规上工业营业收入", "")
    assert lines[-1].startswith("更新 ") and "保留冲突 1 处" in lines[-1] and "--take-briefing" not in lines[-1]
    assert not any(word in dialog.report.toPlainText() for word in ("updated", "conflict", "slide "))
    assert not target.exists()  # trying writes nothing
    item.setCheckState(Qt.CheckState.Checked)
    dialog.choose_target()
    qtbot.waitUntil(lambda: target.exists() and "冲突，已换成简报的文字" in dialog.report.toPlainText(), timeout=60000)
    assert dialog.status.text() == tr("refresh_saved", "zh", file=str(target))
    prs = Presentation(str(target))
    slide = prs.slides[find(prs, "metric:industrial-revenue-2024")[0]]
    assert "6261亿元" in slide.shapes.title.text_frame.text and REWRITTEN not in slide.shapes.title.text_frame.text
    assert "6261亿元" in find(prs, "metric:industrial-revenue-2024")[1].text_frame.text
    assert older_deck.read_bytes() == before  # the deck itself is never changed
    # the chooser started where decks are exported, and next time starts where this deck came from
    dialog.choose_deck()
    assert folders == [str(tmp_path / "exports"), str(older_deck.parent)]
    qtbot.waitUntil(dialog.save.isEnabled, timeout=60000)  # (the deck is tried again: let it finish)


def test_a_deck_srbrief_did_not_export_is_one_line(window: MainWindow, tmp_path: Path, qtbot) -> None:
    plain = tmp_path / "plain.pptx"
    Presentation().save(str(plain))
    dialog = _open_dialog(window)
    dialog.load_deck(plain)
    qtbot.waitUntil(lambda: "not a deck exported by srbrief" in dialog.status.text(), timeout=30000)
    assert not dialog.save.isEnabled() and dialog.conflicts.count() == 0


def test_the_apps_export_records_the_briefing_file_by_name(tmp_path: Path) -> None:
    """A deck exported in the app names its briefing file (for ``srbrief refresh`` to find it), not its folder."""
    folder = tmp_path / "简报"
    folder.mkdir()
    source, target = folder / "mine.yaml", tmp_path / "deck.pptx"
    source.write_bytes(SIX_THEMES.read_bytes())
    job = ExportJob("pptx", load_briefing(source), "en", target, source)
    job.run()  # in this thread
    meta, _ = bindings.recorded(Presentation(str(target)))
    assert meta["briefing-file"] == "mine.yaml" and meta["briefing"] == "six-themes"
    assert meta["briefing-sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert not any(str(folder) in value for value in meta.values())
