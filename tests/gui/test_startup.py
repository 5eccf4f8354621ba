"""Start-up: what the app loads before its first paint, and the briefing validated in a thread while Qt starts is
the one the loader makes of the file, every start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from srbrief.gui.preload import Preload
from srbrief.model import BriefingError, load_briefing
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"

# Loaded after the first paint, on first use (or only by other commands): none of them may slow the window's start.
NOT_BEFORE_THE_FIRST_PAINT = [
    "srbrief.deck.plan", "srbrief.deck.layout", "srbrief.deck.boxes", "pptx", "matplotlib", "numpy",
    "srbrief.edit.document", "srbrief.gui.editform", "srbrief.gui.presenter", "srbrief.gui.workers",
    "hashlib", "difflib",
]

MODULES_AT_PAINT = """
import json, os, sys
import srbrief.gui.app as app

def _mark(moment):
    print(json.dumps(sorted(sys.modules)), flush=True)
    os._exit(0)

app._mark = _mark
from srbrief.cli import main
sys.exit(main(["gui", "--exit-after", "paint"]))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "SRBRIEF_CACHE_DIR": str(tmp_path / "cache")}


def test_the_window_paints_before_the_loader_the_deck_plan_and_edit_mode_load(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", MODULES_AT_PAINT], capture_output=True, text=True,
                            env=_env(tmp_path), timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "srbrief.gui.mainwindow" in loaded and "srbrief.model.types" in loaded  # it did paint the window
    assert sorted(set(NOT_BEFORE_THE_FIRST_PAINT) & loaded) == []


@pytest.mark.parametrize("path", [None, SIX])
def test_a_thread_loads_it_as_the_loader_does(path: Path | None) -> None:
    preload = Preload()
    preload.start(path)
    assert preload.thread is not None
    assert preload.result() == load_briefing(path or builtin_briefing_path())


def test_a_file_that_fails_in_the_thread_is_left_to_the_window_which_says_why(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(SIX.read_text(encoding="utf-8").replace("schema: srbrief/1", "schema: srbrief/9"),
                      encoding="utf-8")
    preload = Preload()
    preload.start(broken)
    assert preload.result() is None
    with pytest.raises(BriefingError, match="unsupported schema"):
        load_briefing(broken)


def test_a_briefing_the_command_line_validated_is_not_loaded_again() -> None:
    given = load_briefing(builtin_briefing_path())
    preload = Preload()
    preload.start(builtin_briefing_path(), given)
    assert preload.thread is None and preload.result() is given
