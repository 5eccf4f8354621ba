"""Write files atomically: a temporary file in the target folder, then one rename.

This is the one path every output takes (decks, PDFs, charts, the schema, caches), so its rules hold for all:

- only a regular file (or nothing) is replaced; a symlink is written through to its target, as editors do;
- an output that is the same file as one of the inputs (through links too) is refused;
- every OS error (disk full, read-only, permission, missing folder, name too long) is an :class:`OutputError`
  with one plain line, the old file stays untouched and the temporary file is removed;
- temporary files are named ``.srbrief-XXXXXXXX.part`` (short, so any legal name can be written), and stale
  ones of that pattern left by a killed process are removed by the next write to that folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from srbrief.safeio import describe_os_error

TEMP_PREFIX = ".srbrief-"
TEMP_SUFFIX = ".part"
STALE_SECONDS = 10 * 60
# errors of the block that are about writing the output, not about the work done inside it
WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}


class OutputError(Exception):
    """An output cannot be written (bad target or an OS error): one line, exit code 2."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def resolve_output(target: Path, inputs: Iterable[tuple[Path | None, str]] = ()) -> Path:
    """Return the file to replace for *target* (a symlink followed to its target), or raise OutputError if
    it exists and is not a regular file, or is the same file as one of *inputs* ((path, what) pairs)."""
    real = Path(os.path.realpath(target))
    try:
        info: os.stat_result | None = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):
        info = None  # a new file (a missing folder is reported when the file is made)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {describe_os_error(exc)}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{target}: is {_kind(info.st_mode)}; only a regular file can be written or replaced")
    if info is not None:
        for path, what in inputs:
            if path is None:
                continue
            with contextlib.suppress(OSError):
                other = os.stat(path)
                if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                    raise OutputError(f"{target}: is the same file as the {what} ({path}); "
                                      "choose another output name")
    return real


def remove_stale_temp_files(folder: Path, older_than: float = STALE_SECONDS) -> None:
    """Remove our own temporary files in *folder* left by a killed process (older than *older_than* s)."""
    limit = time.time() - older_than
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                    os.unlink(entry.path)


@contextlib.contextmanager
def atomic_path(target: Path, inputs: Iterable[tuple[Path | None, str]] = (),
                owner: tuple[int, int] | None = None, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside *target* that replaces it only if the block finishes without an exception.

    With *owner* (uid, gid) the new file gets that owner and group, or nothing is replaced (OutputError);
    *mode* gives it those permission bits (default: the old file's, or the usual ones for a new file)."""
    real = resolve_output(target, inputs)
    folder = real.parent
    remove_stale_temp_files(folder)
    try:
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {describe_os_error(exc)}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        try:
            yield tmp
        except OSError as exc:
            if exc.errno in WRITE_ERRNOS:
                raise OutputError(f"{target}: cannot write: {describe_os_error(exc)}; "
                                  "the old file is untouched") from None
            raise
        try:
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
            mode = _mode_for(real) if mode is None else mode
            if owner is not None:
                _keep_owner(tmp, owner, target)
            os.chmod(tmp, mode)
            os.replace(tmp, real)
        except OSError as exc:
            raise OutputError(f"{target}: cannot write: {describe_os_error(exc)}; the old file is untouched") \
                from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_output(target: Path, inputs: Iterable[tuple[Path | None, str]] = (),
                  mode: int | None = None) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces *target* only if the block finishes without an exception."""
    with atomic_path(target, inputs, mode=mode) as tmp, tmp.open("wb") as f:
        yield f


def _keep_owner(tmp: Path, owner: tuple[int, int], target: Path) -> None:
    info = os.stat(tmp)
    if (info.st_uid, info.st_gid) == owner:
        return
    try:
        os.chown(tmp, owner[0] if info.st_uid != owner[0] else -1, owner[1] if info.st_gid != owner[1] else -1)
    except OSError:
        raise OutputError(f"{target}: cannot keep the file's owner and group (it belongs to another user); "
                          "nothing was written") from None


def _mode_for(target: Path) -> int:
    """Return the permission bits the file should get: the old file's, or the usual ones for a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(target: Path, text: str, mode: int | None = None) -> None:
    """Replace *target* with *text* (UTF-8) atomically (*mode*: its permission bits)."""
    with atomic_output(target, mode=mode) as f:
        f.write(text.encode("utf-8"))
