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
from srbrief.edit.yamltext import EditError, Parsed, PathKey, Source, compose, parsed, walk


class Command(Protocol):
    """An edit: a name for menus, and the new text it makes of the old (:meth:`edit`: the new text with its
    tree, composed once to check it, from the old one with its tree)."""

    @property
    def name(self) -> str: ...

    def apply(self, text: str) -> str: ...

    def edit(self, src: Parsed) -> Parsed: ...


class _Edits:
    """``apply`` on a bare text, by :meth:`edit` (which each command defines)."""

    def apply(self, text: str) -> str:
        return self.edit(Parsed(text)).text

    def edit(self, src: Parsed) -> Parsed:
        raise NotImplementedError


def _dotted(path: Sequence[PathKey]) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out


@dataclass(frozen=True)
class SetField(_Edits):
    """Set the value at a physical path (mapping keys and list indexes); missing keys are added."""

    path: tuple[PathKey, ...]
    value: Any
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Set {_dotted(self.path)}"

    def edit(self, src: Parsed) -> Parsed:
        def splice_it(src: Parsed) -> Parsed:
            new = Parsed(splice.set_value(src, self.path, self.value))
            if read_back(new, self.path) != self.value:  # the splice must read back as exactly the value set
                raise EditError(f"{_dotted(self.path)}: the value cannot be written so that it reads back "
                                "exactly as given", _index(src, self.path))
            return new
        return checked(src, self.path, splice_it, lambda data: verify.set_at(data, self.path, self.value))


def _index(source: Source, path: Sequence[PathKey]) -> int:
    """Return where the value at *path* (or the nearest thing that holds it) starts in *source*."""
    return int(walk(compose(source), path)[-1].start_mark.index)


def checked(src: Parsed, path: Sequence[PathKey], change: Callable[[Parsed], Parsed | str],
            expect: Callable[[Any], Any]) -> Parsed:
    """Return ``change(src)`` after refusing a path through an anchor or alias, and checking that the new
    text reads as the old data changed by *expect* and nothing else (the new text is composed once, here,
    and its tree goes on with it: to the validation and to the next edit)."""
    verify.refuse_shared(src, path, _dotted(path))
    expected = expect(verify.plain_text(src))
    index = _index(src, path)
    new = parsed(change(src))
    verify.check_unchanged(expected, new, index)
    return new


MISSING = verify.MISSING  # read_back: nothing there


def read_back(source: Source, path: Sequence[PathKey]) -> Any:
    """Return the plain value at *path* in *source* (``MISSING`` if there is none or the text is not YAML)."""
    import yaml

    try:
        nodes = walk(compose(source), path)
    except (yaml.YAMLError, EditError):
        return MISSING
    if len(nodes) != len(path) + 1:
        return MISSING
    return verify.plain(nodes[-1])


@dataclass(frozen=True)
class _Removal(_Edits):
    """What the two removals share: a path and a menu name."""

    path: tuple[PathKey, ...]
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Remove {_dotted(self.path)}"


@dataclass(frozen=True)
class RemoveField(_Removal):
    """Remove an (optional) field: its key, value and any comment on its lines."""

    def edit(self, src: Parsed) -> Parsed:
        return checked(src, self.path, lambda t: splice.remove_key(t, self.path),
                       lambda data: verify.remove_at(data, self.path))


@dataclass(frozen=True)
class AddItem(_Edits):
    """Insert an item (plain data: dicts, lists, scalars) into a list before *index* (None: at the end)."""

    list_path: tuple[PathKey, ...]
    value: Any
    index: int | None = None
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Add to {_dotted(self.list_path)}"

    def edit(self, src: Parsed) -> Parsed:
        return checked(src, self.list_path, lambda t: splice.insert_item(t, self.list_path, self.index, self.value),
                       lambda data: verify.insert_at(data, self.list_path, self.index, self.value))


@dataclass(frozen=True)
class RemoveItem(_Removal):
    """Remove a list item (the list's last item leaves ``[]``)."""

    def edit(self, src: Parsed) -> Parsed:
        return checked(src, self.path, lambda t: splice.remove_item(t, self.path),
                       lambda data: verify.remove_item_at(data, self.path))


@dataclass(frozen=True)
class MoveItem(_Edits):
    path: tuple[PathKey, ...]
    to: int
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Move {_dotted(self.path)}"

    def edit(self, src: Parsed) -> Parsed:
        return checked(src, self.path, lambda t: splice.move_item(t, self.path, self.to),
                       lambda data: verify.move_item_at(data, self.path, self.to))


@dataclass(frozen=True)
class Batch(_Edits):
    """Several commands as one edit (validated once, undone at once)."""

    commands: tuple[Command, ...]
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or "; ".join(c.name for c in self.commands)

    def edit(self, src: Parsed) -> Parsed:
        return self.steps(src)[-1]

    def steps(self, src: Parsed) -> list[Parsed]:
        """Return the text before the batch and after each of its commands, each with its tree."""
        states = [src]
        for command in self.commands:
            states.append(command.edit(states[-1]))
        return states


@dataclass(frozen=True)
class ReplaceText(_Edits):
    """Replace the whole text (restoring a recovery file): validated and undone like any other edit."""

    text: str
    label: str = "Replace the text"

    @property
    def name(self) -> str:
        return self.label

    def edit(self, src: Parsed) -> Parsed:
        return Parsed(self.text)  # composed (and checked) by the loader, as a file opened
