"""Updates from a newer document: which figures of a briefing it restates, as proposals to accept. Qt-free.

A document restates a metric when one of its figures has the metric's unit, kind and entity and measures the
same thing (the labels drafted from both clauses share most of their characters); it proposes an update when
the value is revised or the period is newer. Accepted proposals become one edit (the document added to the
sources, each metric's value, period and clause), applied through :mod:`srbrief.edit` like ``srbrief set``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal

from srbrief.draft.article import Article, parse_article
from srbrief.draft.briefing import glossary
from srbrief.draft.extract import Figure, extract, metric_value
from srbrief.model.translation import MARK
from srbrief.model.types import Briefing, Metric
from srbrief.model.units import metric_kind, number_text

SIMILAR = 0.5  # the share of label bigrams two figures must share to measure the same thing


@dataclass(frozen=True)
class Proposal:
    """An update of one metric from the new document."""

    metric: Metric
    figure: Figure
    value: float
    period: str | None

    @property
    def id(self) -> str:
        return self.metric.id


@dataclass
class Import:
    """What a newer document says about a briefing: updates of its figures, and figures it does not have."""

    article: Article
    doc_id: str
    proposals: list[Proposal]
    new: list[Figure]


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[\d.,%（）()“”\"\s]", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def similarity(a: str, b: str) -> float:
    """Return how much of the shorter label's bigrams the other shares (0 to 1)."""
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / max(1, min(len(x), len(y)))


def _measure(metric: Metric) -> str:
    """Return what *metric* measures, as a label drafted from its own clause (else its Chinese label)."""
    for figure in extract(metric.source.clause):
        if figure.unit == metric.unit and float(metric_value(figure)) == metric.value:
            return figure.label
    return metric.label.zh


def propose(briefing: Briefing, text: str, doc_id: str) -> Import:
    """Return the updates the document *text* proposes for *briefing*, and the figures it adds."""
    article = parse_article(text)
    names = {e.name.zh: e.id for e in briefing.entities}
    figures = [f for part in article.parts for p in part.paragraphs
               for f in extract(text, article.year, tuple(names), p.start, p.start + len(p.text))]
    proposals: list[Proposal] = []
    used: set[int] = set()
    for metric in briefing.metrics:
        if metric.derived is not None:
            continue  # a computed value: the document cannot restate it
        measure = _measure(metric)
        best, best_score = None, SIMILAR
        for i, f in enumerate(figures):
            if i in used or f.unit != metric.unit or f.kind != metric_kind(metric) or f.high is not None:
                continue
            if (names.get(f.entity or "") if f.entity else None) != metric.entity:
                continue
            score = similarity(measure, f.label)
            if score >= best_score:
                best, best_score = i, score
        if best is None:
            continue
        used.add(best)
        figure = figures[best]
        value = float(metric_value(figure))
        newer = figure.period is not None and figure.period > (metric.period or briefing.as_of)
        if value != metric.value or newer:
            proposals.append(Proposal(metric, figure, value, figure.period or metric.period))
    new = [f for i, f in enumerate(figures) if i not in used]
    return Import(article, doc_id, proposals, new)


def doc_id_for(stem: str, briefing: Briefing) -> str:
    """Return an id for the new document from its file name, unique in *briefing*."""
    base = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:40].strip("-") or "document"
    taken = {d.id for d in briefing.sources} | {m.id for m in briefing.metrics} | {s.id for s in briefing.sections}
    doc_id, n = base, 2
    while doc_id in taken:
        doc_id, n = f"{base}-{n}", n + 1
    return doc_id


def _text(zh: str) -> dict[str, str]:
    return {"zh": zh, "en": glossary().get(zh) or MARK + zh}


def assignments(found: Import, accepted: list[Proposal], text_file: str, briefing: Briefing) -> list[str]:
    """Return the ``PATH=VALUE`` assignments (as ``srbrief set`` takes them) that apply *accepted*."""
    out: list[str] = []
    if found.doc_id not in {d.id for d in briefing.sources}:
        a = found.article
        source = {"id": found.doc_id, "publication": _text(a.publication or f"〔待填：出版物〕{found.doc_id}"),
                  "date": a.date or briefing.as_of, "title": _text(a.headline or found.doc_id), "text": text_file}
        out.append("sources[+]=" + json.dumps(source, ensure_ascii=False))
    for p in accepted:
        path = f"metrics.{p.id}"
        out.append(f"{path}.value={number_text(Decimal(str(p.value)))}")
        if p.figure.qualifier != p.metric.qualifier.value:
            out.append(f"{path}.qualifier={p.figure.qualifier}")
        if p.period != p.metric.period and p.period is not None:
            out.append(f"{path}.period={p.period}")
        out.append(f"{path}.source=" + json.dumps({"doc": found.doc_id, "clause": p.figure.clause},
                                                 ensure_ascii=False))
    return out
