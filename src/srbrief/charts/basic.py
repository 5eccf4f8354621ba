"""Charts of figures: KPI tiles, bars, shares (doughnuts) and lines."""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.offsetbox import AnchoredOffsetbox, HPacker, TextArea, VPacker
from matplotlib.patches import FancyBboxPatch, Patch

from srbrief.charts.style import (
    BIG,
    FLOOR,
    LABEL,
    SMALL,
    VALUE,
    Area,
    Theme,
    height_of,
    metric_text,
    wrap_to,
)
from srbrief.model import Briefing, Chart, Metric, Qualifier
from srbrief.model.story import charted_value
from srbrief.model.units import (
    MORE_THAN_NOTE,
    NEWS_WORDS,
    axis_scale,
    doughnut_centre,
    metric_period,
    share_text,
    unit_joint,
    value_parts,
    whole_label,
)
from srbrief.textlayout import font_measurer, largest_fitting


def _metrics(briefing: Briefing, chart: Chart) -> list[Metric]:
    return [briefing.find(i, Metric) for i in chart.items]


def draw_kpi(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme, area: Area) -> None:
    """Big-number tiles: number, unit, qualifier ('600+'), label and period."""
    metrics = _metrics(briefing, chart)
    rows = 1 if len(metrics) <= 4 else 2
    cols = -(-len(metrics) // rows)
    left, bottom, width, height = area
    gap = 0.02
    tile_w = (width - gap * (cols - 1)) / cols
    tile_h = min(0.4, (height - gap * (rows - 1)) / rows)
    bottom += (height - (tile_h * rows + gap * (rows - 1))) / 2
    tile_w_pt = tile_w * fig.get_figwidth() * 72
    for i, metric in enumerate(metrics):
        row, col = divmod(i, cols)
        x = left + col * (tile_w + gap)
        y = bottom + (rows - 1 - row) * (tile_h + gap)
        fig.patches.append(FancyBboxPatch((x, y), tile_w, tile_h, boxstyle="round,pad=0,rounding_size=0.012",
                                          transform=fig.transFigure, facecolor=theme.panel, edgecolor="none"))
        number, unit = value_parts(metric, lang)
        big = BIG if rows == 1 else BIG * 0.8
        big = largest_fitting(big, 16, _number_fits(number, tile_w_pt * 0.85), step=2)
        unit_size = max(LABEL, big * 0.45)
        number_box = TextArea(number, textprops={"fontsize": big, "fontweight": "bold",
                                                 "color": theme.figure(metric)})
        unit_box = TextArea(unit, textprops={"fontsize": unit_size, "color": theme.text})
        fits = text_width(number, big, bold=True) + text_width(unit, unit_size) < tile_w_pt * 0.85
        parts: list[Artist] = [number_box, unit_box] if unit else [number_box]
        packer = (HPacker(children=parts, align="baseline", pad=0, sep=3 if unit_joint(unit, lang) else 0.5)
                  if fits or not unit
                  else VPacker(children=parts, align="left", pad=0, sep=2))
        label = wrap_to(metric.label.get(lang), tile_w_pt * 0.88, LABEL)
        lines: list[Artist] = [packer, TextArea(label, textprops={"fontsize": LABEL,
                                                     "color": theme.text, "linespacing": 1.25})]
        period = metric_period(metric, lang)
        if period:
            lines.append(TextArea(period, textprops={"fontsize": SMALL, "color": theme.muted}))
        box = VPacker(children=lines, align="left", pad=0, sep=6)
        anchored = AnchoredOffsetbox(loc="upper left", child=box, frameon=False, pad=0, borderpad=0,
                                     bbox_to_anchor=(x + 0.015, y + tile_h - 0.03), bbox_transform=fig.transFigure)
        fig.add_artist(anchored)


def draw_bars(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme, area: Area,
              horizontal: bool) -> None:
    """Bars from zero, each labelled with its exact value; decreases drawn below zero."""
    metrics = _metrics(briefing, chart)
    factor, axis_label = axis_scale(metrics, lang)
    values = [charted_value(m) * factor for m in metrics]
    colours = [theme.figure(m) for m in metrics]
    # a lower bound is hatched where its label needs the '+' key (English); Chinese labels say 超 themselves
    hatches = ["///" if m.qualifier is Qualifier.MORE_THAN and MORE_THAN_NOTE[lang] else "" for m in metrics]
    left, bottom, width, height = area
    label_share = 0.34 if horizontal else 0.0
    label_points = (label_share if horizontal else width / len(metrics) * 0.95) * fig.get_figwidth() * 72
    labels = [wrap_to(m.label.get(lang), max(4 * LABEL, label_points), LABEL) for m in metrics]
    if not horizontal:  # at most half the chart's height for the labels: a very long one ends in "…"
        most = max(1, int(height * fig.get_figheight() * 72 * 0.5 / (LABEL * 1.3)))
        labels = [_first_lines(label, most) for label in labels]
    # room below the axes, in points so that a short figure (a wide panel in the app) keeps it too:
    # tick labels and the axis label (horizontal), or the category labels, however many lines (vertical)
    lines = max(label.count("\n") + 1 for label in labels)
    below = height_of(fig, (LABEL + SMALL) * 1.45 if horizontal else lines * LABEL * 1.3 + 10)
    ax = fig.add_axes((left + label_share, bottom + below, width - label_share - 0.02, height - below - 0.01))
    ax.set_facecolor(theme.background)
    positions = list(range(len(metrics)))
    low, high = min(0.0, *values), max(0.0, *values)
    high = high if high > low else 1.0  # all zero: an axis still needs a span
    pad = (high - low) * 0.02
    if horizontal:
        bars = ax.barh(positions, values, color=colours, hatch=hatches, edgecolor=theme.background, height=0.62)
        ax.set_yticks(positions, labels, fontsize=LABEL, color=theme.text)
        ax.invert_yaxis()
        ax.set_xlim(low * 1.25 - pad, high * 1.22 + pad)
        ax.set_xlabel(axis_label, fontsize=SMALL, color=theme.muted)
        ax.xaxis.grid(True, color=theme.grid, linewidth=0.8)
        ax.axvline(0, color=theme.muted, linewidth=1)
    else:
        bars = ax.bar(positions, values, color=colours, hatch=hatches, edgecolor=theme.background, width=0.62)
        ax.set_xticks(positions, labels, fontsize=LABEL, color=theme.text)
        ax.set_ylim(low * 1.25 - pad, high * 1.18 + pad)
        ax.set_ylabel(axis_label, fontsize=SMALL, color=theme.muted)
        ax.yaxis.grid(True, color=theme.grid, linewidth=0.8)
        ax.axhline(0, color=theme.muted, linewidth=1)
    ax.set_axisbelow(True)
    for bar, metric, value in zip(bars, metrics, values, strict=True):
        text = metric_text(metric, lang)
        if horizontal:  # a fall is labelled right of zero, clear of the category labels on the left
            x = max(bar.get_width(), 0)
            ax.annotate(text, (x, bar.get_y() + bar.get_height() / 2), xytext=(6, 0),
                        textcoords="offset points", va="center", ha="left",
                        fontsize=VALUE, fontweight="bold", color=theme.text)
        else:
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        xytext=(0, 5 if value >= 0 else -5), textcoords="offset points", ha="center",
                        va="bottom" if value >= 0 else "top", fontsize=VALUE, fontweight="bold", color=theme.text)
    _style_axes(ax, theme)
    if not horizontal:
        _room_for_ticks(fig, ax, left)
    _bar_legend(ax, metrics, lang, theme)


def _room_for_ticks(fig: Figure, ax, left: float) -> None:
    """Move the left edge of *ax* so that its value ticks and axis label fit right of *left* (a narrow panel
    in the app cut "500" to "00")."""
    low, high = ax.get_ylim()
    ticks = [t for t in ax.get_yticks() if low <= t <= high]
    widest = max((text_width(ax.yaxis.get_major_formatter().format_data_short(t).strip() or f"{t:g}", SMALL)
                  for t in ticks), default=0.0)
    label = ax.get_ylabel()
    points = widest + 10 + (SMALL * 1.6 if label else 0)  # tick length and pad; the label turned upright
    room = points / (fig.get_figwidth() * 72)
    x0, y0, x1, y1 = ax.get_position().extents
    if x0 - left < room:
        ax.set_position((left + room, y0, max(0.05, x1 - left - room), y1 - y0))


def _first_lines(text: str, count: int) -> str:
    """Return the first *count* lines of *text*, the last ending in "…" when lines were left out."""
    lines = text.split("\n")
    return text if len(lines) <= count else "\n".join([*lines[: count - 1], lines[count - 1].rstrip() + "…"])


def _bar_legend(ax, metrics: list[Metric], lang: str, theme: Theme) -> None:
    entries = []
    colours = {theme.figure(m) for m in metrics}
    if len(colours) > 1:  # good and bad news side by side: say which is which
        names = {theme.increase: NEWS_WORDS["good"], theme.decrease: NEWS_WORDS["bad"]}
        entries += [Patch(facecolor=c, label=names[c][0 if lang == "zh" else 1]) for c in names if c in colours]
    if MORE_THAN_NOTE[lang] and any(m.qualifier is Qualifier.MORE_THAN for m in metrics):
        entries.append(Patch(facecolor=theme.accent, hatch="///", edgecolor=theme.background,
                             label=MORE_THAN_NOTE[lang]))
    if entries:  # in a band above the plot: never over a bar, whatever the values
        x0, y0, x1, y1 = ax.get_position().extents
        ax.set_position((x0, y0, x1 - x0, y1 - y0 - height_of(ax.figure, SMALL * 2.2)))
        legend = ax.legend(handles=entries, loc="lower right", bbox_to_anchor=(1, 1), borderaxespad=0.2,
                           fontsize=SMALL, frameon=False, labelcolor=theme.text, ncols=len(entries))
        legend.set_zorder(5)


def _style_axes(ax, theme: Theme) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.grid)
    ax.tick_params(colors=theme.muted, labelsize=SMALL)
    for label in ax.get_yticklabels() + ax.get_xticklabels():
        label.set_color(theme.text)


def draw_share(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme, area: Area) -> None:
    """Doughnuts: a part of its whole, or each percentage on its own base (never stacked together)."""
    metrics = _metrics(briefing, chart)
    left, bottom, width, height = area
    if metrics[0].unit != "percent":
        part, whole = metrics
        ax = fig.add_axes((left, bottom, width * 0.5, height), aspect="equal")
        ring = 0.34
        ax.pie([part.value, whole.value - part.value], colors=[theme.accent, theme.grid], startangle=90,
               counterclock=False, wedgeprops={"width": ring, "edgecolor": theme.background})
        # the hole's width in points: pie() spans ±1.25 data units over the shorter side of the square axes
        side = min(width * 0.5 * fig.get_figwidth(), height * fig.get_figheight()) * 72
        hole = side / 2.5 * 2 * (1 - ring) * 0.88
        centre = doughnut_centre(part, whole, lang)  # as the deck's native doughnut says it
        ax.text(0, 0, centre, ha="center", va="center", fontsize=_fitted(centre, LABEL + 8, hole), fontweight="bold",
                color=theme.accent)
        label_points = width * 0.42 * fig.get_figwidth() * 72
        # a swatch for the part only: the grey arc is the rest, and the whole ring is the total
        swatches: list[str | None] = [theme.accent, None]
        for i, (swatch, metric) in enumerate(zip(swatches, (part, whole), strict=True)):
            y = bottom + height * (0.62 - i * 0.3)
            if swatch is not None:
                fig.patches.append(FancyBboxPatch((left + width * 0.54, y), 0.018, 0.032, boxstyle="square,pad=0",
                                                  transform=fig.transFigure, facecolor=swatch, edgecolor="none"))
            label = metric.label.get(lang) if swatch is not None else whole_label(metric, lang)
            share = share_text(part, whole, lang, briefing) if swatch is not None else ""  # of what: its own line
            share = "\n" + wrap_to(share, label_points, LABEL) if share else ""
            fig.text(left + width * 0.57, y + 0.016, wrap_to(label, label_points, LABEL) + "\n" +
                     metric_text(metric, lang) + share, fontsize=LABEL, color=theme.text, va="center",
                     linespacing=1.4)
        return
    n = len(metrics)
    cell = width / n
    for i, metric in enumerate(metrics):
        size = min(cell * fig.get_figwidth(), height * fig.get_figheight() * 0.72) / fig.get_figwidth()
        ax = fig.add_axes((left + i * cell + (cell - size) / 2, bottom + height * 0.3, size, height * 0.7),
                          aspect="equal")
        colour = theme.accent  # each ring its own whole, all in the section's colour
        ax.pie([metric.value, max(0.0, 100 - metric.value)], colors=[colour, theme.grid], startangle=90,
               counterclock=False, wedgeprops={"width": 0.3, "edgecolor": theme.background})
        ax.text(0, 0, metric_text(metric, lang), ha="center", va="center", fontsize=LABEL + 8, fontweight="bold",
                color=colour)
        fig.text(left + i * cell + cell / 2, bottom + height * 0.26,
                 wrap_to(metric.label.get(lang), cell * fig.get_figwidth() * 72 * 0.85, LABEL),
                 ha="center", va="top", fontsize=LABEL, color=theme.text, linespacing=1.3)


def _fitted(text: str, size: float, room: float, smallest: float = FLOOR) -> float:
    """Return *size* (points), made smaller when *text*, bold, would be wider than *room* points."""
    wide = text_width(text, 1.0, bold=True)
    return max(smallest, min(size, room / wide)) if wide else size


def _number_fits(number: str, room: float) -> Callable[[float], bool]:
    """Return whether *number*, bold, is at most *room* points wide at a size."""
    return lambda size: text_width(number, size, bold=True) <= room


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Return the width in points of *text* set in the bundled font at *size* points."""
    return font_measurer(1.0).width(text, size, bold)


def draw_line(fig: Figure, briefing: Briefing, chart: Chart, lang: str, theme: Theme, area: Area) -> None:
    """A line over periods, from zero, each point labelled with its exact value."""
    metrics = sorted(_metrics(briefing, chart), key=lambda m: m.period or "")
    factor, axis_label = axis_scale(metrics, lang)
    left, bottom, width, height = area
    below = height_of(fig, LABEL * 1.4 + 8)  # the period labels under the axis
    ax = fig.add_axes((left + 0.05, bottom + below, width - 0.07, height - below - 0.02))
    xs = list(range(len(metrics)))
    ys = [m.value * factor for m in metrics]
    ax.plot(xs, ys, color=theme.accent, linewidth=2.5, marker="o", markersize=7)
    for x, y, metric in zip(xs, ys, metrics, strict=True):
        ax.annotate(metric_text(metric, lang), (x, y), xytext=(0, 9), textcoords="offset points", ha="center",
                    fontsize=VALUE, fontweight="bold", color=theme.text)
    ax.set_xticks(xs, [metric_period(m, lang) for m in metrics], fontsize=LABEL)
    ax.set_ylim(0, max(ys) * 1.2 or 1.0)  # all zero: an axis still needs a span
    ax.set_xlim(-0.5, len(xs) - 0.5)
    ax.set_ylabel(axis_label, fontsize=SMALL, color=theme.muted)
    ax.yaxis.grid(True, color=theme.grid, linewidth=0.8)
    ax.set_facecolor(theme.background)
    _style_axes(ax, theme)
    _room_for_ticks(fig, ax, left)
