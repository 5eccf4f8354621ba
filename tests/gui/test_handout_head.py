"""The PDF handout's running head dates the briefing as the title slide does (in tests/gui: the PDF is painted
with Qt, in the session's one QApplication)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.deck.plandata import dated_text
from srbrief.model import load_briefing
from tests.deck.conftest import BRIEFINGS
from tests.gui.test_pdf import pdf_text


@pytest.mark.parametrize(("name", "lang"), [("builtin", "zh"), ("six-themes", "en")])
def test_handout_head_dates_the_briefing_as_the_title_slide_does(tmp_path: Path, name: str, lang: str) -> None:
    """Every handout page's running head names the briefing's documents with their dates ('来源：《上饶日报》
    2025-10-11'), never an "as of" date a reader takes for the data's cut-off (the consultant, twice)."""
    briefing = load_briefing(BRIEFINGS[name])
    deck, pdf = tmp_path / "d.pptx", tmp_path / "h.pdf"
    for target in (deck, pdf):  # the handout with notes: one slide and its notes a page, under a running head
        assert main(["export", str(BRIEFINGS[name]), "-o", str(target), "--lang", lang]) == 0
    dated = dated_text(briefing, lang)
    assert dated and "截至" not in dated and "as of" not in dated
    assert all(d.date in dated or d.date[:4] in dated for d in briefing.sources)
    pages = pdf_text(pdf)
    assert pages
    for number, page in enumerate(pages, 1):
        head = page.strip().split("\n", 1)[0]
        assert re.sub(r"\s", "", dated) in re.sub(r"\s", "", head), (number, head)
