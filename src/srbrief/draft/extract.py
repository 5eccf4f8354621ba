"""Every figure of an article, with the clause it stands in: one rule per kind of figure and of non-figure.

Numbers are read by :func:`srbrief.model.numerals.mentions` (the one owner of reading numbers out of Chinese
text: numerals, 万/亿, units, 超/余/约/以上, ranges, ranks and tops); this module decides which mentions are
figures and drafts what a metric needs. Non-figures, each one rule: dates and years (:func:`is_date`),
times of day (:func:`is_time`), names with digits (:func:`is_name`: 5G, G60, “1269”行动计划, 十四五), phone
numbers (:func:`is_phone`), list ordinals (:func:`is_ordinal`), the article 一 (:func:`is_article_one`),
vague numbers (:func:`is_vague`: 数十家) and tiers (:func:`is_tier`: 千亿级). Qt-free.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from srbrief.model.numerals import NUMBER, Mention, mentions
from srbrief.model.periods import period_of
from srbrief.model.units import UNITS

SENTENCE_END = "。！？!?\n"
CLAUSE_END = "，,；;：:"
_QUOTES = re.compile(r"“[^”]*”|\"[^\"\n]*\"|《[^》]*》|「[^」]*」|‘[^’]*’")
_ISO_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
_PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}[-－]?\d{7,8}|1[3-9]\d{9}|400[-－]?\d{3}[-－]?\d{4}|12345)(?!\d)")
_LIST_ORDINAL = re.compile(r"^\s*(?:[（(]?\d{1,2}[)）.、．]|\d{1,2}\s)")
_HEADING_NUMBER = re.compile(r"(?:视角|关键词|关键字|看点|亮点|篇章|聚焦|其|第)\s?$")
INCREASE = ("同比增长", "增长", "增加", "提升", "提高", "上升", "增幅", "增速", "净增", "增", "涨", "扩大")
DECREASE = ("同比下降", "下降", "降低", "减少", "下滑", "压减", "缩短", "缩减", "降", "减")
COUNT_DIMENSIONS = ("count",)
_VERB_OBJECT = re.compile(r"^(?:其中|同时|并|还|可|将|每年可?|累计)?(增加|提高|提升|增长|减少|降低|下降|压减)"
                          r"[\u4e00-\u9fff]{1,8}$")
MAX_CLAUSE = 240  # characters of a clause cited as a figure's source (the data format allows 1,000)
NEAR = 200  # how far before a figure its sentence's period is looked for
_TIME_WORDS = ("上午", "下午", "晚上", "凌晨", "早上", "中午", "傍晚", "晚", "早")


@dataclass(frozen=True)
class Figure:
    """One figure as the article states it, drafted for a metric."""

    value: Decimal  # in the unit as written: 6261 for 6261亿元, 2 for 第二, 30 for 三成 (%)
    unit_text: str  # the unit as written: '亿元', '家', '%', '个月'; '' for ranks and tops
    unit: str | None  # the unit's code (see srbrief.model.units), None if srbrief knows no such unit
    qualifier: str  # 'exact', 'more_than', 'about', 'rank' or 'top'
    kind: str  # 'level', 'change', 'share', 'rank' or 'count'
    direction: str | None  # 'increase' or 'decrease' for a change
    clause: str  # the comma- or semicolon-delimited part of the sentence, verbatim
    written: str  # the figure's words in the text: '超3亿元', '600余家', '第二'
    start: int  # where the figure's words start in the text
    end: int
    label: str = ""
    period: str | None = None  # '2024', '2024-06', '2023-06/2025-07'
    entity: str | None = None  # the name of whom the figure belongs to, where the clause names one
    high: Decimal | None = None  # the upper end of a range (3至5年, 8%—15%)
    clause_start: int = 0  # where the clause starts in the text
    sentence: tuple[int, int] = (0, 0)  # where the sentence starts and ends in the text


# -- non-figures: one rule each ------------------------------------------------------------------------------
def is_date(text: str, m: Mention) -> bool:
    """Return whether *m* is part of a date or a year: 2025-10-11, 2024 on its own, 二〇二四."""
    around = text[max(0, m.start - 10):m.end + 10]
    for match in _ISO_DATE.finditer(around):
        if match.start() <= m.start - max(0, m.start - 10) < match.end():
            return True
    return m.kind == "number" and m.unit[:1] not in "年" and 1900 <= m.value <= 2100 and not _unit_word(m)


def is_time(text: str, m: Mention) -> bool:
    """Return whether *m* is a time of day: 10:30, 上午9时, 9点30分."""
    lo = max(0, m.start - 6)
    if any(c.start() <= m.start - lo < c.end() for c in _CLOCK.finditer(text[lo:m.end + 6])):
        return True
    digits_end = m.start + len(_number_written(text, m))
    after = text[digits_end:digits_end + 1]
    return after in ("时", "点") and (text[max(0, m.start - 2):m.start].endswith(_TIME_WORDS) or
                                      re.match(r"[时点]\d{1,2}分", text[digits_end:digits_end + 4]) is not None)


def is_phone(text: str, m: Mention) -> bool:
    """Return whether *m* is part of a telephone number: 0793-8221234, 13912345678, 12345 热线."""
    lo = max(0, m.start - 14)
    return any(p.start() <= m.start - lo < p.end() for p in _PHONE.finditer(text[lo:m.start + 16]))


def is_name(text: str, m: Mention) -> bool:
    """Return whether *m* is part of a name: 5G, G60, 3D (Latin letters), “1269”行动计划 (quoted), 十四五."""
    before, after = text[m.start - 1:m.start] if m.start else "", text[m.start:m.start + 12]
    digits = re.match(r"[\d.]+", after)
    nxt = text[m.start + len(digits.group()):][:1] if digits else ""
    if (before.isascii() and before.isalpha()) or (nxt.isascii() and nxt.isalpha() and nxt not in "%"):
        return True
    if re.match(r"[十二三四五六七八九]+五", after) and ("规划" in text[m.start:m.start + 8] or before == "“"):
        return True  # 十四五, 十五五: a five-year plan
    lo = max(0, m.start - 16)  # a quoted name is short: it lies within 16 characters of its number
    return any(q.start() < m.start - lo < q.end() and _is_quoted_name(q.group())
               for q in _QUOTES.finditer(text[lo:m.start + 16]))


def _is_quoted_name(quoted: str) -> bool:
    """Return whether a quoted passage is a name or slogan (“1269”, “2+4+N”) rather than quoted speech."""
    return quoted.startswith("《") or (len(quoted) <= 14 and not re.search(r"[，。,；;！？]", quoted))


def is_ordinal(text: str, m: Mention) -> bool:
    """Return whether *m* numbers a list item or a heading: '1. ', '（2）', 视角1, 关键词2, 第一个 (not a rank)."""
    line_start = text.rfind("\n", max(0, m.start - 8), m.start) + 1 or max(0, m.start - 8)
    if _LIST_ORDINAL.match(text[line_start:m.end + 1]) and text[line_start:m.start].strip("（( ") == "":
        return True
    if _HEADING_NUMBER.search(text[max(0, m.start - 4):m.start]) and m.kind == "number" and not _unit_word(m):
        return True
    if m.kind == "rank" and m.written.startswith("第"):
        nxt = text[m.end:m.end + 1]
        return nxt != "" and nxt not in "位名的、，。,;；:：!！?？)）”" and not nxt.isspace()
    return False


def is_article_one(text: str, m: Mention) -> bool:
    """Return whether *m* is the article 'a' (一个光学产业大脑, 一批): a lone 一 with a measure word, unless
    it stands in an enumeration of counts (一个千亿级园区、两个千亿级产业、一个千亿级企业)."""
    if not m.written.startswith("一") or m.value != 1 or m.kind != "number" or m.unit.startswith("倍"):
        return False
    measure = m.written[1:2]
    if text[m.end:m.end + 1] == measure:
        return True  # 一条条: a reduplication
    pattern = rf"(?<![一第])[两二三四五六七八九十百]+{re.escape(measure)}" if measure else r"$^"
    others = re.findall(pattern, text[max(0, m.start - NEAR):m.end + NEAR])
    return not others


def is_vague(text: str, m: Mention) -> bool:
    """Return whether *m* is a vague amount: 数十家, 几百个, 上百家, 两位数."""
    digits_of = m.written.endswith("位") and text[m.end:m.end + 1] == "数"  # 两位数增长: double digits
    return digits_of or (text[max(0, m.start - 2):m.start].endswith(("数", "几", "若干", "上", "成")) and
                         not m.written[:1].isdigit())


def is_tier(text: str, m: Mention) -> bool:
    """Return whether *m* names a tier or a threshold rather than an amount: 千亿级园区, 百亿元以上项目."""
    after = text[m.end:m.end + 3]
    threshold = after[:2] in ("以上", "以下") and "\u4e00" <= after[2:3] <= "\u9fff"
    return text[m.end:m.end + 1] == "级" or threshold


def _number_written(text: str, m: Mention) -> str:
    """Return the number of *m* as the text writes it ('6261', '两', '33.84')."""
    match = NUMBER.match(text, m.start)
    return match.group() if match else ""


def unit_text(m: Mention) -> str:
    """Return the unit as written, with its multiplier: '亿元', '万人次', '家', '%'; '' for a bare number."""
    if m.kind in ("rank", "top"):
        return ""
    if m.kind == "percent":
        return "%"
    number = NUMBER.match(m.written)
    return m.written[number.end():] if number else ("倍" if m.unit == "倍" else "")


def _unit_word(m: Mention) -> str:
    return unit_text(m)


def is_figure(text: str, m: Mention) -> bool:
    """Return whether *m* is a figure: none of the non-figure rules applies and it has a unit (or is a rank)."""
    if m.kind in ("rank", "top"):
        return not (is_ordinal(text, m) or is_name(text, m))
    if is_date(text, m) or is_time(text, m) or is_phone(text, m) or is_name(text, m) or is_ordinal(text, m):
        return False
    if is_article_one(text, m) or is_vague(text, m) or is_tier(text, m):
        return False
    return m.kind == "percent" or bool(_unit_word(m)) or m.bound == "low"


# -- sentences and clauses ---------------------------------------------------------------------------------
def spans(text: str, stops: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the (start, end) spans of *text*[start:end] between the characters in *stops*, stripped; quoted
    passages (“…”) are not split."""
    end = len(text) if end is None else end
    out, pos, depth = [], start, 0
    for i in range(start, end):
        char = text[i]
        depth += 1 if char in "“《(（" else -1 if char in "”》)）" and depth else 0
        if char in stops and (depth == 0 or char == "\n"):
            out.append((pos, i))
            pos = i + 1
    out.append((pos, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip())))
            for a, b in out if text[a:b].strip()]


def extract(text: str, year: int | None = None, names: tuple[str, ...] = (),
            start: int = 0, end: int | None = None) -> list[Figure]:
    """Return every figure of *text*[start:end] in order; *year* is the article's (for 今年), *names* the
    entity names known beforehand (a glossary)."""
    found: list[Figure] = []
    for s_start, s_end in spans(text, SENTENCE_END, start, end):
        sentence = text[s_start:s_end]
        clauses = spans(text, CLAUSE_END, s_start, s_end)
        pending: Figure | None = None
        for local in mentions(sentence):
            m = _shift(local, s_start)
            if m.bound == "high" and pending is not None:
                found[-1] = _with_high(pending, m)
                pending = None
                continue
            if not is_figure(text, m):
                continue
            c_start, c_end = next(((a, b) for a, b in clauses if a <= m.start < b), (s_start, s_end))
            if c_end - c_start > MAX_CLAUSE:  # a run-on clause: the figure with its words around it
                c_start, c_end = max(c_start, m.start - NEAR // 2), min(c_end, m.end + NEAR // 2)
            figure = _figure(text, m, (c_start, c_end), (s_start, s_end), year, names)
            if found and found[-1].clause_start == c_start and figure.start - found[-1].end == 1 \
                    and text[figure.start - 1] in "和、及与" \
                    and found[-1].kind == "change" and figure.unit == found[-1].unit:
                figure = replace(figure, kind="change", direction=found[-1].direction)  # 分别增长13.5%和15.2%
            found.append(figure)
            pending = figure if m.bound == "low" else None
    return found


def _shift(m: Mention, offset: int) -> Mention:
    return Mention(m.written, m.value, m.kind, m.unit, m.qualifier, m.start + offset, m.end + offset, m.bound)


def _with_high(low: Figure, high: Mention) -> Figure:
    """Return the range *low* … *high* as one figure (both ends kept)."""
    scale = multiplier_of(low.unit_text)
    return Figure(low.value, low.unit_text, low.unit, low.qualifier, low.kind, low.direction, low.clause,
                  low.written + "—" + high.written, low.start, high.end, low.label, low.period, low.entity,
                  high.value / scale, low.clause_start, low.sentence)


def _figure(text: str, m: Mention, clause: tuple[int, int], sentence: tuple[int, int], year: int | None,
            names: tuple[str, ...]) -> Figure:
    written_unit = "个" if unit_text(m) == "大" else unit_text(m)  # 两大平台: two (个) platforms
    code = unit_code(m.kind, written_unit)
    scale = multiplier_of(written_unit)
    start = _qualifier_start(text, m)
    end = m.end + next((len(w) for w in ("以上", "左右") if text.startswith(w, m.end)), 0)
    c_text = text[clause[0]:clause[1]]
    kind, direction = classify(text, m, code, clause[0])
    qualifier = m.kind if m.kind in ("rank", "top") else m.qualifier
    return Figure(
        value=m.value / scale if m.kind == "number" else m.value, unit_text=written_unit, unit=code,
        qualifier=qualifier, kind=kind, direction=direction, clause=c_text, written=text[start:end],
        start=start, end=end, label=draft_label(text, clause, start, end, written_unit),
        period=period_of(text[max(sentence[0], start - NEAR):start], year), entity=entity_in(c_text, names),
        clause_start=clause[0], sentence=sentence)


def multiplier_of(unit: str) -> int:
    """Return the size of the multiplier a unit as written starts with: 亿元 → 10^8, 万人次 → 10^4, 家 → 1."""
    return next((size for word, size in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)) if unit.startswith(word)
                 and len(unit) > len(word)), 1)


def metric_value(figure: Figure, value: Decimal | None = None) -> Decimal:
    """Return *figure*'s value (or *value*, its high end) in its unit code's scale (3.2万笔 → 32000 笔)."""
    assert figure.unit is not None
    return (figure.value if value is None else value) * multiplier_of(figure.unit_text) / UNITS[figure.unit].scale


def _qualifier_start(text: str, m: Mention) -> int:
    """Return where the figure's words start, with a qualifier before it (超, 超过, 约, 近, 突破, 逾)."""
    for word in ("不少于", "不低于", "超过", "多于", "突破", "大约", "将近", "超", "逾", "约", "近"):
        if text.startswith(word, m.start - len(word)) and m.qualifier != "exact":
            return m.start - len(word)
    return m.start


def unit_code(kind: str, written: str) -> str | None:
    """Return the unit code for a unit as written ('亿元' → 'yi-yuan', '两大' → 'ge'), or None."""
    if kind in ("rank", "top"):
        return "rank"
    if kind == "percent":
        return "percent"
    by_word = _codes_by_word()
    if written in by_word:
        return by_word[written]
    bare = written.lstrip("万亿")
    return by_word.get(bare) if bare != written else None


@functools.lru_cache(maxsize=1)
def _codes_by_word() -> dict[str, str]:
    return {u.zh: code for code, u in UNITS.items() if code != "rank"}


def classify(text: str, m: Mention, code: str | None, clause_start: int) -> tuple[str, str | None]:
    """Return the figure's kind (level, change, share, rank, count) and, for a change, its direction."""
    if m.kind in ("rank", "top"):
        return "rank", None
    before = text[max(clause_start, m.start - 8):_qualifier_start(text, m)]
    before = re.sub(r"(年均|同比|环比|分别|累计|了|达)$", "", before)
    after = text[m.end:m.end + 4]
    for words, direction in ((INCREASE, "increase"), (DECREASE, "decrease")):
        if before.endswith(words) or (code == "bei" and after.startswith(words)) or (m.unit == "倍" and \
                m.written.startswith("翻") and direction == "increase"):
            return "change", direction
    if code == "percentage-point":
        return "change", None
    verb = _VERB_OBJECT.match(text[clause_start:_qualifier_start(text, m)].rsplit("、", maxsplit=1)[-1])
    if verb:  # 减少二氧化碳排放约29万吨: a change verb, its object, then the figure
        return "change", "increase" if verb.group(1) in INCREASE else "decrease"
    rate = re.search(r"(增速|增幅|增长率|涨幅|降幅)", text[clause_start:m.start])
    if m.kind == "percent" and rate:  # 增速保持在20%以上: a growth rate is a change
        return "change", "decrease" if rate.group() == "降幅" else "increase"
    if m.kind == "percent":
        return "share", None
    if code is not None and UNITS[code].dimension in COUNT_DIMENSIONS:
        return "count", None
    return "level", None


# -- period, entity and label ------------------------------------------------------------------------------
_ORG = re.compile(r"^(?:其中|目前|同时|此外|今年|去年|\d{4}年)?([\u4e00-\u9fff]{2,12}?"
                  r"(?:集团|公司|银行|大学|研究院|经开区|高新区|开发区|产业园|工业园)(?![\u4e00-\u9fff]{0,1}[成果品技]))")


def entity_in(clause: str, names: tuple[str, ...]) -> str | None:
    """Return the entity the clause names: a known name anywhere in it, else an organisation's name
    (…集团, …公司, …科技, …高新区) at its start."""
    known = [n for n in names if n and n in clause]
    if known:
        return max(known, key=len)
    match = _ORG.match(clause)
    return match.group(1) if match else None


_LEAD_WORDS = re.compile(r"^(?:其中|目前|同时|此外|并且|并|还|已经|已|累计|全年|共|实现了?|有效|推动|带动|"
                         r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?|今年|去年|上半年|前三季度|全市|全省|\s)+")
_TAIL_WORDS = re.compile(r"(?:分别|高达|达到|达|为|是|超过|突破|逾|约|近|将近|大约|不少于|不低于|超|升至|降至|至|到|"
                         r"占比|共|有|了|\s)+$")
MAX_LABEL = 30


def draft_label(text: str, clause: tuple[int, int], start: int, end: int, unit: str) -> str:
    """Return a label drafted from the clause: what stands before the figure (营业收入 for 营业收入达6261亿元),
    with what follows a count (整合50余家企业全链条数据 → 整合企业全链条数据)."""
    before = _TAIL_WORDS.sub("", _LEAD_WORDS.sub("", without_figures(re.split(r"——|…+", text[clause[0]:start])[-1])))
    before = re.sub(r"^自.*?起", "", before)
    after = re.split(r"[\d零〇一二两三四五六七八九十百千万亿%、]", text[end:clause[1]], maxsplit=1)[0]
    label = before
    if len(before) < 2 or (after and unit in ("家", "个", "条", "项", "名", "人", "座", "所", "台", "款", "种",
                                                "个月", "个季度", "年", "天")):
        label = before + after
    label = label.strip(" ,，、:：;；的").rstrip("第前约近超逾") or without_figures(text[clause[0]:clause[1]])
    return label[:MAX_LABEL]


def without_figures(text: str) -> str:
    """Return *text* without the figures it states (a label names a measure, not another figure's value)."""
    for m in reversed(mentions(text)):
        if not is_figure(text, m):
            continue  # 千亿级, 第一个: words, not figures
        start = _qualifier_start(text, m)
        text = text[:start] + text[m.end:]
    return re.sub(r"、{2,}", "、", text)
