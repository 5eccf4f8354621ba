"""The article a figure comes from, with its clause marked and scrolled to (opened from the source pop-over)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextEdit, QVBoxLayout

from srbrief import palette
from srbrief.gui.i18n import tr
from srbrief.model import Metric
from srbrief.model.textutil import document_text
from srbrief.model.truth import read_document
from srbrief.resources import builtin_briefing_path

if TYPE_CHECKING:
    from srbrief.gui.mainwindow import MainWindow


class ArticleDialog(QDialog):
    """A document's full text, read-only, with one clause marked."""

    def __init__(self, window: MainWindow, title: str, text: str, clause: str) -> None:
        super().__init__(window)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(tr("close_dialog", window.lang), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self.marked_text = ""
        self.marked = self.mark(clause)

    def mark(self, clause: str) -> bool:
        """Mark *clause* in the text and scroll to it; return whether it was found."""
        found = self.text.document().find(clause)
        if found.isNull():
            return False
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(palette.LIGHT.highlight))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = found
        selection.format = fmt
        self.text.setExtraSelections([selection])
        self.marked_text = found.selectedText()
        cursor = QTextCursor(found)
        cursor.clearSelection()
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        return True


def show_article(window: MainWindow, metric: Metric) -> bool:
    """Open the document *metric* cites at its clause; return False if the document has no text to show."""
    document = window.briefing.document(metric.source.doc)
    text = read_document(document, (window.source.path or builtin_briefing_path()).parent)
    if text is None:
        return False
    dialog = ArticleDialog(window, document_text(document, window.lang), text, metric.source.clause)
    dialog.show()
    window.review_dialog = dialog  # the last dialog shown (tests drive it)
    return True
