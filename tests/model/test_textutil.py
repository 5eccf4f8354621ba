"""Quoting a source sentence in the speaker notes (srbrief.model.textutil): the sentence a clause is in, and an
excerpt of a long one around its clauses, cut only between clauses and marked where it was cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from srbrief.model.textutil import OPENING_MOST, clause_in_sentence, excerpt, quoted_sentence, sentence_of

SEGMENT = st.text(alphabet="上饶产业园区企业出口增长亿元家个12345", min_size=1, max_size=30)


def test_the_sentence_of_a_clause() -> None:
    text = "标题\n——狠抓骨干企业,实施龙头企业壮大行动,推动创新。下一句;再一句!“引语一句。”他说。"
    # no heading dash:
    assert sentence_of(text, "实施龙头企业壮大行动") == "狠抓骨干企业,实施龙头企业壮大行动,推动创新。"
    assert sentence_of(text, "下一句") == "下一句;再一句!"
    assert sentence_of(text, "引语一句") == "“引语一句。”"  # a quotation's closing mark belongs to it
    assert sentence_of(text, "不在文中") == "不在文中"
    heading = "——强化保障。推出专项产品,授信超5亿元。\n另起一行"  # a heading: with the sentence after it
    assert quoted_sentence(heading, "强化保障") == "强化保障。推出专项产品,授信超5亿元。"
    assert quoted_sentence("势头缘何而来?从三个视角可以感受。下一句", "缘何而来") == "势头缘何而来?从三个视角可以感受。"
    assert clause_in_sentence(text, "标题") == ("", "标题", "")


def test_a_long_sentence_is_quoted_around_its_clause_subject_first() -> None:
    sentence = ("上饶深化落实行动计划,聚焦产业体系,十二条产业链现代化水平全面提升,打造六个先进制造业集群,"
                "带动全市出口增长。")
    assert excerpt(sentence, ["聚焦产业体系"], 200) == sentence
    assert excerpt(sentence, ["聚焦产业体系"], 20) == "上饶深化落实行动计划,聚焦产业体系……"
    # its subject first, what lies between left out
    assert excerpt(sentence, ["打造六个先进制造业集群"], 12) == "上饶深化落实行动计划……打造六个先进制造业集群……"
    semis = "首句很长很长很长很长很长;2024年营收达6261亿元,连续26个月全省第二;末句。"
    assert excerpt(semis, ["2024年营收达6261亿元"], 30) == "……2024年营收达6261亿元,连续26个月全省第二……"


@given(st.lists(SEGMENT, min_size=1, max_size=8), st.lists(st.sampled_from(",;，；"), min_size=8, max_size=8),
       st.data(), st.integers(min_value=4, max_value=120))
def test_an_excerpt_is_verbatim_holds_its_clauses_and_marks_its_cuts(segments: list[str], marks: list[str],
                                                                       data: st.DataObject, limit: int) -> None:
    sentence = "".join(s + m for s, m in zip(segments, marks, strict=False))[:-1] + "。"
    chosen = data.draw(st.lists(st.sampled_from(segments), min_size=1, max_size=3))
    quote = excerpt(sentence, chosen, limit)
    pieces = quote.split("……")
    at = 0
    for piece in pieces:  # verbatim between the marks, in order
        found = sentence.find(piece, at)
        assert found >= 0, (piece, sentence)
        at = found + len(piece)
    assert all(c in quote for c in chosen)
    assert quote.startswith("……") == (not sentence.startswith(pieces[0]) if pieces[0] else True)
    assert quote.endswith("……") == (not sentence.endswith(pieces[-1]) if pieces[-1] else True)
    if len(sentence) <= limit:
        assert quote == sentence
    first = min(sentence.find(c) for c in chosen)
    last = max(sentence.find(c) + len(c) for c in chosen)
    # longer than the limit only by the clauses' own span between marks and a subject before them
    assert len(quote) <= max(limit, last - first + 2) + OPENING_MOST + 4
