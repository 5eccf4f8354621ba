"""A briefing that stays true: sources are documents, clauses are verbatim, values agree with their clauses,
numbers in prose are references to figures, and every claim cites the clauses it rests on. Qt-free.

Called by the loader's :class:`~srbrief.model.loader.Checker` after ids are collected; it also renders the
references of every text (so every renderer shows the figures' current values). Problems carry FILE:LINE:COL.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from srbrief.model import refs
from srbrief.model.numerals import clause_problem, direction_problem
from srbrief.model.textutil import quoted_sentence
from srbrief.model.types import (
    DERIVED,
    Briefing,
    Chart,
    Cite,
    DerivedPart,
    Entity,
    Event,
    Fact,
    Lang,
    Metric,
    Point,
    Section,
    Source,
    Statement,
    SummaryItem,
    Text,
)

if TYPE_CHECKING:
    from srbrief.model.loader import Checker

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
BUILTIN_SOURCES = "briefings/sources"  # the built-in briefing's documents, found also from a copy of it
# Prose: texts that state findings, where a figure is a reference and a literal figure is refused.
PROSE: dict[type, tuple[str, ...]] = {
    Section: ("lede",), Point: ("message", "notes"), Statement: ("text",), SummaryItem: ("message",),
    Fact: ("text", "title"), Event: ("text",), Chart: ("note", "title"), Entity: ("description",),
    Metric: ("label", "note", "derived"),  # a label names a measure: a figure in it is a reference too
}


def check_truth(checker: Checker, base: Path | None, first_text: str | None) -> None:
    """Record every problem of documents, clauses, values, references and claims; render references."""
    b = checker.b
    _check_documents(checker)
    texts = {doc.id: _document_text(checker, doc, base) for doc in b.sources}
    if first_text is not None and b.sources:
        texts[b.sources[0].id] = first_text
    for owner, field, cite in cites(b):
        _check_cite(checker, owner, field, cite, texts)
    for metric in b.metrics:
        if metric.derived is DERIVED and metric.note is None:  # `derived: true` of older files, unexplained
            checker.at(metric, "derived", "say how the value was derived: derived: {zh: ..., en: ...}")
        if metric.derived is None or metric.derived_part is DerivedPart.PERIOD:
            problem = clause_problem(metric, metric.source.clause)
            if problem:
                checker.at(metric, "value", problem)
            if metric.direction is not None:  # a rise or a fall is the clause's claim too (−5% read from "为5%")
                problem = direction_problem(metric.direction.value, metric.source.clause)
                if problem:
                    checker.at(metric, "direction", problem)
    claims: tuple[Point | SummaryItem, ...] = (*b.points, *b.summary)
    for item in claims:
        if not item.sources:
            checker.at(item, "message", "a message needs the clauses it rests on: sources: [clause, ...] "
                                        "(every claim cites its source)")
    metrics = {m.id: m for m in b.metrics}
    for text in prose_of(b):
        _check_references(checker, text, metrics)


def _check_documents(checker: Checker) -> None:
    seen: set[str] = set()
    if not checker.b.sources:
        checker.at(checker.b, "sources", "a briefing cites at least one source document")
    for doc in checker.b.sources:
        if doc.id in seen:
            checker.at(doc, "id", f"source document {doc.id!r} is listed twice")
        seen.add(doc.id)


def document_path(doc: Source, base: Path | None) -> Path | None:
    """Return where the document's text is: beside the briefing file (*base* is its folder), else — for a copy
    of the built-in briefing — the built-in document of that file name; None for a document without text."""
    if doc.text is None:
        return None
    from srbrief.resources import resource_root

    candidates = [(base or Path.cwd()) / doc.text, Path(str(resource_root())) / BUILTIN_SOURCES / Path(doc.text).name]
    return next((p for p in candidates if p.is_file()), candidates[0])


def read_document(doc: Source, base: Path | None) -> str | None:
    """Return the document's text, or None (no text given, or it cannot be read)."""
    path = document_path(doc, base)
    try:
        return None if path is None else _read_text(path, path.stat().st_mtime_ns)
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def _document_text(checker: Checker, doc: Source, base: Path | None) -> str | None:
    """Return the document's full text, or None (no text given, or a problem recorded)."""
    path = document_path(doc, base)
    if path is None:
        return None
    try:
        return _read_text(path, path.stat().st_mtime_ns if path.exists() else 0)
    except (OSError, UnicodeDecodeError) as exc:
        from srbrief.safeio import describe_os_error

        reason = describe_os_error(exc) if isinstance(exc, OSError) else "not UTF-8 text"
        checker.at(doc, "text", f"cannot read the document's text {str(path)!r}: {reason}")
    except ValueError as exc:
        checker.at(doc, "text", f"cannot read the document's text {str(path)!r}: {exc}")
    return None


@functools.lru_cache(maxsize=16)
def _read_text(path: Path, _mtime: int) -> str:
    """Return a document's text (kept while the file is unchanged: an edit validates on every change)."""
    from srbrief.safeio import InputFileError, read_limited

    try:
        data = read_limited(path, MAX_DOCUMENT_BYTES, "document")
    except InputFileError as exc:
        raise ValueError(exc.reason) from None
    return data.decode("utf-8-sig")


def cites(b: Briefing) -> Iterator[tuple[Any, str, Cite]]:
    """Yield (owner, field, cite) for every clause the briefing cites."""
    statements = (*(s for p in b.points for s in p.facts), *b.outlook)
    sourced: tuple[Metric | Fact | Event | Statement, ...] = (*b.metrics, *b.facts, *b.timeline, *statements)
    for obj in sourced:
        yield obj, "source", obj.source
    claims: tuple[Point | SummaryItem, ...] = (*b.points, *b.summary)
    for item in claims:
        for cite in item.sources:
            yield item, "sources", cite


def _check_cite(checker: Checker, owner: Any, field: str, cite: Cite, texts: dict[str, str | None]) -> None:
    if cite.doc is None and checker.b.sources:
        object.__setattr__(cite, "doc", checker.b.sources[0].id)  # a plain string: the first document
    if cite.doc not in texts:
        checker.at(cite, "doc", f"unknown source document {cite.doc!r} (the briefing's sources: "
                                f"{', '.join(texts) or 'none'})")
        return
    text = texts[cite.doc]
    if text is not None and cite.clause not in text:
        checker.at(cite, "clause", f"source clause not found verbatim in the text of {cite.doc!r}")
    elif text is not None:
        object.__setattr__(cite, "sentence", quoted_sentence(text, cite.clause))


def prose_of(b: Briefing) -> Iterator[Text]:
    """Yield every prose text of the briefing (see :data:`PROSE`): where figures are references. Names, labels
    and section titles are not prose: a brace there is a brace."""
    for _key, text in keyed_prose(b):
        yield text


def keyed_prose(b: Briefing) -> Iterator[tuple[tuple[str, int, str], Text]]:
    """Yield every prose text with a key that names it in any version of the briefing (the owner's kind, its
    place among owners of that kind, the field): a text removed by an edit shifts no other text's key."""
    owners: tuple[Any, ...] = (
        *b.sections, *b.points, *(s for p in b.points for s in p.facts), *b.outlook, *b.summary, *b.facts,
        *b.timeline, *b.charts, *b.entities, *b.metrics)
    counts: dict[type, int] = {}
    for owner in owners:
        place = counts[type(owner)] = counts.get(type(owner), -1) + 1
        for name in PROSE[type(owner)]:
            text = getattr(owner, name)
            if text is not None:
                yield (type(owner).__name__, place, name), text


def _check_references(checker: Checker, text: Text, metrics: dict[str, Metric]) -> None:
    for lang in Lang:
        written = text.get(lang)
        literals = refs.literal_figures(written)
        if literals:
            checker.at(text, lang.value, f"{', '.join(dict.fromkeys(literals))} written as a literal: write a "
                                         "figure as a reference {metric-id} (or {=...} for a number that is "
                                         "no figure)")
        if "{" not in written and "}" not in written:
            continue
        try:
            pieces = refs.parse(written)
        except refs.RefError as exc:
            checker.at(text, lang.value, str(exc))
            continue
        bad = False
        for ref in (p for p in pieces if isinstance(p, refs.Ref)):
            metric = metrics.get(ref.id)
            problem = (f"{{{ref.id}}} refers to no figure (no metric has that id)" if metric is None
                       else refs.form_problem(metric, ref.form))
            if problem:
                checker.at(text, lang.value, problem)
                bad = True
        if not bad:
            found = [metrics[p.id] for p in pieces if isinstance(p, refs.Ref)]
            checker.referenced.setdefault(id(text), []).extend(found)
            object.__setattr__(text, lang.value, refs.render(written, metrics, lang.value))
