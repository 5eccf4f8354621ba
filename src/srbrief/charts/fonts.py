"""The bundled font (SRBrief Sans SC, a renamed subset of Noto Sans CJK SC), registered once for matplotlib."""

from __future__ import annotations

from pathlib import Path

from srbrief.resources import resource

FAMILY = "SRBrief Sans SC"
FONT_FILES = {"regular": "fonts/SRBriefSansSC-Regular.ttf", "bold": "fonts/SRBriefSansSC-Bold.ttf"}
_registered = False


def font_path(weight: str = "regular") -> Path:
    """Return the file of the bundled font in *weight* ('regular' or 'bold')."""
    return Path(str(resource(FONT_FILES[weight])))


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


def font_coverage() -> set[int]:
    """Return the code points the bundled regular font has."""
    from fontTools.ttLib import TTFont

    with TTFont(font_path("regular"), lazy=True) as font:
        return set(font.getBestCmap())
