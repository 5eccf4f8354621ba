"""The appendix tables in the layout's measure: a row's height and how many rows go on each slide. Qt-free."""

from __future__ import annotations

from collections.abc import Sequence

from srbrief.deck.boxes import SLIDE_SIZE, TABLE_PAD, TABLE_SIZE, Frame
from srbrief.textlayout import LINE_SPACING, Measurer, break_lines, font_measurer


def table_row_height(cells: tuple[str, ...], columns: tuple[float, ...], measurer: Measurer,
                     bold: bool = False) -> float:
    """Return the height of a table row whose cells, broken into lines, fill columns *columns* wide."""
    lines = max(len(break_lines(c, w - 2 * TABLE_PAD, TABLE_SIZE, measurer, bold)) for c, w in
                zip(cells, columns, strict=True))
    return lines * TABLE_SIZE * LINE_SPACING + 2 * TABLE_PAD


def table_pages(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: tuple[float, ...],
                frame: Frame | None = None) -> list[int]:
    """Return how many of *rows* go on each slide of a table whose columns take *widths* of the body: measured
    on a 4:3 slide, the narrowest a user's template may have, so that the pages hold on any template."""
    body = (frame or Frame(SLIDE_SIZE[1] * 4 / 3, SLIDE_SIZE[1])).body_rect()
    columns = tuple(body.w * w for w in widths)
    measurer = font_measurer()
    room = body.h - table_row_height(header, columns, measurer, bold=True)
    pages: list[int] = []
    used, count = 0.0, 0
    for row in rows:
        height = table_row_height(row, columns, measurer)
        if count and used + height > room:
            pages.append(count)
            used, count = 0.0, 0
        used += height
        count += 1
    if count or not pages:
        pages.append(count)
    return pages
