"""The bundled font, SRBrief Sans SC: a renamed subset of Noto Sans CJK SC (SIL OFL 1.1). Toolkit-free."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from srbrief.resources import resource

FAMILY = "SRBrief Sans SC"
FONT_FILES = {"regular": "fonts/SRBriefSansSC-Regular.ttf", "bold": "fonts/SRBriefSansSC-Bold.ttf"}


def font_path(weight: str = "regular") -> Path:
    """Return the file of the bundled font in *weight* ('regular' or 'bold')."""
    return Path(str(resource(FONT_FILES[weight])))


@lru_cache(maxsize=1)
def font_coverage() -> frozenset[int]:
    """Return the code points the bundled regular font has."""
    from fontTools.ttLib import TTFont

    with TTFont(font_path("regular"), lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_characters(text: str) -> list[tuple[int, int, str]]:
    """Return (line, column, character) for each first use of a character of *text* the font lacks."""
    covered = font_coverage()
    seen: set[str] = set()
    found = []
    for line_no, line in enumerate(text.splitlines(), 1):
        for col, char in enumerate(line, 1):
            if char not in seen and char.isprintable() and ord(char) >= 0x20 and ord(char) not in covered:
                seen.add(char)
                found.append((line_no, col, char))
    return found
