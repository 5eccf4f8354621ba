"""Updating one figure from a new source, as one edit (Qt-free): the value is read from the clause the user
selected (:mod:`srbrief.model.numerals` reads it as validation does), the figure cites the clause in its
document, and every text that states the figure is shown with its new wording before the edit is accepted.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from srbrief.edit.commands import Batch, Command, RemoveField, SetField, read_back
from srbrief.edit.describe import item_name, item_path, kind_name, where
from srbrief.edit.verify import MISSING
from srbrief.edit.yamltext import PathKey, Source, parsed
from srbrief.model.agreement import conflict
from srbrief.model.numerals import measure_word, mention_word, mentions, states
from srbrief.model.periods import clause_period, dates_in
from srbrief.model.refs import RefError, references, render, render_ref
from srbrief.model.textutil import period_text
from srbrief.model.truth import keyed_prose
from srbrief.model.types import Briefing, Cite, Metric, Qualifier, Text, Unit
from srbrief.model.units import UNITS, format_value, metric_unit, number_text


@dataclass(frozen=True)
class Reading:
    """What a clause states for a figure: its value (in the figure's unit) and qualifier, as written there."""

    value: float
    qualifier: str
    written: str  # the words, e.g. '6288亿元'
    converted: bool = False  # written with another multiplier than the figure's unit (1.2亿人次 for 万人次)


def read_value(metric: Metric, clause: str) -> Reading | None:
    """Return the value *clause* states in *metric*'s unit and kind (the first such figure), or None; a value
    written with another multiplier of the unit's word is converted to the unit (1.2亿人次 → 12000 万人次):
    the value times the unit's scale is what the clause states."""
    unit = metric_unit(metric)
    for mention in mentions(clause):
        ranked = metric.qualifier.value in ("rank", "top")
        if ranked or unit.code == "percent" or mention.kind == "percent":
            value = mention.value
        else:
            value = mention.value / Decimal(unit.scale)
        number = float(value) if value != value.to_integral() else float(int(value))
        qualifier = metric.qualifier.value if ranked else mention.qualifier
        trial = dataclasses.replace(metric, value=number, qualifier=Qualifier(qualifier))
        if states(trial, mention):
            converted = mention.kind == "number" and not ranked and mention.scale != unit.scale
            return Reading(number, qualifier, mention.written, converted)
    return None


def reading_line(metric: Metric, reading: Reading, lang: str) -> str:
    """Return what was read, as the user checks it: '6288亿元', or with the conversion to the figure's unit
    '1.2亿人次 → 按 万人次 换算：12000'."""
    if not reading.converted:
        return reading.written
    unit = metric_unit(metric)
    if lang == "zh":
        return f"{reading.written} → 按 {unit.zh} 换算：{number_text(reading.value)}"
    return f"{reading.written} → converted to {unit.zh} ({unit.en}): {number_text(reading.value, 'en')}"


DIMENSION_NAMES = {  # what a unit measures, for saying why a value cannot be converted
    "money": ("金额", "an amount of money"), "money-usd": ("美元金额", "an amount in US dollars"),
    "count": ("数量", "a count"), "mass": ("重量", "a mass"), "power": ("功率", "power"),
    "energy": ("电量", "energy"), "area": ("面积", "an area"), "volume": ("体积", "a volume"),
    "length": ("长度", "a length"), "duration": ("时长", "a duration"), "percent": ("百分比", "a percentage"),
    "percentage-point": ("百分点", "percentage points"), "multiple": ("倍数", "a multiple"),
    "rank": ("名次", "a rank"),
}


def _dimension_name(unit: Unit, lang: str) -> str:
    zh, en = DIMENSION_NAMES.get(unit.dimension, ("本简报自定义的量", "a unit of the briefing's own"))
    return zh if lang == "zh" else en


def unread_reason(metric: Metric, clause: str, lang: str) -> str | None:
    """Return why no value of *metric* can be read from *clause* when the clause states one in another unit:
    a quantity of another kind (3.5万吨 for a figure in 万人次) or another unit of the same kind (120兆瓦 for one
    in 千瓦) cannot be converted; None when the clause states no figure in a unit srbrief knows."""
    unit = metric_unit(metric)
    if metric.qualifier.value in ("rank", "top"):
        return None
    own = "%" if unit.code == "percent" else measure_word(unit)
    for mention in mentions(clause):
        word = mention_word(mention)
        other = next((u for u in UNITS.values() if measure_word(u) == word or (word == "%" == u.zh)), None)
        if other is None or word == own:
            continue
        said, mine = _dimension_name(other, lang), _dimension_name(unit, lang)
        if other.dimension != unit.dimension:
            return (f"所选语句写的是 {mention.written}（{said}），而本数字以 {unit.zh} 计（{mine}）：不是同一类量，"
                    "不能换算；请选一句写明本数字的语句" if lang == "zh" else
                    f"The selection states {mention.written} ({said}), but this figure is in {unit.zh} ({unit.en}, "
                    f"{mine}): another kind of quantity, which cannot be converted; select a clause that states "
                    "this figure")
        return (f"所选语句写的是 {mention.written}，而本数字以 {unit.zh} 计：{word} 与 {own} 不是同一个单位，"
                f"不能换算；要改用 {word}，请先改本数字的单位" if lang == "zh" else
                f"The selection states {mention.written}, but this figure is in {unit.zh} ({unit.en}): {word} and "
                f"{own} are different units, which are not converted; to use {word}, change the figure's unit first")
    return None


PERIOD_NOTES = {  # the derived note of a period the new clause does not (wholly) state: what was kept
    "start": {"zh": "起始时间沿用更新前的数字：新来源只写明截止时间",
              "en": "Start kept from before the update: the new source states only the end"},
    "kept": {"zh": "时期沿用更新前的数字：新来源未写明时期",
             "en": "Period kept from before the update: the new source does not state it"},
}


def read_period(old: str | None, clause: str, year: int | None = None,
                document: str | None = None) -> tuple[str | None, bool]:
    """Return the period *clause* states for a figure whose period was *old*, and whether the clause states it
    wholly: '2025年，…' → ('2025', True); '2025年1—9月，…' → ('2025-01/2025-09', True); '截至2025年12月，…连续30个月'
    for '2023-06/2025-07' → ('2023-06/2025-12', False): the end is stated, the start kept. A clause that states
    no date takes what its sentence in *document* states before it; *year* (the document's) dates 前三季度, 9月底.
    (None, False) when neither states a date."""
    dates = dates_in(clause, year)
    if not dates and document:
        before = clause_period(document, clause, year)
        return (before, True) if before else (None, False)
    if not dates:
        return None, False
    if old and "/" in old:
        if len(dates) >= 2:
            return f"{dates[0].start}/{dates[1].end or dates[1].start}", True
        if dates[0].end is None and dates[0].until:  # 截至2025年12月: the end of the run
            return f"{old.split('/', 1)[0]}/{dates[0].start}", False
    return dates[0].period, True


def period_edits(text: Source, path: tuple[PathKey, ...], period: str | None) -> list[Command]:
    """Return the edits that go with the user setting the period of the figure at *path* to *period*: a period
    marked as computed (``derived_part: period``) is the user's now, so its derived note and flag go."""
    current = read_back(text, path)
    if not isinstance(current, dict) or current.get("derived_part") != "period" or period == current.get("period"):
        return []
    return [RemoveField((*path, key)) for key in ("derived", "derived_part") if key in current]


@dataclass(frozen=True)
class Pin:
    """A text that states the figure but also rests on another clause that states the figure's old value in
    the same words (保持全省{rank} beside 自2023年6月起连续26个月保持全省第二): the update keeps the old value there,
    as a literal that clause states, instead of making a sentence no source states."""

    path: tuple[PathKey, ...]  # the text ({zh, en})
    clause: str  # the other clause it rests on
    said: str  # what that clause says: '第二'
    kept: dict[str, str]  # the text with the figure written as the old value: {zh: …{=第二}…, en: …{=second}…}


def _figure_ref(metric_id: str) -> re.Pattern[str]:
    return re.compile(r"\{" + re.escape(metric_id) + r"(?::(num|word))?\}")


def pinned_texts(text: Source, before: Briefing, metric_id: str, after: Metric) -> list[Pin]:
    """Return the texts the update of *metric_id* (to *after*) must not reword: each states the figure and rests
    on another clause (of another figure it states, or of the figure whose label it is) that says the old value
    where the text states it (the rule validation applies: :func:`srbrief.model.agreement.conflict`)."""
    old = before.find(metric_id, Metric)
    tree = read_back(text, ())
    metrics = {m.id: m for m in before.metrics}
    shown = {**metrics, metric_id: after}
    ref = _figure_ref(metric_id)
    out = []
    for path, node in _walk(tree, ()):
        zh, en = node.get("zh"), node.get("en")
        if not (isinstance(zh, str) and isinstance(en, str) and ref.search(zh)) or len(path) < 2:
            continue
        owner = read_back(text, path[:-1])
        rests: list[tuple[Metric | None, str]] = [(metrics[r.id], metrics[r.id].source.clause)
                                                  for r in references(zh) if r.id != metric_id and r.id in metrics]
        owner_id = owner.get("id") if isinstance(owner, dict) else None
        if isinstance(owner_id, str) and owner_id != metric_id and isinstance(metrics.get(owner_id), Metric):
            rests.append((metrics[owner_id], metrics[owner_id].source.clause))  # a figure's label: its clause
        try:
            rendered = render(zh, shown, "zh")
        except (RefError, KeyError):
            continue
        found = conflict(rendered, after, rests)
        if found is not None and states(old, found[1]):  # the other clause says the old value: it is kept
            kept = {lang: _as_literal(ref, old, words, lang) for lang, words in (("zh", zh), ("en", en))}
            out.append(Pin(path, found[0], found[1].written, kept))
    return out


def _as_literal(ref: re.Pattern[str], metric: Metric, words: str, lang: str) -> str:
    """Return *words* with each reference *ref* matches written as the literal *metric* renders ({=第二})."""
    return ref.sub(lambda m: "{=" + render_ref(metric, m.group(1) or "", lang) + "}", words)


def update_edit(text: Source, path: tuple[PathKey, ...], doc_id: str, clause: str, reading: Reading,
                period: str | None = None, year: int | None = None, document: str | None = None,
                before: Briefing | None = None) -> Command:
    """Return the edit that gives the figure at *path* the value read from *clause* of the document *doc_id*:
    value, qualifier, the cite (its old translation goes with the old clause), the period if given. A
    ``derived`` note goes when the clause now states the value and its period; a period the clause does not
    wholly state stays marked as derived, with a note that says what was kept; a period the user chose (neither
    the old one nor the one read) is theirs, not computed. *year* and *document* (the document's year and text)
    read the period as :func:`read_period`. Texts that rest on the old clause follow (see :func:`follower_edits`)."""
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
    read, whole = read_period(old_period, clause, year, document)
    chosen = period is not None and period not in (old_period, read)  # set by the user: no longer computed
    period = period or old_period
    if period and period != old_period:
        commands.append(SetField((*path, "period"), period))
    stated = (whole and read == period) or chosen
    if old.get("derived_part") == "period" and not stated:  # the tag 时期为推算 stays, with a true note
        note = PERIOD_NOTES["start" if read is not None and read == period else "kept"]
        commands.append(SetField((*path, "derived"), dict(note)))
    else:
        for key in ("derived", "derived_part"):
            if read_back(text, (*path, key)) is not MISSING:
                commands.append(RemoveField((*path, key)))
    pins = pinned_texts(text, before, str(old["id"]), _updated(before, str(old["id"]), reading, period, new_cite)) \
        if before is not None and isinstance(old.get("id"), str) else []
    commands += [SetField(pin.path, pin.kept) for pin in pins]
    commands += follower_edits(text, old, new_cite, period, {pin.path[:-1] for pin in pins})
    commands += as_of_edit(text, doc_id)
    return Batch(tuple(commands))


def as_of_edit(text: Source, doc_id: str) -> list[Command]:
    """Return the edit that moves the briefing's date (数据截至 …) to the date of the document *doc_id* when that
    document is newer: a figure updated from it makes the briefing's data as new as it (the tester's title slide
    said 数据截至2025年10月11日 under a figure from a bulletin of 20 October)."""
    tree = read_back(text, ())
    if not isinstance(tree, dict):
        return []
    dated = next((d.get("date") for d in tree.get("sources") or () if isinstance(d, dict) and d.get("id") == doc_id),
                 None)
    as_of = tree.get("as_of")
    if not isinstance(dated, str) or not isinstance(as_of, str) or _day(dated, 0) <= _day(as_of, 99):
        return []  # newer only when surely so: 2025-10 is not newer than 2025-10-11
    return [SetField(("as_of",), dated)]


def _day(date: str, missing: int) -> tuple[int, ...]:
    """Return a date of 1–3 parts ('2025', '2025-10', '2025-10-20') as a day, its missing parts *missing*."""
    parts = [int(p) for p in date.split("-") if p.isdigit()]
    return (*parts, *(missing,) * (3 - len(parts)))


def _updated(before: Briefing, metric_id: str, reading: Reading, period: str | None, cite: dict[str, str]) -> Metric:
    """Return the figure *metric_id* of *before* as the update makes it (value, qualifier, period, clause)."""
    metric = before.find(metric_id, Metric)
    return dataclasses.replace(metric, value=reading.value, qualifier=Qualifier(reading.qualifier),
                               period=period or metric.period, source=Cite(cite["clause"], cite["doc"]))


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


def follower_edits(text: Source, old: dict[str, object], new_cite: dict[str, str], period: str | None,
                   pinned: Collection[tuple[PathKey, ...]] = ()) -> list[Command]:
    """Return the edits that make the texts stating the figure *old* (its data before the update) rest on
    *new_cite*: in a point's or summary line's sources the old clause is replaced by the new one (a cite that
    also holds other figures' clauses keeps what remains of it); an event's source likewise, and an event dated
    by the figure's old period takes the new period (a period of months: its last month). An item at a *pinned*
    path keeps the old value in its text (see :class:`Pin`): it keeps its clauses, its source and its date; a
    point adds the new clause."""
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
        if path in pinned:
            figures = item.get("figures")
            if isinstance(listed, list) and new_cite not in listed and isinstance(figures, list) and \
                    metric_id in figures:
                out.append(SetField((*path, "sources"), [*listed, dict(new_cite)]))
            continue
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
            date = period.split("/")[-1] if period else None  # a period's end: 2025-01/2025-09 is done by 2025-09
            if date and item.get("date") == old.get("period") and date != item["date"]:
                out.append(SetField((*path, "date"), date))
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
        if isinstance(step, SetField) and tuple(step.path) == ("as_of",):
            was = read_back(text, ("as_of",))
            out.append(f"数据截至改为 {step.value}（原为 {was}）" if lang == "zh" else
                       f"Data as of becomes {step.value} (was {was})")
            continue
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
