"""What ties an exported deck to its briefing, so that a deck someone has edited can be refreshed.

Every shape that carries data has a name (``metric:<id>``, ``chart:<id>``, ``table:<name>``, ``facts:<id>``,
``title`` …); each slide has a key (the id of what it shows). The exporter records, per slide, a digest of the
text it wrote in each bound shape (and the figure of each appendix table row) in the deck's custom document
properties, which LibreOffice and PowerPoint keep. A refresh compares a shape's text with that digest to tell
the exporter's text from a user's rewrite. LibreOffice drops slide names and renames placeholders: titles are
found as the slide's title placeholder and notes as its notes placeholder, slides by what they hold.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from srbrief.deck import oxml
from srbrief.deck.plandata import Role, Slide

PREFIX = "srbrief."
SLIDE_PREFIX = "srbrief.slide."
UNBOUND = frozenset({"page-number"})  # texts that say where a slide is, not what the briefing says
TITLE = "title"
NOTES = "notes"
ROWS = "#rows"
_SPACE = re.compile(r"[\s\x0b]+")


def normal(text: str) -> str:
    """Return *text* without white space and line breaks: the same words laid out differently compare equal."""
    return _SPACE.sub("", text)


def digest(text: str) -> str:
    """Return a short digest of what *text* says (see :func:`normal`)."""
    return hashlib.sha1(normal(text).encode("utf-8")).hexdigest()[:12]


def chart_values(graph: Any) -> tuple[tuple[str, ...], tuple[tuple[float | None, ...], ...]]:
    """Return a category chart's categories and each series' values."""
    plot = graph.plots[0]
    return tuple(str(c) for c in plot.categories), tuple(tuple(s.values) for s in plot.series)


def chart_digest(graph: Any) -> str:
    """Return a short digest of a chart's data."""
    return "chart:" + hashlib.sha1(repr(chart_values(graph)).encode("utf-8")).hexdigest()[:12]


def picture_digest(picture: Any) -> str:
    """Return a short digest of a picture's image."""
    return "image:" + str(picture.image.sha1)[:12]


def slide_key(spec: Slide) -> str:
    """Return the key of a planned slide: the id of what it shows."""
    if spec.role is Role.TITLE:
        return TITLE
    if spec.role is Role.SECTION:
        return f"section:{spec.section_id}" if spec.section_id else "appendix"
    return spec.name or spec.role.value


def slide_keys(specs: Sequence[Slide]) -> list[str]:
    """Return the keys of a deck's planned slides, made unique by a suffix where two would be the same."""
    keys: list[str] = []
    for spec in specs:
        key = slide_key(spec)
        keys.append(key if key not in keys else f"{key}#{sum(k.split('#')[0] == key for k in keys) + 1}")
    return keys


def shape_text(shape: Any) -> str:
    return str(shape.text_frame.text) if getattr(shape, "has_text_frame", False) else ""


def bound_shapes(slide: Any) -> Iterator[tuple[str, Any]]:
    """Yield (name, shape) for the named shapes of *slide* that may carry data: its title (the title
    placeholder, whatever its name), texts, charts and tables; then its speaker notes as 'notes'."""
    for name, shape, _ in _bound_shapes(slide):
        yield name, shape


def _bound_shapes(slide: Any) -> Iterator[tuple[str, Any, str]]:
    """Yield what :func:`bound_shapes` yields, with each shape's text ('' for a chart, table or picture)."""
    title = slide.shapes.title
    title_id = title.shape_id if title is not None else None
    for shape in slide.shapes:
        name = TITLE if shape.shape_id == title_id else shape.name
        if name in UNBOUND or not name or name[0].isupper():  # 'Picture 3', 'PlaceHolder 1': not ours
            continue
        if getattr(shape, "has_chart", False) or getattr(shape, "has_table", False) or hasattr(shape, "image"):
            yield name, shape, ""
            continue
        text = shape_text(shape)
        if text:
            yield name, shape, text
    if slide.has_notes_slide:
        notes = slide.notes_slide.notes_placeholder
        text = shape_text(notes) if notes is not None else ""
        if text:
            yield NOTES, notes, text


def cells(table_shape: Any) -> Iterator[tuple[int, int, Any]]:
    """Yield (row, column, cell) for the body cells of a table (the header row is the exporter's own)."""
    for r, row in enumerate(table_shape.table.rows):
        if r == 0:
            continue
        for c, cell in enumerate(row.cells):
            yield r, c, cell


def slide_bindings(slide: Any, row_ids: Sequence[str] = ()) -> dict[str, str]:
    """Return what a slide's bound shapes say, as digests: name → digest (of a text, a chart's data, a
    picture's image); a table's
    rows → the ids of their figures ('<name>#rows') and each body cell ('<name>#<row>.<column>')."""
    found: dict[str, str] = {}
    for name, shape, text in _bound_shapes(slide):
        if getattr(shape, "has_chart", False):
            found[name] = chart_digest(shape.chart)
        elif hasattr(shape, "image"):
            found[name] = picture_digest(shape)
        elif getattr(shape, "has_table", False):
            found[name + ROWS] = ",".join(row_ids)
            for r, c, cell in cells(shape):
                found[f"{name}#{r}.{c}"] = digest(cell.text_frame.text)
        else:
            found[name] = digest(text)
    return found


@dataclass(frozen=True)
class Recorded:
    """What the exporter recorded of one slide: its key, position when exported and shape digests."""

    key: str
    number: int
    shapes: dict[str, str]


def record(prs: Any, keys: Sequence[str], tables: Sequence[Sequence[str]], meta: dict[str, str]) -> None:
    """Name each slide of *prs* by its key and record its bindings and *meta* in the deck's properties."""
    values = {PREFIX + k: v for k, v in meta.items()}
    for number, (slide, key, ids) in enumerate(zip(prs.slides, keys, tables, strict=True), 1):
        oxml.set_slide_name(slide, key)
        values[f"{SLIDE_PREFIX}{number:03d}"] = json.dumps(
            {"key": key, "shapes": slide_bindings(slide, ids)}, ensure_ascii=False, separators=(",", ":"))
    oxml.set_custom_properties(prs.part.package, values, PREFIX)


def store(prs: Any, meta: dict[str, str], recorded: Sequence[Recorded]) -> None:
    """Write *meta* and *recorded* slides back into the deck's properties (after a refresh)."""
    values = {PREFIX + k: v for k, v in meta.items()}
    for slide in recorded:
        values[f"{SLIDE_PREFIX}{slide.number:03d}"] = json.dumps(
            {"key": slide.key, "shapes": slide.shapes}, ensure_ascii=False, separators=(",", ":"))
    oxml.set_custom_properties(prs.part.package, values, PREFIX)


def recorded(prs: Any) -> tuple[dict[str, str], list[Recorded]]:
    """Return the deck's srbrief properties (without the prefix) and its recorded slides, in export order.
    Raise ValueError if a slide's record is not what the exporter writes."""
    meta: dict[str, str] = {}
    slides: list[Recorded] = []
    for name, value in oxml.custom_properties(prs.part.package).items():
        if name.startswith(SLIDE_PREFIX):
            data = json.loads(value)
            shapes = data["shapes"]
            if not isinstance(data["key"], str) or not all(isinstance(v, str) for v in shapes.values()):
                raise ValueError(f"{name} is not a slide record")
            slides.append(Recorded(data["key"], int(name[len(SLIDE_PREFIX):]), dict(shapes)))
        elif name.startswith(PREFIX):
            meta[name[len(PREFIX):]] = value
    return meta, sorted(slides, key=lambda s: s.number)


__all__ = ["NOTES", "ROWS", "TITLE", "Recorded", "bound_shapes", "cells", "chart_digest", "chart_values", "digest",
           "normal", "picture_digest", "record", "recorded", "shape_text", "slide_bindings", "slide_key",
           "slide_keys", "store"]
