"""Recovery files (Qt-free): private (0600 in a 0700 folder), read without following links or blocking, shape-
checked; anything hostile in the folder is moved aside with one log line and never shown. And the undo
history is bounded."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from srbrief.edit import Document, SetField
from srbrief.edit.document import MAX_HISTORY
from srbrief.edit.recovery import _key, discard_recovery, find_recoveries, write_recovery
from srbrief.paths import log_dir, recovery_dir
from tests.conftest import MINIMAL

SECRET = "TOP-SECRET-CONTENT"


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    target = tmp_path / "b.yaml"
    target.write_text(MINIMAL, encoding="utf-8")
    target.chmod(0o600)
    return target


def test_recovery_files_are_private(brief: Path) -> None:
    written = write_recovery(brief, MINIMAL, brief.read_bytes())
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.with_suffix(".json").stat().st_mode) == 0o600
    assert stat.S_IMODE(recovery_dir().stat().st_mode) == 0o700
    [found] = find_recoveries()
    assert found.source == brief.resolve() and found.text == MINIMAL and not found.base_changed()
    brief.write_text(MINIMAL.replace("Mini", "Other"), encoding="utf-8")
    assert find_recoveries()[0].base_changed()
    brief.unlink()
    assert find_recoveries()[0].source_missing()
    discard_recovery(brief)
    assert find_recoveries() == []


def _meta(source: Path, **changes: object) -> str:
    meta: dict[str, object] = {"version": 1, "source": str(source.resolve()), "saved_at": time.time(),
                               "base": None}
    meta.update(changes)
    return json.dumps(meta)


def _plant(brief: Path, tmp_path: Path, kind: str) -> None:
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    key = _key(brief)
    meta, text = folder / f"{key}.json", folder / f"{key}.yaml"
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    if kind == "fifo":
        meta.write_text(_meta(brief))
        os.mkfifo(text)
    elif kind == "fifo-meta":
        os.mkfifo(meta)
    elif kind == "dev-zero":
        meta.write_text(_meta(brief))
        text.symlink_to("/dev/zero")
    elif kind == "symlink-meta":
        meta.symlink_to(secret)
    elif kind == "symlink-text":
        meta.write_text(_meta(brief))
        text.symlink_to(secret)
    elif kind == "huge":
        meta.write_text(_meta(brief))
        with text.open("wb") as f:
            f.truncate(8 * 1024 * 1024)
    elif kind == "json-list":
        meta.write_text("[1, 2, 3]")
        text.write_text(MINIMAL)
    elif kind == "infinite-time":
        meta.write_text(_meta(brief, saved_at=float("inf")))
        text.write_text(MINIMAL)
    elif kind == "huge-time":
        meta.write_text(_meta(brief, saved_at=1e300))
        text.write_text(MINIMAL)
    elif kind == "wrong-key":
        meta.write_text(_meta(tmp_path / "elsewhere.yaml"))
        text.write_text(MINIMAL)
    elif kind == "not-utf8":
        meta.write_text(_meta(brief))
        text.write_bytes(b"\xff\xfe" * 10)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
@pytest.mark.parametrize("kind", ["fifo", "fifo-meta", "dev-zero", "symlink-meta", "symlink-text", "huge",
                                  "json-list", "infinite-time", "huge-time", "wrong-key", "not-utf8"])
def test_hostile_recovery_files_are_moved_aside_never_shown(brief: Path, tmp_path: Path, kind: str) -> None:
    _plant(brief, tmp_path, kind)
    started = time.monotonic()
    assert find_recoveries() == []
    assert time.monotonic() - started < 2
    left = [p.name for p in recovery_dir().iterdir() if p.name != "bad"]
    assert left == [] and any((recovery_dir() / "bad").iterdir())
    log = (log_dir() / "srbrief-error.log").read_text(encoding="utf-8")
    assert "moved aside" in log and SECRET not in log
    assert find_recoveries() == []  # and not asked again


def test_the_undo_history_is_bounded() -> None:
    doc = Document(MINIMAL, "t.yaml")
    path = doc.target("metrics.revenue.label.en").path
    for i in range(MAX_HISTORY + 20):
        doc.apply(SetField(path, f"Label {_word(i)}"))
    assert len(doc._history) == MAX_HISTORY
    undone = 0
    while doc.undo() is not None:
        undone += 1
    assert undone == MAX_HISTORY and doc.briefing.find("revenue").label.en == f"Label {_word(19)}"
    while doc.redo() is not None:
        pass
    assert doc.briefing.find("revenue").label.en == f"Label {_word(MAX_HISTORY + 19)}"


def _word(n: int) -> str:
    """Return *n* written in letters (prose must not hold literal figures)."""
    return "".join("abcdefghij"[int(d)] for d in str(n))
