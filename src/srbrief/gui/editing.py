"""Editing in the app: a thin Qt layer over :class:`srbrief.edit.editstate.EditState`, saving, and recovery.

The :class:`~srbrief.edit.Document` does the work (validates each edit, keeps the texts for undo) and the
Qt-free edit state keeps the waiting edits and the named undo steps; this layer makes the actions and shows
the result, so the app and ``srbrief set`` share one editing path. Unsaved edits are written to a recovery
file every few seconds and offered at the next start.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox

from srbrief import edit  # its parts load on first use: the app starts before anyone edits
from srbrief.atomic import OutputError
from srbrief.edit.editstate import EditState, Shown
from srbrief.edit.recovery import discard_recovery, write_recovery
from srbrief.gui import recovering
from srbrief.gui.i18n import tr
from srbrief.gui.settings import remember_folder, start_folder
from srbrief.model import BriefingError, Problem, Section
from srbrief.resources import builtin_briefing_path
from srbrief.safeio import InputFileError

if TYPE_CHECKING:
    from srbrief.edit import Change, Command, Document
    from srbrief.gui.editform import EditForm
    from srbrief.gui.mainwindow import MainWindow

RECOVERY_INTERVAL_MS = 3000
MENU_NAME = 48  # characters of an undo step's name shown in the Edit menu (the rest in its tooltip)
UNDO_LIMIT = 100  # as the document's history (edit.document.MAX_HISTORY): memory stays bounded


@contextmanager
def collector_paused_until_idle() -> Iterator[None]:
    """Pause Python's cycle collector while an edit is validated and shown, and resume it once the event loop
    is idle (a zero timer posted after the panel's own updates and chart draws).

    An edit builds a whole briefing's worth of short-lived objects (YAML nodes, located values, the typed
    briefing); none of them form cycles, so reference counting frees them, and the collector's passes over them
    only delay the panel: measured 2026-12-06 on the built-in briefing, ~9 ms of young-generation collection per
    edit and 40-55 ms when an older generation's turn came, which made the edit's p95. Paused, the same passes
    run after the panel is drawn, while the user reads it."""
    if not gc.isenabled():  # already paused (an edit inside an edit, or start-up): the outer pause resumes it
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        QTimer.singleShot(0, gc.enable)


def _undo_name(command: Command, change: Change, lang: str, figures: dict[str, Any] | None = None) -> str:
    """Name an undo step in words, in the language shown (the namer loads with the first edit); the references
    in the texts it names read as the figures (*figures*: id → Metric) do now."""
    return edit.undo_name(command, change, lang, figures)


class EditSession(QObject):
    """The Qt side of editing in a main window: the actions, the form's dock, Save/Save As and the recovery
    file, over the Qt-free :class:`~srbrief.edit.editstate.EditState` (document, waiting edits, undo names)."""

    briefing_changed = Signal()
    waiting_changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = EditState(self._open_document, name_edit=self._name_edit, history=UNDO_LIMIT)
        self.state.changed.connect(self._on_changed)
        self.state.waiting_changed.connect(lambda _waiting: self.waiting_changed.emit())
        self.state.modified_changed.connect(lambda _modified: self.retranslate())
        self.quitting = False  # a signal asked to quit: no questions, the recovery file stays
        self._recovery_due = False
        self.ask: Callable[[str], bool] = self._ask  # a yes/no question; tests replace it
        self.choose_save: Callable[[], str] = self._choose_save  # "save", "discard" or "cancel"
        self.choose_recovery: Callable[[str, str], str] = recovering.ask_recovery_choice(self)
        self.form: EditForm | None = None  # the side form of edit mode, made when first shown
        self.dock: QDockWidget | None = None
        self._form_lang = ""
        keys: dict[str, QKeySequence | QKeySequence.StandardKey] = {
            "undo": QKeySequence.StandardKey.Undo, "redo": QKeySequence.StandardKey.Redo,
            "save": QKeySequence.StandardKey.Save, "save_as": QKeySequence("Ctrl+Shift+S"),
            "edit_mode": QKeySequence("F2"), "new": QKeySequence.StandardKey.New}
        slots = {"undo": self.undo, "redo": self.redo, "save": self.save, "save_as": self.save_as,
                 "edit_mode": lambda: self.set_edit_mode(self.window.actions_["edit_mode"].isChecked()),
                 "new": self.new_briefing}
        for name, key in keys.items():
            action = QAction(window)
            if isinstance(key, QKeySequence):
                action.setShortcut(key)
            else:
                action.setShortcuts(QKeySequence.keyBindings(key))
            action.triggered.connect(slots[name])
            window.actions_[name] = action
            window.addAction(action)
        window.actions_["edit_mode"].setCheckable(True)
        window.nav.currentRowChanged.connect(self._on_panel_changed)
        self.timer = QTimer(self, interval=RECOVERY_INTERVAL_MS)
        self.timer.timeout.connect(self.write_recovery)
        self.timer.start()
        window.source.changed.connect(self._on_source_changed)

    # -- state ------------------------------------------------------------------------------------------------
    def _name_edit(self, command: Command, change: Change, lang: str) -> str:
        return _undo_name(command, change, lang, self.figures())

    def figures(self) -> dict[str, Any] | None:
        """Return the figures of the briefing being edited (id → Metric), or None before it opened or when it
        does not validate."""
        doc = self.state.opened_doc
        try:
            return {m.id: m for m in doc.briefing.metrics} if doc is not None else None
        except BriefingError:
            return None
    def _open_document(self) -> Document:
        return edit.Document.open(self.window.source.path or builtin_briefing_path())

    @property
    def doc(self) -> Document:
        """Return the document being edited (opened from the window's file on first use)."""
        return self.state.doc

    @property
    def _doc(self) -> Document | None:
        return self.state.opened_doc

    @property
    def modified(self) -> bool:
        return self.state.modified

    @property
    def waiting(self) -> list[Command]:
        """Refused field edits, tried again together with the next one."""
        return self.state.waiting

    def _recovery_key(self) -> Path | None:
        doc = self._doc
        return None if doc is None or doc.read_only else doc.path

    def retranslate(self) -> None:
        """Name the undo and redo actions after their edits; mark the window modified or not."""
        lang = self.window.lang
        for key, name in (("undo", self.state.undo_name(lang)), ("redo", self.state.redo_name(lang))):
            action = self.window.actions_[key]
            short = name if name is None or len(name) <= MENU_NAME else name[:MENU_NAME - 1] + "…"
            action.setText(tr(f"{key}_named", lang, name=short) if name else tr(key, lang))
            action.setToolTip(name or "")  # the whole name where the menu shows its start
            action.setStatusTip(name or "")
            action.setEnabled(name is not None)
        self.window.actions_["save"].setEnabled(self.modified)
        self.window.setWindowModified(self.modified)
        if self.dock is not None and self.form is not None:
            self.dock.setWindowTitle(tr("edit_mode", lang).replace("&", ""))
            if self._form_lang != lang:  # the form's labels follow the language
                self._form_lang = lang
                self.form.show_item(self.form.item_id)

    # -- edit mode --------------------------------------------------------------------------------------------
    @property
    def edit_mode(self) -> bool:
        return self.window.actions_["edit_mode"].isChecked()

    def set_edit_mode(self, on: bool) -> None:
        """Show or hide the edit form beside the panels (starting with the section shown)."""
        self.window.actions_["edit_mode"].setChecked(on)
        if on and self.dock is None:
            from PySide6.QtWidgets import QScrollArea

            from srbrief.gui.editform import EditForm

            self.form = EditForm(self)
            self._form_lang = self.window.lang
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.form)
            self.dock = QDockWidget(tr("edit_mode", self.window.lang).replace("&", ""))
            self.dock.setObjectName("EditDock")
            self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)  # the action hides it
            self.dock.setWidget(scroll)
            self.dock.setMinimumWidth(380)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.window.resizeDocks([self.dock], [max(380, int(self.window.width() * 0.34))],
                                    Qt.Orientation.Horizontal)  # room for a text beside a page that reflows
        if self.dock is not None:
            self.dock.setVisible(on)
        if on:
            self._on_panel_changed(self.window.nav.currentRow())

    def edit_item(self, item_id: str) -> bool:
        """In edit mode, show *item_id* in the form and return True (a click on a card edits it)."""
        if not self.edit_mode or self.form is None:
            return False
        self.state.set_current(item_id)
        self.form.show_item(item_id)
        return True

    def _on_panel_changed(self, row: int) -> None:
        if not self.edit_mode or self.form is None or not 0 <= row < len(self.window.briefing.sections):
            return
        shown = self.window.briefing.index.get(self.form.item_id or "")
        section = self.window.briefing.sections[row].id
        if (shown is None or isinstance(shown, Section)) and self.form.item_id != section:
            self.state.set_current(section)
            self.form.show_item(section)  # a section follows the panel; a figure stays until another is clicked

    # -- editing ----------------------------------------------------------------------------------------------
    def apply(self, command: Command, wait_if_refused: bool = False) -> list[Problem]:
        """Apply *command*; return [] or the problems that refused it (then nothing changed).

        Edits that only make sense together (a figure and the message that quotes it) are refused one by one;
        with *wait_if_refused* a refused edit waits, and the next edit is tried together with the waiting
        ones as one change (one undo step) before it is tried alone (see :class:`EditState`).
        """
        with collector_paused_until_idle():
            return self.state.apply(command, wait_if_refused)

    def undo(self) -> bool:
        with collector_paused_until_idle():
            return self.state.undo()

    def redo(self) -> bool:
        with collector_paused_until_idle():
            return self.state.redo()

    def flush(self) -> None:
        """Write the text being typed in the form, if any (before saving, closing or opening another file)."""
        if self.form is not None:
            self.form.flush()

    def clear_waiting(self) -> None:
        self.state.clear_waiting()

    def _on_changed(self, shown: Shown) -> None:
        self.window.show_edited(shown.before, shown.after)
        self._after_change()

    def show_briefing(self) -> None:
        """Show the document's briefing in every panel and chart (the panels it changes are updated)."""
        self.window.show_edited(self.window.briefing, self.doc.briefing)
        self._after_change()

    def _after_change(self) -> None:
        self._recovery_due = True
        self.retranslate()
        if self.form is not None and not self.form.shows_an_item(self.window.briefing):
            self.state.set_current(None)  # the item is gone (removed, or its adding undone): the section shown
            self._on_panel_changed(self.window.nav.currentRow())
        self.briefing_changed.emit()

    def reset(self) -> None:
        """Forget the document and its history (another file, or its edits discarded)."""
        self.state.reset()
        self.retranslate()

    # -- saving -----------------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the edits (the built-in briefing, read-only, goes through Save As); return whether saved."""
        self.flush()
        if not self.modified:
            return True
        if self.doc.read_only or self.doc.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        self.flush()
        doc = self.doc
        own = None if doc.read_only else doc.path
        start = doc.path if own is not None else start_folder(None) / f"{doc.briefing.id}.yaml"
        name, _ = QFileDialog.getSaveFileName(self.window, tr("save_as", self.window.lang).replace("&", ""),
                                              str(start), tr("yaml_filter", self.window.lang))
        remember_folder(name)
        return bool(name) and self._save_to(Path(name))

    def _save_to(self, path: Path | None) -> bool:
        doc, lang = self.doc, self.window.lang
        old_key = self._recovery_key()
        self.write_recovery(force=True)  # before anything can fail: the edits are safe whatever happens next
        try:
            try:
                saved = doc.save(path)
            except edit.FileChangedError:
                if not self.ask(tr("overwrite_changed", lang, file=str(doc.path))):
                    return False
                saved = doc.save(path, overwrite_changed=True)
        except (edit.ReadOnlyError, BriefingError, OutputError, InputFileError, OSError) as exc:
            self.save_failed(str(exc))
            return False
        discard_recovery(old_key)
        discard_recovery(saved)
        self.state.saved()
        if self.window.source.path == saved:
            self.window.source.expect_written(doc.encoded())  # not news to reload ("changed on disk")
        if self.window.source.path != saved:
            self.window.source.open(saved)  # the window follows the new file; the document stays
        self.retranslate()
        self.window.statusBar().showMessage(tr("saved", lang, file=str(saved)), 5000)
        return True

    def save_failed(self, message: str) -> None:
        """Say why a save failed; the window stays open and the edits unsaved (and in the recovery file)."""
        lang = self.window.lang
        text = " ".join(message.split())[:800] + "\n\n" + tr("save_kept", lang)
        if self.quitting:
            return
        QMessageBox.warning(self.window, tr("save_failed", lang), text)

    def new_briefing(self) -> bool:
        """Start a new briefing from the skeleton: choose where it goes, write it, open it in edit mode."""
        from srbrief.atomic import write_text_atomic
        from srbrief.edit.skeleton import SKELETON

        if not self.maybe_save():
            return False
        start = start_folder(None if self.doc.read_only else self.doc.path) / "new-briefing.yaml"
        name, _ = QFileDialog.getSaveFileName(self.window, tr("new", self.window.lang).replace("&", ""),
                                              str(start), tr("yaml_filter", self.window.lang))
        remember_folder(name)
        if not name:
            return False
        try:
            write_text_atomic(Path(name), SKELETON)
        except (OutputError, OSError) as exc:
            self.save_failed(str(exc) if isinstance(exc, OutputError) else f"{name}: {exc.strerror}")
            return False
        if not self.window.source.open(Path(name)):
            return False
        self.window.show_panel(self.window.briefing.sections[0].id)  # the overview, not the page shown before
        self.set_edit_mode(True)
        return True

    def maybe_save(self) -> bool:
        """Before closing, opening or reloading: save or discard unsaved edits; False means stay."""
        self.flush()
        if not self.modified or self.quitting:  # quitting on a signal: the recovery file keeps the edits
            return True
        choice = self.choose_save()
        if choice == "save":
            return self.save()
        if choice == "discard":
            discard_recovery(self._recovery_key())
            self.reset()
            return True
        return False

    def _on_source_changed(self, _automatic: bool) -> None:
        doc = self._doc
        if doc is None or doc.path is None:
            return
        shown = (self.window.source.path or builtin_briefing_path()).resolve()
        if shown == doc.path.resolve() and not doc.changed_on_disk():
            if doc.modified:  # our own save, seen by the file watcher: show the edits made since again
                self.show_briefing()
            return
        if shown == doc.path.resolve() and doc.modified and \
                not self.ask(tr("changed_outside", self.window.lang, file=str(doc.path))):
            self.show_briefing()  # keep the edits; saving them will ask before overwriting
            return
        discard_recovery(self._recovery_key())
        self.reset()

    # -- recovery ---------------------------------------------------------------------------------------------
    def write_recovery(self, force: bool = False) -> None:
        """Keep the unsaved text in the recovery file (atomically); forget it once nothing is unsaved."""
        if (not self._recovery_due and not force) or self._doc is None:
            return
        try:
            if self.modified:
                write_recovery(self._recovery_key(), self._doc.text, self._doc.disk)
            else:
                discard_recovery(self._recovery_key())
        except (OSError, OutputError):
            return  # tried again at the next tick
        self._recovery_due = False

    def offer_recovery(self) -> bool:
        """Offer the edits an earlier run left unsaved; return whether they were restored."""
        return recovering.offer_recovery(self)

    def quit_now(self) -> None:
        """Keep the unsaved edits in the recovery file and stop asking: the app is told to quit (a signal)."""
        self.quitting = True
        self.write_recovery(force=True)

    # -- questions --------------------------------------------------------------------------------------------
    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self.window, tr("app", self.window.lang), question)
        return answer == QMessageBox.StandardButton.Yes

    def _choose_save(self) -> str:
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        answer = QMessageBox.question(self.window, tr("app", self.window.lang),
                                      tr("unsaved_question", self.window.lang), buttons)
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")
