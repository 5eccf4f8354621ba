"""What every benchmark shares: the app's command as a user runs it, and timing a command in a fresh process."""

from __future__ import annotations

import compileall
import shutil
import subprocess
import sys
import time
from pathlib import Path

import srbrief

# The console script pip installed beside this interpreter (bin/ or Scripts\\): what a user types, without
# `python -m` (runpy); `python -m srbrief` where there is none.
_SCRIPT = shutil.which("srbrief", path=str(Path(sys.executable).parent))
SRBRIEF = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "srbrief"]
METHOD = ("start-up: from starting the process to its srbrief-mark line (monotonic clock), shutdown not "
          "counted; srbrief's bytecode compiled first; the installed console script")

# The floor of the start-up figures: a bare PySide6 window, marking its first paint as `gui --exit-after` does.
BARE_WINDOW = """
import time
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1400, 900)
window.show()
app.processEvents()  # the first paint
print(f"srbrief-mark paint {time.monotonic():.6f}", flush=True)
"""


def compile_sources() -> None:
    """Write srbrief's bytecode, as an installed copy has it.

    An editable checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every
    start and charge that to the app: about 30 ms that no installed copy (wheel or bundle) ever pays.
    """
    if not compileall.compile_dir(Path(srbrief.__file__).parent, quiet=1):
        raise SystemExit("could not compile srbrief's modules (see above)")


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    """Return the wall-clock seconds *command* takes (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def until_mark(command: list[str], env: dict[str, str] | None = None) -> float:
    """Return the seconds from starting *command* to the moment it marks (`srbrief-mark NAME T`).

    Both clocks are the system-wide monotonic clock, so what the process does after the mark (the
    interpreter's shutdown) is not counted.
    """
    start = time.monotonic()
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    marks = [line.split() for line in out.splitlines() if line.startswith("srbrief-mark ")]
    if not marks:
        raise RuntimeError(f"{command}: no srbrief-mark line in its output")
    return float(marks[-1][2]) - start
