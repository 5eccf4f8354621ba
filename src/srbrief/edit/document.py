"""A briefing being edited: its YAML text, the validated model of that text, and the undo history.

Edits are commands (:class:`SetField`, :class:`RemoveField`, :class:`AddItem`, :class:`RemoveItem`,
:class:`MoveItem`, and :class:`Batch` of them). :meth:`Document.apply` runs one on the text, validates the
result with the loader at once and keeps it only if it is a valid briefing; otherwise it raises
:class:`BriefingError` and nothing changes. Every kept state is valid, so :meth:`Document.save` never writes
an invalid briefing; it writes atomically and refuses the built-in briefing and a file changed on disk.
The text is changed by splicing (see :mod:`srbrief.edit.yamltext` for why), so saving keeps the file as its
author wrote it. The GUI's QUndoStack wraps the same commands; ``srbrief set`` uses them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from srbrief.edit import splice
from srbrief.edit.address import Target, resolve
from srbrief.edit.yamltext import EditError, PathKey, compose, walk
from srbrief.model.errors import BriefingError, Problem
from srbrief.model.loader import parse_briefing
from srbrief.model.types import Briefing

_BOM = b"\xef\xbb\xbf"


class ReadOnlyError(Exception):
    """The file may not be written (the built-in briefing)."""


class FileChangedError(Exception):
    """The file on disk changed since it was opened or saved; saving would overwrite that change."""


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
        new = splice.set_value(text, self.path, self.value)
        if read_back(new, self.path) != self.value:  # the splice must read back as exactly the value set
            raise EditError(f"{_dotted(self.path)}: the new value does not read back unchanged")
        return new


MISSING = object()  # read_back: nothing there


def read_back(text: str, path: Sequence[PathKey]) -> Any:
    """Return the plain value at *path* in *text* (``MISSING`` if there is none or the text is not YAML)."""
    import yaml

    try:
        nodes = walk(compose(text), path)
    except (yaml.YAMLError, EditError):
        return MISSING
    if len(nodes) != len(path) + 1:
        return MISSING
    return yaml.constructor.SafeConstructor().construct_document(nodes[-1])


@dataclass(frozen=True)
class RemoveField:
    """Remove an (optional) field: its key, value and any comment on its lines."""

    path: tuple[PathKey, ...]
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Remove {_dotted(self.path)}"

    def apply(self, text: str) -> str:
        return splice.remove_key(text, self.path)


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
        return splice.insert_item(text, self.list_path, self.index, self.value)


@dataclass(frozen=True)
class RemoveItem:
    path: tuple[PathKey, ...]
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Remove {_dotted(self.path)}"

    def apply(self, text: str) -> str:
        return splice.remove_item(text, self.path)


@dataclass(frozen=True)
class MoveItem:
    path: tuple[PathKey, ...]
    to: int
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or f"Move {_dotted(self.path)}"

    def apply(self, text: str) -> str:
        return splice.move_item(text, self.path, self.to)


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


@dataclass(frozen=True)
class Change:
    """One applied edit: the text and the model before and after."""

    name: str
    before: str
    after: str
    briefing_before: Briefing = field(repr=False)
    briefing_after: Briefing = field(repr=False)


class Document:
    """A briefing file open for editing."""

    def __init__(self, text: str, filename: str, path: Path | None = None, *, bom: bool = False,
                 read_only: bool = False, disk: bytes | None = None, source_text: str | None = None,
                 briefing: Briefing | None = None) -> None:
        self.briefing = briefing if briefing is not None else parse_briefing(text, filename, source_text)
        self.text = text
        self.filename = filename
        self.path = path
        self.read_only = read_only
        self.source_text = source_text
        self._bom = bom
        self._disk = disk
        self._saved_text = text
        self._history: list[Change] = []
        self._cursor = 0  # changes before the cursor are applied

    @classmethod
    def open(cls, path: str | Path, source_text: str | None = None) -> Document:
        """Return the briefing at *path*, validated (raises :class:`BriefingError`)."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BriefingError([Problem(str(path), 1, 1, "", f"cannot read the file: {exc.strerror}")]) from None
        briefing = parse_briefing(data, str(path), source_text)  # the loader's size and encoding checks too
        return cls(data.decode("utf-8-sig"), str(path), path, bom=data.startswith(_BOM),
                   read_only=is_builtin(path), disk=data, source_text=source_text, briefing=briefing)

    # --- editing ---------------------------------------------------------------------------------------

    def apply(self, command: Command) -> Change:
        """Apply *command* if the result is a valid briefing; otherwise raise :class:`BriefingError`."""
        try:
            after = command.apply(self.text)
        except EditError as exc:
            raise self.error_at(str(exc), exc.index) from None
        briefing = parse_briefing(after, self.filename, self.source_text)
        change = Change(command.name, self.text, after, self.briefing, briefing)
        del self._history[self._cursor:]
        self._history.append(change)
        self._cursor += 1
        self.text, self.briefing = after, briefing
        return change

    def undo(self) -> Change | None:
        """Undo the last applied change; return it (None when there is nothing to undo)."""
        if not self._cursor:
            return None
        self._cursor -= 1
        change = self._history[self._cursor]
        self.text, self.briefing = change.before, change.briefing_before
        return change

    def redo(self) -> Change | None:
        """Apply again the last undone change; return it (None when there is nothing to redo)."""
        if self._cursor == len(self._history):
            return None
        change = self._history[self._cursor]
        self._cursor += 1
        self.text, self.briefing = change.after, change.briefing_after
        return change

    @property
    def undo_name(self) -> str | None:
        return self._history[self._cursor - 1].name if self._cursor else None

    @property
    def redo_name(self) -> str | None:
        return self._history[self._cursor].name if self._cursor < len(self._history) else None

    @property
    def modified(self) -> bool:
        """Return whether the text differs from the file as last opened or saved."""
        return self.text != self._saved_text

    def target(self, name: str) -> Target:
        """Return where the user's path *name* points (raises :class:`BriefingError` with a position)."""
        try:
            return resolve(compose(self.text), name)
        except EditError as exc:
            raise self.error_at(str(exc), exc.index, name) from None

    def error_at(self, message: str, index: int, path: str = "") -> BriefingError:
        """Return a :class:`BriefingError` for *message* at character *index* of the text."""
        text = self.text
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        prefix = f"{path}: "
        if path and message.startswith(prefix):
            message = message[len(prefix):]
        return BriefingError([Problem(self.filename, line, col, path, message)])

    def changed_on_disk(self) -> bool:
        """Return whether the file differs from what was last opened or saved here (False without a file)."""
        return self.path is not None and self._disk is not None and _read(self.path) != self._disk

    # --- saving ----------------------------------------------------------------------------------------

    def save(self, path: str | Path | None = None, *, overwrite_changed: bool = False) -> Path:
        """Write the briefing atomically to *path* (default: where it was opened) and return the path."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ReadOnlyError("this briefing has no file yet: save it under a name")
        if is_builtin(target):
            raise ReadOnlyError(f"{target}: the built-in briefing is read-only; save a copy under another name")
        same_file = self.path is not None and target.resolve() == self.path.resolve()
        if same_file and not overwrite_changed and self._disk is not None and _read(target) != self._disk:
            raise FileChangedError(f"{target}: the file changed on disk since it was opened")
        parse_briefing(self.text, str(target), self.source_text)  # never write an invalid briefing
        from srbrief.atomic import atomic_output

        data = (_BOM if self._bom else b"") + self.text.encode("utf-8")
        with atomic_output(target) as f:
            f.write(data)
        self.path, self.filename, self.read_only = target, str(target), False
        self._disk, self._saved_text = data, self.text
        return target


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def is_builtin(path: Path) -> bool:
    """Return whether *path* is the built-in briefing shipped with srbrief."""
    from srbrief.resources import builtin_briefing_path

    try:
        return path.resolve() == builtin_briefing_path().resolve()
    except (OSError, FileNotFoundError):
        return False
