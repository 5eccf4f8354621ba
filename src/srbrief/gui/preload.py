"""Loading (validating) the briefing the app starts with, in a thread while Qt starts: the window needs it for its
first paint.

A forked loading process on the other core was tried (2026-12-06: CPU to the first paint 445 → 351 ms) and left
out: under load it was no faster than the thread (613 vs 514 ms wall clock), and a child that hung would hang the
start with it. Qt-free: it is imported before Qt.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from srbrief.model import Briefing


class Preload:
    """The briefing to show at start, loaded in a thread while Qt starts (a load that fails is done again in the
    GUI thread, which reports why)."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.briefing: Briefing | None = None
        self.thread: threading.Thread | None = None

    def start(self, path: Path | None, briefing: Briefing | None = None) -> None:
        """Load *path* (None: the built-in briefing) unless *briefing* is it, already validated."""
        self.path, self.briefing = path, briefing
        if briefing is None:
            self.thread = threading.Thread(target=self._load, name="srbrief-preload", daemon=True)
            self.thread.start()

    def result(self) -> Briefing | None:
        """Return the validated briefing, waiting for it (None: it did not load; the caller loads it again)."""
        if self.thread is not None and self.thread.is_alive():
            self.thread.join()
        return self.briefing

    def _load(self) -> None:
        from srbrief.model import load_briefing
        from srbrief.resources import builtin_briefing_path

        try:
            self.briefing = load_briefing(self.path or builtin_briefing_path())
        except Exception:  # loaded again in the GUI thread, which reports it
            self.briefing = None
