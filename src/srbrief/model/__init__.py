"""The briefing data model: typed, immutable, Qt-free. Load with :func:`load_briefing`."""

from __future__ import annotations

from srbrief.model.errors import BriefingError, Problem
from srbrief.model.loader import load_briefing, parse_briefing
from srbrief.model.types import (
    SCHEMA_ID,
    Briefing,
    Chart,
    Cite,
    ChartKind,
    Direction,
    Entity,
    EntityKind,
    Event,
    Fact,
    FactItem,
    FactKind,
    Good,
    Lang,
    Location,
    Metric,
    Point,
    Qualifier,
    Section,
    SectionKind,
    Source,
    Statement,
    SummaryItem,
    Text,
)
from srbrief.model.units import UNITS, Unit

__all__ = [
    "SCHEMA_ID", "UNITS", "Briefing", "BriefingError", "Chart", "Cite", "ChartKind", "Direction", "Entity",
    "EntityKind", "Event", "Fact", "FactItem", "FactKind", "Good", "Lang", "Location", "Metric", "Point",
    "Problem", "Qualifier", "Section", "SectionKind", "Source", "Statement", "SummaryItem", "Text", "Unit",
    "load_briefing", "parse_briefing",
]
