"""Events written in the app (no timeline chart in the briefing) reach the deck: three or more as a timeline
slide, one or two as dated lines on the sources page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from srbrief.deck.export import export_pptx
from srbrief.deck.plan import Role, plan_deck
from srbrief.edit.skeleton import SKELETON
from srbrief.model import ChartKind, load_briefing
from srbrief.model.loader import parse_briefing

EVENTS = """\
timeline:
  - {id: e-1, date: '2025-03', text: {zh: 项目开工, en: Construction began}, source: 项目3月开工}
  - {id: e-2, date: '2025-12', text: {zh: 项目投产, en: Production began}, source: 项目12月投产}
  - {id: e-3, date: '2026-02', text: {zh: 园区扩建开工, en: Park expansion began}, source: 园区2月扩建开工}
"""


def _three_events(tmp_path: Path) -> Path:
    path = tmp_path / "three-events.yaml"
    path.write_text(SKELETON.replace("sections:\n", EVENTS + "sections:\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_briefing_with_events_and_no_timeline_chart_gets_a_timeline_slide(tmp_path: Path, lang: str) -> None:
    briefing = load_briefing(_three_events(tmp_path))
    assert not briefing.charts
    slides = [s for s in plan_deck(briefing, lang).slides if s.role is Role.TIMELINE]
    assert len(slides) == 1
    assert {c.clause for c in slides[0].sources} == {"项目3月开工", "项目12月投产", "园区2月扩建开工"}
    assert slides[0].title == ("大事记" if lang == "zh" else "Timeline")


def test_the_exported_deck_draws_the_timeline(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    export_pptx(load_briefing(_three_events(tmp_path)), out, "en")
    slides = [s for s in Presentation(str(out)).slides if s.shapes.title is not None
              and s.shapes.title.text == "Timeline"]
    assert len(slides) == 1
    assert any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in slides[0].shapes)  # the drawn timeline
    assert "项目12月投产" in slides[0].notes_slide.notes_text_frame.text


def test_six_themes_without_its_timeline_chart_still_has_the_slide() -> None:
    path = Path(__file__).parent.parent / "data" / "six-themes.yaml"
    text = re.sub(r"\n\s*- \{id: l-timeline, kind: timeline[^\n]*", "", path.read_text(encoding="utf-8"))
    briefing = parse_briefing(text, "six-themes.yaml")
    assert not any(c.kind is ChartKind.TIMELINE for c in briefing.charts) and len(briefing.timeline) == 3
    slides = [s for s in plan_deck(briefing, "zh").slides if s.role is Role.TIMELINE]
    assert len(slides) == 1 and len(slides[0].sources) == 3


def test_the_testers_briefing_gets_its_event_on_a_slide() -> None:
    """One event is no timeline: its dated line joins the sources page, its clause in that page's notes."""
    briefing = load_briefing(Path(__file__).parent.parent / "data" / "jiujiang" / "jiujiang.yaml")
    assert len(briefing.timeline) == 1 and not briefing.charts  # an event added in the app, as the tester did
    slides = plan_deck(briefing, "en").slides
    assert not [s for s in slides if s.role is Role.TIMELINE]
    sources = slides[-1]
    assert sources.role is Role.SOURCES and "3200兆瓦" in sources.notes
    assert any(b.startswith("Timeline, ") for b in sources.bullets)
