"""Start the desktop app: the window first, charts just after; screenshot and benchmark modes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import cast


def has_display() -> bool:
    """Return whether Qt can open windows here (a platform was chosen, or X11/Wayland is there)."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _mark(moment: str) -> None:
    """Print when *moment* happened on the system-wide monotonic clock, for benchmarks (`--exit-after`).

    A benchmark compares it with the clock at the moment it started the process, so the figure is start to
    paint (or charts), without the interpreter's shutdown after it.
    """
    import time

    print(f"srbrief-mark {moment} {time.monotonic():.6f}", flush=True)


def run_gui(file: Path | None, lang: str | None, present: bool = False, screenshot: Path | None = None,
            exit_after: str | None = None) -> int:
    """Run the app; return its exit code."""
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from srbrief.gui.files import BriefingSource
    from srbrief.gui.mainwindow import MainWindow
    from srbrief.gui.qtfonts import register_fonts
    from srbrief.resources import resource

    QCoreApplication.setOrganizationName("srbrief")
    QCoreApplication.setApplicationName("srbrief")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    register_fonts()
    font = app.font()
    font.setFamilies([font.family(), "SRBrief Sans SC"])  # Chinese never falls back to boxes
    app.setFont(font)
    app.setWindowIcon(QIcon(str(resource("icons/srbrief.svg"))))
    window = MainWindow(BriefingSource(file), lang)
    window.persist_settings = screenshot is None and exit_after is None
    window.show()
    if screenshot is not None:
        from srbrief.gui.screenshots import take_screenshots

        def shoot_then_quit() -> None:
            take_screenshots(window, screenshot)
            app.quit()

        QTimer.singleShot(0, shoot_then_quit)
        return app.exec()
    app.processEvents()  # the first paint, before matplotlib is even imported
    if exit_after == "paint":
        _mark("paint")
        return 0
    if exit_after == "charts":
        window.start_charts()
        window.current_panel().grab()  # the canvases really drawn
        _mark("charts")
        return 0
    QTimer.singleShot(0, window.start_charts)
    QTimer.singleShot(0, window.editing.offer_recovery)  # edits left unsaved by a crash or a kill
    if present:
        QTimer.singleShot(0, window.present)
    return app.exec()
