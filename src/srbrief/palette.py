"""The house colours, toolkit-free: the charts (matplotlib), the app (Qt), the slides and the deck share them.

No colour literal lives anywhere else: a renderer takes its colours from a :class:`Scheme` here.
"""

from __future__ import annotations

from dataclasses import dataclass

LIGHT_PALETTE = ("#1f5fa8", "#d9822b", "#2e9d6a", "#8a5cc2", "#c8463d", "#3c9fb5", "#a3863a", "#6b7a8f")
DARK_PALETTE = ("#5fa2ec", "#f0a255", "#4cc38f", "#b18cf0", "#f0776d", "#63c5dc", "#d6b85c", "#9aa7b6")
CARD_COLOURS = 6  # figure cards cycle through the first six colours (the deck theme's six accents)


@dataclass(frozen=True)
class Scheme:
    """One set of colours: the neutrals, the accents and the colours that carry a meaning."""

    name: str
    background: str
    text: str
    muted: str  # units, captions, footers
    card: str  # cards, tiles and panels
    rule: str  # grid lines, borders, the grey arc of a doughnut
    accents: tuple[str, ...]
    increase: str
    decrease: str
    land: str
    sea: str
    lede: str  # a paragraph under a title, a little lighter than the text
    highlight: str  # the background of a card found by a search
    error: str  # the background of the error banner
    page_rule: str  # the line between a slide and its notes on a handout page
    screen: str  # the presenter's surround


LIGHT = Scheme("light", background="#ffffff", text="#1d2733", muted="#5b6675", card="#f3f6fa", rule="#dfe5ec",
               accents=LIGHT_PALETTE, increase="#2e9d6a", decrease="#c8463d", land="#eef1e6", sea="#e3eef8",
               lede="#3b4653", highlight="#fff4e8", error="#fdecea", page_rule="#c9d1db", screen="#000000")
DARK = Scheme("dark", background="#121820", text="#eef2f6", muted="#9aa7b6", card="#1d2631", rule="#2d3946",
              accents=DARK_PALETTE, increase="#4cc38f", decrease="#f0776d", land="#1f2a22", sea="#15202c",
              lede="#c5ced8", highlight="#3a2e1f", error="#4a2523", page_rule="#2d3946", screen="#000000")
SCHEMES = {"light": LIGHT, "dark": DARK}


def role_colour(scheme: Scheme, role: str) -> str:
    """Return the colour of a layout's colour role: text, muted, background, card, accent1 … accent6."""
    if role.startswith("accent"):
        return scheme.accents[(int(role[6:]) - 1) % len(scheme.accents)]
    return str(getattr(scheme, role))
