"""Diagrams of facts and events: the timeline, the grid of named items, the matrix."""

from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from srbrief.charts.style import LABEL, Theme, chinese_date, content_rect, english_date, wrap
from srbrief.model import Briefing, Chart, Event, Fact, Text


def draw_timeline(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme) -> None:
    """Dated events from top to bottom: date, a dot on a line, the event."""
    events: list[Event] = sorted((briefing.find(i) for i in chart.items) if chart.items else briefing.timeline,
                                 key=lambda e: e.date)
    left, bottom, width, height = content_rect(fig)
    ax = fig.add_axes((left, bottom, width, height))
    ax.set_axis_off()
    n = len(events)
    ax.set_xlim(0, 1)
    ax.set_ylim(n - 0.5, -0.5)
    line_x = 0.2
    ax.plot([line_x, line_x], [-0.3, n - 0.7], color=theme.grid, linewidth=2, zorder=1)
    cells = int((1 - line_x - 0.04) * width * fig.get_figwidth() * 72 / (LABEL * 0.5))
    size = LABEL if n <= 7 else LABEL - 1
    for i, event in enumerate(events):
        colour = theme.palette[i % len(theme.palette)]
        date = chinese_date(event.date) if lang == "zh" else english_date(event.date)
        ax.text(line_x - 0.025, i, date, ha="right", va="center", fontsize=size, fontweight="bold", color=colour)
        ax.scatter([line_x], [i], s=70, color=colour, zorder=2, edgecolors=theme.background, linewidths=1.5)
        text = wrap(event.text.get(lang), cells)
        if text.count("\n") >= 2:
            text = "\n".join(text.split("\n")[:2]) + "…"
        ax.text(line_x + 0.025, i, text, ha="left", va="center", fontsize=size, color=theme.text,
                linespacing=1.2)


def _heading(fact: Fact) -> Text:
    return fact.title or fact.text


def _card(fig: Figure, x: float, y: float, w: float, h: float, text: str, colour: str, theme: Theme,
          size: float) -> None:
    fig.patches.append(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0,rounding_size=0.01",
                                      transform=fig.transFigure, facecolor=theme.panel, edgecolor=colour,
                                      linewidth=1.4))
    fig.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=size, color=theme.text,
             linespacing=1.15)


def _cells_for(width_fraction: float, fig: Figure, size: float) -> int:
    return max(4, int(width_fraction * fig.get_figwidth() * 72 / (size * 0.5) * 0.9))


def draw_grid(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme) -> None:
    """Each fact's named items as a block of cards, blocks side by side (the 12 chains, the 6 clusters)."""
    facts: list[Fact] = [briefing.find(i) for i in chart.items]
    left, bottom, width, height = content_rect(fig)
    shapes = []
    for fact in facts:
        rows = max(1, math.ceil(math.sqrt(len(fact.items) / 1.4)))
        shapes.append((rows, math.ceil(len(fact.items) / rows)))
    total_cols = sum(cols for _, cols in shapes)
    block_gap = 0.04
    unit_w = (width - block_gap * (len(facts) - 1)) / total_cols
    x = left
    size = LABEL if lang == "zh" else LABEL - 1
    for b, (fact, (rows, cols)) in enumerate(zip(facts, shapes, strict=True)):
        colour = theme.palette[b % len(theme.palette)]
        block_w = unit_w * cols
        heading = wrap(_heading(fact).get(lang), _cells_for(block_w, fig, LABEL + 1))
        fig.text(x, bottom + height, heading, ha="left", va="top", fontsize=LABEL + 1, fontweight="bold",
                 color=colour)
        top = bottom + height - 0.1
        gap = 0.012
        cell_h = (top - bottom - gap * (rows - 1)) / rows
        cell_w = unit_w - gap
        for i, item in enumerate(fact.items):
            row, col = divmod(i, cols)
            cx = x + col * unit_w
            cy = top - (row + 1) * cell_h - row * gap
            _card(fig, cx, cy, cell_w, cell_h, wrap(item.label.get(lang), _cells_for(cell_w, fig, size)),
                  colour, theme, size)
        x += block_w + block_gap


def draw_matrix(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme) -> None:
    """Items grouped into columns (park / industries / enterprise), each with its count and cards."""
    facts: list[Fact] = [briefing.find(i) for i in chart.items]
    groups: dict[str, tuple[Text | None, list[Text]]] = {}
    for fact in facts:
        for item in fact.items:
            key = item.group.get(lang) if item.group else _heading(fact).get(lang)
            groups.setdefault(key, (item.group, []))[1].append(item.label)
    left, bottom, width, height = content_rect(fig)
    n = len(groups)
    gap = 0.03
    col_w = (width - gap * (n - 1)) / n
    most = max(len(items) for _, items in groups.values())
    for c, (key, (_, labels)) in enumerate(groups.items()):
        colour = theme.palette[c % len(theme.palette)]
        x = left + c * (col_w + gap)
        fig.patches.append(FancyBboxPatch((x, bottom + height - 0.17), col_w, 0.17,
                                          boxstyle="round,pad=0,rounding_size=0.012", transform=fig.transFigure,
                                          facecolor=colour, edgecolor="none"))
        fig.text(x + 0.015, bottom + height - 0.085, str(len(labels)), ha="left", va="center", fontsize=34,
                 fontweight="bold", color=theme.background)
        fig.text(x + 0.075, bottom + height - 0.085, wrap(key, _cells_for(col_w - 0.08, fig, LABEL + 1)),
                 ha="left", va="center", fontsize=LABEL + 1, fontweight="bold", color=theme.background)
        card_top = bottom + height - 0.21
        card_h = min(0.16, (card_top - bottom - 0.015 * (most - 1)) / most)
        for r, label in enumerate(labels):
            y = card_top - (r + 1) * card_h - r * 0.015
            _card(fig, x, y, col_w, card_h, wrap(label.get(lang), _cells_for(col_w, fig, LABEL)), colour, theme,
                  LABEL)
