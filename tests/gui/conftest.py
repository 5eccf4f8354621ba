"""Qt tests run offscreen: the platform is set before Qt is imported."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):
    return qapp


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Point QSettings at a temporary folder: tests never touch the user's settings."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("srbrief-tests")
    QCoreApplication.setApplicationName("srbrief-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def window(qtbot):
    from srbrief.gui.files import BriefingSource
    from srbrief.gui.mainwindow import MainWindow
    from srbrief.gui.qtfonts import register_fonts

    register_fonts()
    win = MainWindow(BriefingSource(None), "zh")
    qtbot.addWidget(win)
    win.show()
    win.start_charts()
    yield win
    win.editing.timer.stop()  # a window left open by a test must not write a recovery file into the next test's


@pytest.fixture
def no_modal_dialogs(window):
    """A question would wait for a click that never comes: closing discards, any other question fails."""
    window.editing.choose_save = lambda: "discard"

    def unexpected(question: str) -> bool:
        raise AssertionError(f"unexpected question: {question}")

    window.editing.ask = unexpected


@pytest.fixture
def form(window, tmp_path):
    """The edit form of a window on a copy of the built-in briefing, in edit mode."""
    import shutil

    from srbrief.resources import builtin_briefing_path

    copy = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path(), copy)
    assert window.source.open(copy)
    window.actions_["edit_mode"].trigger()
    assert window.editing.edit_mode and window.editing.dock is not None and window.editing.dock.isVisible()
    assert window.editing.form is not None
    return window.editing.form
