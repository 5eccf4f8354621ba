"""What each drawn item means, and which colour says it: decided here once, for every renderer.

Toolkit-free (no Qt, matplotlib or pptx). An item on a slide, a card, a chart or a diagram has one of four
meanings, written as a *role* string:

- ``section<n>``: it belongs to section *n* (0 the overview, 1, 2 … the themes): the section's colour;
- ``good`` / ``bad``: a change the data calls good or bad news: green / red, and nothing else is green or red;
- ``neutral``: an item that means nothing in particular (the rest of a doughnut).

Items of one diagram are told apart by :func:`shades` of their section's colour, never by good/bad colours or
by another section's colour. The neutral roles of the page (text, muted, background, card, rule) are roles too.
Renderers map roles to colours with :func:`colour` (the app, the presenter, the PDF and the chart pictures) or,
for a PowerPoint theme, with :func:`theme_slot` (the first six sections are theme accents, so a template
recolours them; good and bad news stay explicit colours).

Every section has a colour of its own, however many there are: past a scheme's own section colours (six: a
PowerPoint theme's accents) :func:`section_colours` adds colours that are as far as possible from every colour
already taken and from good and bad news, each readable on the background (contrast 3:1 or more), written
explicitly in a deck.
"""

from __future__ import annotations

import math
from functools import lru_cache

from srbrief.palette import Scheme

GOOD, BAD, NEUTRAL = "good", "bad", "neutral"
SECTION_PREFIX = "section"
SECTION_COLOURS = 6  # section colours a PowerPoint theme carries (its six accents); more are explicit colours
NEWS_HUES = ((0, 20), (70, 185), (340, 360))  # hues that read as red or green (a dark teal too): never a section's
MIN_CONTRAST = 3.0  # a section colour against the page's background (WCAG's ratio for graphics and large text)
MIN_SECTION_DISTANCE = 14.0  # ΔE00 between any two sections' colours (our six are 14.9 or more apart)
SHADE_RANGE = 0.35  # how far the shades of a diagram go from their section's colour (towards text / background)
PAGE_ROLES = ("text", "muted", "background", "card", "rule", "lede")


def section(number: int) -> str:
    """Return the meaning "belongs to section *number*" (0: the overview; themes 1, 2 …, each its own)."""
    return f"{SECTION_PREFIX}{max(0, number)}"


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
        return section_colours(scheme, number + 1)[number]
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
    return None if number is None or number >= SECTION_COLOURS else number + 1


@lru_cache(maxsize=128)
def section_colours(scheme: Scheme, count: int) -> tuple[str, ...]:
    """Return the colours of the first *count* sections of *scheme*: its own, then, one at a time, the
    candidate farthest (CIE Lab distance) from every colour taken and from good and bad news."""
    chosen = list(scheme.sections[:count])
    if len(chosen) >= count:  # the scheme's own colours suffice (the usual case): nothing to work out
        return tuple(chosen)
    avoid = [_lab(c) for c in (*chosen, scheme.increase, scheme.decrease)]
    candidates = [(c, _lab(c)) for c in _candidates(scheme.background)]
    while len(chosen) < count:  # far by CIEDE2000, which weighs hue as the eye does (CIE76 alone took a
        # magenta beside a pink as "far" for its chroma), and by CIE76 too (ΔE00 alone crowds many sections)
        best, lab = max(candidates, key=lambda item: min(min(_de2000(item[1], a), 0.9 * math.dist(item[1], a))
                                                         for a in avoid))
        chosen.append(best)
        avoid.append(lab)
    return tuple(chosen)


@lru_cache(maxsize=8)
def _candidates(background: str) -> tuple[str, ...]:
    """Return saturated colours around the hue circle, each dark (or light) enough to read on *background*;
    none green or red (those say good and bad news)."""
    dark_page = _luminance(background) < 0.5
    found = []
    for hue in (h for h in range(0, 360, 6) if not any(a <= h < b for a, b in NEWS_HUES)):
        for target in (MIN_CONTRAST + 1.0, MIN_CONTRAST + 3.0):
            for step in range(101):  # from the background's side towards the text's, to the target contrast
                level = 0.9 - step * 0.008 if not dark_page else 0.1 + step * 0.008
                candidate = _hsl(hue / 360, 0.62, level)
                if contrast(candidate, background) >= target:
                    found.append(candidate)
                    break
    return tuple(found)


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two colours (1–21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _channels(colour: str) -> list[float]:
    return [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _luminance(colour: str) -> float:
    r, g, b = (_linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _lab(colour: str) -> tuple[float, float, float]:
    """Return *colour* in CIE L*a*b* (D65), where distances match what the eye tells apart."""
    r, g, b = (_linear(c) for c in _channels(colour))
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = (v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def lab_distance(a: str, b: str) -> float:
    """Return how far apart two colours look (CIE76 ΔE: about 2 is just noticeable, 20 clearly different)."""
    return math.dist(_lab(a), _lab(b))


def perceived_distance(a: str, b: str) -> float:
    """Return how different two colours look by CIEDE2000 (ΔE00: about 1 is just noticeable; two sections'
    colours are at least :data:`MIN_SECTION_DISTANCE` apart)."""
    return _de2000(_lab(a), _lab(b))


def _de2000(one: tuple[float, float, float], two: tuple[float, float, float]) -> float:
    """Return the CIEDE2000 colour difference of two CIE L*a*b* colours (Sharma, Wu and Dalal, 2005)."""
    (l1, a1, b1), (l2, a2, b2) = one, two
    mean_c = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(mean_c ** 7 / (mean_c ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = math.degrees(math.atan2(b1, a1)) % 360, math.degrees(math.atan2(b2, a2)) % 360
    turn = h2 - h1 if abs(h2 - h1) <= 180 else h2 - h1 - 360 if h2 > h1 else h2 - h1 + 360
    turn = 0.0 if c1 * c2 == 0 else turn
    big_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(turn / 2))
    mean_l, mean_c = (l1 + l2) / 2, (c1 + c2) / 2
    mean_h = h1 + h2 if c1 * c2 == 0 else (h1 + h2) / 2 if abs(h1 - h2) <= 180 else \
        (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(mean_h - 30)) + 0.24 * math.cos(math.radians(2 * mean_h))
         + 0.32 * math.cos(math.radians(3 * mean_h + 6)) - 0.20 * math.cos(math.radians(4 * mean_h - 63)))
    rotation = -math.sin(math.radians(60 * math.exp(-(((mean_h - 275) / 25) ** 2)))) \
        * 2 * math.sqrt(mean_c ** 7 / (mean_c ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (mean_l - 50) ** 2 / math.sqrt(20 + (mean_l - 50) ** 2)
    s_c, s_h = 1 + 0.045 * mean_c, 1 + 0.015 * mean_c * t
    dl, dc, dh = (l2 - l1) / s_l, (c2 - c1) / s_c, big_h / s_h
    return math.sqrt(dl ** 2 + dc ** 2 + dh ** 2 + rotation * dc * dh)


def _hsl(hue: float, saturation: float, lightness: float) -> str:
    """Return the '#rrggbb' of a hue, saturation and lightness (each 0–1)."""
    q = lightness * (1 + saturation) if lightness < 0.5 else lightness + saturation - lightness * saturation
    p = 2 * lightness - q

    def channel(t: float) -> float:
        t %= 1
        if t < 1 / 6:
            return p + (q - p) * 6 * t
        if t < 1 / 2:
            return q
        if t < 2 / 3:
            return p + (q - p) * (2 / 3 - t) * 6
        return p

    return "#" + "".join(f"{round(channel(hue + k) * 255):02x}" for k in (1 / 3, 0, -1 / 3))


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
