"""The guided update as the usability tester met it (issue #20 acceptance, items 1–3, 6, 14): a newer bulletin
moves a figure to a newer year, the period is read from the clause, the preview pairs every text with itself in
both languages and names the sources that follow, and a refusal says which text holds the problem."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from srbrief.edit import AddItem
from srbrief.gui.editform import EditForm
from srbrief.gui.figureupdate import UpdateFigureDialog
from srbrief.gui.mainwindow import MainWindow
from srbrief.model.units import format_value
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"

NEWER = ("上饶市2026年一季度工业经济运行统计公报\n2025年，上饶市规上工业营业收入达6890亿元，同比增长10.0%。\n"
         "截至2025年12月，上饶规上工业营业收入已连续30个月保持全省第二。\n"
         "上饶以全面提升14条重点产业链现代化水平为目标，推动制造业高质量发展。\n")


@pytest.fixture(autouse=True)
def _no_questions(window: MainWindow) -> None:
    window.editing.choose_save = lambda: "discard"


def open_with_bulletin(window: MainWindow, tmp_path: Path) -> EditForm:
    return _with_document(window, tmp_path, builtin_briefing_path(), NEWER)


def test_a_figure_moves_to_a_newer_year_with_every_text(window: MainWindow, tmp_path: Path) -> None:
    form = open_with_bulletin(window, tmp_path)
    dialog = UpdateFigureDialog(form, window.briefing.find("industrial-revenue-2024"))
    assert dialog.documents.raw() == "newer"  # the newest document
    heading = dialog.findChild(QLabel, "update-heading")  # named in the dialog, not only in its title bar
    assert heading is not None and heading.text() == "更新数字：规上工业营业收入 · 6261亿元"
    dialog.select("2025年，上饶市规上工业营业收入达6890亿元")
    assert dialog.period.raw() == "2025"  # read from the clause, as the value is
    assert dialog.accept_button.isEnabled(), dialog.problem.text()
    preview = dialog.preview.text()
    assert "→ 2025年上饶规上工业营业收入达6890亿元" in preview  # the headline follows the year
    assert "in 2025" in preview and "CNY 689" in preview.replace("\u00a0", " ")  # English too
    assert "所引原文改为" in preview and "日期改为 2025" in preview  # the sources and the event follow
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height() and dialog.width() <= screen.width()  # it fits (680 high did not)
    dialog.accept_button.click()
    assert window.briefing.find("overview-scale").message.zh.startswith("2025年上饶")
    assert window.briefing.find("event-revenue-2024").date == "2025"


def test_the_preview_pairs_texts_and_a_refusal_names_its_text(window: MainWindow, tmp_path: Path) -> None:
    form = open_with_bulletin(window, tmp_path)
    dialog = UpdateFigureDialog(form, window.briefing.find("months-at-provincial-second"))
    dialog.select("截至2025年12月，上饶规上工业营业收入已连续30个月保持全省第二")
    assert dialog.period.raw() == "2023-06/2025-12" and dialog.accept_button.isEnabled()
    for pair in dialog.preview.text().split("• ")[1:]:
        if "→" in pair and "推算" not in pair and "computed" not in pair:
            before, after = pair.split("→")
            # each text paired with itself: the rank's label never shows as a rename to another figure's
            assert before.split("：")[0].split(":")[0].strip()[:6] == after.split("：")[0].split(":")[0].strip()[:6]
    # the chains: the list of 12 under a title that would say 14 is refused, and the message says where
    dialog = UpdateFigureDialog(form, window.briefing.find("key-industrial-chains"))
    dialog.select("上饶以全面提升14条重点产业链现代化水平为目标")
    assert not dialog.accept_button.isEnabled() and not dialog.problem.isHidden()
    assert "列出了 12 项" in dialog.problem.text() and "「" in dialog.problem.text().split("：")[0]
    assert dialog.problem.wordWrap()


def test_a_text_with_references_shows_how_it_reads(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel

    form = open_with_bulletin(window, tmp_path)
    form.show_item("months-at-provincial-second")
    shown = form.findChild(QLabel, "rendered.label.zh")
    assert shown is not None and shown.isVisibleTo(form) and "{" not in shown.text()
    assert shown.text().endswith("连续保持全省第二的月数")  # the name staff read, beside the editable template
    note = form.findChild(QLabel, "rendered.note.zh")
    assert note is None or not note.isVisibleTo(form)  # a text without references needs no second reading
    # another briefing: a lede that states a figure's period and value
    six = tmp_path / "six.yaml"
    lede = "lede: {zh: '{output:period}总产值{output}', en: 'Output {output} in {output:period}'}"
    six.write_text(re.sub(r"lede: \{[^\n]*\}", lambda _: lede, SIX.read_text(encoding="utf-8"), count=1),
                   encoding="utf-8")  # the overview's lede
    assert window.source.open(six)
    window.actions_["edit_mode"].trigger()
    form = window.editing.form
    assert form is not None
    form.show_item("overview")
    shown = form.findChild(QLabel, "rendered.lede.en")
    assert shown is not None and shown.isVisibleTo(form)
    assert shown.text().replace("\u00a0", " ").endswith("Output CNY 152.05 bn in 2024")


def test_a_rank_update_shows_the_texts_that_keep_the_old_rank_as_conflicts(window: MainWindow,
                                                                           tmp_path: Path) -> None:
    # the tester's third update: 规上工业营业收入总量居全省第3位 (上饶统计月报2025年9月), the streak's clause says 第二
    form = open_with_bulletin(window, tmp_path)
    bulletin = (tmp_path / "newer.txt").read_text(encoding="utf-8") + "规上工业营业收入总量居全省第3位。\n"
    (tmp_path / "newer.txt").write_text(bulletin, encoding="utf-8")
    dialog = UpdateFigureDialog(form, window.briefing.find("industrial-revenue-provincial-rank"))
    dialog.choose_document("newer")
    dialog.select("规上工业营业收入总量居全省第3位")
    assert dialog.accept_button.isEnabled(), dialog.problem.text()
    preview = dialog.preview.text()
    assert "冲突（保留旧值）：" in preview
    conflicts = preview.split("冲突（保留旧值）：", 1)[1]
    assert "还依据“自2023年6月起连续26个月保持全省第二”，原文写的是“第二”：此处保留“第二”，不改为“第三”" in conflicts
    assert "连续保持全省第二的月数" in conflicts  # the streak's label, named as the user reads it
    listed = [line for line in conflicts.splitlines() if line.startswith("• ")]
    assert len(listed) == len(set(listed))  # a point's message and its note: one line, not the same line twice
    assert "26个月保持全省第三" not in preview
    dialog.accept_button.click()
    assert "连续26个月保持全省第二" in window.briefing.sections[0].lede.zh
    assert window.briefing.find("industrial-revenue-provincial-rank").value == 3


def _with_document(window: MainWindow, tmp_path: Path, briefing: Path, text: str) -> EditForm:
    """Open a copy of *briefing* (with its article) in edit mode and add a newer document holding *text*."""
    if (briefing.parent / "article.txt").exists():  # the tester's briefing cites its article beside it
        shutil.copyfile(briefing.parent / "article.txt", tmp_path / "article.txt")
    copy = tmp_path / "brief.yaml"
    shutil.copyfile(briefing, copy)
    (tmp_path / "newer.txt").write_text(text, encoding="utf-8")
    assert window.source.open(copy)
    window.actions_["edit_mode"].trigger()
    form = window.editing.form
    assert form is not None
    assert not form.session.apply(AddItem(("sources",), {
        "id": "newer", "publication": {"zh": "上饶市统计局", "en": "Statistics"}, "date": "2026-04-15",
        "title": {"zh": "统计公报", "en": "Bulletin"}, "text": "newer.txt"}))
    return form


def test_a_value_in_another_multiplier_is_converted_and_the_dialog_says_so(window: MainWindow,
                                                                          tmp_path: Path) -> None:
    # the built-in briefing: practical training in 万人次, the newer bulletin writes 人次
    form = _with_document(window, tmp_path, builtin_briefing_path(), "2025年累计实训超15000人次。产量3.5万吨。\n")
    dialog = UpdateFigureDialog(form, window.briefing.find("digital-training-2024"))
    dialog.select("2025年累计实训超15000人次")
    assert dialog.value.text() == "15000人次 → 按 万人次 换算：1.5"
    assert dialog.accept_button.isEnabled(), dialog.problem.text()
    assert "超1.5万人次" in dialog.preview.text()  # the texts say it in the figure's unit
    dialog.select("产量3.5万吨")  # a mass for a count: refused, and said why
    assert "所选语句写的是 3.5万吨（重量），而本数字以 万人次 计（数量）：不是同一类量，不能换算" in dialog.value.text()
    assert not dialog.accept_button.isEnabled()
    dialog.select("2025年累计实训超15000人次")
    dialog.accept_button.click()
    figure = window.briefing.find("digital-training-2024")
    assert (figure.value, figure.unit, figure.period) == (1.5, "wan-renci", "2025")
    assert format_value(figure, "en") == "over\u00a015,000\u00a0trainee\u00a0sessions"


def test_the_testers_briefing_converts_tonnes_and_refuses_power(window: MainWindow, tmp_path: Path) -> None:
    tester = Path(__file__).parents[1] / "data" / "tester" / "hengfeng-new-energy.yaml"
    form = _with_document(window, tmp_path, tester, "2025年1—12月，全县光伏组件产量达到36000吨。新增装机2吉瓦。\n")
    dialog = UpdateFigureDialog(form, window.briefing.find("pv-module-output"))
    dialog.select("2025年1—12月，全县光伏组件产量达到36000吨")
    assert dialog.value.text() == "36000吨 → 按 万吨 换算：3.6" and dialog.accept_button.isEnabled()
    dialog = UpdateFigureDialog(form, window.briefing.find("cumulative-pv-capacity"))
    dialog.select("新增装机2吉瓦")  # power in another unit: not converted, and said so
    assert "吉瓦 与 兆瓦 不是同一个单位" in dialog.value.text() and not dialog.accept_button.isEnabled()
    window.toggle_language()  # in English too
    dialog = UpdateFigureDialog(form, window.briefing.find("pv-module-output"))
    dialog.select("新增装机2吉瓦")
    assert dialog.value.text() == ("The selection states 2吉瓦 (power), but this figure is in 万吨 (10,000 tonnes, "
                                   "a mass): another kind of quantity, which cannot be converted; select a clause "
                                   "that states this figure")
