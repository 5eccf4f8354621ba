"""The bundled font for Qt: registered once, so Chinese never shows as boxes (kept light: used at start-up)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication

from srbrief.fonts import FAMILY, FONT_FILES, font_path

_fonts_registered = False


def register_fonts() -> str:
    """Register the bundled font with Qt (once; needs a QGuiApplication) and return its family."""
    global _fonts_registered  # noqa: PLW0603 - Qt's font database is process-wide
    if not _fonts_registered:
        assert QGuiApplication.instance() is not None, "create the QGuiApplication first"
        for weight in FONT_FILES:
            if QFontDatabase.addApplicationFont(str(font_path(weight))) < 0:
                raise RuntimeError(f"Qt could not load the bundled font {font_path(weight)}")
        _fonts_registered = True
    return FAMILY
