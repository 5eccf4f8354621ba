"""The deck's own words, in both languages (everything else on a slide comes from the data)."""

from __future__ import annotations

import re

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
    "glossary": ("术语说明", "Terms explained"),
    "glossary_said": ("本页解释英文版中的中文术语", "This page explains the Chinese terms the English text uses; the "
                      "definitions are ours, not the article's"),
    "undated": ("未标时期的数字：原文未注明统计期，据{months}报道",
                "Where no period is shown, the article gives none (figures as reported, {months})"),
    "timeline_said": ("{title}：按时间顺序列出原文提到的{n}件事，从{first}到{last}",
                      "{title}: the {n} dated events the article mentions, in order, from {first} to {last}"),
    "chart_note": ("图注（供讲者参考，不必宣读）", "Chart note (for the presenter, not to read out)"),
    "sources": ("来源与说明", "Sources and method"),
    "part": ("（{i}/{n}）", " ({i}/{n})"),
    "source_label": ("来源", "Sources"),
    "derived": ("计算值", "derived"),
    "derived_period": ("时期为推算", "period derived"),
    "schematic": ("示意图", "Schematic"),
    "perspective": ("视角{n}", "Theme {n}"),
    "presented": ("汇报：{who}", "Presented by {who}"),
    "briefing_on": ("汇报日期：{date}", "{date}"),
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
    "etdz": ("", "Our note: \"ETDZ\" stands for economic and technological development zone, a type of "
             "government-approved industrial park in China; the definition is not from the source."),
    "miit": ("", "Our note: MIIT is China's Ministry of Industry and Information Technology; the definition is "
             "not from the source."),
    "g60": ("", "Our note: the G60 Sci-Tech Innovation Corridor is a Yangtze River Delta cooperation zone named "
            "after the G60 expressway; the article says it began in Songjiang District, Shanghai."),
    "enclave": ("", "Our note: an \"enclave\" (feidi) is an office, lab or park a city runs in another region "
                "to reach its talent, research and capital; the definition is not from the source."),
    "one_thing": ("", "Our note: the \"one thing\" reform bundles the steps one matter needs into a single "
                  "application; the definition is not from the source."),
    "new_quality": ("", "Our note: \"new quality productive forces\" is China's official term for growth led by "
                    "technology and innovation; the definition is not from the source."),
    "ccid": ("", "Our note: CCID is the China Center for Information Industry Development, a research institute; "
             "the definition is not from the source."),
}
# Chinese terms the English deck explains once, on its sources slide, when the briefing uses them
GLOSSARY = (("above_size", ("规上", "规模以上")), ("new_three", ("新三样",)), ("hundred_billion", ("千亿级",)),
            ("etdz", ("经开区", "经济技术开发区")), ("miit", ("工信部",)), ("g60", ("G60",)), ("enclave", ("飞地",)),
            ("one_thing", ("“一件事”",)), ("new_quality", ("新质生产力",)), ("ccid", ("赛迪",)))
# ... and again, briefly, in the footnote line of the first main-flow slide whose text uses the term in English
# (investors meet "new three" on slide 2, not on the last page): how the English text writes the term (a
# lower-case pattern), the slide's note, and its shortest form for a footnote line that would not fit otherwise
TERM_NOTES = {
    "above_size": (r"above[- ]scale|above designated size",
                   '"Above-scale" (above designated size): industrial firms with annual revenue of CNY 20 mn '
                   "or more (our\u00a0note)",
                   '"Above-scale": annual revenue CNY 20 mn+ (our\u00a0note)'),
    "new_three": (r"new three",
                  '"New three": EVs, lithium batteries and solar products (our\u00a0note)',
                  '"New three": EVs, batteries, solar (our\u00a0note)'),
    "hundred_billion": (r"hundred[- ]billion|100[- ]?bn[- ]class|100[- ]billion[- ]yuan[- ]class",
                        '"Hundred-billion-yuan class": a scale of CNY 100 bn or more (our\u00a0note)',
                        '"Hundred-billion class": CNY 100 bn+ (our\u00a0note)'),
    "etdz": (r"\bETDZ\b", '"ETDZ": economic and technological development zone, an industrial park (our\u00a0note)',
             '"ETDZ": development zone (our\u00a0note)'),
    "miit": (r"\bMIIT\b", '"MIIT": Ministry of Industry and Information Technology (our\u00a0note)',
             '"MIIT": industry ministry (our\u00a0note)'),
    "g60": (r"\bG60\b", '"G60 corridor": a Yangtze River Delta sci-tech cooperation zone (our\u00a0note)',
            '"G60": a Delta sci-tech corridor (our\u00a0note)'),
    "enclave": (r"\benclaves?\b", '"Enclave": a city\'s own office or lab in another region (our\u00a0note)',
                '"Enclave": an office elsewhere (our\u00a0note)'),
    "one_thing": (r'"one thing"', '"One thing" reform: one application for all steps of a matter (our\u00a0note)',
                  '"One thing": one application (our\u00a0note)'),
    "new_quality": (r"new quality productive forces", '"New quality productive forces": official term for '
                    'innovation-led growth (our\u00a0note)',
                    '"New quality forces": innovation-led growth (our\u00a0note)'),
    "ccid": (r"\bCCID\b", '"CCID": China Center for Information Industry Development (our\u00a0note)',
             '"CCID": a research institute (our\u00a0note)'),
}


def _term_kept(note: str) -> str:
    """Return a term note with the quoted term it explains kept on one line ('"G60 / corridor"' broke)."""
    return re.sub(r'^"[^"]+"', lambda m: m.group(0).replace(" ", "\u00a0"), note)


TERM_NOTES = {key: (pattern, _term_kept(note), _term_kept(short)) for key, (pattern, note, short) in TERM_NOTES.items()}


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
