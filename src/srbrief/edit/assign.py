"""``PATH=VALUE`` assignments, as ``srbrief set`` takes them, turned into one validated edit of a document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from srbrief.edit.address import REMOVE, coerce
from srbrief.edit.document import Batch, Command, Document, RemoveField, SetField, read_back
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


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)
