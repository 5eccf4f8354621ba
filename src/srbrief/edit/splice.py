"""The text operations behind the edit commands: each takes the YAML text and returns it with one change.

Only the characters of the edited value, key or list item change; comments, quoting, key order, indentation
and every other line stay as they were. Paths are physical: mapping keys and list indexes from the root.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

import yaml

from srbrief.edit.yamltext import (
    EditError,
    PathKey,
    Source,
    block_comment,
    block_scalar,
    compose,
    content_end,
    in_flow,
    is_inline,
    key_node,
    line_end,
    line_start,
    newline_of,
    render_entry,
    render_flow,
    render_items,
    render_scalar,
    text_of,
    walk,
)

_NULL = "tag:yaml.org,2002:null"


def _existing(root: yaml.Node, path: Sequence[PathKey]) -> list[yaml.Node]:
    nodes = walk(root, path)
    if len(nodes) != len(path) + 1:
        raise EditError(f"nothing at {path[len(nodes) - 1]!r}", int(nodes[-1].start_mark.index))
    return nodes


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _line_end_no_break(text: str, end: int) -> int:
    stop = line_end(text, end)
    while stop > end and text[stop - 1] in "\r\n":
        stop -= 1
    return stop


# --- values ----------------------------------------------------------------------------------------------

def set_value(source: Source, path: Sequence[PathKey], value: Any) -> str:
    """Return the text of *source* with the value at *path* set to *value* (missing mapping keys are added)."""
    text, root = text_of(source), compose(source)
    nodes = walk(root, path)
    if len(nodes) < len(path) + 1:
        return _set_missing(text, nodes, path, value)
    node = nodes[-1]
    if isinstance(node, yaml.ScalarNode) and not isinstance(value, (dict, list)):
        return _replace_scalar(text, node, value, in_flow(nodes))
    if isinstance(node, yaml.SequenceNode) and isinstance(value, list) and value and is_inline(value) and \
            all(isinstance(item, yaml.ScalarNode) for item in node.value):
        return set_list(source, path, value)
    return _replace_node(text, nodes, path, value)


_ANCHOR = re.compile(r"&[^\s,\[\]{}]+[ \t]+")


def _replace_scalar(text: str, node: yaml.ScalarNode, value: Any, flow: bool) -> str:
    start, end = node.start_mark.index, node.end_mark.index
    anchor = _ANCHOR.match(text, start, end)
    if anchor:  # "&name value": the anchor stays (a shared value is refused before this)
        start = anchor.end()
    style = node.style or ""
    if style in ("|", ">"):  # a block scalar: keep its style and header comment where the value allows
        old = text[start:end]
        kept = block_scalar(text, start, end, value) if isinstance(value, str) else None
        new = kept if kept is not None else render_scalar(value, flow, '"') + block_comment(text, start, end)
        return _splice(text, start, end, new + old[len(old.rstrip()):])
    new = render_scalar(value, flow, None if node.tag == _NULL else style)
    if start == end and start > 0 and text[start - 1] == ":":
        new = " " + new
    return _splice(text, start, end, new)


def _replace_node(text: str, nodes: list[yaml.Node], path: Sequence[PathKey], value: Any) -> str:
    """Replace a whole collection (or put a collection where a scalar was)."""
    node = nodes[-1]
    flow_node = isinstance(node, yaml.ScalarNode) or bool(getattr(node, "flow_style", False))
    if flow_node and (is_inline(value) or in_flow(nodes)):
        start, end = node.start_mark.index, node.end_mark.index
        new = render_flow(value) if isinstance(value, (dict, list)) else render_scalar(value, in_flow(nodes))
        if start == end and start > 0 and text[start - 1] == ":":
            new = " " + new
        return _splice(text, start, end, new)
    parent = nodes[-2] if len(nodes) > 1 else None
    if not isinstance(parent, yaml.MappingNode) or parent.flow_style or not isinstance(path[-1], str):
        raise EditError("this value cannot be rewritten in place", int(node.start_mark.index))
    key = key_node(parent, path[-1])
    colon = text.index(":", key.end_mark.index) + 1
    stop = _line_end_no_break(text, content_end(node))
    after_colon = text[colon:_line_end_no_break(text, colon)]
    comment = after_colon if after_colon.strip().startswith("#") else ""  # "key:  # note" keeps its note
    if is_inline(value):
        new = " " + (render_flow(value) if isinstance(value, (dict, list)) else render_scalar(value)) + comment
    else:
        nl = newline_of(text)
        new = comment + nl + nl.join(render_entry(path[-1], value, key.start_mark.column)[1:])
    return _splice(text, colon, stop, new)


def set_list(source: Source, path: Sequence[PathKey], values: list[Any]) -> str:
    """Return the text of *source* with the list of scalars at *path* made *values* by replacing, removing and
    inserting items one by one, so the list keeps its style, layout and comments."""
    text, seq = text_of(source), walk(compose(source), path)[-1]
    old = [yaml.constructor.SafeConstructor().construct_object(item) for item in seq.value]
    ops = difflib.SequenceMatcher(a=old, b=values, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(ops):  # from the end, so the positions before stay valid
        if tag == "equal":
            continue
        common = min(i2 - i1, j2 - j1)
        for k in range(common):
            text = set_value(text, (*path, i1 + k), values[j1 + k])  # each step composes the text it made
        for i in reversed(range(i1 + common, i2)):
            text = remove_item(text, (*path, i))
        for k in range(j1 + common, j2):
            text = insert_item(text, path, i1 + (k - j1), values[k])
    return text


def _set_missing(text: str, nodes: list[yaml.Node], path: Sequence[PathKey], value: Any) -> str:
    depth = len(nodes) - 1
    rest = path[depth:]
    if any(not isinstance(k, str) for k in rest):
        raise EditError(f"no list item {rest[0]!r}", int(nodes[-1].start_mark.index))
    nested = value
    for key in reversed(rest[1:]):
        nested = {key: nested}
    parent = nodes[-1]
    if isinstance(parent, yaml.ScalarNode) and parent.tag == _NULL:  # "note:" with nothing yet
        return _replace_node(text, nodes, path[:depth], {rest[0]: nested})
    if not isinstance(parent, yaml.MappingNode):
        raise EditError(f"{path[depth - 1]!r} holds no fields", int(parent.start_mark.index))
    return insert_key(text, parent, str(rest[0]), nested)


def insert_key(text: str, mapping: yaml.MappingNode, key: str, value: Any) -> str:
    """Return *text* with ``key: value`` added as the last entry of *mapping*."""
    if mapping.flow_style:
        entry = f"{key}: {render_flow(value)}"
        if mapping.value:
            end = mapping.value[-1][1].end_mark.index
            return _splice(text, end, end, ", " + entry)
        after_brace = mapping.start_mark.index + 1
        return _splice(text, after_brace, after_brace, entry)
    nl = newline_of(text)
    indent = mapping.value[0][0].start_mark.column
    pos = line_end(text, content_end(mapping))
    chunk = nl.join(render_entry(key, value, indent)) + nl
    if pos > 0 and text[pos - 1] != "\n":
        chunk = nl + chunk
    return _splice(text, pos, pos, chunk)


def remove_key(source: Source, path: Sequence[PathKey]) -> str:
    """Return the text of *source* without the entry at *path* (its key, value and any comment on its lines)."""
    text, nodes = text_of(source), _existing(compose(source), path)
    parent = nodes[-2] if len(nodes) > 1 else None
    if not isinstance(parent, yaml.MappingNode) or not isinstance(path[-1], str):
        raise EditError("only a field can be removed this way", int(nodes[-1].start_mark.index))
    pairs = parent.value
    i = next(n for n, (k, _) in enumerate(pairs) if k.value == path[-1])
    key, value = pairs[i]
    if parent.flow_style:
        if len(pairs) == 1:
            return _splice(text, parent.start_mark.index, parent.end_mark.index, "{}")
        if i > 0:
            return _splice(text, pairs[i - 1][1].end_mark.index, value.end_mark.index, "")
        return _splice(text, key.start_mark.index, pairs[1][0].start_mark.index, "")
    start = line_start(text, key.start_mark.index)
    if not text[start:key.start_mark.index].strip():
        return _splice(text, start, line_end(text, content_end(value)), "")
    if i + 1 < len(pairs):  # the first field after "- ": the next field moves up onto the dash line
        return _splice(text, key.start_mark.index, pairs[i + 1][0].start_mark.index, "")
    raise EditError(f"{path[-1]!r} is the only field of its item", int(key.start_mark.index))


# --- list items ------------------------------------------------------------------------------------------

def _item_spans(text: str, seq: yaml.SequenceNode) -> list[tuple[int, int]]:
    """Return (start, end) of each item of a block sequence: from its line start through its last line."""
    spans = []
    for item in seq.value:
        dash = item.start_mark.index - 1
        while dash >= 0 and text[dash] == " ":
            dash -= 1
        start = line_start(text, max(dash, 0))
        if dash < 0 or text[dash] != "-" or text[start:dash].strip():
            raise EditError("list items must each start a line with '- ' to be moved, added or removed",
                            int(item.start_mark.index))
        spans.append((start, line_end(text, content_end(item))))
    return spans


def _sequence(source: Source, path: Sequence[PathKey]) -> tuple[list[yaml.Node], yaml.SequenceNode]:
    nodes = _existing(compose(source), path)
    seq = nodes[-1]
    if not isinstance(seq, yaml.SequenceNode):
        raise EditError("not a list", int(seq.start_mark.index))
    return nodes, seq


def _flow_insert(text: str, seq: yaml.SequenceNode, at: int, source: str) -> str:
    """Insert the item *source* at position *at* of a flow list, keeping the rest of its layout."""
    items = seq.value
    if not items:
        return _splice(text, seq.start_mark.index + 1, seq.end_mark.index - 1, source)
    if at < len(items):
        pos = items[at].start_mark.index
        return _splice(text, pos, pos, source + ", ")
    pos = items[-1].end_mark.index
    return _splice(text, pos, pos, ", " + source)


def _flow_remove(text: str, seq: yaml.SequenceNode, index: int) -> str:
    """Remove item *index* of a flow list with its comma; the other items, line breaks and comments stay."""
    items = seq.value
    item = items[index]
    if len(items) == 1:
        return _splice(text, item.start_mark.index, item.end_mark.index, "")
    if index + 1 < len(items):
        comma = text.index(",", item.end_mark.index) + 1
        while text[comma] in " \t":
            comma += 1
        return _splice(text, item.start_mark.index, comma, "")
    comma = text.index(",", items[index - 1].end_mark.index)
    start, end = item.start_mark.index, item.end_mark.index
    if text[line_start(text, start):start].strip() or text[end:line_end(text, end)].strip():
        return _splice(text, comma, end, "")  # ", last" on the line of the item before
    start, end = line_start(text, start), line_end(text, end)  # the item's own line goes; comments stay
    return _splice(_splice(text, start, end, ""), comma, comma + 1, "")


def insert_item(source: Source, list_path: Sequence[PathKey], index: int | None, value: Any) -> str:
    """Return the text of *source* with *value* inserted into the list at *list_path* before *index* (None: at
    the end)."""
    text, nodes = text_of(source), walk(compose(source), list_path)
    seq = nodes[-1] if len(nodes) == len(list_path) + 1 else None
    if not isinstance(seq, yaml.SequenceNode) or (seq.flow_style and not seq.value and not is_inline([value])):
        return set_value(source, list_path, [value])  # a new list, or "[]" / nothing where the first item goes
    at = len(seq.value) if index is None else index
    if not 0 <= at <= len(seq.value):
        raise EditError(f"no position {at} in a list of {len(seq.value)}", int(seq.start_mark.index))
    if seq.flow_style:
        return _flow_insert(text, seq, at, render_flow(value))
    spans = _item_spans(text, seq)
    first = seq.value[0].start_mark.index
    dash_col = text.rindex("-", 0, first) - line_start(text, first)
    nl = newline_of(text)
    chunk = nl.join(render_items([value], dash_col)) + nl
    pos = spans[at][0] if at < len(spans) else spans[-1][1]
    if pos > 0 and text[pos - 1] != "\n":
        chunk = nl + chunk
    return _splice(text, pos, pos, chunk)


def remove_item(source: Source, item_path: Sequence[PathKey]) -> str:
    """Return the text of *source* without the list item at *item_path* (the list's last item leaves ``[]``)."""
    index = item_path[-1]
    if not isinstance(index, int):
        raise EditError("a list item is addressed by its position")
    text, (_, seq) = text_of(source), _sequence(source, item_path[:-1])
    if not 0 <= index < len(seq.value):
        raise EditError(f"no item {index} in a list of {len(seq.value)}", int(seq.start_mark.index))
    if seq.flow_style:
        return _flow_remove(text, seq, index)
    if len(seq.value) == 1:
        return set_value(source, item_path[:-1], [])
    start, end = _item_spans(text, seq)[index]
    return _splice(text, start, end, "")


def move_item(source: Source, item_path: Sequence[PathKey], to: int) -> str:
    """Return the text of *source* with the list item at *item_path* moved to position *to* of the same list."""
    index = item_path[-1]
    if not isinstance(index, int):
        raise EditError("a list item is addressed by its position")
    text, (_, seq) = text_of(source), _sequence(source, item_path[:-1])
    count = len(seq.value)
    if not (0 <= index < count and 0 <= to < count):
        raise EditError(f"cannot move item {index} to {to} in a list of {count}", int(seq.start_mark.index))
    if index == to:
        return text
    if seq.flow_style:
        node = seq.value[index]
        source = text[node.start_mark.index:node.end_mark.index]
        without = _flow_remove(text, seq, index)
        return _flow_insert(without, _sequence(without, item_path[:-1])[1], to, source)
    spans = _item_spans(text, seq)
    start, end = spans[index]
    chunk = text[start:end]
    if not chunk.endswith("\n"):
        chunk += newline_of(text)
    if to < index:
        pos = spans[to][0]
        return text[:pos] + chunk + text[pos:start] + text[end:]
    pos = spans[to][1]
    between = text[end:pos]
    if not between.endswith("\n"):  # the new last item was the file's last line, with no line break
        between += newline_of(text)
        chunk = chunk.rstrip("\r\n")
    return text[:start] + between + chunk + text[pos:]
