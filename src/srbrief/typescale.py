"""The least type sizes of a slide, in points, decided once for the layout, the chart drawers and the PPTX
writer (toolkit-free)."""

from __future__ import annotations

MAIN_TEXT = 14.0  # any text of the main flow: titles, cards (periods and qualifiers too), charts, captions
SMALL_PRINT = 10.0  # the footer, the source line and the page number
REFERENCE_TEXT = 12.0  # the appendix tables (they take more pages rather than a smaller size)
CHART_ZOOM = 1.25  # a chart picture is drawn this much smaller than its box on the slide and scaled up
CHART_FLOOR = MAIN_TEXT / CHART_ZOOM  # so no text of a chart drawn for a slide is smaller than this (11.2)
