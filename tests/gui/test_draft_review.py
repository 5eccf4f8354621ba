"""The app's side of drafting: New from article → review → export; Update from a newer document → one undo."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from srbrief.draft.review import DRAFT_MARK, delete_edit
from srbrief.edit import Document
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.review import ImportDialog, ReviewDialog
from srbrief.model import BriefingError
from srbrief.model.units import format_value
from srbrief.resources import builtin_briefing_path

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLE = DATA / "articles" / "jiujiang-port-2025.txt"
BULLETIN = DATA / "bulletins" / "shangrao-bulletin-2025.txt"


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "show", lambda self: shown.append(self.text()))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)  # closed at once
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    return shown


def _files(monkeypatch: pytest.MonkeyPatch, open_name: Path, save_name: Path | None = None) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(open_name), ""))
    if save_name is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(save_name), ""))


def _draft(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> ReviewDialog:
    _files(monkeypatch, ARTICLE, tmp_path / "draft.yaml")
    window.actions_["new_from_article"].trigger()  # drafted off the GUI thread, with a progress dialog
    qtbot.waitUntil(lambda: not window.jobs, timeout=20000)
    dialog = window.review_dialog
    assert isinstance(dialog, ReviewDialog) and dialog.isVisible()
    return dialog


def _slides_xml(deck: Path) -> str:
    with zipfile.ZipFile(deck) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("ppt/slides/slide"))


def test_new_from_article_then_accept_all_then_export(window: MainWindow, tmp_path: Path, qtbot,
                                                      monkeypatch: pytest.MonkeyPatch, warnings: list[str]) -> None:
    dialog = _draft(window, tmp_path, monkeypatch, qtbot)
    assert window.source.path == tmp_path / "draft.yaml" and window.editing.edit_mode
    assert (tmp_path / "sources" / ARTICLE.name).is_file()
    rows = dialog.list.items()
    assert len(rows) == len(window.briefing.metrics) == 19
    assert [rows[0].text(c) for c in range(3)] == ["1.46亿吨", "九江港完成货物吞吐量", "九江港完成货物吞吐量1.46亿吨"]
    deck = tmp_path / "draft-zh.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(deck), ""))
    window.actions_["export_pptx"].trigger()  # not yet reviewed: refused, with the reason
    assert not window.jobs and not deck.exists() and "核对草稿数据" in warnings[-1]
    dialog.accept_all_button.click()
    assert not dialog.isVisible() and DRAFT_MARK not in window.briefing.subtitle.zh
    assert len(window.briefing.metrics) == 19 and window.editing.modified
    assert window.editing.save()
    window.actions_["export_pptx"].trigger()
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)
    assert deck.is_file() and str(deck) in warnings[-1]
    xml = _slides_xml(deck)
    shown = [format_value(m, "zh") for m in window.briefing.metrics]
    assert "1.46" in xml and sum(text.replace("\u00a0", "") in xml.replace("\u00a0", "") for text in shown) >= 10
    assert DRAFT_MARK not in xml
    # the English deck waits for the translation: the app lists the texts still marked [translate]
    window.actions_["language"].trigger()
    english = tmp_path / "draft-en.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(english), ""))
    window.actions_["export_pptx"].trigger()
    assert not window.jobs and not english.exists()
    assert "English translation" in warnings[-1] and "• " in warnings[-1]


def test_accept_selected_deletes_the_unchecked_figure(window: MainWindow, tmp_path: Path, qtbot,
                                                      monkeypatch: pytest.MonkeyPatch, warnings: list[str]) -> None:
    dialog = _draft(window, tmp_path, monkeypatch, qtbot)
    cited, free = [], []
    for metric in window.briefing.metrics:  # a figure the storyline cites cannot go alone; one it does not can
        doc = Document.open(tmp_path / "draft.yaml")
        try:
            doc.apply(delete_edit(doc, [metric.id]))
            free.append(metric.id)
        except BriefingError:
            cited.append(metric.id)
    assert free and cited
    dialog.list.set_checked(cited[0], False)
    assert not dialog.accept_selected()  # refused: the storyline still cites it; nothing changed, and said so
    assert dialog.isVisible() and len(window.briefing.metrics) == 19 and DRAFT_MARK in window.briefing.subtitle.zh
    assert f"{{{cited[0]}}} refers to no figure" in warnings[-1]  # where the storyline cites it
    dialog.list.set_checked(cited[0], True)
    dialog.list.set_checked(free[0], False)
    assert dialog.accept_selected()
    assert free[0] not in {m.id for m in window.briefing.metrics} and len(window.briefing.metrics) == 18
    assert DRAFT_MARK not in window.briefing.subtitle.zh
    window.editing.undo()  # one undo: the figure and the mark are back
    assert len(window.briefing.metrics) == 19 and DRAFT_MARK in window.briefing.subtitle.zh


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "briefing.yaml"
    shutil.copy(builtin_briefing_path(), target)
    return target


def test_update_from_a_newer_document_accept_one_then_undo(window: MainWindow, copy: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          warnings: list[str]) -> None:
    assert window.source.open(copy)
    _files(monkeypatch, BULLETIN)
    window.actions_["update_from_document"].trigger()
    dialog = window.review_dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    assert sorted(dialog.list.keys(checked=True)) == ["exports-total", "industrial-revenue-2024",
                                                      "rd-intensity-provincial-rank"]
    row = next(i for i in dialog.list.items() if i.text(1).startswith("6261"))
    assert "→ 6288" in row.text(1) and row.text(2) != row.text(3)  # old → new, both clauses
    for metric_id in ("industrial-revenue-2024", "rd-intensity-provincial-rank"):
        dialog.set_checked(metric_id, False)
    depth = window.editing.state.depth
    assert dialog.apply_checked() and not dialog.isVisible()
    metric = next(m for m in window.briefing.metrics if m.id == "exports-total")
    assert (metric.value, metric.source.doc) == (405.2, "shangrao-bulletin-2025")
    assert next(m for m in window.briefing.metrics if m.id == "industrial-revenue-2024").value == 6261
    assert "shangrao-bulletin-2025" in {d.id for d in window.briefing.sources}
    assert window.editing.state.depth == depth + 1  # one edit
    window.actions_["undo"].trigger()
    metric = next(m for m in window.briefing.metrics if m.id == "exports-total")
    assert metric.value != 405.2 and metric.source.doc != "shangrao-bulletin-2025"
    assert "shangrao-bulletin-2025" not in {d.id for d in window.briefing.sources}
    assert not window.editing.modified and not warnings


def test_update_of_the_builtin_briefing_says_to_copy_it(window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                                       warnings: list[str]) -> None:
    _files(monkeypatch, BULLETIN)
    window.actions_["update_from_document"].trigger()
    dialog = window.review_dialog
    assert isinstance(dialog, ImportDialog)
    assert not dialog.apply_checked() and "另存为" in warnings[-1]
    assert not window.editing.modified


def test_reviewing_a_briefing_that_is_no_draft_changes_nothing(window: MainWindow, warnings: list[str]) -> None:
    window.actions_["review_draft"].trigger()
    dialog = window.review_dialog
    stated = [m for m in window.briefing.metrics if m.derived is None]  # a computed figure has no clause to check
    assert isinstance(dialog, ReviewDialog) and dialog.list.topLevelItemCount() == len(stated) < 52
    assert dialog.note.text() == "草稿已接受，可以导出。"
    assert dialog.accept_all() and not window.editing.modified and not warnings


def test_odd_files_are_message_boxes(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     warnings: list[str], qtbot) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", "utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    for bad in (empty, binary, tmp_path / "missing.txt"):
        _files(monkeypatch, bad, tmp_path / "d.yaml")
        window.actions_["new_from_article"].trigger()
        qtbot.waitUntil(lambda: not window.jobs, timeout=20000)
        assert window.review_dialog is None and not (tmp_path / "d.yaml").exists()
    _files(monkeypatch, binary)
    window.actions_["update_from_document"].trigger()
    assert window.review_dialog is None
    assert len(warnings) == 4 and "no text" in warnings[0] and "UTF-8" in warnings[1]


def test_a_long_article_drafts_off_the_gui_thread(window: MainWindow, tmp_path: Path, qtbot,
                                                  monkeypatch: pytest.MonkeyPatch, warnings: list[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text((ARTICLE.read_text("utf-8") * 500)[:199_000], "utf-8")  # thousands of figures: refused
    _files(monkeypatch, big, tmp_path / "big.yaml")
    window.actions_["new_from_article"].trigger()
    assert window.jobs  # the action returned at once; the draft goes on in its thread
    window.nav.setCurrentRow(2)  # and the window answers meanwhile
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)
    assert "a draft takes at most 1000" in warnings[-1] and not (tmp_path / "big.yaml").exists()
