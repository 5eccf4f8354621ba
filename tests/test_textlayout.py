"""One way to measure and break text: widths from the bundled font, kinsoku, no lone last character."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from srbrief.textlayout import (
    NO_END,
    NO_START,
    SAFETY,
    SHORTEST_LAST,
    SOFT_HYPHEN,
    UNIT_CHARS,
    balanced_lines,
    break_lines,
    fit_text,
    font_measurer,
    is_hanzi,
    is_lone,
    is_wide,
    join_lines,
    largest_fitting,
    learn_terms,
    shown,
    tokens,
    unsplit,
)
from srbrief.zhwords import LEADING, WORDS, briefing_terms

ALPHABET = "上饶制造业强市光伏有色金属（）「」、。，%：Ab cd 12.5 ()"
texts = st.text(alphabet=ALPHABET, max_size=120)


def test_chinese_is_measured_exactly_and_latin_with_a_margin() -> None:
    exact, safe = font_measurer(1.0), font_measurer()
    assert exact.width("上饶", 20) == 40  # one em each, in every CJK font
    assert safe.width("上饶", 20) == 40
    assert safe.width("Shangrao", 20) == pytest.approx(exact.width("Shangrao", 20) * SAFETY)
    assert 0 < exact.width("i", 20) < exact.width("W", 20) < 20


@given(texts)
def test_tokens_keep_every_character_in_order(text: str) -> None:
    assert "".join(tokens(text)) == text


@settings(max_examples=200)
@given(texts, st.floats(min_value=20, max_value=400))
def test_lines_fit_and_follow_kinsoku(text: str, width: float) -> None:
    assume(not re.search(r"[(（「] ", text))  # an opening bracket followed by a space opens nothing
    measurer = font_measurer()
    lines = break_lines(text, width, 12, measurer)
    assert join_lines(lines).replace(" ", "") == text.replace(" ", "")
    for number, line in enumerate(lines):
        if number and line:
            assert line[0] not in NO_START
        single = len(tokens(line.rstrip(" "))) <= 1
        assert single or measurer.width(line.rstrip(" "), 12) <= width + 1e-6  # a kept space takes no room
        if number < len(lines) - 1 and line and not single:
            assert line[-1] not in NO_END or not is_wide(line[-1])  # a Latin bracket may sit inside a word


def test_kinsoku_moves_punctuation_with_its_character() -> None:
    measurer = font_measurer()
    lines = break_lines("上饶制造业强市，光伏", 12 * 7, 12, measurer)  # seven characters a line
    assert lines == ["上饶制造业", "强市，光伏"]  # the comma takes its word along to the next line
    lines = break_lines("上饶制造业（强市）", 12 * 6, 12, measurer)
    assert not lines[0].endswith("（")


def test_no_chinese_character_alone_on_the_last_line() -> None:
    measurer = font_measurer()
    label = "甲乙丙丁戊己庚辛壬癸子丑"  # 12 characters (no word among them) in a line of 11
    natural = break_lines(label, 11 * 15, 15, measurer, widows=False)
    assert [len(line) for line in natural] == [11, 1]
    assert [len(line) for line in break_lines(label, 11 * 15, 15, measurer)] == [9, 3]  # a quarter at least


@pytest.mark.parametrize(("text", "word"), [("光伏龙头企业全球生产基地", "基地"),
                                            ("汽车骨干企业订单准时交付率", "交付率"),
                                            ("162项政务服务事项实现“跨省通办”", "“跨省通办”"),
                                            ("连续17个季度保持全省第一方阵", "第一方阵"),
                                            ("正式加入G60科创走廊产业园区联盟的园区", "联盟"),  # the reviewer's 联/盟
                                            ("依据《上饶日报》，《挺起制造强市“硬脊梁”》", "《挺起制造强市“硬脊梁”》")])
def test_no_line_breaks_inside_a_word_or_a_quoted_term(text: str, word: str) -> None:
    measurer = font_measurer()
    for chars in range(len(word), len(text)):  # any line at least as wide as the word
        lines = break_lines(text, chars * 15, 15, measurer)
        assert any(word in line for line in lines), (chars, lines)


def test_the_widow_rule_never_makes_a_line_too_wide() -> None:
    """Found by the property test: moving a character down must not push the last line past the width."""
    measurer = font_measurer()
    lines = break_lines("1亍亍亍、", 32, 12, measurer)  # (characters that make no word: 上上 is one)
    assert all(measurer.width(line, 12) <= 32 for line in lines)


def test_fit_finds_the_largest_size_that_fits() -> None:
    measurer = font_measurer()
    fit = fit_text(["上饶" * 20], 200, 80, 30, 8, measurer)
    assert fit.fits and 8 <= fit.size < 30
    larger = fit_text(["上饶" * 20], 200, 80, fit.size + 1, fit.size + 1, measurer)
    assert not larger.fits
    assert not fit_text(["上饶" * 2000], 200, 80, 30, 8, measurer).fits  # at the smallest, marked


def test_the_shipped_measuring_table_matches_the_bundled_font() -> None:
    """The app measures from a small table beside the font (no fontTools at start-up); it must be the font's."""
    from srbrief.resources import resource
    from srbrief.textlayout import ADVANCES_FILE, advances_json

    assert resource(ADVANCES_FILE).read_text(encoding="utf-8") == advances_json()


words = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz,0123456789-", min_size=1, max_size=18), min_size=1,
                 max_size=12)


@settings(max_examples=300)
@given(words, st.floats(min_value=12, max_value=300))
def test_lines_join_back_into_the_text_exactly(parts: list[str], width: float) -> None:
    """A word split because it is wider than a line comes back whole ('attendances', never 'atten dances'),
    and words that met at a break get their one space back."""
    assume(not any(part.startswith(",") for part in parts))  # " ,x": a comma after a space stays with the word before
    text = " ".join(parts)
    lines = break_lines(text, width, 12, font_measurer())
    assert join_lines(lines) == text


def test_a_split_word_is_marked_and_drawn_with_a_hyphen() -> None:
    lines = break_lines("over 10,000 attendances", 60, 12, font_measurer())
    assert join_lines(lines) == "over 10,000 attendances"
    split = [line for line in lines if line.endswith(SOFT_HYPHEN)]
    assert split and all(shown(line).endswith("-") for line in split)


def test_fitting_shrinks_rather_than_split_a_word() -> None:
    measurer = font_measurer()
    word = "manufacturing"
    fit = fit_text([f"advanced {word} cluster"], measurer.width(word, 20) * 0.9, 200, 20, 10, measurer)
    assert fit.fits and fit.size < 20
    assert all(not line.endswith(SOFT_HYPHEN) for line in fit.lines[0])
    assert word in fit.lines[0]


def test_largest_fitting_is_the_largest_size_that_fits() -> None:
    assert largest_fitting(30, 10, lambda size: size <= 17.5) == 17
    assert largest_fitting(36, 16, lambda size: size <= 29, step=2) == 28
    assert largest_fitting(30, 10, lambda size: False) == 10


@pytest.mark.parametrize(("text", "width"), [
    ("上饶光伏产业集群入选国家先进制造业集群名单，迈入国家级", 26 * 20),
    ("规上工业营业收入连续26个月保持全省第二，总额达2.1亿元", 26 * 19),
    ("Shangrao's photovoltaic cluster joined the national list of advanced manufacturing clusters", 700),
])
def test_titles_break_into_lines_of_similar_length(text: str, width: float) -> None:
    measurer = font_measurer()
    greedy = break_lines(text, width, 26, measurer, bold=True)
    lines = balanced_lines(text, width, 26, measurer, bold=True)
    assert len(lines) == len(greedy) == 2
    assert join_lines(lines) == text
    widths = [measurer.width(line, 26, True) for line in lines]
    assert max(widths) <= width + 1e-6
    assert min(widths) >= 0.6 * max(widths)  # no orphan (级, 2.1亿元) alone on the second line


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["基金", "上饶", "(derived", "Fund", "2024年", "note)", "“新三样”"]), min_size=1,
                max_size=14), st.floats(min_value=30, max_value=200))
def test_mixed_chinese_and_latin_join_back_with_their_spaces(parts: list[str], width: float) -> None:
    text = " ".join(parts)
    assert join_lines(break_lines(text, width, 12, font_measurer())) == text


WORDS_EN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
HANZI = st.text(alphabet="甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地人和", min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.one_of(WORDS_EN, HANZI), min_size=1, max_size=40), chinese=st.booleans(),
       ems=st.floats(min_value=24, max_value=60), size=st.sampled_from([12.0, 14.0, 20.0]))
def test_no_last_line_shorter_than_a_quarter_of_the_box(words: list[str], chinese: bool, ems: float,
                                                         size: float) -> None:
    """Whatever the text and the width (four times its longest word at least), a wrapped text's last line is
    a quarter of the width or more: the line before gives up words (an orphan such as 'tier' or '体系')."""
    measurer = font_measurer()
    text = "".join(w for w in words if w[0] > "z") if chinese else " ".join(words)  # Chinese: no Latin runs
    assume(text)
    width = ems * size
    lines = break_lines(text, width, size, measurer)
    if len(lines) > 1:
        assert measurer.width(lines[-1].rstrip(" "), size) >= SHORTEST_LAST * width - 1e-6, lines
        assert join_lines(lines) == text
        assert all(measurer.width(line.rstrip(" "), size) <= width + 1e-6 for line in lines)


ZH_WORDS = sorted(w for w in WORDS if len(w) >= 2 and all(map(is_hanzi, w)))
ZH_UNITS = st.one_of(
    st.sampled_from(ZH_WORDS),
    st.builds("{}{}".format, st.integers(1, 9999), st.sampled_from("家个条项亿元月")),
    st.sampled_from(sorted(LEADING)),
    st.sampled_from(["，", "、", "。", "："]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ZH_UNITS, min_size=2, max_size=24), st.integers(6, 20))
def test_chinese_lines_break_between_words_never_after_a_leading_character(units: list[str], ems: int) -> None:
    """Random texts of dictionary words, counts, prepositions and punctuation: where the dictionary cuts the text
    as it was written, no line breaks inside a word or a number and its unit, and no line ends with a
    one-character preposition or adverb that has a word or number after it."""
    text = "".join(units)
    starts, at = [], 0
    for unit in units:
        starts.append(at)
        at += len(unit)
    inside = {start + k for start, unit in zip(starts, units, strict=True) for k in range(1, len(unit))}
    cut, at = set(), 0
    for token in tokens(text):
        at += len(token)
        cut.add(at)
    assume(not inside & cut)  # the dictionary reads the words as written (not 产业链|条 for 产业|链条)
    measurer = font_measurer()
    assume(all(measurer.width(token, 12) <= ems * 12 for token in tokens(text)))  # no token split for want of room
    lines = break_lines(text, ems * 12, 12, measurer)
    assert join_lines(lines) == text
    at = 0
    for line in lines[:-1]:
        at += len(line)
        before, after = text[:at], text[at:]
        assert at not in inside, (before, after)
        assert not (before[-1].isdigit() and after[0] in UNIT_CHARS), (before, after)
        lone = before[-1] in LEADING and not any(before[-n:] in WORDS for n in range(2, 9))  # not 由于, 已经
        assert not (lone and (is_hanzi(after[0]) or after[0].isdigit())), (before, after)


def test_a_briefings_own_terms_stay_whole() -> None:
    """A label of the briefing (数字化诊所, not in the dictionary) is a term once learned; a count stays with it."""
    text = "强化保障：建成促进中心1个、数字化诊所13家，推动规上企业改造"
    learn_terms(briefing_terms(["数字化诊所", "列入工信部2024年全国5G工厂名录的企业"]))
    assert "数字化诊所13家，" in tokens(text)
    assert not briefing_terms(["列入工信部2024年全国5G工厂名录的企业"])  # a phrase, not a term
    for ems in range(10, 24):  # the term and its count fit a line
        lines = break_lines(text, ems * 20, 20, font_measurer(), bold=True)
        assert any("数字化诊所13家" in line for line in lines), lines


@pytest.mark.parametrize("text", ["two-tier, value-added growth of above-scale manufacturers",
                                  "Pharma-chemical new materials on the optical-industry platform"])
def test_hyphenated_compounds_are_one_word(text: str) -> None:
    """The layout never breaks after a compound's hyphen when the compound fits a line."""
    measurer = font_measurer()
    for ems in range(10, 30):  # every compound fits a line (narrower, one is split where it must)
        for line in break_lines(text, ems * 10, 10, measurer):
            assert not line.endswith(("-", SOFT_HYPHEN)), line



def test_a_card_label_keeps_its_words_whole_at_a_narrow_width() -> None:
    """The consultant's re-check: zh-06's narrow card read "晶科能源营收 / 规模在全省 / …" (营收规模 split)."""
    from srbrief.textlayout import break_lines, font_measurer

    lines = break_lines("晶科能源营收规模在全省民营企业中的排名", 95, 15.0, font_measurer())
    assert "营收规模" in lines or any("营收规模" in line for line in lines)


EN_WORDS = st.one_of(WORDS_EN, st.sampled_from(["the", "a", "of", "and", "above-scale", "Pharma-chemical", "100",
                                                "CNY", "bn", "No.", "1", "board.", "size,"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(EN_WORDS, min_size=1, max_size=30), st.floats(min_value=40, max_value=400),
       st.sampled_from([14.0, 16.0, 20.0]))
def test_english_wrapping_keeps_the_text_and_leaves_no_lone_last_word(words: list[str], width: float,
                                                                     size: float) -> None:
    """The wrapping routine on any English text: it never loses, adds or reorders a character; no line is wider
    than the width unless it is a single word wider than the width itself (split then, and marked); and the last
    line is never a lone word (see is_lone) when the paragraph has three words or more and the line before could
    give it its last word: the last line would still fit and the line before keep two words."""
    measurer = font_measurer()
    text = " ".join(words)
    lines = break_lines(text, width, size, measurer)
    assert join_lines(lines) == text
    split = any(line.endswith(SOFT_HYPHEN) for line in lines)
    for line in lines:
        ink = shown(line).rstrip(" ")
        assert measurer.width(ink, size) <= width + 1e-6 or len(tokens(unsplit(ink))) == 1, (line, lines)
    if len(lines) > 1 and not split and len(text.split()) >= 3 and is_lone(lines[-1]):
        before = tokens(lines[-2].rstrip(" ") + " ")  # words and the terms kept whole ('CNY 100')
        moved = before[-1] + lines[-1].strip()
        assert len("".join(before[:-1]).split()) < 2 or measurer.width(moved.rstrip(), size) > width, lines


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ZH_WORDS), min_size=2, max_size=20), st.integers(5, 24))
def test_chinese_text_never_ends_on_one_or_two_characters(words: list[str], ems: int) -> None:
    """A Chinese paragraph wrapped at any width never ends on a line of one or two characters where the line
    before could give it its last word (the last line would still fit) — '体系' alone under a label."""
    measurer = font_measurer()
    text = "".join(words)
    lines = break_lines(text, ems * 15, 15, measurer)
    assert join_lines(lines) == text
    assert all(measurer.width(line, 15) <= ems * 15 + 1e-6 for line in lines)
    if len(lines) > 1 and is_lone(lines[-1]):
        last_word = tokens(lines[-2])[-1]
        assert len(tokens(lines[-2])) < 2 or measurer.width(last_word + lines[-1], 15) > ems * 15, lines


@pytest.mark.parametrize(("text", "term"), [
    ("Revenue of industrial enterprises above designated size", "above designated size"),
    ("Shangrao has one park and one company of the hundred-billion-yuan class", "hundred-billion-yuan class"),
    ("Park of the CNY 100 bn class in the province", "CNY 100 bn"),
    ("JinkoSolar is No. 1 in cumulative PV module shipments", "No. 1"),
])
def test_english_terms_stay_on_one_line(text: str, term: str) -> None:
    """A term of the statistics, an amount with its multiplier and a rank are never broken across lines (at any
    width that holds the term)."""
    measurer = font_measurer()
    for ems in range(4, 40):
        if measurer.width(term, 16) > ems * 16:
            continue
        lines = break_lines(text, ems * 16, 16, measurer)
        assert any(term in line for line in lines), (ems, lines)


def test_a_lone_last_word_takes_a_word_from_the_line_before() -> None:
    """The consultant's examples: 'above designated / size', 'manufacturing chains across / the board.' and a
    line before the last that ends in an article ('a company of the / hundred-billion-yuan class')."""
    measurer = font_measurer()
    card = break_lines("Revenue of industrial enterprises above designated size", 377, 18, measurer)
    assert card[-1] == "above designated size"
    bullet = break_lines('Under the "1269" action plan, Shangrao aims to raise the modernisation of its key '
                         "manufacturing chains across the board.", 293, 16, measurer)
    assert not is_lone(bullet[-1]) and bullet[-1].endswith("the board.")
    column = break_lines("Shangrao aims to modernise 12 key industrial chains and already has a park, industries "
                         "and a company of the hundred-billion-yuan class", 273, 14, measurer)
    assert not column[-2].rstrip().endswith((" the", " a")) and column[-1] != "hundred-billion-yuan class", column
    assert is_lone("size") and is_lone("the board.") and is_lone("体系。") and not is_lone("PV maker")
    assert not is_lone("产业体系")


# words the reviewers saw broken on cards, in the appendix and in the handout's notes (issue 19)
BROKEN_BEFORE = [("位居全省第三。", "第三"), ("两年来，上饶坚持让工业经济挑大梁", "两年来"),
                 ("已接入企业700余家", "700余家"), ("并于今年9月10日挂牌上市", "今年"),
                 ("深度开发数字化转型人才资源", "资源"), ("聚焦政策链融合发展困境", "困境"),
                 ("入选中国医疗器械研发实力百强企业", "实力"), ("新建分布式光伏电站装机容量", "装机容量"),
                 ("营收规模位居全省民营企业榜首", "民营企业"), ("实现单企单人产出10倍增长", "单人"),
                 ("一场智能化改造", "一场"), ("先后获批设立两大开放平台", "获批")]


@pytest.mark.parametrize(("text", "word"), BROKEN_BEFORE)
def test_no_line_breaks_inside_a_word_the_segmenter_knows(text: str, word: str) -> None:
    measurer = font_measurer()
    for chars in range(max(len(t) for t in tokens(text)), len(text) + 1):  # where its longest token fits
        lines = break_lines(text, 12 * chars, 12, measurer)
        assert any(word in line for line in lines), (chars, lines)


def test_an_opening_bracket_and_a_preposition_never_end_a_line() -> None:
    """The re-check: '…标注报道月份（如 / “2025年10月报道”）。' ended a line on '（如'."""
    text = "原文未给出时期的数据标注报道月份（如“2025年10月报道”）。"
    measurer = font_measurer()
    for chars in range(16, len(text) + 1):
        lines = break_lines(text, 12 * chars, 12, measurer)
        assert not any(line.endswith(("（如", "（")) for line in lines[:-1]), (chars, lines)


def test_the_word_list_is_shipped_small_and_read_quickly() -> None:
    """The words kept whole come from a list built from jieba's dictionary (resources/zhwords, with its licence):
    about a megabyte, no segmenter to import (rjieba held 33 MiB in the app and took 0.12 s to import)."""
    from srbrief.resources import resource
    from srbrief.zhwords import _dictionary, _listed

    assert resource("zhwords/LICENSE-jieba.txt").read_text(encoding="utf-8").count("MIT") >= 1
    words = _dictionary()
    assert len(words) > 3000 and sum(len(rest) for rest in words.values()) < 2_000_000
    assert all(_listed(w) for w in ("第三", "今年", "资源", "装机容量", "人才"))
    assert not _listed("于今年") and not _listed("上")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["word", "a", "(note).", "上饶", "“G60”:", "2025).", "   ", "  ", "Zone."]), min_size=1,
                max_size=30), st.floats(min_value=30, max_value=400))
def test_no_line_after_the_first_starts_with_a_space(parts: list[str], width: float) -> None:
    """A footnote's notes are joined by three spaces; a rule that evens out the lines moved the spaces down and
    the second line began with one (' "G60 corridor"…', the reviewer)."""
    text = " ".join(parts).strip()
    assume(text)
    lines = break_lines(text, width, 12, font_measurer())
    assert not [line for line in lines[1:] if line.startswith(" ")], lines
    assert "".join(join_lines(lines).split()) == "".join(text.split())
