"""Rule 5 of issue 19 (the consultant's re-check of the English deck), read back from the exported decks of every
briefing shape in zh and en and measured with the project's one text measurer: no text box, card label or table
cell ends on a lone word ('above designated / size', 'across / the board.'); no word is split where it has no
hyphen, on a slide or in a chart picture ('Pharma- / chemical new'); the English terms stay on one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from pptx import Presentation

from srbrief.charts import draw_chart
from srbrief.model import ChartKind, load_briefing
from srbrief.textlayout import EN_TERMS, is_lone, slide_measurer
from tests.deck.conftest import ANY_CASES, ANY_SHAPE
from tests.deck.test_typesetting import _wrapped_paragraphs

PICTURES = (ChartKind.GRID, ChartKind.MATRIX, ChartKind.TIMELINE, ChartKind.ROUTE_MAP)


def _paragraphs(path: Path) -> list[tuple[int, str, list[str], float, float]]:
    """Return every wrapped paragraph of the deck's text boxes and table cells: (slide number, shape name, its
    lines as written: every break the layout's, a:br), the width of its box and its type size (points)."""
    found = []
    for number, slide in enumerate(Presentation(str(path)).slides, 1):
        for shape in slide.shapes:
            frames = [(shape.text_frame, shape.width)] if shape.has_text_frame else []
            if shape.has_table:
                frames += [(cell.text_frame, column.width) for row in shape.table.rows
                           for cell, column in zip(row.cells, shape.table.columns, strict=True)]
            for frame, width in frames:
                for paragraph in frame.paragraphs:
                    sizes = {r.font.size.pt for r in paragraph.runs if r.font.size is not None}
                    if "\v" in paragraph.text and len(sizes) == 1:
                        lines = [line.strip() for line in paragraph.text.split("\v")]
                        found.append((number, shape.name, lines, width / 12700, sizes.pop()))
    return found


def _movable(lines: list[str], width: float, size: float) -> bool:
    """Return whether the last word of the line before the last could come down: the last line would still fit
    *width* and the line before keep two words."""
    before = lines[-2].split()
    moved = f"{before[-1]} {lines[-1]}"
    return len(before) >= 3 and slide_measurer().width(moved, size) <= width


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_no_text_ends_on_a_lone_word(name: str, lang: str, any_decks: dict[tuple[str, str], Path]) -> None:
    """No paragraph of two or more lines ends on a lone word (an English word besides articles and prepositions,
    or one or two Chinese characters) where the line before could give it a word; and a line the layout made is
    never wider than its box, so no renderer wraps it again (the break it wrote is the only one)."""
    measurer = slide_measurer()
    lone, wide = [], []
    for number, shape, lines, width, size in _paragraphs(any_decks[name, lang]):
        if is_lone(lines[-1]) and (any("\u4e00" <= c <= "\u9fff" for c in lines[-2]) or _movable(lines, width, size)):
            lone.append(f"slide {number} {shape}: {lines[-2]!r} / {lines[-1]!r}")
        wide += [f"slide {number} {shape}: {line!r}" for line in lines if measurer.width(line, size) > width]
    wrapped = [f"slide {number}: {lines}" for number, lines, _, _ in _wrapped_paragraphs(any_decks[name, lang], True)
               if len(lines) > 1]  # a renderer would wrap a text between the layout's breaks again
    assert not lone, "\n".join(lone)
    assert not wide, "\n".join(wide)
    assert not wrapped, "\n".join(wrapped)


@pytest.mark.parametrize(("name", "lang"), [case for case in ANY_CASES if case[1] == "en"])
def test_english_terms_and_amounts_stay_on_one_line(name: str, lang: str,
                                                    any_decks: dict[tuple[str, str], Path]) -> None:
    """'above designated size', 'hundred-billion-yuan class', an amount and its multiplier ('CNY 100 bn') and a
    rank ('No. 1', 'Top 100') never have a line break inside."""
    terms = [re.escape(term).replace(r"\ ", r"\s*\v?\s*") for term in EN_TERMS]
    amounts = r"\d[\d.,]*\+?\s*\v\s*(bn|mn|billion|million)\b|\b(No\.|Top)\s*\v\s*\d"
    broken = []
    for slide in Presentation(str(any_decks[name, lang])).slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            text = shape.text_frame.text
            broken += [m.group() for t in terms for m in re.finditer(t, text) if "\v" in m.group()]
            broken += [m.group() for m in re.finditer(amounts, text)]
    assert not broken, broken


def _chart_texts(name: str, lang: str, path: Path) -> list[str]:
    """Return every text of the deck's chart pictures (grid, matrix, timeline, map), drawn as the deck draws
    them: at the picture's size, 1.25 times smaller than its box."""
    briefing = load_briefing(ANY_SHAPE[name])
    pictures = {shape.name: shape for slide in Presentation(str(path)).slides for shape in slide.shapes
                if shape.shape_type == 13}  # a picture
    found = []
    for chart in briefing.charts:
        picture = pictures.get(f"chart:{chart.id}")
        if chart.kind not in PICTURES or picture is None:
            continue
        fig = Figure(figsize=(picture.width / 914400 / 1.25, picture.height / 914400 / 1.25), dpi=100)
        draw_chart(fig, briefing, chart, lang, framed=False)
        FigureCanvasAgg(fig).draw()
        found += [t.get_text() for t in fig.texts]
        found += [t.get_text() for ax in fig.axes for t in ax.texts]
    return found


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_no_chart_label_splits_a_word(name: str, lang: str, any_decks: dict[tuple[str, str], Path]) -> None:
    """No label of a grid, matrix, timeline or map breaks a word at a hyphen it does not have ('manufac- /
    turing'), and none breaks a word at its own hyphen either where its cell can be widened ('Pharma- /
    chemical'): every line of a chart picture ends in a whole word."""
    texts = _chart_texts(name, lang, any_decks[name, lang])
    assert texts or name == "hengfeng", "the deck draws chart pictures"
    split = [f"{a!r} / {b!r}" for text in texts for a, b in zip(text.split("\n"), text.split("\n")[1:], strict=False)
             if re.search(r"\w-$", a) and b[:1].isalnum()]
    assert not split, "\n".join(split)
