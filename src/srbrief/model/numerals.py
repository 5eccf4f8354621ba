"""Figures as a Chinese sentence writes them: 6261亿元, 33.84%, 两个, 第二, 百强, 三成, 700余家. Qt-free.

:func:`mentions` finds every figure a clause states, with the words around it (multiplier, unit, qualifier);
:func:`clause_problem` says whether a metric's value, unit, scale and qualifier are what its clause states.
One owner for reading numbers out of Chinese text: validation uses it, and so can drafting from an article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from srbrief.model.types import Unit
from srbrief.model.units import UNITS, format_value, metric_unit, number_text

if TYPE_CHECKING:
    from srbrief.model.types import Metric

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_MULTIPLIERS = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4))
_CN = "零〇一二两三四五六七八九十百千"
_NUMBER = re.compile(rf"(\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN}]+)")
NUMBER = _NUMBER  # a number as written: Arabic (6261, 10,000, 33.84) or Chinese (二十六)
MEASURE_WORDS = "个家条项次名位倍成座所台款种类件处轮只批亿万人元吨户笔大套辆亩天%％"
MORE_BEFORE = ("不少于", "不低于", "超过", "多于", "突破", "超", "逾")
ABOUT_BEFORE = ("大约", "将近", "约", "近")
MORE_AFTER = ("余", "多")
MORE_LATER = ("以上",)
MAX_DIGITS = 24
RANGE_TO = "至到—–-~～"  # 3至5年, 8%—15%: a range keeps both bounds
DOUBLINGS = {"翻一番": 2, "翻两番": 4, "翻番": 2, "翻了一番": 2, "翻了两番": 4, "翻了一倍": 2}  # 翻一番 = 2倍
_FRACTION = re.compile(rf"([{_CN}]+|\d+)分之([{_CN}]+|\d+)")  # 三分之一 = about 33.3 %
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
    end: int = 0  # where the number, its multiplier, qualifier and unit word end
    bound: str = ""  # 'low' or 'high' for the two ends of a range (3至5年, 8%—15%), else ''
    scale: int = 1  # the multiplier written (1.2亿人次: 10^8), which value includes


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
    if len(written) > MAX_DIGITS:
        return None  # a run of digits this long is a code or noise, not a figure
    if written[0].isdigit():
        try:
            return Decimal(written.replace(",", ""))
        except InvalidOperation:
            return None
    value = chinese_int(written)
    return None if value is None else Decimal(value)


def _qualifier(text: str, start: int, after: str) -> str:
    before = text[max(0, start - 3):start]
    if before.endswith(MORE_BEFORE) or after.startswith(MORE_AFTER):
        return "more_than"
    if before.endswith(ABOUT_BEFORE):
        return "about"
    return "exact"


@functools.lru_cache(maxsize=4096)
def mentions(text: str) -> tuple[Mention, ...]:
    """Return every figure *text* states, in order (a range such as 3至5年 as two, marked low and high; cached:
    an edit validates the same clauses again)."""
    found = [m for m in (_mention(text, match) for match in _NUMBER.finditer(text)) if m is not None]
    for word in ("榜首", "首位"):
        found.extend(Mention(word, Decimal(1), "rank", "", "exact", m.start(), m.end())
                     for m in re.finditer(word, text))
    found.extend(Mention("一半", Decimal(50), "percent", "%", "exact", m.start(), m.end())
                 for m in re.finditer("一半", text))
    found.extend(m for m in (_fraction(text, f) for f in _FRACTION.finditer(text)) if m is not None)
    for word, times in DOUBLINGS.items():
        found.extend(Mention(word, Decimal(times), "number", "倍", "exact", m.start(), m.end())
                     for m in re.finditer(word, text))
    return tuple(_mark_highs(sorted(found, key=lambda m: m.start)))


def _fraction(text: str, match: re.Match[str]) -> Mention | None:
    """Return the share a fraction states, in per cent to one decimal (四分之一 = 25 %, 三分之一 ≈ 33.3 %)."""
    whole, part = _number(match.group(1)), _number(match.group(2))
    if not whole or part is None or part > whole:
        return None
    exact = part * 100 / whole
    value = exact.quantize(Decimal("0.1")).normalize()
    qualifier = _qualifier(text, match.start(), "")
    if qualifier == "exact" and value != exact:
        qualifier = "about"
    return Mention(match.group(), value, "percent", "%", qualifier, match.start(), match.end())


def _mention(text: str, match: re.Match[str]) -> Mention | None:
    """Return the figure the number *match* starts, or None (a name, a date, a numeral without a measure word)."""
    written, start, end = match.group(), match.start(), match.end()
    prev = text[start - 1] if start else ""
    if written[0].isdigit() and prev.isascii() and prev.isalpha():
        return None  # part of a name: G60
    value = _number(written)
    if value is None:
        return None
    rest = text[end:end + 64]  # a number's multiplier, unit, qualifier and range end follow closely
    if prev == "第":
        return Mention("第" + written, value, "rank", "", "exact", start - 1, end)
    if (prev == "前" and not rest.startswith(("季度", "个月", "年", "天"))) or rest.startswith("强"):
        strong = rest.startswith("强")
        return Mention(("" if strong else "前") + written + ("强" if strong else ""), value, "top", "", "exact",
                       start - (0 if strong else 1), end + (1 if strong else 0))
    if rest.startswith("成") and not written[0].isdigit():
        return Mention(written + "成", value * 10, "percent", "%", _qualifier(text, start, rest[1:]), start, end + 1)
    scale, mult = _multiplier(rest)
    rest, pos = rest[len(mult):], end + len(mult)
    qualifier = _qualifier(text, start, rest)
    if rest.startswith(MORE_AFTER):
        rest, pos = rest[1:], pos + 1
        if not mult:  # 400多万元: the multiplier after 多
            scale, mult = _multiplier(rest)
            rest, pos = rest[len(mult):], pos + len(mult)
    percent = rest.startswith(("%", "％"))
    bound, unit_rest = "", rest
    high = _RANGE_HIGH.match(rest[1:] if percent else rest)
    if high and high.group(1)[0].isdigit() == written[0].isdigit():
        bound = "low"  # 3至5年, 10—20亿元, 8%—15%: the low end takes the high end's multiplier and unit
        after = (rest[1:] if percent else rest)[high.end():]
        if not mult:
            scale, mult = _multiplier(after)
        unit_rest = after[len(_multiplier(after)[1]):]
    kind = "percent" if percent or unit_rest.startswith(("%", "％")) else "number"
    unit = "%" if kind == "percent" else unit_rest[:4]
    later = unit_rest[1:8] if kind == "percent" else unit_rest[:8]
    if qualifier == "exact":
        qualifier = "more_than" if any(w in later for w in MORE_LATER) else \
            "about" if any(w in later for w in ABOUT_LATER) else "exact"
    if not written[0].isdigit() and not mult and unit[:1] not in MEASURE_WORDS and \
            not (unit[:1] == "年" and (bound or _is_duration(text, start, written, unit))):
        return None  # a Chinese numeral without a measure word (一体化, 统一) is no figure
    if kind == "number" and not mult and unit[:1] in "年月日号" and not \
            (unit[:1] == "年" and (bound or _is_duration(text, start, written, unit))):
        return None  # a date: 2024年, 6月
    shown = "%" if kind == "percent" else _unit_shown(unit)
    own_unit = not bound and kind == "number" and bool(shown)
    if own_unit and _same_unit_range(unit_rest[len(shown):], mult + shown):
        bound = "low"  # 150亿元至200亿元: both ends written with their unit
    stop = pos + (1 if percent else 0) if bound and not own_unit else pos + len(shown)
    return Mention(written + mult + shown, value * scale, kind, unit, qualifier, start, stop, bound, scale)


_RANGE_HIGH = re.compile(rf"[{re.escape(RANGE_TO)}]\s?({_NUMBER.pattern})")


def _same_unit_range(tail: str, unit: str) -> bool:
    """Return whether *tail* goes on to the high end of a range in the same unit (至200亿元 after 150亿元)."""
    high = _RANGE_HIGH.match(tail)
    return high is not None and tail[high.end():].startswith(unit)


def _multiplier(rest: str) -> tuple[int, str]:
    """Return (size, word) of the multiplier *rest* starts with (万, 亿, 万亿), else (1, '')."""
    return next(((size, word) for word, size in _MULTIPLIERS if rest.startswith(word)), (1, ""))


def _is_duration(text: str, start: int, written: str, unit: str) -> bool:
    """Return whether a number before 年 is a number of years (5年, 3至5年, 连续三年), not a year (2024年)."""
    if not unit.startswith("年") or unit[1:2] in ("来", "级", "代", "前", "后", "底", "初", "度"):
        return False
    before = text[max(0, start - 2):start]
    if written[0].isdigit():
        return int(Decimal(written.replace(",", ""))) < 100
    return before.endswith(("连续", "至", "到")) or (before[-1:] in RANGE_TO and bool(before))


def _mark_highs(found: list[Mention]) -> list[Mention]:
    """Return *found* with the high end of each range marked (the mention right after a low end)."""
    out: list[Mention] = []
    for mention in found:
        low = out[-1] if out else None
        high = low is not None and low.bound == "low" and 0 <= mention.start - low.end <= 2
        out.append(replace(mention, bound="high") if high else mention)
    return out


def mention_word(mention: Mention) -> str:
    """Return the unit word *mention* is written in, without its multiplier (1.2亿人次 → 人次), '' if none known."""
    return "%" if mention.kind == "percent" else _unit_shown(mention.unit)


def _unit_shown(unit: str) -> str:
    """Return the unit word that follows a number, as far as srbrief knows it (个月, 元, 家), for messages."""
    return next((w for w in _unit_words() if unit.startswith(w)), unit[:1] if unit[:1] in MEASURE_WORDS else "")


@functools.lru_cache(maxsize=1)
def _unit_words() -> tuple[str, ...]:
    """Return the unit words srbrief knows, longest first (个百分点 before 个)."""
    return tuple(sorted({measure_word(unit) for unit in UNITS.values()} | {"元"}, key=len, reverse=True))


def measure_word(unit: Unit) -> str:
    """Return a unit's Chinese word without its multiplier: 亿元 → 元, 万人次 → 人次, 个月 → 个月 (units of one
    word differ only by their scale: a value converts between them)."""
    word = unit.zh
    for mult, _ in _MULTIPLIERS:
        if word.startswith(mult) and len(word) > len(mult):
            return word[len(mult):]
    return word


def states(metric: Metric, mention: Mention) -> bool:
    """Return whether *mention* states *metric*'s value, in its unit and scale, with its qualifier."""
    unit = metric_unit(metric)
    value = Decimal(str(metric.value))
    q = metric.qualifier.value
    if q in ("rank", "top"):
        return mention.kind == q and mention.value == value
    if unit.code == "percent":
        return mention.kind == "percent" and mention.value == value and mention.qualifier == q
    word = measure_word(unit)
    words = (word, "大") if unit.code == "ge" else (word,)  # 两大平台: two (个) platforms
    return (mention.kind == "number" and mention.unit.startswith(words) and mention.value == value * unit.scale
            and mention.qualifier == q)


def same_kind(metric: Metric, mention: Mention) -> bool:
    """Return whether *mention* is a figure of *metric*'s kind (a rank for a rank, a percentage for a
    percentage, a number in its unit word otherwise), whatever its value."""
    unit = metric_unit(metric)
    q = metric.qualifier.value
    if q in ("rank", "top"):
        return mention.kind == q
    if unit.code == "percent":
        return mention.kind == "percent"
    return mention.kind == "number" and mention.unit.startswith(measure_word(unit))


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


# What in a Chinese clause says a figure rose or fell (a change's direction is a claim like its value): as broad as
# the drafting extractor's words (srbrief.draft.extract: 增, 涨, 翻了两番 …), so that what it drafts validates; the
# point is a clause that says no direction at all ('数据为5%') or only the other one
RISE_WORDS = ("增", "涨", "升", "提高", "扩大", "翻")
FALL_WORDS = ("降", "减", "下滑", "回落", "缩", "收窄")


def direction_problem(direction: str, clause: str) -> str | None:
    """Return why *clause* does not say the change went the *direction* ('increase', 'decrease') a figure gives
    it, or None: it must say so in words (提升, 下降 …), and not only the other way."""
    rises = [w for w in RISE_WORDS if w in clause]
    falls = [w for w in FALL_WORDS if w in clause]
    said, other = (rises, falls) if direction == "increase" else (falls, rises)
    if said:
        return None
    way = "rose" if direction == "increase" else "fell"
    if other:
        return (f"direction: {direction} — but its clause says the other way (“{other[0]}” in “{clause}”); give "
                "the direction the clause says")
    return (f"direction: {direction} — its clause (“{clause}”) does not say the figure {way} (no word such as "
            f"{'、'.join(RISE_WORDS if direction == 'increase' else FALL_WORDS)}); cite the clause that says it, "
            "or give no direction")
