"""Write files atomically: a temporary file in the target folder, then one rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces *target* only if the block finishes without an exception."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    """Replace *target* with *text* (UTF-8) atomically."""
    with atomic_output(target) as f:
        f.write(text.encode("utf-8"))
