"""Small text helpers shared by every renderer: dates in both languages, widths and wrapping of CJK text."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from srbrief.textlayout import is_hanzi  # the one definition, re-exported for the app

if TYPE_CHECKING:
    from srbrief.model.types import Source

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


def period_text(period: str, lang: str) -> str:
    """Return a period for a slide: '2024' as 2024年 / 2024, '2023-06/2025-07' as 2023.6–2025.7 /
    Jun 2023–Jul 2025."""
    if "/" not in period:
        return chinese_date(period) if lang == "zh" else english_date(period)
    start, end = period.split("/", 1)
    if lang == "zh":
        return f"{_dotted(start)}–{_dotted(end)}"
    return f"{english_date(start)}–{english_date(end)}"


def prose_period(period: str, lang: str) -> str:
    """Return a period as a sentence writes it (a slide's card writes it short, see :func:`period_text`):
    2024年 / 2024; '2025-01/2025-09' as 2025年1—9月 / Jan–Sep 2025; '2023-06/2025-07' as 2023年6月至2025年7月 /
    Jun 2023 to Jul 2025."""
    if "/" not in period:
        return period_text(period, lang)
    start, end = period.split("/", 1)
    (first, *first_rest), (last, *last_rest) = start.split("-"), end.split("-")
    months_of_one_year = first == last and len(first_rest) == len(last_rest) == 1
    if lang == "zh":
        if months_of_one_year:
            return f"{first}年{int(first_rest[0])}—{int(last_rest[0])}月"
        return f"{chinese_date(start)}至{chinese_date(end)}"
    if months_of_one_year:
        return f"{MONTHS[int(first_rest[0]) - 1]}–{MONTHS[int(last_rest[0]) - 1]} {first}"
    return f"{english_date(start)} to {english_date(end)}"


def _dotted(date: str) -> str:
    return ".".join(str(int(p)) if i else p for i, p in enumerate(date.split("-")))


def display_width(text: str) -> int:
    """Return the width of *text* in half-width cells (a hanzi is two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


WORD_JOINER = "\u2060"  # invisible, zero width: no line break on either side (Unicode line breaking, UAX #14)


def no_lone_last_character(text: str) -> str:
    """Return *text* with a word joiner between its last two Chinese characters, so that a renderer that
    wraps by Unicode's rules (Qt) never leaves one Chinese character alone on the last line."""
    if len(text) >= 3 and is_hanzi(text[-1]) and is_hanzi(text[-2]):
        return text[:-1] + WORD_JOINER + text[-1]
    return text


# A publication's name ends so when it is a newspaper or a periodical: it is cited in book-title marks
# (《上饶日报》); a publisher that is an organisation (上饶市统计局), a website or anything else is cited bare.
PERIODICAL_ENDINGS = ("报", "刊", "杂志", "志", "年鉴", "周报", "晚报", "日报", "时报", "学报", "月刊", "周刊")


def cited_publication(name: str) -> str:
    """Return a publication's Chinese name as a citation writes it: a newspaper or periodical in book-title marks
    (上饶日报 → 《上饶日报》), an organisation or a website bare (上饶市统计局); marks the user wrote are kept."""
    bare = name.strip()
    if bare.startswith("《") or not bare.endswith(PERIODICAL_ENDINGS):
        return bare
    return f"《{bare}》"


def source_line(documents: Sequence[Source], lang: str) -> str:
    """Return the short source line of the *documents* a slide or chart cites:
    来源：《上饶日报》2025-10-11；上饶市统计局 2026-03-01 / Sources: Shangrao Daily, 11 Oct 2025; ..."""
    if lang == "zh":
        return "来源：" + "；".join(_with_date(cited_publication(d.publication.zh), d.date) for d in documents)
    label = "Source: " if len(documents) == 1 else "Sources: "
    return label + "; ".join(f"{d.publication.en}, {english_date(d.date)}" for d in documents)


def _with_date(cited: str, date: str) -> str:
    return f"{cited}{date}" if cited.endswith("》") else f"{cited} {date}"


def document_text(doc: Source, lang: str) -> str:
    """Return a document in full: 《上饶日报》，2025年10月11日，《挺起制造强市“硬脊梁”》 / Shangrao Daily, 11 Oct
    2025, "Building the Backbone of a Manufacturing Powerhouse"."""
    if lang == "zh":
        return f"{cited_publication(doc.publication.zh)}，{chinese_date(doc.date)}，《{doc.title.zh}》"
    return f'{doc.publication.en}, {english_date(doc.date)}, "{doc.title.en}"'


def counted(noun: str, count: int, lang: str) -> str:
    """Return the noun phrase *noun* as it reads after the number *count*: in English its last word (the head
    noun: 'Shared platforms', 'CNY 100 bn park') singular for one and plural for more ('1 Shared platform',
    '2 Parks'); Chinese nouns do not change."""
    head, space, last = noun.rpartition(" ")
    if lang != "en" or not last[-1:].isalpha():
        return noun
    return head + space + (_singular(last) if count == 1 else _plural(last))


def _singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _plural(word: str) -> str:
    lower = word.lower()
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word  # already plural
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if lower.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


# words after which an English label's head noun is done ('Parks | of the …', 'Companies | connected to …')
_AFTER_HEAD = frozenset({"of", "in", "at", "on", "for", "with", "to", "under", "from", "by", "whose", "that",
                         "which", "connected", "linked", "set", "based", "approved", "listed", "named", "built"})


def counted_label(label: str, count: int, lang: str) -> str:
    """Return a figure's label as it reads under the number *count*: its head noun (before 'of', 'in', … or
    the last word) singular for one ('Parks of the … class' under 1: 'Park of the … class')."""
    words = label.split(" ")
    end = next((i for i, w in enumerate(words) if i and w.lower() in _AFTER_HEAD), len(words))
    if lang != "en" or count != 1 or end == 0:
        return label
    return " ".join([*words[:end - 1], counted(words[end - 1], 1, lang), *words[end:]])
