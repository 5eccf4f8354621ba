"""Updating one figure from a new source, as one edit (Qt-free): the value is read from the clause the user
selected (:mod:`srbrief.model.numerals` reads it as validation does), the figure cites the clause in its
document, and every text that states the figure is shown with its new wording before the edit is accepted.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from srbrief.edit.commands import Batch, Command, RemoveField, SetField, read_back
from srbrief.edit.describe import item_name, item_path, kind_name, where
from srbrief.edit.verify import MISSING
from srbrief.edit.yamltext import PathKey, Source, parsed
from srbrief.model.numerals import mentions, states
from srbrief.model.textutil import period_text
from srbrief.model.truth import keyed_prose
from srbrief.model.types import Briefing, Metric, Qualifier, Text
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


_DATE = re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月|(底|末))?")
_UNTIL = ("截至", "截止", "到", "至")
PERIOD_NOTES = {  # the derived note of a period the new clause does not (wholly) state: what was kept
    "start": {"zh": "起始时间沿用更新前的数字：新来源只写明截止时间",
              "en": "Start kept from before the update: the new source states only the end"},
    "kept": {"zh": "时期沿用更新前的数字：新来源未写明时期",
             "en": "Period kept from before the update: the new source does not state it"},
}


def read_period(old: str | None, clause: str) -> tuple[str | None, bool]:
    """Return the period *clause* states for a figure whose period was *old*, and whether the clause states it
    wholly: '2025年，…' → ('2025', True); '截至2025年12月，…连续30个月' for '2023-06/2025-07' →
    ('2023-06/2025-12', False): the end is stated, the start kept. (None, False) when it states no date."""
    dates = [(m.group(1), m.group(2) or ("12" if m.group(3) else None), m.start()) for m in _DATE.finditer(clause)]
    if not dates:
        return None, False

    def written(year: str, month: str | None) -> str:
        return f"{year}-{int(month):02d}" if month else year

    if old and "/" in old:
        if len(dates) >= 2:
            return f"{written(*dates[0][:2])}/{written(*dates[1][:2])}", True
        year, month, start = dates[0]
        if clause[max(0, start - 2):start].endswith(_UNTIL):  # 截至2025年12月: the end of the run
            return f"{old.split('/', 1)[0]}/{written(year, month)}", False
    return written(*dates[0][:2]), True


def update_edit(text: Source, path: tuple[PathKey, ...], doc_id: str, clause: str, reading: Reading,
                period: str | None = None) -> Command:
    """Return the edit that gives the figure at *path* the value read from *clause* of the document *doc_id*:
    value, qualifier, the cite (its old translation goes with the old clause), the period if given. A
    ``derived`` note goes when the clause now states the value and its period; a period the clause does not
    wholly state stays marked as derived, with a note that says what was kept. Texts that rest on the old
    clause follow (see :func:`follower_edits`)."""
    text = parsed(text)  # read several times: composed once
    current = read_back(text, path)
    old = current if isinstance(current, dict) else {}
    new_cite = {"doc": doc_id, "clause": clause}
    commands: list[Command] = [SetField((*path, "value"), int(reading.value) if reading.value.is_integer()
                                        else reading.value),
                               SetField((*path, "source"), new_cite)]
    if reading.qualifier != old.get("qualifier", "exact"):
        if reading.qualifier == "exact":
            commands.append(RemoveField((*path, "qualifier")))
        else:
            commands.append(SetField((*path, "qualifier"), reading.qualifier))
    old_period = old.get("period")
    read, whole = read_period(old_period, clause)
    period = period or old_period
    if period and period != old_period:
        commands.append(SetField((*path, "period"), period))
    stated = whole and read == period
    if old.get("derived_part") == "period" and not stated:  # the tag 时期为推算 stays, with a true note
        note = PERIOD_NOTES["start" if read is not None and read == period else "kept"]
        commands.append(SetField((*path, "derived"), dict(note)))
    else:
        for key in ("derived", "derived_part"):
            if read_back(text, (*path, key)) is not MISSING:
                commands.append(RemoveField((*path, key)))
    commands += follower_edits(text, old, new_cite, period)
    return Batch(tuple(commands))


def _cite_clause(cite: object, first_doc: str | None) -> tuple[str | None, str] | None:
    """Return (doc, clause) of a cite as written (a plain string cites the first document), or None."""
    if isinstance(cite, str):
        return first_doc, cite
    if isinstance(cite, dict) and isinstance(cite.get("clause"), str):
        return cite.get("doc", first_doc), cite["clause"]
    return None


def _states(item: dict[str, object], metric_id: str) -> bool:
    """Return whether a point, summary line or event states the figure (lists it, or refers to it)."""
    listed = (*(item.get("figures") or ()), item.get("figure"), *(item.get("refs") or ()))  # type: ignore[misc]
    written = str(item.get("message", "")) + str(item.get("text", ""))
    return metric_id in listed or bool(re.search(r"\{" + re.escape(metric_id) + r"[:}]", written))


def _walk(node: object, path: tuple[PathKey, ...]) -> Iterator[tuple[tuple[PathKey, ...], dict[str, object]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*path, index))


def follower_edits(text: Source, old: dict[str, object], new_cite: dict[str, str], period: str | None) -> list[Command]:
    """Return the edits that make the texts stating the figure *old* (its data before the update) rest on
    *new_cite*: in a point's or summary line's sources the old clause is replaced by the new one (a cite that
    also holds other figures' clauses keeps what remains of it); an event's source likewise, and an event dated
    by the figure's old period takes the new period."""
    tree = read_back(text, ())
    if not isinstance(tree, dict) or not isinstance(old.get("id"), str):
        return []
    sources = tree.get("sources") or []
    first = sources[0].get("id") if sources and isinstance(sources[0], dict) else None
    was = _cite_clause(old.get("source"), first)
    if was is None:
        return []
    metric_id, (old_doc, old_clause) = str(old["id"]), was
    out: list[Command] = []
    for path, item in _walk(tree, ()):
        if not _states(item, metric_id):
            continue
        listed = item.get("sources")
        if isinstance(listed, list):
            cites = list(listed)
            kept: list[object] = []
            for cite in cites:
                doc_clause = _cite_clause(cite, first)
                if doc_clause is None or doc_clause[0] != old_doc or old_clause not in doc_clause[1]:
                    kept.append(cite)
                    continue
                rest = doc_clause[1].replace(old_clause, "", 1).strip(" ,，;；、。")
                if rest and (doc_clause[1].startswith(old_clause) or doc_clause[1].endswith(old_clause)):
                    kept.append(rest if isinstance(cite, str) else {"doc": old_doc, "clause": rest})
                elif rest:
                    kept.append(cite)  # the old clause inside another: the cite stays whole
            if kept != cites and new_cite not in kept:
                kept.append(dict(new_cite))
            if kept != cites:
                out.append(SetField((*path, "sources"), kept))
        if "date" in item and "text" in item:  # an event
            if _cite_clause(item.get("source"), first) == was:
                out.append(SetField((*path, "source"), dict(new_cite)))
            if period and "/" not in period and item.get("date") == old.get("period") and period != item["date"]:
                out.append(SetField((*path, "date"), period))
    return out


def figure_line(metric: Metric, lang: str) -> str:
    """Return the figure as its card reads: label, period, value ('规上工业营业收入（2024年）：6261亿元')."""
    period = period_text(metric.period, lang) if metric.period else ""
    if lang == "zh":
        return f"{metric.label.zh}{f'（{period}）' if period else ''}：{format_value(metric, lang)}"
    return f"{metric.label.en}{f' ({period})' if period else ''}: {format_value(metric, lang)}"


def rendered_where(text: Source, briefing: Briefing, path: Sequence[PathKey], lang: str) -> str:
    """Return the name of the item holding *path* as the user reads it: its text with figures rendered from
    *briefing* ('事实「12条制造业重点产业链」'), not its template with ids; :func:`where`'s name otherwise."""
    holder = item_path(path)
    text = parsed(text)
    raw = read_back(text, holder) if holder else None
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or raw["id"] not in briefing.index:
        return where(text, path, lang)
    item = briefing.find(raw["id"])
    shown = {key: {"zh": value.zh, "en": value.en} for key in ("label", "title", "name", "message", "text")
             if isinstance(value := getattr(item, key, None), Text)}
    name = item_name(shown, lang)
    if holder[-2] == "metrics":
        return name
    kind = kind_name(str(holder[-2]), lang)
    return f"{kind}「{name}」" if lang == "zh" else f"{kind} “{name}”"


def follower_lines(text: Source, briefing: Briefing, command: Command, lang: str) -> list[str]:
    """Return, in words, what the update changes besides the figure and the wording of texts: the sources of
    texts that stated the figure, an event's date ('要点「…」：所引原文改为 “…”')."""
    if not isinstance(command, Batch):
        return []
    text = parsed(text)
    out = []
    for step in command.commands:
        if not isinstance(step, SetField) or step.path[-1] not in ("sources", "source", "date") or \
                (len(step.path) > 2 and step.path[-3] == "metrics"):
            continue
        name = rendered_where(text, briefing, step.path, lang)
        if step.path[-1] == "date":
            out.append(f"{name}：日期改为 {step.value}" if lang == "zh" else f"{name}: date becomes {step.value}")
            continue
        cites = step.value if isinstance(step.value, list) else [step.value]
        clauses = "；".join(c["clause"] if isinstance(c, dict) else str(c) for c in cites)
        out.append(f"{name}：所引原文改为 “{clauses}”" if lang == "zh" else f"{name}: cites “{clauses}”")
    return out


@dataclass(frozen=True)
class Wording:
    """A text that states the figure, before and after the update, in one language."""

    before: str
    after: str


def wordings(before: Briefing, after: Briefing, metric_id: str, lang: str) -> list[Wording]:
    """Return the figure itself and every text that refers to it (titles, messages, ledes, notes, timeline),
    as they read in *lang* before and after the update, in the briefing's order."""
    out = [Wording(figure_line(before.find(metric_id, Metric), lang), figure_line(after.find(metric_id, Metric), lang))]
    texts_after = dict(keyed_prose(after))  # the loader renders references: a text that states it reads anew
    for key, text in keyed_prose(before):  # paired by owner and field: a note the update removes shifts nothing
        later = texts_after.get(key)
        if later is None:
            out.append(Wording(text.get(lang), "（删去）" if lang == "zh" else "(removed)"))
        elif later.get(lang) != text.get(lang):
            out.append(Wording(text.get(lang), later.get(lang)))
    return out
