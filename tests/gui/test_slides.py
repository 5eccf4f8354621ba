"""The slide painter behind the presenter and the PDF handout: nothing it paints is cut off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from srbrief.deck.plan import DeckPlan, plan_deck
from srbrief.gui.slides import HEIGHT, WIDTH, SlidePainter
from srbrief.model import Text, load_briefing
from srbrief.resources import builtin_briefing_path


def paint_all(painter: SlidePainter) -> list[tuple[int, str]]:
    """Paint every slide; return (slide number, text) for each text larger than its box."""
    image = QImage(int(WIDTH), int(HEIGHT), QImage.Format.Format_ARGB32)
    cut = []
    for index in range(len(painter.plan.slides)):
        qp = QPainter(image)
        painter.paint(qp, QRectF(0, 0, image.width(), image.height()), index)
        qp.end()
        cut += [(index + 1, text) for text in painter.overflows]
    return cut


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_text_of_the_builtin_deck_is_cut_off(lang: str) -> None:
    painter = SlidePainter(plan_deck(load_briefing(builtin_briefing_path()), lang))
    assert paint_all(painter) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_briefing_built_in_the_app_paints_whole(lang: str) -> None:
    """The tester's own briefing (events, no timeline chart: the plan makes the slide) crashed the presenter, the
    PDF handout and the screenshots (KeyError: 'timeline'); every slide paints, nothing cut off. Its one event
    is a dated line on the sources page, not a chart of one dot nor a page of its own."""
    from pathlib import Path

    from srbrief.deck.plandata import Role
    from srbrief.model import ChartKind

    briefing = load_briefing(Path(__file__).parents[1] / "data" / "tester" / "hengfeng-new-energy.yaml")
    assert not any(c.kind is ChartKind.TIMELINE for c in briefing.charts) and len(briefing.timeline) == 1
    plan = plan_deck(briefing, lang)
    assert not [s for s in plan.slides if s.role is Role.TIMELINE]
    sources = next(s for s in plan.slides if s.role is Role.SOURCES)
    assert any(briefing.timeline[0].text.get(lang) in b for b in sources.bullets)
    assert paint_all(SlidePainter(plan)) == []


def _with_label(plan: DeckPlan, index: int, label: str) -> DeckPlan:
    """Return *plan* with the first card of slide *index* relabelled."""
    slide = plan.slides[index]
    card = slide.cards[0]
    changed = replace(card, metric=replace(card.metric, label=Text(zh="过长", en=label)))
    slides = list(plan.slides)
    slides[index] = replace(slide, cards=(changed, *slide.cards[1:]))
    return replace(plan, slides=tuple(slides))


def test_a_label_too_long_for_any_card_is_reported() -> None:
    """The check above can fail: a label no card can hold is recorded as cut off."""
    plan = plan_deck(load_briefing(builtin_briefing_path()), "en")
    index = next(i for i, s in enumerate(plan.slides) if s.cards)
    long_label = " ".join(["overlong"] * 120)
    painter = SlidePainter(_with_label(plan, index, long_label))
    image = QImage(int(WIDTH), int(HEIGHT), QImage.Format.Format_ARGB32)
    qp = QPainter(image)
    painter.paint(qp, QRectF(0, 0, WIDTH, HEIGHT), index)
    qp.end()
    assert long_label in painter.overflows


def test_every_text_of_a_slide_chart_states_its_weight() -> None:
    """Qt's SVG renderer would draw a text without a weight in the weight of the text before it."""
    import re

    from srbrief.gui.slides import chart_svg

    plan = plan_deck(load_briefing(builtin_briefing_path()), "en")
    svg = chart_svg(plan, plan.briefing.find("overview-timeline"), "light", 1190, 490).decode("utf-8")
    styles = re.findall(r'style="([^"]*font-size[^"]*)"', svg)
    assert styles and all("font-weight" in style for style in styles)
    assert any("font-weight: 400" in style for style in styles) and any("font-weight: 700" in s for s in styles)


def test_labels_too_long_for_the_usual_size_shrink_rather_than_being_cut() -> None:
    plan = plan_deck(load_briefing(builtin_briefing_path()), "en")
    index = max(range(len(plan.slides)), key=lambda i: len(plan.slides[i].cards))
    label = plan.slides[index].cards[0].metric.label.en + " and so on" * 3
    assert paint_all(SlidePainter(_with_label(plan, index, label))) == []


def test_no_chinese_character_is_left_alone_on_the_last_line_of_a_card() -> None:
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    from srbrief.fonts import FAMILY
    from srbrief.model.textutil import no_lone_last_character

    font = QFont(FAMILY)
    font.setPixelSize(20)

    def last_line(text: str, width: float) -> str:
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(text[line.textStart():line.textStart() + line.textLength()])
        layout.endLayout()
        return lines[-1].replace("\u2060", "")

    for label in ("晶科能源N型电池转化效率", "光伏龙头企业全球生产基地"):
        assert len(last_line(label, 11 * 20 + 2)) == 1  # as Qt would wrap it
        assert len(last_line(no_lone_last_character(label), 11 * 20 + 2)) == 2
    assert no_lone_last_character("Yield rate") == "Yield rate"
