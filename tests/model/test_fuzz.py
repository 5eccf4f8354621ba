"""Mutated and generated documents (2,200 in all): the loader raises only BriefingError, never anything else."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srbrief.model import Briefing, BriefingError, parse_briefing

from ..conftest import MINIMAL

LINES = MINIMAL.splitlines(keepends=True)
JUNK = st.sampled_from(["", ":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!python/name:os.system ", "'", '"',
                        "\t", "0", "-1", ".nan", "null", "~", "true", "---\n", "...\n", "%YAML 1.1\n", "? ",
                        "value", "items", "id", "zh:", "<<: *a", "\x00", "\ufeff", "中文"])


def check(text: str | bytes) -> None:
    try:
        result = parse_briefing(text, "fuzz.yaml")
    except BriefingError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 1 and problem.col >= 1
            assert "\n" not in problem.message
    else:
        assert isinstance(result, Briefing)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.integers(0, 80), JUNK), min_size=1, max_size=6),
       st.sampled_from(["insert", "delete-line", "swap", "truncate"]))
def test_text_mutations_only_raise_briefing_error(edits: list[tuple[int, int, str]], mode: str) -> None:
    lines = list(LINES)
    for line_no, col, junk in edits:
        line = lines[line_no]
        if mode == "insert":
            lines[line_no] = line[:col] + junk + line[col:]
        elif mode == "delete-line":
            lines[line_no] = ""
        elif mode == "swap":
            other = (line_no + col) % len(lines)
            lines[line_no], lines[other] = lines[other], lines[line_no]
        else:
            lines = lines[: max(1, line_no)]
            break
    check("".join(lines))


def _tree_values() -> st.SearchStrategy[object]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12))
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                        max_leaves=12)


DOC = yaml.safe_load(MINIMAL)
PATHS: list[tuple[str | int, ...]] = []


def _collect(node: object, path: tuple[str | int, ...]) -> None:
    PATHS.append(path)
    if isinstance(node, dict):
        for key, value in node.items():
            _collect(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _collect(value, (*path, i))


_collect(DOC, ())


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS[1:]), _tree_values(), st.booleans()), min_size=1, max_size=4))
def test_structural_mutations_only_raise_briefing_error(changes: list[tuple[tuple, object, bool]]) -> None:
    import copy

    doc = copy.deepcopy(DOC)
    for path, value, delete in changes:
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            if delete:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    check(yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_only_raise_briefing_error(data: bytes) -> None:
    check(data)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_random_text_only_raise_briefing_error(text: str) -> None:
    check(text)
