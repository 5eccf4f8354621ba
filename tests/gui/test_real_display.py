"""What offscreen Qt cannot show: real keyboard focus. The app runs on an Xvfb display in a child process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("tab_out_of_a_field.py")


def test_tab_out_of_the_briefings_title_neither_crashes_nor_leaves_the_form(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb-run is missing: `make setup` installs it (packaging/apt-packages.txt)")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "SRBRIEF_CACHE_DIR": str(tmp_path / "cache"),
           "HOME": str(tmp_path), "PYTHONPATH": str(Path(__file__).parents[2])}
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, str(SCRIPT),
                          str(tmp_path)], env=env, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, f"exit {run.returncode}: {run.stdout[-500:]} {run.stderr[-1500:]}"
    lines = run.stdout.splitlines()
    assert lines[-1] == "alive" and len(lines) == 4
    assert all(line.split(" ", 2)[1] == "@" for line in lines[:3])  # the form stayed on the briefing's info
    title = lines[2].split(" ", 2)[2]
    assert all(f"x{n} " in title for n in range(3)) and "Shangrao" in title  # every round was written
