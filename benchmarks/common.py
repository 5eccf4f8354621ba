"""What every benchmark shares: timing a command in a fresh process."""

from __future__ import annotations

import subprocess
import time


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    """Return the wall-clock seconds *command* takes (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start
