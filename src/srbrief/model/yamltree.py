"""Safe YAML parsing into plain values that remember where they came from.

PyYAML's composer gives nodes with positions; we turn them into :class:`Located` values ourselves so that
every later error can name FILE:LINE:COL. Only the standard safe tags are accepted. Size, nesting depth and
node count are bounded before and during the walk, so alias bombs and deeply nested documents end in a
:class:`BriefingError`, never a RecursionError or MemoryError.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from srbrief.model.errors import (
    MAX_BYTES,
    BriefingError,
    Problem,
)
from srbrief.model.located import Located

MAX_DEPTH = 64
MAX_NODES = 200_000

_SCALAR_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:str",
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVED: dict[tuple[str, Any], str] = {}  # (plain scalar, implicit) → its tag: one briefing repeats its scalars
_RESOLVED_MAX = 100_000


class Loader(_BASE_LOADER):
    """libyaml's parser when PyYAML has it (5-10x faster); it keeps node positions and is safe (no constructors
    run). The composer asks the resolver for every node's tag in Python; a scalar's tag depends only on its text
    and on whether it was quoted (a safe loader has no path resolvers), so the answers are kept: the resolver was
    a quarter of composing the built-in briefing, which every edit does once."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode:
            return str(super().resolve(kind, value, implicit))
        key = (value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = str(super().resolve(kind, value, implicit))
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            _RESOLVED[key] = tag
        return tag


assert not Loader.yaml_path_resolvers  # the cache above holds only without path resolvers
_LOADER = Loader
_SEQ = "tag:yaml.org,2002:seq"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"


class _Walker:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.count = 0
        self.constructor = SafeConstructor()

    def fail(self, node: yaml.Node, message: str) -> BriefingError:
        mark = node.start_mark
        return BriefingError([Problem(self.filename, mark.line + 1, mark.column + 1, "", message)])

    def walk(self, node: yaml.Node, depth: int) -> Located:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, f"document too large: more than {MAX_NODES} nodes (alias expansion?)")
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels")
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if isinstance(node, yaml.ScalarNode):
            return Located(self.scalar(node), line, col)
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            return Located([self.walk(child, depth + 1) for child in node.value], line, col)
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            keys: dict[str, tuple[int, int]] = {}
            return Located(self.mapping(node, depth, keys), line, col, keys)
        raise self.fail(node, f"tag {node.tag!r} is not allowed (only plain YAML data is accepted)")

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag in (_STR, _TIMESTAMP):
            return node.value  # what the constructor makes of a string; dates stay strings (fields check them)
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(node, f"tag {node.tag!r} is not allowed (only plain YAML data is accepted)")
        try:
            return self.constructor.yaml_constructors[node.tag](self.constructor, node)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError):
            kind = node.tag.rsplit(":", 1)[-1]
            raise self.fail(node, f"{node.value[:40]!r} is not a valid {kind}") from None

    def mapping(self, node: yaml.MappingNode, depth: int, keys: dict[str, tuple[int, int]]) -> dict[str, Located]:
        result: dict[str, Located] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "merge keys ('<<') are not supported")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise self.fail(key_node, "mapping keys must be plain strings")
            key = key_node.value
            if key in result:
                raise self.fail(key_node, f"duplicate key {key!r}")
            keys[key] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.walk(value_node, depth + 1)
        return result


def _check_depth(text: str, filename: str) -> None:
    """Refuse too-deep nesting with the (iterative) scanner, before the recursive composer runs; and tabs
    between tokens (see :func:`_tab_between`)."""
    opening = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken,
               yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
    closing = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
    depth = 0
    tabs = "\t" in text
    last_end = 0
    for token in yaml.scan(text, Loader=_LOADER):
        if tabs:
            _tab_between(text, last_end, token.start_mark.index, filename)
            last_end = max(last_end, token.end_mark.index)
        if isinstance(token, opening):
            depth += 1
            if depth > MAX_DEPTH:
                mark = token.start_mark
                raise BriefingError([Problem(filename, mark.line + 1, mark.column + 1, "",
                                             f"nesting deeper than {MAX_DEPTH} levels")])
        elif isinstance(token, closing):
            depth -= 1


def _tab_between(text: str, start: int, end: int, filename: str) -> None:
    """Refuse a tab used as a space between tokens (outside comments): libyaml accepts it, PyYAML's own scanner
    does not, and a file must read the same whether libyaml is installed or not."""
    index = text.find("\t", start, end)
    while index >= 0:
        if "#" not in text[max(start, text.rfind("\n", 0, index) + 1):index]:  # not in a comment
            line = text.count("\n", 0, index) + 1
            col = index - (text.rfind("\n", 0, index) + 1) + 1
            raise BriefingError([Problem(filename, line, col, "", "a tab where YAML needs spaces (not every "
                                         "YAML reader accepts it): use spaces")])
        index = text.find("\t", index + 1, end)


def parse_yaml(data: bytes | str, filename: str, tree: yaml.Node | None = None) -> Located:
    """Return the single YAML document in *data* as a :class:`Located` tree; *tree*: the node tree of this
    very text, composed by the editing layer (an edit of a validated text checks its result by composing it:
    the text is then not scanned and composed a second time)."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise BriefingError([Problem(filename, 1, 1, "", f"file too large ({len(data)} bytes; "
                                                              f"the limit is {MAX_BYTES})")])
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise BriefingError([Problem(filename, line, 1, "", "not UTF-8 text (is this a YAML file?)")])\
                from None
    else:
        text = data
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise BriefingError([Problem(filename, line, 1, "", "binary data (NUL byte) in a text file")])
    try:
        node = tree
        if node is None:
            _check_depth(text, filename)
            node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(" ".join(part.split()) for part in (exc.context, exc.problem) if part)
        raise BriefingError([Problem(filename, line, col, "", f"YAML syntax error: {what}")]) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise BriefingError([Problem(filename, line, 1, "",
                                     f"character #x{exc.character:04x} is not allowed in YAML")]) from None
    except yaml.YAMLError as exc:
        raise BriefingError([Problem(filename, 1, 1, "", "YAML error: " + " ".join(str(exc).split()))]) from None
    if node is None:
        raise BriefingError([Problem(filename, 1, 1, "", "the file is empty")])
    return _Walker(filename).walk(node, 0)
