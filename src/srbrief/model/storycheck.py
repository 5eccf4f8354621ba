"""Validation of the storyline: points, the executive summary, derived values.

Called by the loader's :class:`~srbrief.model.loader.Checker` after ids are collected; problems are reported
through it, so they carry FILE:LINE:COL like every other rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from srbrief.model.claims import uncarried_numbers
from srbrief.model.story import effective_points
from srbrief.model.types import Chart, Fact, Lang, Metric, Point, Qualifier, Section, SectionKind, Text
from srbrief.model.units import format_value, metric_unit

if TYPE_CHECKING:
    from srbrief.model.loader import Checker

LANG_NAMES = {Lang.ZH: "Chinese", Lang.EN: "English"}


def check_storyline(checker: Checker) -> None:
    """Record every problem of the briefing's points, summary and derived metrics."""
    for point in checker.b.points:
        _check_point(checker, point)
    _check_summary(checker)
    for fact in checker.b.facts:
        _check_listed_count(checker, fact)
    for metric in checker.b.metrics:
        _check_derived_basis(checker, metric)


def _check_derived_basis(checker: Checker, metric: Metric) -> None:
    """A derived note says what the figure's own clause states; a figure it refers to rests on that clause
    too, else an update of that figure from a new source would put the new value in the old source's mouth
    (原文仅称…连续30个月 of an article that said 26): quote the clause with {=...} instead."""
    if not isinstance(metric.derived, Text):
        return
    for other in {m.id: m for m in checker.referenced.get(id(metric.derived), ())}.values():
        if other.id != metric.id and (other.source.doc, other.source.clause) != (metric.source.doc,
                                                                                  metric.source.clause):
            checker.at(metric, "derived", f"the derived note refers to {other.id!r}, which rests on another clause "
                                          "than this figure: write what this figure's clause says ({=...}), "
                                          "or update this figure too")


def _check_listed_count(checker: Checker, fact: Fact) -> None:
    """A fact that lists items under a title stating the figure that counts them (12条制造业重点产业链 over the
    12 chains) lists as many items as the figure says: a figure updated to 14 must not head a list of 12."""
    if not fact.items or fact.title is None:
        return
    for metric in {m.id: m for m in checker.referenced.get(id(fact.title), ())}.values():
        unit = metric_unit(metric)
        counts = unit.dimension == "count" and unit.scale == 1 and metric.qualifier is Qualifier.EXACT
        if counts and metric.value != len(fact.items):
            checker.at(fact, "items", f"lists {len(fact.items)} items but its title states the figure that "
                                      f"counts them ({metric.id}) as {int(metric.value)}: list every item the "
                                      "figure counts, or state the figure without the list")


def _figures(checker: Checker, owner: Any, field: str, ids: tuple[str, ...]) -> list[Metric] | None:
    """Return the metrics *ids* name, or None after recording a problem for each unknown one."""
    found = [checker.ref(owner, field, target, (Metric,), i) for i, target in enumerate(ids)]
    return None if any(f is None for f in found) else found


def _check_point(checker: Checker, point: Point) -> None:
    figures = _figures(checker, point, "figures", point.figures)
    if point.chart is not None:
        checker.ref(point, "chart", point.chart, (Chart,))
    if figures is None:
        return
    _check_numbers(checker, point.message, figures, "the point's figures")
    article_year = checker.b.source.date[:4]  # the article's 今年 ("this year")
    for statement in point.facts:  # what was done may state a figure the slide does not show, by reference
        cited = [*figures, *checker.referenced.get(id(statement.text), ())]
        _check_numbers(checker, statement.text, cited, "the point's figures or the fact's source clause",
                       also=(statement.source.clause, article_year))


def _check_numbers(checker: Checker, text: Text, figures: list[Metric], what: str,
                   also: tuple[str, ...] = ()) -> None:
    """Record a problem for each number in *text* that no figure carries, as displayed in that language."""
    for lang in Lang:
        missing = uncarried_numbers(text.get(lang), figures, lang.value, also)
        if missing:
            shown = "; ".join(format_value(m, lang.value) for m in figures) or "no figures cited"
            checker.at(text, lang.value,
                       f"{', '.join(missing)} is not carried by {what} as shown in {LANG_NAMES[lang]} "
                       f"({shown}); add the figure to the point's figures, or refer to one of them")


def _check_summary(checker: Checker) -> None:
    seen: set[str] = set()
    for item in checker.b.summary:
        section = checker.ref(item, "section", item.section, (Section,))
        if section is not None and section.kind is not SectionKind.THEME:
            checker.at(item, "section", f"{item.section!r} is the overview; the summary sums up themes")
        elif section is not None and item.section in seen:
            checker.at(item, "section", f"the theme {item.section!r} is summed up twice")
        seen.add(item.section)
        if item.figure is not None:
            figures = _figures(checker, item, "figure", (item.figure,))
        else:
            points = effective_points(section) if section is not None else ()
            first = checker.ids.get(points[0].figures[0]) if points and points[0].figures else None
            figures = [first] if isinstance(first, Metric) else []
        if figures is not None:
            _check_numbers(checker, item.message, figures, "the headline figure")

