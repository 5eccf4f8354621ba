"""Charts of a briefing, drawn with matplotlib onto a given Figure (no pyplot, no Qt)."""

from __future__ import annotations

from srbrief.charts.render import CHART_LOCK, DRAWERS, FORMATS, chart_context, draw_chart, render_chart

__all__ = ["CHART_LOCK", "DRAWERS", "FORMATS", "chart_context", "draw_chart", "render_chart"]
