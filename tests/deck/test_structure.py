"""The deck's structure, read back from exported decks of every briefing shape (built-in zh+en, six themes,
the county briefing): a figure once on a slide (a chart of any kind that shows it takes it off the cards), the
reported-month footnote on every slide that shows an undated figure anywhere (dividers too), a timeline too
short for a page of its own on the sources page, and a cover that looks finished without invented names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.deck.boxes import TextBlock
from srbrief.deck.charted import chart_figures, stated_figures
from srbrief.deck.layout import layout_slide
from srbrief.deck.plan import Role, plan_deck
from srbrief.model import ChartKind, load_briefing
from srbrief.model.units import metric_label
from srbrief.resources import builtin_briefing_path
from srbrief.textlayout import slide_measurer
from tests.deck.conftest import ANY_CASES, ANY_SHAPE, HENGFENG

UNDATED = {"zh": "原文未注明统计期，据", "en": "the article gives none (figures as reported"}


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_no_figure_twice_on_a_slide(any_decks: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    """No card repeats a figure the slide's chart shows (its bars, a matrix's counts, a grid's headings), read
    back from the deck's card shapes; every figure taken off a slide is still in the appendix's tables."""
    briefing = load_briefing(ANY_SHAPE[name])
    plan = plan_deck(briefing, lang)
    prs = Presentation(str(any_decks[name, lang]))
    tabled = {_flat(row.cells[0].text) for slide in prs.slides for s in slide.shapes if s.has_table
              for row in list(s.table.rows)[1:]}
    for number, (spec, slide) in enumerate(zip(plan.slides, prs.slides, strict=True), 1):
        if spec.appendix:
            continue
        carded = [s.name[7:] for s in slide.shapes if s.name.startswith("metric:")]
        assert len(carded) == len(set(carded)), number
        charted = {m.id for m in chart_figures(briefing, spec.chart, lang)}
        assert not charted & set(carded), (number, sorted(charted & set(carded)))
        for metric in (m for m in briefing.metrics if m.id in charted):
            assert _flat(metric_label(metric, lang)) in tabled, metric.id


def test_the_matrix_slide_shows_its_counts_once() -> None:
    """The consultant's zh-06: cards 1个 千亿级园区 / 2个 千亿级产业 / 1个 千亿级企业 above a matrix whose column heads
    say the same; the cards left are the two ranks, and they take the band."""
    briefing = load_briefing(builtin_briefing_path())
    for lang in ("zh", "en"):
        plan = plan_deck(briefing, lang)
        index, slide = next((i, s) for i, s in enumerate(plan.slides)
                            if s.chart is not None and s.chart.kind is ChartKind.MATRIX)
        counts = {"hundred-billion-parks", "hundred-billion-industries", "hundred-billion-enterprises"}
        assert {m.id for m in slide.charted} == counts
        assert [c.metric.id for c in slide.cards] == ["jinko-module-shipments-global-rank",
                                                      "jinko-private-revenue-rank"]
        layout = layout_slide(plan, index, slide_measurer())
        cards = layout.named("metric:")
        assert len(cards) == 2 and min(c.rect.w for c in cards) > layout.width * 0.2  # they take the room


def test_a_grid_whose_headings_state_figures_shows_no_card_of_them() -> None:
    """The grid of zh-05 heads its blocks 12条制造业重点产业链 / 目标打造6个先进制造业集群: no card says 12条 and
    6个 again."""
    briefing = load_briefing(builtin_briefing_path())
    for lang in ("zh", "en"):
        slide = next(s for s in plan_deck(briefing, lang).slides
                     if s.chart is not None and s.chart.kind is ChartKind.GRID)
        assert {m.id for m in slide.charted} == {"key-industrial-chains", "advanced-manufacturing-clusters"}
        assert not slide.cards


@pytest.mark.parametrize(("text", "lang", "found"), [
    ("上饶以全面提升12条重点产业链现代化水平为目标", "zh", True),
    ("“新三样”出口占全省比重达74.9%", "zh", False),  # 三 inside a quoted term is no figure
    ("Two-way enclaves and a first-class business environment", "en", False),
    ("Shangrao's \"new three\" exports", "en", False),
    ("12 key manufacturing chains", "en", True),
    ("第一方阵", "zh", False),
])
def test_a_figure_is_found_in_a_text_only_where_it_stands_alone(text: str, lang: str, found: bool) -> None:
    briefing = load_briefing(builtin_briefing_path())
    ids = {m.id for m in stated_figures(briefing.metrics, [text], lang)}
    expected = {"key-industrial-chains"} if found else set()
    assert ids & {"key-industrial-chains", "advanced-manufacturing-top-100", "jinko-module-shipments-global-rank",
                  "funds-established", "g60-alliance-parks", "national-open-platforms"} == expected, ids


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_every_slide_showing_an_undated_figure_says_when_it_was_reported(
        any_decks: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    """On a card, in a chart or in any text (a divider's conclusion, the summary, the outlook): the slide's
    footnote shape says the month of its report, read back from the deck."""
    briefing = load_briefing(ANY_SHAPE[name])
    plan = plan_deck(briefing, lang)
    prs = Presentation(str(any_decks[name, lang]))
    noted = 0
    for number, (spec, slide) in enumerate(zip(plan.slides, prs.slides, strict=True), 1):
        if spec.appendix:
            continue
        texts = [spec.title, spec.subtitle, *spec.bullets]
        undated = [m for m in (*spec.metrics, *stated_figures(briefing.metrics, texts, lang)) if not m.period]
        footnote = " ".join(s.text_frame.text for s in slide.shapes if s.name == "footnote")
        assert bool(undated) == (UNDATED[lang] in footnote.replace("\v", " ")), (number, [m.id for m in undated])
        noted += bool(undated) and spec.role is Role.SECTION
    if name == "builtin":
        assert noted == 3  # the three dividers state 12 条, 100% and 74.9%, none with a period


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_event_joins_the_sources_page_in_a_box_its_size(any_decks: dict[tuple[str, str], Path],
                                                            lang: str) -> None:
    """The county briefing's one event was a box as high as the page: no page of its own now, its dated line on
    the sources page, that page's list no taller than its lines (measured on the layout)."""
    briefing = load_briefing(HENGFENG)
    plan = plan_deck(briefing, lang)
    assert len(briefing.timeline) == 1 and not [s for s in plan.slides if s.role is Role.TIMELINE]
    index = next(i for i, s in enumerate(plan.slides) if s.role is Role.SOURCES)
    event = briefing.timeline[0]
    lines = [b for b in plan.slides[index].bullets if _flat(event.text.get(lang)) in _flat(b)]
    assert len(lines) == 1 and event.source in plan.slides[index].sources
    assert event.source.clause in plan.slides[index].notes
    slide = Presentation(str(any_decks["hengfeng", lang])).slides[index]
    assert _flat(lines[0]) in _flat(" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame))
    listed = layout_slide(plan, index, slide_measurer()).named("list:")
    assert listed
    for block in listed:
        assert isinstance(block, TextBlock) and block.content_height <= block.inner.h + 1e-6


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_the_cover_lists_the_themes_and_invents_no_one(any_decks: dict[tuple[str, str], Path], name: str,
                                                       lang: str) -> None:
    """A cover without organisation or presenter is not a title on a blank page: a band of colour and the themes,
    each under its own colour; nothing in brackets to fill in."""
    briefing = load_briefing(ANY_SHAPE[name])
    plan = plan_deck(briefing, lang)
    blocks = {b.name: b for b in layout_slide(plan, 0, slide_measurer()).blocks}
    assert "cover-band" in blocks
    themes = [s for s in briefing.sections if s.kind.value == "theme"]
    cover = Presentation(str(any_decks[name, lang])).slides[0]
    texts = [s.text_frame.text for s in cover.shapes if s.has_text_frame]
    shown = [t for t in texts if any(_flat(s.title.get(lang)) in _flat(t) for s in themes)]
    assert len(shown) == len(themes)
    assert len({blocks[f"theme-rule:{i}"].fill for i in range(1, len(themes) + 1)}) == len(themes)
    assert not [t for t in texts if "【" in t or "[" in t]
