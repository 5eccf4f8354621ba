"""Units of the data format, and how a metric's value is written in Chinese and English: one style per language
for every view (cards, charts, tables, prose). English: "CNY 626.1 bn", "CNY 210 mn", "850 mn", "+20%", "10×",
"10,000 visits", "120 mn visits"; the parts of a value are joined by no-break spaces, so no line breaks inside one."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from srbrief.model.textutil import chinese_date, counted_label, english_date, period_text
from srbrief.model.types import DerivedPart, Qualifier, Unit

if TYPE_CHECKING:
    from srbrief.model.types import Briefing, Metric

UNITS: dict[str, Unit] = {
    u.code: u
    for u in (
        Unit("yi-yuan", "亿元", "CNY 100 mn", "money", 10**8),  # English: CNY before the number
        Unit("percent", "%", "%", "percent", 1, "%"),
        Unit("jia", "家", "organisations", "count"),
        Unit("ge", "个", "count", "count"),
        Unit("tiao", "条", "count", "count"),
        Unit("xiang", "项", "items", "count"),
        Unit("ci", "次", "times", "count", 1, "times"),
        Unit("yi-ci", "亿次", "100 mn (count of events)", "count", 10**8),  # 8.5亿次 → "850 mn"
        Unit("wan-renci", "万人次", "10,000 visits", "count", 10**4, "visits"),  # 人次: never "person-times"
        Unit("wan-dun", "万吨", "10,000 tonnes", "mass", 10**4, "tonnes"),
        Unit("bei", "倍", "-fold", "multiple", 1, "×"),
        Unit("month", "个月", "months", "duration", 1, "months"),
        Unit("quarter", "个季度", "quarters", "duration", 1, "quarters"),
        Unit("rank", "位", "rank", "rank"),
    )
}

# Units other articles use (an open list: a drafted briefing names what its article writes). The codes are
# pinyin or SI names, a multiplier first (wan- 万 = 10^4, yi- 亿 = 10^8, wan-yi- 万亿 = 10^12).
_MORE_UNITS = (
    ("yuan", "元", "yuan", "money", 1, "yuan"), ("wan-yuan", "万元", "10,000 yuan", "money", 10**4, "yuan"),
    ("wan-yi-yuan", "万亿元", "trillion yuan", "money", 10**12, "yuan"),
    ("usd", "美元", "US dollars", "money-usd", 1, "US dollars"),
    ("wan-usd", "万美元", "10,000 US dollars", "money-usd", 10**4, "US dollars"),
    ("yi-usd", "亿美元", "100 million US dollars", "money-usd", 10**8, "US dollars"),
    ("percentage-point", "个百分点", "percentage points", "percentage-point", 1, "percentage points"),
    ("ren", "人", "people", "count", 1, "people"), ("wan-ren", "万人", "10,000 people", "count", 10**4, "people"),
    ("renci", "人次", "visits", "count", 1, "visits"), ("ming", "名", "people", "count", 1, "people"),
    ("hu", "户", "households", "count", 1, "households"),
    ("wan-hu", "万户", "10,000 households", "count", 10**4, "households"),
    ("bi", "笔", "transactions", "count", 1, "transactions"), ("wan-ci", "万次", "10,000 times", "count", 10**4),
    ("wan-jia", "万家", "10,000 organisations", "count", 10**4), ("wan-ge", "万个", "10,000", "count", 10**4),
    ("tai", "台", "units", "count", 1, "units"), ("wan-tai", "万台", "10,000 units", "count", 10**4, "units"),
    ("liang", "辆", "vehicles", "count", 1, "vehicles"),
    ("wan-liang", "万辆", "10,000 vehicles", "count", 10**4, "vehicles"),
    ("tao", "套", "sets", "count", 1, "sets"), ("jian", "件", "items", "count", 1, "items"),
    ("wan-jian", "万件", "10,000 items", "count", 10**4, "items"), ("zuo", "座", "count", "count"),
    ("suo", "所", "institutions", "count"), ("kuan", "款", "products", "count", 1, "products"),
    ("zhong", "种", "kinds", "count", 1, "kinds"), ("chu", "处", "sites", "count", 1, "sites"),
    ("pi", "批", "batches", "count", 1, "batches"), ("lun", "轮", "rounds", "count", 1, "rounds"),
    ("zhi", "只", "count", "count"), ("kuai", "块", "count", "count"), ("pian", "片", "pieces", "count"),
    ("sou", "艘", "vessels", "count", 1, "vessels"), ("chang", "场", "events", "count", 1, "events"),
    ("wan-biaoxiang", "万标箱", "10,000 TEU", "count", 10**4, "TEU"),
    ("dun", "吨", "tonnes", "mass", 1, "tonnes"), ("yi-dun", "亿吨", "100 million tonnes", "mass", 10**8, "tonnes"),
    ("gongjin", "公斤", "kilograms", "mass", 1, "kg"),
    ("kw", "千瓦", "kilowatts", "power", 1, "kW"), ("wan-kw", "万千瓦", "10,000 kilowatts", "power", 10**4, "kW"),
    ("mw", "兆瓦", "megawatts", "power", 1, "MW"), ("gw", "吉瓦", "gigawatts", "power", 1, "GW"),
    ("kwh", "千瓦时", "kilowatt-hours", "energy", 1, "kWh"),
    ("wan-kwh", "万千瓦时", "10,000 kilowatt-hours", "energy", 10**4, "kWh"),
    ("yi-kwh", "亿千瓦时", "100 million kilowatt-hours", "energy", 10**8, "kWh"),
    ("mu", "亩", "mu", "area", 1, "mu"), ("wan-mu", "万亩", "10,000 mu", "area", 10**4, "mu"),
    ("sqm", "平方米", "square metres", "area", 1, "m²"),
    ("wan-sqm", "万平方米", "10,000 square metres", "area", 10**4, "m²"),
    ("sqkm", "平方公里", "square kilometres", "area", 1, "km²"),
    ("km", "公里", "kilometres", "length", 1, "km"), ("qianmi", "千米", "kilometres", "length", 1, "km"),
    ("mi", "米", "metres", "length", 1, "m"),
    ("cubic-m", "立方米", "cubic metres", "volume", 1, "m³"),
    ("wan-cubic-m", "万立方米", "10,000 cubic metres", "volume", 10**4, "m³"),
    ("year", "年", "years", "duration", 1, "years"), ("day", "天", "days", "duration", 1, "days"),
    ("hour", "小时", "hours", "duration", 1, "hours"),
)
UNITS.update((row[0], Unit(*row)) for row in _MORE_UNITS)

# An amount a multiplier scales (万, 亿) keeps its scale, as 亿元 does: 1.2亿人次 is 1.2 of the unit 亿人次 (yi-renci),
# written 1.2亿人次 in Chinese and "120 mn visits" in English. Every plain unit of an amount gets its 万 and 亿 forms
# (wan-<code>, yi-<code>) unless one is listed above.
_SCALED_DIMENSIONS = ("count", "money", "money-usd", "mass", "power", "energy", "area", "volume", "length")
_SCALED_WORDS = (("wan", "万", 10**4, "10,000"), ("yi", "亿", 10**8, "100 mn"))
_SCALE_WORDS = {size: en for _, _, size, en in _SCALED_WORDS}
_ZH_KNOWN = {u.zh for u in UNITS.values()}
for _base in [u for u in UNITS.values() if u.scale == 1 and u.dimension in _SCALED_DIMENSIONS and u.en_word]:
    for _prefix, _zh, _size, _en in _SCALED_WORDS:
        _code = f"{_prefix}-{_base.code}"
        if _code not in UNITS and _zh + _base.zh not in _ZH_KNOWN:
            UNITS[_code] = Unit(_code, _zh + _base.zh, f"{_en} {_base.en}", _base.dimension, _size, _base.en_word)



def declared_unit(code: str, zh: str, en: str) -> Unit:
    """Return the unit a briefing declares: a count of its own kind (charted only with itself), written zh after
    a Chinese number and en after an English one."""
    return Unit(code, zh, en, f"declared:{code}", 1, en)


def resolve_unit(code: str, declared: dict[str, tuple[str, str]], unit_en: str | None = None) -> Unit:
    """Return the unit *code* as a briefing that declares *declared* (code → (zh, en)) means it: a built-in one or
    one of its own (KeyError if neither), written in English with *unit_en* where the figure gives its own words
    ('trainee sessions' for 人次 of training, where the unit says 'visits')."""
    found = UNITS.get(code)
    unit = found if found is not None else declared_unit(code, *declared[code])
    if not unit_en or unit_en == unit.en_word:
        return unit
    scale = _SCALE_WORDS.get(unit.scale, number_text(unit.scale, "en"))
    en = unit_en if unit.scale == 1 else f"{scale} {unit_en}"  # 10,000 trainee sessions
    return replace(unit, en=en, en_word=unit_en.replace(" ", NBSP))  # a value never breaks inside its words


def metric_unit(metric: Metric) -> Unit:
    """Return the unit *metric* is in, as its briefing defines it (the loader resolved it); a figure made outside
    a briefing knows only the built-in units (KeyError for any other)."""
    unit = metric.resolved_unit
    if unit is not None and unit.code == metric.unit:
        return unit
    return resolve_unit(metric.unit, {}, metric.unit_en)


_BIG = ((Decimal(10**9), "bn"), (Decimal(10**6), "mn"))  # English amounts from a million up: 120 mn visits
_ATTACHED = {"%", "×"}  # written with no space after the number
MINUS = "\u2212"
_YI = 10**8
NBSP = "\u00a0"  # between the parts of one value: a line never breaks inside it
CURRENCY = "CNY"  # English money is written CNY 626.1 bn


def number_text(value: float | Decimal, lang: str = "zh") -> str:
    """Return *value* without a spurious '.0'; English groups thousands (6,261), Chinese does not."""
    dec = Decimal(str(value))
    text = format(dec.normalize(), "f") if dec != dec.to_integral() else str(int(dec))
    if lang == "en":
        whole, _, frac = text.partition(".")
        text = f"{int(whole):,}" + (f".{frac}" if frac else "")
    return text


def metric_label(metric: Metric, lang: str) -> str:
    """Return *metric*'s label as it reads under its value: in English, a count of exactly one names one thing
    ('1 / Park of the … class', never '1 / Parks')."""
    label = metric.label.get(lang)
    unit = metric_unit(metric)
    if unit.dimension != "count" or unit.en_word or metric.qualifier is not Qualifier.EXACT:
        return label
    return counted_label(label, 1, lang) if metric.value == 1 else label


# 次 ('times') says only how often: a card or a chart label reads '320 / Freight trains run', the label saying what
# happened (never '320 times / Freight trains run'); prose keeps the word ('ran 320 times')
HOW_OFTEN = frozenset({"ci"})
# the words a qualified value is written with, before its number
QUALIFIER_WORDS = {"zh": {"more_than": "超", "about": "约"},
                   "en": {"more_than": f"over{NBSP}", "about": f"about{NBSP}"}}


def value_parts(metric: Metric, lang: str) -> tuple[str, str]:
    """Return (number, unit) of *metric* for a KPI tile, e.g. ('超600', '家') or ('CNY 626.1', 'bn').

    One qualifier style per language: Chinese puts 超/约 before the number, as the article writes it (never a
    '+' beside a Chinese unit); English cards and charts keep the compact '600+' / '~600' (prose says 'over').

    One sign convention for every change, on cards, charts, tables and in alt text: the sign says which way
    it moved ('+20%', '−25%'), whether that is good news is said by its colour (see srbrief.meaning), so a
    cost cut reads '−25%' in good-news green wherever it is shown."""
    unit = metric_unit(metric)
    q = metric.qualifier.value
    if q == "rank":
        number = number_text(metric.value)
        return (f"第{number}", "位") if lang == "zh" else (f"No.{NBSP}{number}", "")
    if q == "top":  # a place on a list, not a rank: 入选百强 reads 百强 (never 前100), as the prose writes it
        number = number_text(metric.value)
        zh = "百强" if metric.value == 100 else f"前{number}" if metric.value <= 10 else f"{number}强"
        return (zh, "") if lang == "zh" else (f"Top{NBSP}{number}", "")
    sign = ""
    if metric.direction is not None and unit.code != "bei":
        sign = "+" if metric.direction.value == "increase" else MINUS
    if lang == "zh":
        number, unit_text = _chinese_scaled(metric.value, unit)
    else:
        number, unit_text = _english_scaled(metric.value, unit, unit.code not in HOW_OFTEN)
        if unit.dimension == "money":
            number = f"{CURRENCY}{NBSP}{number}"
    if lang == "zh":
        return f"{QUALIFIER_WORDS['zh'].get(q, '')}{sign}{number}", unit_text
    suffix = "+" if q == "more_than" else ""
    prefix = "~" if q == "about" else ""
    return f"{prefix}{sign}{number}{suffix}", unit_text


def _chinese_scaled(value: float, unit: Unit) -> tuple[str, str]:
    """Return the Chinese (number, unit) of *value* in *unit*: an amount of 亿 or more in a plain unit is written
    with 亿 (120000000人次 → 1.2亿人次), as the article writes it; any other amount as it is."""
    if unit.scale == 1 and unit.dimension in _SCALED_DIMENSIONS and value >= _YI:
        return number_text(Decimal(str(value)) / _YI), "亿" + unit.zh
    return number_text(value), unit.zh


def _english_scaled(value: float, unit: Unit, worded: bool = True) -> tuple[str, str]:
    """Return the English (number, unit words) of *value* in *unit*: millions and billions as mn and bn
    ('120', 'mn visits'); money's words are its scale alone (CNY goes before the number), and so are they
    when not *worded*."""
    base = Decimal(str(value)) * unit.scale
    word_after = "" if unit.dimension == "money" or not worded else unit.en_word
    if unit.scale > 1 or unit.dimension in _SCALED_DIMENSIONS:
        for size, word in _BIG:
            if base >= size:
                return number_text(base / size, "en"), f"{word}{NBSP}{word_after}".strip(NBSP)
    return number_text(base, "en"), word_after


def axis_scale(metrics: list[Metric], lang: str) -> tuple[float, str]:
    """Return (factor, axis unit) for plotting *metrics* of one unit: English reads 亿 units in billions or
    millions (6261 亿元 → CNY bn), Chinese keeps the article's unit."""
    unit = metric_unit(metrics[0])
    if lang == "zh":
        return 1.0, unit.zh  # the unit itself (家, 个, %), on every chart
    biggest = Decimal(str(max(m.value for m in metrics))) * unit.scale
    if unit.scale > 1 or (unit.dimension in _SCALED_DIMENSIONS and biggest >= _BIG[-1][0]):
        size, word = next(((s, w) for s, w in _BIG if biggest >= s), _BIG[-1])
        currency = f"{CURRENCY} " if unit.dimension == "money" else ""
        return float(unit.scale / size), f"{currency}{word} {unit.en_word}".strip()
    return 1.0, unit.en  # a count names what it counts where the unit does ("organisations")


def format_value(metric: Metric, lang: str) -> str:
    """Return *metric*'s value as prose: '超600家', 'over 600', 'CNY 626.1 bn', '−25%'."""
    number, unit_text = value_parts(metric, lang)
    if metric.qualifier.value in ("rank", "top"):
        return number + unit_text
    if lang == "zh":  # the qualifier word is already before the number
        return number + unit_text
    if metric.unit in HOW_OFTEN:  # prose says how often: 'ran 320 times'
        unit_text = _english_scaled(metric.value, metric_unit(metric))[1]
    core = number.rstrip("+").lstrip("~")
    return QUALIFIER_WORDS["en"].get(metric.qualifier.value, "") + core + unit_joint(unit_text, lang) + unit_text


def currency_prefix(number: str) -> tuple[str, str]:
    """Return a card's number split into the currency before it and the rest: ('CNY ', '300+') (a card sets the
    currency small, like the unit), or ('', number)."""
    head = f"{CURRENCY}{NBSP}"
    return (head, number[len(head):]) if number.startswith(head) else ("", number)


def unit_joint(unit_text: str, lang: str) -> str:
    """Return what stands between a number and its unit: nothing in Chinese or before % and ×, else a
    no-break space."""
    return "" if lang == "zh" or not unit_text or unit_text in _ATTACHED else NBSP


def metric_kind(metric: Metric) -> str:
    """Return what kind of figure *metric* is: 'rank' (第二, 百强), 'change' (a direction), 'share' (a per cent),
    'count' (家, 个, 条 …) or 'level' (an amount of money, mass, energy, time …)."""
    if metric.qualifier.value in ("rank", "top"):
        return "rank"
    if metric.direction is not None or metric.unit == "percentage-point":
        return "change"
    if metric.unit == "percent":
        return "share"
    return "count" if metric_unit(metric).dimension == "count" else "level"


TOTAL = {"zh": "合计：", "en": "Total: "}  # the whole of a part-and-whole doughnut (its full ring)
TOTAL_WORDS = ("合计", "总", "total")  # … unless its label says so itself ("City's total exports")


def whole_label(metric: Metric, lang: str) -> str:
    """Return how a part-and-whole doughnut names its whole: its label, marked as the total unless it says so."""
    label = metric.label.get(lang)
    return label if any(w in label.lower() for w in TOTAL_WORDS) else TOTAL[lang] + label
# the key of a '+' by a figure: English only (Chinese writes 超 before the number, which needs no key)
MORE_THAN_NOTE = {"zh": "", "en": '+ means "more than"'}
NEWS_WORDS = {"good": ("改善", "better"), "bad": ("变差", "worse")}  # what green and red say on a chart's key


def news_key(lang: str) -> str:
    """Return the key of a chart whose bars are good and bad news: '绿色：改善；红色：变差'."""
    good, bad = (NEWS_WORDS[k][0 if lang == "zh" else 1] for k in ("good", "bad"))
    return f"绿色：{good}；红色：{bad}" if lang == "zh" else f"green: {good}; red: {bad}"


def stated_start(metric: Metric) -> str | None:
    """Return the start of a figure's period when only that start is the source's: a range whose end was worked
    out (a derived period) and whose clause states its start month ('自2023年6月起连续26个月'). Every view then
    says 'since' that start, as the source does (both reviewers: the computed end month on the summary's most
    prominent card); the appendix keeps the range and how its end was worked out."""
    if metric.derived_part is not DerivedPart.PERIOD or not metric.period or "/" not in metric.period:
        return None
    start = metric.period.split("/", 1)[0]
    return start if chinese_date(start) in metric.source.clause else None


def metric_period(metric: Metric, lang: str) -> str:
    """Return a figure's period as cards, charts and the app write it: short ('2024年', '2023.6–2025.7' /
    'Jun 2023–Jul 2025'), 'since' its start when only that is the source's (see :func:`stated_start`), '' for
    none."""
    if not metric.period:
        return ""
    start = stated_start(metric)
    if start:
        return f"{chinese_date(start)}起" if lang == "zh" else f"since {english_date(start)}"
    return period_text(metric.period, lang)


def metric_text(metric: Metric, lang: str) -> str:
    """Return a metric's value for a label on a chart: '超600家', '600+ companies', '+20%', 'CNY 626.1 bn'."""
    number, unit = value_parts(metric, lang)
    return number + unit_joint(unit, lang) + unit


def share_text(part: Metric, whole: Metric, lang: str, briefing: Briefing) -> str:
    """Return the part's share of its whole in per cent, saying of what (a doughnut's side text stands beside
    other percentages with other bases) and marked as computed by us, on every renderer:
    '占全市外贸出口60.4%（计算值）', "60.4% of the city's exports (derived)"."""
    share = share_percent(part, whole, lang)
    if not share:
        return ""
    if lang == "zh":
        return f"占{whole.label.zh}{share}（计算值）"
    return f"{share} of {mid_sentence(whole.label.get(lang), briefing)} (derived)"


def mid_sentence(label: str, briefing: Briefing) -> str:
    """Return an English label as it reads inside a sentence: its first capital dropped when the briefing writes
    that word in lower case elsewhere ("The city's exports" → "the city's exports", "Revenue of the park" →
    "revenue of the park"); a name keeps its capital ("Jiangxi's exports")."""
    word = re.match(r"[A-Za-z]+", label)
    if word is None or not word.group()[0].isupper() or not word.group()[1:].islower():
        return label
    texts = [*(m.label.get("en") for m in briefing.metrics), *(p.message.get("en") for p in briefing.points),
             *(f.text.get("en") for f in briefing.facts), *(s.lede.get("en") for s in briefing.sections)]
    lower = re.compile(rf"(?<![A-Za-z]){word.group().lower()}(?![A-Za-z])")
    return label[:1].lower() + label[1:] if any(lower.search(x) for x in texts) else label


def doughnut_centre(part: Metric, whole: Metric, lang: str) -> str:
    """Return the one text in the hole of a part-of-whole doughnut, on every renderer (the deck's native chart,
    the presenter's and the PDF's drawings): the part's share of the whole ('60.4%'); the part's value and the
    total are beside the ring."""
    return share_percent(part, whole, lang)


def share_percent(part: Metric, whole: Metric, lang: str) -> str:
    """Return the part's share of its whole in per cent ('60.4%'), or '' when there is none to compute."""
    if whole.value <= 0 or part.unit != whole.unit:
        return ""
    return number_text(round(Decimal(str(part.value)) / Decimal(str(whole.value)) * 100, 1), lang) + "%"
