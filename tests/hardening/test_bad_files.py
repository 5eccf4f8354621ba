"""A corpus of bad briefing files, as a tired colleague or an attacker would write them.

For `validate` and `export`, each must end in exit 2 (or a clean success where accepting is right), one line
naming the file and line, no traceback, no output file, within 5 s, and nothing executed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from srbrief.resources import builtin_briefing_path

BUILTIN = builtin_briefing_path().read_text(encoding="utf-8")
MARKER = "srbrief-hardening-executed"


def _replace(old: str, new: str, count: int = 1) -> Callable[[Path], bytes]:
    def make(_: Path) -> bytes:
        assert old in BUILTIN, old
        return BUILTIN.replace(old, new, count).encode("utf-8")
    return make


def _python_tag(tmp: Path) -> bytes:
    return BUILTIN.replace("id: shangrao-manufacturing-2025",
                           f"id: !!python/object/apply:os.system ['touch {tmp / MARKER}']", 1).encode()


def _python_name(tmp: Path) -> bytes:
    return BUILTIN.replace("as_of: '2025-10-11'", "as_of: !!python/name:os.system", 1).encode()


def _alias_bomb(_: Path) -> bytes:
    lines = ["schema: srbrief/1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


CORPUS: dict[str, Callable[[Path], bytes]] = {
    "syntax-error": _replace("  - id: overview\n", "  - id: overview: [\n"),
    "truncated": lambda _: BUILTIN.encode()[: len(BUILTIN.encode()) // 2],
    "wrong-type": _replace("value: 6261", "value: '6261亿元'"),
    "missing-field": _replace("        value: 6261\n", ""),
    "unknown-field": _replace("qualifier: more_than", "qualifer: more_than"),
    "dangling-chart-reference": _replace("items: [industrial-revenue-2024,", "items: [industrial-revenue-2042,"),
    "duplicate-id": _replace("id: months-at-provincial-second", "id: industrial-revenue-2024"),
    "duplicate-key": _replace("        value: 6261\n", "        value: 6261\n        value: 6262\n"),
    "nan": _replace("value: 6261", "value: .nan"),
    "infinite": _replace("value: 6261", "value: -.inf"),
    "missing-translation": _replace("      en: Building the Backbone of a Manufacturing Powerhouse\n", ""),
    "python-object-tag": _python_tag,
    "python-name-tag": _python_name,
    "alias-bomb": _alias_bomb,
    "deep-nesting": lambda _: b"schema: srbrief/1\nid: " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "binary-garbage": lambda _: bytes(range(256)) * 64,
    "utf16": lambda _: BUILTIN.encode("utf-16"),
    "empty": lambda _: b"",
    "not-a-mapping": lambda _: b"- schema: srbrief/1\n- id: x\n",
    "wrong-schema": _replace("schema: srbrief/1", "schema: srbrief/2"),
    "huge": lambda _: b"schema: srbrief/1\n# " + b"x" * (6 * 2**20) + b"\n",
    "place-without-location": _replace("    location: {lat: 29.87, lon: 121.55}\n", ""),
}
ACCEPTED: dict[str, Callable[[Path], bytes]] = {
    "utf8-bom": lambda _: b"\xef\xbb\xbf" + BUILTIN.encode(),
    "crlf-line-ends": lambda _: BUILTIN.replace("\n", "\r\n").encode(),
    "unquoted-dates": _replace("as_of: '2025-10-11'", "as_of: 2025-10-11"),
}


def run(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "SRBRIEF_CACHE_DIR": str(cwd / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "srbrief", *args], capture_output=True, text=True, cwd=cwd,
                            env=env, timeout=60)
    return result, time.perf_counter() - start


def test_corpus_is_big_enough() -> None:
    assert len(CORPUS) >= 12


@pytest.mark.parametrize("command", ["validate", "export"])
@pytest.mark.parametrize("kind", sorted(CORPUS))
def test_bad_file_is_refused_cleanly(tmp_path: Path, kind: str, command: str) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_bytes(CORPUS[kind](tmp_path))
    output = tmp_path / "out.pptx"
    args = [command, str(path)] + (["-o", str(output)] if command == "export" else [])
    result, seconds = run(args, tmp_path)
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    lines = result.stderr.strip().splitlines()
    assert lines and "Traceback" not in result.stderr
    assert lines[0].startswith(f"{path}:") and lines[0].split(":")[1].isdigit(), lines[0]
    assert all(len(line) < 400 for line in lines)
    assert seconds < 5, f"{kind}: {seconds:.1f} s"
    assert not output.exists() and not list(tmp_path.glob(".out.pptx.*"))
    assert not (tmp_path / MARKER).exists(), "a YAML tag ran code"


@pytest.mark.parametrize("kind", sorted(ACCEPTED))
def test_unusual_but_valid_files_are_accepted(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_bytes(ACCEPTED[kind](tmp_path))
    result, _ = run(["validate", str(path)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "52 metrics" in result.stdout
