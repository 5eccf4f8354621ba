"""What each drawn item means, and which colour says it: decided here once, for every renderer.

Toolkit-free (no Qt, matplotlib or pptx). An item on a slide, a card, a chart or a diagram has one of four
meanings, written as a *role* string:

- ``section<n>``: it belongs to section *n* (0 the overview, 1, 2 … the themes): the section's colour;
- ``good`` / ``bad``: a change the data calls good or bad news: green / red, and nothing else is green or red;
- ``neutral``: an item that means nothing in particular (the rest of a doughnut).

Items of one diagram are told apart by :func:`shades` of their section's colour, never by good/bad colours or
by another section's colour. The neutral roles of the page (text, muted, background, card, rule) are roles too.
Renderers map roles to colours with :func:`colour` (the app, the presenter, the PDF and the chart pictures) or,
for a PowerPoint theme, with :func:`theme_slot` (sections are theme accents, so a template recolours them;
good and bad news stay explicit colours).
"""

from __future__ import annotations

from srbrief.palette import Scheme

GOOD, BAD, NEUTRAL = "good", "bad", "neutral"
SECTION_PREFIX = "section"
SECTION_COLOURS = 6  # distinct section colours: the six accents of a PowerPoint theme
SHADE_RANGE = 0.35  # how far the shades of a diagram go from their section's colour (towards text / background)
PAGE_ROLES = ("text", "muted", "background", "card", "rule", "lede")


def section(number: int) -> str:
    """Return the meaning "belongs to section *number*" (0: the overview; themes 1, 2 …; after the sixth
    colour the themes cycle through 1–5, never taking the overview's colour)."""
    if number <= 0:
        return f"{SECTION_PREFIX}0"
    return f"{SECTION_PREFIX}{(number - 1) % (SECTION_COLOURS - 1) + 1}"


def section_number(role: str) -> int | None:
    """Return the section number of a ``section<n>`` role, else None."""
    if role.startswith(SECTION_PREFIX) and role[len(SECTION_PREFIX):].isdigit():
        return int(role[len(SECTION_PREFIX):])
    return None


def news(good: bool | None, section_role: str) -> str:
    """Return the meaning of a figure: good or bad news when the data says which, else its section."""
    return section_role if good is None else (GOOD if good else BAD)


def colour(scheme: Scheme, role: str) -> str:
    """Return the colour of *role* in *scheme*: a meaning or a page role (text, muted, card …)."""
    number = section_number(role)
    if number is not None:
        return scheme.sections[number % len(scheme.sections)]
    if role == GOOD:
        return scheme.increase
    if role == BAD:
        return scheme.decrease
    if role == NEUTRAL:
        return scheme.rule
    if role in PAGE_ROLES:
        return str(getattr(scheme, role))
    raise ValueError(f"not a colour role: {role!r}")


def theme_slot(role: str) -> int | None:
    """Return the PowerPoint theme accent (1–6) that carries *role*, or None for a colour written explicitly
    (good and bad news, neutrals): sections are theme colours, so that a template recolours them."""
    number = section_number(role)
    return None if number is None else number % SECTION_COLOURS + 1


def shades(base: str, count: int, scheme: Scheme) -> list[str]:
    """Return *count* shades of *base* that tell the items of one diagram apart: the first is *base*, the
    others alternately darker and lighter (mixed with the text and the background colour of *scheme*)."""
    pairs = count // 2  # the base, then a darker and a lighter shade per step, at most 35 % away
    step = SHADE_RANGE / max(1, pairs)
    steps = [0.0] + [s * step * k for k in range(1, pairs + 1) for s in (-1, 1)]
    return [mix(base, scheme.text if s < 0 else scheme.background, abs(s)) for s in steps[:count]]


def mix(a: str, b: str, amount: float) -> str:
    """Return colour *a* moved *amount* (0–1) of the way to colour *b* (both '#rrggbb')."""
    ca = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(ca, cb, strict=True))
