"""Drafting in the app: File → New from article… with the review of the drafted figures, and File → Update from
a newer document… with its proposals. The work is Qt-free (:mod:`srbrief.draft`); this module only asks and shows.

The draft runs off the GUI thread (:class:`~srbrief.gui.workers.DraftJob`; the article is read through the
bounded reader: never more than the size limit, never blocking on a FIFO); proposing updates takes ~0.1 s and
runs under a busy cursor. Every error is a message box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from srbrief.atomic import OutputError
from srbrief.gui.i18n import tr
from srbrief.gui.workers import DraftJob
from srbrief.model import BriefingError, Problem
from srbrief.model.translation import Untranslated, untranslated_places
from srbrief.safeio import InputFileError

if TYPE_CHECKING:
    from srbrief.draft.update import Import, Proposal
    from srbrief.edit import Command
    from srbrief.gui.mainwindow import MainWindow

T = TypeVar("T")


class _FailedError(Exception):
    """A step failed; its message is shown in a message box."""


def _read_text(path: Path) -> str:
    from srbrief.model.yamltree import MAX_BYTES
    from srbrief.safeio import read_limited

    try:
        return read_limited(path, MAX_BYTES, "article text").decode("utf-8-sig")
    except InputFileError as exc:
        raise _FailedError(f"{path}: {exc.reason}") from None
    except UnicodeDecodeError:
        raise _FailedError(f"{path}: not UTF-8 text") from None


def _busy(work: Callable[[], T]) -> T:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    finally:
        QApplication.restoreOverrideCursor()


def _fail(window: MainWindow, title: str, message: str) -> None:
    QMessageBox.warning(window, tr(title, window.lang), " ".join(message.split())[:1200])


def _problems(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems[:8]) + (f"\n… (+{len(problems) - 8})" if len(problems) > 8 else "")


# -- New from article ---------------------------------------------------------------------------------------------
def new_from_article(window: MainWindow) -> DraftJob | None:
    """Ask for an article and where its draft goes; draft it off the GUI thread, then open it in edit mode and
    show the review."""
    lang = window.lang
    if not window.editing.maybe_save():
        return None
    start = str(window.source.path.parent) if window.source.path else str(Path.home())
    article, _ = QFileDialog.getOpenFileName(window, tr("new_from_article", lang).replace("&", ""), start,
                                             tr("txt_filter", lang))
    if not article:
        return None
    default = str(Path(article).with_suffix(".yaml"))
    target, _ = QFileDialog.getSaveFileName(window, tr("save_draft_as", lang), default, tr("yaml_filter", lang))
    if not target:
        return None
    path = Path(target if target.endswith((".yaml", ".yml")) else target + ".yaml")
    progress = QProgressDialog(tr("drafting", lang), "", 0, 0, window)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.show()
    job = DraftJob(Path(article), path, lang)
    window.jobs.append(job)
    job.done.connect(lambda name: _drafted(window, job, progress, Path(name)))
    job.failed.connect(lambda message: _drafted(window, job, progress, None, message))
    job.start()
    return job


def _drafted(window: MainWindow, job: DraftJob, progress: QProgressDialog, path: Path | None,
             message: str = "") -> None:
    progress.close()
    window.jobs.remove(job)
    if path is None:
        _fail(window, "draft_failed", message)
    elif window.source.open(path):
        window.editing.set_edit_mode(True)
        review_draft(window)


def review_draft(window: MainWindow) -> ReviewDialog:
    """Show the review of the open briefing's figures (window-modal, not blocking)."""
    dialog = ReviewDialog(window)
    window.review_dialog = dialog
    dialog.open()
    return dialog


class _Checklist(QTreeWidget):
    """Rows with a checkbox in the first column; the row's key in its data."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)

    def add(self, key: str, columns: list[str], checked: bool = True) -> None:
        item = QTreeWidgetItem(columns)
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for col, text in enumerate(columns):
            item.setToolTip(col, text)
        self.addTopLevelItem(item)

    def items(self) -> list[QTreeWidgetItem]:
        return [item for i in range(self.topLevelItemCount()) if (item := self.topLevelItem(i)) is not None]

    def keys(self, checked: bool) -> list[str]:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return [str(item.data(0, Qt.ItemDataRole.UserRole)) for item in self.items() if item.checkState(0) == state]

    def set_checked(self, key: str, checked: bool) -> None:
        for item in self.items():
            if item.data(0, Qt.ItemDataRole.UserRole) == key:
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class ReviewDialog(QDialog):
    """Each drafted figure beside its clause, checked; accept all, accept the checked ones, or delete the rest."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        lang = window.lang
        self.setWindowTitle(tr("review_draft", lang).replace("&", "").rstrip("…"))
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.list = _Checklist([tr("review_figure", lang), tr("review_label", lang), tr("review_clause", lang)])
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.accept_all_button = QPushButton(tr("accept_all", lang))
        self.accept_selected_button = QPushButton(tr("accept_selected", lang))
        self.delete_button = QPushButton(tr("delete_unchecked", lang))
        for button in (self.accept_all_button, self.accept_selected_button, self.delete_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = QPushButton(tr("close_dialog", lang))
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.accept_selected_button.clicked.connect(self.accept_selected)
        self.delete_button.clicked.connect(self.delete_unchecked)
        layout.addWidget(buttons)
        self.fill()

    def fill(self) -> None:
        from srbrief.draft.review import is_unreviewed, review_rows

        lang, briefing = self.window_.lang, self.window_.briefing
        self.list.clear()
        for row in review_rows(briefing, lang):
            self.list.add(row.id, [row.figure, row.label, row.clause])
        for col, width in enumerate((160, 260)):
            self.list.setColumnWidth(col, width)
        self.note.setText(tr("review_note" if is_unreviewed(briefing) else "review_done", lang))

    def _apply(self, make: Callable[[], Command], unchecked: list[str] | None = None) -> bool:
        from srbrief.draft.review import is_unreviewed

        session = self.window_.editing
        if unchecked is not None and not unchecked and not is_unreviewed(self.window_.briefing):
            return True  # nothing to delete, nothing to accept: no edit
        try:
            problems = session.apply(make())
        except BriefingError as exc:
            problems = exc.problems
        if problems:
            _fail(self.window_, "review_refused", tr("review_refused_text", self.window_.lang) + "\n"
                  + _problems(problems))
            return False
        self.fill()
        return True

    def accept_all(self) -> bool:
        from srbrief.draft.review import accept_edit

        return self._apply(lambda: accept_edit(self.window_.editing.doc, []), []) and self._close()

    def accept_selected(self) -> bool:
        from srbrief.draft.review import accept_edit

        unchecked = self.list.keys(checked=False)
        return self._apply(lambda: accept_edit(self.window_.editing.doc, unchecked), unchecked) and self._close()

    def delete_unchecked(self) -> bool:
        from srbrief.draft.review import delete_edit

        unchecked = self.list.keys(checked=False)
        return bool(unchecked) and self._apply(lambda: delete_edit(self.window_.editing.doc, unchecked))

    def _close(self) -> bool:
        self.accept()
        return True


# -- Update from a newer document ---------------------------------------------------------------------------------
def update_from_document(window: MainWindow) -> ImportDialog | None:
    """Ask for a newer document; show the updates it proposes for the open briefing (window-modal)."""
    from srbrief.draft.update import doc_id_for, propose

    lang = window.lang
    start = str(window.source.path.parent) if window.source.path else str(Path.home())
    name, _ = QFileDialog.getOpenFileName(window, tr("update_from_document", lang).replace("&", ""), start,
                                          tr("txt_filter", lang))
    if not name:
        return None
    try:
        doc = window.editing.doc
        text = _read_text(Path(name))
        found = _busy(lambda: propose(doc.briefing, text, doc_id_for(Path(name).stem, doc.briefing)))
    except _FailedError as exc:
        _fail(window, "import_failed", str(exc))
        return None
    except BriefingError as exc:
        _fail(window, "import_failed", _problems(exc.problems))
        return None
    if not found.proposals:
        QMessageBox.information(window, tr("app", lang), tr("no_updates", lang, new=len(found.new)))
        return None
    dialog = ImportDialog(window, Path(name), text, found)
    window.review_dialog = dialog
    dialog.open()
    return dialog


class ImportDialog(QDialog):
    """The updates a newer document proposes, old → new with both clauses; the checked ones are one edit."""

    def __init__(self, window: MainWindow, path: Path, text: str, found: Import) -> None:
        super().__init__(window)
        from srbrief.model.units import format_value

        self.window_, self.path, self.text, self.found = window, path, text, found
        lang = window.lang
        self.setWindowTitle(tr("update_from_document", lang).replace("&", "").rstrip("…"))
        self.resize(1400, 500)
        layout = QVBoxLayout(self)
        note = QLabel(tr("import_note", lang, file=path.name, count=len(found.proposals), new=len(found.new)))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = _Checklist([tr("review_figure", lang), tr("import_change", lang), tr("import_old_clause", lang),
                                tr("import_new_clause", lang)])
        for p in found.proposals:
            new = _updated(p, lang)
            self.list.add(p.id, [p.metric.label.get(lang), f"{format_value(p.metric, lang)} → {new}",
                                 p.metric.source.clause, p.figure.clause])
        for col, width in enumerate((220, 210, 440)):
            self.list.setColumnWidth(col, width)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(QPushButton(tr("cancel", lang)), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button = QPushButton(tr("apply_checked", lang))
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.clicked.connect(self.apply_checked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_checked(self, metric_id: str, checked: bool) -> None:
        self.list.set_checked(metric_id, checked)

    def apply_checked(self) -> bool:
        """Apply the checked updates as one edit (one undo step); say why if refused."""
        from srbrief.draft.commands import DraftError, copy_name, write_copy
        from srbrief.draft.update import assignments
        from srbrief.edit.assign import assignments_edit

        window, lang = self.window_, self.window_.lang
        checked = set(self.list.keys(checked=True))
        accepted = [p for p in self.found.proposals if p.id in checked]
        if not accepted:
            self.reject()
            return False
        session = window.editing
        try:
            doc = session.doc
            if doc.read_only or doc.path is None:
                raise _FailedError(tr("import_read_only", lang))
            text_file = "sources/" + copy_name(str(self.path), "document")
            write_copy(doc.path.parent / text_file, self.text)
            edit, _ = assignments_edit(doc, assignments(self.found, accepted, text_file, doc.briefing))
            problems = session.apply(edit)
        except (_FailedError, DraftError, OutputError, ValueError) as exc:
            _fail(window, "import_failed", str(exc))
            return False
        except BriefingError as exc:
            problems = exc.problems
        except OSError as exc:
            _fail(window, "import_failed", f"{self.path}: {exc.strerror}")
            return False
        if problems:
            _fail(window, "import_failed", _problems(problems))
            return False
        window.statusBar().showMessage(tr("imported", lang, count=len(accepted), file=self.path.name), 8000)
        self.accept()
        return True


def _updated(p: Proposal, lang: str) -> str:
    import dataclasses

    from srbrief.model.types import Qualifier
    from srbrief.model.units import format_value

    return format_value(dataclasses.replace(p.metric, value=p.value, qualifier=Qualifier(p.figure.qualifier)), lang)


def refuse_unreviewed(window: MainWindow) -> bool:
    """Say so and return True if the open briefing is a draft not yet reviewed, or if an English export would
    carry texts still marked [translate] (listed): it is not exported."""
    from srbrief.draft.review import is_unreviewed
    if is_unreviewed(window.briefing):
        QMessageBox.warning(window, tr("export_failed", window.lang), tr("export_unreviewed", window.lang))
        return True
    missing = untranslated_places(window.briefing) if window.lang == "en" else []
    if missing:
        listed = "\n".join(f"• {untranslated_where(place, window.lang)}: {place.zh}" for place in missing[:15])
        box = QMessageBox(QMessageBox.Icon.Warning, tr("export_failed", window.lang),
                          tr("export_untranslated", window.lang, n=len(missing)) + "\n\n" + listed
                          + ("\n…" if len(missing) > 15 else ""), QMessageBox.StandardButton.Close, window)
        first = box.addButton(tr("open_first_untranslated", window.lang), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(first)
        box.exec()
        if box.clickedButton() is first:
            open_in_form(window, missing[0])
        return True
    return False


def untranslated_where(place: Untranslated, lang: str) -> str:
    """Return where a text to translate is, in *lang*: "接待游客 · 1.2亿人次 · 名称", "the briefing · Title"."""
    from srbrief.edit.describe import ROOT_NAME, field_name, label_of
    from srbrief.model.translation import MARK

    holder = label_of(place.holder, lang).replace(MARK.strip(), "").strip() if place.holder is not None \
        else ROOT_NAME[0 if lang == "zh" else 1]
    return f"{holder} · {field_name(place.field, lang)}"


def open_in_form(window: MainWindow, place: Untranslated) -> None:
    """Open the edit form on the item that holds *place*, its English field focused."""
    window.editing.set_edit_mode(True)
    form = window.editing.form
    if form is None or not window.editing.edit_item(place.item):
        return
    editor = form.editors.get((place.field, "en"))
    if editor is not None:  # once the message box has gone and the form is laid out
        QTimer.singleShot(0, lambda: editor.setFocus(Qt.FocusReason.OtherFocusReason))

