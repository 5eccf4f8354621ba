"""File → Refresh a deck…: put the open briefing's figures into a deck someone has edited (srbrief.deck.refresh).

Pick the deck: the refresh is tried without writing and its conflicts (texts both the user and the briefing
changed) are listed, each to keep or replace; *Save refreshed deck…* writes the result and shows the report.
The work runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from srbrief.gui.i18n import tr
from srbrief.gui.settings import read_folder
from srbrief.gui.workers import internal_error_text
from srbrief.model import Briefing

if TYPE_CHECKING:  # the deck's refresh (python-pptx) is loaded when a refresh runs, not when the app starts
    from srbrief.deck.refresh import Report


class RefreshJob(QThread):
    """Refreshes a deck (into *target*, or only to see its report when *target* is None), off the GUI thread."""

    done = Signal(object)  # the srbrief.deck.refresh.Report
    failed = Signal(str)

    def __init__(self, deck: Path, briefing: Briefing, source: Path | None, lang: str, target: Path | None = None,
                 take: Collection[str] = ()) -> None:
        super().__init__()
        self.deck, self.briefing, self.source, self.lang = deck, briefing, source, lang
        self.target, self.take = target, set(take)

    def run(self) -> None:  # in the worker thread
        from srbrief.atomic import OutputError
        from srbrief.deck.export import ExportError
        from srbrief.deck.refresh import RefreshError, refresh_deck, refresh_file

        try:
            if self.target is None:
                report, _ = refresh_deck(self.deck, self.briefing)
            else:
                report = refresh_file(self.deck, self.briefing, self.target, self.take, self.source)
            self.done.emit(report)
        except (RefreshError, ExportError, OutputError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:
            self.failed.emit(internal_error_text(exc, self.lang, "refresh a deck"))


class RefreshDialog(QDialog):
    """Choose a deck, choose per conflict whose text stays, save the refreshed deck, read the report."""

    def __init__(self, parent: QWidget | None, briefing: Briefing, source: Path | None, lang: str) -> None:
        super().__init__(parent)
        self.briefing, self.source, self.lang = briefing, source, lang
        self.deck: Path | None = None
        self.job: RefreshJob | None = None
        self.setWindowTitle(tr("refresh_deck", lang).replace("&", "").rstrip("…"))
        self.resize(820, 560)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        choose = QPushButton(tr("refresh_choose", lang))
        choose.clicked.connect(self.choose_deck)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("refresh_deck_label", lang)))
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.status = QLabel(tr("refresh_intro", lang))
        self.status.setWordWrap(True)
        self.conflicts = QListWidget()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        buttons = QDialogButtonBox()
        self.save = buttons.addButton(tr("refresh_save", lang), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setEnabled(False)
        self.save.clicked.connect(self.choose_target)
        close = buttons.addButton(tr("close_dialog", lang), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(tr("refresh_conflicts", lang)))
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(QLabel(tr("refresh_report", lang)))
        layout.addWidget(self.report, 2)
        layout.addWidget(buttons)

    def done(self, result: int) -> None:
        """Close, once a refresh under way has finished (a thread is never destroyed while it runs)."""
        if self.job is not None:
            self.job.wait()
        super().done(result)

    # -- steps ------------------------------------------------------------------------------------------------------
    def choose_deck(self) -> None:
        settings = QSettings()  # the last folder a deck came from, else where decks are exported
        folder = read_folder(settings, "refresh_dir", read_folder(settings, "export_dir", str(Path.home())))
        name, _ = QFileDialog.getOpenFileName(self, tr("refresh_choose", self.lang), folder,
                                              tr("pptx_filter", self.lang))
        if name:
            settings.setValue("refresh_dir", str(Path(name).parent))
            self.load_deck(Path(name))

    def load_deck(self, deck: Path) -> RefreshJob:
        """Try the refresh of *deck* without writing: list its conflicts and its report."""
        self.deck = deck
        self.path.setText(str(deck))
        self.save.setEnabled(False)
        self.conflicts.clear()
        return self._start(RefreshJob(deck, self.briefing, self.source, self.lang), self._checked)

    def choose_target(self) -> None:
        if self.deck is None:
            return
        default = str(self.deck.with_name(f"{self.deck.stem}-refreshed.pptx"))
        name, _ = QFileDialog.getSaveFileName(self, tr("refresh_save", self.lang), default,
                                              tr("pptx_filter", self.lang))
        if name:
            self.save_to(Path(name if name.lower().endswith(".pptx") else name + ".pptx"))

    def save_to(self, target: Path) -> RefreshJob | None:
        """Write the refreshed deck to *target*, replacing the conflicts that are ticked."""
        if self.deck is None:
            return None
        job = RefreshJob(self.deck, self.briefing, self.source, self.lang, target, self.taken())
        return self._start(job, lambda report: self._saved(report, target))

    def taken(self) -> list[str]:
        """Return the ids of the conflicts to replace with the briefing's text (the ticked ones)."""
        items = [self.conflicts.item(i) for i in range(self.conflicts.count())]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    # -- results ----------------------------------------------------------------------------------------------------
    def _start(self, job: RefreshJob, on_done: Callable[[Report], None]) -> RefreshJob:
        if self.job is not None:
            self.job.wait()  # one refresh at a time
        self.job = job
        self.status.setText(tr("refresh_working", self.lang))
        job.done.connect(on_done)
        job.failed.connect(self._failed)
        job.start()
        return job

    def _checked(self, report: Report) -> None:
        from srbrief.deck.refresh import Kind

        for change in report.of(Kind.CONFLICT):
            old, new = change.texts(self.lang)
            item = QListWidgetItem(tr("refresh_conflict_item", self.lang, slide=change.slide, shape=change.shape,
                                      old=_short(old), new=_short(new)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)  # the user's text stays unless they say otherwise
            item.setData(Qt.ItemDataRole.UserRole, change.ident)
            self.conflicts.addItem(item)
        self.report.setPlainText("\n".join(report.lines(self.lang)))
        self.status.setText(tr("refresh_checked", self.lang, n=self.conflicts.count()))
        self.save.setEnabled(True)

    def _saved(self, report: Report, target: Path) -> None:
        self.report.setPlainText("\n".join(report.lines(self.lang)))
        self.status.setText(tr("refresh_saved", self.lang, file=str(target)))

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #c0392b")


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def refresh_deck_dialog(window: Any) -> RefreshDialog:
    """Open File → Refresh a deck… for the main *window*'s briefing (its current state, edits included), in its
    language; non-modal; return it."""
    dialog = RefreshDialog(window, window.briefing, window.source.path, window.lang)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
