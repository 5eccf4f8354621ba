"""Charts on slides: native, editable PowerPoint charts where PowerPoint has the kind, else pictures."""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING, Any, NamedTuple

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_TICK_LABEL_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Pt

from srbrief import meaning
from srbrief.deck import oxml
from srbrief.deck.pptx_text import pt, style_run_properties, write_text
from srbrief.model import Chart, ChartKind, Entity, Event, Fact, Metric, Qualifier
from srbrief.model.story import charted_value, figure_meaning, good_news, item_meaning
from srbrief.model.units import (
    MORE_THAN_NOTE,
    axis_scale,
    doughnut_centre,
    metric_period,
    metric_text,
    news_key,
    share_text,
    whole_label,
)
from srbrief.textlayout import fit_text, font_measurer
from srbrief.typescale import MAIN_TEXT

if TYPE_CHECKING:
    from srbrief.deck.plan import DeckPlan
    from srbrief.deck.pptx_writer import DeckWriter

Runs = list[tuple[str, dict[str, Any]]]


class Box(NamedTuple):
    """A chart's box on the slide, in EMU."""

    x: int
    y: int
    w: int
    h: int


def nice_step(span: float, ticks: int = 6) -> float:
    """Return a round tick step (1, 2 or 5 × 10^n) giving about *ticks* ticks over *span*."""
    raw = max(span, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def add_chart(writer: DeckWriter, slide: Any, chart: Chart, box: Box, name: str, zoom: float = 1.25) -> None:
    """A native, editable chart where PowerPoint has the kind; otherwise the matplotlib drawing as a picture.
    Its shapes are named *name* ('chart:<id>'): the chart or picture itself, then '<name>:2' … for the rest."""
    before = len(slide.shapes)
    _add_chart(writer, slide, chart, Box(*box), zoom)
    for number, shape in enumerate(list(slide.shapes)[before:], 1):
        shape.name = name if number == 1 else f"{name}:{number}"


def _add_chart(writer: DeckWriter, slide: Any, chart: Chart, box: Box, zoom: float) -> None:
    briefing = writer.plan.briefing
    metrics = [m for m in (briefing.find(i) for i in chart.items) if isinstance(m, Metric)]
    try:
        section = item_meaning(briefing, chart.id)  # a chart takes its section's colour
    except KeyError:  # the timeline of a briefing's events that no section declares: the overview's colour
        section = meaning.section(0)
    if chart.kind in (ChartKind.BAR, ChartKind.HBAR):
        _native_bars(writer, slide, chart, metrics, box, section)
    elif chart.kind is ChartKind.SHARE:
        _native_share(writer, slide, metrics, box, section)
    elif chart.kind is ChartKind.LINE:
        _native_line(writer, slide, metrics, box, section)
    else:
        _picture(writer, slide, chart, box, zoom)


def _chart_fonts(writer: DeckWriter, chart: Any, size: float) -> None:

    chart.font.size = Pt(size)
    style_run_properties(chart.font._rPr, writer.fonts)


def _custom_labels(writer: DeckWriter, series: Any, texts: list[str | None], size: float,
                   colour: Any = MSO_THEME_COLOR.TEXT_1) -> None:
    """Label each point with our exact text ('600+家', '−25%'); None leaves a point unlabelled."""

    for point, text in zip(series.points, texts, strict=False):
        if text is None:
            continue
        frame = point.data_label.text_frame
        write_text(frame, [[(text, {"size": size, "bold": True, "colour": colour})]], writer.fonts)


def _native_bars(writer: DeckWriter, slide: Any, chart: Chart, metrics: list[Metric], box: Box,
                 section: str) -> None:

    lang = writer.plan.lang
    if chart.kind is ChartKind.HBAR:  # PowerPoint draws bars bottom-up: reverse so the first item is on top
        metrics = metrics[::-1]
    values, axis_unit = bar_values(metrics, lang)
    data = CategoryChartData(number_format="General")
    data.categories = [m.label.get(lang) for m in metrics]
    data.add_series(chart.title.get(lang), values)
    kind = XL_CHART_TYPE.BAR_CLUSTERED if chart.kind is ChartKind.HBAR else XL_CHART_TYPE.COLUMN_CLUSTERED
    frame = slide.shapes.add_chart(kind, box.x, box.y, box.w, int(box.h * 0.92), data)
    graph = frame.chart
    graph.has_legend = False
    graph.has_title = False
    _chart_fonts(writer, graph, MAIN_TEXT)
    plot = graph.plots[0]
    plot.gap_width = 60
    series = plot.series[0]
    for point, metric in zip(series.points, metrics, strict=True):  # green good news, red bad, as everywhere
        writer.fill(point.format.fill, figure_meaning(metric, section))
    plot.has_data_labels = True
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    _custom_labels(writer, series, [metric_text(m, lang) for m in metrics], MAIN_TEXT)
    value_axis = graph.value_axis
    low, high = min(0.0, *values), max(0.0, *values)
    step = nice_step((high - low) * 1.3, ticks=8)
    value_axis.major_unit = step
    value_axis.minimum_scale = -math.ceil(-low * 1.45 / step) * step if low < 0 else 0
    value_axis.maximum_scale = math.ceil(high * 1.2 / step) * step if high > 0 else 0
    value_axis.has_major_gridlines = True
    value_axis.tick_labels.number_format = "General"
    value_axis.tick_labels.number_format_is_linked = False
    graph.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    _axis_title(writer, value_axis, axis_unit)
    more_than = MORE_THAN_NOTE[lang] and any(m.qualifier is Qualifier.MORE_THAN for m in metrics)
    notes = [MORE_THAN_NOTE[lang]] if more_than else []
    if {good_news(m) for m in metrics} >= {True, False}:  # green and red side by side: say which is which
        notes.append(news_key(lang))
    if notes:
        _caption(writer, slide, box, ("；" if lang == "zh" else "; ").join(notes))


def _axis_title(writer: DeckWriter, axis: Any, unit: str) -> None:
    """Name the unit of a value axis (every chart on an axis shows its unit)."""
    axis.has_title = True
    write_text(axis.axis_title.text_frame, [[(unit, {"size": MAIN_TEXT})]], writer.fonts)


def _caption(writer: DeckWriter, slide: Any, box: Box, text: str) -> None:

    shape = slide.shapes.add_textbox(box.x, box.y + int(box.h * 0.93), box.w, int(box.h * 0.07))
    write_text(shape.text_frame, [[(text, {"size": MAIN_TEXT, "colour": writer.colour("muted")})]], writer.fonts)


def _doughnut(writer: DeckWriter, slide: Any, x: int, y: int, w: int, h: int, name: str, part: float,
              rest: float, label: str, section: str) -> None:
    data = CategoryChartData(number_format="General")
    data.categories = [name, "其余（计算值）" if writer.plan.lang == "zh" else "Rest (derived)"]
    data.add_series(name, [part, rest])
    graph = slide.shapes.add_chart(XL_CHART_TYPE.DOUGHNUT, x, y, w, h, data).chart
    graph.has_legend = False
    graph.has_title = False
    _chart_fonts(writer, graph, MAIN_TEXT)
    plot = graph.plots[0]
    series = plot.series[0]
    for point, role in zip(series.points, (section, meaning.NEUTRAL), strict=True):  # the part; the rest
        writer.fill(point.format.fill, role)
    plot.has_data_labels = True
    plot.data_labels.show_value = True
    # light text on the accent arc, when the arc is wide enough to hold it; dark text beside a thin one
    light = part / (part + rest) >= 0.2 if part + rest > 0 else False
    _custom_labels(writer, series, [label, ""], 16, MSO_THEME_COLOR.BACKGROUND_1 if light else MSO_THEME_COLOR.TEXT_1)


def _native_share(writer: DeckWriter, slide: Any, metrics: list[Metric], box: Box, section: str) -> None:

    lang = writer.plan.lang
    if metrics[0].unit != "percent":  # a part of its whole
        part, whole = metrics
        size = min(box.h, int(box.w * 0.5))
        _doughnut(writer, slide, box.x, box.y, size, size, part.label.get(lang), part.value,  # the number in
                  round(whole.value - part.value, 6), doughnut_centre(part, whole, lang), section)  # its share
        text_w = box.w - size - int(box.w * 0.04)
        text = slide.shapes.add_textbox(box.x + size + int(box.w * 0.04), box.y, text_w, box.h)
        text.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        text_colour, accent, muted = MSO_THEME_COLOR.TEXT_1, writer.colour(section), writer.colour("muted")
        lines = [part.label.get(lang), metric_text(part, lang), share_text(part, whole, lang, writer.plan.briefing),
                 whole_label(whole, lang), metric_text(whole, lang)]
        small = fit_text([lines[0], lines[2], lines[3]], pt(text_w) * 0.9, pt(box.h) * 0.45, 16, MAIN_TEXT,
                         font_measurer()).size
        big = fit_text([lines[1], lines[4]], pt(text_w) * 0.9, pt(box.h) * 0.4, 26, 16, font_measurer(),
                       bold=True).size
        rows: list[Runs] = [[(lines[0], {"size": small, "colour": text_colour})],
                            [(lines[1], {"size": big, "bold": True, "colour": accent})],
                            [(lines[2], {"size": small, "colour": muted})],
                            [(lines[3], {"size": small, "colour": text_colour})],
                            [(lines[4], {"size": big, "bold": True, "colour": muted})]]
        write_text(text.text_frame, [r for r in rows if r[0][0]], writer.fonts)
        text.text_frame.paragraphs[-2].space_before = Pt(small)  # the total apart from the part
        return
    n = len(metrics)
    cell = box.w // n
    size = min(int(box.h * 0.72), int(cell * 0.9))
    for i, metric in enumerate(metrics):
        x = box.x + i * cell + (cell - size) // 2
        _doughnut(writer, slide, x, box.y, size, size, metric.label.get(lang), metric.value,
                  round(100 - metric.value, 6), metric_text(metric, lang), section)
        caption = slide.shapes.add_textbox(box.x + i * cell, box.y + size, cell, box.h - size)
        label = metric.label.get(lang)
        fit = fit_text([label], pt(cell) * 0.9, pt(box.h - size) * 0.9, 16, MAIN_TEXT, font_measurer())
        write_text(caption.text_frame, [[(label, {"size": fit.size, "colour": MSO_THEME_COLOR.TEXT_1})]],
                   writer.fonts, PP_ALIGN.CENTER)


def _native_line(writer: DeckWriter, slide: Any, metrics: list[Metric], box: Box, section: str) -> None:

    lang = writer.plan.lang
    metrics = sorted(metrics, key=lambda m: m.period or "")
    values, axis_unit = bar_values(metrics, lang)
    data = CategoryChartData(number_format="General")
    data.categories = [metric_period(m, lang) for m in metrics]  # as on the cards
    data.add_series(metrics[0].label.get(lang), values)
    graph = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, box.x, box.y, box.w, box.h, data).chart
    graph.has_legend = False
    graph.has_title = False
    _chart_fonts(writer, graph, MAIN_TEXT)
    graph.value_axis.minimum_scale = 0
    _axis_title(writer, graph.value_axis, axis_unit)
    series = graph.plots[0].series[0]  # the line and its markers in the section's colour
    writer.paint(series.format.line.color, section)
    series.marker.format.fill.solid()
    writer.paint(series.marker.format.fill.fore_color, section)
    writer.paint(series.marker.format.line.color, section)
    graph.plots[0].has_data_labels = True
    _custom_labels(writer, graph.plots[0].series[0], [metric_text(m, lang) for m in metrics], MAIN_TEXT)


def _picture(writer: DeckWriter, slide: Any, chart: Chart, box: Box, zoom: float) -> None:
    """The matplotlib drawing at 2× resolution, with alt text that states the figures."""
    from srbrief.charts import render_chart

    width_in, height_in = box.w / 914400 / zoom, box.h / 914400 / zoom
    buffer = io.BytesIO()
    render_chart(writer.plan.briefing, chart, writer.plan.lang, buffer, dpi=round(192 * zoom), fmt="png",
                 theme=writer.scheme,
                 size=(width_in, height_in), frame=False, png_compression=3)  # ~20% larger, much faster
    picture = slide.shapes.add_picture(io.BytesIO(buffer.getvalue()), box.x, box.y, box.w, box.h)
    oxml.set_alt_text(picture, describe_chart(writer.plan, chart), chart.title.get(writer.plan.lang))


def describe_chart(plan: DeckPlan, chart: Chart) -> str:
    """Return alt text for a chart drawn as a picture: what it shows, with its figures."""
    lang = plan.lang
    parts = [chart.title.get(lang)]
    sep = "；" if lang == "zh" else "; "
    for item in (plan.briefing.find(i) for i in chart.items):
        if isinstance(item, Metric):
            parts.append(f"{item.label.get(lang)} {metric_text(item, lang)}")
        elif isinstance(item, Fact):
            heading = (item.title or item.text).get(lang)
            names = ("、" if lang == "zh" else ", ").join(i.label.get(lang) for i in item.items)
            parts.append(f"{heading}: {names}" if names else heading)
        elif isinstance(item, Event):
            parts.append(f"{item.date} {item.text.get(lang)}")
        elif isinstance(item, Entity):
            parts.append(item.name.get(lang))
    if chart.kind is ChartKind.TIMELINE and not chart.items:
        parts += [f"{e.date} {e.text.get(lang)}" for e in plan.briefing.timeline]
    return sep.join(parts)


def bar_values(metrics: list[Metric], lang: str) -> tuple[list[float], str]:
    """Return the values for a native bar chart (falls negative) and the value-axis unit."""
    factor, label = axis_scale(metrics, lang)
    values = [round(charted_value(m) * factor, 6) for m in metrics]
    return values, label
