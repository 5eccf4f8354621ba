"""Typing a point's text in the form, as staff do (zh UI): a number typed as a figure reads becomes that figure;
Insert figure… writes at the cursor; the text is written when the field is left, on Ctrl+Enter or after a pause
in typing, never at each keystroke, and nothing typed is lost when another item is shown or the file saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QToolButton

from srbrief.gui.editform import EditForm
from srbrief.gui.formfields import PAUSE_MS
from srbrief.gui.reffield import RefField

DATA = Path(__file__).resolve().parents[1] / "data"
pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def field_of(form: EditForm, item: str, sub: tuple[str, str] = ("message", "zh")) -> RefField:
    form.show_item(item)
    field = form.editors[sub]
    assert isinstance(field, RefField)
    return field


def type_keys(field: RefField, text: str) -> None:
    """Type *text* key by key, as a keyboard (an input method) does (QTest types Latin-1 only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_at_end(qtbot, field: RefField, text: str) -> None:
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    type_keys(field, text)


def written_message(form: EditForm, item: str, lang: str = "zh") -> str:
    """Return the message of *item* as the file writes it (its template)."""
    from srbrief.edit.address import find_id
    from srbrief.edit.commands import read_back
    from srbrief.edit.yamltext import compose

    path = find_id(compose(form.session.doc.parsed), item)
    assert path is not None
    return str(read_back(form.session.doc.parsed, (*path, "message", lang)))


def test_a_number_typed_as_a_figure_reads_becomes_that_figure(form: EditForm, qtbot) -> None:
    field = field_of(form, "overview-scale")
    type_at_end(qtbot, field, "，研发强度居全省第三")  # no {…}: the rank as the page writes it
    field.finish()
    assert not form.errors[("message", "zh")].isVisibleTo(form), form.errors[("message", "zh")].text()
    assert written_message(form, "overview-scale").endswith("，研发强度居全省{rd-intensity-provincial-rank}")
    assert form.session.doc.briefing.find("overview-scale").message.zh.endswith("研发强度居全省第三")
    assert field.tokens()[-1] == form.session.doc.briefing.find("rd-intensity-provincial-rank").label.zh
    # a number no figure is written as: refused, in words the user knows (no {…}, no ids), nothing written
    before = form.session.doc.text
    type_at_end(qtbot, field, "，总量6400亿元")
    field.finish()
    said = form.errors[("message", "zh")].text()
    assert form.errors[("message", "zh")].isVisibleTo(form) and "6400" in said and "插入数字" in said
    assert "{" not in said and "industrial-revenue" not in said and "标识" not in said
    assert form.session.doc.text == before


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_ticked_figure_typed_in_another_briefing(window, tmp_path: Path, qtbot, lang: str) -> None:
    for name in ("jiujiang.yaml", "jiujiang-s-petrochemical-and-new.txt"):
        shutil.copyfile(DATA / "jiujiang" / name, tmp_path / name)
    assert window.source.open(tmp_path / "jiujiang.yaml")
    window.actions_["edit_mode"].trigger()
    form = window.editing.form
    assert form is not None
    point = next(p for s in form.session.doc.briefing.sections for p in s.points if p.figures)
    figure = form.session.doc.briefing.find(point.figures[0])
    from srbrief.model import refs

    reads = refs.render_ref(figure, "", lang).replace("\u00a0", " ")  # typed with a plain space
    field = field_of(form, point.id, ("message", lang))
    type_at_end(qtbot, field, ("，合计" if lang == "zh" else "; in all ") + reads)
    field.finish()
    assert not form.errors[("message", lang)].isVisibleTo(form), form.errors[("message", lang)].text()
    assert written_message(form, point.id, lang).endswith("{" + figure.id + "}")


def test_insert_figure_writes_at_the_cursor_even_after_its_menu_took_the_focus(form: EditForm, qtbot) -> None:
    field = field_of(form, "overview-scale")
    type_at_end(qtbot, field, "，另有")
    # the button's menu takes the focus from the field: that is no leaving (the cursor stays where it was)
    QApplication.sendEvent(field, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.PopupFocusReason))
    button = next(b for b in form.findChildren(QToolButton, "insert-figure") if b.parent() is field.parent())
    button.menu().aboutToShow.emit()
    next(a for a in button.menu().actions() if a.objectName() == "insert-g60-alliance-parks").trigger()
    type_keys(field, "长三角园区")  # typed after the figure, not at the start of the text
    field.finish()
    assert written_message(form, "overview-scale").endswith("，另有{g60-alliance-parks}长三角园区")
    # a selection is replaced by the figure
    field.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(5):
        field.moveCursor(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)
    next(a for a in button.menu().actions() if a.objectName() == "insert-talent-enclaves").trigger()
    field.finish()
    assert written_message(form, "overview-scale").endswith("，另有{g60-alliance-parks}{talent-enclaves}")


def test_keystrokes_are_not_written_until_a_pause_ctrl_enter_or_leaving(form: EditForm, qtbot) -> None:
    window = form.session.window
    field = field_of(form, "overview-scale")
    before = form.session.doc.text
    type_at_end(qtbot, field, "，总量64")  # half-typed: a number no figure is (yet)
    assert form.session.doc.text == before and window.editing.state.depth == 0  # not per keystroke
    qtbot.wait(PAUSE_MS + 400)  # a pause on a half-typed, refused text: nothing written, no error shown
    assert form.session.doc.text == before and not form.errors[("message", "zh")].isVisibleTo(form)
    assert not window.editing.waiting
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    type_keys(field, "居全省第三")
    qtbot.waitUntil(lambda: written_message(form, "overview-scale").endswith("{rd-intensity-provincial-rank}"),
                    timeout=PAUSE_MS * 4)  # a pause on a good text: written, one undo step
    assert window.editing.state.depth == 1
    type_keys(field, "。")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter: written now
    assert written_message(form, "overview-scale").endswith("{rd-intensity-provincial-rank}。")
    assert field.raw().endswith("{rd-intensity-provincial-rank}。")  # no line break typed


def test_a_text_being_typed_is_kept_when_another_item_is_shown_or_the_file_saved(form: EditForm, qtbot) -> None:
    window = form.session.window
    field = field_of(form, "overview-scale")
    type_at_end(qtbot, field, "，势头良好")
    form.show_item("industrial-revenue-2024")  # another item, before the pause is over
    assert written_message(form, "overview-scale").endswith("，势头良好")
    field = field_of(form, "overview-scale")
    type_at_end(qtbot, field, "。")
    assert window.editing.save()  # Ctrl+S while typing: the text typed is in the file
    saved = Path(str(window.source.path)).read_text(encoding="utf-8")
    assert "，势头良好。" in saved


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_undo_and_redo_name_a_text_as_it_reads(form: EditForm, qtbot, lang: str) -> None:
    window = form.session.window
    if lang == "en":
        window.toggle_language()
    field = field_of(form, "overview-scale", ("message", lang))
    type_at_end(qtbot, field, "，研发强度居全省第三" if lang == "zh" else "; R&D intensity ranks third")
    field.finish()
    assert not form.errors[("message", lang)].isVisibleTo(form), form.errors[("message", lang)].text()
    revenue = form.session.doc.briefing.find("industrial-revenue-2024")
    from srbrief.model.units import format_value

    for key in ("undo", "redo"):
        name = window.actions_[key].toolTip()  # the whole name (the menu shows its start)
        assert name and "{" not in name and "industrial-revenue" not in name and "-rank" not in name, name
        assert format_value(revenue, lang).replace("\u00a0", " ") in name.replace("\u00a0", " "), name
        assert window.editing.undo() if key == "undo" else True


def insert_in_dialog(dialog, sub: tuple[str, str], metric_id: str) -> None:
    editor = dialog.editors[sub]
    button = next(b for b in dialog.findChildren(QToolButton, "insert-figure") if b.parent() is editor.parent())
    button.menu().aboutToShow.emit()
    next(a for a in button.menu().actions() if a.objectName() == f"insert-{metric_id}").trigger()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_add_dialog_previews_each_text_and_says_how_to_write_a_refused_number(form: EditForm, qtbot,
                                                                                   lang: str) -> None:
    from srbrief.gui.adddialogs import AddDialog
    from srbrief.gui.i18n import tr

    window = form.session.window
    if lang == "en":
        window.toggle_language()
    form = window.editing.form
    assert form is not None
    dialog = AddDialog(form, "points")
    qtbot.addWidget(dialog)
    dialog.show()
    training = form.session.doc.briefing.find("digital-training-2024")
    for text_lang in ("zh", "en"):  # the figure inserted comes with its unit: the preview says so
        insert_in_dialog(dialog, ("message", text_lang), "industrial-revenue-2024")
        type_keys(dialog.editors[("message", text_lang)], "，增长" if text_lang == "zh" else " in revenue")
        preview = dialog.findChild(QLabel, f"preview.message.{text_lang}")
        assert preview is not None and preview.isVisibleTo(dialog)
        reads = "6261亿元，增长" if text_lang == "zh" else "CNY 626.1 bn in revenue"
        assert preview.text().replace("\u00a0", " ") == tr("reads_as", lang, text=reads.replace(" ", " "))
    # an English number written another way than its figure reads: refused, the figure named, the way to write it
    dialog.editors[("message", "en")].show("over 10,000 people attended training")
    dialog.editors[("message", "zh")].show("培训{digital-training-2024}")
    dialog.editors[("figures",)].check("digital-training-2024")
    dialog.add()
    said = dialog.problem.text().replace("\u00a0", " ")
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "10,000" in said and training.label.get(lang) in said and "over 10,000 trainee sessions" in said
    assert ("插入数字" if lang == "zh" else "Insert figure") in said and "{" not in said
    assert "digital-training" not in said
    # the message is shown whole: wrapped within the dialog, which grew for it
    assert dialog.problem.wordWrap() and dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.geometry().right() <= dialog.width() and dialog.problem.geometry().bottom() <= \
        dialog.fields_area.geometry().bottom() + dialog.problem.height() + 20  # below the fields, in view
    assert dialog.problem.height() >= dialog.problem.heightForWidth(dialog.problem.width())
    # written as the figure reads ("million" for "mn" too), it is that figure
    dialog.editors[("message", "en")].show("Revenue reached CNY 626.1 billion; over 10,000 trainee sessions")
    dialog.editors[("figures",)].check("industrial-revenue-2024")
    dialog.add()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.problem.text()
    written = window.editing.doc.text
    assert "Revenue reached {industrial-revenue-2024}; {digital-training-2024}" in written


def test_a_text_being_typed_is_kept_across_a_language_switch(form: EditForm, qtbot) -> None:
    window = form.session.window
    field = field_of(form, "overview-scale")
    type_at_end(qtbot, field, "，态势向好")
    window.toggle_language()  # the form's fields are made again in English, before the pause is over
    assert written_message(form, "overview-scale").endswith("，态势向好")
