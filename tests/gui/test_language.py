"""The Chinese UI is Chinese throughout: Qt's own dialog buttons (its catalogue loaded), validation messages (our
catalogue), and the catalogue's coverage of the messages validation writes."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.problemtext import CATALOGUE, coverage, translate
from srbrief.resources import builtin_briefing_path

REPO = Path(__file__).parents[2]
BUTTONS = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel


def button_texts(box: QMessageBox) -> list[str]:
    return [b.text().replace("&", "") for b in box.buttons()]


def test_message_box_buttons_follow_the_ui_language(window: MainWindow) -> None:
    assert window.lang == "zh"
    box = QMessageBox(QMessageBox.Icon.Question, "srbrief", "?", BUTTONS, window)
    texts = button_texts(box)
    assert any("保存" in t for t in texts) and any("取消" in t for t in texts), texts
    assert not any(t in ("Save", "Cancel", "Discard") for t in texts)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
    assert {b.text().replace("&", "") for b in buttons.buttons()} != {"Yes", "No"}
    window.toggle_language()
    english = button_texts(QMessageBox(QMessageBox.Icon.Question, "srbrief", "?", BUTTONS, window))
    assert "Save" in english and "Cancel" in english
    window.toggle_language()
    assert any("保存" in t for t in button_texts(QMessageBox(QMessageBox.Icon.Question, "s", "?", BUTTONS, window)))


def test_a_refused_edit_is_explained_in_chinese_then_in_english(window: MainWindow, tmp_path: Path) -> None:
    copy = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path(), copy)
    assert window.source.open(copy)
    window.actions_["edit_mode"].trigger()
    form = window.editing.form
    assert form is not None
    window.show_source("industrial-revenue-2024")
    editor = form.editors[("value",)]
    editor.setText("6300")  # type: ignore[union-attr]
    editor.editingFinished.emit()  # type: ignore[union-attr]
    error = form.errors[("value",)].text()
    assert error.startswith("数值 6300亿元 不是其原文语句所写的数") and "clause" not in error
    form.discard_waiting.click()
    window.toggle_language()
    editor = form.editors[("value",)]
    editor.setText("6300")  # type: ignore[union-attr]
    editor.editingFinished.emit()  # type: ignore[union-attr]
    assert form.errors[("value",)].text().startswith("the value 6300亿元 is not what its clause states")


def validation_messages() -> list[str]:
    """Return the fixed English of every message validation writes (the string literals that start a problem
    message in the model), with their variable parts as they read in a real message."""
    import re

    def text_of(message: ast.expr) -> str | None:
        if not isinstance(message, ast.JoinedStr) and not (isinstance(message, ast.Constant)
                                                           and isinstance(message.value, str)):
            return None
        parts = message.values if isinstance(message, ast.JoinedStr) else [message]
        return re.sub(r"\s+", " ", "".join(str(v.value) if isinstance(v, ast.Constant) else "2" for v in parts))

    found: list[str] = []
    for path in sorted((REPO / "src" / "srbrief" / "model").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("at", "problem") and node.args:
                found.append(text_of(node.args[-1]) or "")
            if isinstance(node, ast.FunctionDef) and ("problem" in node.name or "constraints" in node.name):
                found += [text_of(r.value) or "" for r in ast.walk(node) if isinstance(r, ast.Return) and r.value]
    return [m for m in found if m]


def test_the_catalogue_covers_the_messages_validation_writes() -> None:
    messages = validation_messages()
    done, total = coverage(messages)
    missing = [m for m in set(messages) if translate(m, "zh") == m]
    assert total >= 50 and done == total, (done, total, missing)  # measured: 59 of 59
    assert len(CATALOGUE) >= 50
    assert translate("must not be empty", "en") == "must not be empty"  # English stays as written


def test_the_bundle_keeps_qts_chinese() -> None:
    spec = (REPO / "packaging" / "pyinstaller" / "srbrief.spec").read_text(encoding="utf-8")
    tree = ast.parse(spec)
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_unused_qt")
    scope: dict[str, object] = {}
    exec(compile(ast.Module([function], []), "srbrief.spec", "exec"), scope)
    unused = scope["_unused_qt"]
    assert callable(unused)
    assert not unused("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert unused("PySide6/Qt/translations/qtbase_de.qm") and unused("PySide6/Qt/translations/qt_help_zh_CN.qm")


def test_the_form_in_english_names_choices_units_and_kinds(window: MainWindow, tmp_path: Path) -> None:
    from srbrief.gui.adddialogs import add_menu
    from srbrief.gui.formfields import ChoiceField

    copy = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path(), copy)
    assert window.source.open(copy)
    window.toggle_language()
    window.actions_["edit_mode"].trigger()
    form = window.editing.form
    assert form is not None
    window.show_source("industrial-revenue-2024")
    unit, qualifier = form.editors[("unit",)], form.editors[("qualifier",)]
    assert isinstance(unit, ChoiceField) and unit.currentText() == "CNY 100 mn (亿元)"
    assert isinstance(qualifier, ChoiceField) and qualifier.currentText() == "exact"
    assert [qualifier.itemText(i) for i in range(qualifier.count())][1:3] == ["exact", "more than"]
    entries = [a.text() for a in add_menu(form).actions()]
    assert entries[:3] == ["Add figure", "Add fact", "Add point"] and len(entries) == 9
    assert form.chooser.currentText().strip().startswith("Revenue of industrial enterprises")
    window.toggle_language()
    assert [a.text() for a in add_menu(form).actions()][:2] == ["添加数字", "添加事实"]
