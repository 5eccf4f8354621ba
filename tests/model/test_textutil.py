"""Quoting a source sentence in the speaker notes (srbrief.model.textutil): the sentence a clause is in, and an
excerpt of a long one around its clauses, cut only between clauses and marked where it was cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from srbrief.model.textutil import clause_in_sentence, excerpt, sentence_of

SEGMENT = st.text(alphabet="上饶产业园区企业出口增长亿元家个12345", min_size=1, max_size=30)


def test_the_sentence_of_a_clause() -> None:
    text = "标题\n——狠抓骨干企业,实施龙头企业壮大行动,推动创新。下一句;再一句!“引语一句。”他说。"
    # no heading dash:
    assert sentence_of(text, "实施龙头企业壮大行动") == "狠抓骨干企业,实施龙头企业壮大行动,推动创新。"
    assert sentence_of(text, "下一句") == "下一句;再一句!"
    assert sentence_of(text, "引语一句") == "“引语一句。”"  # a quotation's closing mark belongs to it
    assert sentence_of(text, "不在文中") == "不在文中"
    assert clause_in_sentence(text, "标题") == ("", "标题", "")


def test_a_long_sentence_is_quoted_around_its_clause_subject_first() -> None:
    sentence = ("上饶深化落实行动计划,聚焦产业体系,十二条产业链现代化水平全面提升,打造六个先进制造业集群,"
                "带动全市出口增长。")
    assert excerpt(sentence, ["聚焦产业体系"], 200) == sentence
    assert excerpt(sentence, ["聚焦产业体系"], 20) == "上饶深化落实行动计划,聚焦产业体系……"
    assert excerpt(sentence, ["打造六个先进制造业集群"], 12) == "……打造六个先进制造业集群……"
    semis = "首句很长很长很长很长很长;2024年营收达6261亿元,连续26个月全省第二;末句。"
    assert excerpt(semis, ["2024年营收达6261亿元"], 30) == "……2024年营收达6261亿元,连续26个月全省第二……"


@given(st.lists(SEGMENT, min_size=1, max_size=8), st.lists(st.sampled_from(",;，；"), min_size=8, max_size=8),
       st.data(), st.integers(min_value=4, max_value=120))
def test_an_excerpt_is_verbatim_holds_its_clauses_and_marks_its_cuts(segments: list[str], marks: list[str],
                                                                       data: st.DataObject, limit: int) -> None:
    sentence = "".join(s + m for s, m in zip(segments, marks, strict=False))[:-1] + "。"
    chosen = data.draw(st.lists(st.sampled_from(segments), min_size=1, max_size=3))
    quote = excerpt(sentence, chosen, limit)
    core = quote.removeprefix("……").removesuffix("……")
    assert core in sentence  # verbatim between its marks
    assert all(c in quote for c in chosen)
    assert quote.startswith("……") == (not sentence.startswith(core))
    assert quote.endswith("……") == (not sentence.endswith(core) and core != sentence)
    if len(sentence) <= limit:
        assert quote == sentence
    first = min(sentence.find(c) for c in chosen)
    last = max(sentence.find(c) + len(c) for c in chosen)
    if len(core) > limit:  # longer than the limit only as the clauses' own span between marks
        start = max((i + 1 for i, ch in enumerate(sentence[:first]) if ch in ",;，；"), default=0)
        stop = min((i + 1 for i, ch in enumerate(sentence) if i + 1 >= last and ch in ",;，；"),
                   default=len(sentence))
        assert core == sentence[start:stop].rstrip(",;，；")
