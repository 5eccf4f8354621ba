"""``PATH=VALUE`` assignments, as ``srbrief set`` takes them, turned into one validated edit of a document."""

from __future__ import annotations

import typing
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from srbrief.edit.address import REMOVE, coerce
from srbrief.edit.document import AddItem, Batch, Command, Document, RemoveField, SetField, read_back
from srbrief.edit.yamltext import EditError


def split_assignment(text: str) -> tuple[str, str]:
    """Return (path, value) of ``PATH=VALUE``; raise ValueError if there is no ``=``."""
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise ValueError(f"expected PATH=VALUE, got {text!r} (e.g. metrics.ID.value=6300)")
    return name.strip(), raw


def assignments_edit(doc: Document, assignments: Sequence[str]) -> tuple[Batch, list[str]]:
    """Return the edit for *assignments* and one line per assignment saying what changes.

    Raises :class:`~srbrief.model.errors.BriefingError` (with the position in the file) for a bad path or a
    value of the wrong type, ValueError for text that is not ``PATH=VALUE``.
    """
    commands: list[Command] = []
    lines: list[str] = []
    for text in assignments:
        name, raw = split_assignment(text)
        if name.endswith("[+]"):  # append an item: sources[+]={id: ..., ...}
            added = _append(doc, name, raw)
            commands.append(added)
            lines.append(f"{name}: added {_show(added.value)}")
            continue
        target = doc.target(name)
        try:
            value: Any = coerce(raw, target)
        except EditError as exc:
            raise doc.error_at(str(exc), exc.index, name) from None
        old = read_back(doc.text, target.path) if target.exists else None
        if value is REMOVE:
            if target.exists:
                commands.append(RemoveField(target.path, label=f"Remove {name}"))
            lines.append(f"{name}: {_show(old)} → (removed)")
        else:
            commands.append(SetField(target.path, value, label=f"Set {name}"))
            lines.append(f"{name}: {_show(old)} → {_show(value)}")
    return Batch(tuple(commands), label="; ".join(c.name for c in commands)), lines


def _append(doc: Document, name: str, raw: str) -> AddItem:
    """Return the command that appends the value *raw* to the list *name* (written ``LIST[+]``)."""
    target = doc.target(name[:-3])
    if typing.get_origin(target.hint) is not tuple or not target.exists:
        raise doc.error_at(f"{name}: {name[:-3]} is not a list of this file", target.index, name)
    item = replace(target, name=name, hint=typing.get_args(target.hint)[0], optional=False)
    try:
        value = coerce(raw, item)
    except EditError as exc:
        raise doc.error_at(str(exc), exc.index, name) from None
    return AddItem(target.path, value, label=f"Add to {name[:-3]}")


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)
