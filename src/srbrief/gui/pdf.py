"""The PDF handout: the deck plan painted page by page with QPdfWriter (real, selectable text)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from srbrief import palette
from srbrief.atomic import OutputError, atomic_path
from srbrief.deck.plan import DeckPlan
from srbrief.gui.slides import FAMILY, SlidePainter, _font

SLIDE_PAGE = QPageSize(QSizeF(13.333, 7.5), QPageSize.Unit.Inch, "Slide 16:9")
RESOLUTION = 96


def ensure_gui_application() -> QGuiApplication:
    """Return the running Qt application, or start an offscreen one (the CLI needs no display)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["srbrief"])
    assert isinstance(app, QGuiApplication)
    return app


def render_pdf(plan: DeckPlan, path: Path, notes: bool = True) -> None:
    """Write the handout of *plan* as PDF to *path*: a 16:9 page per slide, or A4 notes pages with *notes*."""
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(plan.briefing.title.get(plan.lang))
    writer.setCreator("srbrief")
    page = QPageSize(QPageSize.PageSizeId.A4) if notes else SLIDE_PAGE
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    slides = SlidePainter(plan)
    painter = QPainter(writer)
    try:
        for index in range(len(plan.slides)):
            if index:
                writer.newPage()
            _paint_page(painter, slides, QRectF(0, 0, writer.width(), writer.height()), index, notes)
    finally:
        painter.end()
        del painter, slides, writer  # Qt objects go in a fixed order: painter, renderers, then the writer


def _paint_page(painter: QPainter, slides: SlidePainter, full: QRectF, index: int, notes: bool) -> None:
    if not notes:
        slides.paint(painter, full, index)
        return
    margin = full.width() * 0.08
    slide_rect = QRectF(margin, margin, full.width() - 2 * margin, (full.width() - 2 * margin) * 9 / 16)
    painter.setPen(QColor(palette.LIGHT.page_rule))
    painter.drawRect(slide_rect.adjusted(-1, -1, 1, 1))
    slides.paint(painter, slide_rect, index)
    text_rect = QRectF(margin, slide_rect.bottom() + margin * 0.6, slide_rect.width(),
                       full.height() - slide_rect.bottom() - margin * 1.6)
    painter.setFont(_font(14))
    painter.setPen(QColor(palette.LIGHT.text))
    painter.drawText(text_rect, Qt.TextFlag.TextWordWrap, slides.plan.slides[index].notes)


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


def write_pdf(plan: DeckPlan, target: Path, notes: bool = True,
              inputs: Iterable[tuple[Path | None, str]] = ()) -> None:
    """Write the handout of *plan* to *target* atomically (a temporary file beside it, then a rename); the
    finished file is checked before the rename, so a write error never replaces a good PDF."""
    with atomic_path(target, inputs) as tmp:
        render_pdf(plan, tmp, notes)
        problem = pdf_problem(tmp.read_bytes(), len(plan.slides))
        if problem:
            raise OutputError(f"{target}: cannot write: {problem} (disk full, or a write error); "
                              "the old file is untouched")


__all__ = ["FAMILY", "render_pdf", "write_pdf"]
