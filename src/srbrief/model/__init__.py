"""The briefing data model: typed, immutable, Qt-free. Load with :func:`load_briefing`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from srbrief.model.errors import BriefingError, Problem
from srbrief.model.types import (
    SCHEMA_ID,
    Briefing,
    Chart,
    ChartKind,
    Cite,
    DerivedPart,
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
    "SCHEMA_ID",
    "UNITS",
    "Briefing",
    "BriefingError",
    "Chart",
    "ChartKind",
    "Cite", "DerivedPart",
    "Direction",
    "Entity",
    "EntityKind",
    "Event",
    "Fact",
    "FactItem",
    "FactKind",
    "Good",
    "Lang",
    "Location",
    "Metric",
    "Point",
    "Problem",
    "Qualifier",
    "Section",
    "SectionKind",
    "Source",
    "Statement",
    "SummaryItem",
    "Text",
    "Unit",
    "load_briefing",
    "parse_briefing",
]

if TYPE_CHECKING:
    from srbrief.model.loader import load_briefing, parse_briefing


def __getattr__(name: str) -> Any:
    """Load the loader (and its validation modules) on first use: the app's window imports the model's types
    before its first paint, while the briefing is loaded in another process (see srbrief.gui.files.Preload)."""
    if name in ("load_briefing", "parse_briefing"):
        from srbrief.model import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'srbrief.model' has no attribute {name!r}")
