"""One parse per edit: the text goes along with its tree (:class:`Parsed`), a batch of separate values is
spliced in one go, and what that saves is proven equal to applying the commands one by one.

- property: on the built-in briefing, tests/data/six-themes.yaml and the styled and minimal files, random
  batches of values set together give exactly the texts (and data) of applying them one by one, and are
  refused whenever one by one refuses them;
- an edit through the document composes the YAML once (the validation and the undo name read that tree);
- the undo name read from the states a batch made equals the one made by applying the batch again;
- only the latest steps keep their trees.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srbrief.edit import AddItem, Batch, Document, SetField
from srbrief.edit.commands import read_back, spliced_together
from srbrief.edit.describe import describe, undo_name
from srbrief.edit.verify import plain_text
from srbrief.edit.yamltext import EditError, Parsed
from srbrief.model.loader import parse_briefing
from srbrief.resources import builtin_briefing_path
from tests.conftest import MINIMAL, REPO
from tests.edit.styled import STYLED
from tests.edit.test_edit_property import TEXTS

SIX = REPO / "tests" / "data" / "six-themes.yaml"
FILES = {
    "built-in": builtin_briefing_path().read_text(encoding="utf-8"),
    "six-themes": SIX.read_text(encoding="utf-8"),
    "styled": STYLED,
    "minimal": MINIMAL,
}
BIG = 2000  # characters: a whole briefing, not the snippets a rendered value is checked with


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Return (path, value) of every scalar of *data*, and of every clause a figure rests on."""
    if isinstance(data, dict):
        found = [((*path, "source"), data["source"])] if "source" in data and "value" in data else []
        for key, value in data.items():
            found += _leaves(value, (*path, key))
        return found
    if isinstance(data, list):
        return [leaf for i, value in enumerate(data) for leaf in _leaves(value, (*path, i))]
    return [(path, data)]


LEAVES = {name: _leaves(yaml.load(text, Loader=yaml.CSafeLoader)) for name, text in FILES.items()}


def _value_like(draw: st.DrawFn, old: Any, path: tuple[Any, ...]) -> Any:
    if path[-1] == "source":
        return draw(st.one_of(TEXTS, st.fixed_dictionaries({"doc": st.sampled_from(["s1", "bulletin"]),
                                                            "clause": TEXTS})))
    if isinstance(old, bool):
        return draw(st.booleans())
    if isinstance(old, (int, float)):
        return draw(st.one_of(st.integers(0, 10**9), st.floats(0.01, 1e6).map(lambda v: round(v, 2))))
    return draw(TEXTS)


@st.composite
def batches(draw: st.DrawFn) -> tuple[str, list[SetField]]:
    name = draw(st.sampled_from(sorted(FILES)))
    leaves = LEAVES[name]
    chosen = draw(st.lists(st.integers(0, len(leaves) - 1), min_size=2, max_size=4, unique=True))
    commands = []
    for index in chosen:
        path, old = leaves[index]
        commands.append(SetField(path, _value_like(draw, old, path)))
    return name, commands


def _one_by_one(text: str, commands: list[SetField]) -> list[Parsed] | EditError:
    states = [Parsed(text)]
    try:
        for command in commands:
            states.append(command.edit(states[-1]))
    except EditError as exc:
        return exc
    return states


EXAMPLES = int(os.environ.get("SRBRIEF_EDIT_EXAMPLES", "60"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=batches())
def test_values_spliced_together_equal_one_by_one(batch: tuple[str, list[SetField]]) -> None:
    name, commands = batch
    text = FILES[name]
    together = spliced_together(commands, Parsed(text))
    apart = _one_by_one(text, commands)
    if isinstance(apart, EditError):
        assert together is None  # what one by one refuses is never taken in one go
        return
    if together is None:
        return  # nested paths, touching stretches, aliases: the batch goes one by one
    assert [state.text for state in together] == [state.text for state in apart]
    for mine, theirs in zip(together, apart, strict=True):
        assert plain_text(mine) == plain_text(Parsed(theirs.text))
    for command in commands:
        assert read_back(together[-1], command.path) == command.value


BULLETIN = {"id": "bulletin", "publication": {"zh": "统计公报", "en": "Bulletin"}, "date": "2026-03-01",
            "title": {"zh": "统计公报", "en": "Bulletin"}}


def _update(doc: Document, n: int) -> Batch:
    """The figure update of benchmarks/bench_edit.py: the first figure's value and a clause stating it (of a
    newer document where the file lists documents), one edit."""
    metric = doc.briefing.metrics[0]
    value, source = (doc.target(f"metrics.{metric.id}.{field}").path for field in ("value", "source"))
    clause = metric.source.clause.replace(f"{metric.value:g}", f"{n:g}")
    newer = any(source.id == "bulletin" for source in doc.briefing.sources)
    cite = {"doc": "bulletin", "clause": clause} if newer else {"clause": clause}
    return Batch((SetField(value, n), SetField(source, cite)))


@pytest.fixture
def composes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the briefing-sized texts composed or scanned."""
    counted: list[int] = []
    compose, scan = yaml.compose, yaml.scan

    def counting_compose(stream: Any, *args: Any, **kwargs: Any) -> Any:
        if len(stream) > BIG:
            counted.append(len(stream))
        return compose(stream, *args, **kwargs)

    def counting_scan(stream: Any, *args: Any, **kwargs: Any) -> Any:
        if len(stream) > BIG:
            counted.append(len(stream))
        return scan(stream, *args, **kwargs)

    monkeypatch.setattr(yaml, "compose", counting_compose)
    monkeypatch.setattr(yaml, "scan", counting_scan)
    return counted


@pytest.mark.parametrize("path", [builtin_briefing_path(), SIX])
def test_an_edit_parses_the_yaml_once(tmp_path: Path, path: Path, composes: list[int]) -> None:
    copy = tmp_path / "b.yaml"
    copy.write_bytes(path.read_bytes())
    doc = Document.open(copy)
    if "sources:" in doc.text:
        doc.apply(AddItem(doc.target("sources").path, BULLETIN))
    start = int(doc.briefing.metrics[0].value)
    for n in (1, 2):
        composes.clear()
        edit = _update(doc, start + n)  # the paths are read from the text as opened: its tree, composed once
        assert len(composes) == (1 if n == 1 and "sources:" not in doc.text else 0)
        composes.clear()
        change = doc.apply(edit)
        assert len(composes) == 1  # the result, composed once: checked, validated and named from that tree
        assert "：" in undo_name(edit, change, "zh") and len(composes) == 1
        assert doc.briefing.metrics[0].value == start + n
        assert doc.briefing == parse_briefing(doc.text, str(copy))  # the tree read is the text's own
    composes.clear()
    doc.apply(SetField(doc.target(f"metrics.{doc.briefing.metrics[0].id}.label.en").path, "Renamed"))
    assert len(composes) == 1


def test_names_read_from_the_states_equal_names_of_the_batch_applied_again() -> None:
    doc = Document(FILES["built-in"], "b.yaml")
    metric = doc.briefing.metrics[0].id
    zh, en = (doc.target(f"metrics.{metric}.label.{lang}").path for lang in ("zh", "en"))
    names = []
    for edit in (Batch((SetField(zh, "新名称"), SetField(en, "New name"))),  # in one go: the second part is
                 Batch((SetField(en, "A"), SetField(en, "B")))):  # named after the first; the same path twice
        before = doc.parsed
        change = doc.apply(edit)
        for lang in ("zh", "en"):
            assert undo_name(edit, change, lang) == describe(edit, Parsed(before.text), lang)
        names.append(undo_name(edit, change, "zh"))
    assert "；修改 新名称 · 名称：" in names[0] and names[0].endswith("→ New name")  # the figure as renamed


def test_only_the_latest_steps_keep_their_trees() -> None:
    doc = Document(FILES["built-in"], "b.yaml")
    path = doc.target(f"metrics.{doc.briefing.metrics[0].id}.label.en").path
    for n in range(5):
        doc.apply(SetField(path, "Label " + "abcde"[n]))
    history = doc._history
    assert all(state.composed is None for change in history[:-2] for state in change.states)
    assert history[-1].states[-1].composed is not None and doc.parsed is history[-1].states[-1]
    doc.undo()
    doc.undo()
    assert doc.text == history[-3].after
    assert read_back(doc.parsed, path) == "Label c"  # a tree let go is composed again when asked
    assert all(state.composed is None for change in history[:-4] for state in change.states)
