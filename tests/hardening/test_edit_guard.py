"""The guarded write path of ``srbrief set`` (and the app's Save): bounded reads, locking, read-only files, hard
links, mode and owner, the size limit, the report from the final file, closed stdout, escaped values."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.model.errors import MAX_BYTES
from tests.conftest import MINIMAL

LABEL = "metrics.revenue.label.en"


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    target = tmp_path / "b.yaml"
    target.write_text(MINIMAL, encoding="utf-8")
    return target


def run_set(*args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "srbrief", "set", *args], capture_output=True, text=True,
                          timeout=60, check=False)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert main(["set", str(fifo), f"{LABEL}=x"]) == 2
    assert time.monotonic() - started < 5
    assert "named pipe" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["set", "/dev/zero", f"{LABEL}=x"]) == 2
    assert "device" in capsys.readouterr().err


def test_a_huge_sparse_file_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as f:
        f.truncate(3 * 1024 ** 3)
    started = time.monotonic()
    assert main(["set", str(huge), f"{LABEL}=x"]) == 2
    assert time.monotonic() - started < 2
    assert "too large" in capsys.readouterr().err


def test_a_symlink_loop_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert main(["set", str(loop), f"{LABEL}=x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_read_only_file_is_refused_also_for_root(brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief.chmod(0o444)
    assert main(["set", str(brief), f"{LABEL}=Changed"]) == 2
    assert "read-only" in capsys.readouterr().err
    assert brief.read_text(encoding="utf-8") == MINIMAL
    assert stat.S_IMODE(brief.stat().st_mode) == 0o444


def test_a_hard_linked_file_is_refused_and_both_names_keep_the_text(brief: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    other = brief.with_name("other.yaml")
    os.link(brief, other)
    assert main(["set", str(brief), f"{LABEL}=Changed"]) == 2
    assert "hard links" in capsys.readouterr().err
    assert os.path.samefile(brief, other) and brief.read_text(encoding="utf-8") == MINIMAL


def test_mode_is_kept(brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief.chmod(0o640)
    assert main(["set", str(brief), f"{LABEL}=Changed"]) == 0
    assert stat.S_IMODE(brief.stat().st_mode) == 0o640
    assert "Changed" in brief.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_owner_and_group_are_kept_when_root_edits_a_users_file(brief: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    os.chown(brief, 4321, 4322)
    assert main(["set", str(brief), f"{LABEL}=Changed"]) == 0
    info = brief.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4322)


def test_a_symlink_is_written_through(brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = brief.with_name("link.yaml")
    link.symlink_to(brief)
    assert main(["set", str(link), f"{LABEL}=Changed"]) == 0
    assert link.is_symlink() and "Changed" in brief.read_text(encoding="utf-8")


def test_the_result_must_stay_under_the_size_limit(brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINIMAL + "# " + "x" * (MAX_BYTES - len(MINIMAL.encode("utf-8")) - 4) + "\n"
    assert len(text.encode("utf-8")) <= MAX_BYTES
    brief.write_text(text, encoding="utf-8")
    assert main(["set", str(brief), f"{LABEL}=A much longer label than before"]) == 2
    assert "over the limit" in capsys.readouterr().err
    assert brief.read_text(encoding="utf-8") == text


def test_the_report_is_read_from_the_final_file(brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["set", str(brief), f"{LABEL}=Earlier", f"{LABEL}=Later",
                 "metrics.revenue.note.zh=甲", "metrics.revenue.note.en=x", "metrics.revenue.note="]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{brief}: {LABEL}: Industrial revenue → Later",
                   f"{brief}: metrics.revenue.note.zh: (none) (unchanged)",
                   f"{brief}: metrics.revenue.note.en: (none) (unchanged)",
                   f"{brief}: metrics.revenue.note: (none) (unchanged)"]
    assert "note" not in brief.read_text(encoding="utf-8")


def test_values_are_printed_escaped(brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["set", str(brief), f"{LABEL}=evil\u202eon", "metrics.revenue.label.zh=收入"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\\u202e" in out


def test_a_carriage_return_in_a_value_is_refused_or_escaped(brief: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["set", str(brief), f"{LABEL}=ok\rspoof"])
    captured = capsys.readouterr()
    assert "\r" not in captured.out and "\r" not in captured.err
    assert code == 2 or "\\x0d" in captured.out


@pytest.mark.parametrize("value", ["²", "1" * 5000])
def test_odd_paths_and_numbers_name_file_line_col(brief: Path, capsys: pytest.CaptureFixture[str],
                                                   value: str) -> None:
    assigned = f"metrics.{value}.value=1" if value == "²" else f"metrics.revenue.value={value}"
    assert main(["set", str(brief), assigned]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{brief}:") and err.split(":")[1].isdigit() and "Traceback" not in err
    assert brief.read_text(encoding="utf-8") == MINIMAL


@pytest.mark.parametrize("value", [" ", "[ ]", "{ }", "- ", "? x"])
def test_odd_values_are_a_clear_refusal_or_written_as_text(brief: Path, capsys: pytest.CaptureFixture[str],
                                                          value: str) -> None:
    code = main(["set", str(brief), f"{LABEL}={value}"])
    captured = capsys.readouterr()
    assert code in (0, 2) and "internal error" not in captured.err
    if code == 0:
        assert main(["validate", str(brief)]) == 0
    else:
        assert brief.read_text(encoding="utf-8") == MINIMAL and captured.err.startswith(f"{brief}:")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
@pytest.mark.parametrize("redirect", [">&-", ">/dev/full"])
def test_a_closed_or_full_stdout_does_not_turn_a_save_into_an_error(brief: Path, redirect: str) -> None:
    cmd = f'"{sys.executable}" -m srbrief set "{brief}" {LABEL}=Changed {redirect}'
    proc = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "internal error" not in proc.stderr
    assert "Changed" in brief.read_text(encoding="utf-8")


def test_twenty_concurrent_sets_of_different_fields_all_land(tmp_path: Path) -> None:
    entities = "".join(f"  - id: e{i}\n    kind: place\n    name: {{zh: 地{i}, en: Place {i}}}\n"
                       f"    location: {{lat: 28.{i}, lon: 117.{i}}}\n" for i in range(20))
    target = tmp_path / "many.yaml"
    target.write_text(MINIMAL.replace("timeline:\n", entities + "timeline:\n", 1), encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, "-m", "srbrief", "set", str(target),
                               f"entities.e{i}.name.en=Changed {i}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(20)]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    assert [code for code, _ in results] == [0] * 20, results
    text = target.read_text(encoding="utf-8")
    assert all(f"Changed {i}}}" in text for i in range(20))
    assert main(["validate", str(target)]) == 0
