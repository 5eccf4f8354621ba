"""Start the desktop app: the window first, charts just after; screenshot and benchmark modes."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from srbrief.model import Briefing


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


class _ErrorGuard:
    """sys.excepthook while the app runs: an exception in a Qt slot or event handler (which Qt would only print,
    then carry on) is logged with its traceback and reported on stderr; in a batch mode (``--screenshot``,
    ``--exit-after``) the app then quits with exit code 1 instead of hanging or exiting 0."""

    def __init__(self, batch: bool) -> None:
        self.batch = batch
        self.failed = False
        self.previous = sys.excepthook

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtCore import QCoreApplication

        from srbrief.errorlog import log_hook_exception

        self.failed = True
        log = log_hook_exception(kind, exc, tb, "srbrief app")
        where = f"details are in {log}" if log else f"{kind.__name__}: {exc}"
        print(f"srbrief: internal error in the app; {where}", file=sys.stderr, flush=True)
        if self.batch:
            QCoreApplication.exit(1)

    def __enter__(self) -> _ErrorGuard:
        sys.excepthook = self
        return self

    def __exit__(self, *_: object) -> None:
        sys.excepthook = self.previous


def run_gui(file: Path | None, lang: str | None, present: bool = False, screenshot: Path | None = None,
            exit_after: str | None = None, builtin: bool = False, briefing: Briefing | None = None) -> int:
    """Run the app; return its exit code. Without a *file* it reopens the file open last time (the built-in
    sample when there is none, when asked with *builtin*, and for screenshots and benchmarks); *briefing* is
    the *file* already validated by the command line."""
    with _ErrorGuard(batch=screenshot is not None or exit_after is not None) as guard:
        try:
            code = _run(guard, file, lang, present, screenshot, exit_after,
                        builtin or screenshot is not None or exit_after is not None, briefing)
        finally:
            gc.enable()  # paused until the first paint (see _run), whatever happened
    return 1 if guard.failed and guard.batch else code


def _run(guard: _ErrorGuard, file: Path | None, lang: str | None, present: bool, screenshot: Path | None,
         exit_after: str | None, builtin: bool, briefing: Briefing | None) -> int:
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # One thread for numpy's BLAS (a user's own setting is kept): the app's charts are small, and OpenBLAS would
    # start a pool of workers when matplotlib loads numpy (measured 2026-12-06: importing numpy took 40-50 ms
    # more CPU and twice the wall-clock time with its pool, on the way to the first charts).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    gc.disable()  # no cycle-collector passes over the modules being imported before the first paint
    from srbrief.gui.preload import Preload

    preload = Preload()  # the briefing is validated while Qt starts (see its notes)
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer

    from srbrief.gui.files import source_at_start, start_path

    QCoreApplication.setOrganizationName("srbrief")
    QCoreApplication.setApplicationName("srbrief")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    path = start_path(file, builtin, QSettings())
    preload.start(path, briefing if file is not None and path == file else None)
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from srbrief.gui.mainwindow import MainWindow
    from srbrief.gui.qtfonts import register_fonts
    from srbrief.resources import resource

    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    register_fonts()
    font = app.font()
    font.setFamilies([font.family(), "SRBrief Sans SC"])  # Chinese never falls back to boxes
    app.setFont(font)
    app.setWindowIcon(QIcon(str(resource("icons/srbrief.svg"))))
    source, failed = source_at_start(preload)
    window = MainWindow(source, lang)
    window.persist_settings = screenshot is None and exit_after is None
    window.show()
    if failed is not None:  # the last file no longer loads: the built-in sample is shown, and the banner says why
        source.open(failed)
    if screenshot is not None:
        gc.enable()
        from srbrief.gui.screenshots import take_screenshots

        def shoot_then_quit() -> None:
            try:
                take_screenshots(window, screenshot)
            except Exception:  # never hang: report it and leave with exit code 1
                guard(*sys.exc_info())
            app.exit(1 if guard.failed else 0)

        QTimer.singleShot(0, shoot_then_quit)
        return app.exec()
    app.processEvents()  # the first paint, before matplotlib is even imported
    gc.enable()
    if exit_after == "paint":
        _mark("paint")
        return 1 if guard.failed else 0
    if exit_after == "charts":
        window.start_charts()
        window.current_panel().grab()  # the canvases really drawn
        _mark("charts")
        return 1 if guard.failed else 0
    QTimer.singleShot(0, window.start_charts)
    QTimer.singleShot(0, window.editing.offer_recovery)  # edits left unsaved by a crash or a kill
    if present:
        QTimer.singleShot(0, window.present)
    from srbrief.gui.signals import QuitOnSignal

    quitter = QuitOnSignal(app, window.editing.quit_now)  # SIGTERM/SIGHUP: edits kept, out within a second
    try:
        return app.exec()
    finally:
        quitter.restore()
