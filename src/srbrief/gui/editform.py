"""The edit form: the fields of one item of the briefing (a figure, a fact, a chart, a section and its lede),
each written through the window's :class:`~srbrief.gui.editing.EditSession`, so every change is validated at
once, can be undone, and a change that breaks a rule shows its message beside the field and is not kept.

The fields come from the item's dataclass (:mod:`srbrief.model.types`), so kinds added to the format later get
a form too: text in two languages, choices, numbers, strings and id lists; nested lists are left to the file.
"""

from __future__ import annotations

import dataclasses
import typing
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from srbrief.edit import AddItem, Batch, Command, EditError, MoveItem, RemoveField, RemoveItem, SetField
from srbrief.edit.address import REMOVE, Target, coerce, find_id, schema_at
from srbrief.edit.commands import MISSING, read_back
from srbrief.edit.yamltext import PathKey, compose
from srbrief.gui.i18n import tr
from srbrief.gui.sourcepick import SourcePicker
from srbrief.model import BriefingError
from srbrief.model.convert import unwrap_optional
from srbrief.model.truth import read_document
from srbrief.model.types import Cite, Text
from srbrief.palette import LIGHT
from srbrief.resources import builtin_briefing_path

if TYPE_CHECKING:
    from srbrief.gui.editing import EditSession

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "id": ("标识", "Id"), "kind": ("类型", "Kind"), "label": ("名称", "Label"), "value": ("数值", "Value"),
    "unit": ("单位", "Unit"), "qualifier": ("限定", "Qualifier"), "direction": ("方向", "Direction"),
    "period": ("时期", "Period"), "entity": ("所属机构", "Entity"), "note": ("注释", "Note"),
    "source": ("原文语句", "Source clause"), "title": ("标题", "Title"), "short_title": ("短标题", "Short title"),
    "lede": ("导语", "Lede"), "number": ("序号", "Number"), "text": ("文字", "Text"), "name": ("名称", "Name"),
    "description": ("说明", "Description"), "place": ("所在地", "Place"), "date": ("日期", "Date"),
    "items": ("条目", "Items"), "entities": ("相关机构", "Entities"), "route": ("路线", "Route"),
    "refs": ("关联", "References"), "message": ("要点", "Message"), "figures": ("数字", "Figures"),
    "chart": ("图表", "Chart"), "facts": ("事实", "Facts"), "summary": ("摘要", "Summary"),
    "good": ("利好方向", "Good news is"), "notes": ("备注", "Speaker notes"), "section": ("板块", "Section"),
    "figure": ("数字", "Figure"),
}
Sub = tuple[str, ...]  # a field of the item: ("value",) or ("label", "zh")


def field_name(name: str, lang: str) -> str:
    pair = FIELD_NAMES.get(name)
    return (pair[0] if lang == "zh" else pair[1]) if pair else name


def _shown(value: Any) -> str:
    if value is None or value is MISSING:
        return ""
    if isinstance(value, dict) and "clause" in value:  # a source {doc, clause}: its clause is edited
        return str(value["clause"])
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


class EditForm(QWidget):
    """The fields of one item; empty (with a hint) until an item is chosen."""

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self.session = session
        self.item_id: str | None = None
        self.editors: dict[Sub, QLineEdit | QComboBox] = {}
        self.errors: dict[Sub, QLabel] = {}
        self.defaults: dict[Sub, str] = {}  # what an absent field means (qualifier: exact)
        self.chooser = QComboBox()  # the section and everything in it: figures, facts, charts, points
        self.chooser.activated.connect(lambda index: self.show_item(self.chooser.itemData(index)))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setObjectName("EditHeading")
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.discard_waiting = QPushButton()
        self.discard_waiting.clicked.connect(session.clear_waiting)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {LIGHT.decrease}")
        self.buttons = {key: QPushButton() for key in ("move_up", "move_down", "duplicate_item", "remove_item")}
        self.picker: SourcePicker | None = None
        row = QHBoxLayout()
        for key, button in self.buttons.items():
            button.clicked.connect(lambda _=False, k=key: self._list_action(k))
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.waiting)
        layout.addWidget(self.discard_waiting)
        layout.addLayout(row)
        self.picker_slot = QVBoxLayout()
        layout.addLayout(self.picker_slot)
        layout.addStretch(1)
        session.briefing_changed.connect(self.refresh)
        session.waiting_changed.connect(self._show_waiting)
        self.show_item(None)
        self._show_waiting()

    @property
    def lang(self) -> str:
        return self.session.window.lang

    def _path(self) -> tuple[PathKey, ...] | None:
        if not self.item_id:
            return None
        try:
            text = self.session.doc.text
        except BriefingError as exc:  # the file on disk does not validate (the banner says so too)
            self.problem.setText("\n".join(str(p) for p in exc.problems[:3]))
            return None
        return find_id(compose(text), self.item_id)

    # -- building ---------------------------------------------------------------------------------------------
    def show_item(self, item_id: str | None) -> None:
        """Show the fields of the item *item_id* (None: only the hint)."""
        self.item_id = item_id
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.errors.clear()
        self.defaults.clear()
        self.problem.clear()
        for key, button in self.buttons.items():
            button.setText(tr(key, self.lang))
        if self.picker is not None:
            self.picker.deleteLater()
            self.picker = None
        self.discard_waiting.setText(tr("discard_waiting", self.lang))
        path = self._path()
        self._fill_chooser()
        if path is None:
            self.heading.setText(tr("edit_hint", self.lang))
            self.heading.show()
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        cls, _ = schema_at(compose(self.session.doc.text), list(path), str(item_id))
        self.heading.hide()  # the list above names the item
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            hint, _ = unwrap_optional(hints[f.name])
            name = field_name(f.name, self.lang)
            if hint is Text:
                self._add_row((f.name, "zh"), f"{name} · 中文", None)
                self._add_row((f.name, "en"), f"{name} · English", None)
            elif isinstance(hint, type) and issubclass(hint, Enum):
                self._add_row((f.name,), name, [m.value for m in hint])
                if isinstance(f.default, Enum):
                    self.defaults[(f.name,)] = str(f.default.value)
            elif f.metadata.get("choices"):
                self._add_row((f.name,), name, list(f.metadata["choices"]))
            elif hint in (str, float, int, Cite) or (typing.get_origin(hint) is tuple and
                                                     typing.get_args(hint)[0] is str):
                self._add_row((f.name,), name, None)
        if ("source",) in self.editors:
            self.picker = SourcePicker(self.lang, self._pick_source, self._cited_text())
            self.picker_slot.addWidget(self.picker)
        self.refresh()

    def _cited_text(self) -> str | None:
        """Return the text of the document the item cites (the article of the built-in briefing), if it has one."""
        doc = self.session.doc
        item = doc.briefing.index.get(self.item_id or "")
        cite = getattr(item, "source", None)
        if not isinstance(cite, Cite):
            return None
        base = (doc.path or builtin_briefing_path()).parent
        return read_document(doc.briefing.document(cite.doc), base)

    def _add_row(self, sub: Sub, label: str, choices: list[str] | None) -> None:
        editor: QLineEdit | QComboBox
        if choices is None:
            editor = QLineEdit()
            editor.editingFinished.connect(lambda: self.commit(sub))
        else:
            editor = QComboBox()
            editor.addItems(["", *choices])
            editor.activated.connect(lambda _index: self.commit(sub))
        editor.setObjectName(".".join(sub))
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {LIGHT.decrease}")
        error.hide()
        cell = QVBoxLayout()
        cell.setContentsMargins(0, 0, 0, 0)
        cell.addWidget(editor)
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
        if not self.editors and self.item_id:
            self.show_item(self.item_id)  # it is back
            return
        data = read_back(self.session.doc.text, path)
        for sub, editor in self.editors.items():
            value: Any = data
            for key in sub:
                value = value.get(key) if isinstance(value, dict) else None
            if value is None and sub in self.defaults:
                value = self.defaults[sub]
            editor.blockSignals(True)
            if isinstance(editor, QLineEdit):
                editor.setText(_shown(value))
                editor.setCursorPosition(0)
            else:
                editor.setCurrentText(_shown(value))
            editor.blockSignals(False)
            self.errors[sub].hide()
        index, count = path[-1], read_back(self.session.doc.text, path[:-1])
        size = len(count) if isinstance(count, list) else 0
        self.buttons["move_up"].setEnabled(isinstance(index, int) and index > 0)
        self.buttons["move_down"].setEnabled(isinstance(index, int) and index + 1 < size)
        self.buttons["remove_item"].setEnabled(isinstance(index, int))
        self.buttons["duplicate_item"].setEnabled(isinstance(index, int) and isinstance(data, dict) and "id" in data)
        if self.picker is not None:
            self.picker.show_document(self._cited_text())  # the source may now cite another document
            self.picker.show_clause(self._text_of(("source",)))

    def _pick_source(self, clause: str) -> None:
        editor = self.editors[("source",)]
        if isinstance(editor, QLineEdit):
            editor.setText(clause)
            self.commit(("source",))
    def commit(self, sub: Sub) -> None:
        """Write the field *sub* as typed, if it changed; show what is wrong beside it if it was refused."""
        path, editor = self._path(), self.editors[sub]
        if path is None:
            return
        raw = editor.text() if isinstance(editor, QLineEdit) else editor.currentText()
        full = (*path, *sub)
        text = self.session.doc.text
        hint, optional = schema_at(compose(text), list(full), ".".join(sub))
        current = read_back(text, full)
        stale: tuple[Command, ...] = ()
        if hint is Cite and isinstance(current, dict) and not raw.lstrip().startswith("{"):
            # {doc, clause}: a clause typed changes the clause, the document stays (a mapping typed replaces both)
            if "en" in current:  # our translation was of the old clause: it goes with it
                stale = (RemoveField((*full, "en")),)
            full, hint, current = (*full, "clause"), str, current.get("clause", MISSING)
        try:
            value = coerce(raw.strip() if hint is not str else raw, Target(".".join(sub), full, hint, optional,
                                                                          current is not MISSING, 0))
        except EditError as exc:
            self._show_error(sub, str(exc).split(": ", 1)[-1])
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
            command = SetField(full, value, label=f"{self.item_id} · {'.'.join(sub)}")
            if stale:
                command = Batch((command, *stale), label=command.label)
        problems = self.session.apply(command, wait_if_refused=True)
        if problems:
            self._show_error(sub, "\n".join(p.message for p in problems[:3]))

    def _fill_chooser(self) -> None:
        """List the section of the item (or the one on screen) and all it holds."""
        briefing, window = self.session.window.briefing, self.session.window
        try:
            section = briefing.section_of(self.item_id or "")
        except KeyError:
            row = window.nav.currentRow()
            section = briefing.sections[row] if 0 <= row < len(briefing.sections) else briefing.sections[0]
        members: list[Any] = [section, *section.metrics, *section.facts, *section.charts,
                              *getattr(section, "points", ())]
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for member in members:
            self.chooser.addItem(f"{type(member).__name__} · {member.id}", member.id)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(self.item_id)))
        self.chooser.blockSignals(False)

    def _show_waiting(self) -> None:
        count = len(self.session.waiting)
        self.waiting.setText(tr("waiting", self.lang, count=count) if count else "")
        self.waiting.setVisible(bool(count))
        self.discard_waiting.setVisible(bool(count))

    def _text_of(self, sub: Sub) -> str:
        editor = self.editors[sub]
        return editor.text() if isinstance(editor, QLineEdit) else editor.currentText()

    def _show_error(self, sub: Sub, message: str) -> None:
        self.errors[sub].setText(message)
        self.errors[sub].show()

    def _list_action(self, key: str) -> None:
        path = self._path()
        if path is None or not isinstance(path[-1], int):
            return
        index = path[-1]
        name = f"{tr(key, self.lang)} {self.item_id}"
        new_id = None
        command: Command
        if key == "duplicate_item":
            data = read_back(self.session.doc.text, path)
            new_id = self._free_id(f"{self.item_id}-copy")
            command = AddItem(path[:-1], {**data, "id": new_id}, index=index + 1, label=name)
        elif key == "remove_item":
            command = RemoveItem(path, label=name)
        else:
            command = MoveItem(path, index - 1 if key == "move_up" else index + 1, label=name)
        problems = self.session.apply(command)
        self.problem.setText("\n".join(p.message for p in problems[:3]))
        if new_id is not None and not problems:
            self.show_item(new_id)

    def _free_id(self, base: str) -> str:
        taken = self.session.doc.briefing.index
        candidates = (base if n == 1 else f"{base}-{n}" for n in range(1, 1000))
        return next(c for c in candidates if c not in taken)
