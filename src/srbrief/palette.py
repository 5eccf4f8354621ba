"""The house colours, toolkit-free: the charts (matplotlib), the app (Qt), the slides and the deck share them.

No colour literal lives anywhere else: a renderer takes its colours from a :class:`Scheme` here, through
:mod:`srbrief.meaning` (what each colour means).
"""

from __future__ import annotations

from dataclasses import dataclass

# The section colours: the overview, then one per theme. No green and no red: those say good and bad news
# (see srbrief.meaning, which decides what every colour means).
LIGHT_SECTIONS = ("#1f5fa8", "#d9822b", "#3c9fb5", "#8a5cc2", "#a3863a", "#b5568f")
DARK_SECTIONS = ("#5fa2ec", "#f0a255", "#63c5dc", "#b18cf0", "#d6b85c", "#e08cc0")


@dataclass(frozen=True)
class Scheme:
    """One set of colours: the neutrals, the section colours and the colours of good and bad news."""

    name: str
    background: str
    text: str
    muted: str  # units, captions, footers
    card: str  # cards, tiles and panels
    rule: str  # grid lines, borders, the grey arc of a doughnut
    sections: tuple[str, ...]  # the overview's colour, then one per theme
    increase: str  # good news
    decrease: str  # bad news
    land: str
    sea: str
    lede: str  # a paragraph under a title, a little lighter than the text
    highlight: str  # the background of a card found by a search
    error: str  # the background of the error banner
    page_rule: str  # the line between a slide and its notes on a handout page
    screen: str  # the presenter's surround


LIGHT = Scheme("light", background="#ffffff", text="#1d2733", muted="#5b6675", card="#f3f6fa", rule="#dfe5ec",
               sections=LIGHT_SECTIONS, increase="#2e9d6a", decrease="#c8463d", land="#eef1e6", sea="#e3eef8",
               lede="#3b4653", highlight="#fff4e8", error="#fdecea", page_rule="#c9d1db", screen="#000000")
DARK = Scheme("dark", background="#121820", text="#eef2f6", muted="#9aa7b6", card="#1d2631", rule="#2d3946",
              sections=DARK_SECTIONS, increase="#4cc38f", decrease="#f0776d", land="#1f2a22", sea="#15202c",
              lede="#c5ced8", highlight="#3a2e1f", error="#4a2523", page_rule="#2d3946", screen="#000000")
SCHEMES = {"light": LIGHT, "dark": DARK}

