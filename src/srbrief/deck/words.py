"""The deck's own words, in both languages (everything else on a slide comes from the data)."""

from __future__ import annotations

T = {
    "summary": ("执行摘要", "Executive summary"),
    "outlook": ("展望", "Outlook"),
    "appendix": ("附录", "Appendix"),
    "appendix_title": ("附录：全部数据及原文出处", "Appendix: every figure and its source"),
    "appendix_sub": ("本简报引用的每一项数据，附时期与原文语句", "Each figure of the briefing with its period and "
                     "the sentence of the article it comes from"),
    "table_title": ("全部数据及原文出处", "Every figure and its source"),
    "col_figure": ("指标", "Figure"),
    "col_value": ("数值", "Value"),
    "col_period": ("时期", "Period"),
    "col_source": ("原文出处", "Source (Chinese original)"),
    "col_source_translated": ("原文出处", "Source (our translation; Chinese original below)"),
    "timeline": ("大事记", "Timeline"),
    "sources": ("来源与说明", "Sources and method"),
    "part": ("（{i}/{n}）", " ({i}/{n})"),
    "source_label": ("来源", "Sources"),
    "derived": ("计算值", "derived"),
    "derived_period": ("时期为推算", "period derived"),
    "schematic": ("示意图", "Schematic"),
    "perspective": ("视角{n}", "Theme {n}"),
    "presented": ("汇报：{who}", "Presented by {who}"),
    "articles": ("原文：{titles}", "Source: {titles}"),
    "articles_many": ("原文：{titles}", "Sources: {titles}"),
    "thanks": ("谢谢", "Thank you"),
    "closing_kicker": ("结束", "End of briefing"),
    "closing_appendix": ("附录列出每项数据的时期与原文语句", "The appendix gives every figure with its period and "
                         "the sentence of the source it comes from"),
    "above_size": ("", "Our note: \"above-scale\" firms (above designated size) are industrial firms with annual "
                   "main-business revenue of CNY 20 million or more (China's national statistical standard); "
                   "the definition is not from the source."),
    "new_three": ("", "Our note: the \"new three\" (xin san yang) are electric vehicles, lithium batteries and "
                  "solar (PV) products, China's newer export lines; the definition is not from the source."),
    "hundred_billion": ("", "Our note: \"hundred-billion-yuan class\" (\"CNY 100 bn class\") means a scale "
                        "(output or revenue) of CNY 100 bn or more; the definition is not from the source."),
}
# Chinese terms the English deck explains once, on its sources slide, when the briefing uses them
GLOSSARY = (("above_size", ("规上", "规模以上")), ("new_three", ("新三样",)), ("hundred_billion", ("千亿级",)))
# ... and again, briefly, in the footnote line of the first main-flow slide whose text uses the term in English
# (investors meet "new three" on slide 2, not on the last page): how the English text writes the term (a
# lower-case pattern), the slide's note, and its shortest form for a footnote line that would not fit otherwise
TERM_NOTES = {
    "above_size": (r"above[- ]scale|above designated size",
                   '"Above-scale" (above designated size): industrial firms with annual revenue of CNY 20 mn '
                   "or more (our note)",
                   '"Above-scale": annual revenue CNY 20 mn+ (our note)'),
    "new_three": (r"new three",
                  '"New three": EVs, lithium batteries and solar products (our note)',
                  '"New three": EVs, batteries, solar (our note)'),
    "hundred_billion": (r"hundred[- ]billion|100[- ]?bn[- ]class|100[- ]billion[- ]yuan[- ]class",
                        '"Hundred-billion-yuan class": a scale of CNY 100 bn or more (our note)',
                        '"Hundred-billion class": CNY 100 bn+ (our note)'),
}


def t(key: str, lang: str) -> str:
    """Return the deck's word *key* in *lang*."""
    return T[key][0 if lang == "zh" else 1]


def sentence(text: str, lang: str) -> str:
    """Return *text* ending as a sentence ends in *lang*."""
    text = text.strip()
    end = "。" if lang == "zh" else "."
    return text if not text or text.endswith(("。", ".", "！", "!", "？", "?")) else text + end


COLONS = ("：", ":")


def labelled(label: str, text: str, lang: str, dash: bool | None = None) -> str:
    """Return *text* after its *label* ('视角一·产业优势：…'): joined by a colon, or by a dash when the text has a
    colon of its own, so that no sentence holds two ('视角二·数字转型——加速推动制造业数字化转型：规上…',
    '2. Digital — Shangrao is accelerating …: the retrofit rate …'); *dash*: a dash (or a colon) whatever the
    text, for lines listed together, which join alike (see :func:`has_colon`)."""
    own = has_colon(text) if dash is None else dash
    if lang == "zh":
        return f"{label}{'——' if own else '：'}{text}"
    return f"{label}{' — ' if own else ': '}{text}"


def has_colon(text: str) -> bool:
    """Return whether *text* has a colon of its own (a label before it then takes a dash: see :func:`labelled`)."""
    return any(c in text for c in COLONS)


def chinese_number(n: int | None) -> str:
    """Return 1–10 as 一…十 (as the article numbers its 视角), larger numbers as digits."""
    return "一二三四五六七八九十"[n - 1] if n is not None and 1 <= n <= 10 else str(n)
