"""Measure text with the bundled font, so that no text overflows its box: shrink, then split."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

from srbrief.fonts import FONT_FILES as _FILES
from srbrief.resources import resource

FONT_FILES = {False: _FILES["regular"], True: _FILES["bold"]}
SAFETY = 1.08  # other fonts (Microsoft YaHei, Calibri) run a little wider than ours
LINE_SPACING = 1.25


@lru_cache(maxsize=64)
def _font(bold: bool, size_pt: float) -> ImageFont.FreeTypeFont:
    path = str(resource(FONT_FILES[bold]))
    return ImageFont.truetype(path, size=max(1, round(size_pt * 10)))  # 10 px per point: enough precision


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Return the width of *text* set in *size_pt* points, in points."""
    return _font(bold, size_pt).getlength(text) / 10 * SAFETY


def wrap_lines(text: str, size_pt: float, width_pt: float, bold: bool = False) -> list[str]:
    """Return *text* broken into lines no wider than *width_pt*: at spaces in English, anywhere in Chinese."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _tokens(paragraph):
            candidate = line + token
            if line and text_width(candidate.rstrip(), size_pt, bold) > width_pt:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    """Return break opportunities: words with their trailing space, and single CJK characters."""
    tokens: list[str] = []
    word = ""
    for char in text:
        if ord(char) >= 0x2E80:  # CJK: a break is allowed before any character (punctuation stays attached)
            if word:
                tokens.append(word)
                word = ""
            if char in "，。、；：！？）》」”’%" and tokens:
                tokens[-1] += char
            else:
                tokens.append(char)
        else:
            word += char
            if char == " ":
                tokens.append(word)
                word = ""
    if word:
        tokens.append(word)
    return tokens


@dataclass(frozen=True)
class Fit:
    size: float
    lines: int
    fits: bool


def fit_text(paragraphs: list[str], width_pt: float, height_pt: float, max_size: float, min_size: float,
             bold: bool = False, gap: float = 0.35) -> Fit:
    """Return the largest size in [min_size, max_size] at which *paragraphs* fit the box (or min_size)."""
    size = max_size
    while True:
        lines = sum(len(wrap_lines(p, size, width_pt, bold)) for p in paragraphs)
        height = lines * size * LINE_SPACING + max(0, len(paragraphs) - 1) * size * gap
        if height <= height_pt or size <= min_size:
            return Fit(size, lines, height <= height_pt)
        size = max(min_size, size - 1)
