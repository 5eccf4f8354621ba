"""Honest charts, beyond what validation refuses: one population and one unit per chart. Qt-free.

Validation (:func:`srbrief.model.loader.chart_rule_problem`) keeps a bar chart to one dimension and never mixes
levels with changes. This module asks more of a chart that compares figures on one axis: they are **one unit**
(家 and 个 are both counts, but not one unit), and bars are **one population** — one measure of several
entities (each metric names its ``entity``) or of several periods — never four different things counted in 家
side by side, nor three different changes (a productivity gain, an order-processing gain and a cost cut) in
per cent. A chart that fails is not drawn as a chart: its figures are shown as cards, and ``srbrief validate``
warns about it.
"""

from __future__ import annotations

from srbrief.model.types import Briefing, Chart, ChartKind, Metric

AXIS_KINDS = (ChartKind.BAR, ChartKind.HBAR, ChartKind.LINE)


def chart_problem(briefing: Briefing, chart: Chart) -> str | None:
    """Return why *chart* would mislead (mixed units or populations), or None."""
    if chart.kind not in AXIS_KINDS:
        return None
    metrics = [m for m in (briefing.find(i) for i in chart.items) if isinstance(m, Metric)]
    units = sorted({m.unit for m in metrics})
    if len(units) > 1:
        return f"mixes units ({', '.join(units)}) on one axis; chart one unit"
    if chart.kind is ChartKind.LINE or len(metrics) < 2:
        return None
    entities = {m.entity for m in metrics}
    periods = {m.period for m in metrics}
    if (None not in entities and len(entities) == len(metrics)) or (None not in periods and
                                                                    len(periods) == len(metrics)):
        return None
    if any(m.direction is not None for m in metrics):
        return ("compares different measures on one axis; bars compare one measure across entities (give each "
                "figure its entity) or periods, else show the figures as cards")
    return ("compares levels of different populations on one axis; bars compare one measure across entities "
            "(give each figure its entity) or periods, else show the figures as cards")


def chart_warnings(briefing: Briefing) -> list[str]:
    """Return one line per chart of *briefing* that is shown as cards instead: 'CHART-ID: why'."""
    return [f"{chart.id}: {problem}" for chart in briefing.charts
            if (problem := chart_problem(briefing, chart)) is not None]
