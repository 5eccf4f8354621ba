"""Where srbrief keeps its own files: logs, caches and recovered edits (``SRBRIEF_CACHE_DIR`` overrides the
user cache dir)."""

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


def recovery_dir() -> Path:
    """Return the folder for unsaved edits kept in case the app stops (not created; not a cache: the user's
    work). ``SRBRIEF_CACHE_DIR`` moves it too, so tests and portable setups keep everything in one place."""
    override = os.environ.get("SRBRIEF_CACHE_DIR")
    if override:
        return Path(override) / "recovery"
    import platformdirs

    return Path(platformdirs.user_state_dir("srbrief", appauthor=False)) / "recovery"
