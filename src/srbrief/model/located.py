"""A parsed YAML value that remembers where it stood in the file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Located:
    """A parsed value with the 1-based line and column where it starts."""

    value: Any  # None, bool, int, float, str, list[Located] or dict[str, Located]
    line: int
    col: int
    keys: dict[str, tuple[int, int]] | None = None  # for mappings: where each key stands
