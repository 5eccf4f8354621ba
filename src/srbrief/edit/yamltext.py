"""Edit YAML text in place: splice new text into the spans PyYAML's composer reports.

Why splicing and not ruamel.yaml's round-trip mode: ruamel re-emits the *whole* document. Configured
(``preserve_quotes``, ``width=4096``, ``indent(mapping=2, sequence=4, offset=2)``) it reproduces the built-in
briefing byte for byte, but that configuration is one global style: on a user's file written differently
(sequences not indented, ``key:   value``, ``{ lat: 1 }``, ``~``, a two-space comment gap) it rewrote every such
untouched line (measured: 8 of 14 lines of a small sample; 2,637 lines of the built-in briefing unconfigured).
It is also a second YAML parser beside the one that validates, and 250 ms + 140 ms per load and dump here.
Splicing changes only the characters of the edited value, whatever style the file uses, with the PyYAML
we already depend on; every splice is checked by parsing the result again (see :mod:`srbrief.edit.document`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import yaml

from srbrief.model.yamltree import Loader

PathKey = str | int
_LOADER = Loader  # the model's loader: libyaml, tags of scalars remembered
_STR = "tag:yaml.org,2002:str"


class EditError(Exception):
    """A text edit that cannot be made (no such node, a layout we do not rewrite); *index* is where."""

    def __init__(self, message: str, index: int = 0) -> None:
        super().__init__(message)
        self.index = index


class Parsed:
    """A YAML text with its node tree, composed once, on first use, and then passed along.

    An edit reads the text it starts from (paths, the data before), splices it, composes the result once to
    check it, and the validation and the next edit read that same tree: one parse of the text per edit. The
    tree and what is derived from it (:meth:`memo`) are a pure function of :attr:`text`, held by the object
    that holds the text, so they can never belong to another text; :meth:`forget` drops them (the document
    keeps trees for its latest steps only) and they are made again if asked for. Trees are only ever read.
    """

    __slots__ = ("_memo", "_root", "text")

    def __init__(self, text: str, root: yaml.Node | None = None, data: Any = None) -> None:
        self.text = text
        self._root = root
        self._memo: dict[str, Any] = {} if data is None else {"plain": data}  # data: what the text reads as

    @property
    def root(self) -> yaml.Node:
        """Return the node tree of the text (raises ``yaml.YAMLError``, or :class:`EditError` if empty)."""
        if self._root is None:
            node = yaml.compose(self.text, Loader=_LOADER)
            if node is None:
                raise EditError("the document is empty")
            self._root = node
        return self._root

    @property
    def composed(self) -> yaml.Node | None:
        """Return the tree if it was composed already (None: nobody needed it yet)."""
        return self._root

    def memo(self, key: str, make: Callable[[yaml.Node], Any]) -> Any:
        """Return ``make(root)``, made once for this text (plain data, shared nodes)."""
        if key not in self._memo:
            self._memo[key] = make(self.root)
        return self._memo[key]

    def known(self, key: str) -> bool:
        """Return whether :meth:`memo` holds *key* already (without composing anything)."""
        return key in self._memo

    def forget(self) -> None:
        """Drop the tree and what was made of it (memory); they are made again when asked for."""
        self._root = None
        self._memo = {}

    def __repr__(self) -> str:
        return f"Parsed({len(self.text)} characters{', composed' if self._root is not None else ''})"


Source = str | Parsed  # what the text functions take: a text, or a text with its tree


def parsed(source: Source) -> Parsed:
    """Return *source* as a :class:`Parsed` (a new one for a bare text)."""
    return source if isinstance(source, Parsed) else Parsed(source)


def text_of(source: Source) -> str:
    return source.text if isinstance(source, Parsed) else source


def compose(source: Source) -> yaml.Node:
    """Return the node tree of *source* (already validated: limits were checked by the loader); a
    :class:`Parsed` gives the tree it holds, a bare text is composed."""
    return parsed(source).root


def child(node: yaml.Node, key: PathKey) -> yaml.Node | None:
    """Return the child of *node* at *key* (a mapping key or a list index), or None."""
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        return next((v for k, v in node.value if k.value == key), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def walk(root: yaml.Node, path: Sequence[PathKey]) -> list[yaml.Node]:
    """Return the nodes from *root* along *path* (root first), stopping before the first missing one."""
    nodes = [root]
    for key in path:
        found = child(nodes[-1], key)
        if found is None:
            break
        nodes.append(found)
    return nodes


def key_node(mapping: yaml.MappingNode, key: str) -> yaml.Node:
    return next(k for k, _ in mapping.value if k.value == key)


def in_flow(nodes: Sequence[yaml.Node]) -> bool:
    """Return whether the last of *nodes* stands inside a flow collection ({...} or [...])."""
    return any(getattr(n, "flow_style", False) for n in nodes[:-1])


# --- positions -------------------------------------------------------------------------------------------

def line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def line_end(text: str, end: int) -> int:
    """Return the index after the line break of the line where content ending at *end* stands."""
    if end > 0 and text[end - 1] == "\n":
        return end
    found = text.find("\n", end)
    return len(text) if found < 0 else found + 1


def content_end(node: yaml.Node) -> int:
    """Return where the last character of *node*'s own content ends (block collections end at their last
    leaf, not at the start of whatever follows them)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        key, value = node.value[-1]
        return max(content_end(value), key.end_mark.index)
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return content_end(node.value[-1])
    return int(node.end_mark.index)


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


# --- rendering values ------------------------------------------------------------------------------------

def _composes_to(source: str, value: str, flow: bool) -> bool:
    """Return whether *source*, written where a value stands, reads back as exactly the string *value*."""
    doc = f"[{source}]" if flow else f"k: {source}\n"
    try:
        node = yaml.compose(doc, Loader=_LOADER)
    except yaml.YAMLError:
        return False
    if node is None:
        return False
    try:
        leaf = node.value[0] if flow else node.value[0][1]
    except (IndexError, TypeError):  # " " in a flow list is no item at all
        return False
    return isinstance(leaf, yaml.ScalarNode) and leaf.tag == _STR and leaf.value == value


def escape_char(ch: str) -> str:
    """Return *ch* as a ``\\x..``, ``\\u....`` or ``\\U........`` escape (YAML and Python read them alike)."""
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _double_quoted(value: str) -> str:
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == " " or ch.isprintable():
            out.append(ch)
        else:
            out.append(escape_char(ch))
    return '"' + "".join(out) + '"'


# plain scalars that YAML 1.2 tools (the core schema) read as numbers, booleans or null, though PyYAML's
# YAML 1.1 reads them as text: written quoted, so every tool reads the same text
_YAML12_NOT_TEXT = re.compile(r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
    |0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |null|Null|NULL|~|true|True|TRUE|false|False|FALSE)$""", re.VERBOSE)
_BLOCK_HEADER = re.compile(r"[|>](?:[+-]?[1-9]?|[1-9][+-])")


def block_scalar(text: str, start: int, end: int, value: str) -> str | None:
    """Return *value* written as the block scalar at ``text[start:end]`` was (its style, header comment and
    indentation; the line breaks after it are not part of it), or None if a block cannot hold it exactly."""
    lines = value[:-1].split("\n") if value.endswith("\n") else value.split("\n")
    if not value.strip() or value.endswith("\n\n") or any(not (ch == "\n" or ch.isprintable()) for ch in value):
        return None
    if lines[0][:1] in (" ", "\t") or any(line != line.rstrip() or not line for line in lines):
        return None
    head_end = text.find("\n", start, end)
    if head_end < 0:
        return None
    comment = block_comment(text, start, end)
    body = text[head_end + 1:end]
    first = next((line for line in body.split("\n") if line.strip()), "")
    indent = len(first) - len(first.lstrip(" ")) or line_indent(text, start) + 2
    style = text[start] if text[start] == "|" or len(lines) == 1 else "|"  # folded text of one line only
    chomp = "" if value.endswith("\n") else "-"
    nl = newline_of(text)
    return style + chomp + comment + nl + nl.join(" " * indent + line for line in lines)


def block_comment(text: str, start: int, end: int) -> str:
    """Return what follows the header of the block scalar at ``text[start:end]`` on its line (its comment)."""
    header = _BLOCK_HEADER.match(text, start, end)
    head_end = text.find("\n", start, end)
    if header is None or head_end < 0:
        return ""
    return text[header.end():head_end].rstrip("\r")


def line_indent(text: str, index: int) -> int:
    start = line_start(text, index)
    line = text[start:index]
    return len(line) - len(line.lstrip(" "))


def render_scalar(value: Any, flow: bool = False, style: str | None = None) -> str:
    """Return YAML source for a scalar *value*; strings keep *style* (``''`` plain, ``"'"``, ``'"'``) if it can
    hold them, and are always checked to read back unchanged."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)  # YAML 1.1 reads "1e-05" as a string: its floats need a dot
        return text.replace("e", ".0e", 1) if "e" in text and "." not in text else text
    if not isinstance(value, str):
        raise EditError(f"cannot write {type(value).__name__} values")
    single_ok = "\n" not in value and value.isprintable()
    # plain only for printable text (libyaml reads "0\t0" plain, PyYAML's own scanner refuses it)
    if style in ("", None) and value and single_ok and not _YAML12_NOT_TEXT.match(value) and \
            _composes_to(value, value, flow):
        return value
    if style != '"' and single_ok:
        return "'" + value.replace("'", "''") + "'"
    return _double_quoted(value)


def is_inline(value: Any) -> bool:
    """Return whether *value* is written on one line: scalars, and mappings or lists of scalars only."""
    if isinstance(value, dict):
        return all(not isinstance(v, (dict, list)) for v in value.values())
    if isinstance(value, list):
        return all(not isinstance(v, (dict, list)) for v in value)
    return True


def render_flow(value: Any) -> str:
    """Return *value* as one line of flow YAML: ``{zh: 上饶, en: Shangrao}``, ``[a, b]``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {render_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(render_flow(v) for v in value) + "]"
    return render_scalar(value, flow=True)


def render_entry(key: str, value: Any, indent: int) -> list[str]:
    """Return the lines of a block-mapping entry ``key: value`` at *indent* (house style: Text and
    locations as flow maps, id lists as flow lists, lists of mappings as blocks)."""
    pad = " " * indent
    if isinstance(value, dict) and value and not is_inline(value):
        lines = [f"{pad}{key}:"]
        for k, v in value.items():
            lines += render_entry(k, v, indent + 2)
        return lines
    if isinstance(value, list) and value and not is_inline(value):
        return [f"{pad}{key}:", *render_items(value, indent + 2)]
    text = render_flow(value) if isinstance(value, (dict, list)) else render_scalar(value)
    return [f"{pad}{key}: {text}"]


def render_items(items: Sequence[Any], indent: int) -> list[str]:
    """Return the lines of block-sequence items with their dash at *indent*."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict) and item:
            entry: list[str] = []
            for k, v in item.items():
                entry += render_entry(k, v, indent + 2)
            entry[0] = " " * indent + "- " + entry[0][indent + 2:]
            lines += entry
        else:
            lines.append(" " * indent + "- " + render_flow(item))
    return lines


def _scalar_style(node: yaml.Node) -> str | None:
    style = getattr(node, "style", None)
    return "" if style is None else style
