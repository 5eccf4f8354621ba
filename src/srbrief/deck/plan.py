"""The deck plan: the single answer to "what is on slide N", rendered alike by PPTX, presenter and PDF.

Qt-free and pptx-free: slides are plain data (srbrief.deck.plandata) built from the model by the builders in
srbrief.deck.plan_slides. The deck tells the briefing's story: a title, the executive summary, one slide per
point of the storyline (its message as the action title, at most six figures, its chart and what was done),
the outlook from the article, then an appendix with every figure and its source.
"""

from __future__ import annotations

from dataclasses import replace

from srbrief.deck.boxes import SLIDE_SIZE, Frame
from srbrief.deck.charted import with_stated
from srbrief.deck.plan_slides import (
    appendix_slides,
    closing_slide,
    outlook_slide,
    point_slide,
    section_slide,
    summary_slide,
    term_noted,
    title_slide,
    undated_noted,
)
from srbrief.deck.plandata import (
    BULLET_GUTTER,
    MAX_CARDS,
    NATIVE_KINDS,
    Card,
    DeckPlan,
    Role,
    Slide,
    SummaryRow,
    Table,
    bullet_columns,
    card_columns,
    card_meta,
    card_slot,
    footnoted,
    make_card,
    notes_of,
    section_accent,
)
from srbrief.deck.words import T, sentence
from srbrief.model import Briefing, SectionKind
from srbrief.model.story import cited_documents, effective_points, executive_summary, outlook
from srbrief.model.textutil import source_line
from srbrief.textlayout import learn_terms
from srbrief.zhwords import briefing_terms


def own_labels(briefing: Briefing) -> list[str]:
    """Return the briefing's Chinese labels and names: of its figures, entities, facts and fact items."""
    return [*(m.label.zh for m in briefing.metrics), *(e.name.zh for e in briefing.entities),
            *(f.title.zh for f in briefing.facts if f.title is not None),
            *(item.label.zh for f in briefing.facts for item in f.items)]


def plan_deck(briefing: Briefing, lang: str, presenter: str | None = None,
              organisation: str | None = None, slide_size: tuple[float, float] = SLIDE_SIZE,
              date: str | None = None) -> DeckPlan:
    """Return the ordered slides of the briefing deck in *lang* ('zh' or 'en'), its tables paginated for
    slides of *slide_size* points (a template's). The briefing's own labels and names are kept whole on every
    line from now on (see srbrief.zhwords.briefing_terms)."""
    learn_terms(briefing_terms(own_labels(briefing)))
    overview = next((s for s in briefing.sections if s.kind is SectionKind.OVERVIEW), briefing.sections[0])
    slides = [title_slide(briefing, lang, presenter, organisation, date)]
    lead = effective_points(overview)
    summary = executive_summary(briefing)
    slides.append(summary_slide(briefing, overview, lead[0] if lead else None, summary, lang))
    for point in lead[1:]:
        slides.append(point_slide(briefing, overview, point, lang))
    for section in briefing.sections:
        if section.kind is not SectionKind.THEME:
            continue
        slides.append(section_slide(briefing, section, summary, lang))
        slides += [point_slide(briefing, section, point, lang) for point in effective_points(section)]
    closing = outlook(briefing)
    if closing:
        slides.append(outlook_slide(briefing, closing, lang))
    slides.append(closing_slide(briefing, lang, presenter, organisation))
    shown = frozenset(s.chart.id for s in slides if s.chart is not None)  # a timeline the main flow shows is not
    slides += appendix_slides(briefing, lang, Frame(*slide_size), shown)  # repeated
    slides = [replace(s, footer=source_line(briefing.documents_of(s.sources), lang)) if s.sources else s
              for s in slides]
    slides = [s if s.appendix else undated_noted(briefing, footnoted(with_stated(briefing, s, lang), lang), lang)
              for s in slides]  # the appendix
    # says both in its tables
    slides = term_noted(briefing, slides, lang, Frame(*slide_size))
    return DeckPlan(briefing, lang, tuple(slides), footer=source_line(cited_documents(briefing), lang))


__all__ = ["BULLET_GUTTER", "MAX_CARDS", "NATIVE_KINDS", "Card", "DeckPlan", "Role", "Slide", "SummaryRow", "T",
           "Table", "bullet_columns", "card_columns", "card_meta", "card_slot", "make_card", "notes_of",
           "plan_deck", "section_accent", "sentence"]
