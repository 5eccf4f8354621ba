"""Search and panels agree: a search jumps to the panel that shows what it found."""

from __future__ import annotations

from srbrief.model import Briefing, load_briefing
from srbrief.model.browse import TIMELINE_PANEL, search_index, section_entities
from srbrief.resources import builtin_briefing_path


def test_every_entity_found_in_a_section_is_listed_by_that_section() -> None:
    briefing: Briefing = load_briefing(builtin_briefing_path())
    for lang in ("zh", "en"):
        for text, (panel, item_id) in search_index(briefing, lang).items():
            if panel == TIMELINE_PANEL:
                continue
            section = next(s for s in briefing.sections if s.id == panel)
            shown = {e.id for e in section_entities(briefing, section)}
            shown |= {m.id for m in section.metrics} | {f.id for f in section.facts}
            assert item_id in shown, (text, panel)


def test_route_entities_are_found_where_the_route_is_shown() -> None:
    briefing = load_briefing(builtin_briefing_path())
    routed = {e for s in briefing.sections for f in s.facts for e in f.route}
    assert routed
    index = search_index(briefing, "en")
    by_id = {item: panel for panel, item in index.values()}
    for entity in routed:
        section = next(s for s in briefing.sections if any(entity in f.route for f in s.facts))
        assert by_id[entity] in {section.id, *(s.id for s in briefing.sections
                                               if entity in {e.id for e in section_entities(briefing, s)})}


def test_find_returns_what_it_is_asked_for() -> None:
    import pytest

    from srbrief.model import Chart, Metric

    briefing = load_briefing(builtin_briefing_path())
    assert isinstance(briefing.find("industrial-revenue-2024", Metric), Metric)
    assert isinstance(briefing.find("t2-gains", Chart), Chart)
    with pytest.raises(KeyError, match="not a Metric"):
        briefing.find("t2-gains", Metric)
