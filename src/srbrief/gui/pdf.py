"""The PDF handout: the deck plan painted page by page with QPdfWriter (real, selectable text)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from srbrief import palette
from srbrief.atomic import OutputError, atomic_path
from srbrief.deck.plan import DeckPlan
from srbrief.deck.plandata import Role, Slide, dated_text, footnote_parts
from srbrief.gui.slides import FAMILY, SlidePainter, _font, draw_fitted, fitted_height

SLIDE_PAGE = QPageSize(QSizeF(13.333, 7.5), QPageSize.Unit.Inch, "Slide 16:9")
RESOLUTION = 96
LAYOUTS = ("notes", "slides", "lines", "six")  # 1 slide + notes; 1 slide a page; 3 with lines; 6 a page (A4)
PER_PAGE = {"notes": 1, "slides": 1, "lines": 3, "six": 6}
NOTES_SIZES = (16.0, 8.0)  # pixels at RESOLUTION: the largest and the least size of a handout's notes
WRITING_LINES = 7  # ruled lines beside each slide of the "lines" handout


def ensure_gui_application() -> QGuiApplication:
    """Return the running Qt application, or start an offscreen one (the CLI needs no display)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["srbrief"])
    assert isinstance(app, QGuiApplication)
    return app


def reference(plan: DeckPlan, index: int) -> bool:
    """Return whether slide *index* is a page of the appendix's reference (a table, the timeline, the sources):
    text set to be read, not shown, which a handout prints on a landscape A4 page of its own."""
    slide = plan.slides[index]
    return slide.appendix and slide.role is not Role.SECTION


def handout_pages(plan: DeckPlan, layout: str) -> list[list[int]]:
    """Return the slides (indices) on each page of the handout of *plan* in *layout*: PER_PAGE[layout] a page,
    in order, except that a reference slide (the appendix's tables, timeline and sources) has a page of its own
    (as a thumbnail its text could not be read)."""
    pages: list[list[int]] = []
    for index in range(len(plan.slides)):
        alone = PER_PAGE[layout] > 1 and reference(plan, index)
        if alone or not pages or len(pages[-1]) >= PER_PAGE[layout] or _wide(plan, pages[-1]):
            pages.append([])
        pages[-1].append(index)
        if alone:
            pages.append([])
    return [page for page in pages if page]


def _wide(plan: DeckPlan, page: list[int]) -> bool:
    """Return whether *page* is a reference slide's page of its own."""
    return len(page) == 1 and reference(plan, page[0])


def landscape(plan: DeckPlan, layout: str, page: list[int]) -> bool:
    """Return whether *page* of an A4 layout is printed landscape, its one slide at the page's width: a reference
    slide, or in the "notes" layout a slide with no notes (nothing to print below it)."""
    if layout == "slides" or len(page) != 1:
        return False
    return _wide(plan, page) or (layout == "notes" and not plan.slides[page[0]].notes.strip())


def page_layout(plan: DeckPlan, layout: str, page: list[int]) -> QPageLayout:
    """Return the paper of a handout page: the slide's own size in the "slides" layout; else A4, landscape for
    a slide alone at the page's width (see landscape: a table's text then prints above 9 pt), else portrait."""
    if layout == "slides":
        return QPageLayout(SLIDE_PAGE, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    turned = QPageLayout.Orientation.Landscape if landscape(plan, layout, page) else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), turned, QMarginsF(0, 0, 0, 0))


def render_pdf(plan: DeckPlan, path: Path, layout: str = "notes") -> int:
    """Write the handout of *plan* as PDF to *path* in *layout* (see LAYOUTS); return its page count."""
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(plan.briefing.title.get(plan.lang))
    writer.setCreator("srbrief")
    try:
        return paint_handout(writer, plan, layout)
    finally:
        del writer  # Qt objects go in a fixed order: painter, renderers, then the writer


def paint_handout(device: QPagedPaintDevice, plan: DeckPlan, layout: str = "notes") -> int:
    """Paint the handout of *plan* in *layout* on *device* (a PDF writer, a printer); return its page count."""
    pages = handout_pages(plan, layout)
    count = len(pages)
    device.setPageLayout(page_layout(plan, layout, pages[0]))
    slides = SlidePainter(plan)
    painter = QPainter(device)
    # Every size here is in pixels at RESOLUTION: a printer's device (600 or 1200 dpi) is drawn on at that scale,
    # so its pages read as the PDF's do (they printed at a sixth of the size before)
    scale = device.logicalDpiX() / RESOLUTION
    try:
        for number, indices in enumerate(pages):
            if number:
                device.setPageLayout(page_layout(plan, layout, indices))  # the next page's paper
                device.newPage()
            painter.resetTransform()
            painter.scale(scale, scale)
            full = QRectF(0, 0, device.width() / scale, device.height() / scale)
            if landscape(plan, layout, indices):
                _wide_page(painter, slides, full, indices[0], notes=layout == "notes")
            else:
                PAINTERS[layout](painter, slides, full, indices)
            if layout != "slides":
                _page_edges(painter, plan, full, number + 1, count)
    finally:
        painter.end()
        del painter, slides  # the painter before the renderers (the device goes last, with its owner)
    return count


EDGE_TEXT = 11.0  # pixels at RESOLUTION (8 pt): a handout page's running head and page number


def _page_edges(painter: QPainter, plan: DeckPlan, full: QRectF, number: int, count: int) -> None:
    """A handout page's running head (the briefing's title, its date as the title slide says it) and its number
    at the foot."""
    margin = _margin(full)
    painter.save()
    try:
        painter.setPen(QColor(palette.LIGHT.muted))
        painter.setFont(_font(EDGE_TEXT))
        head = QRectF(margin, full.height() * 0.018, full.width() - 2 * margin, EDGE_TEXT * 2)
        title = plan.briefing.title.get(plan.lang)
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         dated_text(plan.briefing, plan.lang))
        painter.setPen(QColor(palette.LIGHT.page_rule))
        painter.drawLine(QPointF(head.left(), head.bottom()), QPointF(head.right(), head.bottom()))
        painter.setPen(QColor(palette.LIGHT.muted))
        foot = QRectF(margin, full.height() * 0.982 - EDGE_TEXT * 2, full.width() - 2 * margin, EDGE_TEXT * 2)
        painter.drawText(foot, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, f"{number} / {count}")
    finally:
        painter.restore()


def _margin(full: QRectF) -> float:
    """Return a page's side margin, the same on a portrait and a landscape page (7 % of the short side)."""
    return min(full.width(), full.height()) * 0.07


def _slide_page(painter: QPainter, slides: SlidePainter, full: QRectF, indices: list[int]) -> None:
    slides.paint(painter, full, indices[0])


def _framed(painter: QPainter, slides: SlidePainter, rect: QRectF, index: int) -> None:
    """Paint slide *index* into *rect* with a thin frame (a slide's white edge on white paper)."""
    painter.setPen(QColor(palette.LIGHT.page_rule))
    painter.drawRect(rect.adjusted(-1, -1, 1, 1))
    slides.paint(painter, rect, index)


def _notes_page(painter: QPainter, slides: SlidePainter, full: QRectF, indices: list[int]) -> None:
    """The slide on top; its notes below, at the largest size at which they fit (as the presenter does)."""
    index = indices[0]
    margin = full.width() * 0.08
    slide_rect = QRectF(margin, margin, full.width() - 2 * margin, (full.width() - 2 * margin) * 9 / 16)
    _framed(painter, slides, slide_rect, index)
    text_rect = QRectF(margin, slide_rect.bottom() + margin * 0.6, slide_rect.width(),
                       full.height() - slide_rect.bottom() - margin * 1.6)
    notes = printed_notes(slides.plan.slides[index])
    painter.setPen(QColor(palette.LIGHT.text))
    draw_fitted(painter, notes, text_rect, *NOTES_SIZES)


def printed_notes(slide: Slide) -> str:
    """Return what a handout prints under a slide: what to say (not what is for the presenter alone: the
    reviewer would not hand "如被问及：…" to a mayor), its footnotes, one a line (on a portrait page
    the slide prints at half its size and its 10-pt footnote line at 5 pt: the derived values' and undated
    figures' notes must stay readable on paper), then its sources."""
    said, _, sources = notes_on_paper(slide).partition("\n\n")  # what to say, then the source list (last)
    return "\n\n".join(x for x in (said, "\n".join(footnote_parts(slide.footnote)), sources) if x)


def notes_on_paper(slide: Slide) -> str:
    """Return a slide's notes as every handout page prints them: without what is for the presenter alone ("如被
    问及", a chart's note: see Slide.aside)."""
    said, joint, sources = slide.notes.rstrip().partition("\n\n")
    if slide.aside:
        said = said.removesuffix(slide.aside).rstrip()
    return said + joint + sources


def _lines_page(painter: QPainter, slides: SlidePainter, full: QRectF, indices: list[int]) -> None:
    """Three slides down the left, ruled lines for the reader's notes beside each."""
    margin = full.width() * 0.07
    cell_h = (full.height() - 2 * margin) / 3
    slide_w = (full.width() - 2 * margin) * 0.55
    slide_h = min(slide_w * 9 / 16, cell_h * 0.85)
    painter.setPen(QColor(palette.LIGHT.page_rule))
    for row, index in enumerate(indices):
        top = margin + row * cell_h + (cell_h - slide_h) / 2
        _framed(painter, slides, QRectF(margin, top, slide_h * 16 / 9, slide_h), index)
        painter.setPen(QColor(palette.LIGHT.page_rule))
        left = margin + slide_h * 16 / 9 + margin * 0.5
        for k in range(1, WRITING_LINES + 1):
            y = top + slide_h * k / (WRITING_LINES + 0.5)
            painter.drawLine(QPointF(left, y), QPointF(full.width() - margin, y))


def _six_page(painter: QPainter, slides: SlidePainter, full: QRectF, indices: list[int]) -> None:
    """Six slides a page, two across and three down, each with its number."""
    margin = full.width() * 0.07
    gap = margin * 0.4
    cell_w = (full.width() - 2 * margin - gap) / 2
    cell_h = (full.height() - 2 * margin) / 3
    slide_h = min(cell_w * 9 / 16, cell_h - gap * 2)
    for k, index in enumerate(indices):
        row, col = divmod(k, 2)
        x = margin + col * (cell_w + gap)
        y = margin + row * cell_h
        _framed(painter, slides, QRectF(x, y, slide_h * 16 / 9, slide_h), index)
        painter.setPen(QColor(palette.LIGHT.muted))
        painter.setFont(_font(11))
        painter.drawText(QRectF(x, y + slide_h + 4, slide_h * 16 / 9, 18), Qt.AlignmentFlag.AlignRight,
                         f"{index + 1} / {len(slides.plan.slides)}")


def _wide_page(painter: QPainter, slides: SlidePainter, full: QRectF, index: int, notes: bool) -> None:
    """A slide alone on a landscape page (see landscape), at the page's width between its margins and under its
    running head; below it its notes (fitted) in the "notes" layout, else its number. No empty notes area: the
    slide takes the page's width and its short notes (if *notes*; none, nothing) the little room left."""
    margin = _margin(full)
    top = full.height() * 0.018 + EDGE_TEXT * 3
    bottom = full.height() * 0.982 - EDGE_TEXT * 3  # above the page number
    width = full.width() - 2 * margin
    said = notes_on_paper(slides.plan.slides[index]) if notes else ""  # (the slide prints near its size: its
    # footnotes too)
    height = width * 9 / 16
    if said:  # the slide gives up room (to WIDE_LEAST of the width) so that its notes print at the size of a
        # notes page's, not squeezed under it at 9 pt (the reviewer's timeline page)
        wanted = fitted_height(said, width, NOTES_SIZES[0]) + EDGE_TEXT
        height = max(min(height, bottom - top - wanted), height * WIDE_LEAST)
    rect = QRectF(margin + (width - height * 16 / 9) / 2, top, height * 16 / 9, height)
    _framed(painter, slides, rect, index)
    below = QRectF(margin, rect.bottom() + EDGE_TEXT, width, bottom - rect.bottom() - EDGE_TEXT)
    if notes:
        painter.setPen(QColor(palette.LIGHT.text))
        draw_fitted(painter, said, below, *NOTES_SIZES)
        return
    painter.setPen(QColor(palette.LIGHT.muted))
    painter.setFont(_font(11))
    painter.drawText(QRectF(rect.left(), rect.bottom() + 4, rect.width(), 18), Qt.AlignmentFlag.AlignRight,
                     f"{index + 1} / {len(slides.plan.slides)}")


WIDE_LEAST = 0.8  # of the page's width: the least a reference slide takes to leave its notes room (its table
# text then still prints above 9 pt)


PAINTERS = {"notes": _notes_page, "slides": _slide_page, "lines": _lines_page, "six": _six_page}


def pdf_problem(data: bytes, pages: int) -> str | None:
    """Return what is wrong with a finished PDF file's bytes, or None: it must end with its cross-reference
    table, trailer and ``%%EOF`` and hold *pages* pages (QPdfWriter ignores write errors, so this is how a full
    disk shows)."""
    tail = data[-1024:].rstrip()
    if not data.startswith(b"%PDF-") or not tail.endswith(b"%%EOF"):
        return "the PDF came out incomplete"
    found = re.search(rb"startxref\s+(\d+)\s+%%EOF$", tail)
    if found is None or not data[int(found.group(1)):].startswith(b"xref"):
        return "the PDF's cross-reference table is missing or misplaced"
    if b"trailer" not in tail or f"/Count {pages}".encode() not in data:
        return "the PDF's trailer or page tree is missing"
    return None


def write_pdf(plan: DeckPlan, target: Path, layout: str = "notes",
              inputs: Iterable[tuple[Path | None, str]] = ()) -> None:
    """Write the handout of *plan* in *layout* to *target* atomically (a temporary file beside it, then a
    rename); the finished file is checked before the rename, so a write error never replaces a good PDF."""
    with atomic_path(target, inputs) as tmp:
        pages = render_pdf(plan, tmp, layout)
        problem = pdf_problem(tmp.read_bytes(), pages)
        if problem:
            raise OutputError(f"{target}: cannot write: {problem} (disk full, or a write error); "
                              "the old file is untouched")


__all__ = ["FAMILY", "LAYOUTS", "handout_pages", "render_pdf", "write_pdf"]
