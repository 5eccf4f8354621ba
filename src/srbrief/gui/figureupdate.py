"""Updating a figure from a new source, as one guided action: pick the document (or add one, with its text), select
the clause that states the figure in its text, read the value from the selection, see every text that states
the figure in its new wording, accept. The work is :mod:`srbrief.edit.figureupdate` (Qt-free); the edit goes
through the window's editing session (validated, one undo step).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from srbrief.edit import Command
from srbrief.edit.address import find_id, parse_path
from srbrief.edit.describe import describe
from srbrief.edit.figureupdate import (
    Reading,
    follower_lines,
    pinned_texts,
    read_period,
    read_value,
    reading_line,
    rendered_where,
    unread_reason,
    update_edit,
    wordings,
)
from srbrief.edit.yamltext import Source, compose
from srbrief.gui.formfields import ChoiceField, PeriodField, error_label
from srbrief.gui.i18n import tr
from srbrief.gui.problemtext import problem_text
from srbrief.gui.sourcepick import select_text, taken_selection
from srbrief.model import BriefingError
from srbrief.model.loader import parse_briefing
from srbrief.model.refs import render_ref
from srbrief.model.truth import read_document
from srbrief.model.types import Metric
from srbrief.model.units import format_value, metric_unit
from srbrief.resources import builtin_briefing_path

if TYPE_CHECKING:
    from srbrief.gui.editform import EditForm


class UpdateFigureDialog(QDialog):
    """Document, clause, value read, texts that follow: one figure updated from a new source."""

    def __init__(self, form: EditForm, metric: Metric) -> None:
        super().__init__(form)
        self.form, self.figure, self.lang = form, metric, form.lang
        self.session = form.session
        self.reading: Reading | None = None
        self.command: Command | None = None
        self.setWindowTitle(tr("update_title", self.lang, label=metric.label.get(self.lang)))
        self.documents = ChoiceField([], tr("add_document", self.lang))
        self.documents.setObjectName("update-document")
        self.documents.done.connect(self._show_document)
        self.documents.wants_new.connect(self.add_document)
        self.view = QTextEdit()
        self.view.setReadOnly(True)
        self.view.setMinimumHeight(200)
        self.view.selectionChanged.connect(self._on_selection)
        self.value = QLabel()
        self.value.setObjectName("update-value")
        self.value.setWordWrap(True)
        self.period = PeriodField(self.lang)
        self.period.show(metric.period)
        self.period.done.connect(self._preview)
        self.preview = QLabel()
        self.preview.setObjectName("update-preview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = error_label()
        fields = QFormLayout()
        fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fields.addRow(tr("pick_document", self.lang), self.documents)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(QLabel(tr("select_clause", self.lang)))
        inner_layout.addWidget(self.view, 1)
        values = QFormLayout()
        values.addRow(tr("value_read", self.lang), self.value)
        values.addRow(tr("new_period", self.lang), self.period)
        inner_layout.addLayout(values)
        inner_layout.addWidget(self.problem)  # above the texts: seen without scrolling, the texts stay shown
        inner_layout.addWidget(QLabel(tr("texts_follow", self.lang)))
        every = QLabel(tr("every_text_follows", self.lang))
        every.setWordWrap(True)
        inner_layout.addWidget(every)
        inner_layout.addWidget(self.preview)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.accept_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.accept_button.setText(tr("accept_update", self.lang))
        self.accept_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("cancel", self.lang))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(f"{self.windowTitle()} · {format_value(metric, self.lang)}")  # also without a title bar
        heading.setObjectName("update-heading")
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold")
        layout.addWidget(heading)
        layout.addLayout(fields)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(1000, int(screen.width() * 0.9)), min(900, int(screen.height() * 0.9)))
        self._fill_documents(None)  # the newest document: a new source is most often the newest

    # -- the document ------------------------------------------------------------------------------------------
    def _fill_documents(self, chosen: str | None) -> None:
        sources = self.session.doc.briefing.sources
        self.documents.set_choices([(s.title.get(self.lang), s.id) for s in sources], tr("add_document", self.lang))
        newest = max(sources, key=lambda s: s.date).id  # a new source is most often the newest document
        self.documents.show(chosen or newest)
        self._show_document()

    def choose_document(self, doc_id: str) -> None:
        """Pick the document *doc_id* as a user would."""
        self.documents.choose(doc_id)

    def _show_document(self) -> None:
        doc = self.session.doc
        doc_id = self.documents.raw()
        base = (doc.path or builtin_briefing_path()).parent
        text = read_document(doc.briefing.document(doc_id), base) if doc_id else None
        self.view.setPlainText(text or "")
        self.view.setPlaceholderText(tr("no_article", self.lang))
        self._on_selection()

    def _context(self) -> tuple[int | None, str]:
        """Return the chosen document's year (for 前三季度, 9月底) and its text (a clause's sentence)."""
        doc_id = self.documents.raw()
        source = self.session.doc.briefing.document(doc_id) if doc_id else None
        year = int(source.date[:4]) if source is not None and source.date[:4].isdigit() else None
        return year, self.view.toPlainText()

    def add_document(self) -> None:
        """Add a source document (with its text) and pick it."""
        from srbrief.gui.adddialogs import AddDialog

        dialog = AddDialog(self.form, "sources")
        self.adding = dialog  # reachable while it is open (tests fill it in)
        added = dialog.exec() == QDialog.DialogCode.Accepted and dialog.added
        self.form.show_item(self.figure.id)  # the form stays on the figure being updated
        self._fill_documents(str(dialog.added) if added else None)

    # -- the clause, the value and the texts -------------------------------------------------------------------
    def select(self, clause: str) -> None:
        """Select *clause* in the document's text as a user would (ValueError if it is not there)."""
        select_text(self.view, clause)

    def clause(self) -> str:
        """Return the clause the selection stands for ('' if none, or refused: see :meth:`_on_selection`)."""
        return taken_selection(self.view).clause

    def _on_selection(self) -> None:
        taken = taken_selection(self.view)
        clause = taken.clause
        self.reading = read_value(self.figure, clause) if clause else None
        if taken.refused:  # across sentences: one sentence states a figure
            self.value.setText(taken.reason(self.lang))
        elif clause and self.reading is None:  # another kind of quantity, another unit, or no figure at all
            self.value.setText(unread_reason(self.figure, clause, self.lang) or
                               tr("no_value_read", self.lang, unit=metric_unit(self.figure).zh))
        elif self.reading is not None:
            self.value.setText(reading_line(self.figure, self.reading, self.lang))  # 按 万人次 换算：12000
            period, _whole = read_period(self.figure.period, clause, *self._context())
            if period is not None:
                self.period.show(period)  # the period is read from the clause as the value is
        else:
            self.value.clear()
        self._preview()

    def _preview(self) -> None:
        """Show the figure and every text that states it as they will read; enable Accept if the edit is valid."""
        self.command = None
        self.accept_button.setEnabled(False)
        self.problem.hide()
        if self.reading is None:
            self.preview.clear()
            return
        doc = self.session.doc
        path = find_id(compose(doc.parsed), self.figure.id)
        if path is None:
            return
        period = self.period.raw() or None
        command = update_edit(doc.parsed, path, self.documents.raw(), self.clause(), self.reading, period,
                              *self._context(), before=doc.briefing)
        edited = command.edit(doc.parsed)  # the text as the update makes it, composed once
        refused: list[Any] = []
        try:
            after = parse_briefing(edited.text, doc.filename, doc.source_text, nodes=edited.composed)
        except BriefingError as exc:
            refused = list(exc.problems)
            try:  # the texts as they would read stay shown beside the reason it is refused
                after = parse_briefing(edited.text, doc.filename, doc.source_text, lenient=True,
                                       nodes=edited.composed)
            except BriefingError:
                self.show_problems(refused, edited)
                self.preview.clear()
                return
        lines = []
        for lang in (self.lang, *(other for other in ("zh", "en") if other != self.lang)):  # both languages
            lines.append(tr("in_language_" + lang, self.lang))
            lines += [f"• {w.before}\n   → {w.after}" for w in wordings(doc.briefing, after, self.figure.id, lang)]
        lines += [f"• {line}" for line in follower_lines(doc.parsed, doc.briefing, command, self.lang)]
        new = render_ref(after.find(self.figure.id, Metric), "", "zh")
        pins = pinned_texts(doc.parsed, doc.briefing, self.figure.id, after.find(self.figure.id, Metric))
        if pins:  # texts that keep the old value: the other clause they rest on says it
            lines.append(tr("conflicts", self.lang))
            lines += dict.fromkeys(  # a message and its note in one item: one line (the tester saw it twice)
                "• " + tr("conflict", self.lang, name=rendered_where(doc.text, doc.briefing, pin.path, self.lang),
                          clause=pin.clause, said=pin.said, new=new) for pin in pins)
        self.preview.setText("\n".join(lines))
        if refused:
            self.show_problems(refused, edited)
            return
        self.command = dataclasses.replace(command, label=describe(command, doc.parsed, self.lang))  # type: ignore[type-var]
        self.accept_button.setEnabled(True)

    def show_problems(self, problems: Sequence[Any], text: Source) -> None:
        """Show what is wrong with the update, each problem with the text that holds it (the texts' preview
        stays as it was)."""
        lines = []
        for problem in problems[:4]:
            path = getattr(problem, "path", "")
            try:
                name = rendered_where(text, self.session.doc.briefing, parse_path(path), self.lang) if path else ""
            except (ValueError, KeyError, IndexError):
                name = ""
            lines.append(f"{name}：{problem_text(problem, self.lang)}" if name and self.lang == "zh" else
                         f"{name}: {problem_text(problem, self.lang)}" if name else problem_text(problem, self.lang))
        self.problem.setText("\n".join(lines))
        self.problem.show()

    def apply(self) -> None:
        """Apply the update as one edit and close (a refusal is shown and the dialog stays)."""
        if self.command is None:
            return
        problems = self.session.apply(self.command)
        if problems:
            self.show_problems(problems, self.command.edit(self.session.doc.parsed))
            return
        self.form.show_item(self.figure.id)
        self.accept()

