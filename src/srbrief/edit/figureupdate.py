"""Updating one figure from a new source, as one edit (Qt-free): the value is read from the clause the user
selected (:mod:`srbrief.model.numerals` reads it as validation does), the figure cites the clause in its
document, and every text that states the figure is shown with its new wording before the edit is accepted.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from srbrief.edit.commands import Batch, Command, RemoveField, SetField, read_back
from srbrief.edit.verify import MISSING
from srbrief.edit.yamltext import PathKey
from srbrief.model.numerals import mentions, states
from srbrief.model.truth import prose_of
from srbrief.model.types import Briefing, Metric, Qualifier
from srbrief.model.units import format_value, unit_of


@dataclass(frozen=True)
class Reading:
    """What a clause states for a figure: its value (in the figure's unit) and qualifier, as written there."""

    value: float
    qualifier: str
    written: str  # the words, e.g. '6288亿元'


def read_value(metric: Metric, clause: str) -> Reading | None:
    """Return the value *clause* states in *metric*'s unit and kind (the first such figure), or None."""
    unit = unit_of(metric.unit)
    for mention in mentions(clause):
        if metric.qualifier.value in ("rank", "top") or unit.code == "percent" or mention.kind == "percent":
            value = mention.value
        else:
            value = mention.value / Decimal(unit.scale)
        number = float(value) if value != value.to_integral() else float(int(value))
        qualifier = metric.qualifier.value if metric.qualifier.value in ("rank", "top") else mention.qualifier
        trial = dataclasses.replace(metric, value=number, qualifier=Qualifier(qualifier))
        if states(trial, mention):
            return Reading(number, qualifier, mention.written)
    return None


def update_edit(text: str, path: tuple[PathKey, ...], doc_id: str, clause: str, reading: Reading,
                period: str | None = None) -> Command:
    """Return the edit that gives the figure at *path* the value read from *clause* of the document *doc_id*:
    value, qualifier, the cite (its old translation goes with the old clause), the period if given; a
    ``derived`` note goes, since the clause now states the value."""
    current = read_back(text, path)
    old = current if isinstance(current, dict) else {}
    commands: list[Command] = [SetField((*path, "value"), int(reading.value) if reading.value.is_integer()
                                        else reading.value),
                               SetField((*path, "source"), {"doc": doc_id, "clause": clause})]
    if reading.qualifier != old.get("qualifier", "exact"):
        if reading.qualifier == "exact":
            commands.append(RemoveField((*path, "qualifier")))
        else:
            commands.append(SetField((*path, "qualifier"), reading.qualifier))
    if period and period != old.get("period"):
        commands.append(SetField((*path, "period"), period))
    for key in ("derived", "derived_part"):
        if read_back(text, (*path, key)) is not MISSING:
            commands.append(RemoveField((*path, key)))
    return Batch(tuple(commands))


@dataclass(frozen=True)
class Wording:
    """A text that states the figure, before and after the update, in one language."""

    before: str
    after: str


def wordings(before: Briefing, after: Briefing, metric_id: str, lang: str) -> list[Wording]:
    """Return the figure itself and every text that refers to it (titles, messages, ledes, notes, timeline),
    as they read in *lang* before and after the update, in the briefing's order."""
    old, new = before.find(metric_id, Metric), after.find(metric_id, Metric)
    out = [Wording(f"{old.label.get(lang)}：{format_value(old, lang)}" if lang == "zh" else
                   f"{old.label.get(lang)}: {format_value(old, lang)}",
                   f"{new.label.get(lang)}：{format_value(new, lang)}" if lang == "zh" else
                   f"{new.label.get(lang)}: {format_value(new, lang)}")]
    texts_after = list(prose_of(after))  # the loader renders references: a text that states it reads anew
    for index, text in enumerate(prose_of(before)):
        if index < len(texts_after) and texts_after[index].get(lang) != text.get(lang):
            out.append(Wording(text.get(lang), texts_after[index].get(lang)))
    return out
