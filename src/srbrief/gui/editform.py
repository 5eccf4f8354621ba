"""The edit form: the fields of one item of the briefing (a figure, a fact, a chart, a point, a section, an event,
a summary or outlook line, a source document, or the briefing's own title, date and presenter), each written
through the window's :class:`~srbrief.gui.editing.EditSession`, so every change is validated at once, can be
undone, and a change that breaks a rule shows its message beside the field and is not kept.

The fields come from the item's dataclass (:mod:`srbrief.model.types`), each in the editor that suits it
(:mod:`srbrief.gui.formfields`): choices and units by their names, a point's figures and a chart's items from a
checklist of labels, a period from a year/month picker, long texts on several lines. Ids are never typed.
Items are chosen by their labels, grouped by kind; an item without an id (a summary or outlook line) or the
briefing itself is chosen by its place, written ``@summary.2`` (``@`` alone is the briefing).
"""

from __future__ import annotations

import contextlib
import dataclasses
import typing
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from srbrief.edit import AddItem, Batch, Command, EditError, MoveItem, RemoveField, RemoveItem, SetField
from srbrief.edit.address import REMOVE, Target, coerce, find_id, schema_at
from srbrief.edit.commands import MISSING, read_back
from srbrief.edit.describe import ROOT, describe, item_groups, key_path
from srbrief.edit.figureupdate import period_edits
from srbrief.edit.newitems import bind_literals, cites_from, with_translation_marks
from srbrief.edit.yamltext import PathKey, compose
from srbrief.gui.formfields import (
    ChoiceField,
    Editor,
    FlagField,
    LongField,
    editors_for,
    error_label,
    field_cell,
    ticked_figures,
)
from srbrief.gui.i18n import tr
from srbrief.gui.problemtext import problem_text, translate
from srbrief.gui.reffield import Preview, RefField, labels_of, literal_hints
from srbrief.gui.sourcepick import SourcePicker
from srbrief.model import BriefingError
from srbrief.model.truth import PROSE, read_document
from srbrief.model.types import Cite, Metric, data_fields
from srbrief.model.units import resolve_unit
from srbrief.resources import builtin_briefing_path

if TYPE_CHECKING:
    from srbrief.gui.editing import EditSession

Sub = tuple[str, ...]  # a field of the item: ("value",) or ("label", "zh")
HIDDEN = ("id", "schema")  # ids are made by the app, the schema is fixed
FOLLOWS = {"unit_en": "unit"}  # a field shown right after another: a figure's English unit words after its unit


def form_order(fields: Sequence[dataclasses.Field[Any]]) -> list[dataclasses.Field[Any]]:
    """Return *fields* in the order the form shows them: each of :data:`FOLLOWS` right after the field it names."""
    out = [f for f in fields if f.name not in FOLLOWS]
    for f in fields:
        if f.name in FOLLOWS:
            after = next((i for i, g in enumerate(out) if g.name == FOLLOWS[f.name]), len(out) - 1)
            out.insert(after + 1, f)
    return out
class EditForm(QWidget):
    """The fields of one item; empty (with a hint) until an item is chosen."""

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self._prose: tuple[str, ...] = ()  # the prose fields of the item shown (they offer the figures)
        self._flushing = False
        self.session = session
        self.item_id: str | None = None
        self.editors: dict[Sub, Editor] = {}
        self.errors: dict[Sub, QLabel] = {}
        self.rendered: dict[Sub, QLabel] = {}  # a text with references, as it reads (never its {ids})
        self.defaults: dict[Sub, str] = {}  # what an absent field means (qualifier: exact)
        self.chooser = QComboBox()  # the section and everything in it, then the briefing's own lists
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(16)  # long labels do not widen the form (the list shows them whole)
        self.chooser.activated.connect(lambda index: self.show_item(self.chooser.itemData(index) or None))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setObjectName("EditHeading")
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.discard_waiting = QPushButton()
        self.discard_waiting.clicked.connect(self._discard)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # a field's label above it: in the
        # dock beside the page, texts get the dock's whole width (beside their labels they had a third of it)
        self.problem = error_label()
        self.buttons = {key: QPushButton() for key in ("move_up", "move_down", "duplicate_item", "remove_item")}
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._open_add_menu)
        self.update_button = QPushButton()  # a figure: the guided update from a new source
        self.update_button.clicked.connect(self.update_figure)
        self.text_button = QPushButton()  # a source document: its full text from a .txt file
        self.text_button.clicked.connect(lambda _checked=False: self.attach_text())  # not the flag as a path
        self.picker: SourcePicker | None = None
        row = QHBoxLayout()
        for key, button in self.buttons.items():
            button.clicked.connect(lambda _=False, k=key: self._list_action(k))
            row.addWidget(button)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.update_button)
        layout.addWidget(self.text_button)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.waiting)
        layout.addWidget(self.discard_waiting)
        layout.addLayout(row)
        self.picker_slot = QVBoxLayout()
        layout.addLayout(self.picker_slot)
        layout.addStretch(1)
        session.briefing_changed.connect(self.refresh)
        self._file = session.window.source.path
        session.window.source.changed.connect(self._on_file_changed)
        session.waiting_changed.connect(self._show_waiting)
        self.show_item(None)
        self._show_waiting()

    @property
    def lang(self) -> str:
        return str(self.session.window.lang)

    def _path(self) -> tuple[PathKey, ...] | None:
        if self.item_id is None:
            return None
        try:
            text = self.session.doc.parsed
        except BriefingError as exc:  # the file on disk does not validate (the banner says so too)
            self._show_problems(exc.problems)
            return None
        if self.item_id.startswith(ROOT):
            path = key_path(self.item_id)
            return path if not path or isinstance(read_back(text, path), dict) else None
        return find_id(compose(text), self.item_id)

    # -- building ---------------------------------------------------------------------------------------------
    def flush(self) -> None:
        """Write a text still being typed (its pause not over, or refused while half-typed) before the form
        shows another item, or the file is saved or closed."""
        if self._flushing:
            return
        self._flushing = True
        try:
            for editor in list(self.editors.values()):
                if isinstance(editor, LongField):
                    editor.finish()
        finally:
            self._flushing = False

    def show_item(self, item_id: str | None) -> None:
        """Show the fields of the item *item_id* (None: only the hint), once the item shown has been written."""
        self.flush()  # another item, or this one's fields made again (another language): nothing typed is lost
        self.item_id = item_id
        while self.form.rowCount():  # deleted later: the field that asked for this may still be emitting
            taken = self.form.takeRow(0)
            for item in (taken.labelItem, taken.fieldItem):
                _dispose(item)
        self.editors.clear()
        self.errors.clear()
        self.rendered.clear()
        self.defaults.clear()
        self.problem.clear()
        self.problem.hide()
        for key, button in self.buttons.items():
            button.setText(tr(key, self.lang))
        self.add_button.setText(tr("add_menu", self.lang))
        self.update_button.setText(tr("update_figure", self.lang))
        self.text_button.setText(tr("attach_text", self.lang))
        if self.picker is not None:
            self.picker.deleteLater()
            self.picker = None
        self.discard_waiting.setText(tr("discard_waiting", self.lang))
        path = self._path()
        self._fill_chooser()
        self.update_button.setVisible(isinstance(self._item(), Metric))
        self.text_button.setVisible(path is not None and len(path) == 2 and path[0] == "sources")
        if path is None:
            self.heading.setText(tr("edit_hint", self.lang))
            self.heading.show()
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        cls, _ = schema_at(compose(self.session.doc.parsed), list(path), str(item_id))
        self.heading.hide()  # the list above names the item
        hints = typing.get_type_hints(cls)
        self._prose = PROSE.get(cls, ())
        for f in form_order(data_fields(cls)):
            if f.name not in HIDDEN:
                self._add_field(f, hints[f.name])
        if ("source",) in self.editors:
            self.picker = SourcePicker(self.lang, self._pick_source, self._cited_text())
            self.picker_slot.addWidget(self.picker)
        self.refresh()

    def _add_field(self, f: dataclasses.Field[Any], declared: Any) -> None:
        figures = labels_of(lambda: self.session.doc.briefing, self.lang)
        prose = (lambda long: RefField(figures, self.lang, 3 if long else 1)) if f.name in self._prose else None
        for sub, label, editor in editors_for(f, declared, self.lang, self.session.doc.briefing, prose):
            if isinstance(editor, ChoiceField) and sub == ("unit",):
                editor.wants_new.connect(self.add_unit)
            self._add_row(sub, label, editor)
        if isinstance(f.default, Enum):
            self.defaults[(f.name,)] = str(f.default.value)

    def _show_unit_word(self) -> None:
        """Show in the figure's English-unit field, while it is empty, the English its unit writes without it."""
        editor, item = self.editors.get(("unit_en",)), self._item()
        if not isinstance(editor, QLineEdit) or not isinstance(item, Metric):
            return
        declared = {u.code: (u.zh, u.en) for u in self.session.doc.briefing.units}
        with contextlib.suppress(KeyError):  # a unit the file does not declare: the unit's field says so
            unit = resolve_unit(item.unit, declared)
            editor.setPlaceholderText(tr("unit_en_placeholder", self.lang, word=unit.en_word or unit.en))

    def shows_an_item(self, briefing: Any) -> bool:
        """Return whether the item shown is still in *briefing* (a figure, a source document, a summary line
        or the briefing itself), so the form stays on it after an edit."""
        key = self.item_id or ""
        if key in briefing.index or any(source.id == key for source in briefing.sources):
            return True
        return key.startswith(ROOT) and self._path() is not None

    def _item(self) -> Any:
        return self.session.doc.briefing.index.get(self.item_id or "") if self._doc_ok() else None

    def _doc_ok(self) -> bool:
        try:
            self.session.doc  # noqa: B018 (opening it may fail)
        except BriefingError:
            return False
        return True

    def _cited_text(self) -> str | None:
        """Return the text of the document the item cites (the article of the built-in briefing), if it has one."""
        doc = self.session.doc
        cite = getattr(self._item(), "source", None)
        if not isinstance(cite, Cite):
            return None
        base = (doc.path or builtin_briefing_path()).parent
        return read_document(doc.briefing.document(cite.doc), base)

    def _add_row(self, sub: Sub, label: str, editor: Editor) -> None:
        editor.done.connect(lambda: self.commit(sub))
        editor.setObjectName(".".join(sub))
        error = error_label()
        cell = QVBoxLayout()
        cell.setContentsMargins(0, 0, 0, 0)
        cell.addWidget(field_cell(editor, sub, self._prose, lambda: self.session.doc.briefing, self.lang,
                                  self.editors))
        if len(sub) == 2 and sub[1] in ("zh", "en"):
            shown = Preview(editor, lambda: self.session.doc.briefing, self.lang, sub[1]) \
                if isinstance(editor, RefField) else QLabel()  # a text with figures: how it reads, as typed
            shown.setObjectName("rendered." + ".".join(sub))
            shown.setWordWrap(True)
            shown.setStyleSheet("color: gray")
            shown.hide()
            cell.addWidget(shown)
            self.rendered[sub] = shown
        cell.addWidget(error)
        self.form.addRow(label, cell)
        self.editors[sub], self.errors[sub] = editor, error

    # -- values -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the item's current values (after an edit, an undo or a redo)."""
        path = self._path()
        if path is None:
            if self.editors:
                self.show_item(self.item_id)  # the item is gone (removed, or an add undone)
            return
        if not self.editors and self.item_id is not None:
            self.show_item(self.item_id)  # it is back
            return
        data = read_back(self.session.doc.parsed, path)
        for sub, editor in self.editors.items():
            value: Any = data
            for key in sub:
                value = value.get(key) if isinstance(value, dict) else None
            if value is None and sub in self.defaults:
                value = self.defaults[sub]
            editor.blockSignals(True)
            editor.show(value)
            editor.blockSignals(False)
            self.errors[sub].hide()
            self._show_rendered(sub, value)
        self._show_unit_word()
        self._fill_chooser()
        index = path[-1] if path else None
        count = read_back(self.session.doc.parsed, path[:-1]) if path else None
        size = len(count) if isinstance(count, list) else 0
        self.buttons["move_up"].setEnabled(isinstance(index, int) and index > 0)
        self.buttons["move_down"].setEnabled(isinstance(index, int) and index + 1 < size)
        self.buttons["remove_item"].setEnabled(isinstance(index, int))
        self.buttons["duplicate_item"].setEnabled(isinstance(index, int) and isinstance(data, dict) and "id" in data)
        if self.picker is not None:
            self.picker.show_document(self._cited_text())  # the source may now cite another document
            self.picker.show_clause(self._text_of(("source",)))

    def _show_rendered(self, sub: Sub, written: Any) -> None:
        """Show under a text that refers to figures how it reads (连续保持全省第二的月数, not its {id})."""
        shown = self.rendered.get(sub)
        if shown is None:
            return
        if isinstance(shown, Preview):
            shown.update_text()
            return
        text = getattr(self._item(), sub[0], None)
        reads = getattr(text, sub[1], None) if text is not None else None
        visible = isinstance(written, str) and "{" in written and isinstance(reads, str) and reads != written
        shown.setText(tr("reads_as", self.lang, text=reads) if visible else "")
        shown.setVisible(visible)

    def _pick_source(self, clause: str) -> None:
        editor = self.editors[("source",)]
        editor.show(clause)
        self.commit(("source",))

    def commit(self, sub: Sub) -> None:
        """Write the field *sub* as chosen, if it changed; show what is wrong beside it if it was refused."""
        path = self._path()
        if path is None:
            return
        editor = self.editors[sub]
        quiet = getattr(editor, "quiet", False)  # after a pause in typing: a refusal waits for the edit's end
        raw = self._bound(sub, editor.raw())
        full = (*path, *sub)
        text = self.session.doc.parsed
        hint, optional = schema_at(compose(text), list(full), ".".join(sub))
        current = read_back(text, full)
        stale: tuple[Command, ...] = ()
        if isinstance(self.editors[sub], FlagField):
            self._commit_flag(sub, full, current)
            return
        parent = read_back(text, full[:-1]) if len(sub) == 2 else None
        if parent is MISSING or isinstance(parent, bool):  # a text not there yet (or derived: true, now said how):
            if raw.strip():  # written whole, the other language marked [translate] until it is given
                self._apply(sub, SetField(full[:-1], self._both_texts(sub[0])), quiet)
            return
        if typing.get_origin(hint) is tuple and typing.get_args(hint)[0] is Cite:  # clauses, one a line
            base = (self.session.doc.path or builtin_briefing_path()).parent
            cites = cites_from(raw, current, self.session.doc.briefing, base)
            if cites != (current if isinstance(current, list) else []):
                self._apply(sub, SetField(full, cites) if cites else RemoveField(full), quiet)
            return
        if hint is Cite and isinstance(current, dict) and not raw.lstrip().startswith("{"):
            # {doc, clause}: a clause typed changes the clause, the document stays (a mapping typed replaces both)
            if "en" in current:  # our translation was of the old clause: it goes with it
                stale = (RemoveField((*full, "en")),)
            full, hint, current = (*full, "clause"), str, current.get("clause", MISSING)
        try:
            value = coerce(raw.strip() if hint is not str else raw, Target(".".join(sub), full, hint, optional,
                                                                          current is not MISSING, 0))
        except EditError as exc:
            self._show_error(sub, translate(str(exc).split(": ", 1)[-1], self.lang))
            return
        command: Command
        other = (sub[0], "en" if sub[-1] == "zh" else "zh")
        if len(sub) == 2 and raw == "" and other in self.editors and not self._text_of(other) and \
                schema_at(compose(text), [*path, sub[0]], sub[0])[1]:
            command = RemoveField((*path, sub[0]))  # an optional text emptied in both languages
        elif value is REMOVE:
            if current is MISSING:
                return
            command = RemoveField(full)
        elif value == current:
            self.errors[sub].hide()
            return
        else:
            command = SetField(full, value)
            if sub == ("period",):  # a period the user sets is no longer computed: its derived note goes
                stale += tuple(period_edits(text, path, value))
            if stale:
                command = Batch((command, *stale))
        self._apply(sub, command, quiet)

    def _bound(self, sub: Sub, raw: str) -> str:
        """Return the text *raw* of field *sub* with each number typed that is written as a figure of the item
        (its ticked figures), or else as exactly one figure of the briefing ("6261亿元", "第二"), made a
        reference to that figure, as the Add dialogs do; other fields and numbers as typed."""
        if len(sub) != 2 or sub[0] not in self._prose or sub[1] not in ("zh", "en") or not self._doc_ok():
            return raw
        briefing = self.session.doc.briefing
        text, _bound = bind_literals(raw, sub[1], ticked_figures(self.editors, briefing), list(briefing.metrics))
        return text

    def _commit_flag(self, sub: Sub, full: tuple[PathKey, ...], current: Any) -> None:
        """Yes: ``derived: true``, or how, if it is written already; no: the field goes."""
        on = self.editors[sub].raw() == "true"
        if on and current is MISSING:
            said = any(self._text_of((sub[0], part)).strip() for part in ("zh", "en") if (sub[0], part) in self.editors)
            self._apply(sub, SetField(full, self._both_texts(sub[0]) if said else True))
        elif not on and current is not MISSING:
            self._apply(sub, RemoveField(full))

    def _both_texts(self, name: str) -> dict[str, str]:
        """Return the text *name* in both languages as typed (a language left empty marked for translation)."""
        return with_translation_marks({part: self._text_of((name, part)) for part in ("zh", "en")})

    def _apply(self, sub: Sub | None, command: Command, quiet: bool = False) -> list[Any]:
        """Apply *command*, named in words; show what refused it beside *sub* (or below the form). *quiet*: a
        text written after a pause in typing, maybe half-typed: refused, it neither waits nor says so (the end
        of the edit writes it again)."""
        command = _named(command, describe(command, self.session.doc.parsed, self.lang,
                                              figures=self.session.figures()))
        problems = self.session.apply(command, wait_if_refused=sub is not None and not quiet)
        if problems and quiet:
            return list(problems)
        if problems and sub is not None:
            said = [problem_text(p, self.lang) for p in problems[:3]]
            if isinstance(self.editors.get(sub), RefField) and self._doc_ok():  # a number meant as a figure
                said += literal_hints(self._text_of(sub), self.lang, sub[1], self.session.doc.briefing)
            self._show_error(sub, "\n".join(said))
        elif problems:
            self._show_problems(problems)
        return list(problems)

    def _fill_chooser(self) -> None:
        """List the section of the item (or the one on screen) and all it holds by their labels, grouped by
        kind; then the timeline, summary, outlook, source documents and the briefing itself."""
        briefing, window, lang = self.session.window.briefing, self.session.window, self.lang
        try:
            section = briefing.section_of(self.item_id or "")
        except KeyError:
            row = window.nav.currentRow()
            section = briefing.sections[row] if 0 <= row < len(briefing.sections) else briefing.sections[0]
        groups = item_groups(briefing, section, lang, tr("briefing_info", lang))
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for heading, entries in groups:
            if not entries:
                continue
            self.chooser.addItem(f"— {heading} —", "")
            model = self.chooser.model()
            if isinstance(model, QStandardItemModel):  # a heading, not an item: it cannot be chosen
                model.item(self.chooser.count() - 1).setEnabled(False)
            for name, key in entries:
                self.chooser.addItem(f"  {name}", key)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(self.item_id)))
        self.chooser.blockSignals(False)

    def _on_file_changed(self, _automatic: bool) -> None:
        """Another file (Ctrl+N, Open): nothing of the previous one stays in the form."""
        if self.session.window.source.path != self._file:
            self._file = self.session.window.source.path
            self.show_item(None)

    def _show_waiting(self) -> None:
        count = len(self.session.waiting)
        self.waiting.setText(tr("waiting", self.lang, count=count) if count else "")
        self.waiting.setVisible(bool(count))
        self.discard_waiting.setVisible(bool(count))

    def _discard(self) -> None:
        """Forget the waiting edits, and show the values in the file again (not the refused ones)."""
        self.session.clear_waiting()
        self.refresh()

    def _text_of(self, sub: Sub) -> str:
        return self._bound(sub, self.editors[sub].raw())

    def _show_error(self, sub: Sub, message: str) -> None:
        self.errors[sub].setText(message)
        self.errors[sub].show()

    def _show_problems(self, problems: list[Any]) -> None:
        self.problem.setText("\n".join(problem_text(p, self.lang) for p in problems[:3]))
        self.problem.setVisible(bool(problems))

    def _list_action(self, key: str) -> None:
        path = self._path()
        if path is None or not path or not isinstance(path[-1], int):
            return
        index = path[-1]
        new_id = None
        command: Command
        if key == "duplicate_item":
            data = read_back(self.session.doc.parsed, path)
            new_id = self._free_id(f"{self.item_id}-copy")
            command = AddItem(path[:-1], {**data, "id": new_id}, index=index + 1)
        elif key == "remove_item":
            command = RemoveItem(path)
        else:
            command = MoveItem(path, index - 1 if key == "move_up" else index + 1)
        problems = self._apply(None, command)
        if new_id is not None and not problems:
            self.show_item(new_id)

    def _free_id(self, base: str) -> str:
        taken = self.session.doc.briefing.index
        candidates = (base if n == 1 else f"{base}-{n}" for n in range(1, 1000))
        return next(c for c in candidates if c not in taken)

    # -- adding and the guided update ---------------------------------------------------------------------------
    def _open_add_menu(self) -> None:
        from srbrief.gui.adddialogs import add_menu

        add_menu(self).exec(self.add_button.mapToGlobal(self.add_button.rect().bottomLeft()))

    def add_unit(self) -> None:
        from srbrief.gui.adddialogs import add_unit

        add_unit(self)

    def attach_text(self, source: Path | None = None) -> bool:
        """Give the source document shown its full text from a .txt file (copied beside the briefing)."""
        from srbrief.gui.adddialogs import attach_text

        path = self._path()
        if path is None or self.item_id is None:
            return False
        return attach_text(self, path, self.item_id, source)

    def update_figure(self) -> None:
        from srbrief.gui.adddialogs import run_dialog
        from srbrief.gui.figureupdate import UpdateFigureDialog

        item = self._item()
        if isinstance(item, Metric):
            run_dialog(self, UpdateFigureDialog(self, item))

    def section_path(self) -> tuple[PathKey, ...]:
        """Return the path of the section the form is in (the item's, or the one on screen)."""
        item = self.chooser.itemData(1)  # the first entry under the section heading is the section
        found = find_id(compose(self.session.doc.parsed), str(item)) if item else None
        return found or ("sections", 0)


def _dispose(item: QLayoutItem | None) -> None:
    """Hide the widgets under *item* and delete them once control is back in the event loop (deleting a field
    inside its own focus-out signal crashed Qt)."""
    if item is None:
        return
    widget, layout = item.widget(), item.layout()
    if widget is not None:
        for part in (widget, *widget.findChildren(QWidget)):  # hiding a focused field ends its edit: that
            part.blockSignals(True)  # must not write it again; nor is it found by its name any more
            part.setObjectName("")
        widget.hide()
        widget.deleteLater()
    elif layout is not None:
        while layout.count():
            _dispose(layout.takeAt(0))
        layout.deleteLater()


def _named(command: Command, name: str) -> Command:
    """Return *command* carrying *name* as its label (the undo menu's entry)."""
    if dataclasses.is_dataclass(command) and "label" in {f.name for f in dataclasses.fields(command)}:
        return typing.cast(Command, dataclasses.replace(command, label=name))
    return command

