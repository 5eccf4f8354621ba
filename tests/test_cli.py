"""The command line: exit codes, one-line errors, facts output, the log file of internal errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from srbrief import __version__, cli
from srbrief.cli import main


@pytest.fixture
def mini_file(tmp_path: Path, minimal_yaml: str) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(minimal_yaml, encoding="utf-8")
    return path


def test_validate_ok(mini_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(mini_file)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith(f"{mini_file}: ok: 2 sections, 2 metrics, 1 facts")


def test_validate_with_source_text(mini_file: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                   article_text: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(article_text, encoding="utf-8")
    assert main(["validate", str(mini_file), "--source-text", str(article)]) == 0
    assert "every source clause found" in capsys.readouterr().out


def test_validate_unreadable_source_text(mini_file: Path, capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    assert main(["validate", str(mini_file), "--source-text", str(tmp_path / "none.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "none.txt: cannot read the article text" in err[0]


def test_facts_json(mini_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(mini_file), "--format", "json", "--lang", "en"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == ["revenue", "suppliers"]
    first = records[0]
    assert first["value"] == 6261 and isinstance(first["value"], int)
    assert first["section"] == "overview" and first["label"] == "Industrial revenue"
    assert first["unit"] == "yi-yuan" and first["qualifier"] == "exact"
    assert first["source"] == "2024年规上工业营业收入达6261亿元"
    assert records[1]["qualifier"] == "more_than" and records[1]["display"] == "over\u00a0600"


def test_facts_table(mini_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(mini_file)]) == 0
    out = capsys.readouterr().out
    assert "6261亿元" in out and "超600家" in out and out.strip().endswith("2 figures")


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["facts", "--format", "xml"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "invalid choice: 'xml'" in err[0]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"srbrief {__version__}"


def _run(args: list[str], env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "srbrief", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=cwd)


def test_gui_without_a_display_says_so_in_one_line() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for args in ([], ["gui"]):
        result = _run(args, env)
        assert result.returncode == 2
        err = result.stderr.strip().splitlines()
        assert len(err) == 1 and "no display" in err[0] and "srbrief export" in err[0]


def test_gui_exit_after_charts_offscreen() -> None:
    start = time.monotonic()
    result = _run(["gui", "--exit-after", "charts", "--lang", "en"], {**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    end = time.monotonic()
    assert result.returncode == 0, result.stderr
    # benchmarks read the moment of the mark on the system-wide monotonic clock
    (mark,) = [line.split() for line in result.stdout.splitlines() if line.startswith("srbrief-mark")]
    assert mark[1] == "charts" and start < float(mark[2]) < end


def test_gui_with_a_bad_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: srbrief/1\n", encoding="utf-8")
    result = _run(["gui", str(bad)], {**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2 and "bad.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_internal_error_writes_log(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                   mini_file: Path) -> None:
    def explode(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "cmd_validate", explode)
    assert main(["validate", str(mini_file)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error; details are in" in err[0]
    log = Path(err[0].split("details are in ", 1)[1])
    assert log.is_file() and "RuntimeError: boom" in log.read_text(encoding="utf-8")
    assert log.is_relative_to(Path(os.environ["SRBRIEF_CACHE_DIR"]))


def test_schema_to_file(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "srbrief briefing"


def test_python_dash_m_runs_from_another_directory(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "srbrief", "--version"], capture_output=True, text=True,
                            cwd=tmp_path, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"srbrief {__version__}"


def test_validate_warns_about_characters_missing_from_the_font(mini_file: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    text = mini_file.read_text(encoding="utf-8").replace("label: {zh: 供应商,", "label: {zh: 供应商\U0002a6a5,")
    mini_file.write_text(text, encoding="utf-8")
    assert main(["validate", str(mini_file)]) == 0
    captured = capsys.readouterr()
    warnings = captured.err.strip().splitlines()
    assert len(warnings) == 1 and "U+2A6A5" in warnings[0] and "warning" in warnings[0]
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "\U0002a6a5" in row)
    assert warnings[0].startswith(f"{mini_file}:{line}:")
    assert "ok" in captured.out


def test_builtin_briefing_has_no_font_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    err = capsys.readouterr().err
    assert "bundled font" not in err
    lines = err.splitlines()  # only the charts shown as cards because they would mislead (data to change)
    assert all(": warning: chart " in line for line in lines)


def test_validate_warns_about_charts_that_would_mislead(capsys: pytest.CaptureFixture[str]) -> None:
    synthetic = Path(__file__).resolve().parent / "charts" / "synthetic.yaml"
    assert main(["validate", str(synthetic)]) == 0  # valid: the chart is shown as cards instead
    line, changes = capsys.readouterr().err.splitlines()
    assert changes.endswith("warning: chart c-hbar is shown as cards in the app and the deck: it compares different "
                            "measures on one axis; bars compare one measure across entities (give each figure its "
                            "entity) or periods, else show the figures as cards")
    assert line.endswith("warning: chart c-bar is shown as cards in the app and the deck: it compares levels of "
                         "different populations on one axis; bars "
                         "compare one measure across entities (give each figure its entity) or periods, else "
                         "show the figures as cards")
