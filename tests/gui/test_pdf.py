"""The PDF handout: same slides as the deck plan, Chinese as real, selectable text with embedded fonts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.deck.plan import plan_deck
from srbrief.gui.pdf import handout_pages
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


SIX_THEMES = Path(__file__).resolve().parent.parent / "data" / "six-themes.yaml"


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("source", [None, SIX_THEMES])
@pytest.mark.parametrize(("layout", "per_page"), [("notes", 1), ("slides", 1), ("lines", 3), ("six", 6)])
def test_handout_layouts(tmp_path: Path, source: Path | None, layout: str, per_page: int) -> None:
    target = tmp_path / f"{layout}.pdf"
    file = [str(source)] if source else []
    assert main(["export", *file, "-o", str(target), "--lang", "en", "--layout", layout]) == 0
    plan = plan_deck(load_briefing(source or builtin_briefing_path()), "en")
    tables = [i for i, slide in enumerate(plan.slides) if slide.table is not None]
    others = len(plan.slides) - len(tables)
    pages = handout_pages(plan, layout)
    assert pdf_pages(target) == len(pages)
    assert all(len(page) <= per_page for page in pages) and sorted(i for p in pages for i in p) == list(
        range(len(plan.slides)))
    if per_page == 1:
        assert len(pages) == len(plan.slides)
    else:  # a table slide alone on its (landscape) page; the others per_page a page, in order
        assert tables and all([i] in pages for i in tables)
        assert len(pages) <= len(tables) + others
        assert len(pages) < len(plan.slides)
    text = re.sub(r"\s", "", "".join(pdf_text(target)))
    assert ("Sources (" in "".join(pdf_text(target))) == (layout == "notes")  # the notes only on notes pages
    assert "Executivesummary" in text


def test_layout_is_for_a_pdf_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-o", str(tmp_path / "x.pptx"), "--layout", "six"]) == 2
    assert "--layout applies to a .pdf handout only" in capsys.readouterr().err


def test_long_notes_are_fitted_not_clipped(tmp_path: Path) -> None:
    """As in the presenter, a long note is set smaller until all of it fits below its slide."""
    from dataclasses import replace

    from srbrief.gui.pdf import render_pdf

    plan = plan_deck(load_briefing(SIX_THEMES), "en")
    long_note = " ".join(f"Sentence {n} of a very long speaker note that goes on." for n in range(120)) + " THE-END"
    plan = replace(plan, slides=(replace(plan.slides[0], notes=long_note), *plan.slides[1:2]))
    target = tmp_path / "long.pdf"
    assert render_pdf(plan, target, "notes") == 2
    first = re.sub(r"\s", "", pdf_text(target)[0])
    assert "THE-END" in first and "Sentence119" in first


def _line_list(path: Path, page: int) -> list[list[tuple[float, str]]]:
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    return [[(float(x), w) for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', line)]
            for line in re.findall(r"<line .*?</line>", xml, re.S)]


@pytest.mark.parametrize("source", [None, SIX_THEMES])
def test_notes_name_their_document_once_and_bullets_hang(tmp_path: Path, source: Path | None) -> None:
    """A notes page names the one document its clauses come from once, above them; a clause that wraps
    continues under its text, not under its bullet; every A4 page has a running head and its number."""
    target = tmp_path / "notes.pdf"
    file = [str(source)] if source else []
    assert main(["export", *file, "-o", str(target), "--lang", "en"]) == 0
    pages = pdf_text(target)
    publication = "Shangrao Daily" if source is None else "Test Daily"
    title = load_briefing(source or builtin_briefing_path()).title.en
    for number, page in enumerate(pages, 1):
        notes = page[page.find("Sources ("):] if "Sources (" in page else ""
        assert notes.count(publication) <= 1, (number, notes[:300])
        assert title.split()[0] in page.split("\n", 2)[0] or title.split()[0] in page[:300], number
        assert f"{number} / {len(pages)}" in page
    hanging = 0
    for number in range(1, len(pages) + 1):
        text_x = None  # where the text after a bullet starts
        for words in _line_list(target, number):
            if words and words[0][1] in "•·" and len(words) > 1:
                text_x = words[1][0]
            elif text_x is not None and words:
                assert words[0][0] >= text_x - 2, (number, words[:2], text_x)  # under the text, not the bullet
                hanging += abs(words[0][0] - text_x) <= 2
    assert source is not None or hanging > 0  # the built-in briefing has clauses long enough to wrap
