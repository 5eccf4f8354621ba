"""Turn a path as people write it into a place in the YAML tree, and a value as typed into a typed value.

``metrics.industrial-revenue-2024.label.zh`` names the metric with that id wherever its list stands (any list
of mappings with ``id`` under a key, so lists added to the format later work the same way);
``title.en``, ``sections.overview.lede.zh``, ``facts.x.items[2].label.en`` or ``sections.0.id`` walk from the
top. The type at the end comes from the dataclasses of :mod:`srbrief.model.types`, which the loader also uses.
"""

from __future__ import annotations

import dataclasses
import math
import re
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

import yaml

from srbrief.edit.yamltext import EditError, PathKey, child, walk
from srbrief.model.convert import unwrap_optional
from srbrief.model.located import Located
from srbrief.model.types import Briefing, Cite, Text, data_fields

REMOVE = object()  # the value of an optional field left empty: remove the field
_SEGMENT = re.compile(r"^([^\[\]]+)((?:\[\d+\])*)$")
_INT = re.compile(r"^[+-]?[0-9]+$")  # ASCII digits only: "６" is not silently 6


@dataclass(frozen=True)
class Target:
    """Where a user's path points: the physical path and what the schema says goes there."""

    name: str  # the path as the user wrote it
    path: tuple[PathKey, ...]
    hint: Any  # the declared type, without ``| None``
    optional: bool
    exists: bool
    index: int  # where the value (or, if it is missing, the nearest thing that holds it) starts in the text


def parse_path(text: str) -> list[PathKey]:
    """Return the segments of a dotted path (``a.b[2].c`` → ``['a', 'b', 2, 'c']``)."""
    segments: list[PathKey] = []
    for part in text.split("."):
        found = _SEGMENT.match(part.strip())
        if not found:
            raise EditError(f"not a path: {text!r} (write e.g. metrics.ID.value or title.en)")
        name, indexes = found.groups()
        segments.append(int(name) if name.isascii() and name.isdigit() else name)
        segments += [int(i) for i in re.findall(r"\d+", indexes)]
    return segments


def id_index(root: yaml.Node) -> dict[tuple[str, str], tuple[PathKey, ...]]:
    """Return (list key, id) → physical path for every mapping with an ``id`` in a list under a key."""
    found: dict[tuple[str, str], tuple[PathKey, ...]] = {}
    stack: list[tuple[yaml.Node, tuple[PathKey, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(value, yaml.SequenceNode):
                    for i, item in enumerate(value.value):
                        ident = child(item, "id")
                        if isinstance(ident, yaml.ScalarNode):
                            found.setdefault((key.value, ident.value), (*path, key.value, i))
                stack.append((value, (*path, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, (*path, i)) for i, item in enumerate(node.value)]
    return found


def find_id(root: yaml.Node, item_id: str) -> tuple[PathKey, ...] | None:
    """Return the physical path of the item with id *item_id* in any list, or None."""
    return next((path for (_, ident), path in id_index(root).items() if ident == item_id), None)


def resolve(root: yaml.Node, name: str) -> Target:
    """Return the target of the user's path *name* in the tree *root*, or raise :class:`EditError`."""
    segments = parse_path(name)
    start: tuple[PathKey, ...] = ()
    if len(segments) >= 2 and isinstance(segments[0], str) and isinstance(segments[1], str):
        ids = id_index(root)
        start = ids.get((segments[0], segments[1]), ())
        lists = [p[:-1] for (key, _), p in ids.items() if key == segments[0]]
        if not start and child(root, segments[0]) is None and lists:
            first = min((walk(root, p)[-1] for p in lists), key=lambda n: n.start_mark.index)
            raise EditError(f"{name}: no item with id {segments[1]!r} in any {segments[0]!r} list",
                            first.start_mark.index)
    if start:
        segments = segments[2:]
    path = list(start)
    node: yaml.Node | None = root
    for key in start:
        node = child(node, key) if node is not None else None
    index = node.start_mark.index if node is not None else 0
    for seg in segments:
        node = _step(node, seg, path, name)
        index = node.start_mark.index if node is not None else index
    hint, optional = schema_at(root, path, name)
    return Target(name, tuple(path), hint, optional, node is not None, index)


def _step(node: yaml.Node | None, seg: PathKey, path: list[PathKey], name: str) -> yaml.Node | None:
    """Append the physical key for *seg* to *path*; return the node there (None where nothing is yet)."""
    if isinstance(node, yaml.SequenceNode):
        if isinstance(seg, int):
            if seg >= len(node.value):
                raise EditError(f"{name}: no item {seg} (the list has {len(node.value)})", node.start_mark.index)
            path.append(seg)
            return node.value[seg]
        for i, item in enumerate(node.value):
            ident = child(item, "id")
            if isinstance(ident, yaml.ScalarNode) and ident.value == seg:
                path.append(i)
                return item
        raise EditError(f"{name}: no item with id {seg!r} here", node.start_mark.index)
    if isinstance(seg, int):
        where = node.start_mark.index if node is not None else 0
        raise EditError(f"{name}: {seg} is not a field name", where)
    path.append(seg)
    if isinstance(node, yaml.MappingNode):
        return child(node, seg)
    if node is None or node.tag == "tag:yaml.org,2002:null":
        return None
    raise EditError(f"{name}: {path[-2]!r} is a value, it has no field {seg!r}", node.start_mark.index)


def schema_at(root: yaml.Node, path: list[PathKey], name: str) -> tuple[Any, bool]:
    """Return (declared type, whether it may be left out) at a physical *path*."""
    hint: Any = Briefing
    optional = False
    node: yaml.Node | None = root
    for key in path:
        inner, _ = unwrap_optional(hint)
        where = node.start_mark.index if node is not None else 0
        if isinstance(key, int) and typing.get_origin(inner) is tuple:
            hint, optional = typing.get_args(inner)[0], False
        elif isinstance(key, str) and dataclasses.is_dataclass(inner):
            fields = {f.name: f for f in data_fields(inner)}
            if key not in fields:
                raise EditError(f"{name}: unknown field {key!r} (expected one of: {', '.join(fields)})", where)
            hint = typing.get_type_hints(inner)[key]
            optional = fields[key].default is not dataclasses.MISSING
        else:
            raise EditError(f"{name}: {key!r} does not fit here", where)
        node = child(node, key) if node is not None else None
    inner, may_be_none = unwrap_optional(hint)
    return inner, optional or may_be_none


def coerce(raw: str, target: Target) -> Any:
    """Return the text *raw* as a value of the target's type (``REMOVE`` for an optional field left empty)."""
    hint = target.hint
    if raw == "" and target.optional:
        return REMOVE
    if hint is Cite and not raw.lstrip().startswith("{"):
        return raw  # a clause of the first document
    if dataclasses.is_dataclass(hint) and raw.lstrip().startswith("{"):
        return flow_mapping(raw, target)
    if dataclasses.is_dataclass(hint):
        if hint is Text:
            raise EditError(f"text in two languages: set {target.name}.zh and {target.name}.en",
                            target.index)
        fields = ", ".join(f"{target.name}.{f.name}" for f in data_fields(hint))
        raise EditError(f"a group of fields: set them one by one ({fields}), or all at once as "
                        "{field: value, ...}", target.index)
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if dataclasses.is_dataclass(item):
            raise EditError("a list of items: add, remove or move them one by one", target.index)
        parts = [p.strip() for p in raw.split(",")] if raw.strip() else []
        return [_scalar(p, item, target) for p in parts]
    return _scalar(raw, hint, target)


def flow_mapping(raw: str, target: Target) -> dict[str, Any]:
    """Return a value written as a YAML flow mapping (``{doc: bulletin, clause: ...}``) as plain data; dates
    stay text. The loader checks its fields when the edit is validated."""
    from srbrief.model.errors import BriefingError
    from srbrief.model.yamltree import parse_yaml

    try:
        value = plain(parse_yaml(raw, target.name))
    except BriefingError as exc:
        raise EditError(f"{target.name}: not a valid {{field: value, ...}}: {exc.problems[0].message}",
                        target.index) from None
    if not isinstance(value, dict):
        raise EditError(f"{target.name}: expected {{field: value, ...}}, got {raw!r}", target.index)
    return value


def plain(loc: Located) -> Any:
    """Return a located value as plain data."""
    if isinstance(loc.value, dict):
        return {k: plain(v) for k, v in loc.value.items()}
    if isinstance(loc.value, list):
        return [plain(v) for v in loc.value]
    return loc.value


def _scalar(raw: str, hint: Any, target: Target) -> Any:
    name, at = target.name, target.index
    if isinstance(hint, type) and issubclass(hint, Enum):
        values = [m.value for m in hint]
        if raw not in values:
            raise EditError(f"{name}: expected one of {', '.join(values)}; got {raw!r}", at)
        return raw
    if hint is bool:
        if raw.lower() not in ("true", "false"):
            raise EditError(f"{name}: expected true or false, got {raw!r}", at)
        return raw.lower() == "true"
    if hint is int:
        if not _INT.match(raw.strip()):
            raise EditError(f"{name}: expected a whole number, got {raw!r}", at)
        return int(raw)
    if hint is float:
        if _INT.match(raw.strip()):
            return int(raw)
        try:
            number = float(raw)
        except ValueError:
            raise EditError(f"{name}: expected a number, got {raw!r}", at) from None
        if not math.isfinite(number):
            raise EditError(f"{name}: expected a finite number, got {raw!r}", at)
        return number
    return raw
