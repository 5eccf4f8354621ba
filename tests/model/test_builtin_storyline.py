"""The built-in briefing's storyline: action titles backed by figures, a summary per theme, the article's
outlook, honest marks (derived, good news) and English written for a foreign investor."""

from __future__ import annotations

import re

import pytest

from srbrief.model import Briefing, DerivedPart, Direction, Good, Lang, SectionKind, load_briefing
from srbrief.model.claims import uncarried_numbers
from srbrief.model.story import effective_points, executive_summary, good_news, outlook, point_figures
from srbrief.resources import builtin_briefing_path
from tests.model.test_builtin_briefing import _texts

TOPIC_LABELS = {"关键数据", "主要举措", "主要指标", "核心数据", "总览", "Key figures", "Key measures", "Overview",
                "Main measures", "Highlights"}


@pytest.fixture(scope="module")
def briefing(article_text: str) -> Briefing:
    return load_briefing(builtin_briefing_path(), article_text)


def test_every_section_tells_its_story_in_points(briefing: Briefing) -> None:
    for section in briefing.sections:
        low = 2 if section.kind is SectionKind.THEME else 1
        assert low <= len(section.points) <= 4, section.id
        assert effective_points(section) == section.points


def test_messages_are_action_titles(briefing: Briefing) -> None:
    for point in briefing.points:
        zh, en = point.message.zh, point.message.en
        assert zh not in TOPIC_LABELS and en not in TOPIC_LABELS, point.id
        assert len(zh) >= 15 and len(en.split()) >= 8, f"{point.id}: a conclusion is a sentence"
        assert len(en) <= 140 and len(zh) <= 50, f"{point.id}: an action title fits two lines"
        assert 1 <= len(point.figures) <= 6 and len(point.facts) <= 3, point.id


def test_every_number_of_every_message_is_a_cited_figure(briefing: Briefing) -> None:
    """The loader checks this; checked here again so that a loader change cannot hide a bad title."""
    for point in briefing.points:
        figures = point_figures(briefing, point)
        for lang in Lang:
            assert not uncarried_numbers(point.message.get(lang), figures, lang.value), (point.id, lang)


def test_points_use_every_metric_chart_of_their_theme(briefing: Briefing) -> None:
    charts = {p.chart for p in briefing.points if p.chart}
    assert {"t1-matrix", "t2-gains", "t3-new-three", "t3-route-map"} <= charts
    assert briefing.section_of("t3-route-map").id == briefing.section_of("theme-3-gateway").id == "theme-3"


def test_summary_has_one_line_per_theme(briefing: Briefing) -> None:
    lines = executive_summary(briefing)
    assert [line.section.number for line in lines] == [1, 2, 3]
    assert all(line.written and line.figure is not None for line in lines)


def test_outlook_is_the_articles_own(briefing: Briefing, article_text: str) -> None:
    lines = outlook(briefing)
    assert 2 <= len(lines) <= 5
    assert all(line.source.clause in article_text for line in lines)
    assert any("对标长三角打造一流营商环境" in line.source.clause for line in lines)


def test_the_cost_cut_is_good_news(briefing: Briefing) -> None:
    cut = briefing.find("pv-production-cost-cut")
    assert cut.direction is Direction.DECREASE and cut.good is Good.DOWN and good_news(cut) is True
    changes = [m for m in briefing.metrics if m.direction is not None]
    assert all(good_news(m) is True for m in changes)


def test_derived_values_are_marked(briefing: Briefing) -> None:
    derived = {m.id for m in briefing.metrics if m.derived and m.derived_part is DerivedPart.VALUE}
    assert derived == {"g60-alliance-parks", "funds-established"}  # counted from the names in the clause
    # the end month of "26 months in a row from June 2023" is computed: the period is marked, the value checked
    periods = {m.id for m in briefing.metrics if m.derived and m.derived_part is DerivedPart.PERIOD}
    assert periods == {"industrial-revenue-provincial-rank", "months-at-provincial-second"}
    assert all(briefing.find(i).period == "2023-06/2025-07" for i in periods)


def test_every_claim_cites_clauses_of_the_article(briefing: Briefing, article_text: str) -> None:
    """The loader checks this; checked here again so that a loader change cannot hide an unbacked claim."""
    for item in (*briefing.points, *briefing.summary):
        assert item.sources, item
        assert all(cite.clause in article_text for cite in item.sources), item


def test_bar_charts_show_levels_or_changes(briefing: Briefing) -> None:
    gains = [briefing.find(i) for i in briefing.find("t2-gains").items]
    assert gains and all(m.direction is not None for m in gains)
    rates = {"auto-on-time-delivery", "optical-yield-rate"}  # levels: figures of the same point, not bars
    assert rates <= set(briefing.find("theme-2-gains").figures)


def _glossed_on_its_slide(briefing: Briefing, english: str) -> bool:
    """Return whether *english* is a point's action title whose own facts gloss the Shuzhidai name."""
    return any(p.message.en == english and any(re.search(r'Shuzhidai \("', f.text.en) for f in p.facts)
               for p in briefing.points)


def test_english_for_a_foreign_investor(briefing: Briefing) -> None:
    english = [t.en for t in _texts(briefing)]
    joined = "\n".join(english)
    assert "Xi Jinping" in joined
    assert all("General Secretary Xi Jinping" in t for t in english if "Xi Jinping" in t)
    for wrong in ("person-times", "First stop west", "million times"):
        assert wrong not in joined
    gloss = re.compile(r'Shuzhidai \("[a-z -]+"\)')
    glossed = [t for t in english if "Shuzhidai" in t]
    assert glossed and all(gloss.search(t) for t in glossed if not _glossed_on_its_slide(briefing, t)), glossed
    assert "the first city inside jiangxi on the way west from songjiang" in joined.lower()
