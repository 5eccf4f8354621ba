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
    Jun 2023–Jul 2025, months of one year as a sentence writes them ('2025-01/2025-10': 2025年1—10月 /
    Jan–Oct 2025)."""
    if "/" not in period:
        return chinese_date(period) if lang == "zh" else english_date(period)
    start, end = period.split("/", 1)
    if len(start) == len(end) == 7 and start[:4] == end[:4]:  # months of one year, as a sentence writes them:
        return prose_period(period, lang)  # 2025年1—10月 / Jan–Oct 2025 (the county reviewer: one style)
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


SENTENCE_ENDS = "。！？!?\n"
SEMICOLONS, COMMAS = "；;", "，,"  # where a sentence may be cut when it is quoted in part
CLOSERS = "”’」』）)"


def clause_in_sentence(text: str, clause: str) -> tuple[str, str, str] | None:
    """Return the sentence of *text* that holds *clause*, as (before, clause, after); None if it is not there."""
    at = text.find(clause)
    if not clause or at < 0:
        return None
    start = max((text.rfind(end, 0, at) for end in SENTENCE_ENDS), default=-1) + 1
    ends = [i for i in (text.find(end, at + len(clause)) for end in SENTENCE_ENDS) if i >= 0]
    stop = min(ends) + 1 if ends else len(text)
    if clause.rstrip(CLOSERS)[-1:] in SENTENCE_ENDS:  # the clause ends its sentence (。 or 。”)
        stop = at + len(clause)
    while stop < len(text) and text[stop] in CLOSERS:  # 。” belongs to the sentence it closes
        stop += 1
    before = text[start:at].lstrip().lstrip(CLOSERS + "—").lstrip()  # a heading's "——" is no part of it
    return before, clause, text[at + len(clause):stop].rstrip()


def sentence_of(text: str, clause: str) -> str:
    """Return the sentence of *text* that holds *clause* (the clause itself when it is not there)."""
    found = clause_in_sentence(text, clause)
    whole = "".join(found) if found else clause
    return whole.rstrip(SEMICOLONS + COMMAS) or whole  # an item of a list ends in ';': a quote does not


def excerpt(sentence: str, clauses: Sequence[str], limit: int) -> str:
    """Return *sentence* as a note quotes it for its *clauses*: whole when it is at most *limit* characters long;
    else its part between semicolons that holds the clauses, when that fits; else the clauses' part between
    commas, widened comma by comma (its opening first: the subject) within that while it stays within *limit*.
    A cut end is marked '……'; never shorter than the clauses' own span."""
    spans = [(at, at + len(c)) for c in clauses if c and (at := sentence.find(c)) >= 0]
    if len(sentence) <= limit or not spans:
        return sentence
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    start, stop = _cut_around(sentence, first, last, SEMICOLONS)
    if stop - start > limit:
        outer = (start, stop)
        start, stop = _cut_around(sentence, first, last, SEMICOLONS + COMMAS)
        cuts = [c for c in _cuts(sentence, COMMAS) if outer[0] <= c <= outer[1]]
        while True:
            wider = [(c, stop) for c in cuts if c < start][-1:] + [(start, c) for c in cuts if c > stop][:1]
            fitting = [w for w in wider if w[1] - w[0] <= limit]
            if not fitting:
                break
            start, stop = fitting[0]
    part = sentence[start:stop].rstrip(SEMICOLONS + COMMAS)
    tail = "……" if stop < len(sentence) else ""
    opening = min(c for c in _cuts(sentence, SEMICOLONS + COMMAS) if c > 0)
    subject = not any(ch in SEMICOLONS for ch in sentence[:start])  # (a clause before a ';' is another's)
    if start > 0 and opening <= OPENING_MOST and subject:  # its subject, then the cited part ("……集研发创新…
        # 搭建“总服务台”……" had none): joined, or with what lies between them left out
        joint = sentence[opening - 1:opening] if opening == start else "……"
        return sentence[:opening].rstrip(SEMICOLONS + COMMAS) + joint + part + tail
    return ("……" if start > 0 else "") + part + tail


OPENING_MOST = 40  # characters: a sentence's opening clause up to this long is quoted before a part cut from it


def quoted_sentence(text: str, clause: str) -> str:
    """Return the sentence of *text* a note quotes for *clause*: the sentence it is in (see :func:`sentence_of`),
    with the sentence after it on the same line when it is a question ("如此强劲的发展势头缘何而来?", whose answer
    follows) or a heading (a short line opening with "——": "——强化“一盘棋”保障。")."""
    found = clause_in_sentence(text, clause)
    if found is None:
        return clause
    whole = "".join(found)
    at = text.find(whole)
    line_start = text.rfind("\n", 0, at) + 1
    heading = text[line_start:at].strip().startswith("——") and len(whole) <= HEADING_MOST
    if whole.rstrip(CLOSERS)[-1:] in "?？" or heading:
        rest = text[at + len(whole):].split("\n", 1)[0]
        following = clause_in_sentence(rest, rest.strip()[:1]) if rest.strip() else None
        if following is not None:
            whole += "".join(following)
    return whole.rstrip(SEMICOLONS + COMMAS) or whole


HEADING_MOST = 15  # characters: a sentence opening its line with "——" up to this long is a heading


def _cuts(text: str, marks: str) -> list[int]:
    return [0, *(i + 1 for i, ch in enumerate(text) if ch in marks), len(text)]


def _cut_around(text: str, first: int, last: int, marks: str) -> tuple[int, int]:
    """Return the smallest span of *text* between *marks* (or its ends) that holds [first, last)."""
    cuts = _cuts(text, marks)
    return max(c for c in cuts if c <= first), min(c for c in cuts if c >= last)


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
        return "来源：" + "；".join(dated_publication(d.publication.zh, d.date) for d in documents)
    label = "Source: " if len(documents) == 1 else "Sources: "
    return label + "; ".join(f"{d.publication.en}, {english_date(d.date)}" for d in documents)


def dated_publication(publication: str, date: str) -> str:
    """Return a Chinese publication with its date as every source line writes it: 《上饶日报》2025-10-11."""
    return _with_date(cited_publication(publication), date)


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
