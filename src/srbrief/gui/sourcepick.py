"""Source picking: the cited document's text beside the edit form, the item's clause highlighted; a selection
becomes the source. The text comes from the briefing's sources (the built-in briefing ships its article); for a
document without one, an article opened by hand is remembered (QSettings ``article``). A clause that is not
verbatim in it is flagged (``srbrief validate`` makes the same check for the whole file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget

from srbrief.edit.selection import Taken, take_clause
from srbrief.gui.i18n import tr
from srbrief.palette import LIGHT


class SourcePicker(QWidget):
    """The article text with the current clause marked, and a button that takes the selection as the source."""

    def __init__(self, lang: str, on_pick: Callable[[str], None], text: str | None = None) -> None:
        """*text*: the cited document's own text (from the briefing's sources); else the article opened
        earlier by hand (remembered)."""
        super().__init__()
        self.lang = lang
        self.on_pick = on_pick
        self.clause = ""
        self.view = QTextEdit()
        self.view.setReadOnly(True)
        self.view.setMinimumHeight(220)
        self.flag = QLabel()
        self.flag.setWordWrap(True)
        self.open_button = QPushButton(tr("open_article", lang))
        self.open_button.clicked.connect(self.choose_article)
        self.use_button = QPushButton(tr("use_selection", lang))
        self.use_button.clicked.connect(self.use_selection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("article", lang)))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.flag)
        layout.addLayout(buttons)
        self.document_text: str | None = ""  # none shown yet
        self.show_document(text)

    def show_document(self, text: str | None) -> None:
        """Show the text of the document the item now cites (unchanged if it is the same one; a document
        without a text keeps the article opened by hand)."""
        if text == self.document_text:
            return
        self.document_text = text
        if text:
            self._show_text(text)
        else:
            self._load(article_path())

    def _load(self, path: Path | None) -> None:
        text = None
        if path is not None:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = None
        self._show_text(text)

    def _show_text(self, text: str | None) -> None:
        self.view.setPlainText(text or "")
        self.view.setPlaceholderText(tr("no_article", self.lang))
        self.use_button.setEnabled(bool(text))
        self.show_clause(self.clause)

    def choose_article(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("open_article", self.lang), str(Path.home()),
                                              tr("txt_filter", self.lang))
        if name:
            QSettings().setValue("article", name)
            self._load(Path(name))

    def show_clause(self, clause: str) -> None:
        """Mark *clause* in the article and scroll to it; flag it if it is not there verbatim."""
        self.clause = clause
        article = self.view.toPlainText()
        found = article.find(clause) if clause and article else -1
        marks = []
        if found >= 0:
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(found)
            cursor.setPosition(found + len(clause), QTextCursor.MoveMode.KeepAnchor)
            mark = QTextEdit.ExtraSelection()
            mark.cursor = cursor
            mark.format = QTextCharFormat()
            mark.format.setBackground(QColor(LIGHT.highlight))  # as a card found by a search
            marks.append(mark)
            shown = QTextCursor(cursor)
            shown.clearSelection()
            self.view.setTextCursor(shown)
            self.view.ensureCursorVisible()
            QTimer.singleShot(0, self.view, self.view.ensureCursorVisible)  # again once laid out
        self.view.setExtraSelections(marks)
        verbatim = found >= 0 or not article or not clause
        self.flag.setText("" if verbatim else tr("not_verbatim", self.lang))
        self.flag.setStyleSheet("" if verbatim else f"color: {LIGHT.decrease}")

    def select(self, clause: str) -> None:
        """Select *clause* in the document's text as a user would (ValueError if it is not there)."""
        select_text(self.view, clause)

    def use_selection(self) -> None:
        """Take the selection as the clause (its ends trimmed, a cut number or word read whole), or say why not."""
        taken = taken_selection(self.view)
        if taken.refused:
            self.flag.setText(taken.reason(self.lang))
            self.flag.setStyleSheet(f"color: {LIGHT.decrease}")
        elif taken.clause:
            self.flag.setText("")  # a refusal said before no longer holds
            self.on_pick(taken.clause)


def taken_selection(view: QTextEdit) -> Taken:
    """Return the clause the selection in *view* stands for (:func:`srbrief.edit.selection.take_clause`)."""
    cursor = view.textCursor()
    if not cursor.hasSelection():
        return Taken("", 0, 0)
    text = view.toPlainText()
    start, end = (_code_point(text, p) for p in (cursor.selectionStart(), cursor.selectionEnd()))
    return take_clause(text, start, end)


def _code_point(text: str, position: int) -> int:
    """Return Qt's *position* (UTF-16 code units) in *text* as a Python index (code points)."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return position
    return len(text.encode("utf-16-le")[:2 * position].decode("utf-16-le", errors="ignore"))


def select_text(view: QTextEdit, text: str) -> None:
    """Select *text* in *view* as a user would (ValueError if it is not there)."""
    start = view.toPlainText().index(text)
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def article_path() -> Path | None:
    """Return the article file remembered from an earlier session, if it is still there."""
    value = QSettings().value("article")
    path = Path(str(value)) if value else None
    return path if path is not None and path.is_file() else None
