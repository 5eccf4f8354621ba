"""A prose field of the edit form that shows each reference to a figure by its label, as one atomic token
("营收达［规上工业营业收入］"), never as its ``{id}``: a token is one character of the text (an inline object), so
the cursor steps over it and Backspace, Delete, cut and paste take it whole; the text written back is the
template with its references, exactly (:mod:`srbrief.edit.reftext`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QToolTip, QVBoxLayout, QWidget

from srbrief.edit.reftext import CLOSE, OPEN, Piece, joined, pieces, plain
from srbrief.gui.formfields import LongField, shown
from srbrief.gui.i18n import tr
from srbrief.palette import LIGHT

TOKEN = int(QTextFormat.ObjectTypes.UserObject) + 7  # the inline object of a reference
REFERENCE = int(QTextFormat.Property.UserProperty) + 7  # the reference as written: '{industrial-revenue-2024}'
LABEL = REFERENCE + 1  # what the token shows: '规上工业营业收入'
OBJECT = "\ufffc"  # the character an inline object takes in the text
MIME = "application/x-srbrief-template"  # a copied selection, its references as written


class TokenPainter(QPyTextObject):
    """Draws a reference as its label in brackets, on a tinted ground."""

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802 (Qt's name)
        metrics = QFontMetricsF(fmt.toCharFormat().font())
        field = self.parent()
        room = (field.viewport().width() if isinstance(field, QPlainTextEdit) else 0) - 2 * doc.documentMargin() - 6
        # a label longer than the field is cut short in the middle, never scrolled
        width = metrics.horizontalAdvance(_face(fmt)) + 4
        return QSizeF(min(width, room) if room > 20 else width, metrics.height())

    def drawObject(self, painter: QPainter, rect: QRectF | QRect, doc: QTextDocument, pos: int,  # noqa: N802
                   fmt: QTextFormat) -> None:
        rect = QRectF(rect)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(LIGHT.sea))  # a token stands out from the text it sits in
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor(LIGHT.sections[0]))
        painter.setFont(fmt.toCharFormat().font())
        face = QFontMetricsF(fmt.toCharFormat().font()).elidedText(_face(fmt), Qt.TextElideMode.ElideMiddle,
                                                                   rect.width() - 4)
        painter.drawText(rect.adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, face)
        painter.restore()


def _face(fmt: QTextFormat) -> str:
    return f"{OPEN}{fmt.property(LABEL)}{CLOSE}"


class RefField(LongField):
    """A text with references to figures, each shown as a token by its label; *labels_of* returns figure id →
    label in *lang* (the briefing as it is now); one line (Enter ends the edit) or several."""

    def __init__(self, labels_of: Callable[[], Mapping[str, str]], lang: str, lines: int = 3) -> None:
        super().__init__(lines)
        self.labels_of, self.lang, self.single = labels_of, lang, lines == 1
        self.painter = TokenPainter(self)
        self.document().documentLayout().registerHandler(TOKEN, self.painter)
        self.cursorPositionChanged.connect(self._plain_after_token)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text wraps, tokens fit
        if self.single:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # -- the text and its tokens ------------------------------------------------------------------------------
    def show(self, value: Any) -> None:  # type: ignore[override]
        self._shown = shown(value)
        self.pause.stop()
        parts = pieces(self._shown, self.labels_of(), self.lang)
        if self.raw() == self._shown and self.tokens() == [part.shown for part in parts if part.reference]:
            return  # the text as it is (the edit just written): the cursor stays where the user left it
        # in the field being typed in (a number just made a token) the cursor keeps its place from the end
        after = self.document().characterCount() - self.textCursor().position() if self.hasFocus() else None
        self.blockSignals(True)
        self.clear()
        self._insert(parts, self.textCursor())
        if after is None:
            self.moveCursor(QTextCursor.MoveOperation.Start)
        else:
            cursor = self.textCursor()
            cursor.setPosition(max(0, self.document().characterCount() - after))
            self.setTextCursor(cursor)
        self.blockSignals(False)

    def raw(self) -> str:
        return self._written(0, None)

    def text(self) -> str:
        return self.raw()

    def insert_reference(self, reference: str) -> None:
        """Write *reference* ('{industrial-revenue-2024}') at the cursor, as a token."""
        self._insert(pieces(reference, self.labels_of(), self.lang), self.textCursor())

    def tokens(self) -> list[str]:
        """Return the labels the tokens show, in order (what the user reads for the references)."""
        return [part.shown for part in self._pieces(0, None) if part.reference]

    def _insert(self, parts: list[Piece], cursor: QTextCursor) -> None:
        for part in parts:
            if part.reference:
                token = QTextCharFormat()
                token.setObjectType(TOKEN)
                token.setProperty(REFERENCE, part.reference)
                token.setProperty(LABEL, part.shown)
                cursor.insertText(OBJECT, token)
            else:
                cursor.insertText(part.shown, QTextCharFormat())
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(QTextCharFormat())  # typing after a token writes text, not another token

    def _pieces(self, start: int, end: int | None) -> list[Piece]:
        """Return the document from *start* to *end* (None: its end) as plain runs and references."""
        out: list[Piece] = []
        block = self.document().begin()
        while block.isValid():
            if block != self.document().begin():
                out.append(Piece("\n"))
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                first = fragment.position()
                for offset, char in enumerate(fragment.text()):
                    at = first + offset
                    if at < start or (end is not None and at >= end):
                        continue
                    fmt = fragment.charFormat()
                    if char == OBJECT and fmt.objectType() == TOKEN:
                        out.append(Piece(str(fmt.property(LABEL)), str(fmt.property(REFERENCE))))
                    else:
                        out.append(Piece(char))
                it += 1
            block = block.next()
        return out

    def _written(self, start: int, end: int | None) -> str:
        return joined(self._pieces(start, end))

    def _plain_after_token(self) -> None:
        """Let text typed right after a token be text (with a selection the format would apply to it)."""
        if not self.textCursor().hasSelection() and self.currentCharFormat().objectType() == TOKEN:
            self.setCurrentCharFormat(QTextCharFormat())

    def token_at(self, pos: Any) -> str | None:
        """Return the label of the token at the viewport point *pos*, or None (its tooltip: the whole label)."""
        here, last = self.cursorForPosition(pos).position(), self.document().characterCount() - 1
        for at in (here, here + 1):  # a cursor's format is the character's before it: the one left, then right
            if 0 < at <= last:
                probe = QTextCursor(self.document())
                probe.setPosition(at)
                if probe.charFormat().objectType() == TOKEN:
                    return str(probe.charFormat().property(LABEL))
        return None

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            label = self.token_at(event.pos())
            if label is not None:
                QToolTip.showText(event.globalPos(), label, self)
                return True
        return super().viewportEvent(event)

    # -- keys, copy and paste ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if self.single and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()  # one line: Enter ends the edit, as in a line field
            return
        super().keyPressEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt's name)
        cursor = self.textCursor()
        parts = self._pieces(cursor.selectionStart(), cursor.selectionEnd())
        # Qt's own, so that the clipboard owns it (one made in Python is freed twice when the app quits); its
        # formats are made once, on the first read: made now, then replaced by ours
        mime = super().createMimeDataFromSelection()
        mime.text()
        for made in mime.formats():
            mime.removeFormat(made)  # Qt's rich text holds each token as an object character
        mime.setData(MIME, joined(parts).encode("utf-8"))
        mime.setText(plain(parts))  # another program reads the labels, never the ids
        return mime

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        if source.hasFormat(MIME):  # cut or copied here: its references become tokens again
            template = bytes(source.data(MIME).data()).decode("utf-8")
            self._insert(pieces(template, self.labels_of(), self.lang), self.textCursor())
            return
        text = source.text()
        if self.single:
            text = " ".join(text.splitlines())
        self._insert([Piece(text)], self.textCursor())


def labels_of(briefing_of: Callable[[], Any], lang: str) -> Callable[[], dict[str, str]]:
    """Return a function that gives the figures' labels in *lang* (id → label) of the briefing as it is now."""
    return lambda: {m.id: m.label.get(lang) for m in briefing_of().metrics}


class Preview(QLabel):
    """A line under a text with references that says how it reads ("显示为：…营收达6261亿元"), as the user types:
    a figure inserted is written with its unit, so what the page shows is never a guess. Hidden while the text
    holds no reference (then it reads as typed)."""

    def __init__(self, field: RefField, briefing_of: Callable[[], Any], lang: str, text_lang: str) -> None:
        super().__init__()
        self.field, self.briefing_of, self.lang, self.text_lang = field, briefing_of, lang, text_lang
        self.setWordWrap(True)
        self.setStyleSheet("color: gray")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        field.textChanged.connect(self.update_text)
        self.hide()

    def update_text(self) -> None:
        """Show the text as it reads now (called as it changes, and after the field is shown a value)."""
        written = self.field.raw()
        reads = reads_as(written, self.briefing_of(), self.text_lang) if self.field.tokens() else written
        self.setText(tr("reads_as", self.lang, text=reads) if reads != written else "")
        self.setVisible(reads != written)


def reads_as(template: str, briefing: Any, lang: str) -> str:
    """Return *template* as the page shows it in *lang*: each reference rendered from *briefing*'s figures."""
    from srbrief.model import refs

    return refs.render(template, {m.id: m for m in briefing.metrics}, lang)


def literal_hints(text: str, lang: str, text_lang: str, briefing: Any) -> list[str]:
    """Return, for each number typed in *text* (in *text_lang*) that is the number of a figure though not
    written as the figure reads ("21.5 million tourist visits" for "21.5 mn visits"), what to do in words."""
    from srbrief.edit.newitems import resembled
    from srbrief.model.refs import render_ref

    return [tr("literal_resembles", lang, number=number, label=metric.label.get(lang),
               reads=render_ref(metric, "", text_lang).replace("\u00a0", " "))
            for number, metric in resembled(text, text_lang, list(briefing.metrics))]


def with_preview(cell: QWidget, editor: Any, sub: tuple[str, ...], briefing_of: Callable[[], Any],
                 lang: str) -> QWidget:
    """Return *cell* (the widget of *editor*, the field *sub*) with a :class:`Preview` under it when the field is
    a text with references in one language; else *cell* as it is."""
    if not isinstance(editor, RefField) or len(sub) != 2 or sub[1] not in ("zh", "en"):
        return cell
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(cell)
    preview = Preview(editor, briefing_of, lang, sub[1])
    preview.setObjectName("preview." + ".".join(sub))
    layout.addWidget(preview)
    return box
