"""Chinese words no line may break inside: the terms of the briefings (industry, economy, places, the deck's own
words). Qt-free and toolkit-free. Chinese is set without spaces, so a line may break between any two characters;
a break inside a word ("季/度", "交/付率", "产/业链") reads as a typo, so the line breaking of srbrief.textlayout
keeps words whole: the longest word of a word list built from jieba's dictionary (resources/zhwords) and, over
them, these and the briefing's own terms (longest match first).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_TERMS = """
上饶 江西 浙江 福建 安徽 江苏 上海 杭州 南昌 宁波 温州 金华 衢州 鹰潭 景德镇 长三角 全省 全市 全国 全球 省内 省外 国际
国家 制造业 制造 产业链 产业 企业 企业数 行业 工业 规上 规模 营业收入 营业 收入 营收 增加值 增速 增长 同比 年均 净增
新增 累计 现代化 数字化 智能化 转型 改造 改造率 平台 互联网 标识 解析 解析量 节点 二级 接入 数据 实时 联动 专用 通道
首条 唯一 光伏 新能源 有色金属 金属 非金属 材料 电子信息 锂电 汽车 机械 化工 食品 纺织 服装 医药 生物医药 家具 营收规模
现代家具 绿色 光学 大脑 赋能 良品率 交付率 交付 准时 订单 处理 效率 生产 生产力 成本 降低 提升 提高 供应商 基地 龙头
骨干 单人 产出 季度 个月 第一方阵 方阵 保持 连续 排名 百强 百强市 先进 集群 矩阵 千亿级 百亿级 园区 经开区 开发区 矿区
名录 工厂 晶科能源 能源 组件 出货量 电池 转化 转化率 世界纪录 纪录 民营 科技 创新 研发 经费 投入 强度 医疗 器械
医疗器械 专项 资金 放贷 授信 贷款 金融 产品 实训 人次 人才 战略 合作 研究院 学院 大学 行动 计划 目标 重点 水平 形成
发展 主体 经营 持续 壮大 上市 创业板 挂牌 深交所 机构 中心 入驻 基金 政务 服务 事项 跨省通办 通办 陆港 建设 布局 储能
人工智能 生命健康 未来 新质 营商环境 环境 一流 打造 对标 开放 出口 比重 占比 推算 计算 原文 时期 来源 说明 诊所 实现
达到 其中 超过 位居 成为 入选 获得 带动 推动 推进 加快 加速 落实 深化 全面 构建 支撑 拓展 引进 培育 突破 完成 高效
深度 以上 以来 之一 首次 已经 数智贷 单企 攻坚 两年 县级 市县 公司 集团 有限公司 股份 项目 投资 招商 签约 开工 竣工
投产 达产 产值 税收 利润 外贸 进口 班列 开行 铁路 高铁 港口 物流 航线 门户 枢纽 走廊 示范 试点 政策 改革 体系 机制
领域 环节 链条 链主 配套 协同 融合 优势 特色 体现 嘱托 考察 总书记 产业体系 联盟 走廊 工业企业 重点产业链 发展矩阵
促进中心 科创走廊 产业园区 平均 行为 作为 认为 因为 以及 并且 存在 现在 面对 针对 方向 面向 导向 位于 关于 对于 由于
用于 属于 等于 处于 基于 高于 低于 大于 而已 曾经 经济 即将 参与 涉及 供给 对比 相比 相当 来自 各自 直至 乃至 可以
所以 根据 依据 转让 促使 即使 变更 自由 理由 更新 最终 最高 还是 仍然 均衡 再生 才能 就业 都市 也是 从事 从而 为主
双向 飞地 松江 科创 人才 另有 东大门 加入 网络 连接 覆盖 强化 保障 建成 一盘棋 提供 开展 设立 成立 组建 举办 围绕
两年来 多年来 近年来 今年以来 强市 资金链 人才链 政策链 创新链 通江达海 新质生产力 研发实力 单企单人 获批 民营企业
产业学院 企业数据 附录 备注 简报 语句 收录 出处 报道 计算值 摘要 大事记 示意图 参照 装机 容量 兆瓦 分布式
电站 技能 培训 组织
"""
# a Chinese numeral and its measure word are one word too (两个园区, 三个基金), as a number and its unit are
_COUNTS = {n + m for n in "一二三四五六七八九十两几多" for m in "个家条项次年位批种"}
WORDS = frozenset(_TERMS.split()) | frozenset(_COUNTS)

# One-character prepositions, conjunctions and adverbs that belong to what follows them (于2025年, 已入驻, 和矿区,
# 把优势, 向西): no line ends with one (a word that ends in one, 位于, 已经, 以及, is in WORDS and stays whole).
LEADING = frozenset("于已在把被将对向从为与及和并也都又再就才均仍还更最很亦皆曾却自由以至按比给让使经当如")

TERM_MOST = 8  # characters: a briefing's own label or name up to this long is a term (longer ones are phrases)
LONGEST = max(TERM_MOST, *(len(word) for word in WORDS))
_learned: set[str] = set()
_PUNCTUATION = re.compile(r"[\s，、。；：！？（）()“”‘’《》「」,.;:!?/·]+")
_HANZI = re.compile(r"[\u4e00-\u9fff]+")


def briefing_terms(labels: Iterable[str]) -> frozenset[str]:
    """Return the terms a briefing's own *labels* give (figure labels, entity names, chart items): each label of
    two to TERM_MOST Chinese characters, all of them Chinese (数字化诊所, 上饶经开区), and each part of a label
    between its punctuation that is such a term (上饶经开区、上饶高新区)."""
    found = set()
    for label in labels:
        for part in _PUNCTUATION.split(label):
            if 2 <= len(part) <= TERM_MOST and _HANZI.fullmatch(part) and part not in WORDS:
                found.add(part)
    return frozenset(found)


def learn(terms: Iterable[str]) -> bool:
    """Add *terms* (see briefing_terms) to the words no line breaks inside; return whether any was new (the
    caller then forgets what it cut with the old words)."""
    new = {t for t in terms if 2 <= len(t) <= TERM_MOST} - _learned - WORDS
    _learned.update(new)
    return bool(new)


def segments(chars: str) -> list[tuple[int, int]]:
    """Return the words of *chars* (Chinese characters only) as (start, stop) spans: the longest word of the word
    list (DICTIONARY, jieba's words: "全省/第三", "人才/资源", "今年") at each place from the end, never cutting
    inside a word of WORDS or a learned term (longest match first: the briefing's terms win)."""
    cuts: set[int] = {len(chars)}
    end = len(chars)
    while end > 0:  # from the end (backward longest match reads Chinese better than forward: 并于今年, not 于今|年)
        length = next((n for n in range(min(DICTIONARY_LONGEST, end), 1, -1) if _listed(chars[end - n:end])), 1)
        word = chars[end - length:end]
        if length > 1 and word[-1] in LEADING and word not in WORDS and word not in _learned:
            cuts.add(end - 1)  # a preposition the list took with the word before it (1家为|一个): its own
        end -= length
        cuts.add(end)
    cuts.discard(0)
    at = 0
    while at < len(chars):
        length = longest_word(chars[at:])
        cuts.difference_update(range(at + 1, at + length))
        at += length
    stops = sorted(cuts | {len(chars)})
    return list(zip([0, *stops[:-1]], stops, strict=True))


DICTIONARY = "zhwords/words.txt"  # written by packaging/zhwords/build_words.py from jieba's dictionary
DICTIONARY_LONGEST = 6


def _listed(word: str) -> bool:
    """Return whether *word* is in DICTIONARY."""
    rests = _dictionary().get(word[:1])
    return rests is not None and f"|{word[1:]}|" in rests


@functools.cache
def _dictionary() -> dict[str, str]:
    """Return the word list: each first character with the rests of its words between '|' marks ("业|链|务|"),
    read when first needed (about 1 MB; a few milliseconds); empty when it cannot be read (the dictionary's
    words above still hold)."""
    from srbrief.resources import resource

    try:
        text = resource(DICTIONARY).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return {}
    return {line[0]: line[1:] for line in text.splitlines() if line}


def longest_word(chars: str) -> int:
    """Return the length of the longest word of WORDS or the learned terms that *chars* starts with (1: no word,
    one character)."""
    for length in range(min(LONGEST, len(chars)), 1, -1):
        if chars[:length] in WORDS or chars[:length] in _learned:
            return length
    return 1
