"""Validation messages in the UI language: a Chinese catalogue keyed by the kind of problem (the English message's
fixed words, with its variable parts captured and carried over), English only for a kind not catalogued.
Qt-free (the form and the dialogs ask it). :func:`coverage` measures how many message kinds have Chinese.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# (the English message as a pattern, its Chinese with {0}, {1} … for the captured parts); first match wins.
CATALOGUE: tuple[tuple[str, str], ...] = (
    (r"the value (.+?) is not what its clause states \(“(.+?)” says (.+?)\); cite a clause that states it.*",
     "数值 {0} 不是其原文语句所写的数（“{1}”写的是 {2}）；"
     "请引用写明该数的语句（出处），或说明它是如何计算的（计算值）"),
    (r"direction: (.+?) — but its clause says the other way \(“(.+?)” in “(.+?)”\); give the direction.*",
     "变化方向为 {0}，但原文语句写的是相反方向（“{2}”中的“{1}”）；请按原文语句填写方向"),
    (r"direction: (.+?) — its clause \(“(.+?)”\) does not say the figure (.+?) \(no word such as "
     r"(.+?)\); cite the clause.*",
     "变化方向为 {0}，但原文语句（“{1}”）没有写明升降（没有{3}等字）；请引用写明升降的语句，或不填方向"),
    (r"source clause not found verbatim in the text of (.+)", "出处语句在文件 {0} 的全文中找不到原句"),
    (r"unknown source document (.+?) \(the briefing's sources: (.*)\)", "没有来源文件 {0}（简报的来源文件：{1}）"),
    (r"(.+?) written as a literal: write a .*",
     "{0} 以字面数字写出：请改为引用对应的数字，写作 {{数字的标识}}（不是数字的写作 {{=…}}）"),
    (r"\{(.+?)\} refers to no figure(.*)", "{{{0}}} 没有对应的数字{1}"),
    (r"expected a number, got (.+)", "应为数字，实际是 {0}"),
    (r"expected a finite number, got (.+)", "应为有限的数字，实际是 {0}"),
    (r"expected a whole number, got (.+)", "应为整数，实际是 {0}"),
    (r"expected true or false, got (.+)", "应为“是”或“否”，实际是 {0}"),
    (r"expected a list, got (.+)", "应为列表，实际是 {0}"),
    (r"expected one of (.+?); got (.+)", "应为以下之一：{0}；实际是 {1}"),
    (r"expected (.+?), got nothing \(null\)", "应为{0}，但这里是空的"),
    (r"expected (.+?), got (.+)", "应为{0}，实际是 {1}"),
    (r"must not be empty", "不能为空"),
    (r"too long: (\d+) characters; the limit here is (\d+)", "太长：{0} 个字符，此处上限为 {1}"),
    (r"(.+?) does not match the expected form .*", "{0} 的格式不对"),
    (r"must be at least (.+?), got (.+)", "不能小于 {0}（实际是 {1}）"),
    (r"must be at most (.+?), got (.+)", "不能大于 {0}（实际是 {1}）"),
    (r"unknown field (.+?) \(expected one of: (.+)\)", "未知字段 {0}（可用：{1}）"),
    (r"missing translation (.+)", "缺少译文 {0}"),
    (r"missing \(required\)", "缺少（必填）"),
    (r"at most (\d+) items, got (\d+)", "最多 {0} 项，实际有 {1} 项"),
    (r"duplicate id (.+?) \(first used at (.+)\)", "标识 {0} 重复（首次出现在 {1}）"),
    (r"unknown id (.+)", "没有标识为 {0} 的条目"),
    (r"(.+?) is a (\w+), expected a (.+)", "{0} 是{1}，这里需要{2}"),
    (r"a briefing needs at least one section", "简报至少需要一个板块"),
    (r"the first section, and only it, must have kind: overview", "第一个板块（且只有它）必须是总览"),
    (r"a theme needs a number \(1, 2, 3 \.\.\.\)", "主题板块需要序号（1、2、3……）"),
    (r"theme number (\d+) is used twice", "主题序号 {0} 用了两次"),
    (r"qualifiers rank and top go with unit rank.*", "限定“名次”和“前N”要与单位“位”一起使用"),
    (r"a rank must be a whole number from 1, got (.+)", "名次必须是从 1 起的整数，实际是 {0}"),
    (r"values are not negative; use direction: decrease for a fall", "数值不能为负；下降请用方向“下降”"),
    (r"a place needs a location.*", "地点需要经纬度"),
    (r"(.+?) is not a place", "{0} 不是地点"),
    (r"a route needs at least two places", "路线至少需要两个地点"),
    (r"a two-way link joins two places: give its route as \[place, place\]",
     "双向对接连接两个地点：路线请写作 [地点, 地点]"),
    (r"(.+?) is not a date that exists", "{0} 不是存在的日期"),
    (r"the period ends \((.+?)\) before it starts \((.+?)\)", "时期的结束（{0}）早于开始（{1}）"),
    (r"(.+?) is too small to show; non-zero values are at least (.+)", "{0} 太小，无法显示；非零数值至少为 {1}"),
    (r"(.+?) has more than (\d+) decimal places; round it.*", "{0} 的小数超过 {1} 位；请四舍五入"),
    (r"(.+?) is (.+?) %: a share cannot be more than 100 %", "{0} 为 {1}%：占比不能超过 100%"),
    (r"(.+?) is the overview; the summary sums up themes", "{0} 是总览；执行摘要只概括主题板块"),
    (r"the theme (.+?) is summed up twice", "主题 {0} 被概括了两次"),
    (r"say how the value was derived: .*", "请说明该数值是如何计算的（计算值的说明）"),
    (r"a message needs the clauses it rests on: .*", "要点需要引用它所依据的原文语句（其他出处）"),
    (r"a briefing cites at least one source document", "简报至少要引用一个来源文件"),
    (r"source document (.+?) is listed twice", "来源文件 {0} 列出了两次"),
    (r"cannot read the document's text (.+?): (.+)", "无法读取文件全文 {0}：{1}"),
    (r"mixes units \((.+?)\) on one axis; chart one unit", "同一坐标轴混用了单位（{0}）；一张图只用一种单位"),
    (r"a bar chart needs metrics of one kind of quantity, got .+? \((.+?)\): .*",
     "柱状图的数字须为同一类量，所选数字的单位却有 {0}：请改用数字卡片，或只选同一单位的数字"),
    (r"a (\w+) chart shows facts that list items", "{0} 图表显示的是列有条目的事实"),
    (r"a lone (.+?) at position (\d+): .*", "第 {1} 个字符处有单独的 {0}：大括号请写两个"),
    (r"unknown form '(.+?)' .*", "未知的写法 “{0}”（可用 {{id}}、{{id:num}}、{{id:word}}、{{id:period}}）"),
    (r"'(.+?)' has no period to write: .*", "数字 {0} 没有时期，无法写出其时期：请给这个数字填写时期"),
    (r"(.+?) cannot be written in words \(only whole numbers up to 9999\)",
     "{0} 不能写成汉字数（仅限 9999 以内的整数）"),
    (r"(.+?) is a figure with a qualifier \((.+?)\); write (.+?) so that .*",
     "{0} 带有限定（{1}）；请写作 {2}，以便限定词（超、约）随之写出"),
    (r"unknown unit (.+?): use a built-in unit .*", "未知的单位 {0}：请选用内置单位，或在简报中添加这个新单位"),
    (r"(.+?) is a built-in unit: use it without declaring it", "{0} 是内置单位，直接选用即可，无需添加"),
    (r"the unit (.+?) is declared twice", "单位 {0} 添加了两次"),
    (r"(.+?) is the built-in unit (.+?): use that one", "“{0}”已是内置单位 {1}，请直接选用"),
    (r"(.+?) is not carried by (?:the point's figures|its figure|.+?) as shown in \w+ \((.*?)\); .*",
     "{0} 不在所列数字之中（这些数字显示为 {1}）；请把对应数字加入要点的数字，或引用其中之一"),
    (r"the derived note refers to (.+?), which rests on another clause than this figure: .*",
     "推算说明引用了另一个数字，而那个数字依据的原文已不同于本数字的原文：请照录本数字原文所写（{{=...}}），或一并更新本数字"),
    (r"lists (\d+) items but its title states the figure that counts them \((.+?)\) as (\d+): .*",
     "列出了 {0} 项，而标题写出的数字为 {2}：请列出这个数字所数的每一项，或标题不再写出这个数字"),
    (r"a (\w+) chart shows (\d+) to (\d+) metrics", "{0} 图表显示 {1} 至 {2} 个数字"),
    (r"too large a number \((\d+) bits\)", "数字太大（{0} 位）"),
    (r"character (U\+\w+) at position (\d+) cannot be shown or saved.*",
     "第 {1} 个字符 {0} 无法显示或保存（控制字符或非字符）"),
    (r"compares levels of different populations on one axis.*",
     "同一坐标轴上比较了不同对象的总量；柱状图只比较同一指标在不同机构或不同时期的数值（请给每个数字注明所属机构），否则请用数字卡片"),
    (r"compares different measures on one axis.*",
     "同一坐标轴上比较了不同的指标（如效率提升与成本降低）；柱状图只比较同一指标在不同机构或不同时期的数值（请给每个数字注明所属机构），否则请用数字卡片"),
    (r"a line chart needs 2 or more metrics of one unit", "折线图需要两个以上同一单位的数字"),
    (r"a line chart needs metrics with distinct periods", "折线图的数字须各有不同的时期"),
    (r"a share chart shows a part and its whole.*",
     "占比图显示部分与整体（同一单位，部分不大于整体），或 1 至 4 个百分比"),
    (r"a share chart's whole must be greater than zero.*", "占比图的整体必须大于零"),
    (r"a route map shows place entities and facts with a route", "路线图显示地点和带路线的事实"),
    (r"a route map's facts must have a route", "路线图中的事实必须有路线"),
    (r"a bar chart must not mix levels \(no direction\) with changes.*",
     "柱状图不能在同一坐标轴上混用总量（无方向）和变化（增长或下降）；请分开作图"),
    (r"a timeline chart needs events.*", "时间轴图表需要事件：请在条目中列出，或为简报添加大事记"),
    (r"YAML syntax error: (.+)", "YAML 语法错误：{0}"),
    (r"the file is empty", "文件是空的"),
    (r"not UTF-8 text.*", "不是 UTF-8 文本"),
    (r"the value cannot be written so that it reads back exactly as given", "该值无法按原样写入文件"),
    (r"a tab where YAML needs spaces.*", "YAML 需要空格的地方出现了制表符"),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Return the catalogue's patterns compiled, on first use: compiling them all took ~5 ms of every start."""
    return tuple((re.compile(pattern, re.DOTALL), zh) for pattern, zh in CATALOGUE)


def translate(message: str, lang: str) -> str:
    """Return *message* (a validation message in English) in *lang*; a kind not catalogued stays English."""
    if lang != "zh":
        return message
    for pattern, zh in _compiled():
        found = pattern.fullmatch(message.strip())
        if found:
            return zh.format(*(_names(g or "") for g in found.groups()))
    return message


def _names(part: str) -> str:
    """Return a captured part as Chinese writes it: quotes '…' become “…”."""
    return re.sub(r"'([^']*)'", r"“\1”", part)


# Refusals met while typing a text or adding an item, said in the words of the form and its dialogs (the user
# sees labels and buttons, never ids or the file's {…} syntax): (the check's English message as a pattern, the
# Chinese, the English); {0} … are the captured parts. Asked before the catalogue, in both languages.
PLAIN_WORDS: tuple[tuple[str, str, str], ...] = (
    (r"(.+?) written as a literal: write a .*",
     "{0} 是直接写出的数字，但简报中没有写法与它相同的数字：请点“插入数字…”选出它所指的数字"
     "（插入的数字已带单位），或照该数字显示的样子写出（如 6261亿元、第二），它会自动换成那个数字；"
     "没有这个数字就先添加它",
     "{0} is typed as a number, but no figure of the briefing is written that way: click “Insert figure…” "
     "and choose the figure it is (the figure comes with its unit), or type it exactly as the figure reads "
     "(e.g. CNY 626.1 bn, second) and it becomes that figure; add the figure first if there is none"),
    (r"a message needs the clauses it rests on: .*",
     "要点需要出处：请勾选它所依据的数字（其原文语句即为出处），或在“出处”中每行填写一句原文",
     "A message needs its sources: tick the figures it rests on (their sentences become its sources), or type "
     "the article's sentences under Sources, one a line"),
)
_PLAIN = tuple((re.compile(pattern, re.DOTALL), zh, en) for pattern, zh, en in PLAIN_WORDS)


def problem_text(problem: Any, lang: str) -> str:
    """Return a :class:`~srbrief.model.errors.Problem`'s message in *lang* (without its file position), in the
    form's words where :data:`PLAIN_WORDS` has them."""
    message = str(getattr(problem, "message", problem)).strip()
    for pattern, zh, en in _PLAIN:
        found = pattern.fullmatch(message)
        if found:
            return (zh if lang == "zh" else en).format(*found.groups())
    return translate(message, lang)


def is_catalogued(message: str) -> bool:
    """Return whether *message* has a Chinese wording here."""
    return translate(message, "zh") != message


def coverage(messages: list[str]) -> tuple[int, int]:
    """Return (catalogued, total) over the distinct *messages*."""
    distinct = set(messages)
    return sum(is_catalogued(m) for m in distinct), len(distinct)


