"""A prose field shows references to figures by their labels, as atomic tokens, never as {ids}: the cursor
steps over a token, Backspace and cut take it whole, paste brings it back, typing next to it writes text; the
template written back is the text read, exactly (a property over random texts, with labels that hold brackets
and labels two figures share)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from srbrief.gui.editform import EditForm
from srbrief.gui.reffield import OBJECT, RefField

LABELS = {"revenue": "规上工业营业收入", "rank": "营业收入［全省］排名", "twin": "规上工业营业收入",
          "brace": "名称{含括号}", "long": "一个很长很长很长很长很长很长很长很长很长很长的标签"}
REFERENCES = st.sampled_from(["{revenue}", "{rank}", "{twin}", "{brace}", "{long}", "{revenue:period}",
                              "{rank:word}", "{twin:num}", "{unknown-id}", "{=第二}"])
PLAIN = st.text(st.sampled_from("营收达亿元，。ab 1［］【】\n{}=:-\u3000"), max_size=10).map(
    lambda s: s.replace("{", "{{").replace("}", "}}"))
TEXTS = st.lists(st.one_of(REFERENCES, PLAIN), max_size=8).map("".join)

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, lines=st.sampled_from([1, 3]))
def test_a_text_shown_as_tokens_is_written_back_exactly(qtbot, text: str, lines: int) -> None:
    field = RefField(lambda: LABELS, "zh", lines)
    qtbot.addWidget(field)
    field.show(text)
    assert field.raw() == text and field.text() == text
    shown = field.toPlainText()  # what is on screen: the text, each reference one object character
    bare = shown.replace("{{", "").replace("}}", "")  # a brace written twice is text
    assert "{revenue" not in bare and "{=" not in bare and shown.count(OBJECT) == len(field.tokens())
    mime = field.createMimeDataFromSelection() if field.textCursor().hasSelection() else None
    assert mime is None
    field.selectAll()
    copied = field.createMimeDataFromSelection()
    assert "{rank}" not in copied.text() and "revenue" not in copied.text()  # another program reads labels
    assert not Shiboken.createdByPython(copied)  # the clipboard owns it: one made in Python crashed the quit
    field.clear()
    field.insertFromMimeData(copied)  # pasted back here: the same template
    assert field.raw() == text


def message_field(form: EditForm, item: str, lang: str = "zh") -> RefField:
    form.show_item(item)
    field = form.editors[("message", lang)]
    assert isinstance(field, RefField)
    return field


def test_the_form_shows_labels_not_ids_and_a_token_goes_whole(form: EditForm, qtbot) -> None:
    window = form.session.window
    field = message_field(form, "overview-scale")
    template = window.editing.doc.text.split("id: overview-scale", 1)[1].split("zh: ", 1)[1].split("\n", 1)[0]
    assert "{industrial-revenue-2024}" in template
    assert "{" not in field.toPlainText() and "industrial-revenue" not in field.toPlainText()
    assert field.tokens()[:2] == ["规上工业营业收入·时期", "规上工业营业收入"]
    # the cursor steps over a token in one step; Backspace after it takes it whole
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    assert field.textCursor().position() == 1
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.raw() == field.text() and not field.raw().startswith("{industrial-revenue-2024:period}")
    assert "{industrial-revenue-2024:" not in field.raw() and "{industrial-revenue-2024}" in field.raw()
    qtbot.keyClicks(field, "A")  # typed where the token was: text, not part of a token
    assert field.raw().startswith("A上饶") and field.tokens()[0] == "规上工业营业收入"
    field.finish()  # the edit goes in: the file has the template without the period's reference
    written = window.briefing.find("overview-scale").message.zh
    assert written.startswith("A上饶规上工业营业收入达6261亿元"), form.errors[("message", "zh")].text()


def test_cut_and_paste_move_a_token_and_a_figure_is_inserted_as_one(form: EditForm, qtbot) -> None:
    field = message_field(form, "overview-scale")
    before = field.raw()
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # the token, selected whole
    field.cut()
    assert field.raw() == before.removeprefix("{industrial-revenue-2024:period}")
    field.moveCursor(QTextCursor.MoveOperation.End)
    field.paste()
    assert field.raw() == before.removeprefix("{industrial-revenue-2024:period}") + "{industrial-revenue-2024:period}"
    assert QApplication.clipboard().text() == "［规上工业营业收入·时期］"  # outside the app: its label
    # Insert figure… writes a reference, shown as its label
    from PySide6.QtWidgets import QToolButton

    button = next(b for b in form.findChildren(QToolButton, "insert-figure"))
    button.menu().aboutToShow.emit()
    next(a for a in button.menu().actions() if a.objectName() == "insert-g60-alliance-parks").trigger()
    label = form.session.doc.briefing.find("g60-alliance-parks").label.zh
    assert label in field.tokens() or label in message_field(form, "overview-scale").tokens()


def test_a_token_names_itself_in_a_tooltip(qtbot) -> None:
    field = RefField(lambda: LABELS, "zh", 3)  # a long label is cut short in a narrow field: the tooltip says it
    qtbot.addWidget(field)
    field.resize(200, 80)
    field.show("{long}达到很多")
    field.setVisible(True)
    start = QTextCursor(field.document())
    rect = field.cursorRect(start)
    assert field.token_at(QPoint(rect.left() + 6, rect.center().y())) == LABELS["long"]
    end = QTextCursor(field.document())
    end.movePosition(QTextCursor.MoveOperation.End)
    assert field.token_at(field.cursorRect(end).center()) is None  # plain words


def test_the_add_dialog_shows_an_inserted_figure_by_its_label(form: EditForm) -> None:
    from PySide6.QtWidgets import QToolButton

    from srbrief.gui.adddialogs import AddDialog

    dialog = AddDialog(form, "points")
    message = dialog.editors[("message", "zh")]
    assert isinstance(message, RefField)
    button = next(b for b in dialog.findChildren(QToolButton, "insert-figure"))  # the first: the message's
    button.menu().aboutToShow.emit()
    next(a for a in button.menu().actions() if a.objectName() == "insert-industrial-revenue-2024").trigger()
    assert message.tokens() == ["规上工业营业收入"] and "{" not in message.toPlainText()
    assert message.raw() == "{industrial-revenue-2024}"
    dialog.reject()
