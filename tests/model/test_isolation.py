"""The model is Qt-, matplotlib- and pptx-free: it imports with those modules blocked."""

from __future__ import annotations

import subprocess
import sys

BLOCKER = """
import importlib.abc, sys
BLOCKED = ("PySide6", "shiboken6", "matplotlib", "pptx", "PyQt5", "PyQt6")
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"blocked: {name}")
        return None
sys.meta_path.insert(0, Block())
"""


def run_blocked(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BLOCKER + code], capture_output=True, text=True, timeout=60)


def test_blocker_works() -> None:
    assert run_blocked("import matplotlib").returncode != 0


def test_model_imports_and_loads_with_gui_libraries_blocked() -> None:
    result = run_blocked(
        "import srbrief.model, srbrief.model.schema\n"
        "from srbrief.resources import builtin_briefing_path\n"
        "b = srbrief.model.load_briefing(builtin_briefing_path())\n"
        "srbrief.model.schema.json_schema()\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in BLOCKED]\n"
        "assert not bad, bad\n"
        "print(len(b.metrics))\n"
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0


def test_cli_validate_and_facts_with_gui_libraries_blocked() -> None:
    result = run_blocked("from srbrief.cli import main\nassert main(['validate']) == 0\n"
                         "assert main(['facts', '--format', 'json']) == 0\n")
    assert result.returncode == 0, result.stderr


QT_BLOCKER = BLOCKER.replace('BLOCKED = ("PySide6", "shiboken6", "matplotlib", "pptx", "PyQt5", "PyQt6")',
                             'BLOCKED = ("PySide6", "shiboken6", "PyQt5", "PyQt6")')


def test_commands_without_qt_validate_facts_schema_and_pptx_export(tmp_path: object) -> None:
    """With PySide6 gone from the environment, every command but the app and the PDF still works."""
    assert QT_BLOCKER != BLOCKER
    code = QT_BLOCKER + (
        "from srbrief.cli import main\n"
        "assert main(['validate']) == 0\n"
        "assert main(['facts', '--format', 'json']) == 0\n"
        f"assert main(['schema', '-o', r'{tmp_path}/schema.json']) == 0\n"
        f"assert main(['export', '-o', r'{tmp_path}/deck.pptx']) == 0\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in BLOCKED]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
