"""The frozen app (PyInstaller onedir): built by `make bundle`, then used like a user would, offscreen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from tests.deck_size import DECK_SLIDES

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "dist" / "srbrief"
EXECUTABLE = BUNDLE / "srbrief"


@pytest.fixture(scope="module")
def frozen() -> Path:
    """Return the bundle's executable, building it first when it is missing or older than the sources."""
    sources = [p.stat().st_mtime for p in (REPO / "src").rglob("*.py")]
    sources += [p.stat().st_mtime for p in (REPO / "resources").rglob("*") if p.is_file()]
    if not EXECUTABLE.exists() or EXECUTABLE.stat().st_mtime < max(sources):
        result = subprocess.run(["make", "bundle"], cwd=REPO, capture_output=True, text=True, timeout=1800)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return EXECUTABLE


def _env(tmp_path: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return {**keep, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"}


@pytest.mark.slow
def test_bundle_size(frozen: Path) -> None:
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= 200 * 2**20, f"the bundle is {size / 2**20:.0f} MiB"


@pytest.mark.slow
def test_frozen_export_writes_a_valid_deck(frozen: Path, tmp_path: Path) -> None:
    target = tmp_path / "frozen.pptx"
    result = subprocess.run([str(frozen), "export", "-o", str(target), "--lang", "en"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300, env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(Presentation(str(target)).slides) == DECK_SLIDES
    audit = Path(sys.executable).with_name("openxml-audit")
    report = subprocess.run([str(audit), "-o", "json", str(target)], capture_output=True, text=True, timeout=300)
    assert json.loads(report.stdout)[0]["error_count"] == 0


@pytest.mark.slow
def test_frozen_gui_draws_its_charts_offscreen(frozen: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(frozen), "gui", "--exit-after", "charts"], capture_output=True, text=True,
                            timeout=300, env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cache" / "srbrief" / "matplotlib").is_dir()  # a persistent font cache, not a temp one


@pytest.mark.slow
def test_frozen_pdf_and_validate(frozen: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    pdf = subprocess.run([str(frozen), "export", "-o", str(tmp_path / "h.pdf")], capture_output=True, text=True,
                         timeout=300, env=env)
    assert pdf.returncode == 0, pdf.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: srbrief/1\nid: 5\n", encoding="utf-8")
    result = subprocess.run([str(frozen), "validate", str(bad)], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 2 and "bad.yaml:2:" in result.stderr and "Traceback" not in result.stderr
