"""Clauses taken from selections in the dialogs as the tester selected them (issue #20, items 1–3 and 7 of the
second tester's findings): across sentences refused with a reason, ends trimmed, a cut word read whole; an
event's date and text read from its clause; a unit not in the list said and offered; no period warned."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QDialog

from srbrief.gui.adddialogs import AddDialog, UnitDialog
from srbrief.gui.editform import EditForm
from srbrief.gui.figureupdate import UpdateFigureDialog
from srbrief.gui.formfields import ChecklistField, ChoiceField
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.sourcepick import SourcePicker
from srbrief.resources import builtin_briefing_path
from tests.edit.documents import with_document

OTHER = Path(__file__).parents[1] / "data" / "jiujiang.yaml"  # another article, another shape
BULLETIN = ("2025年前三季度工业经济运行情况\n前三季度，上饶工业投资增速居全省第三。规上工业增加值同比增长9.2%，"
            "增速连续18个季度保持全省第一方阵。2025年9月，全县发放文旅消费贷款1860笔。全年开行中欧班列120列。\n")


@pytest.fixture(autouse=True)
def _no_questions(window: MainWindow) -> None:
    window.editing.choose_save = lambda: "discard"


def with_bulletin(window: MainWindow, tmp_path: Path, briefing: Path) -> EditForm:
    """Return the edit form on a copy of *briefing* with the bulletin added as its newest document."""
    doc = with_document(tmp_path, BULLETIN, "bulletin", "2025-10-20", briefing)
    assert window.source.open(doc.save())
    window.actions_["edit_mode"].trigger()
    assert window.editing.form is not None
    return window.editing.form


def pick(dialog: AddDialog, selected: str) -> SourcePicker:
    """Select *selected* in the bulletin's text in *dialog* and take it as the clause, as a user would."""
    assert dialog.doc_choice is not None and dialog.picker is not None
    if dialog.doc_choice.raw() != "bulletin":
        dialog.doc_choice.choose("bulletin")
    dialog.picker.select(selected)
    dialog.picker.use_button.click()
    return dialog.picker


def test_the_guided_update_refuses_two_sentences_and_reads_a_cut_word_whole(window: MainWindow,
                                                                           tmp_path: Path) -> None:
    form = with_bulletin(window, tmp_path, builtin_briefing_path())
    dialog = UpdateFigureDialog(form, window.briefing.find("quarters-in-first-tier"))
    assert dialog.documents.raw() == "bulletin"
    dialog.select("三。规上工业增加值同比增长9.2%，增速连续18个季度保")
    assert dialog.value.text().startswith("请只选一句之内的文字") and not dialog.accept_button.isEnabled()
    dialog.select("。规上工业增加值同比增长9.2%，增速连续18个季度保")  # the full stop dropped, 保持 read whole
    assert dialog.clause() == "规上工业增加值同比增长9.2%，增速连续18个季度保持"
    assert dialog.value.text().startswith("18") and dialog.accept_button.isEnabled(), dialog.problem.text()


@pytest.mark.parametrize("briefing", [builtin_briefing_path(), OTHER])
def test_a_new_figure_takes_a_clean_clause_and_says_what_it_lacks(window: MainWindow, tmp_path: Path,
                                                                  briefing: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    form = with_bulletin(window, tmp_path, briefing)
    figure = AddDialog(form, "metrics")
    picker = pick(figure, "省第三。规上")
    assert picker.flag.text().startswith("请只选一句之内的文字") and figure.editors[("source",)].raw() == ""
    pick(figure, "，全县发放文旅消费贷款1860笔。")
    assert figure.editors[("source",)].raw() == "全县发放文旅消费贷款1860笔"  # no 。 or ，
    assert picker.flag.text() == ""  # the refusal no longer shown
    assert figure.editors[("value",)].raw() == "1860" and figure.editors[("unit",)].raw() == "bi"
    assert figure.editors[("period",)].raw() == "2025-09" and figure.period_note.isHidden()  # from its sentence
    # a unit the list does not hold: said, and offered with its Chinese filled in
    trains = AddDialog(form, "metrics")
    assert not trains.period_note.isHidden()  # no period yet: warned (the figure may still be added)
    assert trains.period_note.text() == "未填时期：幻灯片上该数字将不注明时期"
    pick(trains, "全年开行中欧班列120列")
    assert trains.editors[("value",)].raw() == "120" and trains.editors[("unit",)].raw() == ""
    assert trains.problem.text() == "“列”不在单位列表中：点“新单位…”添加"
    assert trains.add_unit_button.isVisibleTo(trains) and trains.add_unit_button.text() == "新单位“列”…"
    asked: list[str] = []

    def fill_unit(self: UnitDialog) -> int:
        asked.append(self.zh.text())
        self.en.setText("trains")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(UnitDialog, "exec", fill_unit)
    trains.add_unit_button.click()
    unit = trains.editors[("unit",)]
    assert asked == ["列"] and isinstance(unit, ChoiceField) and unit.currentText() == "列"
    assert not trains.add_unit_button.isVisibleTo(trains) and trains.problem.isHidden()


def test_an_event_reads_its_date_and_text_from_its_clause(window: MainWindow, tmp_path: Path) -> None:
    form = with_bulletin(window, tmp_path, OTHER)
    event = AddDialog(form, "timeline")
    pick(event, "2025年9月，全县发放文旅消费贷款1860笔。")
    assert event.editors[("source",)].raw() == "2025年9月，全县发放文旅消费贷款1860笔"
    assert event.editors[("date",)].raw() == "2025-09"  # read from the clause
    assert event.editors[("text", "zh")].raw() == "2025年9月，全县发放文旅消费贷款1860笔"  # to be edited
    pick(event, "前三季度，上饶工业投资增速居全省第三")
    assert event.editors[("date",)].raw() == "2025-09"  # what was filled in stays


def test_the_add_chart_dialog_offers_the_kinds_that_fit_and_says_why_not(window: MainWindow, tmp_path: Path) -> None:
    form = with_bulletin(window, tmp_path, builtin_briefing_path())
    window.show_source("industrial-revenue-2024")  # in its section
    chart = AddDialog(form, "charts")
    items, kind = chart.editors[("items",)], chart.editors[("kind",)]
    assert isinstance(items, ChecklistField) and isinstance(kind, ChoiceField) and kind.raw() == "bar"
    items.check("industrial-revenue-2024")
    items.check("quarters-in-first-tier")  # 亿元 and 个季度: no bar chart
    assert chart.problem.text() == (  # before Add is clicked
        "柱状图的数字须为同一类量，所选数字的单位却有 亿元、个季度：请改用数字卡片，或只选同一单位的数字\n"
        "适合所勾选条目的图表：数字卡片")
    model = kind.model()
    assert isinstance(model, QStandardItemModel)
    enabled = {kind.itemData(r) for r in range(kind.count()) if model.item(r).isEnabled() and kind.itemData(r)}
    assert enabled == {"kpi"}  # only the kinds that fit are offered
    kind.choose("kpi")
    assert chart.problem.isHidden()


@pytest.mark.parametrize("briefing", [builtin_briefing_path(), OTHER])
def test_the_unit_picker_offers_new_and_the_briefings_units_first_and_filters(window: MainWindow, tmp_path: Path,
                                                                              briefing: Path) -> None:
    form = with_bulletin(window, tmp_path, briefing)
    unit = AddDialog(form, "metrics").editors[("unit",)]
    assert isinstance(unit, ChoiceField)
    texts = [unit.itemText(r) for r in range(unit.count())]
    assert texts[1] == "新单位…" and texts[2] == "— 本简报的单位 —"  # not at the bottom of ~150 units
    first = window.briefing.metrics[0]
    assert unit.itemData(3) == first.unit  # the briefing's own units, as its figures use them
    model = unit.model()
    assert isinstance(model, QStandardItemModel) and not model.item(2).isEnabled()  # a heading is not a unit
    assert texts.index("— 金额（人民币） —") < texts.index("— 数量 —") < texts.index("— 重量 —")
    completer = unit.completer()
    assert completer is not None and unit.isEditable()
    completer.setCompletionPrefix("吨")  # typed: every unit with 吨 in its name
    found = {completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())}
    assert {"吨", "亿吨"} <= found and "亿元" not in found
    unit.lineEdit().setText("吨吨")  # typed, not a unit: the choice shown comes back
    unit.lineEdit().editingFinished.emit()
    assert unit.lineEdit().text() == unit.itemText(unit.currentIndex())
