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

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from srbrief.edit import guard
from srbrief.edit.address import Target, resolve
from srbrief.edit.commands import Batch, Command
from srbrief.edit.yamltext import EditError, Parsed, compose
from srbrief.model.errors import MAX_BYTES, BriefingError, Problem
from srbrief.model.loader import parse_briefing
from srbrief.model.types import Briefing
from srbrief.safeio import InputFileError, read_limited

_BOM = b"\xef\xbb\xbf"
MAX_HISTORY = 100  # undo steps kept in memory (each holds a text and a model: a few hundred KB); see README
APP_LOCK_TIMEOUT = 2.0  # seconds the app waits for another srbrief writing the same file


class ReadOnlyError(Exception):
    """The file may not be written (the built-in briefing)."""


class FileChangedError(Exception):
    """The file on disk changed since it was opened or saved; saving would overwrite that change."""


@dataclass(frozen=True)
class Change:
    """One applied edit: the text and the model before and after; *states*: the text before it and after each
    of its commands (one for a single command), with their trees while the change is the latest."""

    name: str
    before: str
    after: str
    briefing_before: Briefing = field(repr=False)
    briefing_after: Briefing = field(repr=False)
    states: tuple[Parsed, ...] = field(default=(), repr=False, compare=False)


class Document:
    """A briefing file open for editing."""

    def __init__(self, text: str, filename: str, path: Path | None = None, *, bom: bool = False,
                 read_only: bool = False, disk: bytes | None = None, source_text: str | None = None,
                 briefing: Briefing | None = None) -> None:
        self.newline = newline_style(text)
        if self.newline != "\n":  # edited with LF line breaks (positions and inserted lines), saved with the file's
            text = text.replace(self.newline, "\n")
        self.briefing = briefing if briefing is not None else parse_briefing(text, filename, source_text)
        self.parsed = Parsed(text)  # the text, with its tree once an edit composed it
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
        return cls.from_bytes(_read_bounded(path), path, source_text)

    @classmethod
    def from_bytes(cls, data: bytes, path: Path, source_text: str | None = None) -> Document:
        """Return the briefing in *data*, the bytes of the file at *path* (raises :class:`BriefingError`)."""
        briefing = parse_briefing(data, str(path), source_text)  # the loader's size and encoding checks too
        return cls(data.decode("utf-8-sig"), str(path), path, bom=data.startswith(_BOM),
                   read_only=is_builtin(path), disk=data, source_text=source_text, briefing=briefing)

    # --- editing ---------------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """Return the YAML text as edited (LF line breaks)."""
        return self.parsed.text

    def apply(self, command: Command) -> Change:
        """Apply *command* if the result is a valid briefing; otherwise raise :class:`BriefingError`.

        The text is composed once per command of the edit (to check what the splice did); the validation
        reads the last of those trees instead of parsing the text again."""
        before = self.parsed
        try:
            states = command.steps(before) if isinstance(command, Batch) else [before, command.edit(before)]
        except EditError as exc:
            raise self.error_at(str(exc), exc.index) from None
        after = states[-1]
        briefing = parse_briefing(after.text, self.filename, self.source_text, nodes=after.composed)
        change = Change(command.name, before.text, after.text, self.briefing, briefing, tuple(states))
        del self._history[self._cursor:]
        self._history.append(change)
        if len(self._history) > MAX_HISTORY:  # the oldest step goes: memory stays bounded
            del self._history[0]
        self._cursor = len(self._history)
        self.parsed, self.briefing = after, briefing
        self._keep_latest_trees()
        return change

    def undo(self) -> Change | None:
        """Undo the last applied change; return it (None when there is nothing to undo)."""
        if not self._cursor:
            return None
        self._cursor -= 1
        change = self._history[self._cursor]
        self.parsed, self.briefing = _state(change, 0, change.before), change.briefing_before
        self._keep_latest_trees()
        return change

    def redo(self) -> Change | None:
        """Apply again the last undone change; return it (None when there is nothing to redo)."""
        if self._cursor == len(self._history):
            return None
        change = self._history[self._cursor]
        self._cursor += 1
        self.parsed, self.briefing = _state(change, -1, change.after), change.briefing_after
        self._keep_latest_trees()
        return change

    def _keep_latest_trees(self) -> None:
        """Keep the trees of the text shown and of the steps next to it (the next undo, redo or undo name reads
        them); older steps keep their texts only (a tree is several times the size of its text)."""
        near = {id(self.parsed)}
        for change in self._history[max(0, self._cursor - 1):self._cursor + 1]:
            near.update(id(state) for state in change.states)
        for change in self._history:
            for state in change.states:
                if id(state) not in near:
                    state.forget()

    @property
    def undo_name(self) -> str | None:
        return self._history[self._cursor - 1].name if self._cursor else None

    @property
    def redo_name(self) -> str | None:
        return self._history[self._cursor].name if self._cursor < len(self._history) else None

    @property
    def disk(self) -> bytes | None:
        """Return the file's bytes as last opened or saved here (None without a file)."""
        return self._disk

    @property
    def modified(self) -> bool:
        """Return whether the text differs from the file as last opened or saved."""
        return self.text != self._saved_text

    def target(self, name: str) -> Target:
        """Return where the user's path *name* points (raises :class:`BriefingError` with a position)."""
        try:
            return resolve(compose(self.parsed), name)
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

    def encoded(self) -> bytes:
        """Return the bytes of the file: the text with the file's own line breaks and byte-order mark."""
        text = self.text if self.newline == "\n" else self.text.replace("\n", self.newline)
        return (_BOM if self._bom else b"") + text.encode("utf-8")

    def save(self, path: str | Path | None = None, *, overwrite_changed: bool = False) -> Path:
        """Write the briefing to *path* (default: where it was opened) and return the path: under the file's
        lock, checked (see :mod:`srbrief.edit.guard`), atomically. Raises :class:`ReadOnlyError`,
        :class:`FileChangedError`, ``OutputError`` or :class:`InputFileError`; nothing is written then."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ReadOnlyError("this briefing has no file yet: save it under a name")
        if is_builtin(target):
            raise ReadOnlyError(f"{target}: the built-in briefing is read-only; save a copy under another name")
        parse_briefing(self.text, str(target), self.source_text)  # never write an invalid briefing
        data = self.encoded()
        guard.check_size(data, target)
        if not _exists(target):
            guard.write_verified(target, data, target)
        else:
            same = self.path is not None and _same_file(target, self.path)
            with self.locked(target, APP_LOCK_TIMEOUT) as held:
                if same and not overwrite_changed and self._disk is not None and held.data != self._disk:
                    raise FileChangedError(f"{target}: the file changed on disk since it was opened")
                guard.replace_locked(held, data)
        self.path, self.filename, self.read_only = target, str(target), False
        self._disk, self._saved_text = data, self.text
        return target

    @staticmethod
    @contextmanager
    def locked(path: Path, timeout: float = guard.LOCK_TIMEOUT) -> Iterator[guard.Locked]:
        """Yield the file at *path* locked for read-modify-write (see :func:`srbrief.edit.guard.locked`)."""
        with guard.locked(path, timeout) as held:
            yield held

    def write_locked(self, held: guard.Locked) -> None:
        """Replace the file *held* (opened with :meth:`from_bytes` from its locked bytes) with the edits."""
        parse_briefing(self.text, self.filename, self.source_text)
        data = self.encoded()
        guard.replace_locked(held, data)
        self._disk, self._saved_text = data, self.text


def _state(change: Change, index: int, text: str) -> Parsed:
    """Return the text *index* of *change*'s states (a change made without them: a new one of *text*)."""
    return change.states[index] if change.states else Parsed(text)


def newline_style(text: str) -> str:
    """Return the file's line break when it uses one kind only (LF, CRLF or CR); LF for mixed ones."""
    crlf = text.count("\r\n")
    cr, lf = text.count("\r") - crlf, text.count("\n") - crlf
    if crlf and not cr and not lf:
        return "\r\n"
    if cr and not crlf and not lf:
        return "\r"
    return "\n"


def _read_bounded(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_BYTES)
    except InputFileError as exc:
        raise BriefingError([Problem(str(path), 1, 1, "", exc.reason)]) from None


def _read(path: Path) -> bytes | None:
    try:
        return read_limited(path, MAX_BYTES)
    except InputFileError:
        return None


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return True  # a link loop, a permission problem: the write reports it


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def is_builtin(path: Path) -> bool:
    """Return whether *path* is the built-in briefing shipped with srbrief."""
    from srbrief.resources import builtin_briefing_path

    try:
        return path.resolve() == builtin_briefing_path().resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
