"""Adding to a briefing from the edit form: a figure, a fact, a point, a chart, a section, an event, a summary or
outlook line, a source document (with its text: pasted, or opened from a .txt file) and a unit of its own.

Each dialog asks only what the item needs, in the form's editors (choices by name, checklists of labels),
makes the id itself, and adds the item with one :class:`~srbrief.edit.AddItem` through the window's editing
session: validated, undoable, atomic like any other edit. A refused item keeps the dialog open with the reasons.
"""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from srbrief.edit import AddItem, Batch, Command, EditError, SetField
from srbrief.edit.address import REMOVE, Target, coerce
from srbrief.edit.commands import MISSING, read_back
from srbrief.edit.describe import describe, kind_name, place_key
from srbrief.edit.newitems import (
    ASKED,
    bind_literals,
    cites_from,
    figure_cites,
    item_class,
    new_id,
    number_for,
    placeholder_source,
    with_translation_marks,
)
from srbrief.edit.yamltext import PathKey
from srbrief.gui.formfields import (
    ChecklistField,
    ChoiceField,
    Editor,
    FlagField,
    LongField,
    PeriodField,
    editors_for,
    error_label,
    field_cell,
    ticked_figures,
)
from srbrief.gui.i18n import tr
from srbrief.gui.problemtext import problem_text, translate
from srbrief.gui.reffield import RefField, labels_of, literal_hints, with_preview
from srbrief.gui.settings import remember_folder, start_folder
from srbrief.gui.sourcepick import SourcePicker
from srbrief.model.truth import PROSE
from srbrief.model.types import Cite, Metric
from srbrief.model.units import UNITS

if TYPE_CHECKING:
    from srbrief.gui.editform import EditForm

KINDS = ("metrics", "facts", "points", "charts", "sections", "timeline", "summary", "outlook", "sources")
IN_SECTION = ("metrics", "facts", "points", "charts")


def add_menu(form: EditForm) -> QMenu:
    """Return the menu of what can be added (each entry opens its dialog)."""
    menu = QMenu(form)
    for kind in KINDS:
        action = menu.addAction(tr("add_what", form.lang, kind=kind_name(kind, form.lang).lower()))
        action.setObjectName(f"add-{kind}")
        action.triggered.connect(lambda _=False, k=kind: run_dialog(form, AddDialog(form, k)))
    return menu


def fitted_size(wanted: QSize, available: QRect) -> QSize:
    """Return the size a dialog asks for (*wanted*), within the screen's *available* area (a dialog taller
    than a 1280×720 screen would hide its buttons)."""
    return QSize(min(wanted.width(), available.width() - 40), min(wanted.height(), available.height() - 60))


def run_dialog(form: QWidget, dialog: QDialog) -> int:
    """Show *dialog* modal (F1 in it shows the help page), then give the keyboard back to the main window (so
    that Ctrl+S and the other shortcuts work at once, without a click): to the widget that had it before, else
    the form."""
    window = form.window()
    before = window.focusWidget()
    show_help = getattr(window, "show_help", None)
    if show_help is not None:  # F1 in the dialog: the help page, above it
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog, lambda: show_help(dialog))
    result = dialog.exec()
    window.activateWindow()
    (before if before is not None and before.isVisible() else form).setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    return result


class AddDialog(QDialog):
    """The fields a new item of kind *kind* (a list key: ``metrics``, ``timeline`` …) needs."""

    def __init__(self, form: EditForm, kind: str) -> None:
        super().__init__(form)
        self.form, self.kind, self.lang = form, kind, form.lang
        self.session = form.session
        self.setWindowTitle(tr("add_what", self.lang, kind=kind_name(kind, self.lang).lower()))
        self.cls = item_class(kind)
        self.editors: dict[tuple[str, ...], Editor] = {}
        self.added: str | None = None  # the key of the item added (for the form to show it)
        self.bound: list[Metric] = []  # the figures typed as numbers, made references
        fields = QFormLayout()
        fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        hints = typing.get_type_hints(self.cls)
        briefing = self.session.doc.briefing
        figures = labels_of(lambda: self.session.doc.briefing, self.lang)
        for f in dataclasses.fields(self.cls):
            if f.name not in ASKED[kind]:
                continue
            prose = (lambda long: RefField(figures, self.lang, 3 if long else 1)) \
                if f.name in PROSE.get(self.cls, ()) else None  # references shown by their labels, as in the form
            for sub, label, editor in editors_for(f, hints[f.name], self.lang, briefing, prose):
                if isinstance(editor, ChoiceField) and sub == ("unit",):
                    editor.wants_new.connect(lambda e=editor: self._new_unit(e))
                editor.setObjectName(".".join(sub))
                cell = field_cell(editor, sub, PROSE.get(self.cls, ()), lambda: self.session.doc.briefing,
                                  self.lang, self.editors)
                fields.addRow(label, with_preview(cell, editor, sub, lambda: self.session.doc.briefing, self.lang))
                self.editors[sub] = editor
        self.doc_choice: ChoiceField | None = None  # which document the clause is from, when there are several
        if kind != "sources" and len(briefing.sources) > 1 and ("source",) in self.editors:
            self.doc_choice = ChoiceField([(s.title.get(self.lang), s.id) for s in briefing.sources])
            self.doc_choice.setCurrentIndex(1)
            fields.addRow(tr("pick_document", self.lang), self.doc_choice)
        self._defaults(briefing)
        self._auto_sources = ""  # the sources last filled in from the ticked figures (until the user edits them)
        for sub in (("figures",), ("figure",)):
            ticks = self.editors.get(sub)
            if ("sources",) in self.editors and isinstance(ticks, ChecklistField):
                ticks.itemChanged.connect(lambda _item: self._follow_figures())
            elif ("sources",) in self.editors and isinstance(ticks, ChoiceField):
                ticks.currentIndexChanged.connect(lambda _index: self._follow_figures())
        self.picker: SourcePicker | None = None
        if ("source",) in self.editors:  # the clause is selected in the document's text, as in the form
            self.picker = SourcePicker(self.lang, self._pick, self._document_text())
            if self.doc_choice is not None:
                self.doc_choice.done.connect(self._show_document)
        if kind == "sources":
            self.text = LongField(lines=8)
            self.text.setObjectName("document-text")
            fields.addRow(tr("document_text", self.lang), self.text)
            open_txt = QPushButton(tr("open_txt", self.lang))
            open_txt.clicked.connect(self.open_txt)
            fields.addRow("", open_txt)
        self.problem = error_label()
        self.period_note = QLabel(tr("no_period_read", self.lang))  # a warning: the figure may still be added
        self.period_note.setObjectName("period-note")
        self.period_note.setWordWrap(True)
        self.period_note.setVisible(False)
        self.add_unit_button = QPushButton()  # shown when a selected clause's unit is not in the list
        self.add_unit_button.setObjectName("add-this-unit")
        self.add_unit_button.hide()
        unit_editor = self.editors.get(("unit",))
        if isinstance(unit_editor, ChoiceField):
            self.add_unit_button.clicked.connect(
                lambda _=False, e=unit_editor: self._new_unit(e, str(self.add_unit_button.property("unit"))))
        if isinstance(self.editors.get(("period",)), PeriodField):
            self.editors[("period",)].done.connect(self._note_period)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(fields)
        inner_layout.addWidget(self.period_note)
        inner_layout.addStretch(1)  # the fields stay together at the top, however tall the dialog
        scroll = self.fields_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # a message wraps, never cut
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("add_done", self.lang))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("cancel", self.lang))
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)  # below the fields, never scrolled away: a refusal is always read whole
        layout.addWidget(self.add_unit_button)  # beside the reason it is offered for
        if self.picker is not None:  # below the fields, never scrolled away: "use the selection" always in view
            layout.addWidget(self.picker)
        layout.addWidget(buttons)
        extra = (self.picker.sizeHint().height() if self.picker is not None else 0) + \
            buttons.sizeHint().height() + 48
        self._note_period()
        if kind == "charts":  # the kinds that fit the ticked items, and why the one chosen does not
            items, chart_kind = self.editors[("items",)], self.editors[("kind",)]
            if isinstance(items, ChecklistField) and isinstance(chart_kind, ChoiceField):
                items.itemChanged.connect(lambda _item: self._check_chart())
                chart_kind.currentIndexChanged.connect(lambda _index: self._check_chart())
        screen = self.screen() or QGuiApplication.primaryScreen()
        self.resize(fitted_size(QSize(640, inner.sizeHint().height() + extra), screen.availableGeometry()))

    def _defaults(self, briefing: Any) -> None:
        """Show every editor empty (a checklist lists its choices), then preset what most new items have."""
        for editor in self.editors.values():
            editor.show(None)
        presets = {("kind",): {"sections": "theme", "facts": "measure", "charts": "bar"}.get(self.kind)}
        for sub, value in presets.items():
            if value and sub in self.editors:
                self.editors[sub].show(value)
        if self.kind == "summary" and ("section",) in self.editors:
            themes = [s.id for s in briefing.sections if s.kind.value == "theme"]
            self.editors[("section",)].show(themes[0] if themes else "")

    # -- the new item ----------------------------------------------------------------------------------------
    def value(self) -> dict[str, Any]:
        """Return the new item as plain data (raises EditError for a value of the wrong type)."""
        briefing = self.session.doc.briefing
        hints = typing.get_type_hints(self.cls)
        data: dict[str, Any] = {}
        texts: dict[str, dict[str, str]] = {}
        for sub, editor in self.editors.items():
            raw = editor.raw()
            if len(sub) == 2:
                texts.setdefault(sub[0], {})[sub[1]] = raw.strip()
                continue
            if isinstance(editor, FlagField):
                if raw:
                    data[sub[0]] = True
                continue
            field = next(f for f in dataclasses.fields(self.cls) if f.name == sub[0])
            optional = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
            from srbrief.model.convert import unwrap_optional

            hint, may_be_none = unwrap_optional(hints[sub[0]])
            if typing.get_origin(hint) is tuple and typing.get_args(hint)[0] is Cite:
                cites = cites_from(raw, None, briefing, self._base())
                if cites:
                    data[sub[0]] = cites
                continue
            target = Target(".".join(sub), (sub[0],), hint, optional or may_be_none, False, 0)
            value = coerce(raw.strip() if hint is not str else raw, target) if raw.strip() or not optional else REMOVE
            if value is not REMOVE and value != []:
                data[sub[0]] = value
        ticked = self.ticked_figures()
        prose = PROSE.get(self.cls, ())
        self.bound = []
        for name, pair in texts.items():
            if name in prose:  # a number typed that is one of the figures becomes a reference to it
                for lang in ("zh", "en"):
                    pair[lang], bound = bind_literals(pair.get(lang, ""), lang, ticked, list(briefing.metrics))
                    self.bound += [m for m in bound if m not in self.bound]
            if pair.get("zh") or pair.get("en"):
                data[name] = with_translation_marks(pair)
            elif name in {"derived"} and data.get(name) is True:
                continue
        if "sources" in ASKED[self.kind] and "sources" not in data and ticked:
            data["sources"] = figure_cites(ticked, briefing)  # a message rests on its figures' clauses
        if isinstance(data.get("source"), str) and self.doc_choice is not None:
            doc = self.doc_choice.raw()
            if doc and doc != briefing.sources[0].id:
                data["source"] = {"doc": doc, "clause": data["source"]}
        if "id" in {f.name for f in dataclasses.fields(self.cls)}:
            data = {"id": new_id(self.kind, data, briefing), **data}
        if self.kind == "sections" and data.get("kind") == "theme" and "number" not in data:
            data["number"] = number_for(briefing)
        if self.kind == "sources":
            spot = placeholder_source(briefing)
            if spot is not None:  # the new document takes the placeholder's place and id: its clauses still cite it
                data["id"] = briefing.sources[spot].id
            data["text"] = self._write_text(data["id"])
        return data

    def _follow_figures(self) -> None:
        """Show the ticked figures' clauses as the sources, one a line (editable; once edited, kept)."""
        editor = self.editors[("sources",)]
        if editor.raw().strip() != self._auto_sources.strip():
            return  # the user's own sources
        cites = figure_cites(self.ticked_figures(), self.session.doc.briefing)
        self._auto_sources = "\n".join(c["clause"] if isinstance(c, dict) else c for c in cites)
        editor.show(self._auto_sources)

    def ticked_figures(self) -> list[Metric]:
        """Return the figures ticked (a point's figures, an event's references, a summary line's figure)."""
        return ticked_figures(self.editors, self.session.doc.briefing)

    def _document_text(self) -> str | None:
        from srbrief.model.truth import read_document

        briefing = self.session.doc.briefing
        doc_id = self.doc_choice.raw() if self.doc_choice is not None else None
        return read_document(briefing.document(doc_id), self._base())

    def _show_document(self) -> None:
        if self.picker is not None:
            self.picker.show_document(self._document_text())

    def _pick(self, clause: str) -> None:
        """Take the selected clause as the source; a new figure's value, unit, qualifier, direction and period
        are read from it as a draft reads an article, an event's date and text (fields already filled in stay)."""
        self.editors[("source",)].show(clause)
        if self.kind == "timeline":
            self._read_event(clause)
        if self.kind != "metrics":
            return
        from srbrief.draft.extract import extract, metric_value
        from srbrief.model.periods import clause_period

        figure = next((f for f in extract(clause) if f.unit is not None), None)
        period = clause_period(self._document_text(), clause, self._year())  # the clause's, else its sentence's
        read: dict[tuple[str, ...], Any] = {("period",): period}
        if figure is not None:
            value = metric_value(figure)
            read |= {("value",): str(int(value) if value == value.to_integral() else value), ("unit",): figure.unit,
                     ("qualifier",): figure.qualifier, ("direction",): figure.direction, ("label", "zh"): figure.label}
        else:
            read |= self._unlisted_unit(clause)
        for sub, found in read.items():
            if found and sub in self.editors and not self.editors[sub].raw():
                self.editors[sub].show(found)
        self._note_period()

    def _check_chart(self) -> None:
        """Offer only the chart kinds that fit the ticked items; say why the kind chosen does not (before Add)."""
        from srbrief.edit.newitems import chart_kinds_for

        briefing = self.session.doc.briefing
        items_editor, kind_editor = self.editors[("items",)], self.editors[("kind",)]
        assert isinstance(items_editor, ChecklistField) and isinstance(kind_editor, ChoiceField)
        items = [briefing.index[i] for i in items_editor.checked() if i in briefing.index]
        why = chart_kinds_for(items)
        model = kind_editor.model()
        for row in range(kind_editor.count()):
            code = kind_editor.itemData(row)
            entry = model.item(row) if isinstance(model, QStandardItemModel) else None
            if entry is not None and code:
                entry.setEnabled(code in why and why[code] is None)
        chosen = kind_editor.raw()
        if chosen and why.get(chosen, "") is not None:
            names = (kind_editor.itemText(r) for r in range(kind_editor.count())
                     if why.get(kind_editor.itemData(r) or "", "") is None)
            fits = ("、" if self.lang == "zh" else ", ").join(names)
            reason = translate(why.get(chosen) or "", self.lang) or tr("chart_kind_unfit", self.lang)
            self._say([reason, tr("chart_kinds_fit", self.lang, kinds=fits or "—")])
        else:
            self.problem.hide()

    def _year(self) -> int | None:
        """Return the chosen document's year (前三季度, 9月底 take it)."""
        date = self.session.doc.briefing.document(self.doc_choice.raw() if self.doc_choice is not None else None).date
        return int(date[:4]) if date[:4].isdigit() else None

    def _read_event(self, clause: str) -> None:
        """Fill in an event's date (the clause's, else its sentence's; a range's last month) and its text (the
        clause, to be edited) unless given."""
        from srbrief.model.periods import clause_period

        period = clause_period(self._document_text(), clause, self._year())
        read = {("date",): period.rpartition("/")[2] if period else None, ("text", "zh"): clause}
        for sub, found in read.items():
            if found and sub in self.editors and not self.editors[sub].raw():
                self.editors[sub].show(found)

    def _unlisted_unit(self, clause: str) -> dict[tuple[str, ...], Any]:
        """Return the value and unit of a clause whose unit the draft reader does not know (开行班列120列): a
        unit of the briefing's own by its Chinese, else the value alone, and the offer to add the unit."""
        from srbrief.edit.selection import number_and_word

        found = number_and_word(clause)
        if found is None:
            return {}
        value, word = found
        own = {u.zh: u.code for u in self.session.doc.briefing.units}
        listed = own.get(word) or next((c for c, u in UNITS.items() if u.zh == word), None)
        if listed is None and ("unit",) in self.editors:
            self._offer_unit(word)
        return {("value",): value, ("unit",): listed}

    def _offer_unit(self, word: str) -> None:
        """Say that the unit *word* is not in the list, with a button that adds it (its Chinese filled in)."""
        self._say([tr("unit_unknown", self.lang, unit=word)])
        self.add_unit_button.setText(tr("unit_add_this", self.lang, unit=word))
        self.add_unit_button.setProperty("unit", word)
        self.add_unit_button.show()

    def _note_period(self) -> None:
        """Warn (not refuse) while a new figure has no period: its card would not say when."""
        editor = self.editors.get(("period",))
        if editor is None:
            return
        self.period_note.setVisible(not editor.raw())

    def _base(self) -> Path:
        from srbrief.resources import builtin_briefing_path

        return (self.session.doc.path or builtin_briefing_path()).parent

    def _write_text(self, doc_id: str) -> str:
        text = self.text.toPlainText().strip()
        if not text:
            raise EditError(tr("document_text", self.lang), 0)
        return write_document_text(self.form, doc_id, text)

    def add(self) -> None:
        """Add the item; close on success, else say why (the dialog stays, with what was entered)."""
        try:
            data = self.value()
        except (EditError, OSError) as exc:
            self._say([translate(str(exc).split(": ", 1)[-1], self.lang)])
            return
        doc = self.session.doc
        path = self.list_path()
        command: AddItem | SetField | Batch
        spot = placeholder_source(doc.briefing) if self.kind == "sources" else None
        if spot is not None:  # Ctrl+N's placeholder document: filled in, not kept beside the real one
            command = Batch(tuple(SetField((*path, spot, key), value) for key, value in data.items() if key != "id"))
        elif read_back(doc.parsed, path) is MISSING:  # the section has no such list yet
            command = SetField(path, [data])
        else:
            command = AddItem(path, data)
        named = describe(AddItem(path, data), doc.parsed, self.lang, figures=self.session.figures())
        problems = self.session.apply(_labelled(command, named))
        if problems:
            hints = [hint for sub, editor in self.editors.items() if isinstance(editor, RefField)
                     for hint in literal_hints(editor.raw(), self.lang, sub[1], doc.briefing)]
            self._say([in_words(p, self.lang) for p in problems[:4]] + list(dict.fromkeys(hints)))
            return
        self.added = data.get("id") or place_key((*path, len(read_back(self.session.doc.parsed, path)) - 1))
        self.form.show_item(self.added)
        said = []
        if self.bound:  # say which numbers became figures
            names = "、".join(m.label.get(self.lang) for m in self.bound) if self.lang == "zh" else \
                "; ".join(m.label.get(self.lang) for m in self.bound)
            said.append(tr("figures_bound", self.lang, names=names))
        if self.kind == "metrics" and not data.get("period"):  # added, but its card will not say when
            said.append(tr("no_period_read", self.lang))
        window = self.form.window()
        if said and isinstance(window, QMainWindow):
            window.statusBar().showMessage("  ".join(said), 15000)
        self.accept()

    def list_path(self) -> tuple[PathKey, ...]:
        """Return where the new item goes: a section's list, or the briefing's own."""
        if self.kind in IN_SECTION:
            return (*self.form.section_path(), self.kind)
        return (self.kind,)

    def _say(self, lines: list[str]) -> None:
        """Say *lines* below the fields, wrapped, the dialog grown to show them whole (within the screen)."""
        self.problem.setText("\n".join(lines))
        self.problem.show()
        need = self.problem.heightForWidth(max(self.problem.width(), self.width() - 60))
        screen = self.screen() or QGuiApplication.primaryScreen()
        grown = fitted_size(QSize(self.width(), self.height() + max(0, need - self.problem.height())),
                            screen.availableGeometry())
        if grown.height() > self.height():
            self.resize(grown)

    def open_txt(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("open_txt", self.lang), str(_start(self.form)),
                                              tr("txt_filter", self.lang))
        remember_folder(name)
        if name:
            self.load_txt(Path(name))

    def load_txt(self, path: Path) -> None:
        try:
            self.text.setPlainText(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            self._say([f"{path}: {exc}"])

    def _new_unit(self, editor: ChoiceField, zh: str = "") -> None:
        code = add_unit(self.form, prefill=zh)
        if code:
            self.add_unit_button.hide()
            self.problem.hide()
            from srbrief.gui.formfields import unit_choices

            editor.set_choices(unit_choices(self.session.doc.briefing, self.lang), tr("new_unit", self.lang))
            editor.show(code)


class UnitDialog(QDialog):
    """A unit of the briefing's own: how it is written in Chinese after a number, and its English name."""

    def __init__(self, parent: QWidget, lang: str) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(tr("new_unit_title", lang))
        self.zh, self.en = QLineEdit(), QLineEdit()
        self.zh.setObjectName("unit-zh")
        self.en.setObjectName("unit-en")
        self.problem = error_label()
        fields = QFormLayout()
        fields.addRow(tr("unit_zh", lang), self.zh)
        fields.addRow(tr("unit_en", lang), self.en)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("cancel", lang))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("add_done", lang))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)


def add_unit(form: EditForm, zh: str | None = None, en: str | None = None, prefill: str = "") -> str | None:
    """Declare a unit of the briefing's own (asked in a dialog, its Chinese *prefill* filled in, unless *zh* is
    given); return its code."""
    from srbrief.edit.newitems import unit_entry

    if zh is None:
        dialog = UnitDialog(form, form.lang)
        dialog.zh.setText(prefill)
        if run_dialog(form, dialog) != QDialog.DialogCode.Accepted:
            return None
        zh, en = dialog.zh.text().strip(), dialog.en.text().strip()
    doc = form.session.doc
    entry = unit_entry(zh or "", en or "", doc.briefing)
    if entry is None:
        form._show_problems([tr("unit_exists", form.lang, unit=zh)])
        return None
    command: AddItem | SetField = AddItem(("units",), entry) if read_back(doc.parsed, ("units",)) is not MISSING else \
        SetField(("units",), [entry])
    problems = form.session.apply(_labelled(command, describe(AddItem(("units",), entry), doc.parsed, form.lang)))
    if problems:
        form._show_problems(problems)
        return None
    form.show_item(form.item_id)  # the unit lists now hold it
    return str(entry["code"])


def in_words(problem: Any, lang: str) -> str:
    """Return why a new item was refused, in the words of the dialog (see
    :data:`~srbrief.gui.problemtext.PLAIN_WORDS`)."""
    return problem_text(problem, lang)


def _labelled(command: AddItem | SetField | Batch, label: str) -> Command:
    """Return *command* named *label* in the undo menu."""
    return dataclasses.replace(command, label=label)


def write_document_text(form: EditForm, doc_id: str, text: str) -> str:
    """Write a document's text beside the briefing file as ``<briefing>-<id>.txt``, never over a file already
    there (atomically); return the name the file cites it by. Raises EditError for the read-only built-in
    briefing, OSError if it cannot be written."""
    from srbrief.atomic import write_text_atomic
    from srbrief.edit.newitems import text_file_for

    doc = form.session.doc
    if doc.path is None or doc.read_only:
        raise EditError(tr("read_only_add", form.lang), 0)
    target = text_file_for(doc.path, doc_id)
    write_text_atomic(target, text.strip() + "\n")
    return target.name


def attach_text(form: EditForm, doc_path: tuple[PathKey, ...], doc_id: str, source: Path | None = None) -> bool:
    """Give the source document at *doc_path* its full text from a .txt file (asked for unless *source* is
    given): copied beside the briefing, cited by the document; one undoable edit. Return whether it was done."""
    if source is None:
        name, _ = QFileDialog.getOpenFileName(form, tr("open_txt", form.lang), str(_start(form)),
                                              tr("txt_filter", form.lang))
        remember_folder(name)
        if not name:
            return False
        source = Path(name)
    try:
        text = source.read_text(encoding="utf-8-sig")
        cited = write_document_text(form, doc_id, text)
    except (OSError, UnicodeDecodeError, EditError) as exc:
        form._show_problems([translate(str(exc), form.lang)])
        return False
    command = SetField((*doc_path, "text"), cited)
    problems = form.session.apply(_labelled(command, describe(command, form.session.doc.parsed, form.lang)))
    if problems:
        form._show_problems(problems)
        return False
    form.show_item(form.item_id)
    window = form.window()
    if isinstance(window, QMainWindow):  # say what was loaded: the text itself is not shown in the form
        from srbrief.edit.newitems import is_placeholder, text_length

        title = form.session.doc.briefing.document(doc_id).title.get(form.lang)
        title = source.stem if is_placeholder(title) else title  # 【请填写原文标题】 says nothing: the file's name
        window.statusBar().showMessage(tr("text_loaded", form.lang, title=title, n=text_length(text)), 15000)
    return True


def _start(form: EditForm) -> Path:
    """Return the folder a dialog for a text file starts in: the briefing's own, else the last one used."""
    doc = form.session.doc
    return start_folder(None if doc.read_only else doc.path)
