"""Edit mode: the side form edits the clicked figure, shows refused values beside the field, and follows undo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from srbrief.edit import AddItem, SetField
from srbrief.gui.editform import EditForm
from srbrief.gui.formfields import ChoiceField, LongField
from srbrief.gui.i18n import tr
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.widgets import KpiCard
from srbrief.model import Cite
from srbrief.resources import builtin_briefing_path

# A second source document, without a text: a figure's new value is cited from it (the article's clauses state
# the old values, and a value must be what its clause states).
BULLETIN = {"id": "bulletin-2025", "publication": {"zh": "上饶市统计局", "en": "Shangrao Statistics Bureau"},
            "date": "2026-03-01", "title": {"zh": "2025年统计公报", "en": "2025 Statistical Bulletin"}}
NEW_CLAUSE = "{doc: bulletin-2025, clause: 2024年规上工业营业收入6300亿元}"  # typed into the source field


pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def type_into(form: EditForm, field: str, text: str) -> None:
    editor = form.editors[tuple(field.split("."))]
    if isinstance(editor, LongField):  # a long text: typed, then the field is left
        editor.setPlainText(text)
        editor.finish()
        return
    assert isinstance(editor, QLineEdit)
    editor.setText(text)
    editor.editingFinished.emit()


def choose(form: EditForm, field: str, code: str) -> None:
    editor = form.editors[(field,)]
    assert isinstance(editor, ChoiceField)
    editor.choose(code)


def click_first_card(window: MainWindow) -> KpiCard:
    card = window.current_panel().findChildren(KpiCard)[0]
    card.source_requested.emit(card.item.id)
    return card


def test_edit_mode_starts_on_the_section_and_a_click_edits_the_figure(form: EditForm) -> None:
    window = form.session.window
    assert form.item_id == window.briefing.sections[window.nav.currentRow()].id
    assert ("lede", "zh") in form.editors
    card = click_first_card(window)
    assert form.item_id == card.item.id == "industrial-revenue-2024"
    assert window.current_panel().key != "sources"  # no jump in edit mode
    editor = form.editors[("value",)]
    assert isinstance(editor, QLineEdit) and editor.text() == "6261"
    qualifier = form.editors[("qualifier",)]
    assert isinstance(qualifier, ChoiceField) and qualifier.raw() == "exact"  # absent: the default
    assert qualifier.currentText() == "精确值"  # shown by its name
    type_into(form, "value", "6300")  # its clause says 6261: refused, and says so
    error = form.errors[("value",)].text()
    assert "不是其原文语句所写的数" in error and "2024年规上工业营业收入达6261亿元" in error
    assert window.briefing.find(card.item.id).value == 6261 and not window.isWindowModified()
    window.show_source("g60-alliance-parks")  # a derived count (its value is ours, not the clause's)
    assert form.item_id == "g60-alliance-parks" and form.editors[("value",)].text() == "2"
    type_into(form, "value", "3")
    assert window.briefing.find("g60-alliance-parks").value == 3 and window.isWindowModified()
    window.actions_["undo"].trigger()
    assert form.editors[("value",)].text() == "2"
    assert window.briefing.find("g60-alliance-parks").value == 2


def test_refused_values_are_shown_beside_their_field(form: EditForm) -> None:
    window = form.session.window
    click_first_card(window)
    type_into(form, "value", "lots")
    assert form.errors[("value",)].isVisibleTo(form) and "应为数字" in form.errors[("value",)].text()
    choose(form, "qualifier", "rank")
    assert "限定“名次”和“前N”要与单位“位”一起使用" in form.errors[("qualifier",)].text()
    type_into(form, "label.en", "")
    assert "不能为空" in form.errors[("label", "en")].text()
    assert window.editing.state.depth == 0 and not window.isWindowModified()


def test_text_fields_and_an_optional_text_removed(form: EditForm) -> None:
    window = form.session.window
    window.show_source("months-at-provincial-second")
    type_into(form, "label.en", "Months in fifth place")  # a rank no figure has: refused, said in words
    said = form.errors[("label", "en")].text()
    assert "是直接写出的数字" in said and "插入数字" in said and "{" not in said
    type_into(form, "label.en", "Months in second place")  # written as the rank figure reads: that figure
    assert window.briefing.find("months-at-provincial-second").label.en == "Months in second place"
    assert "{industrial-revenue-provincial-rank} place" in window.editing.doc.text
    type_into(form, "note.zh", "")
    type_into(form, "note.en", "")  # both languages empty: the note goes
    assert window.briefing.find("months-at-provincial-second").note is None
    assert "note:" not in window.editing.doc.text.split("id: months-at-provincial-second", 1)[1].split("- id:")[0]


def test_editing_a_section_keeps_its_form(form: EditForm) -> None:
    editor = form.editors[("lede", "en")]
    type_into(form, "lede.zh", "新的导语")
    assert form.editors[("lede", "en")] is editor  # not rebuilt: the next field keeps its place (and focus)
    assert form.session.window.briefing.sections[0].lede.zh == "新的导语"


def test_move_and_remove_buttons(form: EditForm) -> None:
    window = form.session.window
    window.show_source("top-100-manufacturing-cities")  # a fact no one refers to
    assert form.buttons["move_down"].isEnabled() and form.buttons["move_up"].isEnabled()
    form.buttons["move_up"].click()
    assert window.briefing.sections[0].facts[0].id == "top-100-manufacturing-cities"
    assert not form.buttons["move_up"].isEnabled()
    form.buttons["remove_item"].click()
    assert "top-100-manufacturing-cities" not in window.briefing.index
    assert form.item_id == "overview"  # the form falls back to the section shown
    window.actions_["undo"].trigger()
    assert window.briefing.sections[0].facts[0].id == "top-100-manufacturing-cities"
    window.show_source("advanced-manufacturing-top-100")  # the lede and a point refer to it: removing it is refused
    form.buttons["remove_item"].click()
    assert "{advanced-manufacturing-top-100} 没有对应的数字" in form.problem.text()
    assert "advanced-manufacturing-top-100" in window.briefing.index


def test_duplicate_adds_a_copy_after_the_item(form: EditForm) -> None:
    window = form.session.window
    window.show_source("advanced-manufacturing-top-100")
    form.buttons["duplicate_item"].click()
    ids = [m.id for m in window.briefing.sections[0].metrics]
    assert ids[-2:] == ["advanced-manufacturing-top-100", "advanced-manufacturing-top-100-copy"]
    assert form.item_id == "advanced-manufacturing-top-100-copy"
    copy = window.briefing.find("advanced-manufacturing-top-100-copy")
    assert copy.label == window.briefing.find("advanced-manufacturing-top-100").label
    window.actions_["undo"].trigger()
    assert "advanced-manufacturing-top-100-copy" not in window.briefing.index


def test_source_picking_from_the_article(form: EditForm, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    window = form.session.window
    window.show_source("industrial-revenue-2024")
    picker = form.picker  # the article's text comes with the briefing: nothing to open
    assert picker is not None and "6261亿元" in picker.view.toPlainText()
    assert picker.flag.text() == "" and picker.view.extraSelections()  # the clause is marked
    article = picker.view.toPlainText()
    clause = "2024年规上工业营业收入达6261亿元,自2023年6月起连续26个月保持全省第二"
    assert clause in article
    picker.select(clause)
    assert window.briefing.find("industrial-revenue-2024").source.en  # our translation of the old clause
    picker.use_button.click()
    assert window.briefing.find("industrial-revenue-2024").source.clause == clause
    assert window.briefing.find("industrial-revenue-2024").source.en is None  # it went with its clause
    type_into(form, "source", "全年规上工业营业收入6261亿元")  # not in the article, whose text is known: refused
    assert "找不到原句" in form.errors[("source",)].text()
    assert window.briefing.find("industrial-revenue-2024").source.clause == clause
    form.discard_waiting.click()
    # A document without a text: its clauses are not checked; an article opened by hand is shown, and a clause
    # not in it is accepted but flagged.
    bulletin = tmp_path / "bulletin.txt"
    bulletin.write_text("2024年全市规上工业营业收入6261亿元。", encoding="utf-8")
    QSettings().setValue("article", str(bulletin))
    assert form.session.apply(AddItem(("sources",), BULLETIN)) == []
    type_into(form, "source", "{doc: bulletin-2025, clause: 全市规上工业营业收入6261亿元}")
    cite = Cite("全市规上工业营业收入6261亿元", "bulletin-2025")
    assert window.briefing.find("industrial-revenue-2024").source == cite
    window.show_source("industrial-revenue-2024")
    picker = form.picker
    assert picker is not None and picker.view.toPlainText().startswith("2024年全市") and picker.flag.text() == ""
    type_into(form, "source", "全年规上工业营业收入6261亿元")  # the clause changes, the document stays
    assert window.briefing.find("industrial-revenue-2024").source == Cite("全年规上工业营业收入6261亿元", cite.doc)
    assert form.picker is picker and picker.flag.text() == tr("not_verbatim", window.lang)


def test_a_file_broken_on_disk_is_reported_not_edited(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    shutil.copyfile(builtin_briefing_path(), path)
    assert window.source.open(path)
    path.write_text(path.read_text(encoding="utf-8").replace("value: 6261", "value: lots"), encoding="utf-8")
    assert not window.source.reload()  # the window keeps the last good data
    window.actions_["edit_mode"].trigger()
    form = window.editing.form
    assert form is not None and not form.editors and "应为数字" in form.problem.text()
    problems = window.editing.apply(SetField(("title", "en"), "x"))
    assert problems and "expected a number" in problems[0].message


def test_a_figure_and_its_clause_change_together_and_the_message_follows(form: EditForm) -> None:
    window, session = form.session.window, form.session
    assert session.apply(AddItem(("sources",), BULLETIN)) == []  # the new statistics (the form edits no list)
    window.show_source("industrial-revenue-2024")
    type_into(form, "value", "6300")  # refused alone: its clause still says 6261 ...
    assert "不是其原文语句所写的数" in form.errors[("value",)].text()
    assert len(session.waiting) == 1 and form.waiting.isVisibleTo(form)  # ... so it waits
    message = window.briefing.find("overview-scale").message
    assert "6261亿元" in message.zh and "CNY\u00a0626.1\u00a0bn" in message.en
    type_into(form, "source", NEW_CLAUSE)  # the clause that states the new value: both go in, as one edit
    metric = window.briefing.find("industrial-revenue-2024")
    assert metric.value == 6300 and metric.source == Cite("2024年规上工业营业收入6300亿元", "bulletin-2025")
    assert session.waiting == [] and not form.waiting.isVisibleTo(form)
    follows = window.briefing.find("overview-scale").message  # the message refers to the figure: it follows
    assert "6300亿元" in follows.zh and "CNY\u00a0630\u00a0bn" in follows.en
    assert "6261" not in follows.zh and "626.1" not in follows.en
    assert "6300亿元" in window.briefing.sections[0].lede.zh and "6300" in " ".join(
        card.accessibleName() for card in window.panels[0].findChildren(KpiCard))  # the panel shows it
    index = form.chooser.findData("overview-scale")  # the point, chosen in the form's list: its message is
    assert index >= 0  # written with the reference, which the form edits as it is
    form.chooser.activated.emit(index)
    assert form.item_id == "overview-scale" and "{industrial-revenue-2024}" in form.editors[("message", "zh")].text()
    window.actions_["undo"].trigger()  # one step: the value and its clause
    assert window.briefing.find("industrial-revenue-2024").value == 6261
    assert window.briefing.find("industrial-revenue-2024").source.doc == "shangrao-daily-2025-10-11"
    assert window.briefing.find("overview-scale").message == message


def test_waiting_changes_can_be_discarded(form: EditForm) -> None:
    window = form.session.window
    assert form.session.apply(AddItem(("sources",), BULLETIN)) == []
    window.show_source("industrial-revenue-2024")
    type_into(form, "value", "6300")
    assert form.session.waiting
    form.discard_waiting.click()
    assert form.session.waiting == [] and not form.waiting.isVisibleTo(form)
    assert form.editors[("value",)].raw() == "6261"  # the refused value does not stay in the field
    type_into(form, "source", NEW_CLAUSE)  # would have gone in with 6300: alone it is refused (and waits)
    assert "不是其原文语句所写的数" in form.errors[("source",)].text()
    assert window.briefing.find("industrial-revenue-2024").value == 6261
    assert window.briefing.find("industrial-revenue-2024").source.doc == "shangrao-daily-2025-10-11"
    form.discard_waiting.click()
    window.show_source("g60-alliance-parks")
    type_into(form, "value", "3")  # alone, as it always could
    assert window.briefing.find("industrial-revenue-2024").value == 6261
    assert window.briefing.find("g60-alliance-parks").value == 3


def test_a_period_set_in_the_form_is_no_longer_computed(form: EditForm) -> None:
    # the tester set the rank's period after its update: 时期为推算 and the note stayed on the card
    form.show_item("months-at-provincial-second")
    assert form.session.doc.briefing.find("months-at-provincial-second").derived is not None
    period = form.editors[("period",)]
    period.set_period((2023, 6), (2025, 8))  # type: ignore[attr-defined]
    form.commit(("period",))
    figure = form.session.doc.briefing.find("months-at-provincial-second")
    assert figure.period == "2023-06/2025-08" and figure.derived is None
    assert "derived_part" not in form.session.doc.text.split("id: months-at-provincial-second", 1)[1][:600]


def test_a_figure_says_its_own_english_unit_words_in_the_form(form: EditForm) -> None:
    """人次 of training are attendances, not visits: the form (in Chinese) sets a figure's English unit words
    right after its unit; left empty, the field shows the unit's own English; emptied, the figure goes back to it."""
    from srbrief.model.units import format_value

    window = form.session.window
    window.show_source("digital-training-2024")
    names = [form.form.itemAt(row, form.form.ItemRole.LabelRole).widget().text()
             for row in range(form.form.rowCount())]
    assert names.index("单位的英文（仅本数字）") == names.index("单位") + 1
    editor = form.editors[("unit_en",)]
    assert isinstance(editor, QLineEdit) and editor.text() == "trainee sessions"
    type_into(form, "unit_en", "")  # the unit's own words again
    assert format_value(window.briefing.find("digital-training-2024"), "en").endswith("visits")
    assert editor.text() == "" and editor.placeholderText() == "留空即用单位自带的英文：visits"
    type_into(form, "unit_en", "trainee attendances")
    figure = window.briefing.find("digital-training-2024")
    assert format_value(figure, "en") == "over\u00a010,000\u00a0trainee\u00a0attendances"
    assert format_value(figure, "zh") == "超1万人次" and window.isWindowModified()
    assert "unit_en: trainee attendances" in window.editing.doc.text
    undo = window.editing.state.undo_name(window.lang)
    assert undo == "修改 累计实训人次 · 单位的英文（仅本数字）：trainee attendances"


def test_in_the_dock_a_text_has_the_docks_width_under_its_label(window, qtbot, tmp_path) -> None:
    """The third tester's screenshots: beside their labels, a point's texts had a third of the dock (three words a
    line, tokens cut to ［规…期］); labels go above the fields, and the dock opens at a third of the window."""
    import shutil

    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

    from srbrief.resources import builtin_briefing_path

    copy = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path(), copy)
    assert window.source.open(copy)
    window.resize(1440, 900)
    window.show()
    window.actions_["edit_mode"].trigger()
    dock = window.editing.dock
    assert dock is not None and dock.width() >= 0.3 * window.width()
    window.editing.edit_item("overview-scale")
    qtbot.wait(50)
    form = window.editing.form
    texts = [w for kind in (QTextEdit, QPlainTextEdit) for w in form.findChildren(kind) if w.isVisibleTo(dock)]
    assert texts and min(w.width() for w in texts) >= 0.6 * dock.width(), [w.width() for w in texts]
