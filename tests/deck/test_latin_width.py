"""Latin text is measured for the font that sets it: the deck's Calibri (Carlito, its metric twin, in LibreOffice)
is narrower than the bundled font, so the deck measures it without a margin and every line the layout made still
fits its box when set in Carlito (no renderer wraps it again); a font not known (a template's) keeps the margin."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from pptx import Presentation
from pptx.text.text import _Run
from pptx.util import Emu

from srbrief.deck.export import DEFAULT_LATIN
from srbrief.textlayout import SAFETY, font_measurer, slide_measurer
from tests.deck.conftest import ANY_CASES

CARLITO = Path("/usr/share/fonts/truetype/crosextra")  # fonts-crosextra-carlito (packaging/apt-packages.txt)


@cache
def _carlito(bold: bool) -> dict[str, float]:
    with TTFont(CARLITO / ("Carlito-Bold.ttf" if bold else "Carlito-Regular.ttf"), lazy=True) as font:
        units, metrics = font["head"].unitsPerEm, font["hmtx"].metrics
        return {chr(code): metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()}


def _set_width(text: str, size: float, bold: bool) -> float:
    """Return the width of *text* as Carlito sets it (a Chinese character: one em, as in any CJK font)."""
    advances = _carlito(bold)
    return sum(advances.get(" " if c == "\xa0" else c, 1.0) for c in text) * size  # (Carlito maps no U+00A0)


def test_the_deck_font_is_measured_without_a_margin_and_an_unknown_one_with_it() -> None:
    exact = font_measurer(1.0)
    assert slide_measurer(DEFAULT_LATIN).width("Shangrao", 20) == pytest.approx(exact.width("Shangrao", 20))
    assert slide_measurer("+mn-lt").width("Shangrao", 20) == pytest.approx(exact.width("Shangrao", 20) * SAFETY)
    assert slide_measurer().width("Shangrao", 20) == slide_measurer(DEFAULT_LATIN).width("Shangrao", 20)
    # the reason: the bundled font is wider than Carlito for any English text, regular and bold
    sample = "Revenue of industrial enterprises above designated size, CNY 626.1 bn in 2024"
    for bold in (False, True):
        assert exact.width(sample, 10, bold) > _set_width(sample, 10, bold) * 1.1


def _lines(paragraph: Any) -> list[tuple[str, float]]:
    """Return a paragraph's lines (split at its line breaks, a:br) and their widths, run by run in its size."""
    lines: list[tuple[str, float]] = [("", 0.0)]
    for child in paragraph._p:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "br":
            lines.append(("", 0.0))
        elif tag == "r":
            run = _Run(child, paragraph)
            size = (run.font.size or Emu(18 * 12700)).pt
            text, width = lines[-1]
            lines[-1] = (text + run.text, width + _set_width(run.text, size, bool(run.font.bold)))
    return lines


@pytest.mark.parametrize(("name", "lang"), [case for case in ANY_CASES if case[1] == "en"])
def test_every_english_line_fits_its_box_as_calibri_sets_it(name: str, lang: str,
                                                           any_decks: dict[tuple[str, str], Path]) -> None:
    over = []
    for number, slide in enumerate(Presentation(str(any_decks[name, lang])).slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            frame = shape.text_frame
            room = (shape.width - (frame.margin_left or 0) - (frame.margin_right or 0)) / 12700
            for paragraph in frame.paragraphs:
                for line, width in _lines(paragraph):
                    if width > room * 1.001:
                        over.append((number, line))
    assert over == []
