"""Register the bundled font once for matplotlib and make it the default family."""

from __future__ import annotations

from srbrief.fonts import FAMILY, FONT_FILES, font_coverage, font_path

__all__ = ["FAMILY", "font_coverage", "font_path", "use_bundled_font"]
_registered = False


def use_bundled_font() -> str:
    """Register the bundled font with matplotlib (once) and make it the default family; return the family."""
    global _registered  # noqa: PLW0603 - matplotlib's font manager is process-wide too
    import matplotlib as mpl
    from matplotlib import font_manager

    if not _registered:
        for weight in FONT_FILES:
            font_manager.fontManager.addfont(str(font_path(weight)))
        _registered = True
    mpl.rcParams["font.family"] = [FAMILY, "DejaVu Sans"]
    mpl.rcParams["axes.unicode_minus"] = True
    mpl.rcParams["svg.fonttype"] = "none"  # SVG keeps text as text
    mpl.rcParams["pdf.fonttype"] = 42  # PDF embeds TrueType: selectable, searchable text
    return FAMILY
