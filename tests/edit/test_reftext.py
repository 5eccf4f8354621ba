"""A text with references is edited as pieces: plain runs and references named by their labels; the pieces
joined are the text again, exactly, whatever the labels hold (brackets, braces, the same label twice)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from srbrief.edit.reftext import Piece, joined, pieces, plain, token_label
from srbrief.model.refs import Ref, parse

LABELS = {"revenue": "规上工业营业收入", "rank": "营业收入［全省］排名", "twin": "规上工业营业收入",
          "brace": "名称{含括号}"}
REFERENCES = st.sampled_from(["{revenue}", "{rank}", "{twin}", "{brace}", "{revenue:period}", "{rank:word}",
                              "{twin:num}", "{unknown-id}", "{=第二}", "{=G60}"])
PLAIN = st.text(st.sampled_from("营收达亿元，。abc 12［］【】\n{}=:-"), max_size=12).map(
    lambda s: s.replace("{", "{{").replace("}", "}}"))  # a brace in plain text is written twice
TEXTS = st.lists(st.one_of(REFERENCES, PLAIN), max_size=8).map("".join)


@given(TEXTS, st.sampled_from(["zh", "en"]))
def test_pieces_joined_are_the_text(text: str, lang: str) -> None:
    parts = pieces(text, LABELS, lang)
    assert joined(parts) == text
    for part in parts:
        if not part.reference:  # a plain run holds no reference, as the renderer reads it
            assert not any(isinstance(p, Ref) for p in parse(part.shown)) and "{=" not in part.shown.replace("{{", "")
        else:
            assert part.shown == token_label(part.reference, LABELS, lang)
            assert "{" + "revenue" not in part.shown  # a figure is read by its label, never its id


def test_a_reference_reads_as_its_label_and_form() -> None:
    text = "{revenue:period}营收达{revenue}，{rank:word}，{=第二}，{{原样}}"
    parts = pieces(text, LABELS, "zh")
    assert [p.shown for p in parts if p.reference] == ["规上工业营业收入·时期", "规上工业营业收入",
                                                       "营业收入［全省］排名·文字", "第二"]
    assert plain(parts) == ("［规上工业营业收入·时期］营收达［规上工业营业收入］，"
                            "［营业收入［全省］排名·文字］，［第二］，{{原样}}")
    assert token_label("{revenue:period}", LABELS, "en") == "规上工业营业收入 · period"
    assert token_label("{unknown-id}", LABELS, "zh") == "unknown-id"
    assert pieces("", LABELS, "zh") == [] and pieces("营收", LABELS, "zh") == [Piece("营收")]
