"""New items for a briefing, as the app adds them: which fields to ask for each kind, the id made for it (the user
never types one), and a unit of the briefing's own. Qt-free.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from srbrief.model.translation import MARK
from srbrief.model.types import (
    Briefing,
    Chart,
    Event,
    Fact,
    Metric,
    Point,
    Section,
    Source,
    Statement,
    SummaryItem,
    UnitDef,
)
from srbrief.model.units import UNITS

# The fields asked when adding each kind (the rest are edited in the form afterwards).
ASKED: dict[str, tuple[str, ...]] = {
    "metrics": ("label", "value", "unit", "qualifier", "direction", "period", "source"),
    "facts": ("kind", "title", "text", "source"),
    "points": ("message", "figures", "sources", "chart", "notes"),
    "charts": ("kind", "title", "items"),
    "sections": ("kind", "title", "short_title", "lede"),
    "timeline": ("date", "text", "source", "refs"),
    "summary": ("section", "message", "figure", "sources"),
    "outlook": ("text", "source"),
    "sources": ("title", "publication", "date"),
}
CLASSES: dict[str, type] = {
    "metrics": Metric, "facts": Fact, "points": Point, "charts": Chart, "sections": Section, "timeline": Event,
    "summary": SummaryItem, "outlook": Statement, "sources": Source, "units": UnitDef,
}
PREFIXES = {"metrics": "figure", "facts": "fact", "points": "point", "charts": "chart", "sections": "theme",
            "timeline": "event", "sources": "document", "units": "unit"}
_WORD = re.compile(r"[a-z0-9]+")
MAX_WORDS = 5


def item_class(kind: str) -> type:
    """Return the dataclass of an item of the list *kind*."""
    return CLASSES[kind]


def taken_ids(briefing: Briefing) -> set[str]:
    """Return every id in use: items, documents and declared units."""
    return {*briefing.index, *(s.id for s in briefing.sources), *(u.code for u in briefing.units), *UNITS}


def slug(text: str) -> str:
    """Return the first words of an English text as an id: "Industrial revenue in 2025" → industrial-revenue-in-2025."""
    if text.startswith(MARK.strip()):
        return ""
    words = _WORD.findall(text.lower())
    return "-".join(words[:MAX_WORDS])[:48].strip("-")


def new_id(kind: str, data: dict[str, Any], briefing: Briefing) -> str:
    """Return an id for a new item of *kind*: from its English label or title if it has one, else the kind and
    a number (figure-3); never one in use."""
    english = ""
    for key in ("label", "title", "message", "text", "name"):
        value = data.get(key)
        if isinstance(value, dict) and value.get("en"):
            english = str(value["en"])
            break
    base = slug(english) or PREFIXES.get(kind, "item")
    taken = taken_ids(briefing)
    if base not in taken and base != PREFIXES.get(kind):
        return base
    return next(f"{base}-{n}" for n in range(1, 10_000) if f"{base}-{n}" not in taken)


def number_for(briefing: Briefing) -> int:
    """Return the number of a new theme: one more than the last."""
    return max((s.number or 0 for s in briefing.sections), default=0) + 1


def cites_from(raw: str, current: Any, briefing: Briefing, base: Path | None) -> list[Any]:
    """Return the clauses typed one a line as cites: a clause already cited keeps its cite (its document, its
    translation); a new one cites the first document whose text has it verbatim (else the first document)."""
    from srbrief.model.truth import read_document

    kept = {(c["clause"] if isinstance(c, dict) else str(c)): c for c in current} if isinstance(current, list) \
        else {}
    first = briefing.sources[0].id if briefing.sources else None
    texts = {s.id: read_document(s, base) for s in briefing.sources}
    out: list[Any] = []
    for line in (part.strip() for part in raw.splitlines()):
        if not line:
            continue
        if line in kept:
            out.append(kept[line])
            continue
        doc = next((d for d, text in texts.items() if text and line in text), first)
        out.append(line if doc == first else {"doc": doc, "clause": line})
    return out


def with_translation_marks(pair: dict[str, str]) -> dict[str, str]:
    """Return a text in two languages from what was typed: a missing English is marked ``[translate]`` (the
    English deck waits for it), a missing Chinese is the English."""
    zh, en = pair.get("zh", "").strip(), pair.get("en", "").strip()
    return {"zh": zh or en, "en": en or f"{MARK}{zh}"}


def unit_entry(zh: str, en: str, briefing: Briefing) -> dict[str, str] | None:
    """Return the declaration of a unit written *zh* after a number (万吨) and called *en* in English, with a
    code made for it; None if the briefing already has a unit written so, or *zh* is empty."""
    zh, en = zh.strip(), en.strip()
    known = {u.zh for u in UNITS.values()} | {u.zh for u in briefing.units}
    if not zh or zh in known:
        return None
    base = slug(en) or "unit"
    taken = taken_ids(briefing)
    code = base if base not in taken and base != "unit" else \
        next(f"{base}-{n}" for n in range(1, 10_000) if f"{base}-{n}" not in taken)
    return {"code": code, "zh": zh, "en": en or zh}


def _placeholder(text: str) -> bool:
    text = text.strip()
    return (text.startswith("【") and text.endswith("】")) or (text.startswith("[") and text.endswith("]"))


def placeholder_source(briefing: Briefing) -> int | None:
    """Return the position of the new briefing's placeholder document (its title still 【…】/[…] in both
    languages, and no text), which the first real document added takes the place of; None if there is none."""
    for number, source in enumerate(briefing.sources):
        if source.text is None and _placeholder(source.title.zh) and _placeholder(source.title.en):
            return number
    return None
