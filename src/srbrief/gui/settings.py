"""Reading the app's settings as hints: a value of the wrong type or out of range is ignored, never fatal.

The settings file is plain text a user (or another version of srbrief) may have edited; a corrupt value must
not stop the app from starting, so every read names its type and range and falls back to a default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

MAX_RECENT = 8


def read_int(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    """Return the whole number stored under *key* if it is one within [low, high], else *default*."""
    value: Any = settings.value(key, default)
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def read_choice(settings: QSettings, key: str, default: str, choices: tuple[str, ...]) -> str:
    """Return the value under *key* if it is one of *choices*, else *default*."""
    value: Any = settings.value(key, default)
    return value if isinstance(value, str) and value in choices else default


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    """Return the non-empty byte array under *key* (a saved geometry), or None."""
    value: Any = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_paths(settings: QSettings, key: str) -> list[str]:
    """Return the list of path strings under *key* (one string is a list of one; anything else is ignored)."""
    value: Any = settings.value(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [v for v in value if isinstance(v, str) and v and "\0" not in v][:MAX_RECENT]


def read_folder(settings: QSettings, key: str, default: str) -> str:
    """Return the folder path under *key* if it is a non-empty string, else *default*."""
    value: Any = settings.value(key, default)
    return value if isinstance(value, str) and value and "\0" not in value else default


def recent_files() -> list[str]:
    """Return the app's recent files, most recent first; also outside the app (the command line, where no
    application name is set, reads the app's settings)."""
    return read_paths(_settings(), "recent")


def _settings() -> QSettings:
    return QSettings() if QCoreApplication.organizationName() else QSettings("srbrief", "srbrief")


def start_folder(briefing: Path | None = None) -> Path:
    """Return the folder a file dialog starts in: the briefing's own folder (*briefing*: its file, None for the
    built-in or an unsaved one), else the last folder a dialog was used in, else Documents, else the home
    folder; only a folder that exists (a missing one makes Qt start in the program's working folder)."""
    import platformdirs

    last = read_folder(_settings(), "last_dir", "")
    candidates = [briefing.parent if briefing is not None else None, Path(last) if last else None,
                  Path(platformdirs.user_documents_dir()), Path.home()]
    return next((c for c in candidates if c is not None and c.is_dir()), Path.home())


def remember_folder(chosen: str) -> None:
    """Remember the folder of the file *chosen* in a dialog (nothing for a cancelled dialog's empty name)."""
    if chosen:
        _settings().setValue("last_dir", str(Path(chosen).parent))
