"""New items for a briefing, as the app adds them: which fields to ask for each kind, the id made for it (the user
never types one), and a unit of the briefing's own. Qt-free.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from srbrief.model.translation import MARK
from srbrief.model.types import (
    Briefing,
    Chart,
    Event,
    Fact,
    Metric,
    Point,
    Section,
    Source,
    Statement,
    SummaryItem,
    UnitDef,
)
from srbrief.model.units import UNITS

# The fields asked when adding each kind (the rest are edited in the form afterwards).
ASKED: dict[str, tuple[str, ...]] = {
    "metrics": ("label", "value", "unit", "qualifier", "direction", "period", "source"),
    "facts": ("kind", "title", "text", "source"),
    "points": ("message", "figures", "sources", "chart", "notes"),
    "charts": ("kind", "title", "items"),
    "sections": ("kind", "title", "short_title", "lede"),
    "timeline": ("date", "text", "source", "refs"),
    "summary": ("section", "message", "figure", "sources"),
    "outlook": ("text", "source"),
    "sources": ("title", "publication", "date"),
}
CLASSES: dict[str, type] = {
    "metrics": Metric, "facts": Fact, "points": Point, "charts": Chart, "sections": Section, "timeline": Event,
    "summary": SummaryItem, "outlook": Statement, "sources": Source, "units": UnitDef,
}
PREFIXES = {"metrics": "figure", "facts": "fact", "points": "point", "charts": "chart", "sections": "theme",
            "timeline": "event", "sources": "document", "units": "unit"}
_WORD = re.compile(r"[a-z0-9]+")
_SPACE = "[ \u00a0\u202f]"  # a space, no-break or narrow no-break: how a number and its unit may be apart
_SPACES = re.compile(_SPACE)
_SCALES = {"mn": "(?:mn|million)", "bn": "(?:bn|billion)"}  # "21.5 million visits" is written "21.5 mn visits"
MAX_WORDS = 5


def item_class(kind: str) -> type:
    """Return the dataclass of an item of the list *kind*."""
    return CLASSES[kind]


def taken_ids(briefing: Briefing) -> set[str]:
    """Return every id in use: items, documents and declared units."""
    return {*briefing.index, *(s.id for s in briefing.sources), *(u.code for u in briefing.units), *UNITS}


def slug(text: str) -> str:
    """Return the first words of an English text as an id: "Industrial revenue in 2025" → industrial-revenue-in-2025."""
    if text.startswith(MARK.strip()):
        return ""
    words = _WORD.findall(text.lower())
    return "-".join(words[:MAX_WORDS])[:48].strip("-")


def new_id(kind: str, data: dict[str, Any], briefing: Briefing) -> str:
    """Return an id for a new item of *kind*: from its English label or title if it has one, else the kind and
    a number (figure-3); never one in use."""
    english = ""
    for key in ("label", "title", "message", "text", "name"):
        value = data.get(key)
        if isinstance(value, dict) and value.get("en"):
            english = str(value["en"])
            break
    base = slug(english) or PREFIXES.get(kind, "item")
    taken = taken_ids(briefing)
    if base not in taken and base != PREFIXES.get(kind):
        return base
    return next(f"{base}-{n}" for n in range(1, 10_000) if f"{base}-{n}" not in taken)


def number_for(briefing: Briefing) -> int:
    """Return the number of a new theme: one more than the last."""
    return max((s.number or 0 for s in briefing.sections), default=0) + 1


def cites_from(raw: str, current: Any, briefing: Briefing, base: Path | None) -> list[Any]:
    """Return the clauses typed one a line as cites: a clause already cited keeps its cite (its document, its
    translation); a new one cites the first document whose text has it verbatim (else the first document)."""
    from srbrief.model.truth import read_document

    kept = {(c["clause"] if isinstance(c, dict) else str(c)): c for c in current} if isinstance(current, list) \
        else {}
    first = briefing.sources[0].id if briefing.sources else None
    texts = {s.id: read_document(s, base) for s in briefing.sources}
    out: list[Any] = []
    for line in (part.strip() for part in raw.splitlines()):
        if not line:
            continue
        if line in kept:
            out.append(kept[line])
            continue
        doc = next((d for d, text in texts.items() if text and line in text), first)
        out.append(line if doc == first else {"doc": doc, "clause": line})
    return out


def with_translation_marks(pair: dict[str, str]) -> dict[str, str]:
    """Return a text in two languages from what was typed: a missing English is marked ``[translate]`` (the
    English deck waits for it), a missing Chinese is the English."""
    zh, en = pair.get("zh", "").strip(), pair.get("en", "").strip()
    return {"zh": zh or en, "en": en or f"{MARK}{zh}"}


def unit_entry(zh: str, en: str, briefing: Briefing) -> dict[str, str] | None:
    """Return the declaration of a unit written *zh* after a number (万吨) and called *en* in English, with a
    code made for it; None if the briefing already has a unit written so, or *zh* is empty."""
    zh, en = zh.strip(), en.strip()
    known = {u.zh for u in UNITS.values()} | {u.zh for u in briefing.units}
    if not zh or zh in known:
        return None
    base = slug(en) or "unit"
    taken = taken_ids(briefing)
    code = base if base not in taken and base != "unit" else \
        next(f"{base}-{n}" for n in range(1, 10_000) if f"{base}-{n}" not in taken)
    return {"code": code, "zh": zh, "en": en or zh}


def is_placeholder(text: str) -> bool:
    """Return whether *text* is a placeholder still to be filled in (【…】 or […])."""
    text = text.strip()
    return (text.startswith("【") and text.endswith("】")) or (text.startswith("[") and text.endswith("]"))


def placeholder_source(briefing: Briefing) -> int | None:
    """Return the position of the new briefing's placeholder document (its title still 【…】/[…] in both
    languages, and no text), which the first real document added takes the place of; None if there is none."""
    for number, source in enumerate(briefing.sources):
        if source.text is None and is_placeholder(source.title.zh) and is_placeholder(source.title.en):
            return number
    return None


def bind_literals(text: str, lang: str, ticked: list[Metric], every: list[Metric]) -> tuple[str, list[Metric]]:
    """Return *text* with each number typed as a literal turned into a reference to the figure it is, and the
    figures so bound: a literal is bound when exactly one of the *ticked* figures (or, when none of them, exactly
    one of *every* figure) is written so in *lang* — with its unit ("1050万吨", "10.5 mn tonnes") or as the bare
    number ("1050", then the words around it stay). A literal that fits no figure, or several, stays (and the
    check says so)."""
    from srbrief.model import refs

    bound: list[Metric] = []
    for literal in dict.fromkeys(refs.literal_figures(text)):
        for group in (ticked, every):
            found = _written_as(text, literal, lang, group)
            if found:
                break
        if len(found) != 1:
            continue
        metric, pattern, form = found[0]
        reference = "{" + metric.id + (":" + form if form else "") + "}"
        text = re.sub(pattern, reference.replace("\\", "\\\\"), text, count=1)
        bound.append(metric)
    return text, bound


def _written_as(text: str, literal: str, lang: str, metrics: list[Metric]) -> list[tuple[Metric, str, str]]:
    """Return the figures among *metrics* that *text* writes as *literal*: (figure, a pattern of the text to
    replace, form); a space matches a no-break space (the English units are written with one)."""
    from srbrief.model import refs

    found: dict[str, tuple[Metric, str, str]] = {}
    number = rf"(?<![\d.,]){re.escape(literal)}(?![\d]|[.,]\d)"
    for metric in metrics:
        full = refs.render_ref(metric, "", lang)
        spaced = _SPACE.join(_SCALES.get(part, re.escape(part)) for part in re.split(_SPACE, full))
        if literal in _SPACES.sub(" ", full) and re.search(spaced, text):
            found[metric.id] = (metric, spaced, "")
        elif refs.form_problem(metric, "num") is None and metric.qualifier.value not in ("rank", "top") \
                and refs.render_ref(metric, "num", lang) == literal and re.search(number, text):
            found[metric.id] = (metric, number, "num")
    return list(found.values())


def resembled(text: str, lang: str, metrics: list[Metric]) -> list[tuple[str, Metric]]:
    """Return (number typed, figure) for each number typed in *text* that is the number of a figure among
    *metrics* as it reads in *lang* ("21.5" of "21.5 mn visits") though not written as that figure reads:
    what the user most likely meant (said when the number is refused)."""
    from srbrief.model import refs

    out: list[tuple[str, Metric]] = []
    for literal in dict.fromkeys(refs.literal_figures(text)):
        if not literal[:1].isdigit():
            continue
        number = rf"(?<![\d.,]){re.escape(literal)}(?![\d]|[.,]\d)"
        out += [(literal, m) for m in metrics if re.search(number, refs.render_ref(m, "", lang))]
    return out


def figure_cites(metrics: list[Metric], briefing: Briefing) -> list[Any]:
    """Return the clauses of *metrics* as a point's sources (a clause of the first document as plain text),
    each once: a point's message rests on its figures' clauses unless the user says otherwise."""
    first = briefing.sources[0].id if briefing.sources else None
    out: list[Any] = []
    for metric in metrics:
        cite = metric.source
        entry: Any = cite.clause if cite.doc in (None, first) else {"doc": cite.doc, "clause": cite.clause}
        if entry not in out:
            out.append(entry)
    return out


def text_file_for(briefing_path: Path, doc_id: str) -> Path:
    """Return where a document's text is kept: beside the briefing, named after it (``port-article.txt`` for
    ``port.yaml``'s document ``article``), never a file that is already there (``port-article-2.txt`` …)."""
    stem = f"{briefing_path.stem}-{doc_id}"
    target = briefing_path.with_name(f"{stem}.txt")
    number = 2
    while target.exists():
        target = briefing_path.with_name(f"{stem}-{number}.txt")
        number += 1
    return target


def text_length(text: str) -> int:
    """Return how many characters *text* has, spaces and line breaks not counted (共 N 字)."""
    return sum(not c.isspace() for c in text)


_FIGURE_CHARTS = ("kpi", "bar", "hbar", "share", "line")


def chart_kinds_for(items: list[Any]) -> dict[str, str | None]:
    """Return every chart kind a chart of *items* (figures, facts, events …) might be, each with why it does not
    fit them (None: it fits), as validation would say it; figures alone are offered only the figure charts,
    items without a figure (facts, events, places) only the others."""
    from srbrief.model.loader import chart_rule_problem
    from srbrief.model.types import ChartKind

    figures = {isinstance(i, Metric) for i in items}
    kinds = [k for k in ChartKind if figures != {True} or k.value in _FIGURE_CHARTS]
    kinds = [k for k in kinds if figures != {False} or k.value not in _FIGURE_CHARTS]
    return {k.value: chart_rule_problem(k, items) if items else None for k in kinds}


# The unit list's groups, in the order a briefing most often needs them: (dimensions, zh, en).
UNIT_GROUPS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("money",), "金额（人民币）", "Money (CNY)"),
    (("money-usd",), "金额（美元）", "Money (USD)"),
    (("percent", "percentage-point", "multiple", "rank"), "比例、变化与名次", "Shares, changes and ranks"),
    (("count",), "数量", "Counts"),
    (("duration",), "时间", "Time"),
    (("mass",), "重量", "Mass"),
    (("energy",), "电量", "Energy"),
    (("power",), "功率（装机）", "Power (capacity)"),
    (("area",), "面积", "Area"),
    (("volume",), "体积", "Volume"),
    (("length",), "长度", "Length"),
)
OWN_UNITS = ("本简报的单位", "This briefing's units")


def unit_groups(briefing: Briefing) -> list[tuple[tuple[str, str], list[str]]]:
    """Return the unit codes a unit picker offers, in groups ((zh, en) name, codes): first the briefing's own
    (declared, then those its figures use), then every built-in unit by its kind of quantity (money, counts,
    mass, energy …), each kind's units by name and then size (吨, 万吨, 亿吨)."""
    own = list(dict.fromkeys([*(u.code for u in briefing.units), *(m.unit for m in briefing.metrics)]))
    groups: list[tuple[tuple[str, str], list[str]]] = [(OWN_UNITS, own)] if own else []
    listed = set(own)
    for dimensions, zh, en in UNIT_GROUPS:
        codes = [c for c, u in UNITS.items() if u.dimension in dimensions and c not in listed]
        codes.sort(key=lambda c: (dimensions.index(UNITS[c].dimension), _unit_word(UNITS[c].zh), UNITS[c].scale))
        listed.update(codes)
        if codes:
            groups.append(((zh, en), codes))
    rest = [c for c in UNITS if c not in listed]  # a kind of quantity not grouped above: never hidden
    if rest:
        groups.append((("其他", "Other"), rest))
    return groups


def _unit_word(zh: str) -> str:
    """Return a unit's Chinese without its size (万吨 → 吨), so that a unit and its multiples stand together."""
    return zh.lstrip("万亿") or zh
