"""Checks that an edit changed what it says and nothing else.

After every command the old and the new text are both read as plain data; the command says what it does to
the old data (:func:`set_at`, :func:`remove_at`, ... build the expected data, sharing what is untouched), and
the new data must equal it. A path through a YAML anchor or alias is refused before any text changes: the
splice would edit the anchored text, and so every place that refers to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from srbrief.edit.yamltext import EditError, PathKey, Source, parsed, walk

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_CONSTRUCTOR = SafeConstructor()


def plain(node: yaml.Node) -> Any:
    """Return *node* as plain data, as the loader reads it (dates stay text)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag in (_STR, _TIMESTAMP):
            return node.value
        construct = _CONSTRUCTOR.yaml_constructors.get(node.tag)  # not construct_object: it keeps every node
        if construct is None:
            raise EditError(f"tag {node.tag!r} is not plain data", int(node.start_mark.index))
        return construct(_CONSTRUCTOR, node)
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {plain(k): plain(v) for k, v in node.value}
    raise EditError("unexpected YAML node")


def plain_text(source: Source) -> Any:
    """Return the plain data of *source* (made once per :class:`Parsed`); an edit that breaks the YAML is an
    :class:`EditError`."""
    try:
        return parsed(source).memo("plain", plain)
    except yaml.YAMLError as exc:
        what = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise EditError(f"the edit would break the YAML ({what}); nothing was changed") from None


def shared_nodes(root: yaml.Node) -> set[int]:
    """Return the ids of the nodes reached more than once (an anchored node with its aliases)."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shared.add(id(node))
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += (key, value)
    return shared


def refuse_shared(source: Source, path: Sequence[PathKey], dotted: str) -> None:
    """Raise :class:`EditError` if *path* in *source* goes through a node written once and used twice."""
    src = parsed(source)
    if "*" not in src.text:  # no alias (``*name``) anywhere: no node is reached twice
        return
    shared = src.memo("shared", shared_nodes)
    root = src.root
    if not shared:
        return
    for node in walk(root, path)[1:]:
        if id(node) in shared:
            raise EditError(f"{dotted}: this value is shared through a YAML anchor (&name) and alias (*name), so "
                            "changing it here would change it everywhere it is used; write it out in full in "
                            "each place first", int(node.start_mark.index))


def update(data: Any, path: Sequence[PathKey], leaf: Callable[[Any], Any]) -> Any:
    """Return *data* with the value at *path* replaced by ``leaf(old)`` (``MISSING``: removed); containers
    along the path are copied, everything else is shared."""
    if not path:
        return leaf(data)
    key, rest = path[0], path[1:]
    if isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
        items = list(data)
        items[key] = update(items[key], rest, leaf)
        return items
    mapping = dict(data) if isinstance(data, dict) else {}
    new = update(mapping.get(key, MISSING), rest, leaf)
    if new is MISSING:
        mapping.pop(key, None)
    else:
        mapping[key] = new
    return mapping


def set_at(data: Any, path: Sequence[PathKey], value: Any) -> Any:
    return update(data, path, lambda _old: value)


def remove_at(data: Any, path: Sequence[PathKey]) -> Any:
    return update(data, path, lambda _old: MISSING)


def insert_at(data: Any, list_path: Sequence[PathKey], index: int | None, value: Any) -> Any:
    def leaf(old: Any) -> Any:
        items = list(old) if isinstance(old, list) else []
        items.insert(len(items) if index is None else index, value)
        return items
    return update(data, list_path, leaf)


def remove_item_at(data: Any, path: Sequence[PathKey]) -> Any:
    index = path[-1]
    return update(data, path[:-1], lambda old: [v for i, v in enumerate(old) if i != index])


def move_item_at(data: Any, path: Sequence[PathKey], to: int) -> Any:
    def leaf(old: list[Any]) -> list[Any]:
        items = list(old)
        items.insert(to, items.pop(int(path[-1])))
        return items
    return update(data, path[:-1], leaf)


def check_unchanged(expected: Any, after: Source, index: int = 0) -> None:
    """Raise :class:`EditError` if *after* does not read as *expected* (something else changed)."""
    if plain_text(after) != expected:
        raise EditError("the edit would change more than the value edited (a layout the editor cannot rewrite "
                        "safely); nothing was changed — edit this value in a text editor", index)
