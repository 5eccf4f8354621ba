"""Texts of a drafted briefing that still need an English translation. Qt-free.

A draft writes ``[translate] `` before the Chinese where no glossary knew the English; validation warns,
the app can list them, and an English export refuses until they are translated.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from srbrief.model.types import Briefing, Text

MARK = "[translate] "


@dataclasses.dataclass(frozen=True)
class Untranslated:
    """A text whose English is still marked: its Chinese, the item that holds it and the field."""

    zh: str
    item: str  # the id of the nearest item with one; else "@summary.2" (a line without an id) or "@" (the briefing)
    field: str  # the field of the text: "label", "message", "title" …
    holder: Any  # the object that holds the item (to name it); None for the briefing itself


def untranslated(briefing: Briefing) -> list[str]:
    """Return the Chinese of every text whose English is still marked ``[translate]``, in document order."""
    return [place.zh for place in untranslated_places(briefing)]


def untranslated_places(briefing: Briefing) -> list[Untranslated]:
    """Return where every text whose English is still marked ``[translate]`` is, in document order."""
    found: list[Untranslated] = []
    stack: list[tuple[Any, str, Any, str]] = [(briefing, "@", None, "")]  # (object, item key, holder, field)
    while stack:
        obj, item, holder, name = stack.pop(0)
        if isinstance(obj, Text):
            if obj.en.startswith(MARK.strip()):
                found.append(Untranslated(obj.zh, item, name, holder))
            continue
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            children = [(None, value)] if dataclasses.is_dataclass(value) else \
                list(enumerate(value)) if isinstance(value, tuple) else []
            for index, child in children:
                if not dataclasses.is_dataclass(child):
                    continue
                key, owner = item, holder
                child_id = getattr(child, "id", None)
                if child_id:
                    key, owner = str(child_id), child
                elif index is not None and obj is briefing:  # a summary or outlook line: named by its place
                    key, owner = f"@{f.name}.{index}", child
                stack.append((child, key, owner, f.name if index is None else name))
    return found
