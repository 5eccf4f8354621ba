"""A non-editable install from a wheel finds its resources: export works from outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_install_exports_from_another_directory(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(wheels.glob("srbrief-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for resource in ("srbrief/resources/briefings/shangrao-manufacturing-2025.yaml",
                     "srbrief/resources/briefings/sources/shangrao-daily-2025-10-11.txt",
                     "srbrief/resources/fonts/SRBriefSansSC-Regular.ttf", "srbrief/resources/fonts/OFL.txt",
                     "srbrief/resources/schema/srbrief-1.schema.json", "srbrief/resources/icons/srbrief.svg"):
        assert resource in names
    venv = tmp_path / "venv"
    # a fresh environment of its own; its packages come from pip's cache or the registry, not from this checkout
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True,
                   timeout=900)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    where = subprocess.run([str(python), "-c", "import srbrief, sys; print(srbrief.__file__)"], cwd=elsewhere,
                           capture_output=True, text=True, check=True, env=env).stdout
    assert str(venv) in where and str(REPO / "src") not in where, where
    result = subprocess.run([str(venv / "bin" / "srbrief"), "export", "-o", "x.pptx"], cwd=elsewhere,
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "x.pptx").stat().st_size > 100_000
    # the built-in briefing's clauses are checked against the article shipped with it
    result = subprocess.run([str(venv / "bin" / "srbrief"), "validate"], cwd=elsewhere, capture_output=True,
                            text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
