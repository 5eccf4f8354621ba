"""Edit commands: each takes the YAML text of a briefing and returns the new text with one change.

:class:`SetField`, :class:`RemoveField`, :class:`AddItem`, :class:`RemoveItem`, :class:`MoveItem`, and
:class:`Batch` of them. Each also says what it does to the plain data (:meth:`expect`), so that the document
can check after every edit that nothing else changed (see :mod:`srbrief.edit.verify`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from srbrief.edit import splice, verify
from srbrief.edit.yamltext import EditError, PathKey, compose, walk


class Command(Protocol):
    """An edit: a name for menus, and the new text it makes of the old."""

    @property
    def name(self) -> str: ...

    def apply(self, text: str) -> str: ...


def _dotted(path: Sequence[PathKey]) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out


@dataclass(frozen=True)
class SetField:
    """Set the value at a physical path (mapping keys and list indexes); missing keys are added."""

    path: tuple[PathKey, ...]
    value: Any
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Set {_dotted(self.path)}"

    def apply(self, text: str) -> str:
        def splice_it(text: str) -> str:
            new = splice.set_value(text, self.path, self.value)
            if read_back(new, self.path) != self.value:  # the splice must read back as exactly the value set
                raise EditError(f"{_dotted(self.path)}: the value cannot be written so that it reads back "
                                "exactly as given", _index(text, self.path))
            return new
        return checked(text, self.path, splice_it, lambda data: verify.set_at(data, self.path, self.value))


def _index(text: str, path: Sequence[PathKey]) -> int:
    """Return where the value at *path* (or the nearest thing that holds it) starts in *text*."""
    return int(walk(compose(text), path)[-1].start_mark.index)


def checked(text: str, path: Sequence[PathKey], change: Callable[[str], str],
            expect: Callable[[Any], Any]) -> str:
    """Return ``change(text)`` after refusing a path through an anchor or alias, and checking that the new
    text reads as the old data changed by *expect* and nothing else."""
    verify.refuse_shared(text, path, _dotted(path))
    expected = expect(verify.plain_text(text))
    index = _index(text, path)  # before the change: the new text's tree stays the one kept for validating it
    new = change(text)
    verify.check_unchanged(expected, new, index)
    return new


MISSING = verify.MISSING  # read_back: nothing there


def read_back(text: str, path: Sequence[PathKey]) -> Any:
    """Return the plain value at *path* in *text* (``MISSING`` if there is none or the text is not YAML)."""
    import yaml

    try:
        nodes = walk(compose(text), path)
    except (yaml.YAMLError, EditError):
        return MISSING
    if len(nodes) != len(path) + 1:
        return MISSING
    return verify.plain(nodes[-1])


@dataclass(frozen=True)
class _Removal:
    """What the two removals share: a path and a menu name."""

    path: tuple[PathKey, ...]
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Remove {_dotted(self.path)}"


@dataclass(frozen=True)
class RemoveField(_Removal):
    """Remove an (optional) field: its key, value and any comment on its lines."""

    def apply(self, text: str) -> str:
        return checked(text, self.path, lambda t: splice.remove_key(t, self.path),
                       lambda data: verify.remove_at(data, self.path))


@dataclass(frozen=True)
class AddItem:
    """Insert an item (plain data: dicts, lists, scalars) into a list before *index* (None: at the end)."""

    list_path: tuple[PathKey, ...]
    value: Any
    index: int | None = None
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Add to {_dotted(self.list_path)}"

    def apply(self, text: str) -> str:
        return checked(text, self.list_path, lambda t: splice.insert_item(t, self.list_path, self.index, self.value),
                       lambda data: verify.insert_at(data, self.list_path, self.index, self.value))


@dataclass(frozen=True)
class RemoveItem(_Removal):
    """Remove a list item (the list's last item leaves ``[]``)."""

    def apply(self, text: str) -> str:
        return checked(text, self.path, lambda t: splice.remove_item(t, self.path),
                       lambda data: verify.remove_item_at(data, self.path))


@dataclass(frozen=True)
class MoveItem:
    path: tuple[PathKey, ...]
    to: int
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Move {_dotted(self.path)}"

    def apply(self, text: str) -> str:
        return checked(text, self.path, lambda t: splice.move_item(t, self.path, self.to),
                       lambda data: verify.move_item_at(data, self.path, self.to))


@dataclass(frozen=True)
class Batch:
    """Several commands as one edit (validated once, undone at once)."""

    commands: tuple[Command, ...]
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or "; ".join(c.name for c in self.commands)

    def apply(self, text: str) -> str:
        for command in self.commands:
            text = command.apply(text)
        return text


@dataclass(frozen=True)
class ReplaceText:
    """Replace the whole text (restoring a recovery file): validated and undone like any other edit."""

    text: str
    label: str = "Replace the text"

    @property
    def name(self) -> str:
        return self.label

    def apply(self, text: str) -> str:
        return self.text
