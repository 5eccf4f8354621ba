"""Rule 5 of issue 19, read back from the exported decks of both briefings in zh and en: no line breaks inside
a word, a number and its unit or a quoted term; a text broken into lines joins back into the text itself
(never 'atten dances'); balanced titles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.deck.plan import Role, plan_deck
from srbrief.model import load_briefing
from srbrief.textlayout import SOFT_HYPHEN, font_measurer, join_lines
from srbrief.zhwords import WORDS
from tests.deck.conftest import BRIEFINGS, CASES


def _texts(path: Path) -> list[str]:
    """Return every text of a deck: its text boxes' paragraphs and its table cells."""
    found = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                found += [p.text for p in shape.text_frame.paragraphs]
            if shape.has_table:
                found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def _broken_words(text: str) -> list[str]:
    """Return the words, numbers with units and quoted terms a line break ('\\v') of *text* falls inside."""
    found = []
    for match in re.finditer("\v", text):
        before, after = text[:match.start()].rstrip(" -"), text[match.end():]
        joined = before[-6:] + after[:6]
        edge = len(before[-6:])
        for word in WORDS:
            at = joined.find(word)
            while at != -1:
                if at < edge < at + len(word):
                    found.append(word)
                at = joined.find(word, at + 1)
        if re.search(r"\d$", before) and re.match(r"[亿万元%％个家条项]", after):
            found.append(before[-3:] + "|" + after[:2])
        if "“" in before[-8:] and "”" not in before[before.rfind("“"):] and "”" in after[:8]:
            found.append("“…|…”")
    return found


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_break_inside_a_word_and_texts_join_back(name: str, lang: str,
                                                   shaped_decks: dict[tuple[str, str], Path]) -> None:
    texts = _texts(shaped_decks[name, lang])
    assert not [t for t in texts if SOFT_HYPHEN in t], "a split mark left in the deck"
    if lang == "zh":
        broken = {w for text in texts for w in _broken_words(text)}
        assert not broken, broken
        return
    plan = plan_deck(load_briefing(BRIEFINGS[name]), lang)
    cells = {c for s in plan.slides if s.table is not None for row in (s.table.header, *s.table.rows) for c in row}
    said = {t.replace("\v", "").strip() for t in texts}  # a break keeps the space it took, before it
    for cell in cells:  # a table cell comes back as its text: no space inside a word split across lines
        assert join_lines(cell.split("\n")) in said, cell


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_titles_are_balanced(name: str, lang: str, shaped_decks: dict[tuple[str, str], Path]) -> None:
    """A title on two or more lines: its last line at least half as wide as its longest (no orphaned 级)."""
    prs = Presentation(str(shaped_decks[name, lang]))
    plan = plan_deck(load_briefing(BRIEFINGS[name]), lang)
    measurer = font_measurer()
    for slide, planned in zip(prs.slides, plan.slides, strict=True):
        if slide.shapes.title is None or planned.role is Role.TITLE:
            continue
        lines = slide.shapes.title.text_frame.text.split("\v")
        if len(lines) > 1:
            widths = [measurer.width(line.strip(), 20, True) for line in lines]
            assert widths[-1] >= 0.5 * max(widths), lines
