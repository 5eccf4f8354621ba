"""Load and validate a briefing file: YAML → typed :class:`Briefing`, or a :class:`BriefingError`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from srbrief.model.convert import _INVALID, Converter
from srbrief.model.errors import BriefingError, Problem
from srbrief.model.located import Located
from srbrief.model.plausible import check_plausible
from srbrief.model.storycheck import check_storyline
from srbrief.model.truth import check_truth
from srbrief.model.types import (
    Briefing,
    Chart,
    ChartKind,
    Entity,
    EntityKind,
    Event,
    Fact,
    FactKind,
    Metric,
    Qualifier,
    SectionKind,
)
from srbrief.model.units import UNITS, metric_unit, resolve_unit

MAX_PROBLEMS = 50


def load_briefing(path: str | Path, source_text: str | None = None) -> Briefing:
    """Return the briefing in the file at *path*; with *source_text*, also check every source clause."""
    path = Path(path)
    return parse_briefing(read_briefing_bytes(path), str(path), source_text)


def read_briefing_bytes(path: Path) -> bytes:
    """Return the bytes of the briefing file *path*: a regular file of at most the size limit."""
    from srbrief.model.errors import MAX_BYTES
    from srbrief.safeio import InputFileError, read_limited

    try:
        return read_limited(path, MAX_BYTES, "file")
    except InputFileError as exc:
        raise BriefingError([Problem(str(path), 1, 1, "", exc.reason)]) from None


def parse_briefing(data: bytes | str, filename: str, source_text: str | None = None,
                   lenient: bool = False, *, nodes: Any = None) -> Briefing:
    """Return the briefing in *data* (the text of *filename*), or raise :class:`BriefingError`; *lenient*
    returns it despite problems the checks found, if it could be read at all (to preview an edit that is
    refused, with the reason beside it); *nodes*: the YAML node tree of *data* if it was composed already
    (see :func:`srbrief.model.yamltree.parse_yaml`)."""
    from srbrief.model.yamltree import parse_yaml

    tree = parse_yaml(data, filename, nodes)
    if not isinstance(tree.value, dict):
        raise BriefingError([Problem(filename, tree.line, tree.col, "",
                                     "expected a mapping at the top of the document (schema: srbrief/1 ...)")])
    schema = tree.value.get("schema")
    if schema is not None and schema.value != "srbrief/1":
        raise BriefingError([Problem(filename, schema.line, schema.col, "schema",
                                     f"unsupported schema {schema.value!r}; this version reads srbrief/1")])
    converter = Converter(filename)
    converter.units = declared_units(tree)
    briefing = converter.convert(migrate(tree), Briefing, "")
    if briefing is not _INVALID:
        resolve_units(briefing, converter.units)
        Checker(briefing, converter).run(source_text, Path(filename).parent)
    if converter.problems and not (lenient and briefing is not _INVALID):
        problems = sorted(converter.problems, key=lambda p: (p.line, p.col))
        raise BriefingError(problems[:MAX_PROBLEMS])
    assert isinstance(briefing, Briefing)
    return briefing


def declared_units(tree: Located) -> dict[str, tuple[str, str]]:
    """Return the units the file declares (``units: [{code, zh, en}]``) as code → (zh, en); the declarations
    themselves are checked with the rest of the file."""
    found: dict[str, tuple[str, str]] = {}
    units = tree.value.get("units")
    for entry in units.value if units is not None and isinstance(units.value, list) else ():
        parts = entry.value if isinstance(entry.value, dict) else {}
        code, zh, en = (parts.get(k) for k in ("code", "zh", "en"))
        if code is not None and zh is not None and isinstance(code.value, str) and isinstance(zh.value, str) \
                and code.value not in UNITS:
            found.setdefault(code.value, (zh.value, str(en.value) if en is not None else zh.value))
    return found


def resolve_units(briefing: Briefing, declared: dict[str, tuple[str, str]]) -> None:
    """Give every figure of *briefing* (just converted, seen by no one yet) the unit it is in as this briefing
    defines it: the units a briefing declares are its own, never another loaded briefing's."""
    for metric in briefing.metrics:
        # the figure is frozen for everyone after loading; this fills its one field the file does not hold
        object.__setattr__(metric, "resolved_unit", resolve_unit(metric.unit, declared, metric.unit_en))


def migrate(tree: Located) -> Located:
    """Return the top of an older file in today's form: the single ``source:`` block (with a ``headline``)
    becomes the first of ``sources:``, a document with the id ``source``; a newer file is returned as it is."""
    top = tree.value
    old = top.get("source")
    if old is None or "sources" in top or not isinstance(old.value, dict):
        return tree
    doc = dict(old.value)
    if "headline" in doc and "title" not in doc:
        doc["title"] = doc.pop("headline")
    doc.setdefault("id", Located("source", old.line, old.col))
    keys = dict(tree.keys or {})
    keys["sources"] = keys.pop("source", (old.line, old.col))
    new_top = {("sources" if k == "source" else k): v for k, v in top.items()}
    new_top["sources"] = Located([Located(doc, old.line, old.col, old.keys)], old.line, old.col)
    return Located(new_top, tree.line, tree.col, keys)


class Checker:
    """Checks that span objects: unique ids, references, chart rules, sections, sources."""

    def __init__(self, briefing: Briefing, converter: Converter) -> None:
        self.b = briefing
        self.conv = converter
        self.ids: dict[str, Any] = {}
        self.referenced: dict[int, list[Metric]] = {}  # id(prose text) → the figures it refers to

    def at(self, obj: Any, field: str | None, message: str, index: int | None = None) -> None:
        """Record a problem at *field* of *obj* (optionally at list element *index*)."""
        path, loc = self.conv.origins[id(obj)]
        target: Located = loc
        if field is not None and isinstance(loc.value, dict) and field in loc.value:
            target = loc.value[field]
            path = f"{path}.{field}" if path else field
            if index is not None and isinstance(target.value, list) and index < len(target.value):
                target = target.value[index]
                path = f"{path}[{index}]"
        self.conv.problem(target, path, message)

    def run(self, source_text: str | None, base: Path | None = None) -> None:
        self.check_units()
        self.check_ids()
        self.check_sections()
        self.check_metrics()
        self.check_entities()
        self.check_facts_and_events()
        for chart in self.b.charts:
            self.check_chart(chart)
        check_truth(self, base, source_text)
        check_storyline(self)
        check_plausible(self)

    def check_units(self) -> None:
        """A declared unit has a code of its own, and a Chinese word no built-in unit has."""
        seen: set[str] = set()
        words = {u.zh: code for code, u in UNITS.items()}
        for unit in self.b.units:
            if unit.code in UNITS:
                self.at(unit, "code", f"{unit.code!r} is a built-in unit: use it without declaring it")
            elif unit.code in seen:
                self.at(unit, "code", f"the unit {unit.code!r} is declared twice")
            elif unit.zh in words:
                self.at(unit, "zh", f"{unit.zh} is the built-in unit {words[unit.zh]!r}: use that one")
            seen.add(unit.code)

    def all_objects(self) -> Iterator[Any]:
        b = self.b
        yield from (*b.sections, *b.metrics, *b.facts, *b.charts, *b.points, *b.entities, *b.timeline)

    def check_ids(self) -> None:
        for obj in self.all_objects():
            if obj.id in self.ids:
                first_path, _ = self.conv.origins[id(self.ids[obj.id])]
                self.at(obj, "id", f"duplicate id {obj.id!r} (first used at {first_path})")
            else:
                self.ids[obj.id] = obj

    def ref(self, obj: Any, field: str, target: str, kinds: tuple[type, ...], index: int | None = None) -> Any:
        """Return the object *target* refers to if it is one of *kinds*, else record a problem."""
        found = self.ids.get(target)
        if found is None:
            self.at(obj, field, f"unknown id {target!r}", index)
            return None
        if not isinstance(found, kinds):
            names = " or ".join(k.__name__.lower() for k in kinds)
            self.at(obj, field, f"{target!r} is a {type(found).__name__.lower()}, expected a {names}", index)
            return None
        return found

    def check_sections(self) -> None:
        sections = self.b.sections
        overviews = [s for s in sections if s.kind is SectionKind.OVERVIEW]
        if not sections:
            self.at(self.b, "sections", "a briefing needs at least one section")
        elif len(overviews) != 1 or sections[0].kind is not SectionKind.OVERVIEW:
            self.at(self.b, "sections", "the first section, and only it, must have kind: overview")
        numbers: set[int] = set()
        for section in sections:
            if section.kind is SectionKind.THEME:
                if section.number is None:
                    self.at(section, None, "a theme needs a number (1, 2, 3 ...)")
                elif section.number in numbers:
                    self.at(section, "number", f"theme number {section.number} is used twice")
                else:
                    numbers.add(section.number)

    def check_metrics(self) -> None:
        for metric in self.b.metrics:
            ranked = metric.qualifier in (Qualifier.RANK, Qualifier.TOP)
            if ranked != (metric.unit == "rank"):
                self.at(metric, "unit" if ranked else "qualifier",
                        "qualifiers rank and top go with unit rank, and unit rank needs one of them")
            if ranked and (metric.value < 1 or metric.value != int(metric.value)):
                self.at(metric, "value", f"a rank must be a whole number from 1, got {metric.value:g}")
            if metric.value < 0:
                self.at(metric, "value", "values are not negative; use direction: decrease for a fall")
            if metric.entity is not None:
                self.ref(metric, "entity", metric.entity, (Entity,))

    def check_entities(self) -> None:
        for entity in self.b.entities:
            if entity.kind is EntityKind.PLACE and entity.location is None:
                self.at(entity, None, "a place needs a location {lat: ..., lon: ...}")
            if entity.place is not None:
                self.place_ref(entity, "place", entity.place)

    def place_ref(self, obj: Any, field: str, target: str, index: int | None = None) -> None:
        found = self.ref(obj, field, target, (Entity,), index)
        if found is not None and found.kind is not EntityKind.PLACE:
            self.at(obj, field, f"{target!r} is not a place", index)

    def check_facts_and_events(self) -> None:
        for fact in self.b.facts:
            for i, target in enumerate(fact.entities):
                self.ref(fact, "entities", target, (Entity,), i)
            for item in fact.items:
                if item.entity is not None:
                    self.ref(item, "entity", item.entity, (Entity,))
            if len(fact.route) == 1:
                self.at(fact, "route", "a route needs at least two places")
            if fact.kind is FactKind.LINK and fact.route and len(fact.route) != 2:
                self.at(fact, "route", "a two-way link joins two places: give its route as [place, place]")
            for i, target in enumerate(fact.route):
                self.place_ref(fact, "route", target, i)
        for event in self.b.timeline:
            for i, target in enumerate(event.refs):
                self.ref(event, "refs", target, (Metric, Fact, Entity, Event), i)

    def check_chart(self, chart: Chart) -> None:
        kind = chart.kind
        allowed: tuple[type, ...] = {
            ChartKind.TIMELINE: (Event,), ChartKind.GRID: (Fact,), ChartKind.MATRIX: (Fact,),
            ChartKind.ROUTE_MAP: (Entity, Fact),
        }.get(kind, (Metric,))
        found = [self.ref(chart, "items", t, allowed, i) for i, t in enumerate(chart.items)]
        if any(f is None for f in found):
            return
        message = chart_rule_problem(kind, found)
        if kind is ChartKind.TIMELINE and not found and not self.b.timeline:
            message = "a timeline chart needs events: list them in items, or give the briefing a timeline"
        if message:
            self.at(chart, "items", message)


def chart_rule_problem(kind: ChartKind, items: list[Any]) -> str | None:
    """Return what is wrong with the items of a chart of *kind*, or None."""
    metrics = [i for i in items if isinstance(i, Metric)]
    dims = {metric_unit(m).dimension for m in metrics}
    units = {m.unit for m in metrics}
    if kind is ChartKind.KPI and not 1 <= len(items) <= 8:
        return "a kpi chart shows 1 to 8 metrics"
    if kind in (ChartKind.BAR, ChartKind.HBAR):
        if not 2 <= len(items) <= 12:
            return "a bar chart shows 2 to 12 metrics"
        if len(dims) > 1:  # named as the user knows the units (万标箱、列), with what to do instead
            named = list({m.unit: metric_unit(m) for m in metrics}.values())
            return (f"a bar chart needs metrics of one kind of quantity, got {', '.join(u.en for u in named)} "
                    f"({'、'.join(u.zh for u in named)}): show them as figure cards (kpi), or chart figures "
                    "of one unit")
        if len({m.direction is None for m in metrics}) > 1:
            return ("a bar chart must not mix levels (no direction) with changes (direction: increase or "
                    "decrease) on one axis; chart them apart")
    if kind is ChartKind.SHARE:
        percent_only = units == {"percent"} and 1 <= len(items) <= 4
        part_whole = len(items) == 2 and len(units) == 1 and metrics[0].value <= metrics[1].value
        if not (percent_only or part_whole):
            return "a share chart shows a part and its whole (same unit, part ≤ whole) or 1–4 percentages"
        if part_whole and not percent_only and metrics[1].value <= 0:
            return "a share chart's whole must be greater than zero (there is nothing to divide)"
    if kind is ChartKind.LINE:
        if len(items) < 2 or len(units) != 1:
            return "a line chart needs 2 or more metrics of one unit"
        if None in {m.period for m in metrics} or len({m.period for m in metrics}) != len(metrics):
            return "a line chart needs metrics with distinct periods"
    if kind in (ChartKind.GRID, ChartKind.MATRIX) and (not items or any(not f.items for f in items)):
        return f"a {kind.value} chart shows facts that list items"
    if kind is ChartKind.ROUTE_MAP:
        places = [i for i in items if isinstance(i, Entity)]
        if any(p.kind is not EntityKind.PLACE for p in places):
            return "a route map shows place entities and facts with a route"
        if any(isinstance(i, Fact) and not i.route for i in items):
            return "a route map's facts must have a route"
    return None
