"""Run by tests/gui/test_real_display.py on a real X display (Xvfb): type into the briefing's English title and
press Tab, three times. The tester's app crashed there (a segfault in Qt): leaving the field wrote the title,
the form was rebuilt and deleted the field that was still handling its focus-out."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication([])

from srbrief.gui.files import BriefingSource  # noqa: E402 (after the QApplication)
from srbrief.gui.mainwindow import MainWindow  # noqa: E402
from srbrief.gui.qtfonts import register_fonts  # noqa: E402
from srbrief.resources import builtin_briefing_path  # noqa: E402

register_fonts()
copy = Path(sys.argv[1]) / "brief.yaml"
shutil.copyfile(builtin_briefing_path(), copy)
window = MainWindow(BriefingSource(copy), "zh")
window.editing.choose_save = lambda: "discard"
window.show()
window.activateWindow()
QTest.qWaitForWindowExposed(window)
window.actions_["edit_mode"].trigger()
form = window.editing.form
assert form is not None
form.show_item("@")
for round_ in range(3):
    field = form.editors[("title", "en")]
    field.setFocus()
    QTest.qWait(50)
    QTest.keyClicks(QApplication.focusWidget(), f"x{round_} ")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QTest.qWait(300)
    print(round_, form.item_id, window.briefing.title.en, flush=True)
print("alive")
