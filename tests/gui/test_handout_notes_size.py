"""The notes under a reference slide on a landscape handout page (the timeline, the sources, a table's first page)
print at the size of the notes on the other pages, not squeezed into the strip below a full-width slide (the
reviewer read the timeline page's notes at ~9 pt against ~13 pt elsewhere); read back from the written PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.deck.plandata import footnote_parts
from tests.deck.conftest import ANY_SHAPE
from tests.gui.test_handout_tables import _page_sizes, _words


def _bullet_line_heights(path: Path, page: int) -> list[float]:
    """Return the heights of the words of a page's source-list lines (those after a bullet)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    heights = []
    for line in re.findall(r"<line .*?</line>", xml, re.S):
        words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', line)
        if len(words) > 1 and words[0][2] in "•·":
            heights += [float(y1) - float(y0) for y0, y1, _ in words[1:]]
    return heights


@pytest.mark.parametrize(("name", "lang"), [("builtin", "zh"), ("builtin", "en"), ("hengfeng", "zh")])
def test_notes_under_a_landscape_slide_print_as_large_as_elsewhere(tmp_path: Path, name: str, lang: str) -> None:
    target = tmp_path / "notes.pdf"
    assert main(["export", str(ANY_SHAPE[name]), "-o", str(target), "--lang", lang]) == 0
    sizes = _page_sizes(target)
    portrait, landscape = [], []
    for number, (width, height) in enumerate(sizes, 1):
        heights = _bullet_line_heights(target, number)
        if heights:
            (landscape if width > height else portrait).append((number, min(heights)))
        if width > height:  # the slide and its notes stay on the paper
            assert all(w.y1 <= height and w.x1 <= width for w in _words(target, number)), number
    assert portrait and landscape  # the timeline page's notes list its events' clauses
    usual = max(size for _, size in portrait)
    assert all(size >= usual - 0.2 for _, size in landscape), (usual, landscape)


@pytest.mark.parametrize(("name", "lang"), [("builtin", "zh"), ("builtin", "en"), ("hengfeng", "zh")])
def test_a_portrait_page_prints_the_slides_footnotes_under_its_notes(tmp_path: Path, name: str, lang: str) -> None:
    """On paper a portrait page's slide prints at half size and its 10-pt footnote line at 5 pt: the derived
    values' and undated figures' notes print again below the notes, at their size (the reviewer could not read
    "期末月份2025年7月为推算" on the summary page)."""
    from srbrief.deck.plan import plan_deck
    from srbrief.model import load_briefing

    target = tmp_path / "notes.pdf"
    assert main(["export", str(ANY_SHAPE[name]), "-o", str(target), "--lang", lang]) == 0
    plan = plan_deck(load_briefing(ANY_SHAPE[name]), lang)
    sizes = _page_sizes(target)
    checked = 0
    for number, slide in enumerate(plan.slides, 1):
        width, height = sizes[number - 1]
        if not slide.footnote.strip() or width > height:
            continue
        page = "".join(subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(target), "-"],
                                      capture_output=True, text=True, timeout=60, check=True).stdout.split())
        for note in footnote_parts(slide.footnote):
            key = "".join(note.split())[:12]
            assert page.count(key) >= 2, (number, note)  # on the slide's footnote line, and below its notes
        checked += 1
    assert checked >= 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_handout_prints_nothing_meant_for_the_presenter_alone(tmp_path: Path, lang: str) -> None:
    """The reviewer: the handout printed "如被问及：…" and "图注（供讲者参考，不必宣读）" for a mayor to read. A
    point's own notes and a chart's note stay in the deck's notes (and the presenter view), off the paper; what
    the slide says prints."""
    from pptx import Presentation

    from srbrief.deck.plan import plan_deck
    from srbrief.model import load_briefing

    briefing = load_briefing(ANY_SHAPE["builtin"])
    plan = plan_deck(briefing, lang)
    asides = [(number, slide) for number, slide in enumerate(plan.slides, 1) if slide.aside]
    assert len(asides) >= 3  # the two "if asked" lines and the map's note, at least
    handout, deck = tmp_path / "notes.pdf", tmp_path / "deck.pptx"
    assert main(["export", "-o", str(handout), "--lang", lang]) == 0
    assert main(["export", "-o", str(deck), "--lang", lang]) == 0
    prs = Presentation(str(deck))
    for number, slide in asides:
        page = "".join(subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(handout), "-"],
                                      capture_output=True, text=True, timeout=60, check=True).stdout.split())
        assert "".join(slide.aside.split())[:14] not in page, number
        assert "".join(slide.title.split())[:14] in page  # what the slide says prints
        notes = "".join(prs.slides[number - 1].notes_slide.notes_text_frame.text.split())
        assert "".join(slide.aside.split()) in notes  # the presenter has it
    words = ("如被问及", "供讲者参考") if lang == "zh" else ("If asked", "for the presenter")
    text = subprocess.run(["pdftotext", str(handout), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    assert not [w for w in words if w in text]
