"""Editing in the app: edit, undo, redo, save, reopen; invalid edits refused; unsaved edits asked about and
kept in a recovery file that survives a killed process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from srbrief.edit import SetField
from srbrief.gui.files import BriefingSource
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.widgets import KpiCard
from srbrief.resources import builtin_briefing_path

RANK = "metrics.industrial-revenue-provincial-rank"  # on the overview; no message quotes the number


@pytest.fixture(autouse=True)
def _no_modal_dialogs(window: MainWindow) -> None:
    """A question would wait for a click that never comes: closing discards, any other question fails."""
    window.editing.choose_save = lambda: "discard"

    def unexpected(question: str) -> bool:
        raise AssertionError(f"unexpected question: {question}")

    window.editing.ask = unexpected


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path(), target)
    return target


@pytest.fixture
def editing(window: MainWindow, copy: Path) -> MainWindow:
    assert window.source.open(copy)
    return window


def rank(window: MainWindow) -> float:
    return float(window.briefing.find("industrial-revenue-provincial-rank").value)


def labels(window: MainWindow) -> str:
    """Return what the overview's cards say (their accessible names: label, number and unit)."""
    return " ".join(card.accessibleName() for card in window.panels[0].findChildren(KpiCard))


def set_rank(window: MainWindow, value: object) -> list:
    session = window.editing
    return session.apply(SetField(session.doc.target(f"{RANK}.value").path, value, label="rank"))


def test_edit_undo_redo_save_and_reopen(editing: MainWindow, copy: Path) -> None:
    window, original = editing, copy.read_text(encoding="utf-8")
    assert set_rank(window, 3) == []
    assert rank(window) == 3 and "第3位" in labels(window) and "第2位" not in labels(window)  # the panel follows
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    undo, redo = window.actions_["undo"], window.actions_["redo"]
    assert undo.isEnabled() and "rank" in undo.text() and not redo.isEnabled()
    undo.trigger()
    assert rank(window) == 2 and "第2位" in labels(window) and not window.isWindowModified()
    assert redo.isEnabled() and "rank" in redo.text()
    redo.trigger()
    assert rank(window) == 3 and window.isWindowModified()
    window.actions_["save"].trigger()
    assert not window.isWindowModified() and not window.actions_["save"].isEnabled()
    saved = copy.read_text(encoding="utf-8").splitlines()
    differ = [(i, a, b) for i, (a, b) in enumerate(zip(original.splitlines(), saved, strict=True)) if a != b]
    at = original.splitlines().index("      - id: industrial-revenue-provincial-rank")
    assert [(a, b) for _, a, b in differ] == [("        value: 2", "        value: 3")] and at < differ[0][0] < at + 6
    assert BriefingSource(copy).briefing.find("industrial-revenue-provincial-rank").value == 3  # reopened
    assert undo.isEnabled()  # saving keeps the history


def test_the_search_box_stays_after_edits_and_a_language_switch(editing: MainWindow, qtbot) -> None:
    def shown_after_the_buttons() -> bool:
        last = editing.toolbar.widgetForAction(editing.actions_["language"])
        box = editing.search_box
        return box.isVisible() and box.width() > 100 and box.x() >= last.geometry().right()

    assert shown_after_the_buttons()
    assert set_rank(editing, 3) == []
    editing.toggle_language()
    qtbot.wait(50)
    assert shown_after_the_buttons() and len(editing.toolbar.actions()) == 8


def test_an_invalid_edit_is_refused_and_cannot_be_saved(editing: MainWindow, copy: Path) -> None:
    before = copy.read_bytes()
    session = editing.editing
    problems = session.apply(SetField(session.doc.target("metrics.industrial-revenue-2024.qualifier").path, "rank"))
    assert problems and "qualifiers rank and top go with unit rank" in problems[0].message
    assert str(problems[0]).startswith(f"{copy}:")
    assert not editing.isWindowModified() and not editing.actions_["save"].isEnabled()
    assert not editing.actions_["undo"].isEnabled() and session.stack.count() == 0
    assert session.save() and copy.read_bytes() == before


def test_the_built_in_briefing_is_saved_as_a_copy(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "my-copy.yaml"
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]) or str(target), ""))
    builtin = builtin_briefing_path().read_bytes()
    assert set_rank(window, 3) == []
    window.actions_["save"].trigger()
    assert asked and asked[0].endswith("shangrao-manufacturing-2025.yaml") and Path(asked[0]).parent != \
        builtin_briefing_path().parent
    assert builtin_briefing_path().read_bytes() == builtin
    assert window.source.path == target and not window.isWindowModified()
    assert BriefingSource(target).briefing.find("industrial-revenue-provincial-rank").value == 3


def test_closing_with_unsaved_edits_asks(editing: MainWindow, copy: Path) -> None:
    window = editing
    assert set_rank(window, 3) == []
    window.editing.choose_save = lambda: "cancel"
    assert not window.close() and window.isVisible()
    window.editing.choose_save = lambda: "save"
    assert window.close()
    assert BriefingSource(copy).briefing.find("industrial-revenue-provincial-rank").value == 3


def test_an_outside_change_with_unsaved_edits_asks(editing: MainWindow, copy: Path, qtbot) -> None:
    window = editing
    assert set_rank(window, 3) == []
    questions: list[str] = []
    window.editing.ask = lambda q: questions.append(q) is not None  # "no": keep my edits
    theirs = copy.read_text(encoding="utf-8").replace("zh: 上饶制造强市简报", "zh: 他们的标题", 1)
    copy.write_text(theirs, encoding="utf-8")
    window.source.reload()
    assert questions and str(copy) in questions[0]
    assert rank(window) == 3 and window.isWindowModified()  # the edits are still shown
    window.editing.ask = lambda q: True
    window.actions_["save"].trigger()  # asks before overwriting their change; "yes"
    assert BriefingSource(copy).briefing.find("industrial-revenue-provincial-rank").value == 3
    assert "他们的标题" not in copy.read_text(encoding="utf-8")


KILLED_SESSION = """
import os, signal, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication
QCoreApplication.setOrganizationName("srbrief-tests")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication([])
from srbrief.edit import SetField
from srbrief.gui.files import BriefingSource
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.widgets import KpiCard
from srbrief.paths import recovery_dir
window = MainWindow(BriefingSource(Path(sys.argv[1])), "zh")
window.persist_settings = False
doc = window.editing.doc
assert window.editing.apply(SetField(doc.target("metrics.industrial-revenue-provincial-rank.value").path, 3)) == []
def kill_once_kept():
    if list(recovery_dir().glob("*.json")):
        print("kept", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
timer = QTimer(interval=100)
timer.timeout.connect(kill_once_kept)
timer.start()
QTimer.singleShot(20000, app.quit)
app.exec()
"""


def test_the_recovery_file_restores_edits_after_a_kill(window: MainWindow, copy: Path, tmp_path: Path) -> None:
    original = copy.read_bytes()
    result = subprocess.run([sys.executable, "-c", KILLED_SESSION, str(copy), str(tmp_path / "settings")],
                            capture_output=True, text=True, timeout=120, env=os.environ.copy())
    assert result.returncode == -9 and "kept" in result.stdout, result.stderr
    assert copy.read_bytes() == original  # nothing was saved
    questions: list[str] = []
    window.editing.ask = lambda q: questions.append(q) is None
    assert window.editing.offer_recovery()
    assert str(copy) in questions[0]
    assert window.source.path == copy and rank(window) == 3 and window.isWindowModified()
    window.actions_["undo"].trigger()  # the restore is an edit like any other
    assert rank(window) == 2


def test_new_briefing_starts_from_a_valid_skeleton(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    from srbrief.model import load_briefing

    target = tmp_path / "fresh.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_["new"].trigger()
    assert load_briefing(target).id == "new-briefing"
    assert window.source.path == target and window.briefing.title.en == "New briefing"
    assert window.editing.edit_mode and window.editing.form is not None
    assert window.editing.form.item_id == "overview"
    assert "# A new briefing" in target.read_text(encoding="utf-8")  # the comments come along


def test_reloading_with_unsaved_edits_asks_first(editing: MainWindow, copy: Path) -> None:
    window = editing
    assert set_rank(window, 3) == []
    window.editing.choose_save = lambda: "cancel"
    window.actions_["reload"].trigger()
    assert rank(window) == 3 and window.isWindowModified()  # stayed
    window.editing.choose_save = lambda: "discard"
    window.actions_["reload"].trigger()
    assert rank(window) == 2 and not window.isWindowModified() and not window.actions_["undo"].isEnabled()
    assert BriefingSource(copy).briefing.find("industrial-revenue-provincial-rank").value == 2


def test_an_edit_redraws_only_the_charts_whose_data_changed(editing: MainWindow, qtbot, monkeypatch) -> None:
    """After an edit the panels are rebuilt; a chart that does not show the edited figure is not drawn again."""
    import srbrief.charts

    theme = next(i for i, s in enumerate(editing.briefing.sections) if s.id == "theme-2")
    editing.nav.setCurrentRow(theme)
    editing.current_panel().draw_charts()
    drawn: list[str] = []
    real = srbrief.charts.draw_chart
    monkeypatch.setattr(srbrief.charts, "draw_chart", lambda fig, b, chart, *a, **k: (drawn.append(chart.id),
                                                                                       real(fig, b, chart, *a, **k)))
    session = editing.editing
    assert session.apply(SetField(session.doc.target("metrics.national-5g-factories-2024.value").path, 8)) == []
    qtbot.waitUntil(lambda: all(v.drawn for v in editing.current_panel().charts), timeout=10000)
    assert "t2-gains" not in drawn  # its figures did not change: its drawing was kept
    assert session.apply(SetField(session.doc.target("metrics.pv-order-processing-gain.value").path, 11)) == []
    qtbot.waitUntil(lambda: all(v.drawn for v in editing.current_panel().charts), timeout=10000)
    assert "t2-gains" in drawn  # it shows the edited figure: drawn again
