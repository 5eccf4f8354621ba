"""Nothing lost: every output goes through one atomic path that refuses to clobber inputs or special files,
reports OS errors (disk full, read-only, permission, missing folder, long names) as exit 2 in plain words,
leaves the old file untouched and no temporary file behind (issue 11, items 1, 2, 10 and 11)."""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from srbrief.atomic import TEMP_PREFIX
from srbrief.cli import main
from srbrief.resources import builtin_briefing_path

OLD = b"yesterday's good file"


def _limited_run(args: list[str], cwd: Path, max_file_bytes: int) -> subprocess.CompletedProcess[str]:
    """Run the CLI where no file may grow beyond *max_file_bytes*: the kernel then fails writes with EFBIG,
    exactly as a full disk fails them with ENOSPC (Python ignores SIGXFSZ, so the write just fails)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    env = {**os.environ, "SRBRIEF_CACHE_DIR": str(cwd / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "srbrief", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300, preexec_fn=limit)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part") or p.name.startswith("."))


@pytest.mark.parametrize(("args", "name", "limit"), [
    (["export", "-o", "{out}"], "deck.pdf", 100_000),
    (["export", "-o", "{out}"], "deck.pptx", 100_000),
    (["schema", "-o", "{out}"], "schema.json", 2_000),
])
def test_full_disk_is_exit_2_and_keeps_the_old_file(tmp_path: Path, args: list[str], name: str, limit: int) -> None:
    target = tmp_path / name
    target.write_bytes(OLD)
    result = _limited_run([a.format(out=target) for a in args], tmp_path, limit)
    assert result.returncode == 2, result.stderr[-800:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "disk full" in lines[0] and "Traceback" not in result.stderr, lines
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_full_disk_while_writing_charts_is_exit_2(tmp_path: Path) -> None:
    result = _limited_run(["charts", "-o", str(tmp_path / "charts")], tmp_path, 20_000)
    assert result.returncode == 2, result.stderr[-800:]
    assert "disk full" in result.stderr and "Traceback" not in result.stderr
    assert _leftovers(tmp_path / "charts") == []


def test_a_truncated_pdf_is_never_accepted() -> None:
    from srbrief.gui.pdf import pdf_problem

    good = b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\nxref\n0 1\ntrailer << >>\nstartxref\n52\n%%EOF\n"
    assert pdf_problem(good, 2) is None
    for cut in (len(good) // 2, len(good) - 3, 0):
        assert pdf_problem(good[:cut], 2) is not None
    assert pdf_problem(good, 3) is not None  # a page lost
    assert pdf_problem(good.replace(b"startxref\n52", b"startxref\n9"), 2) is not None


def _briefing_named(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(builtin_briefing_path().read_bytes())
    return path


@pytest.mark.parametrize("suffix", [".pptx", ".pdf"])
def test_output_that_is_the_briefing_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                suffix: str) -> None:
    brief = _briefing_named(tmp_path, f"brief{suffix}")
    before = brief.read_bytes()
    assert main(["export", str(brief), "-o", str(brief)]) == 2
    assert "same file as the briefing" in capsys.readouterr().err
    link = tmp_path / f"link{suffix}"
    link.symlink_to(brief)
    assert main(["export", str(brief), "-o", str(link)]) == 2  # through a symlink too
    hard = tmp_path / f"hard{suffix}"
    os.link(brief, hard)
    assert main(["export", str(hard), "-o", str(brief)]) == 2  # and a hard link
    assert "same file as the briefing" in capsys.readouterr().err
    assert brief.read_bytes() == before and link.is_symlink()


def test_output_that_is_the_template_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "t.pptx"
    assert main(["export", "-o", str(template)]) == 0
    before = template.read_bytes()
    assert main(["export", "-o", str(template), "--template", str(template)]) == 2
    assert "same file as the template" in capsys.readouterr().err
    assert template.read_bytes() == before


def test_output_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.pptx"
    real.write_bytes(OLD)
    link = tmp_path / "link.pptx"
    link.symlink_to(real)
    assert main(["export", "-o", str(link)]) == 0
    assert link.is_symlink() and real.read_bytes()[:2] == b"PK"


def _device_or_fifo(path: Path) -> Path:
    """Make a character device (like /dev/null) at *path*, or a FIFO where device nodes are not permitted.

    Never the real /dev/null: code without this fix, run as root, would replace it with a regular file."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        os.mkfifo(path)
    return path


@pytest.mark.parametrize("special", ["device", "fifo"])
def test_schema_into_a_special_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               special: str) -> None:
    target = tmp_path / "schema.json"
    if special == "fifo":
        os.mkfifo(target)
    else:
        _device_or_fifo(target)
    kind = target.stat().st_mode
    assert main(["schema", "-o", str(target)]) == 2
    assert "only a regular file" in capsys.readouterr().err
    assert target.stat().st_mode == kind  # still the device or FIFO it was


def test_the_real_dev_null_is_recognised_without_writing() -> None:
    from srbrief.atomic import OutputError, resolve_output

    with pytest.raises(OutputError, match="a device"):
        resolve_output(Path(os.devnull))


@pytest.mark.parametrize(("error", "words"), [
    (errno.EACCES, "permission denied"), (errno.EROFS, "read-only file system"), (errno.ENOSPC, "disk full")])
def test_os_errors_on_output_are_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch, error: int, words: str) -> None:
    # root ignores permission bits and a test cannot mount a read-only disk: the error comes from the OS call
    def refuse(*_: object, **__: object) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr("srbrief.atomic.tempfile.mkstemp", refuse)
    assert main(["schema", "-o", str(tmp_path / "schema.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0], err


def test_missing_and_unwritable_places_are_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-o", "/proc/deck.pptx"]) == 2
    assert main(["schema", "-o", str(tmp_path / "no-such-folder" / "schema.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all("Traceback" not in line for line in err)


def test_a_legal_long_name_can_be_written(tmp_path: Path) -> None:
    target = tmp_path / ("a" * 245 + ".pptx")  # 250 bytes: legal, but too long for a temp name built on it
    assert main(["export", "-o", str(target)]) == 0
    assert target.is_file() and _leftovers(tmp_path) == []


def test_sigterm_during_an_export_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(OLD)
    code = ("import os, signal, time, srbrief.deck.pptx_writer as w\n"
            "def stop(*a):\n    os.kill(os.getpid(), signal.SIGTERM)\n    time.sleep(5)\n"
            "w.DeckWriter.add_slide = stop\n"
            "from srbrief.cli import main\n"
            f"raise SystemExit(main(['export', '-o', {str(target)!r}]))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr[-500:]
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_stale_temp_files_of_a_killed_export_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / f"{TEMP_PREFIX}deadbeef.part"
    fresh = tmp_path / f"{TEMP_PREFIX}livework.part"  # perhaps another export, still running
    other = tmp_path / ".notes.part"  # not ours
    for path in (stale, fresh, other):
        path.write_bytes(b"half a deck")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    assert main(["export", "-o", str(tmp_path / "deck.pptx")]) == 0
    assert not stale.exists() and fresh.exists() and other.exists()
