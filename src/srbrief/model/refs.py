"""Numbers in prose are references to figures: ``营业收入达{industrial-revenue-2024}``. Qt-free.

A reference is a metric id in braces, rendered from the data in each language, so a figure changed once
changes in every title, card, note and table. Forms (docs/data-format.md):

- ``{id}``: the value as prose, with its unit and qualifier: 6261亿元 / CNY 626.1 billion, 超600家 / over 600;
  a change without its sign (降低{x} → 降低25% / cut by 25%); a rank as a word: 第二 / second; a top N:
  百强 / top 100.
- ``{id:num}``: the number alone (12 → 12条 / 12 chains); ``{id:word}``: in words (两个 / two).
  Both only for exact figures, so that a qualifier (超, 余) can never be dropped.
- ``{id:period}``: the figure's period (2024年 / 2024; 2023.6–2025.7 / Jun 2023–Jul 2025), so that a text
  stating the year of a figure follows the figure when it is updated to a newer period.
- ``{=text}``: a literal the number rule lets pass (a name with digits, a number that is no figure).
- ``{{`` and ``}}``: a brace.

:func:`literal_figures` finds what a prose text states as a literal figure: Arabic numbers (dates, years and
periods excepted; digits in a name such as G60, 5G or a quoted “1269” excepted), Chinese numerals with a
measure word (两个, 十余家), rank words (第二, 榜首, 百强) and English number words (six, second).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from srbrief.model.claims import QUOTED
from srbrief.model.numerals import MEASURE_WORDS
from srbrief.model.textutil import prose_period
from srbrief.model.units import MINUS, format_value, number_text, value_parts

if TYPE_CHECKING:
    from srbrief.model.types import Metric

FORMS = ("", "num", "word", "period")
_TOKEN = re.compile(r"\{\{|\}\}|\{=([^{}]*)\}|\{([a-z0-9]+(?:-[a-z0-9]+)*)(?::([a-z]+))?\}|[{}]")


@dataclass(frozen=True)
class Ref:
    """One reference in a text: ``{id}``, ``{id:form}``."""

    id: str
    form: str
    start: int
    end: int


class RefError(ValueError):
    """A text whose references cannot be read or rendered; *start* is the offset in the text."""

    def __init__(self, message: str, start: int) -> None:
        super().__init__(message)
        self.start = start


def parse(text: str) -> list[str | Ref]:
    """Return *text* as literal pieces and references (raises :class:`RefError` on a stray brace)."""
    if "{" not in text and "}" not in text:
        return [text]
    pieces: list[str | Ref] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            pieces.append(text[pos:match.start()])
        token = match.group()
        if token in ("{{", "}}"):
            pieces.append(token[0])
        elif match.group(1) is not None:
            pieces.append(match.group(1))
        elif match.group(2) is not None:
            pieces.append(Ref(match.group(2), match.group(3) or "", match.start(), match.end()))
        else:
            raise RefError(f"a lone {token!r} at position {match.start() + 1}: write {token * 2} for a brace, "
                           "{metric-id} for a figure or {=text} for a literal", match.start())
        pos = match.end()
    if pos < len(text):
        pieces.append(text[pos:])
    return pieces


def references(text: str) -> list[Ref]:
    """Return the references in *text* (none for a text that cannot be parsed)."""
    try:
        return [p for p in parse(text) if isinstance(p, Ref)]
    except RefError:
        return []


def template_literals(text: str) -> str:
    """Return *text* with references and ``{=...}`` literals blanked, for the literal-figure rule."""
    return _TOKEN.sub(lambda m: " " if m.group(1) is not None or m.group(2) is not None else m.group()[0], text)


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int, counting: bool = True) -> str:
    """Return *n* (0–9999) in Chinese numerals: 12 → 十二, 26 → 二十六, 150 → 一百五十; 2 → 两 when counting."""
    if counting and n == 2:
        return "两"
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for size, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // size % 10
        if digit:
            out += ("零" if zero and out else "") + _CN_DIGITS[digit] + name
            zero = False
        else:
            zero = True
    return out


def _rank_text(metric: Metric, lang: str) -> str:
    n = int(metric.value)
    if metric.qualifier.value == "top":
        if lang == "zh":
            return "百强" if n == 100 else f"前{chinese_numeral(n, False)}" if n <= 10 else f"{n}强"
        return f"top {n}"
    if lang == "zh":
        return "第" + (chinese_numeral(n, False) if n < 100 else str(n))
    return _ORDINALS[n - 1] if n <= len(_ORDINALS) else f"No. {n}"


def render_ref(metric: Metric, form: str, lang: str) -> str:
    """Return *metric* written in prose in *lang*, in *form* ('', 'num', 'word' or 'period')."""
    if form == "period":
        return prose_period(metric.period or "", lang)
    if metric.qualifier.value in ("rank", "top"):
        return _rank_text(metric, lang)
    if form == "num":
        return value_parts(metric, lang)[0].lstrip("+" + MINUS)
    if form == "word":
        n = int(metric.value)
        if lang == "zh":
            return chinese_numeral(n)
        return _WORDS[n] if n < len(_WORDS) else number_text(n, "en")
    text = format_value(metric, lang)
    if metric.direction is not None:  # the words around it say which way: 降低25%, cut by 25%
        text = re.sub(rf"^(超|约|over |about )?[+{MINUS}]", r"\1", text)
    return text


def form_problem(metric: Metric, form: str) -> str | None:
    """Return why *metric* cannot be written in *form*, or None."""
    if form not in FORMS:
        return f"unknown form ':{form}' (use {{id}}, {{id:num}}, {{id:word}} or {{id:period}})"
    if form == "period":
        return None if metric.period else f"{metric.id!r} has no period to write: give the figure its period"
    if form and metric.qualifier.value in ("more_than", "about"):
        return (f"{metric.id!r} is a figure with a qualifier ({metric.qualifier.value}); write {{{metric.id}}} "
                "so that the qualifier (超, 约) is written with it")
    if form == "word" and (metric.value != int(metric.value) or metric.value > 9999):
        return f"{metric.id!r} cannot be written in words (only whole numbers up to 9999)"
    return None


def render(text: str, metrics: dict[str, Metric], lang: str) -> str:
    """Return *text* with its references rendered in *lang* (unknown ids are left as written)."""
    if "{" not in text and "}" not in text:
        return text
    out: list[str] = []
    for piece in parse(text):
        if isinstance(piece, str):
            out.append(piece)
            continue
        metric = metrics.get(piece.id)
        word = render_ref(metric, piece.form, lang) if metric is not None else text[piece.start:piece.end]
        if lang == "en" and not "".join(out).strip():
            word = word[:1].upper() + word[1:]  # a sentence starting with a figure: "Twelve chains ..."
        out.append(word)
    return "".join(out)


# -- literal figures in prose ------------------------------------------------------------------------------
_MEASURE = MEASURE_WORDS
_CN_NUM = "一二两三四五六七八九十百千"
_CN_FIGURE = re.compile(rf"(?<![第前])([{_CN_NUM}]+)(余|多)?(?=[{_MEASURE}])")
_RANK_ZH = re.compile(rf"第[{_CN_NUM}\d]+(?!方阵|批|届|期|次)|榜首|[{_CN_NUM}\d]+强|前[{_CN_NUM}\d]+(?![年月季天])")
_ARABIC = re.compile(r"\d+(?:[,.]\d+)*")
_EN_WORDS = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|"
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twice|half)\b", re.IGNORECASE)
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                "oct", "nov", "dec")


_MONTH_RANGE = re.compile(r"\s*[—–\-~～至到]\s*\d{1,2}\s*月")
_DOTTED = re.compile(r"(?:19|20)\d{2}\.\d{1,2}")
_DOTTED_AFTER = re.compile(r"\s*[—–\-~至]\s*(?:19|20)\d{2}\.\d{1,2}(?![\d.])")
_DOTTED_BEFORE = re.compile(r"(?:19|20)\d{2}\.\d{1,2}\s*[—–\-~至]\s*$")


def _is_date(text: str, start: int, end: int) -> bool:
    """Return whether the number at text[start:end] is a date, a year or a month (2024年, 6月, June 2023)."""
    after, before = text[end:end + 1], text[max(0, start - 1):start]
    number = text[start:end]
    if after in ("年", "月", "日", "号") or (after == "-" and number.isdigit() and len(number) == 4):
        return True
    if _MONTH_RANGE.match(text, end) or (_DOTTED.fullmatch(number) and (
            _DOTTED_AFTER.match(text, end) or _DOTTED_BEFORE.search(text[max(0, start - 12):start]))):
        return True  # 1—9月; 2025.1–2025.9 (a period as a card writes it)
    if before == "-" and text[max(0, start - 5):start - 1].isdigit():
        return True  # 2023-06
    if number.isdigit() and 1900 <= int(number) <= 2100:
        return True  # a year: in 2024, since 2023, 2023–2025
    words_before = text[max(0, start - 12):start].lower().split()
    words_after = text[end:end + 12].lower().split()
    month_near = (words_before and words_before[-1].strip(",.") in _MONTH_NAMES) or \
        (words_after and words_after[0].strip(",.") in _MONTH_NAMES)
    return bool(month_near and number.isdigit() and int(number) <= 31)


@functools.lru_cache(maxsize=16384)
def literal_figures(text: str) -> tuple[str, ...]:
    """Return the figures *text* writes as literals instead of references (see the module's doc); cached: an
    edit validates the same texts again."""
    plain = QUOTED.sub(lambda m: " " * len(m.group()), template_literals(text))
    found: list[str] = []
    for match in _ARABIC.finditer(plain):
        start, end = match.span()
        prev, nxt = plain[start - 1:start], plain[end:end + 1]
        if (prev.isascii() and prev.isalpha()) or (nxt.isascii() and nxt.isalpha() and
                                                   plain[end:end + 2] not in ("st", "nd", "rd", "th")):
            continue  # a name: G60, 5G
        if not _is_date(plain, start, end):
            found.append(match.group())
    for match in _CN_FIGURE.finditer(plain):
        if match.group(1) == "一" and not match.group(2):
            continue  # 一件事, 一批, 一个: the article "a", too common to be read as a figure
        if plain[match.end():match.end() + 1] in "年月" or match.group(1) in ("万", "亿", "千", "百"):
            continue  # 两年来: a period; 万人 on its own is no figure
        found.append(match.group())
    found += [m.group() for m in _RANK_ZH.finditer(plain)]
    found += [m.group() for m in _EN_WORDS.finditer(plain)]
    return tuple(found)
