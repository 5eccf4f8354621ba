"""The Qt binding in use keeps Python's reference counts right for the calls we make thousands of times."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter


def test_painting_calls_do_not_leak_or_steal_references(qapp) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font, colour, rect = QFont("SRBrief Sans SC"), QColor("#123456"), QRectF(0, 0, 32, 32)
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            painter.setFont(font)
            painter.setPen(colour)
            painter.fillRect(rect, colour)
            painter.drawText(rect, Qt.TextFlag.TextWordWrap, "上饶")
        drift = sys.getrefcount(None) - before
    finally:
        painter.end()
    assert abs(drift) < 100, f"None's reference count moved by {drift}: a broken Qt binding (PySide6 6.12.0?)"
