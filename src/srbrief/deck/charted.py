"""Which figures a slide shows, wherever it shows them: in a chart of any kind (a bar's values, a matrix's group
counts, a grid's headings, a timeline's event lines, a map's labels) and in its texts (a divider's conclusion,
a bullet). Qt-free and pptx-free: the deck plan asks it so that a figure is shown once on a slide and a slide
that states an undated figure anywhere says when it was reported.

Model texts are rendered (their references to figures are written out), so a figure is found in a text by
the ways the model writes it in prose (srbrief.model.refs.render_ref): as a value with its unit (12条, 74.9%),
as a bare number before a measure word (12 key chains) or in words (两个, two), each standing alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from srbrief.deck.plandata import NATIVE_KINDS, Slide
from srbrief.model import Briefing, Chart, ChartKind, Entity, Event, Fact, Metric
from srbrief.model.numerals import MEASURE_WORDS
from srbrief.model.refs import form_problem, render_ref

_CN_NUMERALS = "零一二两三四五六七八九十百千万"


def chart_figures(briefing: Briefing, chart: Chart | None, lang: str) -> tuple[Metric, ...]:
    """Return the figures *chart* shows: a metric chart's (and figure tiles') metrics; a matrix's group counts;
    the figures a grid's headings, a timeline's events or a map's labels state."""
    if chart is None:
        return ()
    items = [briefing.find(i) for i in chart.items]
    if chart.kind in (*NATIVE_KINDS, ChartKind.KPI):
        return tuple(m for m in items if isinstance(m, Metric))
    counted = _matrix_counts(briefing, chart) if chart.kind is ChartKind.MATRIX else ()
    drawn = stated_figures(briefing.metrics, _drawn_texts(briefing, chart, lang), lang)
    return tuple(dict.fromkeys((*counted, *drawn)))


def _drawn_texts(briefing: Briefing, chart: Chart, lang: str) -> list[str]:
    """Return the texts a drawn chart (grid, matrix, timeline, map) writes, as srbrief.charts draws them."""
    items = [briefing.find(i) for i in chart.items]
    facts = [i for i in items if isinstance(i, Fact)]
    texts = [(f.title or f.text).get(lang) for f in facts if chart.kind is not ChartKind.MATRIX]
    texts += [item.label.get(lang) for f in facts for item in f.items]
    if chart.kind is ChartKind.TIMELINE:
        events = [i for i in items if isinstance(i, Event)] or list(briefing.timeline)
        texts += [e.text.get(lang) for e in events]
    texts += [e.name.get(lang) for e in items if isinstance(e, Entity)]
    return texts


def _matrix_counts(briefing: Briefing, chart: Chart) -> tuple[Metric, ...]:
    """Return the figures a matrix shows as its columns' counts: a metric whose value is a column's count of items
    and whose label names the column (千亿级园区: 1)."""
    groups: dict[str, int] = {}
    for fact in (f for f in (briefing.find(i) for i in chart.items) if isinstance(f, Fact)):
        for item in fact.items:
            key = item.group.zh if item.group else (fact.title or fact.text).zh
            groups[key] = groups.get(key, 0) + 1
    return tuple(m for m in briefing.metrics for key, count in groups.items()
                 if m.value == count and m.unit not in ("percent", "rank") and _names(m.label.zh, key))


def _names(label: str, group: str) -> bool:
    a, b = re.sub(r"[\s“”\"]", "", label), re.sub(r"[\s“”\"]", "", group)
    return bool(a and b) and (a in b or b in a)


def with_stated(briefing: Briefing, slide: Slide, lang: str) -> Slide:
    """Return *slide* knowing the figures its texts state (title, subtitle, bullets): of the figures of its section
    (all the briefing's for a slide of none) and of those it shows."""
    section = next((s for s in briefing.sections if s.id == slide.section_id), None)
    candidates = (*(section.metrics if section is not None else briefing.metrics), *slide.metrics)
    texts = (slide.title, slide.subtitle, *slide.bullets)
    return replace(slide, stated=stated_figures(dict.fromkeys(candidates), texts, lang))


def stated_figures(metrics: Iterable[Metric], texts: Iterable[str], lang: str) -> tuple[Metric, ...]:
    """Return those of *metrics* that *texts* state, in their order."""
    text = "\n".join(texts)
    return tuple(m for m in metrics if text and states(text, m, lang))


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def states(text: str, metric: Metric, lang: str) -> bool:
    """Return whether *text* states *metric* in one of the ways prose writes it (never inside a quoted term:
    “新三样”, "new three"; an English rank only as 'No. 2', since 'first' is as often no rank)."""
    text = _QUOTED.sub(" ", text)
    for form in ("", "num", "word"):
        if form_problem(metric, form) is not None:
            continue
        written = render_ref(metric, form, lang)
        if lang == "en" and metric.qualifier.value in ("rank", "top") and not any(c.isdigit() for c in written):
            continue
        if written and re.search(_pattern(written, form, lang), text, flags=re.IGNORECASE if lang == "en" else 0):
            return True
    return False


def _pattern(written: str, form: str, lang: str) -> str:
    """Return the pattern of *written* standing alone: no digit, decimal point or numeral glued to it; a bare
    number or Chinese numeral only before a measure word (12条, 两个), an English word as a whole word."""
    word = re.escape(written)
    if written.startswith("第"):  # a rank, not a tier or a batch (第一方阵, 第二批)
        return rf"{word}(?![{_CN_NUMERALS}\d方批届期次])"
    if lang == "en":
        return rf"(?<![\w.,-]){word}(?![\w%-]|[.,]\d)"
    before = rf"(?<![\d.,{_CN_NUMERALS}第前])"
    if form in ("num", "word"):
        return rf"{before}{word}(?:余|多)?(?=[{MEASURE_WORDS}])"
    return rf"{before}{word}(?![\d%]|[.,]\d)"


__all__ = ["chart_figures", "stated_figures", "states", "with_stated"]
