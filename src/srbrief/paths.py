"""Where srbrief keeps its own files: logs and caches (``SRBRIEF_CACHE_DIR`` overrides the user cache dir)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """Return srbrief's cache folder (not created)."""
    override = os.environ.get("SRBRIEF_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("srbrief", appauthor=False))


def log_dir() -> Path:
    """Return the folder for log files of internal errors."""
    return cache_dir() / "logs"
