"""A clause taken from a selection in a document's text (Qt-free; one rule for the guided update, the add dialogs
and the source picker): whitespace and punctuation at either end are dropped ("。全县发放文旅消费贷款1860笔" is
"全县发放文旅消费贷款1860笔"); a number, a unit or a known word cut at either end is read whole ("…连续18个季度保"
reads "…连续18个季度保持", "…增长9." reads "…增长9.2%"); a selection across a sentence end (。！？；) is refused
with a reason in zh and en: a figure's clause is one sentence or part of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from srbrief.model.units import UNITS
from srbrief.zhwords import WORDS

SENTENCE_ENDS = "。！？；!?;\n"
# Dropped at either end of a selection: whitespace and punctuation (not %, ‰ or a unit sign, which a figure keeps).
EDGE = " \t\r\n\u3000\u2029。，、；：！？,.;:!?“”‘’\"'（）()《》〈〉「」『』【】[]…—-·"
_NUMBER = "0123456789.０１２３４５６７８９"
_AFTER_NUMBER = "%‰"
# What a cut may be read up to: the briefings' words and every unit as written after a number (万标箱, 亿元, 个).
_WHOLE = WORDS | {u.zh for u in UNITS.values() if u.zh}
_LONGEST = max(len(w) for w in _WHOLE)

REFUSED = {
    "sentences": ("请只选一句之内的文字（所选文字跨过了句号、问号、叹号或分号）",
                  "Please select text within one sentence (the selection crosses a full stop, ?, ! or ;)"),
    "empty": ("所选文字只有标点或空白：请选出写有数字的语句", "Only punctuation or spaces selected: select the words "
              "that state the figure"),
}


@dataclass(frozen=True)
class Taken:
    """A selection read as a clause: the clause (empty if refused), where it stands in the text, and why it was
    refused (a key of :data:`REFUSED`, empty if taken)."""

    clause: str
    start: int
    end: int
    refused: str = ""

    def reason(self, lang: str) -> str:
        """Return why the selection was refused, in *lang* ('' if it was taken)."""
        if not self.refused:
            return ""
        zh, en = REFUSED[self.refused]
        return zh if lang == "zh" else en


def take_clause(text: str, start: int, end: int) -> Taken:
    """Return the clause the selection ``text[start:end]`` stands for (see the module's rule)."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE and not _decimal_point(text, end - 1):
        end -= 1
    if start == end:
        return Taken("", start, end, "empty")
    if any(c in SENTENCE_ENDS for c in text[start:end]):
        return Taken("", start, end, "sentences")
    start, end = _whole_start(text, start), _whole_end(text, end)
    return Taken(text[start:end], start, end)


def _decimal_point(text: str, at: int) -> bool:
    """Return whether the '.' at *at* stands between two digits (9.2), so it is part of a number."""
    return text[at] == "." and 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit()


def _whole_end(text: str, end: int) -> int:
    """Return *end* moved past the rest of a number (and its % or unit) or of a word it cuts."""
    if end < len(text) and text[end - 1] in _NUMBER and text[end] in _NUMBER:
        while end < len(text) and (text[end] in _NUMBER and (text[end] != "." or _decimal_point(text, end))):
            end += 1
    if end < len(text) and text[end - 1] in _NUMBER and text[end] in _AFTER_NUMBER:
        return end + 1
    if end < len(text) and text[end - 1] in _NUMBER:  # a unit straight after the number: 1860笔, 9万标箱
        unit = max((len(w) for w in _WHOLE if text.startswith(w, end)), default=0)
        return end + unit
    for first in range(max(0, end - _LONGEST + 1), end):  # a word across the end: 季度保|持
        for length in range(min(_LONGEST, len(text) - first), end - first, -1):
            if text[first:first + length] in _WHOLE:
                return first + length
    return end


def _whole_start(text: str, start: int) -> int:
    """Return *start* moved back to the start of a number or a word it cuts."""
    if start > 0 and text[start] in _NUMBER and text[start - 1] in _NUMBER:
        while start > 0 and text[start - 1] in _NUMBER:
            start -= 1
        return start
    for first in range(max(0, start - _LONGEST + 1), start):  # a word across the start: 规|上工业
        for length in range(min(_LONGEST, len(text) - first), start - first, -1):
            if text[first:first + length] in _WHOLE and not any(c in SENTENCE_ENDS for c in text[first:start]):
                return first
    return start


_NUMBER_WORD = re.compile(r"(\d+(?:\.\d+)?)([\u4e00-\u9fff]{1,3})")


def number_and_word(clause: str) -> tuple[str, str] | None:
    """Return the last number of *clause* and the word written after it, as a unit a list may not hold yet
    (开行班列120列 → ('120', '列')): the whole word when it ends the clause or its part, else its first character."""
    found = list(_NUMBER_WORD.finditer(clause))
    if not found:
        return None
    last = found[-1]
    word = last.group(2)
    if last.end() < len(clause) and clause[last.end()] not in EDGE:
        word = word[0]  # 120列次数…: only 列 is sure to be the unit
    return last.group(1), word
