"""Generate the JSON Schema of the data format from the model's dataclasses."""

from __future__ import annotations

import dataclasses
import typing
from enum import Enum
from typing import Any

from srbrief.model.convert import unwrap_optional
from srbrief.model.types import LONG_TEXT, SCHEMA_ID, SHORT_TEXT, Briefing, Cite, Text, data_fields

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a briefing file."""
    defs: dict[str, Any] = {}
    root = _dataclass_schema(Briefing, defs)
    return {"$schema": SCHEMA_URI, "$id": f"srbrief:{SCHEMA_ID}", "title": "srbrief briefing",
            **root, "$defs": dict(sorted(defs.items()))}


def _dataclass_schema(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in data_fields(cls):
        properties[field.name] = _type_schema(hints[field.name], dict(field.metadata), defs)
        if field.default is dataclasses.MISSING:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object", "properties": properties, "required": required,
                              "additionalProperties": False}
    if cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}("):
        schema["description"] = cls.__doc__.strip().splitlines()[0]
    return schema


def _type_schema(hint: Any, meta: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    inner, optional = unwrap_optional(hint)
    schema = _plain_schema(inner, meta, defs)
    if meta.get("doc"):
        schema = {**schema, "description": meta["doc"]}
    return {"anyOf": [schema, {"type": "null"}]} if optional else schema


def _dataclass_ref(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    name = hint.__name__
    if name not in defs:
        defs[name] = {}
        defs[name] = _dataclass_schema(hint, defs)
        if hint is Text:
            # the loosest limit: labels and titles are held to SHORT_TEXT by srbrief itself (data-format.md)
            defs[name]["properties"] = {k: {"type": "string", "minLength": 1, "maxLength": LONG_TEXT}
                                        for k in ("zh", "en")}
    return {"$ref": f"#/$defs/{name}"}


def _plain_schema(hint: Any, meta: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if hint is Cite:  # a plain string is a clause of the first document
        ref = _dataclass_ref(hint, defs)
        return {"anyOf": [{"type": "string", "minLength": 1, "maxLength": LONG_TEXT}, ref]}
    if hint is Text and meta.get("flag"):  # `derived: true` of older files
        return {"anyOf": [_dataclass_ref(hint, defs), {"type": "boolean"}]}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_ref(hint, defs)
    if typing.get_origin(hint) is tuple:
        array = {"type": "array", "items": _plain_schema(typing.get_args(hint)[0], meta, defs)}
        return array if meta.get("max_items") is None else {**array, "maxItems": meta["max_items"]}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [m.value for m in hint]}
    scalars: dict[Any, dict[str, Any]] = {
        str: {"type": "string", "minLength": 1}, float: {"type": "number"}, int: {"type": "integer"},
        bool: {"type": "boolean"}}
    schema = scalars[hint]
    if hint is str:
        schema = {**schema, "maxLength": meta.get("max_length") or SHORT_TEXT}
    for key, json_key in (("pattern", "pattern"), ("minimum", "minimum"), ("maximum", "maximum")):
        if meta.get(key) is not None:
            schema = {**schema, json_key: meta[key]}
    if meta.get("choices"):
        schema = {**schema, "enum": list(meta["choices"])}
    if meta.get("unit"):  # the built-in units; a briefing may declare more (units:)
        from srbrief.model.units import UNITS

        schema = {**schema, "examples": list(UNITS)}
    return schema
