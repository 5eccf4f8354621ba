"""The editing state of one open briefing, without Qt: the document, the item being edited, the edits waiting
for the next one, the undo history with a name for each step, and whether there is anything unsaved.

The app's Qt layer (:mod:`srbrief.gui.editing`) only listens to the callbacks and shows what they say, so
every rule here is tested without a window:

- an edit is applied to the :class:`~srbrief.edit.Document` (validated there; refused edits change nothing);
- a refused field edit may *wait*: the next edit is tried together with every waiting one as a single change
  (one undo step) before it is tried alone — a figure and the message that quotes it are only valid together;
- each undo step is named by :attr:`EditState.name_edit`, a plain function of the command, the change and the
  UI language (by default the command's own name), so a describer of edits in words can be plugged in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from srbrief.model.errors import BriefingError, Problem

if TYPE_CHECKING:
    from srbrief.edit.commands import Command
    from srbrief.edit.document import Change, Document
    from srbrief.model.types import Briefing

T = TypeVar("T")
NameEdit = Callable[["Command", "Change", str], str]  # (command, change, language) -> the undo entry's words


def command_name(command: Command, change: Change, lang: str) -> str:
    """Name an undo step as the command names itself (the default of :attr:`EditState.name_edit`)."""
    return change.name


class Callbacks(Generic[T]):
    """Functions called with a value when something happens (the Qt layer connects its signals here)."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[T], object]] = []

    def connect(self, listener: Callable[[T], object]) -> None:
        self._listeners.append(listener)

    def emit(self, value: T) -> None:
        for listener in list(self._listeners):
            listener(value)


@dataclass(frozen=True)
class Shown:
    """What to show after a change of the document: the briefing shown before, the one to show now."""

    before: Briefing
    after: Briefing
    undone: bool = False


@dataclass(frozen=True)
class Step:
    """One step of the undo history: the command as given, and what it changed."""

    command: Command
    change: Change = field(repr=False)
    names: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # its name per language, worded once


class EditState:
    """The editing state of one briefing; *open_document* opens its document on first use (a start costs
    nothing until someone edits)."""

    def __init__(self, open_document: Callable[[], Document], name_edit: NameEdit = command_name,
                 history: int = 100) -> None:
        self.open_document = open_document
        self.name_edit = name_edit
        self.history = history  # steps kept (as the document's own history: edit.document.MAX_HISTORY)
        self._doc: Document | None = None
        self.current_item: str | None = None
        self.waiting: list[Command] = []
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._was_modified = False
        self.changed: Callbacks[Shown] = Callbacks()  # the briefing changed (an edit, an undo or a redo)
        self.waiting_changed: Callbacks[list[Command]] = Callbacks()
        self.current_changed: Callbacks[str | None] = Callbacks()
        self.modified_changed: Callbacks[bool] = Callbacks()  # unsaved edits appeared or went

    # -- the document -------------------------------------------------------------------------------------
    @property
    def doc(self) -> Document:
        """Return the document (opened on first use; raises :class:`BriefingError` if it does not validate)."""
        if self._doc is None:
            self._doc = self.open_document()
        return self._doc

    @property
    def opened_doc(self) -> Document | None:
        """Return the document if it was opened (None: nobody has edited yet)."""
        return self._doc

    @property
    def modified(self) -> bool:
        """Return whether there are unsaved edits."""
        return self._doc is not None and self._doc.modified

    @property
    def read_only(self) -> bool:
        """Return whether saving must choose a new file (the built-in sample, or no file yet)."""
        return self._doc is not None and (self._doc.read_only or self._doc.path is None)

    def reset(self) -> None:
        """Forget the document, its history and the waiting edits (another file, or the edits discarded)."""
        self._doc = None
        self._done.clear()
        self._undone.clear()
        self.clear_waiting()
        self._note_modified()

    def saved(self) -> None:
        """Tell the state that the document was saved (it is no longer modified)."""
        self._note_modified()

    def _note_modified(self) -> None:
        if self.modified != self._was_modified:
            self._was_modified = self.modified
            self.modified_changed.emit(self._was_modified)

    # -- the item being edited ----------------------------------------------------------------------------
    def set_current(self, item_id: str | None) -> None:
        if item_id != self.current_item:
            self.current_item = item_id
            self.current_changed.emit(item_id)

    # -- editing ------------------------------------------------------------------------------------------
    def apply(self, command: Command, wait_if_refused: bool = False) -> list[Problem]:
        """Apply *command*; return [] or the problems that refused it (then nothing changed).

        With *wait_if_refused* a refused edit waits; the next edit is first tried together with the waiting
        ones as one change (one undo step), then alone.
        """
        from srbrief.edit.commands import Batch, RemoveField, SetField

        try:
            doc = self.doc
        except BriefingError as exc:  # the file no longer validates on disk
            return exc.problems
        attempts: list[Command] = [command]
        if self.waiting:
            together = (*self.waiting, command)
            attempts.insert(0, Batch(together, label="; ".join(c.name for c in together)))
        problems: list[Problem] = []
        for attempt in attempts:
            try:
                change = doc.apply(attempt)
            except BriefingError as exc:
                problems = exc.problems
                continue
            if attempt is not command or not isinstance(command, (SetField, RemoveField)):
                self.clear_waiting()  # applied together, or the structure changed under the waiting paths
            self._done.append(Step(attempt, change))
            del self._done[:-self.history]
            self._undone.clear()
            self._shown(change.briefing_before, change.briefing_after, undone=False)
            return []
        if wait_if_refused:
            self.waiting.append(command)
            self.waiting_changed.emit(self.waiting)
        return problems

    def clear_waiting(self) -> None:
        if self.waiting:
            self.waiting.clear()
            self.waiting_changed.emit(self.waiting)

    def undo(self) -> bool:
        """Undo the last step; return whether there was one."""
        if not self._done or self._doc is None or self._doc.undo() is None:
            return False
        step = self._done.pop()
        self._undone.append(step)
        self.clear_waiting()
        self._shown(step.change.briefing_after, step.change.briefing_before, undone=True)
        return True

    def redo(self) -> bool:
        """Apply the last undone step again; return whether there was one."""
        if not self._undone or self._doc is None or self._doc.redo() is None:
            return False
        step = self._undone.pop()
        self._done.append(step)
        self.clear_waiting()
        self._shown(step.change.briefing_before, step.change.briefing_after, undone=False)
        return True

    def _shown(self, before: Briefing, after: Briefing, undone: bool) -> None:
        self.changed.emit(Shown(before, after, undone))
        self._note_modified()

    # -- the names of the steps ---------------------------------------------------------------------------
    @property
    def depth(self) -> int:
        """Return how many steps can be undone."""
        return len(self._done)

    def undo_name(self, lang: str) -> str | None:
        return self._name(self._done[-1], lang) if self._done else None

    def redo_name(self, lang: str) -> str | None:
        return self._name(self._undone[-1], lang) if self._undone else None

    def _name(self, step: Step, lang: str) -> str:
        if lang not in step.names:
            step.names[lang] = self.name_edit(step.command, step.change, lang)
        return step.names[lang]
