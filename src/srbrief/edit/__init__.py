"""Editing a briefing (Qt-free): commands that change its YAML text in place, validated, with undo."""

from __future__ import annotations

from srbrief.edit.address import REMOVE, Target
from srbrief.edit.document import (
    AddItem,
    Batch,
    Change,
    Command,
    Document,
    FileChangedError,
    MoveItem,
    ReadOnlyError,
    RemoveField,
    RemoveItem,
    ReplaceText,
    SetField,
    is_builtin,
)
from srbrief.edit.yamltext import EditError

__all__ = [
    "REMOVE", "AddItem", "Batch", "Change", "Command", "Document", "EditError", "FileChangedError", "MoveItem",
    "ReadOnlyError", "RemoveField", "RemoveItem", "ReplaceText", "SetField", "Target", "is_builtin",
]
