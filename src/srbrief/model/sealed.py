"""The start-up cache of validated briefings, made inert: a cached model is read back only if it carries an
HMAC made with this user's own key, and even then only the model's own classes can be built from it.

The key (32 random bytes) lives beside the recovery folder, in the user's state folder (0600, in a 0700
folder), not in the cache: whoever can write the cache folder (a shared or synced cache, a wrong
``XDG_CACHE_HOME``) can neither run code in the app nor change the briefing it shows. A file that fails either
check is a cache miss: the briefing is parsed and validated again.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import os
import pickle
import secrets
from enum import Enum
from pathlib import Path
from typing import Any

from srbrief.model.errors import MAX_BYTES
from srbrief.paths import recovery_dir
from srbrief.safeio import InputFileError, read_limited

_MAGIC = b"srbrief-sealed-1\n"
_TYPES = "srbrief.model.types"
_keys: dict[Path, bytes] = {}  # read once per process (per folder: tests move it)


def _secret() -> bytes:
    """Return this user's cache key (made on first use)."""
    path = recovery_dir().parent / "cache.key"
    key = _keys.get(path)
    if key is None:
        try:
            key = read_limited(path, 32, "cache key")  # a regular file, never a FIFO or a device
            if len(key) != 32:
                raise InputFileError(path, "not a key")
        except InputFileError:
            key = secrets.token_bytes(32)
            with contextlib.suppress(OSError):  # no key file: the cache only works for this process
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
                             | getattr(os, "O_NONBLOCK", 0), 0o600)
                with os.fdopen(fd, "wb") as f:
                    f.write(key)
        _keys[path] = key
    return key


def seal(model: object) -> bytes:
    """Return *model* pickled, with the HMAC that :func:`unseal` checks."""
    data = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
    return _MAGIC + hmac.new(_secret(), data, hashlib.sha256).digest() + data


class _ModelOnly(pickle.Unpickler):
    """Builds the model's dataclasses and enums, nothing else (no functions, no other modules)."""

    def find_class(self, module: str, name: str) -> Any:
        if module == _TYPES:
            from srbrief.model import types

            found = getattr(types, name, None)
            if isinstance(found, type) and (hasattr(found, "__dataclass_fields__") or issubclass(found, Enum)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of the briefing model")


def unseal(sealed: bytes) -> object | None:
    """Return the model in *sealed*, or None if it was not sealed with this user's key or holds anything else."""
    size = len(_MAGIC) + 32
    if not sealed.startswith(_MAGIC) or len(sealed) < size:
        return None
    mac, data = sealed[len(_MAGIC):size], sealed[size:]
    if not hmac.compare_digest(mac, hmac.new(_secret(), data, hashlib.sha256).digest()):
        return None
    try:
        return _ModelOnly(io.BytesIO(data)).load()
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError,
            KeyError, RecursionError):
        return None


def read_sealed(path: Path) -> object | None:
    """Return the model sealed in the file *path* (a regular file, read bounded), or None."""
    try:
        return unseal(read_limited(Path(path), 16 * MAX_BYTES, "cache file"))
    except InputFileError:
        return None
