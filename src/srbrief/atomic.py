"""Write files atomically: a temporary file in the target folder, then one rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside *target* that replaces it only if the block finishes without an exception."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces *target* only if the block finishes without an exception."""
    with atomic_path(target) as tmp, tmp.open("wb") as f:
        yield f


def _mode_for(target: Path) -> int:
    """Return the permission bits the file should get: the old file's, or the usual ones for a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(target: Path, text: str) -> None:
    """Replace *target* with *text* (UTF-8) atomically."""
    with atomic_output(target) as f:
        f.write(text.encode("utf-8"))
