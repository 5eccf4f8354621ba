"""The deck plan: order, size, notes and coverage of every figure."""

from __future__ import annotations

import pytest

from srbrief.deck.plan import Role, plan_deck
from srbrief.model import Briefing, Metric


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_order_and_size(builtin: Briefing, lang: str) -> None:
    plan = plan_deck(builtin, lang)
    roles = [s.role for s in plan.slides]
    assert 14 <= len(roles) <= 22
    assert roles[:3] == [Role.TITLE, Role.AGENDA, Role.FIGURES]
    assert roles[-4:] == [Role.TIMELINE, Role.MAP, Role.SOURCES, Role.CLOSING]
    sections = [i for i, r in enumerate(roles) if r is Role.SECTION]
    assert len(sections) == 3
    for start, end in zip(sections, [*sections[1:], len(roles) - 4], strict=True):
        block = roles[start + 1:end]
        assert block[0] is Role.FIGURES and block[-1] is Role.LIST
        assert 1 <= block.count(Role.CHART) <= 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_slide_has_notes_with_sources(builtin: Briefing, lang: str) -> None:
    plan = plan_deck(builtin, lang)
    for slide in plan.slides:
        assert slide.notes.strip(), slide.title
        for clause in slide.sources:
            assert clause in slide.notes
        for metric in slide.metrics:
            assert metric.source in slide.sources


def test_every_metric_is_on_some_slide(builtin: Briefing) -> None:
    plan = plan_deck(builtin, "zh")
    shown = {m.id for s in plan.slides for m in s.metrics}
    assert shown == {m.id for m in builtin.metrics}


def test_english_plan_has_no_chinese_outside_sources(builtin: Briefing) -> None:
    import re

    plan = plan_deck(builtin, "en")
    han = re.compile(r"[\u4e00-\u9fff]")
    for slide in plan.slides:
        visible = " ".join([slide.title, slide.subtitle, *slide.bullets])
        assert not han.search(visible.replace("超, 余, 突破", "")), visible
        body = slide.notes.split("\n\nSources:")[0]
        assert not han.search(body), body


def test_figure_chunks_are_even() -> None:
    from srbrief.deck.plan import _chunks

    items: list[Metric] = list(range(16))  # type: ignore[arg-type]
    assert [len(c) for c in _chunks(items, 15)] == [8, 8]
    assert _chunks([], 15) == []


def test_a_short_last_row_of_cards_is_centred() -> None:
    from srbrief.deck.plan import card_slot

    assert [card_slot(i, 5) for i in range(5)] == [(0, 0), (0, 1), (0, 2), (1, 0.5), (1, 1.5)]  # 3 + 2
    assert [card_slot(i, 4) for i in range(4)] == [(0, 0), (0, 1), (0, 2), (0, 3)]  # one full row
    assert [card_slot(i, 13) for i in (10, 11, 12)] == [(2, 1.0), (2, 2.0), (2, 3.0)]  # 5 + 5 + 3, centred
