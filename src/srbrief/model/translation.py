"""Texts of a drafted briefing that still need an English translation. Qt-free.

A draft writes ``[translate] `` before the Chinese where no glossary knew the English; validation warns,
the app can list them, and an English export refuses until they are translated.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from srbrief.model.types import Briefing, Text

MARK = "[translate] "


def untranslated(briefing: Briefing) -> list[str]:
    """Return the Chinese of every text whose English is still marked ``[translate]``, in document order."""
    found: list[str] = []
    stack: list[Any] = [briefing]
    while stack:
        obj = stack.pop(0)
        if isinstance(obj, Text):
            if obj.en.startswith(MARK.strip()):
                found.append(obj.zh)
            continue
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if dataclasses.is_dataclass(value):
                stack.append(value)
            elif isinstance(value, tuple):
                stack.extend(v for v in value if dataclasses.is_dataclass(v))
    return found
