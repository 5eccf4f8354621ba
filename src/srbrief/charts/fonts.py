"""Register the bundled font once for matplotlib (the charts name its family in their settings)."""

from __future__ import annotations

from srbrief.fonts import FAMILY, FONT_FILES, font_coverage, font_path

__all__ = ["FAMILY", "font_coverage", "font_path", "register_bundled_font"]
_registered = False


def register_bundled_font() -> str:
    """Register the bundled font with matplotlib's font manager (once); return its family."""
    global _registered  # noqa: PLW0603 - matplotlib's font manager is process-wide too
    from matplotlib import font_manager

    if not _registered:
        for weight in FONT_FILES:
            font_manager.fontManager.addfont(str(font_path(weight)))
        _registered = True
    return FAMILY
