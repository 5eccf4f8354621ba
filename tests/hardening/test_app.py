"""The app: the watcher survives delete-and-recreate, a crash on reload keeps the last good data, corrupt
settings are ignored, export errors name the log, a painter is never left active, and batch modes exit 1 on an
exception instead of hanging (issue 11, items 6, 13, 14 and 15)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import MINIMAL


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("srbrief-tests")
    QCoreApplication.setApplicationName("srbrief-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


def _window(qtbot, path: Path | None = None, lang: str | None = "zh"):
    from srbrief.gui.files import BriefingSource
    from srbrief.gui.mainwindow import MainWindow
    from srbrief.gui.qtfonts import register_fonts

    register_fonts()
    win = MainWindow(BriefingSource(path), lang)
    qtbot.addWidget(win)
    win.show()
    return win


def test_watcher_survives_a_file_deleted_and_recreated_later(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    win = _window(qtbot, path)
    path.unlink()
    qtbot.waitUntil(win.banner.isVisible, timeout=5000)  # "no such file": the last good data stays
    qtbot.wait(800)  # longer than the debounce: the file watch is gone with the file
    path.write_text(MINIMAL.replace("en: Mini briefing", "en: Back again"), encoding="utf-8")
    qtbot.waitUntil(lambda: win.briefing.title.en == "Back again", timeout=5000)
    assert not win.banner.isVisible()
    path.write_text(MINIMAL.replace("en: Mini briefing", "en: Edited later"), encoding="utf-8")
    qtbot.waitUntil(lambda: win.briefing.title.en == "Edited later", timeout=5000)  # the watch is re-armed


def test_an_internal_error_on_reload_keeps_the_data_and_logs(qtbot, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    win = _window(qtbot, path)
    before = win.briefing

    def broken(_: Path) -> None:
        raise RuntimeError("loader bug")

    monkeypatch.setattr("srbrief.gui.files.load_briefing", broken)
    win.reload()
    assert win.briefing is before and win.banner.isVisible()
    text = win.banner.text.text()
    log = Path(os.environ["SRBRIEF_CACHE_DIR"]) / "logs" / "srbrief-error.log"
    assert "loader bug" in text and str(log) in text
    assert "Traceback" in log.read_text(encoding="utf-8") and "loader bug" in log.read_text(encoding="utf-8")


def test_a_view_error_on_new_content_keeps_the_last_good_view(qtbot, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from srbrief.gui import mainwindow

    path = tmp_path / "mini.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    win = _window(qtbot, path)
    before = win.briefing
    real_panel = mainwindow.SectionPanel

    def picky(briefing, *args):  # a panel that breaks on the new content only
        if briefing.title.en != "Mini briefing":
            raise RuntimeError("panel bug")
        return real_panel(briefing, *args)

    monkeypatch.setattr(mainwindow, "SectionPanel", picky)
    path.write_text(MINIMAL.replace("en: Mini briefing", "en: Breaks the view"), encoding="utf-8")
    with qtbot.captureExceptions():  # Qt's own slot call reports it too (the app's excepthook logs it)
        assert win.source.reload()
    assert win.briefing is before and win.source.briefing is before
    assert win.banner.isVisible() and "panel bug" in win.banner.text.text()
    assert win.current_panel().key == "overview"  # the last good view is back


def test_corrupt_settings_are_ignored(qtbot) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings()
    for key, value in (("panel", "abc"), ("language", "fr"), ("geometry", "junk"), ("recent", 5),
                       ("export_dir", 7)):
        settings.setValue(key, value)
    settings.sync()
    win = _window(qtbot, lang=None)
    assert win.lang == "zh" and win.nav.currentRow() == 0 and win._recent() == []
    settings.setValue("panel", 999)
    settings.sync()
    assert _window(qtbot).nav.currentRow() == 0


def test_corrupt_settings_file_does_not_stop_the_app(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "srbrief"
    folder.mkdir(parents=True)
    (folder / "srbrief.ini").write_text("[General]\npanel=abc\nlanguage=fr\nrecent=@Invalid()\n", encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "srbrief", "gui", "--exit-after", "paint"], capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-800:]


def test_export_errors_in_the_app_log_the_traceback(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from srbrief.deck import pptx_writer

    def bug(*_: object) -> None:
        raise RuntimeError("writer bug")

    monkeypatch.setattr(pptx_writer.DeckWriter, "add_slide", bug)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    win = _window(qtbot)
    win.run_export("pptx", tmp_path / "deck.pptx")
    qtbot.waitUntil(lambda: not win.jobs, timeout=60000)
    log = Path(os.environ["SRBRIEF_CACHE_DIR"]) / "logs" / "srbrief-error.log"
    assert warnings and str(log) in warnings[0] and "writer bug" in warnings[0]
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert not (tmp_path / "deck.pptx").exists()


def test_a_painter_is_never_left_active(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QPainter

    from srbrief.deck.plan import plan_deck
    from srbrief.gui import presenter as presenter_module
    from srbrief.model import parse_briefing

    made: list[QPainter] = []

    class Recording(QPainter):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            made.append(self)

    monkeypatch.setattr(presenter_module, "QPainter", Recording)
    window = presenter_module.PresenterWindow(plan_deck(parse_briefing(MINIMAL, "m.yaml"), "zh"),
                                              presenter_view=False)
    qtbot.addWidget(window)

    def broken(*_: object) -> None:
        raise RuntimeError("paint bug")

    monkeypatch.setattr(window.painter_, "paint", broken)
    with pytest.raises(RuntimeError, match="paint bug"):  # PySide6 hands a virtual's error to the Python caller
        window.grab()
    assert made and not any(p.isActive() for p in made)


def _run_broken_app(tmp_path: Path, patch: str, *args: str) -> subprocess.CompletedProcess[str]:
    code = (f"{patch}\nfrom srbrief.cli import main\nraise SystemExit(main({list(args)!r}))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)


def test_screenshot_mode_exits_1_on_an_exception_instead_of_hanging(tmp_path: Path) -> None:
    patch = ("import srbrief.gui.slides as s\n"
             "def broken(*a):\n    raise RuntimeError('slide bug')\n"
             "s.SlidePainter.paint = broken")
    result = _run_broken_app(tmp_path, patch, "gui", "--screenshot", str(tmp_path / "shots"))
    assert result.returncode == 1 and "internal error" in result.stderr, result.stderr[-800:]


def test_exit_after_paint_exits_1_on_an_exception_in_a_paint_event(tmp_path: Path) -> None:
    patch = ("import srbrief.gui.mainwindow as m\n"
             "def broken(self, event):\n    raise RuntimeError('paint bug')\n"
             "m.MainWindow.paintEvent = broken")
    result = _run_broken_app(tmp_path, patch, "gui", "--exit-after", "paint")
    assert result.returncode == 1 and "internal error" in result.stderr, result.stderr[-800:]
