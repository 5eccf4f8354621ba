"""Property: random edit sequences on valid files written in other styles (block scalars, flow lists, comments,
anchors, CRLF, CR) change exactly what they edit, keep every comment, and read back the same with both of
PyYAML's scanners and after saving and opening again."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srbrief.edit import Document, RemoveField, SetField
from srbrief.model import BriefingError
from tests.conftest import MINIMAL
from tests.edit.styled import STYLED

TEXTS = st.one_of(
    st.sampled_from(["1e3", "0o17", "yes", "no", "null", "~", "# not a comment", "a: b", "- x", "'q'", '"dq"',
                     "[x]", "{y}", "&a", "*b", "!t", "%", "@", "`", "2025-02-01", "  lead", "trail  ", "a\nb",
                     "x\n", "上饶 制造", "\u3000全角", "é\u0301"]),
    st.text(st.sampled_from("上饶abcXYZ 019-:#'\"{}[],&*!|>%@`\n"), min_size=1, max_size=20),
).filter(lambda s: s.strip() != "" and s.strip() == s.strip("\n").strip())

# (the path in the file, the physical path, how values are drawn)
FIELDS: list[tuple[tuple[Any, ...], st.SearchStrategy[Any]]] = [
    (("sections", 0, "metrics", 0, "label", "en"), TEXTS),
    (("sections", 0, "metrics", 1, "label", "en"), TEXTS),
    (("sections", 0, "metrics", 1, "label", "zh"), TEXTS),
    (("sections", 0, "lede", "en"), TEXTS),
    (("sections", 0, "lede", "zh"), TEXTS),
    (("sections", 0, "metrics", 0, "value"), st.one_of(st.integers(0, 10**12), st.floats(0.01, 1e9).map(
        lambda v: round(v, 2)))),
    (("sections", 0, "charts", 0, "items"), st.sampled_from([["revenue"], ["suppliers"], ["suppliers", "revenue"],
                                                              ["revenue", "suppliers"]])),
    (("sections", 1, "facts", 0, "route"), st.sampled_from([["shangrao", "ningbo"], ["ningbo", "shangrao"]])),
    (("sections", 0, "metrics", 1, "note"), st.one_of(st.none(), st.fixed_dictionaries({"zh": TEXTS,
                                                                                       "en": TEXTS}))),
    (("timeline", 0, "text", "en"), TEXTS),
]
STEP = st.integers(0, len(FIELDS) - 1).flatmap(lambda i: st.tuples(st.just(i), FIELDS[i][1]))


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    if value is None:
        data.pop(path[-1], None)
    else:
        data[path[-1]] = value


COMMENTS = ["# the title", "# same as the title", "# literal", "# folded", "# an anchor nobody uses", "# first",
            "# the corridor", "# start"]


def _comments(text: str) -> list[str]:
    return [comment for comment in COMMENTS if comment in text]


def _load(text: str) -> Any:
    fast = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert yaml.load(text, Loader=yaml.SafeLoader) == fast  # one scanner's rules
    return fast


EXAMPLES = int(os.environ.get("SRBRIEF_EDIT_EXAMPLES", "40"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from([STYLED, MINIMAL]), newline=st.sampled_from(["\n", "\r\n", "\r"]),
       steps=st.lists(STEP, min_size=1, max_size=6))
def test_random_edits_change_only_what_they_edit(base: str, newline: str, steps: list[tuple[int, Any]]) -> None:
    doc = Document(base.replace("\n", newline), "styled.yaml")
    expected = _load(base)
    comments = _comments(base)
    for index, value in steps:
        path = FIELDS[index][0]
        command = RemoveField(path) if value is None else SetField(path, value)
        if value is None and "note" not in expected["sections"][0]["metrics"][1]:
            continue
        try:
            doc.apply(command)
        except BriefingError as exc:  # a rule of the format refused it (then nothing changed)
            assert "anchor" not in str(exc) or path[-2:] == ("label", "en")
            continue
        _set(expected, path, value)
        assert _load(doc.text) == expected
        kept = _comments(doc.text)
        assert kept == comments or (path[-1] in ("items", "route") and set(kept) <= set(comments))
        comments = kept
    data = doc.encoded()
    if newline != "\n":
        assert b"\n" not in data.replace(b"\r\n", b"") if newline == "\r\n" else b"\n" not in data
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "b.yaml"
        target.write_bytes(data)
        again = Document.open(target)
        assert again.text == doc.text and _load(again.text) == expected
