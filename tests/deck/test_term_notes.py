"""Issue 19, the consultant's review of the English deck: a Chinese term ("new three", "above-scale",
"hundred-billion-yuan class") is explained where the reader first meets it, in the footnote line of the first
main-flow slide that uses it, not only on the last page; and a doughnut's share says of what it is a share.
Read back from the exported decks (built-in, six-theme and county briefings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from srbrief.charts.render import render_chart
from srbrief.deck.plan import plan_deck
from srbrief.deck.plan_slides import FOOTNOTE_LINES
from srbrief.deck.words import TERM_NOTES, t
from srbrief.model import ChartKind, load_briefing
from srbrief.model.units import mid_sentence
from srbrief.typescale import SMALL_PRINT
from tests.deck.conftest import ANY_SHAPE, BRIEFINGS, write_template

# the terms each briefing's English deck uses (its sources page explains them): none in the county briefing
USED = {"builtin": {"above_size", "new_three", "hundred_billion", "etdz", "miit", "g60", "enclave", "one_thing",
                    "new_quality", "ccid"}, "six-themes": {"above_size"}, "hengfeng": set()}
SUMMARY_TERMS = {"above_size", "new_three", "hundred_billion"}  # the built-in summary's (its slide 2)


def slide_text(slide) -> str:
    """Return every text a reader sees on *slide*: its text boxes, tables, native charts' categories and what a
    drawn chart writes (its alt text names it: a map's legend "Two-way sci-tech enclave link")."""
    texts = []
    for shape in slide.shapes:
        if shape.name == "footnote":
            continue
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if getattr(shape, "has_table", False) and shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
        if getattr(shape, "has_chart", False) and shape.has_chart:
            texts += [str(c) for c in shape.chart.plots[0].categories] if shape.chart.plots else []
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
            texts.append(shape._element.nvPicPr.cNvPr.get("descr", ""))
    return "\n".join(texts).replace("\v", "")  # a hard break keeps the space before it


def footnote_of(slide):
    return next((shape for shape in slide.shapes if shape.name == "footnote"), None)


def term_notes(key: str) -> tuple[str, str]:
    """Return the slide's note on *key* and its shortest form."""
    return TERM_NOTES[key][1], TERM_NOTES[key][2]


@pytest.mark.parametrize("name", ANY_SHAPE)
def test_a_term_is_explained_on_the_first_slide_that_uses_it(any_decks: dict[tuple[str, str], Path],
                                                               name: str) -> None:
    """Each term the sources page explains has a short note in the footnote of the first main-flow slide whose
    text uses it, and on no other main-flow slide; the sources page keeps the full note."""
    plan = plan_deck(load_briefing(ANY_SHAPE[name]), "en")
    main_flow = sum(1 for s in plan.slides if not s.appendix)
    slides = list(Presentation(str(any_decks[name, "en"])).slides)
    appendix = "\n".join(slide_text(s) for s in slides[main_flow:])  # the sources page, or its glossary pages
    explained = {key for key in TERM_NOTES if t(key, "en") in re.sub(r"\s+", " ", appendix)}
    assert explained == USED[name]
    for key in explained:
        pattern = re.compile(TERM_NOTES[key][0], re.IGNORECASE)
        first = next(i for i in range(main_flow) if pattern.search(slide_text(slides[i])))
        noted = [i for i in range(main_flow) if (f := footnote_of(slides[i])) is not None and
                 any(note in f.text_frame.text.replace("\v", "") for note in term_notes(key))]
        assert noted == [first], (key, noted, first)
        sizes = [run.font.size for p in footnote_of(slides[first]).text_frame.paragraphs for run in p.runs]
        assert sizes and all(size is not None and size >= Pt(SMALL_PRINT) >= Pt(10) for size in sizes)
    if not explained:  # a briefing without such terms gets no note
        footnotes = [f.text_frame.text for f in map(footnote_of, slides) if f is not None]
        assert not any("(our note)" in x.replace("\xa0", " ") for x in footnotes)


def test_the_chinese_deck_needs_no_term_note(shaped_decks: dict[tuple[str, str], Path]) -> None:
    for name in BRIEFINGS:
        for slide in Presentation(str(shaped_decks[name, "zh"])).slides:
            footnote = footnote_of(slide)
            assert footnote is None or not any(note in footnote.text_frame.text for key in TERM_NOTES
                                               for note in term_notes(key))


def test_a_narrow_slide_takes_the_shortest_notes_and_they_fit(tmp_path: Path) -> None:
    """On a 4:3 template the built-in summary's footnote would need three lines with the full notes: it takes
    their shortest forms, and the exported footnote is at the footer's size, on at most two lines."""
    from srbrief.cli import main

    template = write_template(tmp_path / "four-three.pptx", lambda theme: theme)  # python-pptx's default: 4:3
    target = tmp_path / "deck.pptx"
    assert main(["export", "-o", str(target), "--lang", "en", "--template", str(template)]) == 0
    prs = Presentation(str(target))
    assert prs.slide_width * 3 == prs.slide_height * 4
    footnote = footnote_of(prs.slides[1])
    text = footnote.text_frame.text.replace("\v", "")  # a hard break keeps the space before it
    assert all(term_notes(key)[1] in text for key in SUMMARY_TERMS), text
    assert not any(term_notes(key)[0] in text for key in SUMMARY_TERMS)
    assert len(footnote.text_frame.text.split("\v")) <= FOOTNOTE_LINES
    sizes = [run.font.size for p in footnote.text_frame.paragraphs for run in p.runs]
    assert sizes and all(size is not None and size >= Pt(10) for size in sizes)
    wide = plan_deck(load_briefing(BRIEFINGS["builtin"]), "en").slides[1].footnote  # a 16:9 slide has the room
    assert all(term_notes(key)[0] in wide for key in SUMMARY_TERMS)


# a doughnut's share says of what: its whole, named as the data names it (the consultant: "60.4%" stood beside
# 74.9% of the province and 94.3%, each of another base)
SHARES = {("builtin", "zh"): "占全市外贸出口60.4%（计算值）",
          ("builtin", "en"): "60.4% of the city's total exports (derived)",
          ("six-themes", "zh"): "占园区营业收入30%（计算值）",
          ("six-themes", "en"): "30% of revenue of the park (derived)"}


@pytest.mark.parametrize(("name", "lang"), list(SHARES))
def test_a_doughnut_share_says_of_what(shaped_decks: dict[tuple[str, str], Path], name: str, lang: str,
                                       tmp_path: Path) -> None:
    """The deck's native doughnut and the drawing the presenter and the PDF show say the same."""
    texts = [shape.text_frame.text for slide in Presentation(str(shaped_decks[name, lang])).slides
             for shape in slide.shapes if shape.name.startswith("chart:") and shape.has_text_frame]
    beside = [x for x in texts if "计算值" in x or "derived" in x]
    assert beside and all(SHARES[name, lang] in x.splitlines() for x in beside), beside
    assert not any("占比" in x or "of the total" in x for x in beside)
    briefing = load_briefing(BRIEFINGS[name])
    chart = next(c for c in briefing.charts if c.kind is ChartKind.SHARE and
                 briefing.find(c.items[0]).unit != "percent")
    svg = tmp_path / "share.svg"
    render_chart(briefing, chart, lang, svg)
    drawn = svg.read_text(encoding="utf-8").replace("&#x27;", "'").replace("&apos;", "'")
    assert SHARES[name, lang] in drawn


def test_a_whole_named_mid_sentence_keeps_a_name_s_capital() -> None:
    """The whole's label drops its capital only for a word the briefing writes in lower case elsewhere."""
    briefing = load_briefing(BRIEFINGS["builtin"])
    assert mid_sentence("The city's exports", briefing) == "the city's exports"
    assert mid_sentence("Jiangxi's exports", briefing) == "Jiangxi's exports"
    assert mid_sentence("Shangrao's revenue", briefing) == "Shangrao's revenue"
    assert mid_sentence("CNY exports", briefing) == "CNY exports"
