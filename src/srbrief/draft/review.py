"""Reviewing a draft: which figures it drafted, and the one edit that accepts them. Qt-free.

A draft is *unreviewed* while its subtitle carries :data:`DRAFT_MARK` (``srbrief draft`` writes it, so the
title slide of a deck of an unfinished draft says 草稿，待核对). The app refuses to export an unreviewed briefing;
accepting the review deletes the figures left unchecked and removes the mark, as one undoable edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from srbrief.edit import Batch, Command, Document, RemoveItem, SetField
from srbrief.model.types import Briefing
from srbrief.model.units import format_value

DRAFT_MARK = "（草稿，待核对）"
DRAFT_MARK_EN = " (to be checked)"


@dataclass(frozen=True)
class ReviewRow:
    """One drafted figure as the review lists it: the value with its unit, its label and its clause."""

    id: str
    figure: str
    label: str
    clause: str


def is_unreviewed(briefing: Briefing) -> bool:
    """Return whether *briefing* is a draft whose figures are not yet accepted."""
    return DRAFT_MARK in briefing.subtitle.zh


def review_rows(briefing: Briefing, lang: str = "zh") -> list[ReviewRow]:
    """Return every figure of *briefing* beside its clause, in document order (derived figures left out)."""
    return [ReviewRow(m.id, format_value(m, lang), m.label.get(lang), m.source.clause)
            for m in briefing.metrics if m.derived is None]


def accept_edit(doc: Document, delete: list[str]) -> Command:
    """Return the one edit that deletes the figures *delete* and marks the draft reviewed.

    The edit is validated when applied: a figure the storyline still cites cannot be deleted (the edit is
    refused with the places that cite it, and nothing changes).
    """
    paths = sorted((doc.target(f"metrics.{metric_id}").path for metric_id in delete), reverse=True)
    commands: list[Command] = [RemoveItem(path) for path in paths]
    subtitle = doc.briefing.subtitle
    if DRAFT_MARK in subtitle.zh:
        commands.append(SetField(doc.target("subtitle.zh").path, subtitle.zh.replace(DRAFT_MARK, ""),
                                 label="Accept the draft"))
        if DRAFT_MARK_EN in subtitle.en:
            commands.append(SetField(doc.target("subtitle.en").path, subtitle.en.replace(DRAFT_MARK_EN, ""),
                                     label="Accept the draft"))
    return Batch(tuple(commands), label=f"Review: {len(delete)} figures deleted, the rest accepted")


def delete_edit(doc: Document, delete: list[str]) -> Command:
    """Return the one edit that deletes the figures *delete* (the draft stays unreviewed)."""
    paths = sorted((doc.target(f"metrics.{metric_id}").path for metric_id in delete), reverse=True)
    return Batch(tuple(RemoveItem(path) for path in paths),
                 label=f"Review: {len(delete)} figures deleted")
