"""Browsing: a figure's source in a pop-over beside its card (the clause inside its sentence, the document,
the article), Back for any jump, the wheel over a chart, edit mode that keeps the page readable, a search hit
in the form, the help page, printing and a window that fits its screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from srbrief.gui.article import ArticleDialog
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.widgets import KpiCard, SourcePopover, clause_in_sentence
from srbrief.model.truth import read_document
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"


def test_clause_in_sentence() -> None:
    text = "第一句。上饶今年营业收入达6261亿元，居全省第三！最后一句"
    assert clause_in_sentence(text, "营业收入达6261亿元") == ("上饶今年", "营业收入达6261亿元", "，居全省第三！")
    assert clause_in_sentence(text, "最后一句") == ("", "最后一句", "")
    assert clause_in_sentence(text, "不在文中") is None


def test_a_cards_source_opens_beside_it_with_its_sentence_and_article(window: MainWindow, qtbot) -> None:
    card = window.panels[0].findChildren(KpiCard)[0]
    metric = card.item
    card.source_requested.emit(metric.id)
    assert window.current_panel() is window.panels[0]  # the page stays
    popover = window.popover
    assert isinstance(popover, SourcePopover) and popover.isVisible()
    document = window.briefing.document(metric.source.doc)
    article = read_document(document, builtin_briefing_path().parent)
    assert article is not None
    before, clause, after = clause_in_sentence(article, metric.source.clause) or ("", "", "")
    text = popover.sentence.text()
    assert "font-weight:700" in text and f">{clause}</span>" in text  # the clause marked ...
    assert before and before[-6:] in text and after[:4] in text  # ... inside its sentence
    assert document.publication.zh in popover.document.text() and "2025年10月11日" in popover.document.text()
    assert not popover.translation.isVisibleTo(popover)  # our English of the clause: in English only
    shown = QRect(popover.pos(), popover.size())
    assert not shown.intersects(QRect(card.mapToGlobal(QPoint(0, 0)), card.size()))  # beside it, not over it
    assert window.screen().availableGeometry().contains(shown)
    popover.button.click()  # open in the article
    dialog = window.review_dialog
    assert isinstance(dialog, ArticleDialog) and dialog.marked
    assert dialog.marked_text == metric.source.clause and len(dialog.text.extraSelections()) == 1


def test_a_figure_without_a_document_text_goes_to_the_sources_and_back(window: MainWindow, tmp_path: Path) -> None:
    copy = tmp_path / "six.yaml"
    shutil.copyfile(SIX, copy)
    assert window.source.open(copy)
    window.nav.setCurrentRow(1)
    card = window.current_panel().findChildren(KpiCard)[0]
    card.source_requested.emit(card.item.id)
    popover = window.popover
    assert isinstance(popover, SourcePopover)
    assert card.item.source.clause in popover.sentence.text()  # no article: the clause alone
    popover.button.click()
    assert window.current_panel().key == "sources"
    assert window.actions_["back"].isEnabled()
    assert window.back_stack[-1][0] == 1
    window.actions_["back"].trigger()
    assert window.nav.currentRow() == 1
    window.actions_["back"].trigger()  # and before that, the first panel
    assert window.nav.currentRow() == 0 and not window.actions_["back"].isEnabled()


def test_back_returns_from_a_search_hit_to_the_place_on_the_page(window: MainWindow, qtbot) -> None:
    window.resize(1400, 900)
    window.nav.setCurrentRow(1)
    panel = window.current_panel()
    panel.body.adjustSize()
    panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum() // 3)
    place = panel.verticalScrollBar().value()
    assert place > 0
    assert window.jump_to_search_text("新三样")
    assert window.current_panel().key == "theme-3"
    assert window.back_stack[-1] == (1, place)
    assert window.go_back()
    assert window.nav.currentRow() == 1 and window.current_panel().verticalScrollBar().value() == place
    assert window.actions_["back"].shortcut().toString() == "Alt+Left"


def test_the_wheel_over_a_chart_scrolls_the_page(window: MainWindow, qtbot) -> None:
    window.resize(1400, 900)
    row = next(r for r, p in enumerate(window.panels) if p.charts)
    window.nav.setCurrentRow(row)
    panel = window.current_panel()
    panel.draw_charts()
    view = panel.charts[0]
    panel.ensureWidgetVisible(view)
    qtbot.wait(20)
    bar = panel.verticalScrollBar()
    bar.setValue(0)
    canvas = view.canvas
    centre = QPointF(canvas.width() / 2, canvas.height() / 2)
    event = QWheelEvent(centre, QPointF(canvas.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas, event)
    assert bar.value() > 0


def test_edit_mode_keeps_the_page_readable_and_a_search_hit_in_the_form(window: MainWindow, qtbot) -> None:
    window.resize(1400, 900)
    window.editing.set_edit_mode(True)
    qtbot.wait(50)
    for row in range(window.nav.count() - 1):
        window.nav.setCurrentRow(row)
        panel = window.current_panel()
        qtbot.wait(10)
        assert panel.horizontalScrollBar().maximum() == 0 or not panel.horizontalScrollBar().isVisible()
        width = panel.viewport().width()
        for card in panel.findChildren(KpiCard):  # no card cut off at the right
            right = card.mapTo(panel.body, QPoint(card.width(), 0)).x()
            assert right <= width, card.item.id
            assert card.number.width() >= card.number.sizeHint().width(), card.item.id
    assert window.jump_to_search_text("新三样")
    form = window.editing.form
    assert form is not None and form.item_id is not None and "新三样" in window.briefing.find(form.item_id).label.zh


@pytest.mark.parametrize(("lang", "words"), [("zh", "更新一个数字"), ("en", "Update a figure")])
def test_f1_opens_the_help_page(window: MainWindow, lang: str, words: str) -> None:
    if window.lang != lang:
        window.actions_["language"].trigger()
    assert window.actions_["help_page"].shortcut().toString() == "F1"
    window.actions_["help_page"].trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert words in text and "Ctrl+Shift+S" in text and "Alt+" in text and "F2" in text
    dialog.close()


def test_print_paints_the_handout(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    target = tmp_path / "printed.pdf"

    def choose(printer: QPrinter) -> int:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    window.choose_printer = choose  # type: ignore[method-assign]
    assert window.actions_["print"].shortcut().toString() == "Ctrl+P"
    assert window.print_handout()
    from srbrief.deck.plan import plan_deck
    from srbrief.gui.pdf import handout_pages

    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + \
        data.count(b"/Type /Page>") >= len(handout_pages(plan_deck(window.briefing, "zh"), "notes"))
    window.choose_printer = lambda printer: QDialog.DialogCode.Rejected  # type: ignore[method-assign]
    assert not window.print_handout()


def test_the_restored_window_fits_the_screen(window: MainWindow) -> None:
    room = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    window.resize(room.width() * 2, room.height() * 2)  # saved at 150 % on a larger screen
    window.move(room.right() + 300, room.bottom() + 300)
    window.clamp_to_screen()
    frame = window.frameGeometry()
    assert room.contains(frame.topLeft()) and frame.width() <= room.width() and frame.height() <= room.height()


def test_in_english_the_pop_over_gives_our_translation_of_the_clause(window: MainWindow) -> None:
    window.actions_["language"].trigger()
    card = next(c for c in window.panels[0].findChildren(KpiCard) if c.item.source.en)
    card.source_requested.emit(card.item.id)
    popover = window.popover
    assert isinstance(popover, SourcePopover)
    assert popover.translation.isVisibleTo(popover) and card.item.source.en in popover.translation.text()
    assert card.item.source.clause in popover.sentence.text() and "Shangrao Daily" in popover.document.text()
    assert popover.button.text() == "Open in the article"


def test_clicking_the_page_shown_takes_it_to_its_top_and_back_returns(window: MainWindow, qtbot) -> None:
    """The tester clicked 总览 (already shown) to get back to the top; nothing happened."""
    from PySide6.QtCore import Qt

    window.resize(1400, 900)
    window.nav.setCurrentRow(1)
    panel = window.current_panel()
    panel.body.adjustSize()
    panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum() // 2)
    place = panel.verticalScrollBar().value()
    assert place > 0
    centre = window.nav.visualItemRect(window.nav.item(1)).center()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert panel.verticalScrollBar().value() == 0 and window.nav.currentRow() == 1
    assert window.go_back() and panel.verticalScrollBar().value() == place
    window.nav.setCurrentRow(2)  # another page, left half-way down: a click there shows it where it was
    second = window.current_panel()
    second.body.adjustSize()
    second.verticalScrollBar().setValue(second.verticalScrollBar().maximum() // 2)
    kept = second.verticalScrollBar().value()
    window.nav.setCurrentRow(1)
    other = window.nav.visualItemRect(window.nav.item(2)).center()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=other)
    assert window.nav.currentRow() == 2 and kept > 0 and second.verticalScrollBar().value() == kept
