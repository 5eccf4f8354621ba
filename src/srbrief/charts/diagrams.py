"""Diagrams of facts and events: the timeline, the grid of named items, the matrix."""

from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from srbrief.charts.style import FLOOR, LABEL, Area, Theme, chinese_date, english_date, height_of
from srbrief.model import Briefing, Chart, Event, Fact, Text
from srbrief.model.textutil import counted
from srbrief.textlayout import (
    LINE_SPACING,
    balanced_lines,
    fit_text,
    font_measurer,
    largest_fitting,
    shown,
    tokens,
    wrapped,
)

TIMELINE_ROOMY = 1.5
TIMELINE_SMALLEST = 3.0  # points: a long timeline in a short panel gets smaller text, never overlapping rows


def draw_timeline(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme, area: Area) -> None:
    """Dated events from top to bottom: date, a dot on a line, the event, each row as tall as its text."""
    events: list[Event] = sorted((briefing.find(i, Event) for i in chart.items) if chart.items else briefing.timeline,
                                 key=lambda e: e.date)
    left, bottom, width, height = area
    ax = fig.add_axes((left, bottom, width, height))
    ax.set_axis_off()
    if not events:  # validation refuses this; a chart of nothing stays empty rather than failing
        return
    room = height * fig.get_figheight() * 72  # points: rows are laid out in points from the top
    full_w = width * fig.get_figwidth() * 72
    measurer = font_measurer()
    dates = [chinese_date(e.date) if lang == "zh" else english_date(e.date) for e in events]

    def rows(size: float) -> tuple[float, list[str], float]:
        """Return where the line goes, each event broken at its real width, and the height they need."""
        # the line just right of the widest date: the events get the rest of the width
        line_x = (max(measurer.width(d, size, True) for d in dates) + size * 1.2) / full_w
        room_w = (1 - line_x) * full_w - size * 0.6 - 4
        texts = [wrapped(event.text.get(lang), room_w, size, measurer) for event in events]
        needed = sum((t.count("\n") + 1) * size * 1.25 for t in texts) + size * 0.45 * (len(events) - 1)
        return line_x, texts, needed

    # the largest size at which every event fits (never cut short): below the usual floor rather than overlap
    # a few events get larger type (up to TIMELINE_ROOMY × LABEL) and take the room rather than leave it blank
    size = largest_fitting(LABEL * TIMELINE_ROOMY, TIMELINE_SMALLEST,
                           lambda s: rows(s)[2] <= (room * 0.8 if s > LABEL else room), step=0.5)
    line_x, texts, needed = rows(size)
    line, gap = size * 1.25, size * 0.45
    if len(events) > 1:  # spread the rows over the room there is, within reason
        gap += min(max(0.0, (room - needed) / (len(events) - 1)), size * 3.0)
    ax.set_xlim(0, 1)
    ax.set_ylim(room, 0)
    y, dots = 0.0, []
    colour = theme.accent  # one colour for every date: its section's
    for date, text in zip(dates, texts, strict=True):
        ax.text(line_x - size * 0.6 / full_w, y, date, ha="right", va="top", fontsize=size, fontweight="bold",
                color=colour)
        dots.append(y + line / 2)
        ax.scatter([line_x], [dots[-1]], s=70, color=colour, zorder=2, edgecolors=theme.background, linewidths=1.5)
        ax.text(line_x + size * 0.6 / full_w, y, text, ha="left", va="top", fontsize=size, color=theme.text,
                linespacing=1.25)
        y += (text.count("\n") + 1) * line + gap
    ax.plot([line_x, line_x], [dots[0] - line * 0.3, dots[-1] + line * 0.3], color=theme.grid, linewidth=2,
            zorder=1)


def _heading(fact: Fact) -> Text:
    return fact.title or fact.text


def _card(fig: Figure, x: float, y: float, w: float, h: float, text: str, colour: str, theme: Theme,
          size: float) -> None:
    """A box with its label, broken at its real width and set at the largest size (down to FLOOR) that fits."""
    fig.patches.append(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0,rounding_size=0.01",
                                      transform=fig.transFigure, facecolor=theme.panel, edgecolor=colour,
                                      linewidth=1.4))
    width, height = w * fig.get_figwidth() * 72 * CELL_TEXT, h * fig.get_figheight() * 72 * 0.9
    fit = fit_text([text], width, height / 1.2 * LINE_SPACING, size, FLOOR, font_measurer(), step=0.5)
    lines = balanced_lines(text, width, fit.size, font_measurer()) if fit.fits else fit.lines[0]
    fig.text(x + w / 2, y + h / 2, "\n".join(shown(line) for line in lines), ha="center", va="center",
             fontsize=fit.size, color=theme.text, linespacing=1.15)


def _wrap(text: str, width_fraction: float, fig: Figure, size: float) -> str:
    """Return *text* broken at its real width for a column *width_fraction* of the figure wide, bold."""
    return wrapped(text, width_fraction * fig.get_figwidth() * 72 * 0.95, size, font_measurer(), bold=True)


CELL_GAP = 0.012  # of the figure's width, between two cards of a block
CELL_TEXT = 0.88  # of a card's width: its label's line


def _unit_widths(fig: Figure, facts: list[Fact], shapes: list[tuple[int, int]], lang: str,
                 width: float) -> list[float]:
    """Return the width of one column of each block (figure fractions): all alike, unless a block's longest word
    (a term, a compound) would not fit a card at FLOOR; that block then takes the width it needs from the others
    (no word is split for want of a wider card, as long as the others keep theirs)."""
    total_cols = sum(cols for _, cols in shapes)
    even = width / total_cols
    measurer, points = font_measurer(), fig.get_figwidth() * 72
    needs = [max((measurer.width(token.rstrip(" "), FLOOR) for item in fact.items
                  for token in tokens(item.label.get(lang))), default=0.0) / (CELL_TEXT * points) + CELL_GAP
             for fact in facts]
    short = [i for i, need in enumerate(needs) if need > even]
    if not short:
        return [even] * len(facts)
    others = [i for i in range(len(facts)) if i not in short]
    rest = sum(shapes[i][1] for i in others)
    share = (width - sum(needs[i] * shapes[i][1] for i in short)) / rest if rest else 0.0
    if not others or share < max(needs[i] for i in others):  # no block can give room: the words split
        return [even] * len(facts)
    return [needs[i] if i in short else share for i in range(len(facts))]


def draw_grid(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme, area: Area) -> None:
    """Each fact's named items as a block of cards, blocks side by side (the 12 chains, the 6 clusters)."""
    facts: list[Fact] = [briefing.find(i, Fact) for i in chart.items]
    left, bottom, width, height = area
    shapes = []
    for fact in facts:
        rows = max(1, math.ceil(math.sqrt(len(fact.items) / 1.4)))
        shapes.append((rows, math.ceil(len(fact.items) / rows)))
    block_gap = 0.04
    units = _unit_widths(fig, facts, shapes, lang, width - block_gap * (len(facts) - 1))
    x = left
    size = LABEL
    headings = [_wrap(_heading(fact).get(lang), unit_w * cols, fig, LABEL + 1)
                for fact, (_, cols), unit_w in zip(facts, shapes, units, strict=True)]
    # the cards start below the tallest heading (a heading may wrap), in points so any figure keeps the room
    lines = max(heading.count("\n") + 1 for heading in headings)
    top = bottom + height - height_of(fig, lines * (LABEL + 1) * 1.3 + 10)
    shades = theme.shades(len(facts))  # blocks told apart by shades of the section's colour
    for fact, (rows, cols), heading, colour, unit_w in zip(facts, shapes, headings, shades, units, strict=True):
        block_w = unit_w * cols
        fig.text(x, bottom + height, heading, ha="left", va="top", fontsize=LABEL + 1, fontweight="bold",
                 color=colour, linespacing=1.15)
        gap = CELL_GAP
        cell_h = (top - bottom - gap * (rows - 1)) / rows
        cell_w = unit_w - gap
        for i, item in enumerate(fact.items):
            row, col = divmod(i, cols)
            cx = x + col * unit_w
            cy = top - (row + 1) * cell_h - row * gap
            _card(fig, cx, cy, cell_w, cell_h, item.label.get(lang),
                  colour, theme, size)
        x += block_w + block_gap


def draw_matrix(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme, area: Area) -> None:
    """Items grouped into columns (park / industries / enterprise), each with its count and cards."""
    facts: list[Fact] = [briefing.find(i, Fact) for i in chart.items]
    groups: dict[str, tuple[Text | None, list[Text]]] = {}
    for fact in facts:
        for item in fact.items:
            key = item.group.get(lang) if item.group else _heading(fact).get(lang)
            groups.setdefault(key, (item.group, []))[1].append(item.label)
    left, bottom, width, height = area
    n = len(groups)
    gap = 0.03
    col_w = (width - gap * (n - 1)) / n
    most = max(len(items) for _, items in groups.values())
    shades = theme.shades(n)  # columns told apart by shades of the section's colour
    for c, (key, (_, labels)) in enumerate(groups.items()):
        colour = shades[c]
        x = left + c * (col_w + gap)
        fig.patches.append(FancyBboxPatch((x, bottom + height - 0.17), col_w, 0.17,
                                          boxstyle="round,pad=0,rounding_size=0.012", transform=fig.transFigure,
                                          facecolor=colour, edgecolor="none"))
        fig.text(x + 0.015, bottom + height - 0.085, str(len(labels)), ha="left", va="center", fontsize=34,
                 fontweight="bold", color=theme.background)
        fig.text(x + 0.075, bottom + height - 0.085, _wrap(counted(key, len(labels), lang), col_w - 0.08, fig,
                                                           LABEL + 1),
                 ha="left", va="center", fontsize=LABEL + 1, fontweight="bold", color=theme.background)
        card_top = bottom + height - 0.21
        card_h = min(0.24, (card_top - bottom - 0.015 * (most - 1)) / most)  # the cards take the height there is
        for r, label in enumerate(labels):
            y = card_top - (r + 1) * card_h - r * 0.015
            _card(fig, x, y, col_w, card_h, label.get(lang), colour, theme,
                  LABEL)
