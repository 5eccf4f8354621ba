"""One way to measure and break text, toolkit-free: the slide layout, the charts and the app use it.

Widths come from the bundled font's own advance widths (fontTools), cached per character, so measuring is
linear in the length of the text. Lines break at spaces in English and between any two Chinese characters,
with one table of characters that may not start or end a line (kinsoku), never inside a word, a term ('above
designated size', 数字化诊所), a number and its unit or a quoted term; a wrapped text never ends on a lone word
(one English word besides articles and prepositions, or one or two Chinese characters) where the line before
can give it one, nor on a line shorter than a quarter of the width (an orphan).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

from srbrief.zhwords import LEADING, learn, segments

# may not start a line: closing punctuation and brackets, the per-cent sign
NO_START = frozenset("、。，．,.；;：:！!？?）)］]｝}」』》〉】〕〗”’%％…‥·・〜～ー々〻ぁぃぅぇぉっゃゅょ")
# may not end a line: opening brackets and quotes
NO_END = frozenset("（(［[｛{「『《〈【〔〖“‘")
# a number and its unit are one unit of text (6261亿元, 26个月, 2025年3月): no line breaks between a number and
# these characters after it (every character of the data format's Chinese units, and the date's 年月日) …
UNIT_CHARS = frozenset("亿万元%％家个条项次人吨倍月季度位年日余多"
                       "亩件兆公分千只台吉名场块处天套小平座户所批斤方时标款点片瓦百种立笔箱米美艘轮辆里")
NUMBER_PREFIXES = frozenset("第超约前近逾")  # … nor between these and the number after them (第2位, 超600家)
CURRENCIES = ("CNY", "RMB", "USD")  # … nor between a currency and its amount (CNY 100)
_NO_START_CHARS, _NO_END_CHARS, _UNIT_CHARS = "".join(NO_START), "".join(NO_END), "".join(UNIT_CHARS)  # to strip
SOFT_HYPHEN = "\u00ad"  # ends a piece of a word split because it is wider than a whole line (see shown())
LINE_SPACING = 1.25  # a line's height, in multiples of the type size, on every renderer
# A template's Latin font may set text a little wider than the bundled font (Arial about 5 %): slides whose font
# is not known measure Latin text with this margin; Chinese characters and full-width punctuation are one em wide
# in every CJK font, so they are measured exactly.
SAFETY = 1.08
# … but the deck's own Latin font, Calibri (and Carlito, its metric twin that LibreOffice uses), is narrower than
# the bundled font (by 14 % regular, 18 % bold: measured on English labels with Carlito's advance widths), and so
# are the presenter and the PDF, which draw the bundled font itself: measured without a margin, an English text
# fills its box (with 1.08 it filled four fifths of it once every line break was written hard).
NARROW_LATIN = frozenset({"Calibri", "Carlito"})
# LibreOffice (and Word) set a little space between a Chinese character and a Latin letter or digit beside it
# ('中心 1 个'): slides are measured with it (AUTOSPACE ems per such boundary), charts (the bundled font, drawn as
# measured) without.
AUTOSPACE = 0.25


class Measurer(Protocol):
    """Measures text set in a size (any unit: the width comes back in the same unit)."""

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Return the advance width of *text* at type size *size*."""
        ...


def is_wide(char: str) -> bool:
    """Return whether *char* is set one em wide (Chinese characters, full-width punctuation)."""
    return unicodedata.east_asian_width(char) in "WF"


def is_hanzi(char: str) -> bool:
    """Return whether *char* is a Chinese character (one em wide in any CJK font)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


class FontMeasurer:
    """Widths from the advance widths of the bundled font (regular and bold), those of narrow (Latin)
    characters times a safety factor."""

    def __init__(self, safety: float = 1.0, autospace: float = 0.0) -> None:
        self.safety, self.autospace = safety, autospace
        self._advances = {False: _advances("regular"), True: _advances("bold")}
        self._cache: dict[tuple[str, bool], float] = {}

    def em_width(self, text: str, bold: bool = False) -> float:
        """Return the width of *text* in ems (at type size 1), safety included."""
        key = (text, bold)
        found = self._cache.get(key)
        if found is None:
            advances = self._advances[bold]
            found = sum(advances.get(c) or 1.0 if is_wide(c) else (advances.get(c) or 0.55) * self.safety
                        for c in text)
            if self.autospace:
                found += self.autospace * _mixed_boundaries(text)
            if len(text) <= 64:
                self._cache[key] = found
        return found

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self.em_width(text, bold) * size


ADVANCES_FILE = "fonts/SRBriefSansSC-advances.json"  # written by packaging/fonts/build_fonts.py


@lru_cache(maxsize=2)
def _advances(weight: str) -> dict[str, float]:
    """Return the advance widths (ems) of the bundled font in *weight* that are not one full-width em: from
    the table shipped beside the font (small and quick to read), else from the font itself."""
    from srbrief.resources import resource

    try:
        table = json.loads(resource(ADVANCES_FILE).read_text(encoding="utf-8"))
        return {chr(int(code)): float(em) for code, em in table[weight].items()}
    except (FileNotFoundError, KeyError, ValueError):
        return advance_table(weight)


def advance_table(weight: str) -> dict[str, float]:
    """Return, read from the bundled font in *weight* with fontTools, the advance width in ems of each of its
    characters that is not simply one em wide and full-width (most of its 30,000: left out, they cost
    nothing)."""
    from fontTools.ttLib import TTFont

    from srbrief.fonts import font_path

    with TTFont(font_path(weight), lazy=True) as font:
        units = float(font["head"].unitsPerEm)
        metrics = font["hmtx"].metrics
        found = {}
        for code, glyph in font.getBestCmap().items():
            advance = metrics[glyph][0]
            char = chr(code)
            if advance != units or not is_wide(char):
                found[char] = advance / units
        return found


def advances_json() -> str:
    """Return the table of ADVANCES_FILE, for both weights, as the font build writes it."""
    table = {w: {str(ord(c)): round(em, 6) for c, em in sorted(advance_table(w).items())} for w in ("regular", "bold")}
    return json.dumps(table, separators=(",", ":"), sort_keys=True) + "\n"


def _mixed_boundaries(text: str) -> int:
    """Return how often a Chinese character and a Latin letter or digit stand side by side in *text*."""
    return sum(1 for a, b in pairwise(text)
               if (is_hanzi(a) and b.isascii() and b.isalnum()) or (is_hanzi(b) and a.isascii() and a.isalnum()))


@lru_cache(maxsize=2)
def font_measurer(safety: float = SAFETY) -> FontMeasurer:
    """Return the shared measurer: *safety* 1.0 for text the bundled font draws (charts), SAFETY for slides
    in a font not known (which LibreOffice sets with AUTOSPACE between Chinese and Latin)."""
    return FontMeasurer(safety, AUTOSPACE if safety != 1.0 else 0.0)


@lru_cache(maxsize=2)
def _slide_measurer(safety: float) -> FontMeasurer:
    return FontMeasurer(safety, AUTOSPACE)


def slide_measurer(latin: str | None = "Calibri") -> FontMeasurer:
    """Return the measurer of slide text set in the Latin font *latin* (the deck's, or the bundled font that the
    presenter and the PDF draw: the default): no margin for a font known to be narrower than the bundled one
    (NARROW_LATIN), SAFETY for any other (a template's theme font, a font the user names); AUTOSPACE between
    Chinese and Latin either way (LibreOffice sets it)."""
    return _slide_measurer(1.0 if latin in NARROW_LATIN else SAFETY)


def tokens(text: str) -> list[str]:
    """Return *text* as units no line may break inside: words with their trailing space, single Chinese
    characters, with closing punctuation attached to what precedes it and opening punctuation to what follows."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """Return :func:`tokens` of *text*, cached: fitting measures the same texts again and again (at every size
    tried, in the layout and again when the deck is written)."""
    found: list[str] = []
    word = ""
    pending = ""  # opening punctuation waiting for the token it belongs to
    for char in text:
        if char in NO_START and not pending and (found or word):
            if found and not word.strip():  # after spaces too, a closing mark stays with what it closes
                tail, word = word, ""
                while len(found) > 1 and not found[-1].strip():
                    tail = found.pop() + tail
                found[-1] += tail + char
            elif word:
                word += char
                if is_wide(char):  # a full-width mark ends the word it closes
                    found.append(word)
                    word = ""
            else:
                found[-1] += char
            continue
        if char in NO_END and (is_wide(char) or not word):  # an opening mark (a Latin one starts a word)
            if word:
                found.append(word)
                word = ""
            pending += char
            continue
        if is_wide(char):
            if word:
                found.append(word)
                word = ""
            found.append(pending + char)
            pending = ""
        else:
            word += pending + char
            pending = ""
            if char == " ":  # after a space (never inside a word: 'advanced-manufacturing' stays whole)
                found.append(word)
                word = ""
    if word or pending:
        found.append(word + pending)
    return tuple(_english_terms(_leading_joined(_counts_with_nouns(_numbers_with_units(_quoted_terms(_words(found)))))))


def learn_terms(terms: Iterable[str]) -> None:
    """Keep *terms* (a briefing's own labels and names: srbrief.zhwords.briefing_terms) whole on every line from
    now on, besides the dictionary's words."""
    if learn(terms):
        _tokens.cache_clear()


# English terms no line breaks inside, as the Chinese words of srbrief.zhwords: a term of the statistics (规上,
# above designated size), a class of size, an amount and its multiplier ('CNY 100 bn', '626.1 bn', 'No. 1')
EN_TERMS = ("above designated size", "hundred-billion-yuan class")
_EN_TERM_WORDS = tuple(tuple(term.split(" ")) for term in sorted(EN_TERMS, key=len, reverse=True))
_AMOUNT = re.compile(r"[\d.,+]+")
_AFTER_AMOUNT = frozenset(("bn", "mn", "billion", "million", "trillion", "%"))
_BEFORE_AMOUNT = (["No."], ["Top"], ["top"])


FUNCTION_WORDS = frozenset(("a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "its"))
ARTICLES = frozenset(("a", "an", "the"))  # … belong to the word after them: no line before the last ends in one


def _english_terms(found: list[str]) -> list[str]:
    """Return *found* with the words of an English term (EN_TERMS), an amount and its multiplier ('100 bn'), a
    rank ('No. 1', 'Top 100') as one token."""
    if not any(" " in token for token in found):  # no English words: nothing to join
        return found
    joined: list[str] = []
    i = 0
    while i < len(found):
        words = [token.rstrip(" ") for token in found[i:i + 4]]
        term = next((len(t) for t in _EN_TERM_WORDS if tuple(w.rstrip(".,;:)") if k == len(t) - 1 else w
                                                               for k, w in enumerate(words[:len(t)])) == t), 0)
        if term > 1 and all(found[k].endswith(" ") for k in range(i, i + term - 1)):
            joined.append("".join(found[i:i + term]))
            i += term
            continue
        token, previous = found[i], joined[-1] if joined else ""
        core = token.rstrip(" ").rstrip(".,;:)")
        last_word = (previous.split() or [""])[-1] if previous.endswith(" ") else ""
        amount_unit = core in _AFTER_AMOUNT and _AMOUNT.fullmatch(last_word) is not None
        ranked = [last_word] in _BEFORE_AMOUNT and _AMOUNT.fullmatch(core) is not None
        if amount_unit or ranked:
            joined[-1] += token
        else:
            joined.append(token)
        i += 1
    return joined


def _leading_joined(found: list[str]) -> list[str]:
    """Return *found* with a one-character preposition or adverb (srbrief.zhwords.LEADING: 于 已 和 把 …) joined
    to the token after it: no line ends with one ('两个园区于 / 2025年', '中心已 / 入驻')."""
    joined: list[str] = []
    lone = False  # the last token was one such character
    for token in found:
        if lone and token[:1] and (is_hanzi(token[0]) or token[0].isalnum() or token[0] in "“‘"):
            joined[-1] += token
        else:
            joined.append(token)
        lone = token.lstrip(_NO_END_CHARS) in LEADING  # (after an opening mark too: "（如 / “…”）")
    return joined


def _counts_with_nouns(found: list[str]) -> list[str]:
    """Return *found* with a count (a number and its measure word: 13家, 1个) joined to the Chinese word right
    before it, the thing counted or the verb that counts it ('数字化诊所 / 13家', '连续 / 26个月' never)."""
    joined: list[str] = []
    for token in found:
        previous = joined[-1] if joined else ""
        count = token[:1].isdigit() and token.rstrip(_NO_START_CHARS)[-1:] in UNIT_CHARS
        if count and previous and is_hanzi(previous[-1]) and len(previous) <= COUNTED_MOST:
            joined[-1] += token
        else:
            joined.append(token)
    return joined


COUNTED_MOST = 6  # characters: a word up to this long keeps the count after it on its line


QUOTED_MOST = 10  # characters: a quoted term up to this long stays on one line (“跨省通办”)
TITLE_MOST = 14  # and a title in title marks (《挺起制造强市“硬脊梁”》)


def _core(token: str) -> str:
    """Return *token* without the opening marks before it and the closing marks after it."""
    return token.lstrip(_NO_END_CHARS).rstrip(_NO_START_CHARS)


def _words(found: list[str]) -> list[str]:
    """Return *found* with the single Chinese characters of a word joined (srbrief.zhwords.segments: the
    segmenter's words, the dictionary's and the briefing's terms kept whole): only the first may carry opening
    marks before it, only the last closing marks after it."""
    joined: list[str] = []
    i = 0
    while i < len(found):
        run = ""
        for k in range(i, len(found)):  # a run of single characters between marks
            core = _core(found[k])
            if len(core) != 1 or not is_hanzi(core) or (k > i and found[k][0] in NO_END) or \
                    (k > i and found[k - 1][-1] in NO_START):
                break
            run += core
        if len(run) < 2:
            joined.append(found[i])
            i += 1
            continue
        joined += ["".join(found[i + start:i + stop]) for start, stop in segments(run)]
        i += len(run)
    return joined


def _quoted_terms(found: list[str]) -> list[str]:
    """Return *found* with a short term in Chinese quotation marks (“跨省通办”) or title marks
    (《挺起制造强市“硬脊梁”》) as one token."""
    return _enclosed(_enclosed(found, "“", "”", QUOTED_MOST), "《", "》", TITLE_MOST)


def _enclosed(found: list[str], opening: str, closing: str, most: int) -> list[str]:
    """Return *found* with a term of at most *most* characters between *opening* and *closing* as one token."""
    joined: list[str] = []
    opened: int | None = None
    for token in found:
        joined.append(token)
        if token.startswith(opening):
            opened = len(joined) - 1
        if opened is not None and closing in token:
            term = "".join(joined[opened:])
            end = term.index(closing) + 1  # the term, then only closing marks ('“2025年10月报道”）。')
            if end <= most + 2 and all(c in NO_START for c in term[end:]):
                joined[opened:] = [term]
            opened = None
    return joined


def _numbers_with_units(found: list[str]) -> list[str]:
    """Return *found* with a number's unit characters (and a prefix such as 第 or 超) joined to the number."""
    joined: list[str] = []
    for token in found:
        previous = joined[-1] if joined else ""
        unit_after = token[:1] in UNIT_CHARS and _ends_in_number(previous)
        number_after = token[:1].isdigit() and ((len(previous) == 1 and previous in NUMBER_PREFIXES) or
                                               (previous.endswith(("年", "月")) and _ends_in_number(previous)))
        currency_before = token[:1].isdigit() and previous.rstrip() in CURRENCIES
        if unit_after or number_after or currency_before:
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def _ends_in_number(token: str) -> bool:
    """Return whether *token* ends in a number, or in a number already followed by unit characters."""
    core = token.rstrip(_UNIT_CHARS)
    return bool(core) and (core[-1].isdigit() or core[-1] == "+")


def break_lines(text: str, width: float, size: float, measurer: Measurer, bold: bool = False,
                widows: bool = True) -> list[str]:
    """Return *text* broken into lines no wider than *width* at type size *size* (a token wider than a whole
    line is split by characters). Hard line breaks in *text* are kept. With *widows*, no Chinese character is
    left alone on a last line (one more comes down with it); without, breaks fall where the width says."""
    return _Prepared(text, measurer, bold).lines(width, size, widows)


def joint(before: str, after: str) -> str:
    """Return what stood between two lines broken apart: a space where two words met, nothing beside Chinese,
    nothing inside a word split because it was wider than a line (its first piece ends in SOFT_HYPHEN: the
    caller drops the mark with :func:`unsplit`)."""
    if not before or not after or before.endswith((SOFT_HYPHEN, " ")) or is_wide(before[-1]) or is_wide(after[0]):
        return ""  # a word split (after its hyphen, or anywhere); Chinese takes no spaces
    return " "


def unsplit(line: str) -> str:
    """Return *line* without the mark of a word split at its end (for text that is joined again)."""
    return line.removesuffix(SOFT_HYPHEN)


def shown(line: str) -> str:
    """Return *line* as it is drawn: a word split at its end gets a visible hyphen."""
    if not line.endswith(SOFT_HYPHEN):
        return line
    return line[:-1] if line.endswith("-" + SOFT_HYPHEN) else line[:-1] + "-"


def join_lines(lines: list[str] | tuple[str, ...]) -> str:
    """Return broken *lines* as one text again."""
    text = ""
    for line in lines:
        text = unsplit(text) + joint(text, line) + line
    return unsplit(text)


def wrapped(text: str, width: float, size: float, measurer: Measurer, bold: bool = False) -> str:
    """Return *text* broken into lines no wider than *width* at *size*, as drawn (for a renderer that takes
    one string with line breaks: matplotlib)."""
    return "\n".join(shown(line) for line in break_lines(text, width, size, measurer, bold))


def balanced_lines(text: str, width: float, size: float, measurer: Measurer, bold: bool = False) -> list[str]:
    """Return *text* broken into as few lines as at *width*, but with lines of similar length: the narrowest
    width that needs no more lines (no short last line, no orphaned word or unit on a title's second line)."""
    prepared = _Prepared(text, measurer, bold)
    lines = prepared.lines(width, size)
    if len(lines) < 2 or "\n" in text:
        return lines
    low, high = width / len(lines), width
    for _ in range(12):  # a binary search on the width, to about 1/4000 of it
        middle = (low + high) / 2
        if len(prepared.lines(middle, size)) <= len(lines) and not prepared.forced:
            high = middle
        else:
            low = middle
    return prepared.lines(high, size)


def largest_fitting(largest: float, smallest: float, fits: Callable[[float], bool], step: float = 1.0) -> float:
    """Return the largest size in [*smallest*, *largest*], in steps of *step* down from *largest*, for which
    *fits* holds, else *smallest*: the one fitting routine (a binary search; *fits* must be monotonic)."""
    steps = max(0, int((largest - smallest) / step + 1e-9))
    if steps == 0 or fits(largest):
        return largest
    low, high = 1, steps  # size = largest - k * step; k = 0 failed
    found = smallest
    while low <= high:
        middle = (low + high) // 2
        if fits(largest - middle * step):
            found, high = largest - middle * step, middle - 1
        else:
            low = middle + 1
    return found


class _Prepared:
    """A text cut into tokens with their widths in ems, measured once for breaking at any size."""

    def __init__(self, text: str, measurer: Measurer, bold: bool) -> None:
        self.measurer, self.bold = measurer, bold
        self.forced = False
        self.paragraphs = []
        for paragraph in text.split("\n"):
            cut = _tokens(paragraph)
            self.paragraphs.append([(t, measurer.width(t, 1.0, bold), measurer.width(t.rstrip(" "), 1.0, bold))
                                    for t in cut])

    def lines(self, width: float, size: float, widows: bool = True) -> list[str]:
        """Return the text's lines at *width* and *size*; :attr:`forced` then says whether a word had to be
        split because it was wider than a line."""
        self.forced = False
        found: list[str] = []
        for paragraph in self.paragraphs:
            broken = self._break(paragraph, width / size, size, widows)
            if widows and len(broken) > 1 and not self.forced and \
                    (self._ink(broken[-1]) < REBALANCED_BELOW * width / size or is_lone(broken[-1])):
                broken = self._rebalanced(paragraph, broken, width / size, size)
            found += broken
        return found

    def _between(self, before: str, after: str) -> float:
        """Return the width (ems) a renderer sets between the characters *before* and *after* of two tokens."""
        pair = self.measurer.width(before + after, 1.0, self.bold)
        return max(0.0, pair - self.measurer.width(before, 1.0, self.bold) - self.measurer.width(after, 1.0, self.bold))

    def _ink(self, line: str) -> float:
        return self.measurer.width(line.rstrip(" "), 1.0, self.bold)

    def _rebalanced(self, paragraph: list[tuple[str, float, float]], broken: list[str], room: float,
                    size: float) -> list[str]:
        """Return *paragraph* broken at the narrowest width that needs no more lines than *broken*, when its
        last line is longer so (an orphan the line before could not take in: '100 advanced-manufacturing /
        cities' becomes three even lines); else *broken*."""
        best, low, high = broken, room / len(broken), room
        for _ in range(10):  # a binary search on the width, to about 1/1000 of it
            middle = (low + high) / 2
            found = self._break(paragraph, middle, size, True)
            if len(found) <= len(broken) and not self.forced:
                best, high = found, middle
            else:
                self.forced, low = False, middle
        shortest = min(self._ink(line) for line in best)  # no line shorter than the one it evens out ('New /')
        if is_lone(broken[-1]) and not is_lone(best[-1]) and not any(map(is_lone, best[:-1])):
            return best  # a lone last word taken in, with no lone word left anywhere
        return best if shortest > self._ink(broken[-1]) and not is_lone(best[-1]) else broken

    def _break(self, paragraph: list[tuple[str, float, float]], room: float, size: float,
               widows: bool) -> list[str]:
        lines: list[list[str]] = [[]]
        used = 0.0
        for whole, token_w, ink_w in paragraph:
            token = whole
            if lines[-1] and lines[-1][-1] and not lines[-1][-1].endswith(" "):  # Chinese beside Latin: AUTOSPACE
                used += self._between(lines[-1][-1][-1], whole[0])
            if lines[-1] and used + ink_w > room:  # a space at the end of a line takes no room
                token = whole.lstrip(" ")
                if token != whole:  # the space stays at the end of the line before (see _kept_space)
                    lines[-1].append(" ")
                lines.append([])
                used = 0.0
                if not token:
                    continue
            if not lines[-1] and ink_w > room:  # longer than a line: split it where it must
                pieces = _split_long(token, room * size, size, self.measurer, self.bold)
                self.forced = self.forced or len(pieces) > 1
                for piece in pieces:
                    lines[-1].append(piece)
                    lines.append([])
                lines.pop()
                used = self.measurer.width(lines[-1][-1], 1.0, self.bold)
                continue
            lines[-1].append(token)
            used += token_w
        if len(lines) > 1 and not lines[-1]:  # the text ended in the space of a break
            lines.pop()
        if widows:
            def ink(line: list[str]) -> float:
                return self.measurer.width("".join(line).rstrip(" "), 1.0, self.bold)

            _no_lone_last(lines, lambda line: ink(line) <= room)
            if not self.forced:
                _no_short_last(lines, ink, room)
                _no_lone_word(lines, ink, room)
        for before, line in pairwise(lines):  # spaces a rule moved down stay at the end of the line above (a
            while line and not line[0].strip():  # footnote's second line began with one: ' "G60 corridor"…')
                before.append(line.pop(0))
        lines = [line for line in lines if line] or [[]]
        texts = ["".join(line) for line in lines]
        return [_kept_space(text, texts[i + 1] if i + 1 < len(texts) else "") for i, text in enumerate(texts)]


def _kept_space(line: str, following: str) -> str:
    """Return *line* without the spaces at its end, but one where a space stood between Chinese and Latin
    text ('基金 (derived'), which :func:`joint` would not give back (it puts no space beside Chinese)."""
    ink = line.rstrip(" ")
    if ink != line and following and (is_wide(ink[-1:] or " ") or is_wide(following[0])):
        return ink + " "
    return ink


def _split_long(token: str, width: float, size: float, measurer: Measurer, bold: bool) -> list[str]:
    """Return a token wider than a line in pieces: at its spaces (a term of several words), else after its
    hyphens if that is enough, else by characters."""
    words = re.findall(r".+? +(?=\w)|.+$", token)  # at a space before a word ('above designated size')
    if len(words) > 1:
        pieces: list[str] = []
        for word in words:
            if pieces and measurer.width((pieces[-1] + word).rstrip(" "), size, bold) <= width:
                pieces[-1] += word
            else:
                pieces.append(word)
        if len(pieces) > 1:
            return [p for piece in pieces for p in _split_long(piece, width, size, measurer, bold)]
    parts = re.findall(r"[^-]+-?|-", token)
    if len(parts) > 1 and all(measurer.width(p, size, bold) <= width for p in parts):
        pieces = []
        for part in parts:
            if pieces and measurer.width(pieces[-1] + part, size, bold) <= width:
                pieces[-1] += part
            else:
                pieces.append(part)
        return [piece + SOFT_HYPHEN for piece in pieces[:-1]] + pieces[-1:]  # split after a hyphen: marked
    return _split_chars(token, width, size, measurer, bold)


def _split_chars(token: str, width: float, size: float, measurer: Measurer, bold: bool) -> list[str]:
    pieces, piece, used = [], "", 0.0
    hyphen = measurer.width(SOFT_HYPHEN, size, bold)
    for i, char in enumerate(token):
        char_w = measurer.width(char, size, bold)
        starts = char not in NO_START and not (char == " " and token[i + 1:i + 2] in NO_START)
        if piece and used + char_w + (0.0 if is_wide(char) else hyphen) > width and starts:
            inside_word = not is_wide(piece[-1]) and not is_wide(char) and " " not in (piece[-1], char)
            pieces.append(piece + SOFT_HYPHEN if inside_word else piece + char if char == " " else piece)
            piece, used = "", 0.0
            if char == " ":  # the break takes the space (joint() gives it back, or the piece keeps it)
                continue
        piece += char
        used += char_w
    return [*pieces, piece] if piece or not pieces else pieces


def _no_lone_last(lines: list[list[str]], fits: Callable[[list[str]], bool]) -> None:
    """Move one Chinese character down where the last line would hold a single one (a widow), if the last
    line, so lengthened, still *fits*."""
    if len(lines) < 2 or len(lines[-1]) != 1 or len(lines[-2]) < 3:
        return
    last, before = lines[-1][0], lines[-2][-1]
    lone = sum(map(is_hanzi, last)) == 1  # a word of two or more stands on its own
    if lone and is_hanzi(last[0]) and is_hanzi(before[-1]) and fits([before, last]):
        lines[-1].insert(0, lines[-2].pop())


LONE_MOST = 2  # Chinese characters: a last line of no more than these is a widow ('体系' alone under a label)


def is_lone(line: str) -> bool:
    """Return whether *line*, the last of a wrapped text, is a widow: a single English word besides articles and
    prepositions ('size', 'the board.'), or at most LONE_MOST Chinese characters (punctuation aside)."""
    words = line.split()
    if not words:
        return False
    if any(map(is_hanzi, line)):
        return sum(1 for c in line if c.isalnum()) <= LONE_MOST
    return len([w for w in words if w.lower() not in FUNCTION_WORDS]) <= 1


def _no_lone_word(lines: list[list[str]], ink: Callable[[list[str]], float], room: float) -> None:
    """Bring words down from the line before while the last line is a lone word (see :func:`is_lone`) or the
    line before ends in an article ('a company of the / hundred-billion-yuan class'), as long as the last line
    still fits and the line before keeps two words (a lone word moved up a line is no better: 'Park / A revenue';
    fit_text then tries a smaller size)."""
    if len(lines) < 2:
        return
    before, last = lines[-2], lines[-1]
    while is_lone("".join(last)) or "".join(before).split()[-1:] in _ARTICLE_ENDS:
        k = _last_word(before)
        if k <= 0 or ink(before[k:] + last) > room or _one_word("".join(before[:k])):
            return
        last[:0] = before[k:]
        del before[k:]


def _one_word(line: str) -> bool:
    """Return whether *line* is a single English word (a Chinese line is never one: it has no spaces)."""
    return len(line.split()) == 1 and not any(map(is_hanzi, line))


_ARTICLE_ENDS = [[article] for article in ARTICLES]


def _last_word(line: list[str]) -> int:
    """Return where the last word of *line* (a list of tokens) starts, with the spaces after it."""
    k = len(line) - 1
    while k > 0 and not line[k].strip():
        k -= 1
    return k


SHORTEST_LAST = 0.25  # of the box's width: a wrapped text's last line is never shorter (no orphaned word)
REBALANCED_BELOW = 0.25  # … and one shorter than this is evened out with the lines before


def _no_short_last(lines: list[list[str]], ink: Callable[[list[str]], float], room: float) -> None:
    """Bring words down from the line before while the last line is shorter than SHORTEST_LAST of *room*
    (an orphan: 'tier', 'total', '体系' alone), as long as the last line still fits and the line before stays
    at least as long as it; *ink* measures a line."""
    if len(lines) < 2:
        return
    least = room * SHORTEST_LAST
    before, last = lines[-2], lines[-1]
    while ink(last) < least:
        k = len(before) - 1
        while k > 0 and not before[k].strip():  # a word comes down with the space after it
            k -= 1
        moved = before[k:] + last
        if not any(token.strip() for token in before[:k]) or ink(moved) > room or ink(before[:k]) < ink(moved):
            return
        last[:0] = before[k:]
        del before[k:]


@dataclass(frozen=True)
class Fit:
    """Texts fitted into a box: the type size, each text's lines, and whether they fit at all."""

    size: float
    lines: tuple[tuple[str, ...], ...]
    fits: bool

    @property
    def line_count(self) -> int:
        return sum(len(lines) for lines in self.lines)


def text_height(line_count: int, paragraphs: int, size: float, gap: float) -> float:
    """Return the height of *line_count* lines in *paragraphs* paragraphs set at *size*, *gap* ems apart."""
    return line_count * size * LINE_SPACING + max(0, paragraphs - 1) * size * gap


def fit_text(texts: Sequence[str], width: float, height: float, largest: float, smallest: float,
             measurer: Measurer, bold: bool = False, gap: float = 0.35, step: float = 1.0,
             indents: Sequence[float] = ()) -> Fit:
    """Return the largest size in [*smallest*, *largest*] (in steps of *step*) at which *texts*, each a
    paragraph, fit *width* × *height* with no word split for want of width: or *smallest*, marked as not
    fitting. *indents* (ems, per text) narrow a text's lines: a bullet's hanging indent. The cost is linear in
    the length of the texts times the logarithm of the number of sizes."""

    prepared = [_Prepared(t, measurer, bold) for t in texts]
    ems = [indents[i] if i < len(indents) else 0.0 for i in range(len(texts))]

    def attempt(size: float) -> Fit:
        lines = tuple(tuple(p.lines(width - em * size, size)) for p, em in zip(prepared, ems, strict=True))
        count = sum(len(ls) for ls in lines)
        wide = any(measurer.width(line.rstrip(" "), size, bold) > width - em * size + 1e-6
                   for ls, em in zip(lines, ems, strict=True) for line in ls)
        split = any(p.forced for p in prepared)
        return Fit(size, lines, not wide and not split and text_height(count, len(texts), size, gap) <= height + 1e-6)

    fit = attempt(largest_fitting(largest, smallest, lambda size: attempt(size).fits, step))
    for k in range(1, ORPHAN_STEPS + 1):  # an orphan no break could take in: a step or two smaller, if that helps
        if not fit.fits or not _orphaned(fit, width, measurer, bold) or fit.size - k * step < smallest - 1e-9:
            break
        smaller = attempt(fit.size - k * step)
        if smaller.fits and not _orphaned(smaller, width, measurer, bold):
            return smaller
    return fit


ORPHAN_STEPS = 3  # sizes down that fit_text tries to avoid a short last line


def _orphaned(fit: Fit, width: float, measurer: Measurer, bold: bool) -> bool:
    """Return whether a text of *fit* ends in a line shorter than SHORTEST_LAST of *width* or in a lone word, or
    has a line as short inside it (a long word after it would not fit: 'among China's / top 100 /
    advanced-manufacturing cities')."""
    def short(line: str) -> bool:
        return measurer.width(line.rstrip(" "), fit.size, bold) < SHORTEST_LAST * width

    return any(len(lines) > 1 and (short(lines[-1]) or is_lone(lines[-1]) or any(map(short, lines[1:-1])))
               for lines in fit.lines)
