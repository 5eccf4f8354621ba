"""The edit form as a staff member uses it: a figure updated from a new source document (document added with its
text, clause selected, value read, texts follow), a point added with figures ticked in a checklist, an event
added, the title edited — then saved, reopened, exported, and the deck read back."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from srbrief.edit.describe import ROOT
from srbrief.edit.newitems import slug
from srbrief.gui.adddialogs import AddDialog
from srbrief.gui.editform import EditForm
from srbrief.gui.figureupdate import UpdateFigureDialog
from srbrief.gui.formfields import NEW_CHOICE, ChecklistField, ChoiceField, LongField, PeriodField
from srbrief.gui.mainwindow import MainWindow
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"
BULLETIN = "2024年上饶市工业经济运行情况(修订)\n2024年全市规上工业营业收入6288亿元,同比增长3.1%。\n"
CLAUSE = "2024年全市规上工业营业收入6288亿元"


@pytest.fixture(autouse=True)
def _no_questions(window: MainWindow) -> None:
    window.editing.choose_save = lambda: "discard"


def open_copy(window: MainWindow, tmp_path: Path, source: Path) -> EditForm:
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    assert window.source.open(copy)
    window.actions_["edit_mode"].trigger()
    form = window.editing.form
    assert form is not None
    return form


def fill(editor: object, value: str) -> None:
    """Enter *value* into an add dialog's editor as a user would."""
    if isinstance(editor, LongField):
        editor.setPlainText(value)
    elif isinstance(editor, QLineEdit):
        editor.setText(value)
    elif isinstance(editor, ChoiceField):
        editor.setCurrentIndex(editor.findData(value))
    else:
        raise AssertionError(f"cannot fill {editor!r}")


def test_update_a_figure_from_a_new_document_then_build_and_export(window: MainWindow, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from pptx import Presentation

    from srbrief.deck.export import export_pptx

    form = open_copy(window, tmp_path, builtin_briefing_path())
    window.show_source("industrial-revenue-2024")
    assert form.item_id == "industrial-revenue-2024" and form.update_button.isVisibleTo(form)
    # 1. the guided update: the document is added through the dialog (its text pasted), then the clause selected
    dialog = UpdateFigureDialog(form, window.briefing.find("industrial-revenue-2024"))

    def add_bulletin(self: AddDialog) -> int:
        fill(self.editors[("title", "zh")], "2024年工业经济运行情况（修订）")
        fill(self.editors[("title", "en")], "Industry in 2024 (revised)")
        fill(self.editors[("publication", "zh")], "上饶市统计局")
        fill(self.editors[("publication", "en")], "Shangrao Statistics Bureau")
        fill(self.editors[("date",)], "2025-03-01")
        self.text.setPlainText(BULLETIN)
        self.add()
        return int(self.result())

    monkeypatch.setattr(AddDialog, "exec", add_bulletin)
    dialog.documents.activated.emit(dialog.documents.findData(NEW_CHOICE))  # "add a new source document…"
    doc_id = slug("Industry in 2024 (revised)")
    text_file = tmp_path / f"{builtin_briefing_path().stem}-{doc_id}.txt"  # named after the briefing
    assert dialog.documents.raw() == doc_id and text_file.read_text(encoding="utf-8").strip() == BULLETIN.strip()
    assert "6288亿元" in dialog.view.toPlainText() and not dialog.accept_button.isEnabled()
    dialog.select("同比增长3.1%")  # no figure in 亿元 there: nothing to accept
    assert "亿元" in dialog.value.text() and not dialog.accept_button.isEnabled()
    dialog.select(CLAUSE)
    assert dialog.value.text() == "6288亿元" and dialog.accept_button.isEnabled()
    preview = dialog.preview.text()
    assert "6261亿元" in preview and "6288亿元" in preview and preview.count("→") >= 3  # the card, lede, point …
    dialog.accept_button.click()
    metric = window.briefing.find("industrial-revenue-2024")
    assert metric.value == 6288 and metric.source.doc == doc_id and metric.source.clause == CLAUSE
    assert "6288亿元" in window.briefing.find("overview-scale").message.zh
    assert "修改 规上工业营业收入：6261 → 6288" in window.actions_["undo"].text()  # the undo entry in words
    # 2. a point whose figures are ticked in a checklist of labels
    adding = AddDialog(form, "points")
    fill(adding.editors[("message", "zh")], "上饶工业规模稳居全省前列")
    fill(adding.editors[("message", "en")], "Shangrao's industry stays among the province's largest")
    figures = adding.editors[("figures",)]
    assert isinstance(figures, ChecklistField)
    labels = [figures.item(i).text() for i in range(figures.count())]
    assert "规上工业营业收入 · 6288亿元" in labels  # labels, not ids
    figures.check("industrial-revenue-2024")
    figures.check("industrial-revenue-provincial-rank")
    fill(adding.editors[("sources",)], CLAUSE + "\n自2023年6月起连续26个月保持全省第二")  # one clause a line
    adding.add()
    assert adding.result() == QDialog.DialogCode.Accepted, adding.problem.text()
    point = window.briefing.find(str(adding.added))
    assert point.figures == ("industrial-revenue-2024", "industrial-revenue-provincial-rank")
    assert [(c.doc, c.clause) for c in point.sources] == [
        (doc_id, CLAUSE), ("shangrao-daily-2025-10-11", "自2023年6月起连续26个月保持全省第二")]  # found in its document
    assert form.item_id == point.id
    # 3. an event, its date from the article
    event = AddDialog(form, "timeline")
    fill(event.editors[("date",)], "2025-06")
    fill(event.editors[("text", "zh")], "上饶首次入选全国先进制造业{advanced-manufacturing-top-100}市")  # a figure:
    fill(event.editors[("text", "en")],  # a reference, so that it follows the figure
         "Shangrao entered China's {advanced-manufacturing-top-100} advanced-manufacturing cities")
    refs = event.editors[("refs",)]
    assert isinstance(refs, ChecklistField)
    refs.check("advanced-manufacturing-top-100")
    fill(event.editors[("source",)], "首次入选全国先进制造业百强市")
    event.add()
    assert event.result() == QDialog.DialogCode.Accepted, event.problem.text()
    assert window.briefing.timeline[-1].text.zh == "上饶首次入选全国先进制造业百强市"
    assert window.briefing.timeline[-1].refs == ("advanced-manufacturing-top-100",)
    # 4. the title, in the briefing's own entry of the list
    index = form.chooser.findData(ROOT)
    form.chooser.activated.emit(index)
    title = form.editors[("title", "zh")]
    title.setText("上饶制造业简报（2025年修订）")
    title.editingFinished.emit()  # type: ignore[union-attr]
    assert window.briefing.title.zh == "上饶制造业简报（2025年修订）"
    day = form.editors[("briefing_date",)]  # the day it is presented, for the cover
    day.setText("2025-12-08")
    day.editingFinished.emit()  # type: ignore[union-attr]
    assert window.briefing.briefing_date == "2025-12-08"
    # save, reopen, export, read the deck back
    assert window.editing.save()
    path = tmp_path / builtin_briefing_path().name
    reopened = load_briefing(path)
    assert reopened.title.zh == "上饶制造业简报（2025年修订）"
    assert reopened.find("industrial-revenue-2024").value == 6288
    assert reopened.find(point.id).figures == point.figures and reopened.timeline[-1].date == "2025-06"
    deck = tmp_path / "deck.pptx"
    export_pptx(reopened, deck, "zh")
    texts = " ".join(shape.text_frame.text for slide in Presentation(str(deck)).slides for shape in slide.shapes
                     if shape.has_text_frame)
    assert "上饶制造业简报（2025年修订）" in texts and "6288" in texts and "6261亿元" not in texts
    assert "汇报日期：2025年12月8日" in texts
    assert "上饶工业规模稳居全省前列" in texts


def test_the_form_speaks_the_users_language_on_another_briefing(window: MainWindow, tmp_path: Path) -> None:
    form = open_copy(window, tmp_path, SIX)
    window.show_source("output")
    entries = [form.chooser.itemText(i).strip() for i in range(form.chooser.count())]
    assert "工业总产值 · 1520.5亿元" in entries and "— 数字 —" in entries and "— 大事记 —" in entries
    assert not any(e.startswith("Metric ·") for e in entries)
    unit = form.editors[("unit",)]
    assert isinstance(unit, ChoiceField) and unit.currentText() == "亿元" and unit.raw() == "yi-yuan"
    period = form.editors[("period",)]
    assert isinstance(period, PeriodField)
    period.set_period((2023, 6), (2025, 7))
    assert window.briefing.find("output").period == "2023-06/2025-07"
    assert window.editing.doc.undo_name == "修改 工业总产值 · 时期：2024 → 2023-06/2025-07"
    assert ("derived",) in form.editors  # the yes/no of a computed value is in the form
    assert isinstance(form.editors[("note", "zh")], LongField)  # a long text on several lines
    unit.choose("wan-yuan")  # refused (the clause says 亿元): the reason is in Chinese, beside the field
    assert "不是其原文语句所写的数" in form.errors[("unit",)].text()


def test_a_unit_of_the_briefings_own_is_added_from_the_unit_list(window: MainWindow, tmp_path: Path) -> None:
    from srbrief.gui.adddialogs import add_unit

    form = open_copy(window, tmp_path, SIX)
    window.show_source("output")
    assert add_unit(form, "标准车", "standard vehicles") == "standard-vehicles"
    assert [u.zh for u in window.briefing.units] == ["标准车"]
    unit = form.editors[("unit",)]
    assert isinstance(unit, ChoiceField) and unit.findData("standard-vehicles") >= 0
    assert add_unit(form, "亿元", "x") is None and "已经有了" in form.problem.text()  # a built-in one
    figure = AddDialog(form, "metrics")
    fill(figure.editors[("label", "zh")], "改装车辆")
    fill(figure.editors[("label", "en")], "Vehicles converted")
    fill(figure.editors[("value",)], "120")
    fill(figure.editors[("unit",)], "standard-vehicles")
    fill(figure.editors[("source",)], "数据为1520.5亿元")  # states no 标准车: refused, the dialog stays
    figure.add()
    assert figure.result() != QDialog.DialogCode.Accepted and "不是其原文语句所写的数" in figure.problem.text()


def test_after_ctrl_n_the_form_holds_nothing_of_the_previous_briefing(window: MainWindow, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    form = open_copy(window, tmp_path, builtin_briefing_path())  # the overview of the built-in briefing, shown
    assert form.editors[("lede", "zh")].raw().startswith("制造业是上饶的城市脊梁")
    target = tmp_path / "fresh.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_["new"].trigger()
    assert form.item_id == "overview" and form.editors[("lede", "zh")].raw() == "【请用一句话概括要点】"
    entries = " ".join(form.chooser.itemText(i) for i in range(form.chooser.count()))
    assert "规上工业营业收入" not in entries and "6261" not in entries
    form.chooser.activated.emit(form.chooser.findData(ROOT))
    assert form.editors[("title", "zh")].raw() == "【请填写简报标题】"  # obviously a placeholder


def test_a_new_figure_is_read_from_the_clause_selected_in_its_document(window: MainWindow, tmp_path: Path) -> None:
    form = open_copy(window, tmp_path, builtin_briefing_path())
    window.show_source("industrial-revenue-2024")
    figure = AddDialog(form, "metrics")
    picker = figure.picker
    assert picker is not None and "6261亿元" in picker.view.toPlainText()  # the article, to select from
    clause = "规上工业增加值增速连续17个季度保持全省第一方阵"
    picker.select(clause)
    picker.use_button.click()
    assert figure.editors[("source",)].raw() == clause
    assert figure.editors[("value",)].raw() == "17" and figure.editors[("unit",)].raw() == "quarter"
    fill(figure.editors[("label", "en")], "Quarters in the leading group for value-added growth")
    if not figure.editors[("label", "zh")].raw():
        fill(figure.editors[("label", "zh")], "规上工业增加值增速保持全省第一方阵的季度")
    figure.add()
    assert figure.result() == QDialog.DialogCode.Accepted, figure.problem.text()
    added = window.briefing.find(str(figure.added))
    assert (added.value, added.unit, added.source.clause) == (17, "quarter", clause)
    assert added.id == "quarters-in-the-leading-group"  # made from its English label: no id typed


def test_every_kind_can_be_added_and_edited_on_another_briefing(window: MainWindow, tmp_path: Path) -> None:
    form = open_copy(window, tmp_path, SIX)
    window.show_source("sales-up")  # in the theme "growth"

    def add(kind: str, values: dict[tuple[str, ...], str], checks: dict[tuple[str, ...], list[str]] | None = None
            ) -> str:
        dialog = AddDialog(form, kind)
        for sub, value in values.items():
            fill(dialog.editors[sub], value)
        for sub, codes in (checks or {}).items():
            checklist = dialog.editors[sub]
            assert isinstance(checklist, ChecklistField)
            for code in codes:
                checklist.check(code)
        dialog.add()
        assert dialog.result() == QDialog.DialogCode.Accepted, (kind, dialog.problem.text())
        return str(dialog.added)

    fact = add("facts", {("kind",): "measure", ("text", "zh"): "推行清洁生产", ("text", "en"): "Cleaner production",
                         ("source",): "推行清洁生产"})
    assert window.briefing.section_of(fact).id == "growth" and window.briefing.find(fact).kind.value == "measure"
    chart = add("charts", {("kind",): "kpi", ("title", "zh"): "增长数字", ("title", "en"): "Growth figures"},
                {("items",): ["sales-up", "energy-cut"]})
    assert window.briefing.find(chart).items == ("sales-up", "energy-cut") and chart == "growth-figures"
    section = add("sections", {("title", "zh"): "新主题", ("title", "en"): "A new theme", ("short_title", "zh"): "新",
                               ("short_title", "en"): "New", ("lede", "zh"): "导语", ("lede", "en"): "Lede"})
    added = window.briefing.find(section)
    assert added.kind.value == "theme" and added.number == 7 and window.briefing.sections[-1].id == section
    summary = add("summary", {("section",): "growth", ("message", "zh"): "销售额增长{sales-up}",
                              ("message", "en"): "Sales grew {sales-up}", ("figure",): "sales-up",
                              ("sources",): "销售额增长12%"})
    assert summary == ROOT + "summary.0" and window.briefing.summary[0].figure == "sales-up"
    outlook = add("outlook", {("text", "zh"): "继续推进清洁生产", ("text", "en"): "Cleaner production goes on",
                              ("source",): "继续推进清洁生产"})
    assert outlook == ROOT + "outlook.0" and form.item_id == outlook
    fill(form.editors[("text", "en")], "Cleaner production will go on")  # an outlook line edited in the form
    form.editors[("text", "en")].finish()  # type: ignore[union-attr]
    assert window.briefing.outlook[0].text.en == "Cleaner production will go on"
    assert str(window.editing.doc.undo_name).startswith("修改 展望「继续推进清洁生产」 · 文字：Cleaner production goes")
    only_zh = add("facts", {("kind",): "programme", ("text", "zh"): "设立产业基金", ("source",): "设立产业基金"})
    assert window.briefing.find(only_zh).text.en == "[translate] 设立产业基金"  # marked, for the English deck to wait
    for _ in range(7):
        window.actions_["undo"].trigger()
    assert window.briefing.outlook == () and window.briefing.summary == () and len(window.briefing.sections) == 7


def test_a_new_briefings_article_gets_its_text_and_gives_a_figure(window: MainWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "port.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_["new"].trigger()  # Ctrl+N
    form = window.editing.form
    assert form is not None
    form.chooser.activated.emit(form.chooser.findData("article"))  # the skeleton's document: no text yet
    assert form.text_button.isVisibleTo(form)
    article = tmp_path / "downloaded article.txt"
    article.write_text("宁波舟山港2024年完成集装箱吞吐量3930万标准箱。全年进出港船舶3200艘次。", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(article), ""))
    (tmp_path / "port-article.txt").write_text("另一份简报的原文", encoding="utf-8")  # never written over
    form.text_button.click()
    # named after the briefing, beside it (a generic article.txt in one folder was another briefing's)
    assert window.briefing.sources[0].text == "port-article-2.txt" and (tmp_path / "port-article-2.txt").is_file()
    assert (tmp_path / "port-article.txt").read_text(encoding="utf-8") == "另一份简报的原文"
    assert window.statusBar().currentMessage() == "已载入《downloaded article》全文，共 41 字"  # said what was loaded
    from srbrief.gui.adddialogs import add_unit

    assert add_unit(form, "艘次", "ship calls") == "ship-calls"  # ship calls, not ships: a unit of its own
    figure = AddDialog(form, "metrics")
    assert figure.picker is not None and "3200艘次" in figure.picker.view.toPlainText()
    fill(figure.editors[("label", "zh")], "进出港船舶")
    fill(figure.editors[("label", "en")], "Ships in and out")
    fill(figure.editors[("value",)], "3200")
    fill(figure.editors[("unit",)], "ship-calls")
    fill(figure.editors[("source",)], "全年进出港船舶3200艘次")
    figure.add()
    assert figure.result() == QDialog.DialogCode.Accepted, figure.problem.text()
    added = window.briefing.find("ships-in-and-out")
    assert added.value == 3200 and added.unit == "ship-calls"
    assert form.chooser.currentText().strip() == "进出港船舶 · 3200艘次"  # the declared unit, in the app too


def test_the_derived_flag_and_a_text_not_there_yet(window: MainWindow, tmp_path: Path) -> None:
    form = open_copy(window, tmp_path, SIX)
    window.show_source("output")
    flag = form.editors[("derived",)]
    assert not flag.isChecked()  # type: ignore[union-attr]
    how = form.editors[("derived", "zh")]
    assert isinstance(how, LongField)
    how.setPlainText("各园区产值之和")
    how.finish()  # a text not there yet is written whole: the English marked for translation
    metric = window.briefing.find("output")
    assert metric.derived is not None and metric.derived.zh == "各园区产值之和", form.errors[("derived", "zh")].text()
    assert metric.derived.en == "[translate] 各园区产值之和" and flag.isChecked()  # type: ignore[union-attr]
    flag.click()  # type: ignore[union-attr]  # no longer derived: the field goes
    assert window.briefing.find("output").derived is None and how.raw() == ""
    note = form.editors[("note", "en")]
    note.setPlainText("As reported")  # type: ignore[union-attr]
    note.finish()  # type: ignore[union-attr]
    assert window.briefing.find("output").note is not None
    assert window.briefing.find("output").note.zh == "As reported"  # no Chinese typed: the English stands in


def test_a_range_is_written_once_its_end_is_picked(window: MainWindow, tmp_path: Path) -> None:
    """The tester picked 2025年, then 1月, ticked 至, ...: every step was written, "2025-01" among them (a
    false period, and an undo entry per step). Picking a range writes it when its end year is chosen; the
    year list starts near this year; a year outside the list is shown, not lost."""
    form = open_copy(window, tmp_path, SIX)
    window.show_source("output")
    period = form.editors[("period",)]
    assert isinstance(period, PeriodField)
    year_box, month_box = period.start
    assert year_box.itemData(1) == str(date.today().year + 10)  # newest first, not 2050 for ever
    periods: list[str | None] = []
    window.editing.briefing_changed.connect(lambda: periods.append(window.briefing.find("output").period))

    def pick(box, data: str) -> None:  # type: ignore[no-untyped-def]
        box.setCurrentIndex(box.findData(data))
        box.activated.emit(box.currentIndex())

    pick(year_box, "2025")
    period.ranged.click()
    pick(month_box, "01")
    assert periods == ["2025"]  # the year alone was a complete choice; nothing while the range is open
    pick(period.end[1], "09")
    assert periods == ["2025"]
    pick(period.end[0], "2025")
    assert periods == ["2025", "2025-01/2025-09"]
    period.show("2060")
    assert period.raw() == "2060" and year_box.currentText() == "2060年"


@pytest.mark.parametrize(("source", "clause", "period"), [
    # the tester's 横峰 briefing: the date stands before the clause in its sentence (2025年1—10月，…)
    (Path(__file__).parents[1] / "data" / "tester" / "hengfeng-new-energy.yaml", "全县光伏组件产量达到3.2万吨",
     "2025-01/2025-10"),
    (builtin_briefing_path(), "规上工业营业收入达6261亿元", "2024"),  # 2024年 before it
])
def test_a_new_figures_period_is_read_from_its_clauses_sentence(window: MainWindow, tmp_path: Path, source: Path,
                                                                 clause: str, period: str) -> None:
    if source.parent.name == "tester":
        shutil.copyfile(source.parent / "article.txt", tmp_path / "article.txt")
    else:
        shutil.copytree(source.parent / "sources", tmp_path / "sources")
    form = open_copy(window, tmp_path, source)
    figure = AddDialog(form, "metrics")
    picker = figure.picker
    assert picker is not None
    picker.select(clause)
    picker.use_button.click()
    assert figure.editors[("source",)].raw() == clause
    assert figure.editors[("period",)].raw() == period  # was: none, every figure's period left empty
