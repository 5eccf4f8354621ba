"""What the app shows where, toolkit-free: the entities of a section and the search index, from one rule, so
that a search jumps to the panel that really shows what it found."""

from __future__ import annotations

from srbrief.model.types import Briefing, Entity, Lang, Section
from srbrief.model.units import format_value

TIMELINE_PANEL = "timeline-map"


def section_entities(briefing: Briefing, section: Section) -> list[Entity]:
    """Return the entities a section's panel lists: those its figures and facts (routes and items too) name."""
    ids = [m.entity for m in section.metrics if m.entity]
    ids += [e for f in section.facts for e in (*f.entities, *f.route)]
    ids += [i.entity for f in section.facts for i in f.items if i.entity]
    found = []
    for item_id in dict.fromkeys(ids):
        entity = briefing.index.get(item_id)
        if isinstance(entity, Entity):
            found.append(entity)
    return found


def search_index(briefing: Briefing, lang: Lang | str) -> dict[str, tuple[str, str]]:
    """Return display text → (panel key, item id) for every figure, measure, entity and event."""
    lang = Lang(lang)
    index: dict[str, tuple[str, str]] = {}
    for section in briefing.sections:
        for m in section.metrics:
            index[f"{m.label.get(lang)} — {format_value(m, lang.value)}"] = (section.id, m.id)
        for f in section.facts:
            index[(f.title or f.text).get(lang)] = (section.id, f.id)
        for e in section_entities(briefing, section):
            index.setdefault(e.name.get(lang), (section.id, e.id))
    for e in briefing.entities:
        index.setdefault(e.name.get(lang), (TIMELINE_PANEL, e.id))
    for event in briefing.timeline:
        index[event.text.get(lang)] = (TIMELINE_PANEL, event.id)
    return index
