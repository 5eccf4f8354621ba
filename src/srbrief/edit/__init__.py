"""Editing a briefing (Qt-free): commands that change its YAML text in place, validated, with undo.

The names below load their modules on first use (PEP 562), so that importing a light part (the recovery files)
does not import PyYAML and the whole model: the app starts no slower for being able to edit.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "REMOVE": "address", "Target": "address", "EditError": "yamltext", "undo_name": "describe",
    **{name: "document" for name in ("Change", "Document", "FileChangedError", "ReadOnlyError", "is_builtin")},
    **{name: "commands" for name in ("AddItem", "Batch", "Command", "MoveItem", "RemoveField", "RemoveItem",
                                     "ReplaceText", "SetField")},
}

if TYPE_CHECKING:
    from srbrief.edit.address import REMOVE, Target
    from srbrief.edit.commands import (
        AddItem,
        Batch,
        Command,
        MoveItem,
        RemoveField,
        RemoveItem,
        ReplaceText,
        SetField,
    )
    from srbrief.edit.describe import undo_name
    from srbrief.edit.document import Change, Document, FileChangedError, ReadOnlyError, is_builtin
    from srbrief.edit.yamltext import EditError


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"srbrief.edit.{_WHERE[name]}"), name)


__all__ = [
    "REMOVE", "AddItem", "Batch", "Change", "Command", "Document", "EditError", "FileChangedError", "MoveItem",
    "ReadOnlyError", "RemoveField", "RemoveItem", "ReplaceText", "SetField", "Target", "is_builtin", "undo_name",
]
