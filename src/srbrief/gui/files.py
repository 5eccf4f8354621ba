"""The open briefing: loading, reloading, and following changes of the file on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, QSettings, QTimer, Signal

from srbrief.gui.preload import Preload
from srbrief.model import Briefing, BriefingError
from srbrief.resources import builtin_briefing_path


def load_briefing(path: Path) -> Briefing:
    """Return the briefing in the file *path*, validated (the loader loads on first use: see srbrief.gui.preload)."""
    from srbrief.model.loader import load_briefing as load

    return load(path)


class BriefingSource(QObject):
    """Holds the last good briefing; a file that fails validation (or breaks the loader) never replaces it.

    The file is watched, and so is its folder: an editor or a sync tool that deletes the file and writes it
    again later (the file watch is lost with the old file) is noticed by the folder watch, which re-arms it.
    """

    changed = Signal(bool)  # automatic (the file changed on disk)
    failed = Signal(str, str)  # path, the validation message (FILE:LINE:COL: ...)
    crashed = Signal(str, str, str)  # path, what went wrong (one line), the log file with the traceback

    def __init__(self, path: Path | None = None, briefing: Briefing | None = None) -> None:
        super().__init__()
        self.path = path
        self.briefing: Briefing = briefing or load_briefing(path or builtin_briefing_path())
        self.stale = False  # the last load failed: what is shown is the last data that loaded, not the file
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self.watcher.directoryChanged.connect(self._on_folder_changed)
        self.debounce = QTimer(self, singleShot=True, interval=300)
        self.debounce.timeout.connect(self._on_settled)
        self._ours: bytes | None = None  # the digest of what this app last wrote to the open file
        self._held: QLockFile | None = None  # says to other windows that this one has the file open
        self.open_elsewhere = False  # another srbrief window (another process) has the file open too
        self._watch()
        self._hold()

    @property
    def is_builtin(self) -> bool:
        return self.path is None

    def display_name(self) -> str:
        return self.path.name if self.path else builtin_briefing_path().name

    def open(self, path: Path | None) -> bool:
        """Load *path* (None: the built-in briefing); keep the old data if it is invalid."""
        return self._load(path, automatic=False)

    def reload(self) -> bool:
        return self._load(self.path, automatic=False)

    def expect_written(self, data: bytes) -> None:
        """The app itself wrote *data* to the open file (a save): the file watcher's news of it is no change."""
        self._ours = _sha256(data)

    def _on_settled(self) -> None:
        """The file changed on disk and the writer is done: reload it, unless it holds what we wrote."""
        if self.path is not None and self._ours is not None:
            try:
                if _sha256(self.path.read_bytes()) == self._ours:
                    self._watch()  # an atomic save replaced the watched file: watch the new one
                    return
            except OSError:
                pass  # gone or unreadable: the load says what is wrong
        self._load(self.path, automatic=True)

    def _load(self, path: Path | None, automatic: bool) -> bool:
        try:
            briefing = load_briefing(path or builtin_briefing_path())
        except BriefingError as exc:
            self.stale = True
            self.failed.emit(str(path or "built-in"), str(exc))
            self._watch()
            return False
        except Exception as exc:  # a loader bug: keep the last good data, log the traceback, say where
            from srbrief.errorlog import log_exception

            log = log_exception(exc, f"srbrief app: loading {path or 'built-in'}")
            self.stale = True
            self.crashed.emit(str(path or "built-in"), " ".join(f"{type(exc).__name__}: {exc}".split())[:160],
                              str(log or ""))
            self._watch()
            return False
        moved = path != self.path
        self.path, self.briefing, self.stale = path, briefing, False
        self._watch()
        if moved:
            self._hold()
        self.changed.emit(automatic)
        return True

    def _hold(self) -> None:
        """Mark the open file as open in this window (a lock file in srbrief's cache folder, named after the file's
        path, never beside the user's file), and note whether another window holds it already: both would save
        over each other (the save refuses a file changed on disk, so nothing is lost, but she should know). A lock
        of a process that is gone is taken over (Qt checks the process)."""
        if self._held is not None:
            self._held.unlock()
            self._held = None
        self.open_elsewhere = False
        if self.path is None:
            return
        import hashlib

        from srbrief.paths import cache_dir

        folder = cache_dir() / "open"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # no marker: the save's own check still guards the file
        key = hashlib.sha256(str(self.path.resolve()).encode("utf-8")).hexdigest()[:24]
        lock = QLockFile(str(folder / f"{key}.lock"))
        lock.setStaleLockTime(0)  # held as long as its process lives, however long
        if lock.tryLock(0):
            self._held = lock
        else:
            self.open_elsewhere = lock.error() == QLockFile.LockError.LockFailedError

    def _watch(self, path: Path | None = None) -> None:
        """Watch *path* (default: the open file) and its folder, replacing the previous watches."""
        path = path or self.path
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        if path is not None:
            if path.parent.is_dir():
                self.watcher.addPath(str(path.parent))
            if path.exists():
                self.watcher.addPath(str(path))

    def _on_file_changed(self, _path: str) -> None:
        self.debounce.start()  # editors save in several steps (write, rename): wait until they are done

    def _on_folder_changed(self, _folder: str) -> None:
        """A file came or went in the folder: if the open file is back but unwatched, watch it and reload."""
        if self.path is not None and self.path.exists() and str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))
            self.debounce.start()


def _sha256(data: bytes) -> bytes:
    import hashlib  # (loaded on first use: not needed before the first paint)

    return hashlib.sha256(data).digest()


def start_path(file: Path | None, builtin: bool, settings: QSettings) -> Path | None:
    """Return the briefing to show at start: *file*; else the file open last time (the first of the recent
    files, if it still exists) unless *builtin* asks for the built-in sample (None)."""
    from srbrief.gui.settings import read_paths

    if file is not None or builtin:
        return file
    return next((Path(p) for p in read_paths(settings, "recent")[:1] if Path(p).is_file()), None)


def source_at_start(preload: Preload) -> tuple[BriefingSource, Path | None]:
    """Return the source to show at start, from what *preload* loaded, and, when the last file no longer loads,
    that file (the built-in sample is shown; the caller opens the file again once the window can say why)."""
    briefing = preload.result()
    if briefing is not None:
        return BriefingSource(preload.path, briefing), None
    try:
        return BriefingSource(preload.path), None
    except (BriefingError, OSError):
        if preload.path is None:
            raise
        return BriefingSource(None), preload.path


def open_at_start(file: Path | None, builtin: bool, settings: QSettings) -> tuple[BriefingSource, Path | None]:
    """Return the briefing to show at start (see :func:`start_path`) and the last file if it no longer loads."""
    preload = Preload()
    preload.start(start_path(file, builtin, settings))
    return source_at_start(preload)
