"""The main window, driven like a user would: panels, language, search, files, export, presenter, settings."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.panels import SectionPanel, SourcesPanel
from srbrief.gui.widgets import KpiCard
from srbrief.resources import builtin_briefing_path
from tests.deck_size import DECK_SLIDES, SLIDES


def test_every_panel_can_be_visited(window: MainWindow, qtbot) -> None:
    assert window.nav.count() == 6 == len(window.panels)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        panel = window.current_panel()
        panel.draw_charts()
        assert all(view.drawn for view in panel.charts)
    themes = [p for p in window.panels if isinstance(p, SectionPanel)]
    cards = [c.item.id for p in themes for c in p.findChildren(KpiCard)]
    assert set(cards) == {m.id for m in window.briefing.metrics}  # every figure has a card (the reference)
    assert len(cards) > 52  # and the story shows its figures again, point by point


def test_first_panel_charts_fill_in_after_showing(window: MainWindow, qtbot) -> None:
    window.nav.setCurrentRow(1)
    qtbot.waitUntil(lambda: all(v.drawn for v in window.current_panel().charts), timeout=10000)


def test_language_switch_changes_texts(window: MainWindow) -> None:
    titles = [p.title_label.text() for p in window.panels]
    window.actions_["language"].trigger()
    assert window.lang == "en"
    english = [p.title_label.text() for p in window.panels]
    assert english != titles and english[1] == "Amplify Strengths, Extend the Lead"
    assert window.actions_["open"].text() == "&Open briefing…"
    labels = " ".join(label.text() for label in window.panels[0].findChildren(QLabel))
    assert "CNY\u00a0626.1" in labels and "\u00a0bn</span>" in labels  # one English unit style, as on the slides


def test_search_finds_a_figure_and_jumps_to_it(window: MainWindow) -> None:
    assert window.jump_to_search_text("新三样")
    panel = window.current_panel()
    assert panel.key == "theme-3"
    focused = [c for c in panel.findChildren(KpiCard) if c.property("highlight")]
    assert focused and "新三样" in focused[0].item.label.zh
    assert not window.jump_to_search_text("no such thing at all")


def test_a_charts_source_highlights_its_clauses_and_back_returns(window: MainWindow) -> None:
    metrics = {m.id for m in window.briefing.metrics}
    start, view = next((r, v) for r, p in enumerate(window.panels) for v in p.charts
                       if set(v.chart.items) & metrics)
    window.nav.setCurrentRow(start)
    view.source_requested.emit(view.chart.id)
    panel = window.current_panel()
    assert isinstance(panel, SourcesPanel)
    row = panel.table.currentRow()
    assert panel.table.item(row, 0).data(Qt.ItemDataRole.UserRole) in view.chart.items
    assert window.go_back() and window.nav.currentRow() == start


def test_bad_file_keeps_the_old_data_and_shows_the_error(window: MainWindow, tmp_path: Path) -> None:
    good = tmp_path / "mine.yaml"
    shutil.copy(builtin_briefing_path(), good)
    assert window.source.open(good)
    before = window.briefing
    good.write_text(good.read_text(encoding="utf-8").replace("value: 6261", "value: lots"), encoding="utf-8")
    assert not window.source.reload()
    assert window.briefing is before
    assert window.banner.isVisible()
    assert "mine.yaml:" in window.banner.text.text() and "expected a number" in window.banner.text.text()


def test_file_changed_on_disk_is_reloaded(window: MainWindow, tmp_path: Path, qtbot) -> None:
    path = tmp_path / "watched.yaml"
    shutil.copy(builtin_briefing_path(), path)
    assert window.source.open(path)
    text = path.read_text(encoding="utf-8").replace("zh: 上饶制造强市简报", "zh: 新的标题", 1)
    path.write_text(text, encoding="utf-8")
    qtbot.waitUntil(lambda: window.briefing.title.zh == "新的标题", timeout=10000)


def test_export_through_the_action_writes_a_valid_deck(window: MainWindow, tmp_path: Path, qtbot,
                                                       monkeypatch) -> None:
    target = tmp_path / "from-gui.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "show", lambda self: shown.append(self.text()))
    window.actions_["export_pptx"].trigger()
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)
    assert target.is_file() and shown and str(target) in shown[0]
    from pptx import Presentation

    assert len(Presentation(str(target)).slides) == DECK_SLIDES


def test_failed_export_shows_the_error_and_the_app_goes_on(window: MainWindow, tmp_path: Path, qtbot,
                                                           monkeypatch) -> None:
    target = tmp_path / "missing-folder" / "deck.pptx"
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    window.run_export("pptx", target)
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)
    assert warnings and "does not exist" in warnings[0]
    window.nav.setCurrentRow(2)  # still usable
    assert window.current_panel().key == "theme-2"


def test_presenter_key_navigation(window: MainWindow, qtbot) -> None:
    window.actions_["present"].trigger()
    presenter = window.presenter
    assert presenter is not None
    qtbot.addWidget(presenter)
    assert presenter.index == 0
    qtbot.keyClick(presenter, Qt.Key.Key_Right)
    qtbot.keyClick(presenter, Qt.Key.Key_Space)
    assert presenter.index == 2
    qtbot.keyClick(presenter, Qt.Key.Key_Left)
    assert presenter.index == 1
    qtbot.keyClick(presenter, Qt.Key.Key_End)
    assert presenter.index == presenter.count - 1
    qtbot.keyClick(presenter, Qt.Key.Key_Home)
    qtbot.keyClicks(presenter, "12")
    qtbot.keyClick(presenter, Qt.Key.Key_Return)
    assert presenter.index == 11
    qtbot.keyClick(presenter, Qt.Key.Key_B)
    assert presenter.black
    qtbot.keyClick(presenter, Qt.Key.Key_P)
    presenter.grab()  # paints the presenter view
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    assert not presenter.isVisible()


def test_settings_are_restored_in_a_second_window(window: MainWindow, qtbot) -> None:
    from srbrief.gui.files import BriefingSource

    window.resize(700, 500)  # within the offscreen screen, which restoreGeometry clamps to
    window.nav.setCurrentRow(3)
    window.actions_["language"].trigger()
    window.close()
    second = MainWindow(BriefingSource(None))
    qtbot.addWidget(second)
    assert second.lang == "en"
    assert second.nav.currentRow() == 3
    assert (second.size().width(), second.size().height()) == (700, 500)


def test_screenshot_command(tmp_path: Path) -> None:
    from srbrief.gui.files import BriefingSource
    from srbrief.gui.screenshots import take_screenshots

    win = MainWindow(BriefingSource(None), "en")
    written = take_screenshots(win, tmp_path)
    names = {p.name for p in written}
    assert {"overview-en.png", "theme-1-en.png", "sources-en.png", "timeline-map-en.png", "edit-mode-en.png"} <= names
    assert win.editing.form is not None and win.editing.form.item_id == win.briefing.metrics[0].id
    assert len([n for n in names if n.startswith("slide-")]) == SLIDES["en"]
    win.close()


def test_export_all_charts_as_svg(window: MainWindow, tmp_path: Path, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("SVG", True))
    monkeypatch.setattr(QMessageBox, "show", lambda self: None)
    window.actions_["export_charts"].trigger()
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)
    written = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert written == sorted(f"{c.id}.svg" for c in window.briefing.charts)
    assert "<text" in (tmp_path / written[0]).read_text(encoding="utf-8")


def test_copy_chart_to_clipboard(window: MainWindow, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    window.nav.setCurrentRow(3)  # theme 3: a map and a doughnut (theme 2's figures are all cards)
    window.current_panel().draw_charts()
    window.actions_["copy_chart"].trigger()
    assert not QApplication.clipboard().pixmap().isNull()


def test_card_columns_are_equal_and_no_number_is_cut(window: MainWindow, qtbot) -> None:
    window.actions_["language"].trigger()  # English: the longest units ("person-times")
    window.resize(1100, 800)
    for row in range(len(window.panels)):
        window.nav.setCurrentRow(row)
        qtbot.wait(10)
        cards = window.panels[row].findChildren(KpiCard)
        for card in cards:
            assert card.number.width() >= card.number.sizeHint().width(), card.item.id
        grids: dict[object, list[KpiCard]] = {}
        for card in cards:
            grids.setdefault(card.parentWidget(), []).append(card)
        for grid in grids.values():
            if len(grid) >= 4:  # a full first row: one width for every column
                assert len({card.width() for card in grid[:4]}) == 1


def test_charts_are_laid_out_again_for_a_new_size_once_resizing_stops(window: MainWindow, qtbot) -> None:
    window.resize(1400, 900)
    window.nav.setCurrentRow(1)
    panel = window.current_panel()
    panel.draw_charts()
    qtbot.wait(400)  # the first layout settles: no second drawing for the size it was drawn at
    view = panel.charts[0]
    before = view.layouts
    window.resize(1000, 800)
    qtbot.waitUntil(lambda: view.layouts == before + 1, timeout=5000)
    assert abs(view.drawn_size[0] - view.canvas.width()) < 16
    qtbot.wait(400)
    assert view.layouts == before + 1  # once, not at every step
