"""Typed, immutable objects of a briefing.

The dataclasses here are the single declaration of the data format: the loader converts YAML into them
field by field from their type hints, and the JSON Schema is generated from the same hints.
Field metadata (see :func:`spec`) adds the constraints the hints cannot express.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any, TypeVar, overload

SCHEMA_ID = "srbrief/1"

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # patterns must match the whole string (re.fullmatch)
# Resource limits (docs/data-format.md): every string is refused above its limit, so no renderer ever sees a
# text no slide, card or chart can show. Labels, titles and names are short; ledes, fact texts, notes and
# source clauses are a paragraph at most.
ID_LENGTH = 64
SHORT_TEXT = 200
LONG_TEXT = 1000
MESSAGE_TEXT = 300  # a point's or a summary line's message: one sentence, an action title
URL_LENGTH = 2000
MAX_VALUE = 1e15  # larger figures cannot be drawn or formatted meaningfully (1e15 亿元 is not an economy)
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
PERIOD_PATTERN = (
    r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
    r"(/\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$"
)


def spec(
    *,
    pattern: str | None = None,
    choices: tuple[str, ...] | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    max_length: int | None = None,
    max_items: int | None = None,
    flag: bool = False,
    unit: bool = False,
    doc: str = "",
) -> dict[str, Any]:
    """Return field metadata for validation and the schema: ``field(metadata=spec(...))``.

    *max_length* limits a string, or both languages of a :class:`Text` (default :data:`SHORT_TEXT`); *flag*
    lets a :class:`Text` field also be written ``true`` (read as :data:`DERIVED`) or ``false`` (none)."""
    if pattern == ID_PATTERN and max_length is None:
        max_length = ID_LENGTH
    return {"pattern": pattern, "choices": choices, "minimum": minimum, "maximum": maximum,
            "max_length": max_length, "max_items": max_items, "flag": flag, "unit": unit, "doc": doc}


class Lang(str, Enum):
    ZH = "zh"
    EN = "en"


class Qualifier(str, Enum):
    EXACT = "exact"
    MORE_THAN = "more_than"
    ABOUT = "about"
    RANK = "rank"
    TOP = "top"


class Direction(str, Enum):
    INCREASE = "increase"
    DECREASE = "decrease"


class Good(str, Enum):
    """Which way a figure moving is good news: ``down`` for a cost cut."""

    UP = "up"
    DOWN = "down"


class DerivedPart(str, Enum):
    """What of a figure we computed: its value (the clause does not state it) or only its period."""

    VALUE = "value"
    PERIOD = "period"


class SectionKind(str, Enum):
    OVERVIEW = "overview"
    THEME = "theme"


class FactKind(str, Enum):
    PROGRAMME = "programme"
    MEASURE = "measure"
    RANKING = "ranking"
    PLATFORM = "platform"
    CORRIDOR = "corridor"
    STRUCTURE = "structure"
    LINK = "link"  # a two-way link between two places: the map draws it with an arrowhead at each end


class EntityKind(str, Enum):
    COMPANY = "company"
    PARK = "park"
    PLATFORM = "platform"
    INSTITUTION = "institution"
    PLACE = "place"
    FUND = "fund"
    PROGRAMME = "programme"


class ChartKind(str, Enum):
    KPI = "kpi"
    BAR = "bar"
    HBAR = "hbar"
    SHARE = "share"
    LINE = "line"
    TIMELINE = "timeline"
    GRID = "grid"
    MATRIX = "matrix"
    ROUTE_MAP = "route_map"


@dataclass(frozen=True)
class Text:
    """A human-readable string in both languages."""

    zh: str = field(metadata=spec(doc="Chinese"))
    en: str = field(metadata=spec(doc="English (our own translation)"))

    def get(self, lang: Lang | str) -> str:
        """Return the text in *lang*."""
        if lang == "zh" or lang is Lang.ZH:  # (a str enum: 'zh' == Lang.ZH; no conversion on the hot path)
            return self.zh
        if lang == "en" or lang is Lang.EN:
            return self.en
        return self.zh if Lang(lang) is Lang.ZH else self.en


DERIVED = Text("计算值", "derived")  # what `derived: true` (a flag, in older files) says


@dataclass(frozen=True)
class Location:
    lat: float = field(metadata=spec(minimum=-90, maximum=90, doc="latitude, decimal degrees"))
    lon: float = field(metadata=spec(minimum=-180, maximum=180, doc="longitude, decimal degrees"))


@dataclass(frozen=True)
class Source:
    """A source document the briefing cites: an article, a statistical bulletin, a report."""

    id: str = field(metadata=spec(pattern=ID_PATTERN))
    publication: Text
    date: str = field(metadata=spec(pattern=DATE_PATTERN))
    title: Text
    url: str | None = field(default=None, metadata=spec(max_length=URL_LENGTH))
    text: str | None = field(default=None, metadata=spec(
        max_length=URL_LENGTH, doc="the document's full text: a UTF-8 file, relative to the briefing file"))


@dataclass(frozen=True)
class Cite:
    """A clause of a source document, verbatim. In a file, a plain string means a clause of the first document."""

    clause: str = field(metadata=spec(max_length=LONG_TEXT, doc="the clause, verbatim"))
    doc: str | None = field(default=None, metadata=spec(
        pattern=ID_PATTERN, doc="the source document's id; the first document when left out"))
    en: str | None = field(default=None, compare=False, metadata=spec(
        max_length=LONG_TEXT, doc="our English translation of the clause, for the English appendix (optional)"))
    # the sentence of the document the clause is in (set by validation when the document's text is at hand): the
    # speaker notes quote it, not a fragment of it ("作为江西的东大门")
    sentence: str | None = field(default=None, compare=False, repr=False, metadata={"internal": True})


@dataclass(frozen=True)
class UnitDef:
    """A unit of the briefing's own, for figures the built-in units do not cover (标准箱, 艘次 …)."""

    code: str = field(metadata=spec(pattern=ID_PATTERN, doc="what metrics write as their unit"))
    zh: str = field(metadata=spec(max_length=20, doc="written straight after a Chinese number: 标准箱"))
    en: str = field(metadata=spec(max_length=60, doc="written after an English number: TEU"))


@dataclass(frozen=True)
class Unit:
    """A unit as every view writes it: the built-in ones (:data:`srbrief.model.units.UNITS`) and those a briefing
    declares; a figure carries the one it is in (:attr:`Metric.resolved_unit`)."""

    code: str
    zh: str  # written straight after the number: 6261亿元
    en: str  # the unit's English name, for tables and axis labels
    dimension: str
    scale: int = 1  # the unit's size in base units (亿 = 10^8): English writes 6261亿元 as 626.1 billion
    en_word: str = ""  # written after the (scaled) English number


def data_fields(cls: Any) -> tuple[Any, ...]:
    """Return the fields of dataclass *cls* that a briefing file holds (not those the loader works out)."""
    return tuple(f for f in dataclasses.fields(cls) if not f.metadata.get("internal"))


@dataclass(frozen=True)
class Metric:
    """One figure of the article."""

    id: str = field(metadata=spec(pattern=ID_PATTERN))
    label: Text
    value: float = field(metadata=spec(maximum=MAX_VALUE, doc="a finite number"))
    unit: str = field(metadata=spec(
        pattern=ID_PATTERN, unit=True,
        doc="unit code: a built-in one (docs/data-format.md) or one the briefing declares under units"))
    source: Cite = field(metadata=spec(doc="the clause it rests on: a string (first document) or {doc, clause}"))
    qualifier: Qualifier = field(default=Qualifier.EXACT)
    direction: Direction | None = field(
        default=None, metadata=spec(doc="for changes: a metric with a direction is a change, without one a level"))
    good: Good | None = field(
        default=None, metadata=spec(doc="which direction is good news, where it matters (a cost cut: down)"))
    derived: Text | None = field(default=None, metadata=spec(flag=True,
        max_length=LONG_TEXT,
        doc="how we computed the value or period (a share, a count of names, an end month); `true` is read as "
            "a plain 'derived'"))
    derived_part: DerivedPart = field(default=DerivedPart.VALUE, metadata=spec(
        doc="what `derived` explains: the value (not stated by the clause) or only the period (the value is)"))
    period: str | None = field(
        default=None, metadata=spec(pattern=PERIOD_PATTERN, doc="year, month or START/END"))
    entity: str | None = field(
        default=None, metadata=spec(pattern=ID_PATTERN, doc="the entity the figure belongs to"))
    note: Text | None = field(default=None, metadata=spec(max_length=LONG_TEXT))
    unit_en: str | None = field(default=None, metadata=spec(max_length=60, doc=(
        "the unit's English words for this figure, where the unit's own do not fit: 人次 of training are "
        "'trainee sessions', not 'visits'")))
    # the unit this figure is in, as its briefing defines it (built-in or declared, with unit_en): set by the
    # loader, so two briefings loaded in one process never share a declared unit
    resolved_unit: Unit | None = field(default=None, compare=False, repr=False, metadata={"internal": True})


@dataclass(frozen=True)
class FactItem:
    label: Text
    entity: str | None = field(default=None, metadata=spec(pattern=ID_PATTERN))
    group: Text | None = field(default=None, metadata=spec(doc="a column heading in matrix charts"))


@dataclass(frozen=True)
class Fact:
    """A qualitative finding: a measure, programme, ranking without a number, platform or corridor."""

    id: str = field(metadata=spec(pattern=ID_PATTERN))
    kind: FactKind
    text: Text = field(metadata=spec(max_length=LONG_TEXT))
    source: Cite = field(metadata=spec(doc="the clause it rests on: a string (first document) or {doc, clause}"))
    title: Text | None = field(default=None, metadata=spec(doc="a short heading, e.g. for charts"))
    entities: tuple[str, ...] = field(default=(), metadata=spec(pattern=ID_PATTERN))
    items: tuple[FactItem, ...] = field(default=())
    route: tuple[str, ...] = field(default=(), metadata=spec(pattern=ID_PATTERN, doc="place ids, in order"))


@dataclass(frozen=True)
class Entity:
    id: str = field(metadata=spec(pattern=ID_PATTERN))
    kind: EntityKind
    name: Text
    description: Text | None = field(default=None, metadata=spec(max_length=LONG_TEXT))
    location: Location | None = field(default=None, metadata=spec(doc="required for places"))
    place: str | None = field(
        default=None, metadata=spec(pattern=ID_PATTERN, doc="the place entity where it is"))


@dataclass(frozen=True)
class Event:
    id: str = field(metadata=spec(pattern=ID_PATTERN))
    date: str = field(metadata=spec(pattern=DATE_PATTERN))
    text: Text = field(metadata=spec(max_length=LONG_TEXT))
    source: Cite = field(metadata=spec(doc="the clause it rests on: a string (first document) or {doc, clause}"))
    refs: tuple[str, ...] = field(default=(), metadata=spec(pattern=ID_PATTERN))


@dataclass(frozen=True)
class Chart:
    id: str = field(metadata=spec(pattern=ID_PATTERN))
    kind: ChartKind
    title: Text
    items: tuple[str, ...] = field(default=(), metadata=spec(pattern=ID_PATTERN, doc="ids shown, in order"))
    note: Text | None = field(default=None, metadata=spec(max_length=LONG_TEXT))


@dataclass(frozen=True)
class Statement:
    """A sentence taken from the article: what was done and its result, or a forward-looking line."""

    text: Text = field(metadata=spec(max_length=LONG_TEXT))
    source: Cite = field(metadata=spec(doc="the clause it rests on: a string (first document) or {doc, clause}"))


@dataclass(frozen=True)
class Point:
    """One step of the storyline: a conclusion (the slide's action title) and what proves it."""

    id: str = field(metadata=spec(pattern=ID_PATTERN))
    message: Text = field(metadata=spec(
        max_length=MESSAGE_TEXT, doc="a full sentence stating a conclusion; every number in it is cited"))
    figures: tuple[str, ...] = field(
        default=(), metadata=spec(pattern=ID_PATTERN, max_items=6, doc="metric ids that prove the message"))
    chart: str | None = field(default=None, metadata=spec(pattern=ID_PATTERN, doc="a chart of the briefing"))
    facts: tuple[Statement, ...] = field(
        default=(), metadata=spec(max_items=3, doc="what was done and its result, with the article's clause"))
    sources: tuple[Cite, ...] = field(
        default=(), metadata=spec(doc="the clauses the message rests on, besides its figures' own"))
    notes: Text | None = field(default=None, metadata=spec(max_length=LONG_TEXT, doc="speaker notes"))


@dataclass(frozen=True)
class SummaryItem:
    """One line of the executive summary: a theme's conclusion and its headline figure."""

    section: str = field(metadata=spec(pattern=ID_PATTERN, doc="the theme's id"))
    message: Text = field(metadata=spec(max_length=MESSAGE_TEXT))
    figure: str | None = field(
        default=None, metadata=spec(pattern=ID_PATTERN, doc="headline metric id; else the theme's first point's"))
    sources: tuple[Cite, ...] = field(
        default=(), metadata=spec(doc="the clauses the message rests on, besides its figure's own"))


@dataclass(frozen=True)
class Section:
    id: str = field(metadata=spec(pattern=ID_PATTERN))
    kind: SectionKind
    title: Text
    short_title: Text
    lede: Text = field(metadata=spec(max_length=LONG_TEXT))
    number: int | None = field(default=None, metadata=spec(minimum=0, maximum=999, doc="theme number"))
    metrics: tuple[Metric, ...] = field(default=())
    facts: tuple[Fact, ...] = field(default=())
    charts: tuple[Chart, ...] = field(default=())
    points: tuple[Point, ...] = field(default=(), metadata=spec(doc="the storyline, in order"))


@dataclass(frozen=True)
class Briefing:
    """A whole briefing: the root of the data model."""

    schema: str = field(metadata=spec(choices=(SCHEMA_ID,)))
    id: str = field(metadata=spec(pattern=ID_PATTERN))
    title: Text
    subtitle: Text
    sources: tuple[Source, ...] = field(metadata=spec(doc="the documents cited; the first is the main one"))
    as_of: str = field(metadata=spec(pattern=DATE_PATTERN))
    sections: tuple[Section, ...]
    entities: tuple[Entity, ...] = field(default=())
    timeline: tuple[Event, ...] = field(default=())
    summary: tuple[SummaryItem, ...] = field(
        default=(), metadata=spec(doc="executive summary; a theme left out is summed up by its first point"))
    outlook: tuple[Statement, ...] = field(
        default=(), metadata=spec(doc="the close: the article's own forward-looking lines"))
    organisation: Text | None = field(default=None, metadata=spec(doc="who presents, for the title slide"))
    presenter: Text | None = field(default=None, metadata=spec(doc="the presenter's name and role"))
    briefing_date: str | None = field(default=None, metadata=spec(
        pattern=DATE_PATTERN, doc="the day it is presented, for the title slide"))
    units: tuple[UnitDef, ...] = field(
        default=(), metadata=spec(doc="units of the briefing's own, besides the built-in ones"))

    @property
    def source(self) -> Source:
        """Return the briefing's main (first) source document."""
        return self.sources[0]

    def documents_of(self, cites: Iterable[Cite]) -> tuple[Source, ...]:
        """Return the documents *cites* quote, in the briefing's order (the first document if none)."""
        first = self.sources[0].id if self.sources else None
        ids = {c.doc or first for c in cites}
        return tuple(s for s in self.sources if s.id in ids) or self.sources[:1]

    def documents_cited_by(self, items: Iterable[object]) -> tuple[Source, ...]:
        """Return the documents the *items* (metrics, facts, events; others are skipped) cite."""
        return self.documents_of(c for i in items if isinstance(c := getattr(i, "source", None), Cite))

    def document(self, doc_id: str | None) -> Source:
        """Return the source document *doc_id* (the first one for None or an unknown id)."""
        return next((s for s in self.sources if s.id == doc_id), self.sources[0])

    @property
    def metrics(self) -> tuple[Metric, ...]:
        """Return every metric, in section order."""
        return tuple(m for s in self.sections for m in s.metrics)

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Return every fact, in section order."""
        return tuple(f for s in self.sections for f in s.facts)

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Return every chart, in section order."""
        return tuple(c for s in self.sections for c in s.charts)

    @property
    def points(self) -> tuple[Point, ...]:
        """Return every written point, in section order."""
        return tuple(p for s in self.sections for p in s.points)

    def section_of(self, item_id: str) -> Section:
        """Return the section that declares the metric, fact, chart or point *item_id*."""
        for section in self.sections:
            members: tuple[Any, ...] = (*section.metrics, *section.facts, *section.charts, *section.points)
            ids = [x.id for x in members]
            if item_id == section.id or item_id in ids:
                return section
        raise KeyError(item_id)

    @overload
    def find(self, item_id: str) -> Item: ...

    @overload
    def find(self, item_id: str, kind: type[T]) -> T: ...

    def find(self, item_id: str, kind: type[Any] | None = None) -> Any:
        """Return the object with id *item_id*; with *kind*, only an object of that kind (else KeyError)."""
        found = self.index[item_id]
        if kind is not None and not isinstance(found, kind):
            raise KeyError(f"{item_id} is a {type(found).__name__}, not a {kind.__name__}")
        return found

    @cached_property
    def index(self) -> dict[str, Item]:
        """Return a map from every id in the briefing to its object."""
        objects: tuple[Any, ...] = (
            *self.sections, *self.metrics, *self.facts, *self.charts, *self.points, *self.entities, *self.timeline)
        return {obj.id: obj for obj in objects}


Item = Section | Metric | Fact | Chart | Point | Entity | Event  # what an id of a briefing names
T = TypeVar("T")
