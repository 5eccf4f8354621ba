"""`srbrief gui --screenshot DIR`: every panel and every presenter slide as PNG, rendered offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from srbrief.deck.plan import plan_deck


def _settle(ms: int = 80) -> None:
    """Process events for *ms* milliseconds, so that layouts settled by short timers are in the picture."""
    import time

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def take_screenshots(window, folder: Path) -> list[Path]:
    """Write DIR/<panel>-<lang>.png for each panel, DIR/edit-mode-<lang>.png (the form beside the overview's
    first figure) and DIR/slide-NN-<lang>.png for each slide."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1440, 900)
    written = []
    lang = window.lang
    window.charts_enabled = True
    for row, panel in enumerate(window.panels):
        window.nav.setCurrentRow(row)
        panel.draw_charts()
        _settle()
        target = folder / f"{panel.key}-{lang}.png"
        window.grab().save(str(target))
        written.append(target)
    window.nav.setCurrentRow(0)
    window.editing.set_edit_mode(True)
    if window.briefing.metrics:
        window.editing.edit_item(window.briefing.metrics[0].id)
    _settle(300)
    target = folder / f"edit-mode-{lang}.png"
    window.grab().save(str(target))
    written.append(target)
    window.editing.set_edit_mode(False)
    from srbrief.gui.slides import SlidePainter

    plan = plan_deck(window.briefing, lang)
    slides = SlidePainter(plan)
    for index in range(len(plan.slides)):
        image = QImage(1280, 720, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        try:
            slides.paint(painter, QRectF(0, 0, 1280, 720), index)
        finally:
            painter.end()
        target = folder / f"slide-{index + 1:02d}-{lang}.png"
        image.save(str(target))
        written.append(target)
    return written
