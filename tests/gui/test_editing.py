"""Editing in the app: edit, undo, redo, save, reopen; invalid edits refused; unsaved edits asked about and
kept in a recovery file that survives a killed process."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from srbrief.edit import AddItem, Batch, SetField
from srbrief.gui.files import BriefingSource
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.widgets import KpiCard
from srbrief.resources import builtin_briefing_path

RANK = "industrial-revenue-provincial-rank"  # on the overview's cards; the lede and a message refer to it
# A second source document, without a text: a figure changes by citing a clause of it that states the new value
# (the article's clauses state the old values, and a value must be what its clause states).
BULLETIN = {"id": "bulletin-2025", "publication": {"zh": "上饶市统计局", "en": "Shangrao Statistics Bureau"},
            "date": "2026-03-01", "title": {"zh": "2025年统计公报", "en": "2025 Statistical Bulletin"}}
BULLETIN_LINES = ["  - id: bulletin-2025", "    publication: {zh: 上饶市统计局, en: Shangrao Statistics Bureau}",
                  "    date: '2026-03-01'", "    title: {zh: 2025年统计公报, en: 2025 Statistical Bulletin}"]
RANK_CLAUSE = "规上工业营业收入居全省第三"  # the bulletin's clause for rank 3


pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path(), target)
    return target


@pytest.fixture
def editing(window: MainWindow, copy: Path) -> MainWindow:
    assert window.source.open(copy)
    return window


def rank(window: MainWindow) -> float:
    return float(window.briefing.find(RANK).value)


def labels(window: MainWindow) -> str:
    """Return what the overview's cards say (their accessible names: label, number and unit)."""
    return " ".join(card.accessibleName() for card in window.panels[0].findChildren(KpiCard))


def update(window: MainWindow, metric: str, value: object, clause: str, label: str = "") -> list:
    """Change a figure as new statistics would, in one edit: its value, and its source a clause of the bulletin
    stating it (the bulletin added to the sources first, if it is not there yet)."""
    session = window.editing
    doc = session.doc
    commands = [] if any(d.id == BULLETIN["id"] for d in doc.briefing.sources) else \
        [AddItem(("sources",), BULLETIN)]
    commands += [SetField(doc.target(f"metrics.{metric}.source").path, {"doc": BULLETIN["id"], "clause": clause}),
                 SetField(doc.target(f"metrics.{metric}.value").path, value)]
    return session.apply(Batch(tuple(commands), label=label))


def set_rank(window: MainWindow, value: int) -> list:
    assert value == 3, "the bulletin's clause states rank 3"
    return update(window, RANK, value, RANK_CLAUSE, label="rank")


def test_edit_undo_redo_save_and_reopen(editing: MainWindow, copy: Path) -> None:
    window, original = editing, copy.read_text(encoding="utf-8")
    old_clause = window.briefing.find(RANK).source.clause
    assert set_rank(window, 3) == []
    assert rank(window) == 3 and "第3位" in labels(window) and "第2位" not in labels(window)  # the panel follows
    scale = window.briefing.find("overview-scale").message  # and so does the message referring to the rank
    assert "保持全省第三" in scale.zh and "third place" in scale.en and "第二" not in scale.zh
    assert window.briefing.find(RANK).source.doc == "bulletin-2025"
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    undo, redo = window.actions_["undo"], window.actions_["redo"]
    assert undo.isEnabled() and "排名" in undo.text() and not redo.isEnabled()  # named in words, shortened
    assert len(undo.text()) < 60 and "第三" in undo.toolTip() and "2025年统计公报" in undo.toolTip()
    undo.trigger()  # one step: the value, its clause and the new document
    assert rank(window) == 2 and "第2位" in labels(window) and not window.isWindowModified()
    assert window.briefing.find(RANK).source.clause == old_clause and len(window.briefing.sources) == 1
    assert "保持全省第二" in window.briefing.find("overview-scale").message.zh
    assert redo.isEnabled() and "排名" in redo.text()
    redo.trigger()
    assert rank(window) == 3 and window.isWindowModified()
    window.actions_["save"].trigger()
    assert not window.isWindowModified() and not window.actions_["save"].isEnabled()
    lines, saved = original.splitlines(), copy.read_text(encoding="utf-8").splitlines()
    old_line = next(x for x in lines[lines.index(f"      - id: {RANK}"):] if x.startswith("        source: "))
    assert old_clause in old_line  # (with our translation of it: {clause, en})
    changes = [(i, lines[i:i2], saved[j:j2]) for tag, i, i2, j, j2 in
               difflib.SequenceMatcher(None, lines, saved, autojunk=False).get_opcodes() if tag != "equal"]
    assert [(a, b) for _, a, b in changes] == [  # only these lines: the rest of the file is kept as it was
        ([], BULLETIN_LINES),
        (["        value: 2"], ["        value: 3"]),
        ([old_line], [f"        source: {{doc: bulletin-2025, clause: {RANK_CLAUSE}}}"])]
    assert changes[0][0] == lines.index("as_of: '2025-10-11'")  # after the first document
    at = lines.index(f"      - id: {RANK}")
    assert at < changes[1][0] < changes[2][0] < lines.index("      - id: months-at-provincial-second")
    reopened = BriefingSource(copy).briefing
    assert reopened.find(RANK).value == 3 and reopened.find(RANK).source.doc == "bulletin-2025"
    assert undo.isEnabled()  # saving keeps the history


def test_the_search_box_stays_after_edits_and_a_language_switch(editing: MainWindow, qtbot) -> None:
    def shown_after_the_buttons() -> bool:
        last = editing.toolbar.widgetForAction(editing.actions_["language"])
        box = editing.search_box
        return box.isVisible() and box.width() > 100 and box.x() >= last.geometry().right()

    assert shown_after_the_buttons()
    assert set_rank(editing, 3) == []
    editing.toggle_language()
    qtbot.wait(50)
    assert shown_after_the_buttons() and len(editing.toolbar.actions()) == 9  # Back, six buttons, a line, the box


def test_an_invalid_edit_is_refused_and_cannot_be_saved(editing: MainWindow, copy: Path) -> None:
    before = copy.read_bytes()
    session = editing.editing
    problems = session.apply(SetField(session.doc.target("metrics.industrial-revenue-2024.qualifier").path, "rank"))
    # refused for the qualifier (and, reported first, because "rank 6261" is not what its clause states)
    assert any("qualifiers rank and top go with unit rank" in p.message for p in problems)
    assert all(str(p).startswith(f"{copy}:") for p in problems)
    assert not editing.isWindowModified() and not editing.actions_["save"].isEnabled()
    assert not editing.actions_["undo"].isEnabled() and session.state.depth == 0
    assert session.save() and copy.read_bytes() == before


def test_the_built_in_briefing_is_saved_as_a_copy(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "my-copy.yaml"
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]) or str(target), ""))
    builtin = builtin_briefing_path().read_bytes()
    assert set_rank(window, 3) == []
    window.actions_["save"].trigger()
    assert asked and asked[0].endswith("shangrao-manufacturing-2025.yaml") and Path(asked[0]).parent != \
        builtin_briefing_path().parent
    assert builtin_briefing_path().read_bytes() == builtin
    assert window.source.path == target and not window.isWindowModified()
    assert BriefingSource(target).briefing.find(RANK).value == 3


def test_closing_with_unsaved_edits_asks(editing: MainWindow, copy: Path) -> None:
    window = editing
    assert set_rank(window, 3) == []
    window.editing.choose_save = lambda: "cancel"
    assert not window.close() and window.isVisible()
    window.editing.choose_save = lambda: "save"
    assert window.close()
    assert BriefingSource(copy).briefing.find(RANK).value == 3


def test_an_outside_change_with_unsaved_edits_asks(editing: MainWindow, copy: Path, qtbot) -> None:
    window = editing
    assert set_rank(window, 3) == []
    questions: list[str] = []
    window.editing.ask = lambda q: questions.append(q) is not None  # "no": keep my edits
    theirs = copy.read_text(encoding="utf-8").replace("zh: 上饶制造强市简报", "zh: 他们的标题", 1)
    copy.write_text(theirs, encoding="utf-8")
    window.source.reload()
    assert questions and str(copy) in questions[0]
    assert rank(window) == 3 and window.isWindowModified()  # the edits are still shown
    window.editing.ask = lambda q: True
    window.actions_["save"].trigger()  # asks before overwriting their change; "yes"
    assert BriefingSource(copy).briefing.find(RANK).value == 3
    assert "他们的标题" not in copy.read_text(encoding="utf-8")


KILLED_SESSION = """
import os, signal, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication
QCoreApplication.setOrganizationName("srbrief-tests")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication([])
from srbrief.edit import AddItem, Batch, SetField
from srbrief.gui.files import BriefingSource
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.widgets import KpiCard
from srbrief.paths import recovery_dir
window = MainWindow(BriefingSource(Path(sys.argv[1])), "zh")
window.persist_settings = False
doc = window.editing.doc
rank = "metrics.industrial-revenue-provincial-rank"
assert window.editing.apply(Batch((AddItem(("sources",), %r),
                                   SetField(doc.target(rank + ".source").path, {"doc": "bulletin-2025", "clause": %r}),
                                   SetField(doc.target(rank + ".value").path, 3)))) == []
def kill_once_kept():
    if list(recovery_dir().glob("*.json")):
        print("kept", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
timer = QTimer(interval=100)
timer.timeout.connect(kill_once_kept)
timer.start()
QTimer.singleShot(20000, app.quit)
app.exec()
"""


def test_the_recovery_file_restores_edits_after_a_kill(window: MainWindow, copy: Path, tmp_path: Path) -> None:
    original = copy.read_bytes()
    script = KILLED_SESSION % (BULLETIN, RANK_CLAUSE)
    result = subprocess.run([sys.executable, "-c", script, str(copy), str(tmp_path / "settings")],
                            capture_output=True, text=True, timeout=120, env=os.environ.copy())
    assert result.returncode == -9 and "kept" in result.stdout, result.stderr
    assert copy.read_bytes() == original  # nothing was saved
    questions: list[str] = []
    window.editing.ask = lambda q: questions.append(q) is None
    assert window.editing.offer_recovery()
    assert str(copy) in questions[0]
    assert window.source.path == copy and rank(window) == 3 and window.isWindowModified()
    assert window.briefing.find(RANK).source.doc == "bulletin-2025"
    window.actions_["undo"].trigger()  # the restore is an edit like any other
    assert rank(window) == 2 and len(window.briefing.sources) == 1


def test_new_briefing_starts_from_a_valid_skeleton(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    from srbrief.model import load_briefing

    target = tmp_path / "fresh.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_["new"].trigger()
    assert load_briefing(target).id == "new-briefing"
    assert window.source.path == target and window.briefing.title.en == "[Title of the briefing]"
    assert window.editing.edit_mode and window.editing.form is not None
    assert window.editing.form.item_id == "overview"
    assert "# A new briefing" in target.read_text(encoding="utf-8")  # the comments come along


def test_reloading_with_unsaved_edits_asks_first(editing: MainWindow, copy: Path) -> None:
    window = editing
    assert set_rank(window, 3) == []
    window.editing.choose_save = lambda: "cancel"
    window.actions_["reload"].trigger()
    assert rank(window) == 3 and window.isWindowModified()  # stayed
    window.editing.choose_save = lambda: "discard"
    window.actions_["reload"].trigger()
    assert rank(window) == 2 and not window.isWindowModified() and not window.actions_["undo"].isEnabled()
    assert BriefingSource(copy).briefing.find(RANK).value == 2


def test_an_edit_redraws_only_the_charts_whose_data_changed(editing: MainWindow, qtbot, monkeypatch) -> None:
    """After an edit the panels are rebuilt; a chart that does not show the edited figure is not drawn again."""
    import srbrief.charts

    assert editing.editing.apply(AddItem(("sources",), BULLETIN)) == []  # (every chart's source line may change)
    theme = next(i for i, s in enumerate(editing.briefing.sections) if s.id == "theme-3")
    editing.nav.setCurrentRow(theme)
    editing.current_panel().draw_charts()
    drawn: list[str] = []
    real = srbrief.charts.draw_chart
    monkeypatch.setattr(srbrief.charts, "draw_chart", lambda fig, b, chart, *a, **k: (drawn.append(chart.id),
                                                                                       real(fig, b, chart, *a, **k)))
    assert update(editing, "national-5g-factories-2024", 8, "8家企业列入2024年全国5G工厂名录") == []
    qtbot.waitUntil(lambda: all(v.drawn for v in editing.current_panel().charts), timeout=10000)
    assert "t3-new-three" not in drawn  # its figures did not change: its drawing was kept
    assert update(editing, "new-three-exports", 230, "“新三样”产品出口230亿元") == []
    qtbot.waitUntil(lambda: all(v.drawn for v in editing.current_panel().charts), timeout=10000)
    assert "t3-new-three" in drawn  # it shows the edited figure: drawn again
