"""The storyline every renderer draws: a section's points, the executive summary and the outlook. Qt-free.

The story is written by people in the data (see :class:`~srbrief.model.types.Point`); for a file without one,
:func:`effective_points` groups the figures itself under neutral messages taken from the section's own title
or lede, never inventing a claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from srbrief import meaning
from srbrief.model.claims import uncarried_numbers
from srbrief.model.honesty import chart_problem
from srbrief.model.refs import chinese_numeral, render_ref
from srbrief.model.textutil import chinese_date, cited_publication, english_date
from srbrief.model.types import (
    Briefing,
    Chart,
    ChartKind,
    Cite,
    Direction,
    Good,
    Lang,
    Metric,
    Point,
    Section,
    SectionKind,
    Source,
    Statement,
    Text,
)

MAX_FIGURES = 6  # per point, and so per slide
METRIC_CHARTS = (ChartKind.KPI, ChartKind.BAR, ChartKind.HBAR, ChartKind.SHARE, ChartKind.LINE)
PART = Text("（{i}/{n}）", " ({i}/{n})")  # a later part of a section without a storyline or a chart title of its own


@dataclass(frozen=True)
class SummaryLine:
    """One line of the executive summary, resolved: the theme, its conclusion and its headline figure."""

    section: Section
    message: Text
    figure: Metric | None
    written: bool  # False when taken from the theme's first point
    sources: tuple[Cite, ...] = ()  # the clauses the message rests on
    label: Text | None = None  # its name on the summary when not the section's ("要点二", "展望")

    def name(self, short: bool = True) -> Text:
        """Return the line's name on the summary: its own label, else its section's (short) title."""
        return self.label or (self.section.short_title if short else self.section.title)

    def body(self, lang: str) -> str:
        """Return the message as the summary shows it under the line's name: without the name when the name is
        the message's own head ('新能源产业加快集聚：…' under 新能源产业加快集聚: said once)."""
        message, head = self.message.get(lang), self.name().get(lang) + HEAD_COLON[lang]
        if not message.startswith(head) or len(message) == len(head):
            return message
        rest = message[len(head):]
        return rest[0].upper() + rest[1:] if lang == "en" else rest


def effective_points(section: Section) -> tuple[Point, ...]:
    """Return the section's written points, or for a section without any, its figures grouped automatically:
    each metric chart's own figures with the chart, then the rest, at most six a group, then one point per
    other chart (timeline, grid, matrix, map)."""
    if section.points:
        return section.points
    own = {m.id: m for m in section.metrics}
    groups: list[tuple[list[str], str | None]] = []
    used: set[str] = set()
    for chart in section.charts:
        if chart.kind in METRIC_CHARTS:
            ids = [i for i in dict.fromkeys(chart.items) if i in own and i not in used]
            used.update(ids)
            groups.extend((chunk, chart.id if n == 0 else None) for n, chunk in enumerate(_chunks(ids)))
    rest = [m.id for m in section.metrics if m.id not in used]
    groups.extend((chunk, None) for chunk in _chunks(rest))
    groups.extend(([], c.id) for c in section.charts if c.kind not in METRIC_CHARTS)
    charts = {c.id: c for c in section.charts}
    points: list[Point] = []
    for n, (figures, chart_id) in enumerate(groups):
        if n == 0:
            message = _neutral_message(section, [own[i] for i in figures])
        else:  # a distinct title, never "X (continued)": the chart's own title, else the part's number
            taken = {p.message.en for p in points} | {p.message.zh for p in points}
            own_chart = charts.get(chart_id) if chart_id else None
            message = own_chart.title if own_chart and not {own_chart.title.zh, own_chart.title.en} & taken else \
                Text(section.title.zh + PART.zh.format(i=n + 1, n=len(groups)),
                     section.title.en + PART.en.format(i=n + 1, n=len(groups)))
        points.append(Point(id=f"{section.id}-auto-{n + 1}", message=message, figures=tuple(figures),
                            chart=chart_id))
    return tuple(points)


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i:i + MAX_FIGURES] for i in range(0, len(ids), MAX_FIGURES)]


def _neutral_message(section: Section, figures: list[Metric]) -> Text:
    """Return the section's lede for its first point when every number in it is one of *figures*, else the
    section's title."""
    if not any(uncarried_numbers(section.lede.get(lang), figures, lang.value) for lang in Lang):
        return section.lede
    return section.title


def point_figures(briefing: Briefing, point: Point) -> tuple[Metric, ...]:
    """Return the metrics *point* cites, in its order."""
    return tuple(briefing.find(i, Metric) for i in point.figures)


def one_card_per_fact(figures: Sequence[Metric]) -> tuple[Metric, ...]:
    """Return *figures* with one figure per fact: figures that rest on one clause (第2位 and 26个月 of
    连续26个月保持全省第二) are one fact, shown by the one whose label names the others (连续保持全省第二的月数),
    else by the first."""
    kept: list[Metric] = []
    for figure in figures:
        same = [k for k in kept if (k.source.doc, k.source.clause) == (figure.source.doc, figure.source.clause)]
        if not same:
            kept.append(figure)
        elif any(render_ref(k, "", "zh") in figure.label.zh for k in same):  # its label says the other figure
            kept[kept.index(same[0])] = figure
            for other in same[1:]:
                kept.remove(other)
    return tuple(kept)


def point_chart(briefing: Briefing, point: Point) -> Chart | None:
    """Return the chart *point* shows, if any (the chart it names, unless that chart would mislead: see
    :mod:`srbrief.model.honesty`; its figures are then shown as cards, see :func:`shown_figures`)."""
    if point.chart is None:
        return None
    chart = briefing.find(point.chart, Chart)
    return None if chart_problem(briefing, chart) else chart


def shown_figures(briefing: Briefing, point: Point) -> tuple[Metric, ...]:
    """Return the figures *point* shows as cards or in its chart: its own, then those of a chart that is not
    drawn because it would mislead (at most MAX_FIGURES)."""
    figures = point_figures(briefing, point)
    if point.chart is None or point_chart(briefing, point) is not None:
        return figures
    extra = [m for m in (briefing.find(i) for i in briefing.find(point.chart, Chart).items)
             if isinstance(m, Metric) and m not in figures]
    return (*figures, *extra)[:MAX_FIGURES]


def executive_summary(briefing: Briefing) -> tuple[SummaryLine, ...]:
    """Return one line per theme, in theme order: the written summary item, or else the theme's first point
    (its message and first figure)."""
    if not any(s.kind is SectionKind.THEME for s in briefing.sections):
        return _one_section_summary(briefing)
    written = {item.section: item for item in briefing.summary}
    lines = []
    for section in briefing.sections:
        if section.kind is not SectionKind.THEME:
            continue
        points = effective_points(section)
        first_figure = points[0].figures[0] if points and points[0].figures else None
        item = written.get(section.id)
        if item is not None:
            figure_id = item.figure or first_figure
            figure = briefing.find(figure_id, Metric) if figure_id is not None else None
            lines.append(SummaryLine(section, item.message, figure, written=True, sources=item.sources))
        else:
            message = points[0].message if points else section.title
            figure = briefing.find(first_figure, Metric) if first_figure is not None else None
            lines.append(SummaryLine(section, message, figure, written=False,
                                     sources=points[0].sources if points else ()))
    return tuple(lines)


def _one_section_summary(briefing: Briefing) -> tuple[SummaryLine, ...]:
    """Return the summary's lines of a briefing without themes: its later points and its outlook, each with its
    first figure (the county review: its summary showed the first message alone, of three)."""
    section = briefing.sections[0]
    lines = []
    for n, point in enumerate(effective_points(section)[1:], start=2):
        figure = briefing.find(point.figures[0], Metric) if point.figures else None
        label = _head(point.message) or Text(f"要点{chinese_numeral(n, counting=False)}", f"Point {n}")
        lines.append(SummaryLine(section, point.message, figure, written=False, sources=point.sources,
                                 label=label))
    if briefing.outlook:
        first = briefing.outlook[0]
        target = next((m for m in briefing.metrics if (m.source.doc, m.source.clause) ==
                       (first.source.doc, first.source.clause)), None)
        lines.append(SummaryLine(section, Text(first.text.zh.rstrip("。"), first.text.en.rstrip(".")), target,
                                 written=False, sources=(first.source,), label=Text("展望", "Outlook")))
    return tuple(lines)


HEAD_MOST = (12, 6)  # characters of a Chinese, words of an English message's head that may name it
HEAD_COLON: dict[str, str] = {"zh": "：", "en": ": "}  # between a message's head and the rest


def _head(message: Text) -> Text | None:
    """Return a message's own head, the words before its colon ('新能源产业加快集聚', 'New energy gathers pace'),
    when it has one in both languages, short enough to name it (the reviewer: "要点二" with no "要点一")."""
    zh, zh_colon, _ = message.zh.partition(HEAD_COLON["zh"])
    en, en_colon, _ = message.en.partition(HEAD_COLON["en"])
    if zh_colon and en_colon and len(zh) <= HEAD_MOST[0] and len(en.split()) <= HEAD_MOST[1]:
        return Text(zh, en)
    return None


def outlook(briefing: Briefing) -> tuple[Statement, ...]:
    """Return the close: the article's own forward-looking lines as written in the data (never invented;
    empty when the file has none)."""
    return briefing.outlook


def good_news(metric: Metric) -> bool | None:
    """Return whether *metric*'s change is good news (a 25 % cost cut is), or None for a level or when the
    data does not say which way is good."""
    if metric.direction is None or metric.good is None:
        return None
    return (metric.direction is Direction.INCREASE) == (metric.good is Good.UP)


def section_meaning(briefing: Briefing, section: Section) -> str:
    """Return the meaning (colour role) of *section*: ``section0`` for the overview, ``section1`` … for the
    themes in order (see :mod:`srbrief.meaning`)."""
    if section.kind is not SectionKind.THEME:
        return meaning.section(0)
    themes = [s.id for s in briefing.sections if s.kind is SectionKind.THEME]
    return meaning.section(themes.index(section.id) + 1)


def item_meaning(briefing: Briefing, item_id: str) -> str:
    """Return the meaning of the section that declares *item_id* (a chart, metric, fact or point)."""
    return section_meaning(briefing, briefing.section_of(item_id))


def figure_meaning(metric: Metric, section_role: str) -> str:
    """Return the meaning of a figure: good or bad news when the data says which way is good, else its
    section's (a level, or a change the data does not judge)."""
    return meaning.news(good_news(metric), section_role)


def charted_value(metric: Metric) -> float:
    """Return the value a chart of changes draws: a fall is below zero, good news or not (its colour says which;
    see :func:`srbrief.model.units.value_parts`)."""
    if metric.direction is Direction.DECREASE:
        return -metric.value
    return metric.value


def cited_documents(briefing: Briefing) -> tuple[Source, ...]:
    """Return the documents the briefing cites (its figures, facts, events, points and their statements), by
    date, the newest last (the first document when nothing cites one)."""
    return tuple(sorted(briefing.documents_of(cites_of(briefing)), key=lambda s: s.date))


def cites_of(briefing: Briefing) -> list[Cite]:
    """Return every clause the briefing cites: its figures', facts', events', points' and their statements'."""
    cites: list[Cite] = [c for c in (getattr(i, "source", None) for i in (*briefing.metrics, *briefing.facts,
                                                                            *briefing.timeline))
                         if isinstance(c, Cite)]
    for point in briefing.points:
        cites += [*point.sources, *(s.source for s in point.facts)]
    return cites


BASED_ON = ("据", "Based on")  # a subtitle that says which documents the briefing is based on


def shown_subtitle(briefing: Briefing, lang: str) -> str:
    """Return the subtitle as the title slide shows it: one that says what the briefing is based on (据…整理 /
    Based on …) names every document the briefing cites once it cites more than one (a briefing updated from
    a second document no longer reads 据《上饶日报》…报道整理 alone); any other subtitle as written."""
    written = briefing.subtitle.get(lang)
    docs = cited_documents(briefing)
    if len(docs) < 2 or not written.startswith(BASED_ON):
        return written
    if lang == "zh":
        named = [cited_publication(d.publication.zh) + chinese_date(d.date) +
                 ("报道" if cited_publication(d.publication.zh).endswith("》") else f"《{d.title.zh}》") for d in docs]
        return "据" + "、".join(named) + "整理"
    named = [f"{d.publication.en}, {english_date(d.date)}" for d in docs]
    return "Based on " + "; ".join(named)
