"""Never unclear which data is shown: the title names the file (the built-in sample as read-only), the app
starts with the file open last time, and an export while the file on disk fails to load says what it uses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from srbrief.edit import SetField
from srbrief.gui.files import BriefingSource, open_at_start
from srbrief.gui.mainwindow import MainWindow
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"


@pytest.fixture(params=["builtin", "six-themes"])
def copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / f"mine-{request.param}.yaml"
    shutil.copyfile(builtin_briefing_path() if request.param == "builtin" else SIX, target)
    return target


def test_the_title_names_the_file_and_the_builtin_sample(window: MainWindow, copy: Path) -> None:
    assert window.windowTitle().startswith("内置示例（只读）[*] — ")
    window.actions_["language"].trigger()
    assert window.windowTitle().startswith("built-in sample (read-only)[*] — ")
    assert window.source.open(copy)
    assert window.windowTitle().startswith(f"{copy.name}[*] — {window.briefing.title.en}")
    window.actions_["builtin_sample"].trigger()  # File → the built-in sample, when asked
    assert window.source.path is None and window.windowTitle().startswith("built-in sample (read-only)")


def test_editing_the_builtin_sample_leads_to_save_as(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    session = window.editing
    metric = window.briefing.metrics[0]
    asked: list[str] = []

    def save_as_dialog(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(tmp_path / "my-copy.yaml"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as_dialog)
    assert session.apply(SetField(session.doc.target(f"metrics.{metric.id}.label.en").path, "My label")) == []
    assert session.state.read_only and window.isWindowModified()
    assert session.save()  # Ctrl+S on the read-only sample asks where to save the copy
    assert asked and (tmp_path / "my-copy.yaml").is_file()
    assert builtin_briefing_path().read_text(encoding="utf-8").count("My label") == 0
    assert window.source.path == tmp_path / "my-copy.yaml" and window.windowTitle().startswith("my-copy.yaml")
    assert window.actions_["save_as"].shortcut().toString() == "Ctrl+Shift+S"
    assert window.actions_["export_charts"].shortcut().toString() != "Ctrl+Shift+S"


def test_start_reopens_the_last_file_unless_the_builtin_is_asked_for(copy: Path, tmp_path: Path) -> None:
    settings = QSettings()
    source, failed = open_at_start(None, False, settings)
    assert source.path is None and failed is None  # no last file: the built-in sample
    settings.setValue("recent", [str(copy)])
    source, failed = open_at_start(None, False, settings)
    assert source.path == copy and failed is None and source.briefing.id == BriefingSource(copy).briefing.id
    source, failed = open_at_start(None, True, settings)  # srbrief gui --builtin
    assert source.path is None and failed is None
    other = tmp_path / "other.yaml"
    shutil.copyfile(SIX, other)
    source, _ = open_at_start(other, False, settings)  # a file given wins
    assert source.path == other
    settings.setValue("recent", [str(tmp_path / "gone.yaml")])
    source, failed = open_at_start(None, False, settings)  # the last file was deleted: the built-in sample
    assert source.path is None and failed is None


def test_a_last_file_that_no_longer_loads_shows_the_builtin_and_says_why(copy: Path, qtbot) -> None:
    settings = QSettings()
    settings.setValue("recent", [str(copy)])
    copy.write_text(copy.read_text(encoding="utf-8").replace("sections:", "sectionz:", 1), encoding="utf-8")
    source, failed = open_at_start(None, False, settings)
    assert source.path is None and failed == copy
    window = MainWindow(source, "en")
    qtbot.addWidget(window)
    assert not source.open(failed)  # what the app does once the window is there
    assert window.banner.isVisibleTo(window) and copy.name in window.banner.text.text()
    assert window.windowTitle().startswith("built-in sample (read-only)")


def test_export_while_the_file_fails_to_load_asks_and_says_it_uses_the_last_good_data(
        window: MainWindow, copy: Path, tmp_path: Path, qtbot, monkeypatch) -> None:
    assert window.source.open(copy)
    good = window.briefing
    copy.write_text(copy.read_text(encoding="utf-8").replace("sections:", "sectionz:", 1), encoding="utf-8")
    assert not window.source.reload() and window.source.stale and window.briefing is good
    questions: list[str] = []
    answer = [False]

    def ask(question: str) -> bool:
        questions.append(question)
        return answer[0]

    window.editing.ask = ask
    target = tmp_path / "deck.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "show", lambda self: shown.append(self.text()))
    window.actions_["export_pptx"].trigger()  # refused: nothing written
    assert len(questions) == 1 and copy.name in questions[0]
    assert "导出将使用上次成功载入的数据" in questions[0] and not window.jobs and not target.exists()
    answer[0] = True
    window.actions_["export_pptx"].trigger()
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)
    assert target.is_file() and shown and "上次成功载入的数据" in shown[0]
    copy.write_text(copy.read_text(encoding="utf-8").replace("sectionz:", "sections:", 1), encoding="utf-8")
    assert window.source.reload() and not window.source.stale  # loads again: no more question
    questions.clear()
    window.actions_["export_pptx"].trigger()
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)
    assert questions == []


def test_the_export_is_offered_under_the_open_files_name(window: MainWindow, copy: Path, monkeypatch) -> None:
    """The tester's own file exported as shangrao-manufacturing-2025-zh.pptx (the built-in's id): the name
    offered is the open file's; the built-in sample's is its id."""
    offered: list[str] = []

    def ask(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(Path(start).name)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    mine = copy.with_name("我的简报.yaml")
    shutil.copyfile(copy, mine)
    for path, expected in ((mine, "我的简报-zh.pptx"), (None, f"{window.briefing.id}-zh.pptx")):
        assert window.source.open(path)
        window.actions_["export_pptx"].trigger()
        assert offered[-1] == expected


def test_a_file_open_in_another_window_says_so_in_the_title(window, tmp_path) -> None:
    """The third tester opened one file in two windows without a word: both would save over each other (the save
    refuses a file changed on disk, so nothing is lost). The other window's mark lives in srbrief's cache folder,
    never beside her file, and goes with that window."""
    import shutil
    import subprocess
    import sys
    import textwrap

    from srbrief.resources import builtin_briefing_path

    copy = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path(), copy)
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from srbrief.gui.files import BriefingSource
        source = BriefingSource()
        assert source.open(__import__("pathlib").Path({str(copy)!r}))
        print("open", flush=True)
        sys.stdin.readline()
    """)
    with subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as other:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        assert window.source.open(copy)
        assert window.source.open_elsewhere and "另一个窗口也打开了此文件" in window.windowTitle()
        assert list(copy.parent.iterdir()) == [copy]  # nothing written beside her file
        other.communicate("\n", timeout=60)
    assert window.source.open(None) and window.source.open(copy)  # the other window is gone: no word
    assert not window.source.open_elsewhere and "另一个窗口" not in window.windowTitle()
