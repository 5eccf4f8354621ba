"""``PATH=VALUE`` assignments, as ``srbrief set`` takes them, turned into one validated edit of a document."""

from __future__ import annotations

import typing
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from srbrief.edit.address import REMOVE, Target, coerce
from srbrief.edit.commands import AddItem, Batch, Command, RemoveField, SetField, read_back
from srbrief.edit.document import Document
from srbrief.edit.verify import MISSING
from srbrief.edit.yamltext import EditError, Source, escape_char, parsed


def split_assignment(text: str) -> tuple[str, str]:
    """Return (path, value) of ``PATH=VALUE``; raise ValueError if there is no ``=``."""
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise ValueError(f"expected PATH=VALUE, got {escaped(text)} (e.g. metrics.ID.value=6300)")
    return name.strip(), raw


def assignments_edit(doc: Document, assignments: Sequence[str]) -> tuple[Batch, list[Target]]:
    """Return the edit for *assignments* and the target of each distinct path, in the order given.

    Raises :class:`~srbrief.model.errors.BriefingError` (with the position in the file) for a bad path or a
    value of the wrong type, ValueError for text that is not ``PATH=VALUE``.
    """
    commands: list[Command] = []
    targets: dict[tuple[Any, ...], Target] = {}
    for text in assignments:
        name, raw = split_assignment(text)
        if name.endswith("[+]"):  # append an item: sources[+]={id: ..., ...}
            added = _append(doc, name, raw)
            count = sum(isinstance(c, AddItem) and c.list_path == added.list_path for c in commands)
            at = len(read_back(doc.parsed, added.list_path)) + count
            commands.append(added)
            targets.setdefault((*added.list_path, at), replace(_list_target(doc, name), name=name,
                                                               path=(*added.list_path, at)))
            continue
        target = doc.target(name)
        try:
            value: Any = coerce(raw, target)
            _check_text(value, target)
        except EditError as exc:
            raise doc.error_at(str(exc), exc.index, name) from None
        except ValueError:  # e.g. a number of thousands of digits
            raise doc.error_at(f"{name}: not a value srbrief can store (too many digits?)", target.index,
                               name) from None
        targets.setdefault(target.path, target)
        if value is REMOVE:
            if read_back(doc.parsed, target.path) is not MISSING or _set_before(commands, target.path):
                commands.append(RemoveField(target.path, label=f"Remove {name}"))
        else:
            commands.append(SetField(target.path, value, label=f"Set {name}"))
    return Batch(tuple(commands), label="; ".join(c.name for c in commands)), list(targets.values())


def _list_target(doc: Document, name: str) -> Target:
    return doc.target(name[:-3])


def _append(doc: Document, name: str, raw: str) -> AddItem:
    """Return the command that appends the value *raw* to the list *name* (written ``LIST[+]``)."""
    target = _list_target(doc, name)
    if typing.get_origin(target.hint) is not tuple or not target.exists:
        raise doc.error_at(f"{name}: {name[:-3]} is not a list of this file", target.index, name)
    item = replace(target, name=name, hint=typing.get_args(target.hint)[0], optional=False)
    try:
        value = coerce(raw, item)
    except EditError as exc:
        raise doc.error_at(str(exc), exc.index, name) from None
    return AddItem(target.path, value, label=f"Add to {name[:-3]}")


def _set_before(commands: Sequence[Command], path: tuple[Any, ...]) -> bool:
    return any(isinstance(c, SetField) and c.path[:len(path)] == path for c in commands)


def _check_text(value: Any, target: Target) -> None:
    """Refuse text that cannot be stored in a UTF-8 file (lone surrogates, as some shells pass them)."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise EditError(f"{target.name}: the value is not valid Unicode text (it holds a lone "
                                "surrogate); check the terminal's encoding", target.index) from None


def report(before: Source, after: Source, targets: Sequence[Target]) -> list[str]:
    """Return one line per target saying what changed, read from the texts before and after (so a line never
    claims a change that is not in the file)."""
    lines = []
    before, after = parsed(before), parsed(after)
    for target in targets:
        old, new = read_back(before, target.path), read_back(after, target.path)
        if target.name.endswith("[+]"):
            lines.append(f"{target.name}: added {_show(new)}")
        elif old == new:
            lines.append(f"{target.name}: {_show(old)} (unchanged)")
        elif new is MISSING:
            lines.append(f"{target.name}: {_show(old)} → (removed)")
        else:
            lines.append(f"{target.name}: {_show(old)} → {_show(new)}")
    return lines


def set_file(path: Path, assignments: Sequence[str]) -> list[str]:
    """Apply *assignments* to the briefing file *path* under its lock; return the report lines.

    Raises BriefingError (a bad path or value, an invalid result), ValueError (not ``PATH=VALUE``), and the
    guarded write path's errors (see :mod:`srbrief.edit.guard`); in every such case nothing is written.
    """
    with Document.locked(path) as held:
        doc = Document.from_bytes(held.data, path)
        before = doc.parsed
        edit, targets = assignments_edit(doc, assignments)
        doc.apply(edit)  # a value that breaks a rule raises BriefingError: nothing is written
        if doc.modified:
            doc.write_locked(held)
    return [f"{escaped(str(path))}: {line}" for line in report(before, doc.parsed, targets)]


def escaped(text: str) -> str:
    """Return *text* safe to print on a terminal: control, format (bidi) and other invisible characters as
    ``\\uXXXX`` escapes."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        out.append(ch if ch.isprintable() else escape_char(ch))
    return "".join(out)


def _show(value: Any) -> str:
    if value is None or value is MISSING:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{escaped(str(k))}: {_show(v)}" for k, v in value.items()) + "}"
    return escaped(str(value))
