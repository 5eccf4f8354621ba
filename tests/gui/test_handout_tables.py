"""The handout's appendix read on paper: the reference slides (tables, timeline, sources) on landscape A4 pages of
their own, table text at least 9 pt as printed, every appendix row once (read back from the written PDF with
poppler; in tests/gui: the PDF is painted with Qt)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest
from fontTools.ttLib import TTFont

from srbrief.cli import main
from srbrief.deck.plan import DeckPlan, plan_deck
from srbrief.fonts import font_path
from srbrief.gui.pdf import handout_pages, reference
from srbrief.model import load_briefing
from tests.deck.conftest import ANY_SHAPE

A4 = (595.0, 842.0)  # points, portrait
LEAST_PRINTED = 9.0  # points: the least table text size on paper
CASES = [("builtin", "zh", "notes"), ("builtin", "en", "notes"), ("six-themes", "en", "notes"),
         ("hengfeng", "zh", "notes"), ("builtin", "zh", "six"), ("six-themes", "zh", "lines"),
         ("hengfeng", "en", "six"), ("builtin", "en", "slides")]


class Word(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def _em_height() -> float:
    """Return the height of a word's box (poppler: the font's ascent to descent) per point of its size."""
    with TTFont(font_path("regular"), lazy=True) as font:
        return (font["hhea"].ascent - font["hhea"].descent) / font["head"].unitsPerEm


def _words(path: Path, page: int) -> list[Word]:
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml)
    return [Word(float(a), float(b), float(c), float(d), t.replace("&amp;", "&")) for a, b, c, d, t in found]


def _page_sizes(path: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def _on_a4(size: tuple[float, float]) -> float:
    """Return the scale at which a page of *size* prints on A4 turned its way (fit to the sheet, never enlarged)."""
    short, long = sorted(size)
    return min(1.0, A4[0] / short, A4[1] / long)


def _squeezed(text: str) -> str:
    """Return *text* without white space, hyphens and dashes (a line break, a word split at its end, a period's
    dash drawn as the font's figure dash)."""
    return re.sub(r"[\s\u00ad\-\u2010-\u2015]", "", text)


def _export(tmp_path: Path, name: str, lang: str, layout: str) -> tuple[Path, DeckPlan]:
    target = tmp_path / f"{name}-{lang}-{layout}.pdf"
    assert main(["export", str(ANY_SHAPE[name]), "-o", str(target), "--lang", lang, "--layout", layout]) == 0
    return target, plan_deck(load_briefing(ANY_SHAPE[name]), lang)


@pytest.fixture(scope="module", params=CASES, ids=["-".join(case) for case in CASES])
def handout(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> tuple[Path, DeckPlan, str]:
    name, lang, layout = request.param
    target, plan = _export(tmp_path_factory.mktemp("handout"), name, lang, layout)
    return target, plan, layout


def test_reference_slides_get_landscape_a4_pages_of_their_own(handout: tuple[Path, DeckPlan, str]) -> None:
    """A4 layouts: a reference slide alone on a landscape page, every other page portrait; the slide layout keeps
    the slide's own size."""
    target, plan, layout = handout
    pages = handout_pages(plan, layout)
    sizes = _page_sizes(target)
    assert len(sizes) == len(pages)
    tables = [i for i, slide in enumerate(plan.slides) if slide.table is not None]
    assert tables and all(reference(plan, i) for i in tables)
    for page, size in zip(pages, sizes, strict=True):
        if layout == "slides":
            assert size == (960.0, 540.0)
        elif len(page) == 1 and reference(plan, page[0]):
            assert size == (A4[1], A4[0]), page
        else:
            assert size == A4 and not any(reference(plan, i) for i in page), page
    if layout != "slides":
        assert sum(size[0] > size[1] for size in sizes) == sum(reference(plan, i) for i in range(len(plan.slides)))


def test_table_text_prints_at_9_pt_or_more(handout: tuple[Path, DeckPlan, str]) -> None:
    """Every word of every appendix table (between its header and the slide's source line), measured in the PDF
    and scaled as the page prints on A4, is at least 9 pt; every row has its words on the page."""
    target, plan, layout = handout
    em = _em_height()
    sizes = _page_sizes(target)
    measured = 0
    for number, page in enumerate(handout_pages(plan, layout), 1):
        slide = plan.slides[page[0]]
        if slide.table is None:
            continue
        words = _words(target, number)
        header = next(w for w in words if w.text == slide.table.header[0].split()[0])
        foot = min(w.y0 for w in words if w.text == slide.footer.split()[0] and w.y0 > header.y0)
        table = [w for w in words if header.y0 - 0.5 <= w.y0 and w.y1 <= foot]
        assert len(table) >= 2 * (len(slide.table.rows) + 1), (number, len(table))
        printed = [(w.y1 - w.y0) / em * _on_a4(sizes[number - 1]) for w in table]
        assert min(printed) >= LEAST_PRINTED, (number, min(printed), layout)
        measured += len(table)
        width, height = sizes[number - 1]
        beyond = [w for w in words if min(w.x0, w.y0) < 0 or w.x1 > width or w.y1 > height]
        assert not beyond, beyond[:3]  # nothing beyond the paper
    assert measured


def test_every_appendix_row_is_printed_exactly_once(handout: tuple[Path, DeckPlan, str]) -> None:
    """Each row of the appendix, its cells in the order drawn, is in the handout once: none lost to a page
    break, none repeated."""
    target, plan, _ = handout
    raw = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    text = _squeezed(raw)
    rows = [row for slide in plan.slides if slide.table is not None for row in slide.table.rows]
    assert rows
    assert [text.count(_squeezed("".join(row))) for row in rows] == [1] * len(rows)


@pytest.mark.parametrize(("name", "lang"), [("builtin", "zh"), ("six-themes", "en")])
def test_running_head_and_numbers_on_landscape_pages(tmp_path: Path, name: str, lang: str) -> None:
    """A landscape page keeps the running head at its top across the long side and its number at its foot;
    its notes (if any) sit below the slide, above the foot."""
    target, plan = _export(tmp_path, name, lang, "notes")
    sizes = _page_sizes(target)
    title = plan.briefing.title.get(lang).split()[0]
    for number, size in enumerate(sizes, 1):
        if size[0] < size[1]:
            continue
        words = _words(target, number)
        top = min(words, key=lambda w: w.y0)
        assert top.text.startswith(title[:6]) and top.y1 < size[1] * 0.06, (number, top)
        assert max(w.x1 for w in words if w.y0 <= top.y0 + 1) > size[0] * 0.8  # the head spans the long side
        foot = [w.text for w in words if w.y0 > size[1] * 0.94]
        assert foot == [str(number), "/", str(len(sizes))], (number, foot)
        slide = plan.slides[number - 1]
        source_line = (slide.footer or plan.footer).split()[0]  # the slide's lowest line (its notes name no
        # source that way)
        below = max(w.y1 for w in words if w.text == source_line)
        notes = _squeezed(slide.notes)[:12]
        assert notes in _squeezed("".join(w.text for w in words if below < w.y0 < size[1] * 0.94)), number


def test_a_slide_without_notes_takes_a_landscape_page_not_an_empty_notes_area(tmp_path: Path) -> None:
    """In the notes layout a slide with nothing to print below it is printed landscape at the page's width, not
    on a portrait page two thirds empty; a slide with notes keeps its portrait notes page."""
    from dataclasses import replace

    from srbrief.gui.pdf import render_pdf

    plan = plan_deck(load_briefing(ANY_SHAPE["six-themes"]), "zh")
    assert plan.slides[1].notes.strip() and not reference(plan, 1)
    plan = replace(plan, slides=(replace(plan.slides[0], notes=""), plan.slides[1], replace(plan.slides[2], notes=" ")))
    target = tmp_path / "bare.pdf"
    assert render_pdf(plan, target, "notes") == 3
    assert _page_sizes(target) == [(A4[1], A4[0]), A4, (A4[1], A4[0])]
    title = _squeezed(plan.slides[0].title)
    assert title in _squeezed("".join(w.text for w in _words(target, 1)))


def test_a_printer_prints_what_the_pdf_shows(tmp_path: Path) -> None:
    """Printing (Ctrl+P) draws on the printer's own resolution: its pages read as the exported PDF's do, the
    running head, the notes and the tables at the same printed size, not at a sixth of it."""
    from PySide6.QtPrintSupport import QPrinter

    from srbrief.gui.pdf import ensure_gui_application, paint_handout

    exported, plan = _export(tmp_path, "builtin", "zh", "notes")
    ensure_gui_application()
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert printer.resolution() > 300  # a printer's resolution, not the PDF writer's
    paint_handout(printer, plan)
    del printer
    table = next(i for i, page in enumerate(handout_pages(plan, "notes"), 1) if reference(plan, page[0]))
    for page in (1, 2, table):
        ours, theirs = (sorted((w.text, round(w.y1 - w.y0, 1)) for w in _words(path, page))
                        for path in (exported, printed))
        assert [text for text, _ in theirs] == [text for text, _ in ours]  # the same words (in any order) …
        for (text, height), (_, printed_height) in zip(ours, theirs, strict=True):
            assert printed_height == pytest.approx(height, rel=0.06, abs=0.3), text  # … at the same size
