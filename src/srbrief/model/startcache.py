"""The validated briefing the app starts with, kept between starts (Qt-free).

Reading and validating a briefing imports PyYAML and the loader and checks every clause against its documents:
about 150 ms of the app's start (measured 2026-12-06), in a thread that shares the interpreter with Qt's start.
When nothing it depends on has changed since the last start, the briefing is taken from a pickle in srbrief's
cache folder instead (about 2 ms). What it depends on: the briefing file's bytes, the files its documents' texts
may be read from (their size and modification time, or their absence) and srbrief's own code. A cache entry that
cannot be read, or any doubt, means a fresh load; a briefing that does not validate is never cached.
"""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from srbrief import __version__

if TYPE_CHECKING:
    from srbrief.model.types import Briefing

_FORMAT = 1  # bumped when what an entry holds changes


def load_at_start(path: Path) -> Briefing:
    """Return the validated briefing in *path*: the cached one if nothing it depends on changed, else loaded
    (and kept for the next start). Raises what :func:`srbrief.model.load_briefing` raises."""
    key = _key(path)
    entry_file = _entry_file(path)
    if key is not None:
        cached = _read_entry(entry_file, key)
        if cached is not None:
            return cached
    from srbrief.model import load_briefing

    briefing = load_briefing(path)
    if key is not None:
        _write_entry(entry_file, key, briefing, path)
    return briefing


def _key(path: Path) -> tuple[object, ...] | None:
    """Return what the briefing in *path* depends on, compared whole (no hash: hashlib's OpenSSL takes 10 ms to
    load); None: the file cannot be read (the loader says why)."""
    from srbrief.model.errors import MAX_BYTES
    from srbrief.safeio import InputFileError, read_limited

    try:
        data = read_limited(path, MAX_BYTES, "file")
    except (InputFileError, OSError):
        return None
    return (_FORMAT, __version__, str(path.resolve()), code_fingerprint(), data)


def code_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """Return a fingerprint of srbrief's code: the size and modification time of each of its Python files (a
    frozen app has none beside it: its executable's stand for them)."""
    package = Path(__file__).resolve().parent.parent
    found = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                found.append((os.path.join(folder, name), st.st_size, st.st_mtime_ns))
    if not found:
        import sys

        st = os.stat(sys.executable)
        found.append((sys.executable, st.st_size, st.st_mtime_ns))
    return tuple(found)


def _entry_file(path: Path) -> Path:
    from srbrief.paths import cache_dir

    where = str(path.resolve()).encode("utf-8", "surrogateescape")  # (two paths of one name: the key tells)
    return cache_dir() / "briefings" / f"{zlib.crc32(where):08x}-{len(where)}.pickle"


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _read_entry(entry_file: Path, key: tuple[object, ...]) -> Briefing | None:
    """Return the briefing kept in *entry_file* if it was kept under *key* and its documents are unchanged."""
    from srbrief.model.types import Briefing

    try:
        with open(entry_file, "rb") as f:
            kept_key, documents, briefing = pickle.load(f)
    except Exception:  # missing, unreadable, truncated or from another srbrief: load afresh
        return None
    if kept_key != key or not isinstance(briefing, Briefing):
        return None
    if any(_signature(Path(p)) != signature for p, signature in documents):
        return None
    return briefing


def _write_entry(entry_file: Path, key: tuple[object, ...], briefing: Briefing, path: Path) -> None:
    """Keep *briefing* for the next start (best effort: a cache that cannot be written is no error)."""
    from srbrief.atomic import atomic_output
    from srbrief.model.truth import document_candidates

    base = path.parent
    documents = [(str(p), _signature(p)) for doc in briefing.sources for p in document_candidates(doc, base)]
    try:
        entry_file.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(entry_file) as f:
            f.write(pickle.dumps((key, documents, briefing), protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # a full disk, a read-only cache folder: the next start loads afresh
        return
