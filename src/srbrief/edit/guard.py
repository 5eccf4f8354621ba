"""The one guarded write path for edits (``srbrief set`` and the app's Save): lock, read, check, write.

- The file is read through the bounded reader (a FIFO, a device or a huge file is refused without blocking).
- Read-modify-write holds an advisory lock (``flock``) on the file itself. Saving replaces the file by a
  rename, so a process that waited for the lock checks that the name still points at the file it locked and
  otherwise locks the new one: it re-reads what the one before it wrote, and concurrent edits all land.
  The lock is advisory: other programs are not stopped by it (editors do not take it), only other srbriefs.
- The new text goes to a temporary file beside the old one, is read back and compared, gets the old file's
  mode, owner and group, and replaces it atomically.
- Refused, with nothing written: a file without write permission (0444 stays 0444, also for root), a file with
  several names (hard links: a rename would split them, and writing in place is not atomic), a result over the
  size limit, and a file whose owner cannot be kept.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from srbrief.atomic import OutputError, atomic_path
from srbrief.model.errors import MAX_BYTES
from srbrief.safeio import InputFileError, open_regular, read_fd_limited

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the change check before writing still applies
    fcntl = None  # type: ignore[assignment]

LOCK_TIMEOUT = 30.0  # seconds a command waits for another srbrief editing the same file


@dataclass(frozen=True)
class Locked:
    """A briefing file held locked for read-modify-write."""

    shown: Path  # the name the user gave
    real: Path  # the file itself (symlinks followed)
    fd: int
    data: bytes
    info: os.stat_result


def _lock(fd: int, shown: Path, deadline: float) -> None:
    if fcntl is None:
        return
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise InputFileError(shown, "another srbrief is editing this file (it stays locked); try again "
                                     "later") from None
            time.sleep(0.01)
        except OSError:
            return  # a file system without locks (some network shares): go on without


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[Locked]:
    """Yield the file at *path* locked, with its bytes as they are under the lock."""
    real = Path(os.path.realpath(path))
    deadline = time.monotonic() + timeout
    while True:
        fd = open_regular(real)
        try:
            _lock(fd, path, deadline)
            info = os.fstat(fd)
            try:
                now = os.stat(real)
            except OSError:
                now = None
            if now is None or (now.st_dev, now.st_ino) != (info.st_dev, info.st_ino):
                continue  # replaced while we waited: lock the file that is there now
            data = read_fd_limited(fd, path, MAX_BYTES)
            yield Locked(path, real, fd, data, info)
            return
        finally:
            os.close(fd)  # also releases the lock


def check_writable(held: Locked) -> None:
    """Raise :class:`OutputError` if the locked file must not be replaced (read-only, hard links)."""
    info, shown = held.info, held.shown
    if not info.st_mode & 0o222 or not os.access(held.real, os.W_OK):
        raise OutputError(f"{shown}: the file is read-only (no write permission); nothing was written. "
                          "Make it writable first (chmod u+w) or save a copy")
    if info.st_nlink > 1:
        raise OutputError(f"{shown}: the file has {info.st_nlink} names (hard links); replacing it would "
                          "split them and writing in place is not safe, so nothing was written. Edit a copy "
                          "(cp) or remove the other names first")


def check_size(data: bytes, shown: Path) -> None:
    """Raise :class:`OutputError` if *data* is over the briefing size limit (srbrief could not read it)."""
    if len(data) > MAX_BYTES:
        raise OutputError(f"{shown}: the edited file would be {len(data):,} bytes, over the limit of "
                          f"{MAX_BYTES:,} bytes (srbrief could not open it again); nothing was written")


def replace_locked(held: Locked, data: bytes) -> None:
    """Replace the locked file with *data*: checked, verified, keeping mode, owner and group."""
    check_writable(held)
    check_size(data, held.shown)
    write_verified(held.real, data, held.shown, owner=(held.info.st_uid, held.info.st_gid))


def write_verified(target: Path, data: bytes, shown: Path, owner: tuple[int, int] | None = None) -> None:
    """Write *data* to *target* atomically, the temporary copy read back and compared before it replaces."""
    with atomic_path(target, owner=owner) as tmp:
        with tmp.open("wb") as f:
            f.write(data)
        if tmp.read_bytes() != data:
            raise OutputError(f"{shown}: the written copy does not read back the same (disk failing?); "
                              "the old file is untouched")
