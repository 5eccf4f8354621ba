"""Small text helpers shared by every renderer: dates in both languages, widths and wrapping of CJK text."""

from __future__ import annotations

import textwrap
import unicodedata

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def english_date(date: str) -> str:
    """Return '2025-10-11' as '11 Oct 2025', '2025-03' as 'Mar 2025', '2024' as '2024'."""
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def chinese_date(date: str) -> str:
    """Return '2025-10-11' as '2025年10月11日'."""
    parts = date.split("-")
    suffixes = ("年", "月", "日")
    return "".join(f"{int(p) if i else p}{suffixes[i]}" for i, p in enumerate(parts))


def display_width(text: str) -> int:
    """Return the width of *text* in half-width cells (a hanzi is two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


WORD_JOINER = "\u2060"  # invisible, zero width: no line break on either side (Unicode line breaking, UAX #14)


def is_hanzi(char: str) -> bool:
    """Return whether *char* is a Chinese character (one em wide in any CJK font)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def no_lone_last_character(text: str) -> str:
    """Return *text* with a word joiner between its last two Chinese characters, so that a renderer that
    wraps by Unicode's rules (Qt) never leaves one Chinese character alone on the last line."""
    if len(text) >= 3 and is_hanzi(text[-1]) and is_hanzi(text[-2]):
        return text[:-1] + WORD_JOINER + text[-1]
    return text


def wrap(text: str, width: int) -> str:
    """Return *text* wrapped to *width* half-width cells: by words in English, by characters in Chinese."""
    if display_width(text) <= width:
        return text
    if " " in text and display_width(text) == len(text):
        return "\n".join(textwrap.wrap(text, max(4, width), break_long_words=False))
    lines, line = [], ""
    for char in text:
        if display_width(line + char) > width and line and char not in "，。、；：！？）”’%":
            lines.append(line)
            line = ""
        line += char
    return "\n".join([*lines, line] if line else lines)


def source_line(publication_zh: str, publication_en: str, date: str, lang: str) -> str:
    """Return the short source line: 来源：《上饶日报》2025-10-11 / Source: Shangrao Daily, 11 Oct 2025."""
    if lang == "zh":
        return f"来源：《{publication_zh}》{date}"
    return f"Source: {publication_en}, {english_date(date)}"
