"""Unsaved edits kept on disk while the app runs, so that a crash or a kill loses a few seconds of work at most.

One pair of files per briefing being edited, in :func:`srbrief.paths.recovery_dir` (made 0700): ``KEY.yaml``
(the text, written first) and ``KEY.json`` (which file it belongs to, when, and a SHA-256 of that file as it
was when the edits began, so a later change by another program is noticed), both 0600 and written atomically.

The folder is read defensively: entries are looked at without following links, read through the bounded
reader, and checked against the expected shape. Anything else (a link, a FIFO, a device, a huge or malformed
file) is moved aside into ``bad/`` with one line in the error log, and never shown to the user.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from srbrief.atomic import write_text_atomic
from srbrief.errorlog import log_text
from srbrief.model.errors import MAX_BYTES
from srbrief.paths import recovery_dir
from srbrief.safeio import InputFileError, read_fd_limited

META_LIMIT = 64 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_KEY = re.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True)
class Recovered:
    """Edits found from an earlier run."""

    source: Path | None  # the briefing they belong to; None: the built-in one
    text: str
    saved_at: float  # seconds since the epoch
    base: str | None = None  # SHA-256 of the file when the edits began (None: unknown)

    def base_changed(self) -> bool:
        """Return whether the file the edits belong to changed since they began (or is gone)."""
        if self.source is None or self.base is None:
            return False
        on_disk = read_source(self.source)
        return on_disk is None or _sha256(on_disk) != self.base

    def source_missing(self) -> bool:
        return self.source is not None and not self.source.is_file()


def digest(data: bytes | None) -> str | None:
    return _sha256(data) if data is not None else None


def _sha256(data: bytes) -> str:
    import hashlib  # (and json: loaded on first use, after the app's first paint)

    return hashlib.sha256(data).hexdigest()


def read_source(path: Path) -> bytes | None:
    """Return the bytes of the briefing file *path* as it is now (None if it cannot be read)."""
    from srbrief.safeio import read_limited

    try:
        return read_limited(path, MAX_BYTES)
    except InputFileError:
        return None


def _key(source: Path | None) -> str:
    name = str(source.resolve()) if source is not None else "built-in"
    return _sha256(name.encode("utf-8"))[:16]


def _folder() -> Path:
    folder = recovery_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if stat.S_IMODE(info.st_mode) != 0o700 and info.st_uid == getattr(os, "getuid", lambda: -1)():
        os.chmod(folder, 0o700)
    return folder


def write_recovery(source: Path | None, text: str, base: bytes | None = None) -> Path:
    """Keep *text* as the unsaved state of *source* (*base*: the file's bytes when the edits began); return
    the file written."""
    import json

    folder = _folder()
    key = _key(source)
    target = folder / f"{key}.yaml"
    write_text_atomic(target, text, mode=0o600)
    meta = {"version": 1, "source": str(source.resolve()) if source is not None else None,
            "saved_at": time.time(), "base": digest(base)}
    write_text_atomic(folder / f"{key}.json", json.dumps(meta, ensure_ascii=False) + "\n", mode=0o600)
    return target


class _BadEntryError(Exception):
    """A recovery entry that is not what this module writes."""


def _read_entry(path: Path, limit: int) -> bytes:
    """Return the bytes of a regular file in the recovery folder, never following a link."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            raise _BadEntryError("not a regular file")
        fd = os.open(path, flags)
    except OSError as exc:
        raise _BadEntryError(f"cannot be read ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _BadEntryError("not a regular file")
        return read_fd_limited(fd, path, limit, "recovery file")
    except InputFileError as exc:
        raise _BadEntryError(exc.reason) from None
    finally:
        os.close(fd)


def _parse(key: str, meta_data: bytes, text_data: bytes) -> Recovered:
    import json

    try:
        meta = json.loads(meta_data.decode("utf-8"))
        text = text_data.decode("utf-8")
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _BadEntryError("not the JSON and text srbrief writes") from None
    if not isinstance(meta, dict):
        raise _BadEntryError("not a JSON object")
    source, saved_at, base = meta.get("source"), meta.get("saved_at"), meta.get("base")
    if source is not None and not isinstance(source, str):
        raise _BadEntryError("'source' is not a path")
    if isinstance(saved_at, bool) or not isinstance(saved_at, (int, float)) or not math.isfinite(saved_at) \
            or not 0 <= saved_at <= time.time() + 86400:
        raise _BadEntryError("'saved_at' is not a time")
    if base is not None and not (isinstance(base, str) and _HEX64.match(base)):
        raise _BadEntryError("'base' is not a SHA-256")
    path = Path(source) if source else None
    try:
        if _key(path) != key:
            raise _BadEntryError("the file name does not match the briefing it names")
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL in the name
        raise _BadEntryError("'source' is not a usable path") from None
    return Recovered(path, text, float(saved_at), base)


def _move_aside(folder: Path, name: str, why: str) -> None:
    bad = folder / "bad"
    with contextlib.suppress(OSError):
        bad.mkdir(mode=0o700, exist_ok=True)
        os.replace(folder / name, bad / f"{name}.{int(time.time())}")
    log_text(f"moved aside {folder / name}: {why}\n", "srbrief app: recovery files")


def find_recoveries() -> list[Recovered]:
    """Return the edits kept by earlier runs, newest first; anything else in the folder is moved aside."""
    folder = recovery_dir()
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError:
        return []
    found: list[Recovered] = []
    for name in names:
        stem, _, suffix = name.rpartition(".")
        if name == "bad" or (suffix == "yaml" and f"{stem}.json" in names):
            continue
        try:
            if suffix != "json" or not _KEY.match(stem):
                raise _BadEntryError("not a recovery file")
            meta = _read_entry(folder / name, META_LIMIT)
            text = _read_entry(folder / f"{stem}.yaml", MAX_BYTES)
            found.append(_parse(stem, meta, text))
        except _BadEntryError as exc:
            _move_aside(folder, name, str(exc))
            if suffix == "json" and f"{stem}.yaml" in names:
                _move_aside(folder, f"{stem}.yaml", f"belongs to {name}")
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard_recovery(source: Path | None) -> None:
    """Forget the kept edits of *source* (after a save, or when the user discards them)."""
    folder = recovery_dir()
    key = _key(source)
    for suffix in (".json", ".yaml"):
        with contextlib.suppress(OSError):
            (folder / f"{key}{suffix}").unlink()
