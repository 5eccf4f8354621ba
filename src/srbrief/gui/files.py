"""The open briefing: loading, reloading, and following changes of the file on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from srbrief.model import Briefing, BriefingError
from srbrief.model.loader import load_briefing_cached
from srbrief.paths import cache_dir
from srbrief.resources import builtin_briefing_path


def load_briefing(path: Path) -> Briefing:
    """Return the briefing at *path* (validated; cached per content for a fast start)."""
    return load_briefing_cached(path, cache_dir() / "briefings")


class BriefingSource(QObject):
    """Holds the last good briefing; a file that fails validation never replaces it."""

    changed = Signal(bool)  # automatic (the file changed on disk)
    failed = Signal(str, str)  # path, the validation message (FILE:LINE:COL: ...)

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.briefing: Briefing = load_briefing(path or builtin_briefing_path())
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self.debounce = QTimer(self, singleShot=True, interval=300)
        self.debounce.timeout.connect(lambda: self._load(self.path, automatic=True))
        self._watch()

    def display_name(self) -> str:
        return self.path.name if self.path else "shangrao-manufacturing-2025.yaml"

    def open(self, path: Path | None) -> bool:
        """Load *path* (None: the built-in briefing); keep the old data if it is invalid."""
        return self._load(path, automatic=False)

    def reload(self) -> bool:
        return self._load(self.path, automatic=False)

    def _load(self, path: Path | None, automatic: bool) -> bool:
        try:
            briefing = load_briefing(path or builtin_briefing_path())
        except BriefingError as exc:
            self.failed.emit(str(path or "built-in"), str(exc))
            self._watch()
            return False
        self.path, self.briefing = path, briefing
        self._watch()
        self.changed.emit(automatic)
        return True

    def _watch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if self.path is not None and self.path.exists():
            self.watcher.addPath(str(self.path))

    def _on_file_changed(self, _path: str) -> None:
        self.debounce.start()  # editors save in several steps (write, rename): wait until they are done
