"""SIGTERM and SIGHUP (a logout, a shutdown, ``kill``): keep the unsaved edits in the recovery file and quit
within a second, without a dialog.

Python runs a signal handler only between bytecodes, and Qt's event loop is C++: the handler only sets a flag,
and a short timer gives Python the chance to notice it and quit from the event loop.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

POLL_MS = 200


class QuitOnSignal(QObject):
    """Installed for the app's lifetime: on SIGTERM or SIGHUP, *keep* runs, then the app exits 128 + signal."""

    def __init__(self, app: QApplication, keep: Callable[[], None]) -> None:
        super().__init__(app)
        self.app, self.keep = app, keep
        self.received: int | None = None
        self.previous: dict[int, object] = {}
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                with contextlib.suppress(ValueError, OSError):  # not the main thread: leave the handlers
                    self.previous[number] = signal.signal(number, self._on_signal)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _on_signal(self, number: int, _frame: object) -> None:
        self.received = number

    def check(self) -> None:
        """Quit if a signal came: the edits first, then the event loop, whatever a dialog was doing."""
        if self.received is None:
            return
        self.timer.stop()
        try:
            self.keep()
        finally:
            self.app.exit(128 + self.received)

    def restore(self) -> None:
        for number, handler in self.previous.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(number, handler)  # type: ignore[arg-type]
