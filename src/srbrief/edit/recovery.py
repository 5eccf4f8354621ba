"""Unsaved edits kept on disk while the app runs, so that a crash or a kill loses a few seconds of work at most.

One pair of files per briefing being edited, in :func:`srbrief.paths.recovery_dir`: ``KEY.yaml`` (the text,
written first) and ``KEY.json`` (which file it belongs to and when), both written atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from srbrief.atomic import write_text_atomic
from srbrief.paths import recovery_dir


@dataclass(frozen=True)
class Recovered:
    """Edits found from an earlier run."""

    source: Path | None  # the briefing they belong to; None: the built-in one
    text: str
    saved_at: float  # seconds since the epoch


def _key(source: Path | None) -> str:
    name = str(source.resolve()) if source is not None else "built-in"
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


def write_recovery(source: Path | None, text: str) -> Path:
    """Keep *text* as the unsaved state of *source*; return the file written."""
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    key = _key(source)
    target = folder / f"{key}.yaml"
    write_text_atomic(target, text)
    meta = {"source": str(source.resolve()) if source is not None else None, "saved_at": time.time()}
    write_text_atomic(folder / f"{key}.json", json.dumps(meta, ensure_ascii=False) + "\n")
    return target


def find_recoveries() -> list[Recovered]:
    """Return the edits kept by earlier runs, newest first (unreadable leftovers are skipped)."""
    found: list[Recovered] = []
    folder = recovery_dir()
    for meta_file in folder.glob("*.json") if folder.is_dir() else ():
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            text = meta_file.with_suffix(".yaml").read_text(encoding="utf-8")
            source = Path(meta["source"]) if meta.get("source") else None
            found.append(Recovered(source, text, float(meta["saved_at"])))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard_recovery(source: Path | None) -> None:
    """Forget the kept edits of *source* (after a save, or when the user discards them)."""
    folder = recovery_dir()
    key = _key(source)
    for suffix in (".json", ".yaml"):
        with contextlib.suppress(OSError):
            (folder / f"{key}{suffix}").unlink()
