"""The PDF handout: same slides as the deck plan, Chinese as real, selectable text with embedded fonts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.deck.plan import plan_deck
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path


def pdf_text(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    return out.split("\f")[:-1]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_pages_follow_the_plan(tmp_path: Path, lang: str) -> None:
    target = tmp_path / f"handout-{lang}.pdf"
    assert main(["export", "-o", str(target), "--lang", lang, "--no-notes"]) == 0
    plan = plan_deck(load_briefing(builtin_briefing_path()), lang)
    pages = pdf_text(target)
    assert len(pages) == len(plan.slides)
    for page, slide in zip(pages, plan.slides, strict=True):
        squeezed = re.sub(r"\s", "", page)
        assert re.sub(r"\s", "", slide.title)[:10] in squeezed, (slide.title, page[:200])
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    assert "SRBriefSansSC-Regular" in fonts and "SRBriefSansSC-Bold" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded


def test_pdf_with_notes_has_the_source_clauses(tmp_path: Path) -> None:
    target = tmp_path / "notes.pdf"
    assert main(["export", "-o", str(target)]) == 0
    text = re.sub(r"\s", "", "".join(pdf_text(target)))
    assert "2024年规上工业营业收入达6261亿元" in text


def test_pdf_is_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from srbrief.gui import pdf

    target = tmp_path / "old.pdf"
    target.write_bytes(b"%PDF old")
    monkeypatch.setattr(pdf, "render_pdf", lambda *a: 1 / 0)  # fails after the temporary file exists
    assert main(["export", "-o", str(target)]) == 1
    assert target.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def test_new_files_get_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.pdf"
    assert main(["export", "-o", str(target), "--no-notes"]) == 0
    assert target.stat().st_mode & 0o044  # readable by others, as the umask allows, not 0600
