"""The briefing the app starts with, kept between starts: taken from the cache only when nothing it depends on
changed (its bytes, its documents' texts, srbrief's code); anything else loads afresh, as load_briefing does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srbrief.model import BriefingError, load_briefing, startcache
from srbrief.model.startcache import load_at_start
from srbrief.resources import builtin_briefing_path

DATA = Path(__file__).resolve().parent.parent / "data"
HENGFENG = DATA / "tester" / "hengfeng-new-energy.yaml"


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """A copy of the county briefing with its document's text beside it (a briefing of another shape)."""
    shutil.copy(HENGFENG, tmp_path / HENGFENG.name)
    shutil.copy(HENGFENG.parent / "article.txt", tmp_path / "article.txt")
    return tmp_path / HENGFENG.name


def _entries() -> list[Path]:
    folder = Path(os.environ["SRBRIEF_CACHE_DIR"]) / "briefings"
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every fresh load (the loader's, not the cache's)."""
    from srbrief import model

    loads: list[Path] = []
    real = model.load_briefing

    def counting(path: Path, *args: object) -> object:
        loads.append(Path(path))
        return real(path, *args)

    monkeypatch.setattr(model, "load_briefing", counting)
    return loads


@pytest.mark.parametrize("which", ["builtin", "county", "six-themes"])
def test_the_cached_briefing_is_the_loaded_one(which: str, county: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = {"builtin": builtin_briefing_path(), "county": county, "six-themes": DATA / "six-themes.yaml"}[which]
    loads = _count_loads(monkeypatch)
    first = load_at_start(path)
    second = load_at_start(path)
    assert loads == [path]  # the second start read no YAML
    assert first == second == load_briefing(path)
    assert len(_entries()) == 1


def test_a_changed_file_is_loaded_afresh(county: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_at_start(county)
    county.write_text(county.read_text(encoding="utf-8").replace("横峰县新能源产业简报", "横峰县新能源简报"),
                      encoding="utf-8")
    loads = _count_loads(monkeypatch)
    assert load_at_start(county).title.get("zh") == "横峰县新能源简报"
    assert loads == [county]
    assert len(_entries()) == 1  # one entry per file, replaced


def test_a_changed_document_text_is_checked_again(county: Path) -> None:
    load_at_start(county)
    (county.parent / "article.txt").write_text("另一篇文章，没有原来的语句。\n", encoding="utf-8")
    with pytest.raises(BriefingError):  # its clauses are no longer in the document: not taken from the cache
        load_at_start(county)


def test_a_document_that_appears_beside_the_briefing_is_read(county: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = county.parent / "article.txt"
    text.unlink()
    with pytest.raises(BriefingError):
        load_at_start(county)
    assert _entries() == []  # a briefing that does not validate is never kept
    shutil.copy(HENGFENG.parent / "article.txt", text)
    assert load_at_start(county) == load_briefing(county)


def test_changed_code_is_a_fresh_load(county: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_at_start(county)
    monkeypatch.setattr(startcache, "code_fingerprint", lambda: b"another version of srbrief")
    loads = _count_loads(monkeypatch)
    load_at_start(county)
    assert loads == [county]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05truncated"])
def test_a_damaged_entry_is_ignored_and_replaced(damage: bytes, county: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_at_start(county)
    [entry] = _entries()
    entry.write_bytes(damage)
    loads = _count_loads(monkeypatch)
    assert load_at_start(county) == load_briefing(county)
    assert loads == [county]
    assert entry.stat().st_size > len(damage)  # written again


def test_an_unwritable_cache_is_no_error(county: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("SRBRIEF_CACHE_DIR", str(blocker))
    assert load_at_start(county) == load_briefing(county)


def test_errors_are_the_loaders(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: srbrief/1\nid: [\n", encoding="utf-8")
    with pytest.raises(BriefingError) as cached:
        load_at_start(bad)
    with pytest.raises(BriefingError) as loaded:
        load_briefing(bad)
    assert str(cached.value) == str(loaded.value)
    with pytest.raises((BriefingError, OSError)):
        load_at_start(tmp_path / "missing.yaml")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(alphabet=st.characters(categories=["Lo", "Ll", "Nd"]), min_size=1, max_size=12))
def test_what_is_started_with_is_what_the_file_says(title: str, county: Path) -> None:
    """Whatever the file says after an edit, a start shows that, not what a cache kept."""
    text = county.read_text(encoding="utf-8")
    county.write_text(text.replace("横峰县新能源产业简报", title, 1), encoding="utf-8")
    try:
        expected = load_briefing(county)
    except BriefingError:
        with pytest.raises(BriefingError):
            load_at_start(county)
    else:
        assert load_at_start(county) == expected
        assert load_at_start(county) == expected
    county.write_text(text, encoding="utf-8")


def test_a_cached_start_imports_no_yaml(county: Path) -> None:
    """The point of the cache: the second start neither imports PyYAML nor the loader."""
    probe = ("import sys; from pathlib import Path; from srbrief.model.startcache import load_at_start; "
             f"load_at_start(Path({str(county)!r})); "
             "print(sorted(m for m in ('yaml', 'srbrief.model.loader') if m in sys.modules))")
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                           env=dict(os.environ)).stdout.strip() for _ in range(2)]
    assert runs == ["['srbrief.model.loader', 'yaml']", "[]"]
