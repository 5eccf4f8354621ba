"""Qt's file dialog is Chinese throughout in the Chinese UI (Qt 6's words that Qt's catalogue lacks come from our
supplement; our own filters are translated), its columns fit their contents, and the app's dialogs name files
in the UI language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QLabel, QTreeView

from srbrief.gui.mainwindow import MainWindow
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"


def test_the_file_dialog_words_qt_catalogue_lacks_are_chinese(window: MainWindow) -> None:
    assert window.lang == "zh"
    for (context, source), chinese in {("QFileDialog", "&Look in:"): "查找范围(&L)：",
                                       ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
                                       ("QAbstractFileIconProvider", "Folder"): "文件夹"}.items():
        assert QCoreApplication.translate(context, source) == chinese
    assert QCoreApplication.translate("QFileDialog", "&Open") == "打开(&O)"  # Qt's catalogue is still asked
    window.toggle_language()
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
    window.toggle_language()


def test_an_open_file_dialog_reads_chinese_and_fits_its_columns(window: MainWindow, tmp_path: Path, qtbot) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.yaml").write_text("x" * 432, encoding="utf-8")
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.findChildren(QTreeView)[0].setFocus()  # the focus reaches the dialog as when a user clicks in it
        QApplication.processEvents()
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        header = dialog.findChildren(QTreeView)[0].header()
        seen["modes"] = [header.sectionResizeMode(c) for c in range(1, header.count())]
        dialog.reject()

    QTimer.singleShot(300, look)
    QFileDialog.getOpenFileName(window, "t", str(tmp_path), "x (*.yaml)",
                                options=QFileDialog.Option.DontUseNativeDialog)
    assert "查找范围(&L)：" in seen["labels"] and "文件类型(&T)：" in seen["labels"]
    assert not any(label.isascii() for label in seen["labels"]), seen["labels"]
    assert seen["modes"] == [QHeaderView.ResizeMode.ResizeToContents] * 3


@pytest.mark.parametrize("briefing", ["builtin", "six-themes"])
def test_our_file_filters_are_in_the_ui_language(window: MainWindow, tmp_path: Path, monkeypatch,
                                                 briefing: str) -> None:
    copy = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path() if briefing == "builtin" else SIX, copy)
    assert window.source.open(copy)
    filters: list[str] = []

    def dialog(*args: object, **kwargs: object) -> tuple[str, str]:
        filters.append(str(args[3]))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    for lang in ("zh", "en"):
        if window.lang != lang:
            window.toggle_language()
        window.actions_["save_as"].trigger()
        window.actions_["open"].trigger()
        window.actions_["export_pptx"].trigger()
    assert len(filters) == 6
    chinese, english = filters[:3], filters[3:]
    assert chinese[0].startswith("简报文件 (*.yaml") and "所有文件" in chinese[1] and "演示文稿" in chinese[2]
    assert not any("Briefings" in f or "All files" in f for f in chinese)
    assert english[0].startswith("Briefings (*.yaml") and "All files" in english[1]


@pytest.mark.parametrize("briefing", ["builtin", "six-themes"])
def test_section_kinds_are_named_in_the_ui_language(window: MainWindow, tmp_path: Path, briefing: str) -> None:
    copy = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path() if briefing == "builtin" else SIX, copy)
    assert window.source.open(copy)
    window.actions_["edit_mode"].trigger()
    form = window.editing.form
    assert form is not None
    theme = next(s.id for s in window.briefing.sections if s.kind.value == "theme")
    for lang in ("zh", "en"):
        if window.lang != lang:
            window.toggle_language()
            form = window.editing.form
            assert form is not None
        shown = []
        for section in ("overview", theme):
            form.show_item(section)
            shown.append(form.editors[("kind",)].currentText())  # type: ignore[union-attr]
        assert shown[0] != "overview" and shown[1] != "theme", shown
        assert shown[0].startswith("总览" if lang == "zh" else "Overview")
        assert shown[1].startswith("主题" if lang == "zh" else "Theme")


def test_message_boxes_are_titled_by_the_app_not_one_city(window: MainWindow, tmp_path: Path,
                                                          monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    copy = tmp_path / "jiujiang.yaml"
    for name in ("jiujiang.yaml", "jiujiang-s-petrochemical-and-new.txt"):
        shutil.copyfile(SIX.parent / name, tmp_path / name)
    assert window.source.open(copy)
    titles: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, title, *a, **k: (titles.append(title), QMessageBox.StandardButton.No)[1])
    window.editing._ask("?")
    window.toggle_language()
    window.editing._ask("?")
    assert titles == ["srbrief 简报", "srbrief"]


@pytest.mark.parametrize("briefing", ["jiujiang", "six-themes"])
def test_the_english_export_refusal_says_where_each_text_is(window: MainWindow, tmp_path: Path, monkeypatch,
                                                           qtbot, briefing: str) -> None:
    """A text still marked [translate] is listed by its item and field (in the UI language), and the first one
    opens in the edit form, its English field focused."""
    from PySide6.QtWidgets import QMessageBox

    from srbrief.model import load_briefing

    source = SIX.parent / f"{briefing}.yaml"
    for path in SIX.parent.glob("*.txt"):
        shutil.copyfile(path, tmp_path / path.name)
    metric = load_briefing(source).metrics[1]
    text = source.read_text(encoding="utf-8").replace(f"en: {metric.label.en}",
                                                      f"en: '[translate] {metric.label.zh}'")
    assert text != source.read_text(encoding="utf-8")
    copy = tmp_path / f"mine-{briefing}.yaml"
    copy.write_text(text, encoding="utf-8")
    assert window.source.open(copy)
    window.toggle_language()
    assert window.lang == "en"
    said: list[str] = []

    def answer(box: QMessageBox) -> int:
        said.append(box.text())
        box.defaultButton().click()  # "Open the first one in the edit form"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out.pptx"), ""))
    window.actions_["export_pptx"].trigger()
    assert not (tmp_path / "out.pptx").exists()
    assert len(said) == 1 and "1 texts still need" in said[0]
    line = next(line for line in said[0].splitlines() if line.startswith("• "))
    assert line.startswith(f"• {metric.label.zh} · ") and line.endswith(f" · Label: {metric.label.zh}"), line
    form = window.editing.form
    assert window.editing.edit_mode and form is not None and form.item_id == metric.id
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.editors[("label", "en")], timeout=2000)
