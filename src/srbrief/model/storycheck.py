"""Validation of the storyline: points, the executive summary, derived values.

Called by the loader's :class:`~srbrief.model.loader.Checker` after ids are collected; problems are reported
through it, so they carry FILE:LINE:COL like every other rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from srbrief.model.claims import uncarried_numbers
from srbrief.model.story import effective_points
from srbrief.model.types import Chart, Lang, Metric, Point, Section, SectionKind, Text
from srbrief.model.units import format_value

if TYPE_CHECKING:
    from srbrief.model.loader import Checker

LANG_NAMES = {Lang.ZH: "Chinese", Lang.EN: "English"}


def check_storyline(checker: Checker) -> None:
    """Record every problem of the briefing's points, summary and derived metrics."""
    for point in checker.b.points:
        _check_point(checker, point)
    _check_summary(checker)


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

