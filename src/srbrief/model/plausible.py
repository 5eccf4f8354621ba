"""Values that pass every type and pattern check but cannot be true or cannot be shown: a share over 100 %, a
period that ends before it starts, a date that does not exist (2025-02-31), a magnitude too small to display.

Called by the loader's :class:`~srbrief.model.loader.Checker`, so problems carry FILE:LINE:COL like every
other rule (and ``srbrief validate`` reports them too).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from srbrief.model.types import Chart, ChartKind, Metric

if TYPE_CHECKING:
    from srbrief.model.loader import Checker

MIN_MAGNITUDE = 1e-6  # the smallest non-zero value (larger values: MAX_VALUE); smaller ones print as 300 digits
MAX_DECIMALS = 6  # a value has at most this many decimal places


def check_plausible(checker: Checker) -> None:
    """Record every implausible value of the briefing."""
    b = checker.b
    _check_date(checker, b, "as_of", b.as_of)
    if b.briefing_date is not None:
        _check_date(checker, b, "briefing_date", b.briefing_date)
    for source in b.sources:
        _check_date(checker, source, "date", source.date)
    for event in b.timeline:
        _check_date(checker, event, "date", event.date)
    for metric in b.metrics:
        _check_value(checker, metric)
        if metric.period is not None:
            _check_period(checker, metric, metric.period)
    for chart in b.charts:
        _check_share(checker, chart)


def real_date(text: str) -> bool:
    """Return whether a YYYY, YYYY-MM or YYYY-MM-DD text names a date that exists."""
    parts = [int(p) for p in text.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _check_date(checker: Checker, obj: Any, field: str, text: str) -> None:
    if not real_date(text):
        checker.at(obj, field, f"{text} is not a date that exists")


def _check_period(checker: Checker, metric: Metric, period: str) -> None:
    start, _, end = period.partition("/")
    for part in (start, end) if end else (start,):
        if not real_date(part):
            checker.at(metric, "period", f"{part} is not a date that exists")
            return
    common = min(len(start), len(end))
    if end and end[:common] < start[:common]:
        checker.at(metric, "period", f"the period ends ({end}) before it starts ({start})")


def _check_value(checker: Checker, metric: Metric) -> None:
    value = abs(metric.value)
    if value and value < MIN_MAGNITUDE:
        checker.at(metric, "value", f"{metric.value:g} is too small to show; non-zero values are at least "
                   f"{MIN_MAGNITUDE:g} (use another unit)")
    elif round(value, MAX_DECIMALS) != value:
        checker.at(metric, "value", f"{metric.value!r} has more than {MAX_DECIMALS} decimal places; round it "
                   "as the source does")


def _check_share(checker: Checker, chart: Chart) -> None:
    if chart.kind is not ChartKind.SHARE:
        return
    for index, item in enumerate(chart.items):
        metric = checker.ids.get(item)
        if isinstance(metric, Metric) and metric.unit == "percent" and metric.value > 100:
            checker.at(chart, "items", f"{item!r} is {metric.value:g} %: a share cannot be more than 100 %",
                       index)
