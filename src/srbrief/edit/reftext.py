"""A text with references as staff edit it (Qt-free): each reference (``{industrial-revenue-2024}``,
``{x:period}``, ``{=第二}``) is one piece, shown by the label of the figure it names ("规上工业营业收入"), never by
its id; the pieces joined are the text again, exactly (:func:`joined`). The form's text fields hold the pieces
as atomic tokens (see :mod:`srbrief.gui.reffield`); the syntax is :mod:`srbrief.model.refs`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# a reference or a literal; a brace written twice ({{, }}) is text, as refs.parse reads it
_PIECE = re.compile(r"\{\{|\}\}|\{=[^{}]*\}|\{([a-z0-9]+(?:-[a-z0-9]+)*)(?::([a-z]+))?\}")
FORM_WORDS = {"period": ("时期", "period"), "num": ("数字", "number"), "word": ("文字", "in words")}
OPEN, CLOSE = "［", "］"  # around a token where it is written as plain text (a copy to another program)


@dataclass(frozen=True)
class Piece:
    """A run of plain text (*reference* empty) or one reference, with what the user reads for it."""

    shown: str  # the text itself, or the reference's label
    reference: str = ""  # the reference as written in the file: '{industrial-revenue-2024}'

    @property
    def written(self) -> str:
        """Return the piece as the file writes it."""
        return self.reference or self.shown


def pieces(text: str, labels: Mapping[str, str], lang: str) -> list[Piece]:
    """Return *text* as plain runs and references, each reference named by its label in *labels* (figure id →
    label in *lang*); joined (:func:`joined`) they are *text* again."""
    out: list[Piece] = []
    at = 0
    for match in _PIECE.finditer(text):
        if match.group() in ("{{", "}}"):
            continue  # a brace, part of the plain run
        if match.start() > at:
            out.append(Piece(text[at:match.start()]))
        out.append(Piece(token_label(match.group(), labels, lang), match.group()))
        at = match.end()
    if at < len(text):
        out.append(Piece(text[at:]))
    return out


def token_label(reference: str, labels: Mapping[str, str], lang: str) -> str:
    """Return what the user reads for *reference*: the figure's label ('规上工业营业收入'), with the form it is
    written in ('规上工业营业收入·时期'); a literal's own words ('第二'); an unknown id as written."""
    if reference.startswith("{="):
        return reference[2:-1]
    match = _PIECE.fullmatch(reference)
    if match is None or match.group(1) is None:
        return reference
    label = labels.get(match.group(1), match.group(1))
    form = FORM_WORDS.get(match.group(2) or "")
    if form is None:
        return label if not match.group(2) else f"{label}:{match.group(2)}"
    return f"{label}·{form[0]}" if lang == "zh" else f"{label} · {form[1]}"


def joined(parts: Iterable[Piece]) -> str:
    """Return the text *parts* make, as the file writes it."""
    return "".join(part.written for part in parts)


def plain(parts: Iterable[Piece]) -> str:
    """Return *parts* as a reader sees them, each reference as its label in brackets ('营收达［规上工业营业收入］'):
    for a copy into another program."""
    return "".join(f"{OPEN}{part.shown}{CLOSE}" if part.reference else part.shown for part in parts)
