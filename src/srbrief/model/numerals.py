"""Figures as a Chinese sentence writes them: 6261亿元, 33.84%, 两个, 第二, 百强, 三成, 700余家. Qt-free.

:func:`mentions` finds every figure a clause states, with the words around it (multiplier, unit, qualifier);
:func:`clause_problem` says whether a metric's value, unit, scale and qualifier are what its clause states.
One owner for reading numbers out of Chinese text: validation uses it, and so can drafting from an article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from srbrief.model.units import UNITS, format_value, number_text

if TYPE_CHECKING:
    from srbrief.model.types import Metric

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_MULTIPLIERS = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4))
_CN = "零〇一二两三四五六七八九十百千"
_NUMBER = re.compile(rf"(\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN}]+)")
MEASURE_WORDS = "个家条项次名位倍成座所台款种类件处轮只批亿万人元吨户笔大%％"
MORE_BEFORE = ("超过", "多于", "突破", "超", "逾")
ABOUT_BEFORE = ("大约", "将近", "约", "近")
MORE_AFTER = ("余", "多")
MORE_LATER = ("以上",)
ABOUT_LATER = ("左右",)


@dataclass(frozen=True)
class Mention:
    """A figure as the sentence writes it."""

    written: str  # the words, e.g. '6261亿元', '两个', '第二', '700余家'
    value: Decimal  # in base units: 6261亿 → 626100000000
    kind: str  # 'number', 'percent', 'rank' (第二, 榜首) or 'top' (百强, 前三)
    unit: str  # what follows the number and its multiplier: '元', '家', '个月', '' ...
    qualifier: str  # 'exact', 'more_than' or 'about'
    start: int  # where it starts in the sentence


def chinese_int(text: str) -> int | None:
    """Return the integer a Chinese numeral writes (十二 → 12, 二十六 → 26, 一百五十 → 150, 2 → None)."""
    if not text or any(c not in _DIGITS and c not in _SMALL_UNITS for c in text):
        return None
    if all(c in _DIGITS for c in text):  # digit by digit, as in 一二六九
        return int("".join(str(_DIGITS[c]) for c in text)) if len(text) > 1 else _DIGITS[text]
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _SMALL_UNITS[char]
            digit = None
    return total + (digit or 0)


def _number(written: str) -> Decimal | None:
    if written[0].isdigit():
        try:
            return Decimal(written.replace(",", ""))
        except InvalidOperation:
            return None
    value = chinese_int(written)
    return None if value is None else Decimal(value)


def _qualifier(text: str, start: int, after: str) -> str:
    before = text[max(0, start - 2):start]
    if before.endswith(MORE_BEFORE) or after.startswith(MORE_AFTER):
        return "more_than"
    if before.endswith(ABOUT_BEFORE):
        return "about"
    return "exact"


@functools.lru_cache(maxsize=4096)
def mentions(text: str) -> tuple[Mention, ...]:
    """Return every figure *text* states, in order (cached: an edit validates the same clauses again)."""
    found: list[Mention] = []
    for match in _NUMBER.finditer(text):
        written, start, end = match.group(), match.start(), match.end()
        prev = text[start - 1] if start else ""
        if written[0].isdigit() and prev.isascii() and prev.isalpha():
            continue  # part of a name: G60
        value = _number(written)
        if value is None:
            continue
        rest = text[end:]
        if prev == "第":
            found.append(Mention("第" + written, value, "rank", "", "exact", start - 1))
            continue
        if (prev == "前" and not rest.startswith(("季度", "个月", "年", "天"))) or rest.startswith("强"):
            strong = rest.startswith("强")
            found.append(Mention(("" if strong else "前") + written + ("强" if strong else ""), value, "top", "",
                                 "exact", start - (0 if strong else 1)))
            continue
        if rest.startswith("成") and not written[0].isdigit():
            found.append(Mention(written + "成", value * 10, "percent", "%", "exact", start))
            continue
        scale, mult = 1, ""
        for word, size in _MULTIPLIERS:
            if rest.startswith(word):
                scale, mult = size, word
                break
        rest = rest[len(mult):]
        qualifier = _qualifier(text, start, rest)
        if rest.startswith(MORE_AFTER):
            rest = rest[1:]
        kind = "percent" if rest.startswith(("%", "％")) else "number"
        unit = "%" if kind == "percent" else rest[:4]
        later = rest[1:8] if kind == "percent" else rest[:8]
        if qualifier == "exact":
            qualifier = "more_than" if any(w in later for w in MORE_LATER) else \
                "about" if any(w in later for w in ABOUT_LATER) else "exact"
        if not written[0].isdigit() and not mult and unit[:1] not in MEASURE_WORDS:
            continue  # a Chinese numeral without a measure word (一体化, 统一) is no figure
        if kind == "number" and not mult and unit[:1] in "年月日号":
            continue  # a date: 2024年, 6月
        found.append(Mention(written + mult + _unit_shown(unit), value * scale, kind, unit, qualifier, start))
    for word in ("榜首", "首位"):
        found.extend(Mention(word, Decimal(1), "rank", "", "exact", m.start()) for m in re.finditer(word, text))
    found.extend(Mention("一半", Decimal(50), "percent", "%", "exact", m.start()) for m in re.finditer("一半", text))
    return tuple(sorted(found, key=lambda m: m.start))


def _unit_shown(unit: str) -> str:
    """Return the unit word that follows a number, as far as srbrief knows it (个月, 元, 家), for messages."""
    words = sorted({_unit_word(code) for code in UNITS} | {"元"}, key=len, reverse=True)
    return next((w for w in words if unit.startswith(w)), unit[:1] if unit[:1] in MEASURE_WORDS else "")


def _unit_word(code: str) -> str:
    """Return a unit's Chinese word without its multiplier: 亿元 → 元, 万人次 → 人次, 个月 → 个月."""
    word = UNITS[code].zh
    for mult, _ in _MULTIPLIERS:
        if word.startswith(mult) and len(word) > len(mult):
            return word[len(mult):]
    return word


def states(metric: Metric, mention: Mention) -> bool:
    """Return whether *mention* states *metric*'s value, in its unit and scale, with its qualifier."""
    unit = UNITS[metric.unit]
    value = Decimal(str(metric.value))
    q = metric.qualifier.value
    if q in ("rank", "top"):
        return mention.kind == q and mention.value == value
    if unit.code == "percent":
        return mention.kind == "percent" and mention.value == value and mention.qualifier == q
    word = _unit_word(unit.code)
    words = (word, "大") if unit.code == "ge" else (word,)  # 两大平台: two (个) platforms
    return (mention.kind == "number" and mention.unit.startswith(words) and mention.value == value * unit.scale
            and mention.qualifier == q)


def clause_problem(metric: Metric, clause: str) -> str | None:
    """Return why *clause* does not state *metric*'s value (naming what it does state), or None."""
    found = mentions(clause)
    if any(states(metric, m) for m in found):
        return None
    said = "、".join(dict.fromkeys(m.written for m in found)) or "no figure"
    shown = format_value(metric, "zh") if metric.qualifier.value not in ("rank", "top") else \
        f"{metric.qualifier.value} {number_text(metric.value)}"
    return (f"the value {shown} is not what its clause states (“{clause}” says {said}); cite a clause that "
            "states it (source: {doc: ..., clause: ...}), or say how it was derived (derived: {zh: ..., en: ...})")
