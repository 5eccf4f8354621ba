"""The deck plan: a briefing's story in order, every figure covered, notes with sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from srbrief.deck.plan import Role, plan_deck
from srbrief.meaning import GOOD
from srbrief.model import Briefing
from srbrief.model.story import effective_points, figure_meaning
from srbrief.model.units import metric_period


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_story_in_order(builtin: Briefing, lang: str) -> None:
    plan = plan_deck(builtin, lang)
    roles = [s.role for s in plan.slides]
    assert roles[:2] == [Role.TITLE, Role.SUMMARY]
    main = [s for s in plan.slides if not s.appendix]
    points = [s for s in main if s.role is Role.POINT]
    written = [p for s in builtin.sections for p in effective_points(s)]
    assert [s.name for s in points] == [p.id for p in written[1:]]  # the first is the summary's headline
    assert main[-2].role is Role.OUTLOOK and main[-1].name == "closing"  # the outlook, then the closing page
    assert [s.role for s in plan.slides if s.appendix and not s.name.startswith("glossary-")][-2:] == [
        Role.TIMELINE, Role.SOURCES]  # (then, in English, the terms explained when more than its page holds)
    assert sum(1 for s in plan.slides if s.role is Role.SECTION and s.section_id is not None) == 3
    assert len(main) <= 22  # a 15-minute briefing


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_slide_has_notes_with_sources(builtin: Briefing, lang: str) -> None:
    plan = plan_deck(builtin, lang)
    for before, slide in zip((None, *plan.slides), plan.slides, strict=False):
        if slide.role is Role.TABLE:  # the table itself carries every clause; a continuation page has no notes
            assert bool(slide.notes.strip()) == (before is None or before.role is not Role.TABLE), slide.title
            continue
        assert slide.notes.strip(), slide.title
        for cite in slide.sources:
            assert cite.clause in slide.notes
        for metric in slide.metrics:
            assert metric.source in slide.sources


def test_every_metric_is_in_the_appendix_with_its_source(builtin: Briefing) -> None:
    plan = plan_deck(builtin, "zh")
    rows = [row for s in plan.slides if s.table is not None for row in s.table.rows]
    ids = [i for s in plan.slides if s.table is not None for i in s.table.ids]
    assert ids == [m.id for m in builtin.metrics]
    for row, metric in zip(rows, builtin.metrics, strict=True):
        assert row[3].startswith(metric.source.clause)
        if metric.derived is not None:  # how a derived value was computed, marked as such
            word = "时期为推算" if metric.derived_part.value == "period" else "计算值"
            note = metric.derived.zh.replace("：", "；")  # one colon at most: a note's own is a semicolon
            assert f"（{word}）" in row[2 if metric.derived_part.value == "period" else 1]  # what was worked out
            assert row[3].endswith(f"（{note}）") or row[3].endswith(f"（{word}：{note}）")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_most_six_figures_a_slide_each_with_its_period(builtin: Briefing, lang: str) -> None:
    plan = plan_deck(builtin, lang)
    for slide in plan.slides:
        assert len(slide.metrics) <= 6, slide.title
        for card in slide.cards:  # a card says its period, once: by its period tag, or in its label
            if card.metric.period:
                said = metric_period(card.metric, lang)  # a range the source gives the start of: 'since' it
                assert (said in card.meta) != (said in card.metric.label.get(lang)), card.metric.id
    revenue = next(c for s in plan.slides for c in s.cards if c.metric.id == "industrial-revenue-2024")
    assert revenue.meta == ("2024年" if lang == "zh" else "2024")


def test_a_cost_cut_is_good_news_in_green(builtin: Briefing) -> None:
    cut = builtin.find("pv-production-cost-cut")
    assert figure_meaning(cut, "section2") == GOOD


def test_english_plan_has_no_chinese_outside_sources(builtin: Briefing) -> None:
    plan = plan_deck(builtin, "en")
    han = re.compile(r"[\u4e00-\u9fff]")
    for slide in plan.slides:
        visible = " ".join([slide.title, slide.subtitle, slide.kicker, slide.caption, *slide.bullets,
                            *(c.meta for c in slide.cards), *(r.message for r in slide.summary)])
        assert not han.search(visible), visible
        body = re.split(r"\n\nSources[ :]", slide.notes)[0]
        assert not han.search(body), body


def test_a_file_without_a_storyline_still_makes_a_deck(minimal_yaml: str, tmp_path: Path) -> None:
    from srbrief.model import load_briefing

    path = tmp_path / "mini.yaml"
    path.write_text(minimal_yaml, encoding="utf-8")
    briefing = load_briefing(path)
    assert not briefing.points
    plan = plan_deck(briefing, "en")
    assert plan.slides[1].role is Role.SUMMARY
    assert all(len(s.metrics) <= 6 for s in plan.slides)
    assert {m.id for s in plan.slides for m in s.metrics} == {m.id for m in briefing.metrics}
