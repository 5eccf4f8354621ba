"""Which numbers a sentence states, and which of them the cited figures carry ("no number without a source").

A number is a run of digits, optionally with thousands separators and a decimal part (6261, 10,000, 33.84).
Digits that are part of a name (G60, 5G) are not numbers; ordinals (2nd) are. Numbers written as words
(两个, six) are not checked. A figure carries the numbers it is displayed with in a language (the same
:func:`format_value` / :func:`value_parts` the app and the deck use) and the years and months of its period.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from srbrief.model.units import format_value, value_parts

if TYPE_CHECKING:
    from srbrief.model.types import Metric

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_ORDINAL = re.compile(r"(st|nd|rd|th)\b")


def _normal(written: str) -> str:
    """Return *written* as a canonical number: '10,000' → '10000', '06' → '6', '626.10' → '626.1'."""
    dec = Decimal(written.replace(",", "")).normalize()
    return format(dec, "f")


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》")  # a quoted name (the “1269” plan) or a title
# A period written with dots (2025.1–2025.9, as a period reads on a card) is years and months, not decimals.
_DOTTED_RANGE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\.(\d{1,2})(\s*[–—~\-至]\s*)((?:19|20)\d{2})\.(\d{1,2})"
                           r"(?![\d.])")


def _dotted_dates(text: str) -> str:
    """Return *text* with each dotted period's dots made spaces (the same length: positions stay)."""
    return _DOTTED_RANGE.sub(lambda m: f"{m[1]} {m[2]}{m[3]}{m[4]} {m[5]}", text)


def numbers_in(text: str) -> list[str]:
    """Return the numbers *text* states, canonical, in order (digits inside names like G60, 5G or a quoted
    “1269” left out)."""
    text = QUOTED.sub(lambda m: " " * len(m.group()), text)
    text = _dotted_dates(text)
    found = []
    for match in _NUMBER.finditer(text):
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end():]
        ordinal = _ORDINAL.match(after) is not None
        if _is_latin_letter(before) or (after[:1] and _is_latin_letter(after[0]) and not ordinal):
            continue
        found.append(_normal(match.group()))
    return found


_CARRIED: dict[tuple[object, ...], frozenset[str]] = {}


def carried_numbers(metric: Metric, lang: str) -> frozenset[str]:
    """Return the numbers *metric* is displayed with in *lang*, and its period's years and months (kept per
    value, unit, qualifier, direction and period: every edit checks every message again)."""
    key = (metric.value, metric.unit, metric.qualifier, metric.direction, metric.period, lang)
    found = _CARRIED.get(key)
    if found is None:
        if len(_CARRIED) > 4096:
            _CARRIED.clear()
        found = _CARRIED[key] = frozenset(_carried(metric, lang))
    return found


def _carried(metric: Metric, lang: str) -> set[str]:
    number, unit = value_parts(metric, lang)
    carried = set(numbers_in(format_value(metric, lang))) | set(numbers_in(f"{number} {unit}"))
    for date in (metric.period or "").split("/"):
        carried.update(_normal(part) for part in date.split("-")[:2] if part)
    years = [int(date[:4]) for date in (metric.period or "").split("/") if date[:4].isdigit()]
    if years:  # every year of a period that spans years (2024 in 2023.6–2025.7)
        carried.update(str(year) for year in range(min(years), max(years) + 1))
    return carried


def uncarried_numbers(text: str, metrics: Iterable[Metric], lang: str, also: Iterable[str] = ()) -> list[str]:
    """Return the numbers in *text* that none of *metrics* carries in *lang* (nor the texts in *also*)."""
    allowed: set[str] = set()
    for metric in metrics:
        allowed |= carried_numbers(metric, lang)
    for other in also:
        allowed.update(numbers_in(other))
    return [n for n in dict.fromkeys(numbers_in(text)) if n not in allowed]
