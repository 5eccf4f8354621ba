"""Start-up: what the app loads before its first paint, and the briefing validated while Qt starts (in a forked
process where that is safe, in a thread elsewhere) is the one the loader makes of the file, every start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from srbrief.gui.preload import Preload
from srbrief.model import BriefingError, load_briefing
from srbrief.resources import builtin_briefing_path
from tests.model.test_declared_units import DECLARED

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"

# Loaded after the first paint, on first use (or only by other commands): none of them may slow the window's start.
NOT_BEFORE_THE_FIRST_PAINT = [
    "yaml", "srbrief.model.loader", "srbrief.model.yamltree", "srbrief.model.truth",  # the load: another process
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
    if sys.platform == "linux":  # the briefing was loaded in the forked process: not even its loader is here
        assert sorted(set(NOT_BEFORE_THE_FIRST_PAINT) & loaded) == []
    else:
        assert sorted(set(NOT_BEFORE_THE_FIRST_PAINT[4:]) & loaded) == []


PRELOAD = """
import json, os, signal, sys
from pathlib import Path
from srbrief.gui.preload import Preload
preload = Preload()
forked = preload.child is not None
if len(sys.argv) > 2:  # the loading process is killed (and gone: a zombie) before it is told the file
    import time
    os.kill(preload.child[0], signal.SIGKILL)
    for _ in range(500):
        if Path(f"/proc/{preload.child[0]}/stat").read_text().split(")")[-1].split()[0] == "Z":
            break
        time.sleep(0.01)
preload.start(None if sys.argv[1] == "builtin" else Path(sys.argv[1]))
briefing = preload.result()
before = "srbrief.model.loader" in sys.modules
from srbrief.model import load_briefing
from srbrief.model.units import unit_of
from srbrief.resources import builtin_briefing_path
if briefing is None:
    print(json.dumps({"forked": forked, "briefing": None, "loader_here": before}))
    sys.exit(0)
same = briefing == load_briefing(Path(sys.argv[1]) if sys.argv[1] != "builtin" else builtin_briefing_path())
units = {u.code: unit_of(u.code).zh for u in briefing.units}
print(json.dumps({"forked": forked, "same": same, "title": briefing.title.en, "units": units, "loader_here": before,
                  "metrics": len(briefing.metrics)}))
"""


def _preload_in_a_fresh_process(tmp_path: Path, which: str, *more: str) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", PRELOAD, which, *more], capture_output=True, text=True,
                            env=_env(tmp_path), timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.skipif(sys.platform != "linux", reason="the app forks its loading process on Linux only")
@pytest.mark.parametrize("which", ["builtin", "six-themes", "declared-units"])
def test_the_forked_load_is_what_the_loader_makes_of_the_file(tmp_path: Path, which: str) -> None:
    path = {"builtin": "builtin", "six-themes": str(SIX)}.get(which)
    if path is None:
        declared = tmp_path / "declared.yaml"
        declared.write_text(DECLARED, encoding="utf-8")
        path = str(declared)
    got = _preload_in_a_fresh_process(tmp_path, path)
    expected = load_briefing(builtin_briefing_path() if path == "builtin" else Path(path))
    assert got["forked"] is True and got["loader_here"] is False  # loaded and validated in the other process
    assert got["same"] is True and got["title"] == expected.title.en and got["metrics"] == len(expected.metrics)
    assert got["units"] == ({"ship-calls": "艘次"} if which == "declared-units" else {})  # known here too


@pytest.mark.skipif(sys.platform != "linux", reason="the app forks its loading process on Linux only")
def test_a_file_that_fails_in_the_forked_load_is_loaded_again_here(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(SIX.read_text(encoding="utf-8").replace("schema: srbrief/1", "schema: srbrief/9"),
                      encoding="utf-8")
    got = _preload_in_a_fresh_process(tmp_path, str(broken))
    assert got == {"forked": True, "briefing": None, "loader_here": False}  # the GUI thread loads it and says why
    with pytest.raises(BriefingError, match="unsupported schema"):
        load_briefing(broken)


@pytest.mark.skipif(sys.platform != "linux", reason="the app forks its loading process on Linux only")
def test_a_loading_process_that_is_gone_before_it_is_told_leaves_the_load_to_a_thread(tmp_path: Path) -> None:
    got = _preload_in_a_fresh_process(tmp_path, str(SIX), "kill")
    assert got["forked"] is True and got["same"] is True  # loaded all the same, by the thread
    assert got["loader_here"] is True
    assert got["title"] == load_briefing(SIX).title.en


@pytest.mark.parametrize("path", [None, SIX])
def test_with_qt_loaded_a_thread_loads_it(path: Path | None) -> None:
    preload = Preload()  # this test process has loaded Qt: forking it would not be safe
    assert preload.child is None
    preload.start(path)
    assert preload.thread is not None
    assert preload.result() == load_briefing(path or builtin_briefing_path())


@pytest.mark.parametrize("fork", [False, True])
def test_a_briefing_the_command_line_validated_is_not_loaded_again(tmp_path: Path, fork: bool) -> None:
    script = textwrap.dedent(f"""
        import sys
        from srbrief.gui.preload import Preload
        from srbrief.model import load_briefing
        from srbrief.resources import builtin_briefing_path
        given = load_briefing(builtin_briefing_path())
        preload = Preload(fork={fork})  # the app does not fork then; a loading process told so stops
        preload.start(builtin_briefing_path(), given)
        assert preload.child is None and preload.thread is None and preload.result() is given
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=_env(tmp_path),
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
