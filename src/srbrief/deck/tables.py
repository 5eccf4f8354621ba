"""The appendix tables in the layout's measure: a row's height and how many rows go on each slide. Qt-free."""

from __future__ import annotations

from collections.abc import Sequence

from srbrief.deck.boxes import TABLE_PAD, TABLE_SIZE, Frame
from srbrief.textlayout import LINE_SPACING, Measurer, break_lines, font_measurer, tokens


def table_row_height(cells: tuple[str, ...], columns: tuple[float, ...], measurer: Measurer,
                     bold: bool = False) -> float:
    """Return the height of a table row whose cells, broken into lines, fill columns *columns* wide."""
    lines = max(len(break_lines(c, w - 2 * TABLE_PAD, TABLE_SIZE, measurer, bold)) for c, w in
                zip(cells, columns, strict=True))
    return lines * TABLE_SIZE * LINE_SPACING + 2 * TABLE_PAD


def table_pages(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: tuple[float, ...],
                frame: Frame) -> list[int]:
    """Return how many of *rows* go on each slide of *frame* of a table whose columns take *widths* of the
    body: as few slides as the rows need, filled evenly."""
    body = frame.body_rect()
    columns = tuple(body.w * w for w in widths)
    measurer = font_measurer()
    room = body.h - table_row_height(header, columns, measurer, bold=True)
    heights = [table_row_height(row, columns, measurer) for row in rows]
    pages = _paginated(heights, room)
    if len(pages) > 1:  # pages filled evenly, never a last page of a row or two: the least room for as many
        low, high = sum(heights) / len(pages), room
        for _ in range(12):
            middle = (low + high) / 2
            if len(_paginated(heights, middle)) <= len(pages):
                high = middle
            else:
                low = middle
        pages = _paginated(heights, high)
    return pages


def _paginated(heights: Sequence[float], room: float) -> list[int]:
    """Return how many rows of *heights* go on each page of *room*, each page filled before the next."""
    pages: list[int] = []
    used, count = 0.0, 0
    for height in heights:
        if count and used + height > room:
            pages.append(count)
            used, count = 0.0, 0
        used += height
        count += 1
    if count or not pages:
        pages.append(count)
    return pages


def fitted_widths(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: tuple[float, ...],
                  frame: Frame) -> tuple[float, ...]:
    """Return *widths* (shares of the body of *frame*) with every column at least as wide as its widest
    unbreakable text (a word, a number with its unit: 'over 10,000 visits' is never split); the room
    comes from the widest column."""
    body = frame.body_rect()
    measurer = font_measurer()
    needed = [max((measurer.width(token.strip(), TABLE_SIZE, r == 0) + 2 * TABLE_PAD + 1.0) / body.w
                  for r, row in enumerate([header, *rows]) for paragraph in row[c].split("\n")
                  for token in tokens(paragraph) or [""])
              for c in range(len(widths))]
    grown = [max(w, need) for w, need in zip(widths, needed, strict=True)]
    widest = max(range(len(grown)), key=lambda c: grown[c])
    grown[widest] -= sum(grown) - 1.0
    return tuple(grown) if grown[widest] >= needed[widest] else widths
