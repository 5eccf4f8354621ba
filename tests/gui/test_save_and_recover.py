"""The app never loses an edit: a failed save (also when closing) says why and keeps the window open, dirty
and the edits in the recovery file; recovered edits whose file changed since are a comparison, those of a
vanished file are saved under a new name; SIGTERM keeps the edits and quits within a second."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from srbrief.edit import SetField
from srbrief.edit.recovery import find_recoveries, write_recovery
from srbrief.gui.mainwindow import MainWindow
from srbrief.paths import recovery_dir
from tests.conftest import MINIMAL


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "mine.yaml"
    target.write_text(MINIMAL, encoding="utf-8")
    return target


@pytest.fixture
def editing(window: MainWindow, copy: Path) -> Iterator[MainWindow]:
    assert window.source.open(copy)
    window.editing.choose_save = lambda: "save"

    def unexpected(question: str) -> bool:
        raise AssertionError(f"unexpected question: {question}")

    window.editing.ask = unexpected
    yield window
    window.editing.choose_save = lambda: "discard"  # closing at the end of the test


def edit_label(window: MainWindow, value: str) -> None:
    session = window.editing
    assert session.apply(SetField(session.doc.target("metrics.revenue.label.en").path, value)) == []


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a: said.append(f"{title}: {text}"))
    return said


def test_a_failed_save_says_why_and_keeps_everything(editing: MainWindow, copy: Path,
                                                     warnings: list[str]) -> None:
    edit_label(editing, "Changed")
    copy.chmod(0o444)
    assert not editing.editing.save()
    assert len(warnings) == 1 and "read-only" in warnings[0]
    assert editing.isWindowModified() and copy.read_text(encoding="utf-8") == MINIMAL
    [kept] = find_recoveries()
    assert "Changed" in kept.text


def test_closing_with_a_failing_save_keeps_the_window_open(editing: MainWindow, copy: Path,
                                                           warnings: list[str]) -> None:
    edit_label(editing, "Changed")
    copy.parent.chmod(0o555)  # the folder: no temporary file can be made (the file itself is writable)
    copy.chmod(0o444)
    try:
        assert not editing.close()
    finally:
        copy.parent.chmod(0o755)
    assert editing.isVisible() and editing.isWindowModified() and warnings
    assert "Changed" in find_recoveries()[0].text


def test_new_briefing_into_a_read_only_folder_says_why(window: MainWindow, tmp_path: Path,
                                                       warnings: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "new.yaml").write_text("x")
    (folder / "new.yaml").chmod(0o444)
    folder.chmod(0o555)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(folder / "sub" / "new.yaml"), ""))
    try:
        assert not window.editing.new_briefing()
    finally:
        folder.chmod(0o755)
    assert warnings


def test_recovery_of_a_changed_file_is_a_comparison(editing: MainWindow, copy: Path) -> None:
    write_recovery(copy, MINIMAL.replace("Industrial revenue", "Mine"), copy.read_bytes())
    copy.write_text(MINIMAL.replace("Suppliers", "Theirs"), encoding="utf-8")  # another program, since
    asked: list[tuple[str, str]] = []
    editing.editing.choose_recovery = lambda q, diff: asked.append((q, diff)) or "disk"
    assert not editing.editing.offer_recovery()
    assert "Mine" in asked[0][1] and "Theirs" in asked[0][1]
    assert "Theirs" in copy.read_text(encoding="utf-8") and find_recoveries() == []
    write_recovery(copy, MINIMAL.replace("Industrial revenue", "Mine"), MINIMAL.encode())
    editing.editing.choose_recovery = lambda q, diff: "mine"
    assert editing.editing.offer_recovery()
    assert editing.briefing.find("revenue").label.en == "Mine" and editing.isWindowModified()


def test_recovery_of_a_vanished_file_offers_save_as(editing: MainWindow, copy: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    gone = tmp_path / "gone.yaml"
    write_recovery(gone, MINIMAL.replace("Industrial revenue", "Mine"), MINIMAL.encode())
    target = tmp_path / "rescued.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    editing.editing.ask = lambda question: str(gone) in question
    assert editing.editing.offer_recovery()
    assert "Mine" in target.read_text(encoding="utf-8") and editing.source.path == target
    assert find_recoveries() == []


def test_a_recovery_too_large_or_invalid_is_never_restored(editing: MainWindow, copy: Path,
                                                           warnings: list[str]) -> None:
    write_recovery(copy, "not: [a briefing", copy.read_bytes())
    editing.editing.ask = lambda question: True
    assert not editing.editing.offer_recovery()
    assert warnings and editing.briefing.find("revenue").label.en == "Industrial revenue"


SIGTERM_SESSION = """
import os, signal, sys, time
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
from srbrief.edit import SetField
from srbrief.gui.files import BriefingSource
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.signals import QuitOnSignal
window = MainWindow(BriefingSource(Path(sys.argv[1])), "en")
window.persist_settings = False
window.show()
doc = window.editing.doc
assert window.editing.apply(SetField(doc.target("metrics.revenue.label.en").path, "Unsaved")) == []
quitter = QuitOnSignal(app, window.editing.quit_now)
sent = []
def kill():
    sent.append(time.monotonic())
    os.kill(os.getpid(), signal.SIGTERM)
QTimer.singleShot(300, kill)
QTimer.singleShot(350, lambda: QMessageBox.question(window, "a dialog", "still open?"))  # a modal dialog too
code = app.exec()
print(code, round(time.monotonic() - sent[0], 2), flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_keeps_the_edits_and_quits_within_a_second(copy: Path) -> None:
    result = subprocess.run([sys.executable, "-c", SIGTERM_SESSION, str(copy)], capture_output=True, text=True,
                            timeout=120, env=os.environ.copy())
    code, seconds = result.stdout.split()
    assert int(code) == 128 + signal.SIGTERM and float(seconds) < 1.0, result.stderr
    assert copy.read_text(encoding="utf-8") == MINIMAL
    [kept] = find_recoveries()
    assert "Unsaved" in kept.text and kept.source == copy.resolve()
    assert recovery_dir().is_dir()


def test_the_real_app_exits_on_sigterm(copy: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    proc = subprocess.Popen([sys.executable, "-m", "srbrief", "gui", str(copy)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(4)
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(timeout=10)
    assert time.monotonic() - sent < 1.5 and code == 128 + signal.SIGTERM
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()
    shutil.rmtree(tmp_path / "cfg", ignore_errors=True)


def test_our_own_save_is_not_news_from_the_disk(editing: MainWindow, copy: Path, qtbot) -> None:
    """The tester saw "文件已改动，已自动重新载入" right after her own Ctrl+S: the watcher saw the atomic save.
    Our own save is not reloaded; a change by another program still is."""
    from srbrief.gui.i18n import tr

    loads: list[bool] = []
    editing.source.changed.connect(loads.append)
    edit_label(editing, "Revenue, saved")
    assert editing.editing.save()
    qtbot.wait(900)  # the watcher's news and the 300 ms settling
    assert loads == [] and editing.statusBar().currentMessage() != tr("changed_on_disk", editing.lang)
    copy.write_text(copy.read_text(encoding="utf-8").replace("Revenue, saved", "Revenue, theirs"), encoding="utf-8")
    qtbot.waitUntil(lambda: loads == [True], timeout=3000)
    assert editing.statusBar().currentMessage() == tr("changed_on_disk", editing.lang)
    assert editing.briefing.index["revenue"].label.en == "Revenue, theirs"
