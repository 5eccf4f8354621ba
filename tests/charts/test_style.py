"""The house frame: a long note wraps instead of running off the chart, and the chart makes room for it."""

from __future__ import annotations

from srbrief.charts.style import CONTENT, LIGHT, SMALL, footer_lines, frame, new_figure
from srbrief.textlayout import font_measurer

FOOTER = "Source: Shangrao Daily, 11 Oct 2025"


def test_a_short_note_shares_the_source_line() -> None:
    assert footer_lines(FOOTER, "A short note", 70 * SMALL) == f"A short note    {FOOTER}"
    assert footer_lines(FOOTER, None, 70 * SMALL) == FOOTER


def _points(line: str) -> float:
    return font_measurer().width(line, SMALL)


def test_a_long_note_wraps_and_every_line_fits() -> None:
    note = "28 organisations and firms are based in the centre; the rest are institutions of the network " * 2
    text = footer_lines(FOOTER, note.strip(), 50 * SMALL)
    lines = text.split("\n")
    assert len(lines) >= 2 and all(_points(line) <= 50 * SMALL for line in lines)
    assert lines[-1].endswith(FOOTER)
    assert " ".join(line.replace(FOOTER, "").strip() for line in lines).strip() == note.strip()


def test_a_chinese_note_wraps_by_characters() -> None:
    note = "生产效率、订单处理效率为提升幅度，生产成本为降低幅度，交付率与良品率为达到水平" * 2
    lines = footer_lines("来源：上饶日报 2025-10-11", note, 30 * SMALL).split("\n")
    assert len(lines) >= 3 and all(_points(line) <= 30 * SMALL for line in lines)


def test_the_chart_gives_up_the_height_of_the_extra_lines() -> None:
    short = frame(new_figure(), "Title", FOOTER, LIGHT, "short")
    long = frame(new_figure(), "Title", FOOTER, LIGHT, "a very long note " * 30)
    assert short == CONTENT
    assert long[1] > CONTENT[1] and long[3] < CONTENT[3]
