"""The deck plan: the single answer to "what is on slide N", rendered alike by PPTX, presenter and PDF.

Qt-free and pptx-free: slides are plain data built from the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from srbrief.model import Briefing, Chart, ChartKind, Event, Fact, Metric, Section, SectionKind
from srbrief.model.textutil import chinese_date, english_date, source_line
from srbrief.model.units import format_value

MAX_CARDS = 15  # figure cards on one slide (5 × 3)
MAX_CHART_SLIDES = 2  # per theme
NATIVE_KINDS = (ChartKind.BAR, ChartKind.HBAR, ChartKind.SHARE, ChartKind.LINE)
OWN_SLIDE_KINDS = (ChartKind.KPI, ChartKind.TIMELINE, ChartKind.ROUTE_MAP)


class Role(str, Enum):
    TITLE = "title"
    AGENDA = "agenda"
    FIGURES = "figures"
    SECTION = "section"
    CHART = "chart"
    LIST = "list"
    TIMELINE = "timeline"
    MAP = "map"
    SOURCES = "sources"
    CLOSING = "closing"


@dataclass(frozen=True)
class Slide:
    """One slide: its role, texts, what it shows, and what the presenter says."""

    role: Role
    title: str
    subtitle: str = ""
    bullets: tuple[str, ...] = ()
    metrics: tuple[Metric, ...] = ()
    chart: Chart | None = None
    notes: str = ""
    sources: tuple[str, ...] = ()  # the verbatim clauses behind the figures on this slide
    section_id: str | None = None


@dataclass(frozen=True)
class DeckPlan:
    briefing: Briefing
    lang: str
    slides: tuple[Slide, ...] = field(default=())
    footer: str = ""


T = {  # the deck's own words, in both languages
    "agenda": ("议程", "Agenda"),
    "headline": ("核心数据", "Headline figures"),
    "key": ("关键数据", "Key figures"),
    "measures": ("主要举措", "What Shangrao is doing"),
    "timeline": ("大事记", "Timeline"),
    "sources": ("来源与说明", "Sources and method"),
    "closing": ("谢谢", "Thank you"),
    "part": ("（{i}/{n}）", " ({i}/{n})"),
    "source_label": ("来源", "Sources"),
}


def card_columns(count: int) -> int:
    """Return how many columns a grid of *count* figure cards has (the same on every renderer)."""
    return count if count <= 4 else (3 if count <= 6 else (4 if count <= 12 else 5))


def card_slot(index: int, count: int) -> tuple[int, float]:
    """Return the row and the (fractional) column of card *index* of *count*: a short last row is centred."""
    cols = card_columns(count)
    row, col = divmod(index, cols)
    in_row = min(cols, count - row * cols)
    return row, col + (cols - in_row) / 2


BULLET_GUTTER = 0.04  # of the body's width: the clear space after a column of bullets when there are two


def bullet_columns(bullets: list[str]) -> list[list[str]]:
    """Return a list in one column, or two when it is long (the same on every renderer)."""
    if len(bullets) <= 8:
        return [bullets]
    half = (len(bullets) + 1) // 2
    return [bullets[:half], bullets[half:]]


def _t(key: str, lang: str) -> str:
    return T[key][0 if lang == "zh" else 1]


def _date(date: str, lang: str) -> str:
    return chinese_date(date) if lang == "zh" else english_date(date)


def _chunks(items: list[Metric], size: int) -> list[list[Metric]]:
    """Split *items* into as few even chunks of at most *size* as possible."""
    if not items:
        return []
    count = -(-len(items) // size)
    per = -(-len(items) // count)
    return [items[i:i + per] for i in range(0, len(items), per)]


def _sentence(text: str, lang: str) -> str:
    text = text.strip()
    end = "。" if lang == "zh" else "."
    return text if text.endswith(("。", ".", "！", "!", "？", "?")) else text + end


def _figure_sentence(metrics: list[Metric], lang: str) -> str:
    """Return one sentence naming up to three of *metrics* with their values."""
    picked = metrics[:3]
    if lang == "zh":
        return "要点：" + "；".join(f"{m.label.zh}{format_value(m, 'zh')}" for m in picked) + "。"
    return "Key points: " + "; ".join(f"{m.label.en}: {format_value(m, 'en')}" for m in picked) + "."


def _notes(sentences: list[str], sources: tuple[str, ...], lang: str) -> str:
    body = " ".join(s for s in sentences if s) if lang == "en" else "".join(s for s in sentences if s)
    if not sources:
        return body
    label = _t("source_label", lang)
    return body + "\n\n" + label + ("：" if lang == "zh" else ":") + "\n" + "\n".join(f"• {s}" for s in sources)


def _chart_metrics(briefing: Briefing, chart: Chart) -> list[Metric]:
    return [m for m in (briefing.find(i) for i in chart.items) if isinstance(m, Metric)]


def _theme_chart_slides(briefing: Briefing, section: Section, lang: str) -> list[Slide]:
    charts = [c for c in section.charts if c.kind not in OWN_SLIDE_KINDS][:MAX_CHART_SLIDES]
    slides = []
    for chart in charts:
        metrics = _chart_metrics(briefing, chart)
        facts = [f for f in (briefing.find(i) for i in chart.items) if isinstance(f, Fact)]
        sources = tuple(dict.fromkeys([m.source for m in metrics] + [f.source for f in facts]))
        said = [_sentence(chart.title.get(lang), lang)]
        if metrics:
            said.append(_figure_sentence(metrics, lang))
        if chart.note:
            said.append(_sentence(chart.note.get(lang), lang))
        slides.append(Slide(Role.CHART, chart.title.get(lang), chart=chart, metrics=tuple(metrics),
                            notes=_notes(said, sources, lang), sources=sources, section_id=section.id))
    return slides


def _figure_slides(section: Section, shown: set[str], title: str, lang: str) -> list[Slide]:
    metrics = [m for m in section.metrics if m.id not in shown]
    chunks = _chunks(metrics, MAX_CARDS)
    slides = []
    for i, chunk in enumerate(chunks, 1):
        suffix = _t("part", lang).format(i=i, n=len(chunks)) if len(chunks) > 1 else ""
        sources = tuple(dict.fromkeys(m.source for m in chunk))
        said = [_sentence(section.lede.get(lang), lang) if i == 1 else "", _figure_sentence(chunk, lang)]
        slides.append(Slide(Role.FIGURES, title + suffix, metrics=tuple(chunk), notes=_notes(said, sources, lang),
                            sources=sources, section_id=section.id))
    return slides


def _measures_slide(section: Section, lang: str) -> Slide | None:
    if not section.facts:
        return None
    bullets = tuple((f.title or f.text).get(lang) for f in section.facts)
    sources = tuple(dict.fromkeys(f.source for f in section.facts))
    said = [_sentence(section.title.get(lang), lang)]
    said += [_sentence(f.text.get(lang), lang) for f in section.facts[:3]]
    title = _joined(section.short_title.get(lang), _t("measures", lang), lang)
    return Slide(Role.LIST, title, bullets=bullets, notes=_notes(said, sources, lang), sources=sources,
                 section_id=section.id)


def _find_chart(briefing: Briefing, kind: ChartKind) -> Chart | None:
    return next((c for c in briefing.charts if c.kind is kind), None)


def plan_deck(briefing: Briefing, lang: str) -> DeckPlan:
    """Return the ordered slides of the briefing deck in *lang* ('zh' or 'en')."""
    src = briefing.source
    overview = briefing.sections[0]
    themes = [s for s in briefing.sections if s.kind is SectionKind.THEME]
    date = _date(src.date, lang)
    slides: list[Slide] = []
    if lang == "zh":
        byline = f"{src.publication.zh} {date} 《{src.headline.zh}》"
    else:
        byline = f'{src.publication.en}, {date}: "{src.headline.en}"'
    slides.append(Slide(Role.TITLE, briefing.title.get(lang), subtitle=briefing.subtitle.get(lang),
                        notes=_notes([_sentence(overview.lede.get(lang), lang),
                                      _sentence(byline, lang)], (), lang)))
    agenda = tuple(s.title.get(lang) for s in themes)
    extra = tuple(_t(k, lang) for k in ("timeline", "sources"))
    slides.append(Slide(Role.AGENDA, _t("agenda", lang), bullets=(overview.title.get(lang), *agenda, *extra),
                        notes=_notes([_sentence(overview.lede.get(lang), lang)], (), lang)))
    slides += _figure_slides(overview, set(), _t("headline", lang), lang)
    for section in themes:
        number = f"视角{_chinese_number(section.number)}" if lang == "zh" else f"Perspective {section.number}"
        slides.append(Slide(Role.SECTION, section.title.get(lang), subtitle=number,
                            notes=_notes([_sentence(section.lede.get(lang), lang)], (), lang),
                            section_id=section.id))
        chart_slides = _theme_chart_slides(briefing, section, lang)
        shown = {m.id for s in chart_slides for m in s.metrics}
        slides += _figure_slides(section, shown, _joined(section.short_title.get(lang), _t("key", lang), lang), lang)
        slides += chart_slides
        measures = _measures_slide(section, lang)
        if measures:
            slides.append(measures)
    slides += _special_slides(briefing, lang)
    return DeckPlan(briefing, lang, tuple(slides), footer=_footer(briefing, lang))


def _special_slides(briefing: Briefing, lang: str) -> list[Slide]:
    slides: list[Slide] = []
    timeline = _find_chart(briefing, ChartKind.TIMELINE)
    if timeline is not None:
        events: list[Event] = [briefing.find(i) for i in timeline.items] or list(briefing.timeline)
        sources = tuple(dict.fromkeys(e.source for e in events))
        said = [_sentence(timeline.title.get(lang), lang)]
        said += [_sentence(f"{_date(e.date, lang)}{'：' if lang == 'zh' else ': '}{e.text.get(lang)}", lang)
                 for e in events[:2]]
        slides.append(Slide(Role.TIMELINE, timeline.title.get(lang), chart=timeline, notes=_notes(said, sources, lang),
                            sources=sources))
    route = _find_chart(briefing, ChartKind.ROUTE_MAP)
    if route is not None:
        facts = [f for f in (briefing.find(i) for i in route.items) if isinstance(f, Fact)]
        sources = tuple(dict.fromkeys(f.source for f in facts))
        said = [_sentence(route.title.get(lang), lang)] + [_sentence(f.text.get(lang), lang) for f in facts[:2]]
        if route.note:
            said.append(_sentence(route.note.get(lang), lang))
        slides.append(Slide(Role.MAP, route.title.get(lang), chart=route, notes=_notes(said, sources, lang),
                            sources=sources))
    slides.append(_sources_slide(briefing, lang))
    closing_note = ("感谢聆听。如需核对任何数字，请查看每页备注中的原文出处。" if lang == "zh" else
                    "Thank you. Every figure in this deck can be checked against the original sentence "
                    "quoted in the speaker notes of its slide.")
    slides.append(Slide(Role.CLOSING, _t("closing", lang), subtitle=briefing.title.get(lang), notes=closing_note))
    return slides


def _joined(section: str, part: str, lang: str) -> str:
    """Return a slide title of a section's part: '视角一・产业优势：关键数据' or '1. Strengths: Key figures'."""
    return f"{section}：{part}" if lang == "zh" else f"{section}: {part}"


def _chinese_number(n: int | None) -> str:
    """Return 1–10 as 一…十 (as the article numbers its 视角), larger numbers as digits."""
    return "一二三四五六七八九十"[n - 1] if n is not None and 1 <= n <= 10 else str(n)


def _sources_slide(briefing: Briefing, lang: str) -> Slide:
    src = briefing.source
    date = _date(src.date, lang)
    n = len(briefing.metrics)
    if lang == "zh":
        bullets = (f"出处：{src.publication.zh}，{date}，《{src.headline.zh}》",
                   f"本简报收录原文全部 {n} 项数据，每项均附原文语句（见各页备注）。",
                   "“超”、“余”、“突破”表示“以上”，以“+”标注；排名以“第N”表示。",
                   "英文为本团队自行翻译，以中文原文为准。",
                   f"数据截至 {_date(briefing.as_of, lang)}。")
        said = ["本页说明数据来源与处理方法。", "所有数字均可在原文中逐字找到。"]
    else:
        bullets = (f'Source: {src.publication.en}, {date}, "{src.headline.en}"',
                   f"This briefing carries all {n} figures of the article, each with the sentence it comes from "
                   "(see the speaker notes).",
                   '"More than" (超, 余, 突破 in the original) is marked "+"; ranks are shown as "No. N".',
                   "The English text is our own translation; the Chinese original prevails.",
                   f"Figures as of {date if briefing.as_of == src.date else _date(briefing.as_of, lang)}.")
        said = ["This slide explains where the figures come from and how they were handled.",
                "Every number can be found word for word in the original article."]
    return Slide(Role.SOURCES, _t("sources", lang), bullets=bullets, notes=_notes(said, (), lang))


def _footer(briefing: Briefing, lang: str) -> str:
    src = briefing.source
    return source_line(src.publication.zh, src.publication.en, src.date, lang)
