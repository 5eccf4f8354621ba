"""Edit commands: each takes the YAML text of a briefing and returns the new text with one change.

:class:`SetField`, :class:`RemoveField`, :class:`AddItem`, :class:`RemoveItem`, :class:`MoveItem`, and
:class:`Batch` of them. Each also says what it does to the plain data (:meth:`expect`), so that the document
can check after every edit that nothing else changed (see :mod:`srbrief.edit.verify`).
"""

from __future__ import annotations

import itertools
import typing
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

    src = parsed(source)
    if src.composed is None and src.known("plain"):  # a state a batch spliced in one go: read its data
        return _lookup(verify.plain_text(src), path)
    try:
        nodes = walk(src.root, path)
    except (yaml.YAMLError, EditError):
        return MISSING
    if len(nodes) != len(path) + 1:
        return MISSING
    return verify.plain(nodes[-1])


def _lookup(data: Any, path: Sequence[PathKey]) -> Any:
    """Return the value at *path* in plain *data* as :func:`read_back` finds it in the tree (``MISSING``: none;
    a valid briefing's keys are all strings)."""
    for key in path:
        found = (isinstance(data, dict) and isinstance(key, str) and key in data) or \
            (isinstance(data, list) and isinstance(key, int) and not isinstance(key, bool) and 0 <= key < len(data))
        if not found:
            return MISSING
        data = data[key]
    return data


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
        """Return the text before the batch and after each of its commands: the last one with its tree, the
        ones between with their tree or their data (see :func:`spliced_together`)."""
        together = spliced_together(self.commands, src)
        if together is not None:
            return together
        states = [src]
        for command in self.commands:
            states.append(command.edit(states[-1]))
        return states


def _nested(a: Sequence[PathKey], b: Sequence[PathKey]) -> bool:
    return tuple(a[:len(b)]) == tuple(b) or tuple(b[:len(a)]) == tuple(a)


def _span(old: str, new: str) -> tuple[int, int, str]:
    """Return (start, end, replacement) of the one stretch of *old* that *new* replaces (a splice)."""
    lo, hi = 0, min(len(old), len(new))
    while lo < hi:  # the common prefix, by halves (slices compare in C)
        mid = (lo + hi + 1) // 2
        if old[:mid] == new[:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    lo, hi = 0, min(len(old), len(new)) - prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid:] == new[len(new) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return prefix, len(old) - lo, new[prefix:len(new) - lo]


def _spliced(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    out: list[str] = []
    at = 0
    for start, end, new in sorted(spans):
        out += (text[at:start], new)
        at = end
    return "".join(out) + text[at:]


def spliced_together(commands: Sequence[Command], src: Parsed) -> list[Parsed] | None:
    """Return the states of a batch of :class:`SetField` of separate values, made by splicing each value into
    the text it starts from and composing only the result; None when that does not apply (then each command
    is applied, and checked, in turn).

    The splices are worked out on the tree of *src*: they must touch stretches of text apart from one another,
    at paths none of which holds another, in a text without aliases. The result is checked as every edit is:
    it reads as the data before with each value set (and each value reads back exactly), else None. The states
    between keep their text and their data, without a tree (the undo name reads them). A property test
    compares the texts with those of applying the commands one by one (tests/edit/test_parsed.py)."""
    if len(commands) < 2 or not all(type(c) is SetField for c in commands) or "*" in src.text:
        return None
    sets = typing.cast(list[SetField], list(commands))
    if any(_nested(a.path, b.path) for i, a in enumerate(sets) for b in sets[i + 1:]):
        return None
    import yaml

    try:
        data = [verify.plain_text(src)]
        spans = [_span(src.text, splice.set_value(src, c.path, c.value)) for c in sets]
    except (EditError, yaml.YAMLError):
        return None
    ordered = sorted(spans)
    if any(a[1] >= b[0] for a, b in itertools.pairwise(ordered)):  # touching or overlapping: one by one
        return None
    for command in sets:
        data.append(verify.set_at(data[-1], command.path, command.value))
    states = [src, *(Parsed(_spliced(src.text, spans[:i]), data=data[i]) for i in range(1, len(sets)))]
    final = Parsed(_spliced(src.text, spans))
    try:
        if verify.plain_text(final) != data[-1] or any(read_back(final, c.path) != c.value for c in sets):
            return None
    except EditError:
        return None
    return [*states, final]


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
