"""The log of internal errors: one file the CLI and the app both append tracebacks to."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from srbrief import __version__
from srbrief.paths import log_dir

LOG_NAME = "srbrief-error.log"


def log_exception(exc: BaseException | None = None, context: str = "") -> Path | None:
    """Append the traceback of *exc* (default: the one being handled) to the error log; return the log's path,
    or None if it cannot be written (a full or read-only disk must not turn one error into two)."""
    exc = exc if exc is not None else sys.exc_info()[1]
    if exc is None:
        return None
    return log_text("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)), context)


def log_hook_exception(kind: type[BaseException], exc: BaseException, tb: TracebackType | None,
                       context: str = "") -> Path | None:
    """Append an exception given as sys.excepthook receives it; return the log's path or None."""
    return log_text("".join(traceback.format_exception(kind, exc, tb)), context)


def log_text(details: str, context: str = "") -> Path | None:
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / LOG_NAME
        with log.open("a", encoding="utf-8") as f:
            f.write(f"srbrief {__version__}: {context or ' '.join(sys.argv)}\n{details}\n")
        return log
    except OSError:
        return None
