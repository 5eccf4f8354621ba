"""The slide layout: one answer to "where and how big" for the deck, the presenter and the PDF."""

from __future__ import annotations

from dataclasses import replace

import pytest

from srbrief.deck.layout import ChartBlock, TextBlock, layout_deck, layout_slide
from srbrief.deck.plan import Role, plan_deck
from srbrief.model import Briefing, Text
from srbrief.textlayout import LINE_SPACING, slide_measurer


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_block_lies_on_its_slide_and_every_text_fits(builtin: Briefing, lang: str) -> None:
    plan = plan_deck(builtin, lang)
    for number, layout in enumerate(layout_deck(plan, slide_measurer()), 1):
        assert layout.overflows == (), number
        for block in layout.blocks:
            r = block.rect
            assert r.x >= 0 and r.y >= 0 and r.right <= layout.width + 1e-6 and r.bottom <= layout.height + 1e-6
            if isinstance(block, TextBlock):
                assert block.content_height <= block.inner.h + 1e-6, (number, block.name)


def test_cards_are_named_by_metric_and_share_one_label_size(builtin: Briefing) -> None:
    plan = plan_deck(builtin, "en")
    index = max(range(len(plan.slides)), key=lambda i: len(plan.slides[i].cards))
    layout = layout_slide(plan, index, slide_measurer())
    cards = layout.named("metric:")
    assert len(cards) >= 4
    assert [c.name for c in cards] == [f"metric:{c.metric.id}" for c in plan.slides[index].cards]
    label_sizes = {c.paras[-1].size for c in cards if isinstance(c, TextBlock)}
    assert len(label_sizes) == 1
    assert all(isinstance(c, TextBlock) and c.fill == "card" for c in cards)


def test_charts_are_named_by_chart_id(builtin: Briefing) -> None:
    plan = plan_deck(builtin, "zh")
    charts = [b for layout in layout_deck(plan, slide_measurer()) for b in layout.blocks if isinstance(b, ChartBlock)]
    assert charts and all(b.name == f"chart:{b.chart.id}" for b in charts)


def test_numbers_give_way_before_labels_get_small(builtin: Briefing) -> None:
    """A label too long for 14 pt makes the numbers smaller, down to 28 pt, before the labels shrink further."""
    plan = plan_deck(builtin, "en")
    index = next(i for i, s in enumerate(plan.slides) if s.role is Role.POINT and len(s.cards) >= 5)
    slide = plan.slides[index]

    def first_card(repeat: int) -> TextBlock:
        card = slide.cards[0]
        metric = replace(card.metric, label=Text(zh="长", en=card.metric.label.en + " and so on" * repeat))
        changed = replace(slide, cards=(replace(card, metric=metric), *slide.cards[1:]))
        layout = layout_slide(replace(plan, slides=(*plan.slides[:index], changed, *plan.slides[index + 1:])),
                              index, slide_measurer())
        block = layout.named("metric:")[0]
        assert isinstance(block, TextBlock)
        return block

    sizes = [(c.paras[0].size, c.paras[-1].size if c.paras[-1].lines[0][0].colour != "muted"
              else c.paras[-2].size) for c in (first_card(n) for n in (0, 3, 12))]
    numbers = [n for n, _ in sizes]
    # longer labels: numbers give way first (in between, the cards may take another grid that has more room)
    assert numbers[-1] <= numbers[0]
    assert min(numbers) >= 28  # never below 28 pt for their labels' sake


def test_a_label_no_card_can_hold_is_reported(builtin: Briefing) -> None:
    plan = plan_deck(builtin, "en")
    index = next(i for i, s in enumerate(plan.slides) if s.cards)
    slide = plan.slides[index]
    long_label = " ".join(["overlong"] * 120)
    slides = list(plan.slides)
    card = slide.cards[0]
    slides[index] = replace(slide, cards=(replace(card, metric=replace(card.metric, label=Text(zh="长",
                                                                                              en=long_label))),
                                          *slide.cards[1:]))
    layout = layout_slide(replace(plan, slides=tuple(slides)), index, slide_measurer())
    assert long_label in layout.overflows


def test_line_height_is_the_same_rule_everywhere(builtin: Briefing) -> None:
    plan = plan_deck(builtin, "zh")
    for layout in layout_deck(plan, slide_measurer()):
        for block in layout.blocks:
            if isinstance(block, TextBlock):
                assert all(p.line_height == pytest.approx(p.size * LINE_SPACING) for p in block.paras)
