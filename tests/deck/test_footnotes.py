"""A derived value is marked as a consultant marks it, read back from the exported decks (built-in and six-theme
briefing, zh and en): a marker at the end of its label ('¹', '²' …), and at the foot of its slide one footnote
line, at the footer's size, that says what the marked value is; no "计算值" / "derived" words inside the cards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt

from srbrief.deck.layout import layout_slide
from srbrief.deck.plan import plan_deck
from srbrief.deck.plandata import FOOTNOTE_MARKS, footnote_parts
from srbrief.deck.words import t
from srbrief.model import load_briefing
from srbrief.model.units import stated_start
from srbrief.textlayout import slide_measurer
from srbrief.typescale import SMALL_PRINT
from tests.deck.conftest import ANY_SHAPE, BRIEFINGS, CASES

MARKS = "*¹²³⁴⁵⁶⁷⁸⁹"


def card_mark(shape) -> str:
    """Return the footnote marker that ends a card's label (a derived value: never by its number, where "2¹" reads
    as a power); else the marker that ends its period (a value whose period alone was worked out is marked by its
    period: 2023.6–2025.7¹)."""
    runs = shape.text_frame.paragraphs[0].runs
    after = next(i for i, run in enumerate(runs) if run.font.bold) + 1
    beside = runs[after].text.strip() if after < len(runs) else ""
    assert not (beside and all(c in MARKS for c in beside)), beside  # nothing marked right after the number
    label = shape.text_frame.paragraphs[1].text.replace("\v", "").rstrip()
    if label and label[-1] in MARKS:
        return label[-1]
    ends = [run.text.rstrip()[-1] for p in shape.text_frame.paragraphs for run in p.runs
            if run.text.rstrip() and run.text.rstrip()[-1] in MARKS and any(ch.isdigit() for ch in run.text)]
    return ends[0] if ends else ""


def test_a_derived_period_is_marked_by_the_period_not_by_the_value() -> None:
    """The reviewer: "第 2*" said the rank was worked out; only the end month of its period was (the summary now
    shows the streak, 26个月, which names the rank: one card per fact)."""
    plan = plan_deck(load_briefing(BRIEFINGS["six-themes"]), "zh")
    streak = next(c for s in plan.slides for c in s.cards if c.metric.id == "months")  # 数据为26个月: no start
    assert streak.mark == "" and streak.meta[-1] in FOOTNOTE_MARKS


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_period_whose_start_the_source_states_reads_since_it(lang: str) -> None:
    """Both reviewers: "26个月 2023.6–2025.7¹" put our computed end month on the summary's most prominent card; the
    article says 自2023年6月起: the card says 2023年6月起 / since Jun 2023, unmarked, and the slide has no footnote on
    it (the appendix keeps the range and how its end was worked out)."""
    plan = plan_deck(load_briefing(BRIEFINGS["builtin"]), lang)
    slide = next(s for s in plan.slides for c in s.cards if c.metric.id == "months-at-provincial-second")
    streak = next(c for c in slide.cards if c.metric.id == "months-at-provincial-second")
    assert streak.meta == ("2023年6月起" if lang == "zh" else "since Jun 2023") and streak.mark == ""
    assert t("derived_period", lang) not in slide.footnote and "2025" not in streak.meta
    row = next(r for s in plan.slides if s.table for r in s.table.rows if r[0] == streak.metric.label.get(lang))
    assert "2025" in row[2] and t("derived_period", lang) in row[2]  # the appendix: the range, marked


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_each_marked_value_has_its_footnote_on_its_slide(shaped_decks: dict[tuple[str, str], Path], name: str,
                                                         lang: str) -> None:
    briefing = load_briefing(BRIEFINGS[name])
    derived = {m.id: m for m in briefing.metrics if m.derived is not None}
    words = {t("derived", lang), t("derived_period", lang)}
    marked = 0
    for slide in Presentation(str(shaped_decks[name, lang])).slides:
        shapes = {shape.name: shape for shape in slide.shapes}
        cards = {n[7:]: s for n, s in shapes.items() if n.startswith("metric:")}
        for metric_id, shape in cards.items():
            text = shape.text_frame.text
            assert not any(w in text for w in words), (metric_id, text)  # the words are in the footnote
            mark = card_mark(shape)
            shown_since = metric_id in derived and stated_start(derived[metric_id]) is not None  # 'since' it
            assert bool(mark) == (metric_id in derived and not shown_since), (metric_id, mark)
            if not mark:
                continue
            marked += 1
            footnote = shapes.get("footnote")
            assert footnote is not None, metric_id
            note = footnote.text_frame.text.replace("\v", " ")
            assert f"{mark} " in note, (mark, note)
            what = derived[metric_id].derived.get(lang).split("：" if lang == "zh" else ": ")[0]  # the rest: appendix
            assert what in note or f"Derived: {what[0].lower()}{what[1:]}" in note, (what, note)  # mid-sentence
            sizes = [run.font.size for p in footnote.text_frame.paragraphs for run in p.runs]
            assert sizes and all(size is not None and size >= Pt(SMALL_PRINT) >= Pt(10) for size in sizes)
    assert marked >= 2  # a derived value and a derived period at least


@pytest.mark.parametrize("name", BRIEFINGS)
def test_the_presenter_and_pdf_layout_carries_the_footnote(name: str) -> None:
    """The presenter and the PDF draw the slides' layout: the footnote is one of its blocks, above the footer."""
    briefing = load_briefing(BRIEFINGS[name])
    plan = plan_deck(briefing, "zh")
    noted = [i for i, s in enumerate(plan.slides) if s.footnote]
    assert noted
    for index in noted:
        blocks = {b.name: b for b in layout_slide(plan, index, slide_measurer()).blocks}
        footnote, footer = blocks["footnote"], blocks["footer"]
        assert footnote.rect.bottom <= footer.rect.y + 1e-6
        body = [b for n, b in blocks.items() if n.startswith(("metric:", "chart:", "facts:", "summary"))]
        assert all(b.rect.bottom <= footnote.rect.y + 1e-6 for b in body), index


@pytest.mark.parametrize("name", list(ANY_SHAPE))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_footnote_is_a_sentence_of_its_own(name: str, lang: str) -> None:
    """The reviewer read "¹ Derived: Counted from the parks … High-tech Zone   Where no period is shown …" as one
    run-on line with a capital mid-sentence (and "…计数　未标时期的数字…" in Chinese): each note ends with its
    full stop, and after "Derived:" a note goes on in lower case."""
    plan = plan_deck(load_briefing(ANY_SHAPE[name]), lang)
    parts = [p for s in plan.slides for p in footnote_parts(s.footnote)]
    assert parts
    assert not [p for p in parts if not p.rstrip().endswith((".", "?", "!", "。"))]
    assert not [p for p in parts if re.search(r"Derived: [A-Z][a-z]", p)]
