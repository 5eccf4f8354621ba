"""The bodies of slides in the layout: figure cards, the executive summary, a point (cards, chart, facts),
lists and the appendix tables. Qt-free, pptx-free (see srbrief.deck.layout)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from srbrief.deck.boxes import (
    BULLET_GAP,
    BULLET_SIZES,
    KICKER,
    TABLE_PAD,
    TABLE_SIZE,
    ChartBlock,
    Collector,
    Para,
    Rect,
    Run,
    TableBlock,
    TextBlock,
    plain,
)
from srbrief.deck.plandata import BULLET_GUTTER, Card, DeckPlan, Role, Slide, bullet_columns, card_columns, card_slot
from srbrief.deck.tables import table_row_height
from srbrief.model import ChartKind
from srbrief.model.units import currency_prefix, metric_label, unit_joint, value_parts
from srbrief.textlayout import LINE_SPACING, Measurer, break_lines, fit_text, largest_fitting, text_height
from srbrief.typescale import MAIN_TEXT

NUMBER_LARGEST = 36.0
NUMBER_KEEP = 28.0  # card numbers shrink to this for their labels' sake; after that the labels shrink
NUMBER_SMALLEST = 16.0
LABEL_SIZES = (18.0, MAIN_TEXT)
LABEL_COMFORT = 15.0  # a label smaller than this asks the numbers for room first
META = MAIN_TEXT  # the period and qualifier under a card's label
CARD_GAP = 0.018  # of the region's width
CARD_MAX_HEIGHT = 185.0  # the usual card; a slide with room to spare makes its cards taller (see _point)
ROOMY = 1.4  # a taller card's type grows with it, up to this factor
FACT_SIZES = (16.0, MAIN_TEXT)
CAPTION = MAIN_TEXT
CLOSING_SIZES = (28.0, BULLET_SIZES[0])
SOURCES_SIZES = (28.0, MAIN_TEXT)  # the outlook's few items fill the closing slide


def lay_out_body(out: Collector, plan: DeckPlan, slide: Slide, box: Rect) -> None:
    """Add the blocks of *slide*'s body inside *box*."""
    if slide.role is Role.SUMMARY:
        _summary(out, plan.lang, slide, box)
    elif slide.role is Role.POINT:
        _point(out, plan.lang, slide, box)
    elif slide.role is Role.TABLE and slide.table is not None:
        _table(out, slide, box)
    elif slide.chart is not None:
        out.add(ChartBlock.fitted(box, slide.chart, f"chart:{slide.chart.id}"))
    elif slide.role is Role.OUTLOOK and slide.cards:  # the targets the outlook states, then its other lines
        n = len(slide.cards)
        band = Rect(box.x, box.y, box.w, box.h * (0.45 if slide.bullets else 1.0))
        bottom = cards(out, slide.cards, plan.lang, band, n if n <= 3 else -(-n // 2), centre=not slide.bullets,
                       max_height=band.h * 0.72)
        if slide.bullets:
            rest = Rect(box.x, bottom + box.h * 0.04, box.w, box.bottom - bottom - box.h * 0.04)
            _panels(out, list(slide.bullets), rest, f"list:{slide.name or slide.role.value}", slide.accent)
    elif slide.bullets and slide.role is Role.OUTLOOK:
        _panels(out, list(slide.bullets), box, f"list:{slide.name or slide.role.value}", slide.accent)
    elif slide.bullets:
        sizes = SOURCES_SIZES if slide.role is Role.SOURCES else BULLET_SIZES  # a few notes fill their page
        bullets(out, list(slide.bullets), box, f"list:{slide.name or slide.role.value}", sizes, slide.accent)


def _panels(out: Collector, items: list[str], box: Rect, name: str, colour: str) -> None:
    """The close: what follows, one panel per item filling the body, a bar of the section's colour at the
    left of each, the text large and one size for all (a finished last page, never three lines and a void)."""
    gap = box.h * 0.04
    h = (box.h - gap * (len(items) - 1)) / len(items)
    bar = 6.0
    inset = (bar + 18.0, 8.0, 18.0, 8.0)
    width, height = box.w - inset[0] - inset[2], h - inset[1] - inset[3]
    fits = [fit_text([item], width, height, *CLOSING_SIZES, out.measurer) for item in items]
    size = min(fit.size for fit in fits)
    out.overflows.extend(item for item, fit in zip(items, fits, strict=True) if not fit.fits)
    for i, item in enumerate(items):
        rect = Rect(box.x, box.y + i * (h + gap), box.w, h)
        broken = break_lines(item, width, size, out.measurer)
        out.add(TextBlock(rect, (plain(broken, size, broken=True),), f"{name}:{i + 1}",
                          anchor="middle", fill="card", inset=inset))
        out.add(TextBlock(Rect(rect.x, rect.y, bar, h), (), f"{name}-bar:{i + 1}", fill=colour))


def bullets(out: Collector, items: list[str], box: Rect, name: str, sizes: tuple[float, float],
            colour: str = "section0") -> None:
    """A list in one or two columns, one size for all, with a hanging indent so wrapped lines align; the
    bullets in *colour* (the meaning of the slide's colour: its section)."""
    columns = bullet_columns(items)
    gutter = box.w * BULLET_GUTTER if len(columns) > 1 else 0.0
    col_w = box.w / len(columns) - gutter

    def fitted(size: float) -> bool:
        return all(fit_text(column, col_w - size * 1.1, box.h, size, size, out.measurer, gap=BULLET_GAP).fits
                   for column in columns)

    size = largest_fitting(sizes[0], sizes[1], fitted)
    if not fitted(size):
        out.overflows.extend(items)
    for i, column in enumerate(columns):
        text_w = col_w - size * 1.1
        paras = tuple(replace(plain(break_lines(b, text_w, size, out.measurer), size, bullet=True,
                                    space_before=size * BULLET_GAP if j else 0.0, broken=True),
                              bullet_colour=colour)
                      for j, b in enumerate(column))
        rect = Rect(box.x + i * (box.w / len(columns)), box.y, col_w, box.h)
        out.add(TextBlock(rect, paras, f"{name}:{i + 1}" if len(columns) > 1 else name))


# -- figure cards -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _CardText:
    number: str
    unit: str
    label: str
    meta: str
    prefix: str = ""  # a currency before the number, set small like the unit (CNY 300+ mn)
    mark: str = ""  # a derived value's footnote marker, at the end of its label ("2¹" read as a power)

    @classmethod
    def of(cls, card: Card, lang: str) -> _CardText:
        number, unit = value_parts(card.metric, lang)
        prefix, number = currency_prefix(number)
        return cls(number, unit, metric_label(card.metric, lang) + card.mark, card.meta, prefix, card.mark)


def cards(out: Collector, shown: tuple[Card, ...], lang: str, region: Rect, columns: int,
          centre: bool = True, max_height: float = CARD_MAX_HEIGHT) -> float:
    """A grid of figure cards in *region*: the number in the card's colour, the unit beside it (or below), the
    label, then the period and qualifier. Return the bottom of the grid.

    One rule for every renderer: numbers shrink to fit their card (and to keep units beside them); then, while
    labels would be smaller than LABEL_COMFORT, numbers give up size down to NUMBER_KEEP; then labels shrink.
    One label size for every card of the slide."""
    n = len(shown)
    rows = -(-n // columns)
    gap = region.w * CARD_GAP
    w = (region.w - gap * (columns - 1)) / columns
    h = min((region.h - gap * (rows - 1)) / rows, max_height)
    roomy = min(ROOMY, max(1.0, h / CARD_MAX_HEIGHT))  # a card taller than usual: its type grows with it
    label_sizes = (LABEL_SIZES[0] * roomy, LABEL_SIZES[1])
    top = region.y + ((region.h - (h * rows + gap * (rows - 1))) / 2 if centre else 0.0)
    inset = (w * 0.06, min(h * 0.08, 10.0), w * 0.06, min(h * 0.06, 8.0))
    inner_w, inner_h = w - inset[0] - inset[2], h - inset[1] - inset[3]
    texts = [_CardText.of(c, lang) for c in shown]
    measure = out.measurer.width

    def unit_size(size: float) -> float:
        return max(MAIN_TEXT, round(size * 0.45))

    def head_width(t: _CardText, size: float) -> float:
        unit = unit_joint(t.unit, lang) + t.unit
        return measure(t.prefix + t.mark, unit_size(size)) + measure(t.number, size, True) + \
            (measure(unit, unit_size(size)) if t.unit else 0.0)

    def meta_beside(t: _CardText, size: float) -> bool:
        """Whether the period fits on the number's line (after the unit), where it costs no height. A bare
        number (an English count) keeps it on a line of its own: "2 Mar 2025" would read as a date."""
        return bool(t.unit) and head_width(t, size) + measure("   " + t.meta, META) <= inner_w

    def meta_height(t: _CardText, size: float, inline: bool) -> float:
        if not t.meta or (inline and meta_beside(t, size)):
            return 0.0
        return len(break_lines(t.meta, inner_w, META, out.measurer)) * META * LINE_SPACING + 2.0

    number_size = largest_fitting(min(NUMBER_LARGEST * roomy, 2 * int(h * 0.3 / 2)), NUMBER_SMALLEST,
                                  lambda size: all(measure(t.number, size, True) <= inner_w * 0.9 for t in texts),
                                  step=2)
    if number_size > NUMBER_KEEP:  # units beside their numbers, as long as the numbers stay large
        number_size = largest_fitting(number_size, NUMBER_KEEP, lambda size: all(
            head_width(t, size) <= inner_w * 0.85 for t in texts), step=2)

    def arrangement(size: float) -> tuple[list[bool], float]:
        """Return whether each unit fits beside its number, and the labels' common size."""
        inline = [head_width(t, size) <= inner_w * 0.85 for t in texts]
        label_size = min(fit_text([t.label], inner_w, inner_h - _head(size, unit_size(size), ok) -
                                  meta_height(t, size, ok), *label_sizes, out.measurer).size
                         for t, ok in zip(texts, inline, strict=True))
        return inline, label_size

    if number_size > NUMBER_KEEP:  # labels smaller than comfortable ask the numbers for room first
        number_size = largest_fitting(number_size, NUMBER_KEEP,
                                      lambda size: arrangement(size)[1] >= LABEL_COMFORT, step=2)
    inline, label_size = arrangement(number_size)
    made = []
    for i, (card, text) in enumerate(zip(shown, texts, strict=True)):
        row, col = card_slot(i, n, columns)
        rect = Rect(region.x + col * (w + gap), top + row * (h + gap), w, h)
        head = [Run(text.prefix, unit_size(number_size), colour="muted")] if text.prefix else []
        head.append(Run(text.number, number_size, True, card.accent))
        paras = []
        if text.unit and inline[i]:
            head.append(Run(unit_joint(text.unit, lang) + text.unit, unit_size(number_size), colour="muted"))
        beside = bool(text.meta) and inline[i] and meta_beside(text, number_size)
        if beside:
            head.append(Run("   " + text.meta, META, colour="muted"))
        paras.append(Para((tuple(head),), number_size))
        if text.unit and not inline[i]:
            paras.append(plain([text.unit], unit_size(number_size), colour="muted"))
        lines = break_lines(text.label, inner_w, label_size, out.measurer)
        paras.append(plain(lines, label_size, broken=True))
        if text.meta and not beside:
            paras.append(plain(break_lines(text.meta, inner_w, META, out.measurer), META, colour="muted",
                               space_before=2.0, broken=True))
        made.append(TextBlock(rect, tuple(paras), f"metric:{card.metric.id}", fill="card", inset=inset))
    # a taller card than usual: the cards' texts, one offset for all (their numbers stay in line), centred
    tallest = max(block.content_height for block in made)
    lower = max(0.0, (inner_h - tallest) / 2) if roomy > 1.0 else 0.0
    for first, text in zip(made, texts, strict=True):
        block = replace(first, inset=(inset[0], inset[1] + lower, inset[2], inset[3]))
        if block.content_height > block.inner.h + 1e-6:
            out.overflows.append(text.label)
        out.add(block)
    return top + rows * h + (rows - 1) * gap


def _head(number_size: float, unit_size: float, inline: bool) -> float:
    """Return the height a card's number (and its unit, when below it) takes above the label."""
    return number_size * LINE_SPACING + (0.0 if inline else unit_size * LINE_SPACING)


# -- the executive summary and a point --------------------------------------------------------------------------
def _summary(out: Collector, lang: str, slide: Slide, box: Rect) -> None:
    """The headline figures in a row; below, one column per theme: its name, its figure, its conclusion."""
    rows = slide.summary
    gap = box.w * CARD_GAP
    col_w = (box.w - gap * (len(rows) - 1)) / max(1, len(rows))
    label_h = KICKER * LINE_SPACING + 4
    row_cards = tuple(r.card for r in rows if r.card is not None)
    band = next((b for b in (box.h * 0.33, box.h * 0.37, box.h * 0.41)
                 if cards_fit(out, [(c,) for c in row_cards], lang, col_w - 8, b)),
                box.h * 0.41)  # the themes' figures take the height they need, up to a point
    below = label_h + (band + box.h * 0.03 if row_cards else 0.0)  # a theme's column down to its conclusion
    messages = max((_message_height(out, r.message, col_w - 8, box.h - below) for r in rows), default=0.0)
    top_band = box.h * 0.33
    if slide.cards and rows:  # short conclusions: the headline figures take the room they leave
        top_band = min(box.h * TOP_BAND_MOST, max(top_band, box.h * 0.95 - below - messages))
        # conclusions too long for the rest even at their least size (or a footnote of several lines above the
        # footer): they take room from the headline figures, down to what those need
        tight = box.h * 0.95 - max((below if r.card is not None or not row_cards else label_h) +
                                   text_height(len(break_lines(r.message, col_w - 8, MAIN_TEXT, out.measurer)), 1,
                                               MAIN_TEXT, 0.0) for r in rows)  # (a theme without a figure: its
        # conclusion right under its name)
        if tight < top_band:
            least = next((box.h * b for b in HEADLINE_BANDS
                          if cards_fit(out, [slide.cards], lang, box.w, box.h * b, len(slide.cards))), top_band)
            top_band = max(least, tight)
    y = box.y
    if slide.cards and not rows:  # the headline figures alone (a briefing of one section): they take the page
        n = len(slide.cards)
        cards(out, slide.cards, lang, box, n if n <= 3 else -(-n // 2), centre=True, max_height=box.h * 0.72)
        return
    if slide.cards:
        y = cards(out, slide.cards, lang, Rect(box.x, y, box.w, top_band), len(slide.cards), centre=False,
                  max_height=top_band)
        y += box.h * 0.05
    if not rows:
        return
    text_top = y + below
    room = box.bottom - text_top
    size = min(fit_text([r.message], col_w - 8, room, 16.0, MAIN_TEXT, out.measurer).size for r in rows)
    for i, row in enumerate(rows):
        x = box.x + i * (col_w + gap)
        out.add(TextBlock(Rect(x, y, 4.0, box.bottom - y), (), f"summary-bar:{i + 1}", fill=row.accent))
        out.add(TextBlock(Rect(x + 8, y, col_w - 8, label_h), (plain([row.label], KICKER, bold=True,
                                                                      colour=row.accent),), f"summary-label:{i + 1}"))
        if row.card is not None:
            cards(out, (row.card,), lang, Rect(x + 8, y + label_h, col_w - 8, band), 1, centre=False)
        # a theme without a headline figure: its conclusion right under its name, no empty card's room above
        top = text_top if row.card is not None or not row_cards else y + label_h
        message = break_lines(row.message, col_w - 8, size, out.measurer)
        block = TextBlock(Rect(x + 8, top, col_w - 8, box.bottom - top),
                          (plain(message, size, broken=True),), f"summary:{i + 1}")
        if block.content_height > box.bottom - top + 1e-6:
            out.overflows.append(row.message)
        out.add(block)


TOP_BAND_MOST = 0.55  # of the summary's body: the headline figures' band when the themes' conclusions are short
HEADLINE_BANDS = (0.24, 0.27, 0.3, 0.33)  # of the summary's body: the least bands the headline figures may take


def _message_height(out: Collector, message: str, width: float, room: float) -> float:
    """Return the height a theme's conclusion takes on the summary, at the size it fits *room* in."""
    fit = fit_text([message], width, room, 16.0, MAIN_TEXT, out.measurer)
    return text_height(fit.line_count, 1, fit.size, 0.0)


def _point(out: Collector, lang: str, slide: Slide, box: Rect) -> None:
    """A point: its figures, its chart (with its caption) and what was done, arranged by what it has."""
    facts, shown, chart = list(slide.bullets), slide.cards, slide.chart
    gap = box.w * 0.025
    if chart is not None and chart.kind in WIDE_CHARTS:  # lines of text, or rows of labelled boxes
        _wide_chart_point(out, lang, slide, box, facts, gap)
    elif chart is not None and shown and facts and len(shown) <= 2 and _beside_cards(out, lang, shown, facts, box):
        # few figures: they and the facts in a column at the left, the chart the whole height at the right
        left_w = box.w * SIDE_COLUMN
        bottom = cards(out, shown, lang, Rect(box.x, box.y, left_w, box.h * 0.5), 1, centre=False)
        room = Rect(box.x, bottom + box.h * 0.04, left_w, box.bottom - bottom - box.h * 0.04)
        bullets(out, facts, room, f"facts:{slide.name}", FACT_SIZES, slide.accent)
        _chart_and_facts(out, slide, Rect(box.x + left_w + gap, box.y, box.w - left_w - gap, box.h), [],
                         stacked=True)
    elif chart is not None and shown:
        columns = 2 if len(shown) >= 4 else 1
        left_w = box.w * (0.5 if columns == 2 else 0.28)
        cards(out, shown, lang, Rect(box.x, box.y, left_w, box.h), columns, centre=False)
        right = Rect(box.x + left_w + gap, box.y, box.w - left_w - gap, box.h)
        _chart_and_facts(out, slide, right, facts, stacked=True)
    elif shown:
        columns, share = _cards_over_facts(out, lang, shown, facts, box)
        if facts:  # the cards take the room the facts leave (never a blank band under the facts)
            fit = fit_text(facts, box.w - FACT_SIZES[0] * 1.1, box.h, *FACT_SIZES, out.measurer, gap=BULLET_GAP)
            needed = text_height(fit.line_count, len(facts), fit.size, BULLET_GAP) + fit.size
            share = max(share, 0.95 - needed / box.h)
        bottom = cards(out, shown, lang, Rect(box.x, box.y, box.w, box.h * share), columns, centre=not facts,
                       max_height=box.h * share)
        if facts:
            room = Rect(box.x, bottom + box.h * 0.05, box.w, box.bottom - bottom - box.h * 0.05)
            bullets(out, facts, room, f"facts:{slide.name}", FACT_SIZES, slide.accent)
    elif chart is not None:
        _chart_and_facts(out, slide, box, facts, stacked=False)
    elif facts:
        bullets(out, facts, box, f"facts:{slide.name}", BULLET_SIZES, slide.accent)


SIDE_COLUMN = 0.34  # of the body: the column of a few figures and the facts beside a full-height chart


def _beside_cards(out: Collector, lang: str, shown: tuple[Card, ...], facts: list[str], box: Rect) -> bool:
    """Return whether a few cards (in half the body's height) and the facts below them fit a side column at
    their least sizes."""
    width = box.w * SIDE_COLUMN
    trial = Collector(out.measurer)
    bottom = cards(trial, shown, lang, Rect(0.0, 0.0, width, box.h * 0.5), 1, centre=False)
    return (cards_fit(out, [shown], lang, width, box.h * 0.5)
            and facts_fit(out, facts, width, box.h - bottom - box.h * 0.04))


def _cards_over_facts(out: Collector, lang: str, shown: tuple[Card, ...], facts: list[str],
                      box: Rect) -> tuple[int, float]:
    """Return the columns of the cards and the share of *box* they take above the facts: the usual grid, or
    one row of up to five cards, and the least room for the facts at which they fit at the main flow's size
    while the cards keep theirs (failing that, the usual grid above the least room for the facts)."""
    grid = card_columns(len(shown))
    if not facts:
        return grid, 1.0
    for columns in [grid] + ([len(shown)] if grid < len(shown) <= 5 else []):
        for share in FACT_SHARES:
            if (facts_fit(out, facts, box.w, box.h * (share - 0.05))
                    and cards_fit(out, [shown], lang, box.w, box.h * (0.97 - share), columns)):
                return columns, 0.97 - share
    return grid, 0.97 - FACT_SHARES[0]


WIDE_CHARTS = (ChartKind.TIMELINE, ChartKind.GRID, ChartKind.MATRIX)  # they take the slide's whole width


def _wide_chart_point(out: Collector, lang: str, slide: Slide, box: Rect, facts: list[str], gap: float) -> None:
    """A point with a timeline or a diagram of labelled boxes: its figures and what was done in a band on top,
    the chart below across the whole width (its lines and boxes stay wide, so its type stays at the main
    flow's size); when the band cannot hold both, the figures take the band and the facts go beside the
    chart."""
    assert slide.chart is not None
    shown = slide.cards
    left_w = box.w * (0.62 if facts and shown else 1.0 if shown else 0.0)
    right_w = box.w - (left_w + gap if shown else 0.0)

    def band_holds(share: float, width: float, with_facts: bool) -> bool:
        return ((not shown or cards_fit(out, [shown], lang, width, box.h * share, len(shown)))
                and (not with_facts or facts_fit(out, facts, right_w, box.h * share)))

    share = next((s for s in BANDS if band_holds(s, left_w, bool(facts))), None)
    beside = share is None and bool(facts and shown)  # the facts beside the chart, the figures across the top
    if beside:
        left_w = box.w
        share = next((s for s in BANDS if band_holds(s, box.w, False)), BANDS[-1])
    band = box.h * (share or BANDS[-1]) if shown or facts else 0.0
    if facts and not shown:  # the facts alone above the chart: a band of their height, the chart takes the rest
        fit = fit_text(facts, box.w - FACT_SIZES[0] * 1.1, band, *FACT_SIZES, out.measurer, gap=BULLET_GAP)
        band = min(band, text_height(fit.line_count, len(facts), fit.size, BULLET_GAP) + fit.size * 0.5)
    if shown:
        cards(out, shown, lang, Rect(box.x, box.y, left_w, band), len(shown), centre=False)
    top = box.y + (band + box.h * 0.04 if band else 0.0)
    chart = Rect(box.x, top, box.w, box.bottom - top)
    if facts and beside:
        fact_w = box.w * _fact_share(out, facts, lambda s: (box.w * s, chart.h))
        bullets(out, facts, Rect(chart.right - fact_w, top, fact_w, chart.h), f"facts:{slide.name}", FACT_SIZES,
                slide.accent)
        chart = Rect(chart.x, top, chart.w - fact_w - gap, chart.h)
    elif facts:
        x = box.x + (left_w + gap if shown else 0.0)
        bullets(out, facts, Rect(x, box.y, box.right - x, band), f"facts:{slide.name}", FACT_SIZES, slide.accent)
    out.add(ChartBlock.fitted(chart, slide.chart, f"chart:{slide.chart.id}"))


BANDS = (0.3, 0.36, 0.42)  # of a point's body that the band above a wide chart may take, least first
FACT_SHARES = (0.33, 0.37, 0.41, 0.45, 0.5)  # of a chart's region that its facts may take, least first


def _fact_share(out: Collector, facts: list[str], room: Callable[[float], tuple[float, float]]) -> float:
    """Return the least share of the region (from FACT_SHARES) whose room holds *facts* at the main flow's
    size: the chart gives up room before the facts would be smaller than that."""
    return next((share for share in FACT_SHARES if facts_fit(out, facts, *room(share))), FACT_SHARES[-1])


def facts_fit(out: Collector, facts: list[str], width: float, height: float) -> bool:
    """Return whether *facts*, as a bulleted list at the main flow's size, fit *width* × *height*."""
    return fit_text(facts, width - MAIN_TEXT * 1.1, height, MAIN_TEXT, MAIN_TEXT, out.measurer, gap=BULLET_GAP).fits


def cards_fit(out: Collector, grids: list[tuple[Card, ...]], lang: str, width: float, height: float,
              columns: int = 1) -> bool:
    """Return whether each grid of cards, in *columns* in a region *width* × *height*, holds its text at its
    least sizes, its numbers at least NUMBER_KEEP."""
    trial = Collector(out.measurer)
    for grid in grids:
        cards(trial, grid, lang, Rect(0.0, 0.0, width, height), columns, centre=False)
    numbers = [b.paras[0].size for b in trial.blocks if isinstance(b, TextBlock) and b.paras]
    return not trial.overflows and min(numbers, default=NUMBER_KEEP) >= NUMBER_KEEP


def _chart_and_facts(out: Collector, slide: Slide, box: Rect, facts: list[str], stacked: bool) -> None:
    """The chart with its caption, and the facts below it (*stacked*) or beside it."""
    assert slide.chart is not None
    if facts and stacked:
        share = _fact_share(out, facts, lambda s: (box.w, box.h * s))
        chart_box = Rect(box.x, box.y, box.w, box.h * (0.97 - share))
        fact_box = Rect(box.x, chart_box.bottom + box.h * 0.03, box.w, box.h * share)
    elif facts:
        share = _fact_share(out, facts, lambda s: (box.w * s, box.h))
        chart_box = Rect(box.x, box.y, box.w * (0.97 - share), box.h)
        fact_box = Rect(chart_box.right + box.w * 0.03, box.y, box.w * share, box.h)
    else:
        chart_box, fact_box = box, None
    if slide.caption:
        lines = break_lines(slide.caption, chart_box.w, CAPTION, out.measurer)
        height = len(lines) * CAPTION * LINE_SPACING
        chart_box = Rect(chart_box.x, chart_box.y, chart_box.w, chart_box.h - height - 4)
        out.add(TextBlock(Rect(chart_box.x, chart_box.bottom + 4, chart_box.w, height),
                          (plain(lines, CAPTION, colour="muted"),), f"caption:{slide.chart.id}"))
    out.add(ChartBlock.fitted(chart_box, slide.chart, f"chart:{slide.chart.id}"))
    if fact_box is not None:
        bullets(out, facts, fact_box, f"facts:{slide.name}", FACT_SIZES, slide.accent)


# -- tables -----------------------------------------------------------------------------------------------------
def _table(out: Collector, slide: Slide, box: Rect) -> None:
    assert slide.table is not None
    table = slide.table
    columns = tuple(box.w * w for w in table.widths)
    rows = [table.header, *table.rows]
    cells = tuple(tuple(tuple(break_lines(c, w - 2 * TABLE_PAD, TABLE_SIZE, out.measurer, bold=r == 0))
                        for c, w in zip(row, columns, strict=True)) for r, row in enumerate(rows))
    heights = tuple(table_row_height(row, columns, out.measurer, bold=r == 0) for r, row in enumerate(rows))
    if sum(heights) > box.h + 1e-6:
        out.overflows.append(table.rows[-1][0] if table.rows else slide.title)
    breaks = tuple(tuple(_hard_breaks(c, w - 2 * TABLE_PAD, out.measurer, r == 0)
                         for c, w in zip(row, columns, strict=True)) for r, row in enumerate(rows))
    out.add(TableBlock(Rect(box.x, box.y, box.w, sum(heights)), columns, cells, heights, TABLE_SIZE,
                       f"table:{slide.name}", breaks))


def _hard_breaks(text: str, width: float, measurer: Measurer, bold: bool) -> tuple[int, ...]:
    """Return the numbers of the lines of a cell that begin a line of its text (after a '\\n')."""
    found, count = [], 0
    for paragraph in text.split("\n")[:-1]:
        count += len(break_lines(paragraph, width, TABLE_SIZE, measurer, bold))
        found.append(count)
    return tuple(found)
