"""A draft briefing from an article: its sources, sections, every figure as a metric and a first storyline.

The draft validates as written: every metric cites its clause verbatim and states what the clause says; every
message refers to its figures ({id}) and cites its clauses; English comes from a glossary (the units and the
built-in briefing's zh/en pairs), else it is the Chinese marked ``[translate] `` (see
:mod:`srbrief.model.translation`). Qt-free.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from srbrief.draft.article import Article, Part, parse_article
from srbrief.draft.extract import SENTENCE_END, Figure, extract, metric_value, spans
from srbrief.model import refs
from srbrief.model.claims import numbers_in
from srbrief.model.textutil import cited_publication
from srbrief.model.translation import MARK

MAX_POINT_FIGURES = 6
MAX_SENTENCE = 160  # a longer sentence is too long for an action title: its figure's clause is used
MAX_FIGURES = 1000  # a briefing of more figures is no briefing (and would take seconds to validate)
_KIND_WEIGHT = {"rank": 4, "level": 3, "change": 3, "share": 2, "count": 1}
_BRACED = re.compile(r"\{[^{}]*\}")

OVERVIEW_TITLE = "总览"  # the overview section's name, as the sample and a new briefing (Ctrl+N) call it


@dataclass
class Draft:
    """The draft briefing as YAML text, with what it could not place."""

    yaml_text: str
    figures: int
    skipped: list[str] = field(default_factory=list)  # figures in units srbrief does not know
    placeholders: list[str] = field(default_factory=list)  # what the article does not state


@functools.lru_cache(maxsize=1)
def _builtin() -> Any:
    """Return the built-in briefing as plain YAML data (the glossary's source)."""
    from srbrief.resources import builtin_briefing_path

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(builtin_briefing_path().read_text("utf-8"), Loader=loader)  # a safe loader


@functools.lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    """Return known zh → en pairs: the built-in briefing's texts (names, labels, titles)."""
    pairs: dict[str, str] = {}
    stack: list[Any] = [_builtin()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            zh, en = node.get("zh"), node.get("en")
            if isinstance(zh, str) and isinstance(en, str) and "{" not in zh + en:
                pairs.setdefault(zh, en)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return pairs


def _text(zh: str) -> dict[str, str]:
    """Return a Text in both languages: the glossary's English, else the Chinese marked for translation."""
    known = glossary().get(zh)
    return {"zh": zh, "en": known if known else MARK + zh}


def _en(template: str) -> str:
    """Return the English placeholder of a Chinese prose *template*: marked, with full-width punctuation after
    each reference (an English figure ends in digits: 'over 3,200' then ',2024' would read as one number)."""
    return MARK + re.sub(r"\}([,;:])", lambda m: "}" + {",": "，", ";": "；", ":": "："}[m.group(1)], template)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral() else float(value)


def draft_briefing(text: str, name: str, text_file: str) -> Draft:
    """Return the draft briefing of the article *text*; *name* gives the ids, *text_file* is where the
    article's copy is, relative to the briefing."""
    article = parse_article(text)
    entity_names = _entity_names()
    names = tuple(entity_names)
    placeholders: list[str] = []
    headline = article.headline or _placeholder(placeholders, "标题", "headline")
    publication = article.publication or _placeholder(placeholders, "出版物", "publication")
    date = article.date or "2000-01-01"
    if article.date is None:
        placeholders.append("date (2000-01-01 stands for it)")
    draft = Draft("", 0, placeholders=placeholders)
    ids = _Ids()
    entities: dict[str, dict[str, Any]] = {}
    sections = []
    parts = article.parts if article.parts and article.parts[0].number == 0 else [Part(0, "", ""), *article.parts]
    every = [_figures(article, part, names) for part in parts]
    if sum(map(len, every)) > MAX_FIGURES:
        raise ValueError(f"the article states {sum(map(len, every))} figures; a draft takes at most {MAX_FIGURES}")
    for index, (part, figures) in enumerate(zip(parts, every, strict=True)):
        sections.append(_section(article, part, index, figures, ids, draft, entities, entity_names))
    summary = [s.pop("_summary") for s in sections if s.get("_summary")]
    for s in sections:
        s.pop("_summary", None)
    data: dict[str, Any] = {
        "schema": "srbrief/1",
        "id": _slug(name),
        "title": _text(headline),
        "subtitle": {"zh": f"据{cited_publication(publication)}{date}报道起草（草稿，待核对）",
                     "en": f"{MARK}Draft from {glossary().get(publication, publication)}, {date} (to be checked)"},
        "sources": [{"id": "article", "publication": _text(publication), "date": date, "title": _text(headline),
                     "text": text_file}],
        "as_of": date,
    }
    if entities:
        data["entities"] = list(entities.values())
    if summary:
        data["summary"] = summary
    data["sections"] = sections
    header = "# Drafted by `srbrief draft`: check every figure against its clause, translate the texts marked " \
             "[translate]" + "".join(f"\n# To fill in: {p}" for p in placeholders) + "\n"
    draft.yaml_text = header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return draft


def _placeholder(placeholders: list[str], zh: str, en: str) -> str:
    placeholders.append(en)
    return f"〔待填：{zh}〕"


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:50].strip("-")
    return f"draft-{slug}" if slug else "draft"


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return f"fig-{self.n}"


def _entity_names() -> dict[str, tuple[str, str]]:
    """Return the built-in briefing's entity names: zh → (id, en)."""
    return {e["name"]["zh"]: (e["id"], e["name"]["en"]) for e in _builtin().get("entities", [])
            if e.get("kind") != "place"}


def _figures(article: Article, part: Part, names: tuple[str, ...]) -> list[Figure]:
    found: list[Figure] = []
    for para in part.paragraphs:
        found += extract(article.text, article.year, names, para.start, para.start + len(para.text))
    return found


def _section(article: Article, part: Part, index: int, figures: list[Figure], ids: _Ids, draft: Draft,
             entities: dict[str, dict[str, Any]], known: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """Return the section of *part*: titles, lede, a metric per figure, one point and its summary line."""
    metrics: list[dict[str, Any]] = []
    placed: list[tuple[Figure, list[str]]] = []
    for figure in figures:
        if figure.unit is None:
            draft.skipped.append(f"{figure.written} ({figure.clause})")
            continue
        entity = _entity(figure.entity, entities, known) if figure.entity else None
        own = [_metric(figure, ids.next(), entity)]
        if figure.high is not None:
            own.append(_metric(figure, ids.next(), entity, high=True))
        metrics += own
        placed.append((figure, [m["id"] for m in own]))
    draft.figures += len(metrics)
    title = part.title or (OVERVIEW_TITLE if index == 0 else f"第{index}部分")
    section: dict[str, Any] = {"id": "overview" if index == 0 else f"theme-{index}",
                               "kind": "overview" if index == 0 else "theme"}
    if index:
        section["number"] = index
    section["title"] = {"zh": title, "en": "Overview"} if index == 0 else _text(title)
    short = title if len(title) <= 12 else title[:12]
    section["short_title"] = {"zh": short, "en": "Overview"} if index == 0 else _text(short)
    section["lede"] = _lede(article, part, placed, title)
    if metrics:
        section["metrics"] = metrics
    if placed:
        point, summary = _storyline(article.text, section["id"], placed)
        section["points"] = [point]
        if index and summary:
            section["_summary"] = summary
    return section


def _metric(figure: Figure, metric_id: str, entity: str | None, high: bool = False) -> dict[str, Any]:
    label = figure.label + ("（上限）" if high else "（下限）" if figure.high is not None else "")
    metric: dict[str, Any] = {"id": metric_id, "label": _label(label),
                              "value": _number(metric_value(figure, figure.high if high else None)),
                              "unit": figure.unit}
    if figure.qualifier != "exact":
        metric["qualifier"] = figure.qualifier
    if figure.direction:
        metric["direction"] = figure.direction
    if figure.period:
        metric["period"] = figure.period
    if entity:
        metric["entity"] = entity
    metric["source"] = figure.clause
    return metric


def _label(label: str) -> dict[str, str]:
    """Return a metric's label: labels are prose, so what still reads as a figure (第一个) is a literal."""
    known = glossary().get(label)
    zh = _prose(_escape(label), None) or label
    return {"zh": zh, "en": known if known else _en(zh)}


def _entity(name: str, entities: dict[str, dict[str, Any]], known: dict[str, tuple[str, str]]) -> str:
    """Return the id of the entity *name* (added to *entities* the first time)."""
    if name not in entities:
        entity_id, en = known.get(name, (f"entity-{len(entities) + 1}", MARK + name))
        kind = "park" if name.endswith(("区", "园")) else "institution" if name.endswith(("大学", "研究院")) \
            else "company"
        entities[name] = {"id": entity_id, "kind": kind, "name": {"zh": name, "en": en}}
    return str(entities[name]["id"])


def _template(text: str, start: int, end: int, placed: list[tuple[Figure, list[str]]]) -> tuple[str, list[str]]:
    """Return text[start:end] with each figure in it written as a reference, and the ids referred to."""
    out, used, pos = [], [], start
    for figure, metric_ids in placed:
        if start <= figure.start and figure.end <= end:
            out.append(_escape(text[pos:figure.start]))
            if figure.high is not None:
                out.append(f"{{{metric_ids[0]}}}至{{{metric_ids[1]}}}")
            else:
                out.append(f"{{{metric_ids[0]}}}")
            used += metric_ids
            pos = figure.end
    out.append(_escape(text[pos:end]))
    return "".join(out), used


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _prose(template: str, allowed: set[str] | None) -> str | None:
    """Return *template* with the literal figures the references leave (两个, 第一) written as ``{=...}``;
    None if a number written with digits is left that *allowed* does not carry (None: any, as a literal)."""
    for literal in dict.fromkeys(refs.literal_figures(template)):
        if allowed is not None and re.search(r"\d", literal):
            return None
        template = _wrap(template, literal)
    if allowed is not None and any(n not in allowed for n in numbers_in(refs.template_literals(template))):
        return None
    return template


def _wrap(template: str, literal: str) -> str:
    """Return *template* with every *literal* outside braces written as ``{=literal}``."""
    pieces, pos = [], 0
    for match in _BRACED.finditer(template):
        pieces.append(template[pos:match.start()].replace(literal, f"{{={literal}}}"))
        pieces.append(match.group())
        pos = match.end()
    pieces.append(template[pos:].replace(literal, f"{{={literal}}}"))
    return "".join(pieces)


def _periods(figures: list[Figure]) -> set[str]:
    """Return the years and months the figures' periods carry (a message may name them)."""
    return {str(int(part)) for f in figures if f.period for date in f.period.split("/")
            for part in date.split("-")[:2]}


def _lede(article: Article, part: Part, placed: list[tuple[Figure, list[str]]], title: str) -> dict[str, str]:
    """Return the section's lede: its first sentence, figures as references."""
    para = part.paragraphs[0] if part.paragraphs else None
    if para is None:
        return {"zh": title, "en": MARK + title}
    first = spans(article.text, SENTENCE_END, para.start, para.start + len(para.text))[0]
    end = min(first[1] + (1 if article.text[first[1]:first[1] + 1] in "。！？" else 0), first[0] + 400)
    template, _ = _template(article.text, first[0], end, placed)
    zh = _prose(template, None) or title
    return {"zh": zh, "en": _en(zh)}


def _storyline(text: str, section_id: str, placed: list[tuple[Figure, list[str]]]
               ) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Return the section's point (the sentence of its strongest figure, else that figure's clauses, with
    the figures as references) and its summary line (the strongest figure's clause)."""
    ranked = sorted(placed, key=lambda p: (-_KIND_WEIGHT[p[0].kind] - (p[0].unit or "").endswith("yuan"),
                                           p[0].start))
    head = ranked[0]
    start, end = head[0].sentence
    end += 1 if text[end:end + 1] in "。！？!?" else 0
    in_sentence = [p for p in placed if p[0].sentence == head[0].sentence]
    message = None
    if len(in_sentence) <= MAX_POINT_FIGURES and end - start <= MAX_SENTENCE:
        template, figure_ids = _template(text, start, end, in_sentence)
        message = _prose(template, _periods([f for f, _ in in_sentence]))
        sources = [text[start:end]]
    if message is None:
        chosen = in_sentence[:MAX_POINT_FIGURES]
        if _clauses_message(text, chosen) is None:
            chosen = [p for p in in_sentence if p[0].clause_start == head[0].clause_start][:MAX_POINT_FIGURES]
        message, figure_ids = _message(text, chosen, placed)
        sources = list(dict.fromkeys(f.clause for f, _ in chosen))
    point = {"id": f"point-{section_id}", "message": {"zh": message, "en": _en(message)},
             "figures": figure_ids, "sources": sources}
    line, head_ids = _message(text, [head], placed)
    summary = {"section": section_id, "message": {"zh": line, "en": _en(line)}, "figure": head_ids[0],
               "sources": [head[0].clause]}
    return point, summary


def _clauses_message(text: str, chosen: list[tuple[Figure, list[str]]]) -> tuple[str, list[str]] | None:
    """Return the clauses of *chosen* joined as a message with their figures as references, or None."""
    pieces, ids = [], []
    for start in dict.fromkeys(f.clause_start for f, _ in chosen):
        figure = next(f for f, _ in chosen if f.clause_start == start)
        template, used = _template(text, start, start + len(figure.clause), chosen)
        pieces.append(template)
        ids += used
    message = _prose("，".join(pieces) + "。", _periods([f for f, _ in chosen]))
    ok = message is not None and len(message) <= 280 and len(ids) <= MAX_POINT_FIGURES
    return (message, ids) if ok and message is not None else None


def _message(text: str, chosen: list[tuple[Figure, list[str]]], placed: list[tuple[Figure, list[str]]]
             ) -> tuple[str, list[str]]:
    """Return a message stating *chosen* (their clauses, figures as references) and the figures it cites."""
    found = _clauses_message(text, chosen)
    if found is not None:
        return found
    ids = [i for _, metric_ids in chosen for i in metric_ids][:MAX_POINT_FIGURES]
    fallback = "，".join(f"{_escape(re.sub(r'[0-9.,%]+', '', f.label))}{{{metric_ids[0]}}}"
                        for f, metric_ids in chosen[:MAX_POINT_FIGURES])
    message = _prose(fallback + "。", _periods([f for f, _ in chosen]))
    return (message, ids) if message is not None else ("本部分要点：" + "、".join(f"{{{i}}}" for i in ids) + "。", ids)
