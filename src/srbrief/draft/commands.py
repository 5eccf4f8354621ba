"""What ``srbrief draft`` and ``srbrief import`` do, as functions returning the lines to print. Qt-free.

Bad input raises :class:`DraftError` (one line, the command line's exit code 2); a briefing that would break a
rule raises :class:`~srbrief.model.errors.BriefingError` and nothing is written.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from srbrief.atomic import resolve_output, write_text_atomic
from srbrief.draft.briefing import draft_briefing
from srbrief.draft.update import Proposal, assignments, doc_id_for, propose
from srbrief.edit import Document, is_builtin
from srbrief.edit.assign import assignments_edit
from srbrief.model.loader import parse_briefing
from srbrief.model.types import Qualifier
from srbrief.model.units import format_value

MAX_CHARACTERS = 200_000  # a news article or a bulletin is far shorter; drafting costs ~0.2 ms a figure


class DraftError(Exception):
    """Bad input for a draft or an import: one line."""


def _check_text(text: str, name: str, what: str) -> None:
    if not text.strip():
        raise DraftError(f"{name}:1:1: the {what} has no text")
    if len(text) > MAX_CHARACTERS:
        raise DraftError(f"{name}:1:1: the {what} is too long to draft from ({len(text):,} characters; at most "
                         f"{MAX_CHARACTERS:,})")


def copy_name(path: str, fallback: str) -> str:
    """Return the file name (in ``sources/``) of a document's copy beside a briefing."""
    return (re.sub(r"[^\w.-]+", "-", Path(path).stem).strip("-.") or fallback) + ".txt"


def write_copy(copy: Path, text: str) -> None:
    """Write a document's copy beside a briefing (unless the same text is there already)."""
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        same = copy.is_file() and copy.read_bytes() == text.encode("utf-8")
    except OSError as exc:
        raise DraftError(f"{copy}: cannot write the document's copy: {exc.strerror}") from None
    if not same:
        write_text_atomic(copy, text)


def draft_file(text: str, article: str, target: Path) -> tuple[list[str], list[str]]:
    """Write the draft briefing of *text* (read from *article*) to *target*; return (out, err) lines."""
    _check_text(text, article, "article")
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise DraftError(f"{target}: a draft briefing is a YAML file: name it NAME.yaml")
    resolve_output(target, [(Path(article), "article")])  # a bad target is refused before anything is written
    text_file = "sources/" + copy_name(article, "article")
    try:
        draft = draft_briefing(text, target.stem, text_file)
    except ValueError as exc:
        raise DraftError(f"{article}:1:1: {exc}") from None
    copy = target.parent / text_file
    write_copy(copy, text)
    parse_briefing(draft.yaml_text, str(target), text)  # the draft validates before it is written
    write_text_atomic(target, draft.yaml_text)
    err = [f"{target}: not drafted (a unit srbrief does not know): {f}" for f in draft.skipped]
    err += [f"{target}: to fill in: {p} (not stated in the article)" for p in draft.placeholders]
    return [f"{target}: draft with {draft.figures} figures from {article} (its text in {copy})"], err


def _updated(p: Proposal) -> str:
    return format_value(dataclasses.replace(p.metric, value=p.value, qualifier=Qualifier(p.figure.qualifier)), "zh")


def import_file(text: str, document: str, into: Path, accept: list[str] | None) -> list[str]:
    """Propose the updates the document *text* makes to the briefing *into*; apply those *accept* names
    (``all`` or metric ids) as one edit. Return the lines to print."""
    _check_text(text, document, "document")
    doc = Document.open(into)
    as_of = doc.briefing.as_of
    found = propose(doc.briefing, text, doc_id_for(Path(document).stem, doc.briefing))
    out = []
    for p in found.proposals:
        out += [f"{p.id}: {format_value(p.metric, 'zh')} ({p.metric.period or as_of}) → {_updated(p)} "
                f"({p.period or p.metric.period or as_of})",
                f"    old: {p.metric.source.clause}", f"    new: {p.figure.clause}  [{found.doc_id}]"]
    out += [f"new figure: {f.written} ({f.kind}) in {f.clause}" for f in found.new]
    if not accept:
        return [*out, f"{into}: {len(found.proposals)} updates proposed, {len(found.new)} new figures; apply "
                      "with --accept all or --accept ID ..."]
    ids = [p.id for p in found.proposals]
    unknown = [a for a in accept if a != "all" and a not in ids]
    if unknown:
        raise DraftError(f"{into}: no update proposed for {', '.join(unknown)} (proposed: "
                         f"{', '.join(ids) or 'none'})")
    accepted = [p for p in found.proposals if "all" in accept or p.id in accept]
    if not accepted:
        return [*out, f"{into}: nothing to apply"]
    if is_builtin(into):
        raise DraftError(f"{into}: the built-in briefing is read-only; copy it and import into the copy")
    text_file = "sources/" + copy_name(document, "document")
    write_copy(into.parent / text_file, text)
    edit, _ = assignments_edit(doc, assignments(found, accepted, text_file, doc.briefing))
    doc.apply(edit)  # one edit: the document and every accepted value with its clause, or nothing
    doc.save()
    return [*out, f"{into}: {len(accepted)} figures updated from {document} (cited as {found.doc_id!r})"]
