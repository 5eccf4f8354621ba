"""Convert a :class:`Located` tree into the dataclasses of :mod:`srbrief.model.types`, from their type hints.

Every problem is collected with its path and position, so one run reports all of them.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import types
import typing
from enum import Enum
from typing import Any

from srbrief.model.errors import Problem
from srbrief.model.located import Located
from srbrief.model.types import DERIVED, LONG_TEXT, SHORT_TEXT, Cite, Text, data_fields
from srbrief.model.units import UNITS

# characters XML 1.0 (and so a .pptx) cannot carry, plus C1 controls (NEL, ...) no slide can show
_UNDRAWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_INVALID = object()  # marks a value that could not be converted (a problem was recorded)


def describe(value: Any) -> str:
    """Return a short description of a parsed value, for error messages."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (null)"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def unwrap_optional(hint: Any) -> tuple[Any, bool]:
    """Return (inner type, whether None is allowed) for ``X | None``."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(hint))
    return hint, False


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """Return a field's pattern compiled (once per pattern, not looked up in re's cache for every value)."""
    return re.compile(source)


@functools.cache
def _members(cls: type[Enum]) -> dict[str, Enum]:
    """Return an enum's members by value (looked up for every enum field of every item: once per class)."""
    return {str(member.value): member for member in cls}


class Converter:
    """Turns located YAML values into typed objects, recording problems and where each object came from."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.origins: dict[int, tuple[str, Located]] = {}  # id(object) -> (path, located mapping)
        self.units: dict[str, tuple[str, str]] = {}  # the units the briefing declares: code -> (zh, en)

    def problem(self, loc: Located | tuple[int, int], path: str, message: str) -> None:
        line, col = (loc.line, loc.col) if isinstance(loc, Located) else loc
        self.problems.append(Problem(self.filename, line, col, path, message))

    def convert(self, loc: Located, hint: Any, path: str, meta: dict[str, Any] | None = None) -> Any:
        """Return *loc* converted to *hint*, or ``_INVALID`` after recording a problem."""
        meta = meta or {}
        hint, optional, kind = _plan(hint)
        if loc.value is None:
            if optional:
                return None
            self.problem(loc, path, f"expected {self.expected(hint)}, got nothing (null)")
            return _INVALID
        if hint is Cite and isinstance(loc.value, str):
            return self.plain_cite(loc, path)
        if hint is Text and isinstance(loc.value, bool) and meta.get("flag"):
            return DERIVED if loc.value else None  # `derived: true` of older files: a plain "derived"
        if kind is _DATACLASS:
            return self.dataclass(loc, hint, path, meta.get("max_length") if hint is Text else None)
        if kind is _TUPLE:
            return self.sequence(loc, typing.get_args(hint)[0], path, meta)
        if kind is _ENUM:
            return self.enum(loc, hint, path)
        return self.scalar(loc, hint, path, meta)

    def expected(self, hint: Any) -> str:
        if dataclasses.is_dataclass(hint):
            return "{zh: ..., en: ...}" if hint is Text else "a mapping"
        if typing.get_origin(hint) is tuple:
            return "a list"
        if isinstance(hint, type) and issubclass(hint, Enum):
            return "one of " + ", ".join(repr(m.value) for m in hint)
        return {str: "a string", float: "a number", int: "an integer", bool: "true or false"}[hint]

    def dataclass(self, loc: Located, cls: Any, path: str, max_length: int | None = None) -> Any:
        if not isinstance(loc.value, dict):
            self.problem(loc, path, f"expected {self.expected(cls)}, got {describe(loc.value)}")
            return _INVALID
        fields = _fields_of(cls)
        given = loc.value
        if not given.keys() <= fields.keys():
            keys = loc.keys or {}
            known = ", ".join(fields)
            for key in given:
                if key not in fields:
                    self.problem(keys.get(key, (loc.line, loc.col)), _join(path, key),
                                 f"unknown field {key!r} (expected one of: {known})")
        values: dict[str, Any] = {}
        for name, (hint, required, spec) in fields.items():
            value = given.get(name)
            if value is None:  # not there (a null is a Located whose value is None)
                if required:
                    what = f"missing translation {name!r}" if cls is Text else "missing (required)"
                    self.problem(loc, _join(path, name), what)
                    values[name] = _INVALID
                continue
            meta = spec if max_length is None else {**spec, "max_length": max_length}  # a Text's limit: its field's
            values[name] = self.convert(value, hint, _join(path, name), meta)
        if any(v is _INVALID for v in values.values()):
            return _INVALID
        obj = cls(**values)
        self.origins[id(obj)] = (path, loc)
        return obj

    def plain_cite(self, loc: Located, path: str) -> Any:
        """Return a clause written as a plain string: a clause of the first document."""
        clause = self.scalar(loc, str, path, {"max_length": LONG_TEXT})
        if clause is _INVALID:
            return _INVALID
        cite = Cite(clause)
        self.origins[id(cite)] = (path, Located({"clause": loc}, loc.line, loc.col))
        return cite

    def sequence(self, loc: Located, item_hint: Any, path: str, meta: dict[str, Any]) -> Any:
        if not isinstance(loc.value, list):
            self.problem(loc, path, f"expected a list, got {describe(loc.value)}")
            return _INVALID
        items = [self.convert(item, item_hint, f"{path}[{i}]", meta) for i, item in enumerate(loc.value)]
        most = meta.get("max_items")
        if most is not None and len(items) > most:
            self.problem(loc.value[most], f"{path}[{most}]", f"at most {most} items, got {len(items)}")
            return _INVALID
        return _INVALID if any(i is _INVALID for i in items) else tuple(items)

    def enum(self, loc: Located, cls: type[Enum], path: str) -> Any:
        member = _members(cls).get(loc.value) if isinstance(loc.value, str) else None
        if member is not None:
            return member
        self.problem(loc, path, f"expected {self.expected(cls)}, got {describe(loc.value)}")
        return _INVALID

    def scalar(self, loc: Located, hint: Any, path: str, meta: dict[str, Any]) -> Any:
        value = loc.value
        if hint is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            try:
                value = float(value) if ok else _INVALID
            except OverflowError:
                value = math.inf
            if ok and not math.isfinite(value):
                self.problem(loc, path, f"expected a finite number, got {describe(loc.value)}")
                return _INVALID
        elif hint is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif hint is bool:
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, str)
        if not ok or value is _INVALID:
            self.problem(loc, path, f"expected {self.expected(hint)}, got {describe(loc.value)}")
            return _INVALID
        message = check_constraints(value, meta)
        if not message and meta.get("unit") and value not in UNITS and value not in self.units:
            message = (f"unknown unit {describe(value)}: use a built-in unit (docs/data-format.md) or declare it "
                       "under units: [{code, zh, en}]")
        if message:
            self.problem(loc, path, message)
            return _INVALID
        return value


def check_constraints(value: Any, meta: dict[str, Any]) -> str | None:
    """Return what is wrong with *value* under the field's metadata, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        if not value.strip():
            return "must not be empty"
        limit = meta.get("max_length") or SHORT_TEXT
        if len(value) > limit:
            return f"too long: {len(value)} characters; the limit here is {limit}"
        bad = _UNDRAWABLE.search(value)
        if bad:
            return (f"character U+{ord(bad.group()):04X} at position {bad.start() + 1} cannot be shown or saved "
                    "(a control character or a non-character)")
        if meta.get("pattern") and not _pattern(meta["pattern"]).fullmatch(value):
            return f"{describe(value)} does not match the expected form {meta['pattern']}"
        if meta.get("choices") and value not in meta["choices"]:
            return f"expected one of {', '.join(meta['choices'])}; got {describe(value)}"
        return None
    if isinstance(value, int) and abs(value) > 10**18:
        return f"too large a number ({value.bit_length()} bits)"
    if meta.get("minimum") is not None and value < meta["minimum"]:
        return f"must be at least {meta['minimum']}, got {describe(value)}"
    if meta.get("maximum") is not None and value > meta["maximum"]:
        return f"must be at most {meta['maximum']}, got {describe(value)}"
    return None


@functools.cache
def _fields_of(cls: Any) -> dict[str, tuple[Any, bool, dict[str, Any]]]:
    """Return the fields of dataclass *cls* as name → (type hint, whether required, metadata), resolved once
    (``get_type_hints`` took half of the time of validating the built-in briefing, and an edit validates on
    every keystroke). The metadata is only read."""
    hints = typing.get_type_hints(cls)
    return {f.name: (hints[f.name], f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
                     dict(f.metadata)) for f in data_fields(cls)}


_DATACLASS, _TUPLE, _ENUM, _SCALAR = "dataclass", "tuple", "enum", "scalar"


@functools.cache
def _plan(hint: Any) -> tuple[Any, bool, str]:
    """Return (inner type, whether None is allowed, what kind of value it is) for a field's type hint, worked
    out once per hint (every value of every item asks)."""
    inner, optional = unwrap_optional(hint)
    if dataclasses.is_dataclass(inner):
        kind = _DATACLASS
    elif typing.get_origin(inner) is tuple:
        kind = _TUPLE
    elif isinstance(inner, type) and issubclass(inner, Enum):
        kind = _ENUM
    else:
        kind = _SCALAR
    return inner, optional, kind


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
