"""The slides of the deck plan, one builder per kind: title, executive summary, point, divider, outlook and
the appendix (every figure with its source, the timeline, the method). Qt-free and pptx-free."""

from __future__ import annotations

import re
from dataclasses import replace

from srbrief.deck.boxes import FOOTER, Frame
from srbrief.deck.charted import chart_figures
from srbrief.deck.plandata import (
    MAX_CARDS,
    SAYS_DERIVED,
    Card,
    Role,
    Slide,
    SummaryRow,
    Table,
    dated_text,
    joined_footnotes,
    joined_said,
    make_card,
    notes_of,
    section_accent,
)
from srbrief.deck.tables import fitted_widths, table_pages
from srbrief.deck.words import GLOSSARY, TERM_NOTES, chinese_number, has_colon, labelled, sentence, t
from srbrief.model import (
    Briefing,
    Chart,
    ChartKind,
    Cite,
    DerivedPart,
    Event,
    Fact,
    Metric,
    Point,
    Qualifier,
    Section,
    SectionKind,
    Source,
    Statement,
    SummaryItem,
    Text,
)
from srbrief.model.story import (
    BASED_ON,
    SummaryLine,
    cited_documents,
    one_card_per_fact,
    point_chart,
    point_figures,
    shown_figures,
    shown_subtitle,
)
from srbrief.model.textutil import chinese_date, cited_publication, document_text, english_date, period_text
from srbrief.model.units import format_value, metric_label, metric_period, metric_text, mid_sentence, share_percent
from srbrief.textlayout import break_lines, slide_measurer

MAX_FACTS = 3
SUMMARY_HEADLINES = 3  # headline figures on the summary, above one line per theme


def _clauses(*groups: object) -> tuple[Cite, ...]:
    """Return the distinct clauses cited by metrics, facts, statements and claims (points, summary lines),
    in order."""
    found: list[Cite] = []
    for group in groups:
        for item in group:  # type: ignore[attr-defined]
            found.extend(item.sources if isinstance(item, (Point, SummaryItem, SummaryLine)) else (item.source,))
    return tuple(dict.fromkeys(found))


def _who(briefing: Briefing, lang: str, presenter: str | None, organisation: str | None) -> list[str]:
    """Return the lines that say for whom and by whom: organisation, then who presents (each if known)."""
    who = organisation or (briefing.organisation.get(lang) if briefing.organisation else "")
    by = presenter or (briefing.presenter.get(lang) if briefing.presenter else "")
    return [line for line in (who, t("presented", lang).format(who=by) if by else "") if line]


def title_slide(briefing: Briefing, lang: str, presenter: str | None, organisation: str | None,
                date: str | None = None) -> Slide:
    """The cover: title, subtitle, the day it is presented, for whom and by whom, the documents it rests on."""
    subtitle = shown_subtitle(briefing, lang)
    dated = "" if subtitle.startswith(BASED_ON) else dated_text(briefing, lang)  # the subtitle names it already
    day = date or briefing.briefing_date
    on = t("briefing_on", lang).format(date=chinese_date(day) if lang == "zh" else english_date(day)) if day else ""
    lines = [" · ".join(p for p in (on, dated, *_who(briefing, lang, presenter, organisation)) if p)]
    cited = cited_documents(briefing)  # every document cited, by date
    docs = [document_text(d, lang) for d in cited]
    byline = ("依据" + "；".join(docs)) if lang == "zh" else "Based on " + "; ".join(docs)
    if subtitle.startswith(BASED_ON):  # the subtitle names them and their dates: the slide adds their titles
        titles = [f"《{d.title.zh}》" if lang == "zh" else f'"{d.title.en}"' for d in cited]
        key = "articles" if len(titles) == 1 else "articles_many"
        lines.append(t(key, lang).format(titles="、".join(titles) if lang == "zh" else "; ".join(titles)))
    else:
        lines.append(byline)  # the source documents, on the slide (not only in the notes)
    return Slide(Role.TITLE, briefing.title.get(lang), subtitle=subtitle, bullets=tuple(line for line in lines if line),
                 summary=_themes(briefing, lang), notes=notes_of([sentence(byline, lang)], (), lang))


def _themes(briefing: Briefing, lang: str) -> tuple[SummaryRow, ...]:
    """Return what the deck covers, as the cover and the close list it: each theme's place, title and colour."""
    return tuple(SummaryRow(_kicker(section, lang), section.title.get(lang), section_accent(briefing, section))
                 for section in briefing.sections if section.kind is SectionKind.THEME)


def _kicker(section: Section, lang: str) -> str:
    """Return a theme's place in the story ('视角一', 'Theme 1')."""
    return t("perspective", lang).format(n=chinese_number(section.number) if lang == "zh" else str(section.number))


def closing_slide(briefing: Briefing, lang: str, presenter: str | None, organisation: str | None) -> Slide:
    """The last slide of the main flow: thanks, the briefing's title, who presents, where the figures' sources
    are (no figure: each was said once, on its slide), and the themes it covered, as on the cover."""
    lines = [" · ".join(_who(briefing, lang, presenter, organisation)), t("closing_appendix", lang)]
    return Slide(Role.SECTION, t("thanks", lang), subtitle=briefing.title.get(lang),
                 bullets=tuple(line for line in lines if line), kicker=t("closing_kicker", lang), accent="section0",
                 summary=_themes(briefing, lang),
                 notes=notes_of([sentence(t("closing_appendix", lang), lang)], (), lang), name="closing")


def summary_slide(briefing: Briefing, overview: Section, lead: Point | None, lines: tuple[SummaryLine, ...],
                  lang: str) -> Slide:
    """The executive summary: the briefing's headline conclusion and figures, then each theme's conclusion
    with its headline figure."""
    colour = section_accent(briefing, overview)
    headline = one_card_per_fact(point_figures(briefing, lead))[:SUMMARY_HEADLINES] if lead else ()
    cards = tuple(make_card(m, colour, _period(m, lang)) for m in headline)
    rows = []
    for line in lines:
        accent = section_accent(briefing, line.section)
        card = make_card(line.figure, accent, _period(line.figure, lang)) \
            if line.figure is not None else None
        rows.append(SummaryRow(line.name().get(lang), line.body(lang), accent, card))
    title = lead.message.get(lang) if lead else briefing.subtitle.get(lang)
    facts = lead.facts if lead else ()
    metrics = [*headline, *(line.figure for line in lines if line.figure is not None)]
    sources = _clauses([lead] if lead else [], metrics, facts, lines)
    said = [sentence(title, lang)] + [sentence(f.text.get(lang), lang) for f in facts]
    dash = any(has_colon(r.message) for r in rows)  # the themes' lines join their labels alike
    # each theme's line, said aloud: in Chinese after its label (视角一·产业优势——…); in English the short tag
    # ("1. Strengths") is no words to say, and each line is a sentence of its own (the reviewer)
    said += [sentence(labelled(r.label, r.message, lang, dash) if lang == "zh" else line.message.get(lang), lang)
             for r, line in zip(rows, lines, strict=True)]
    return Slide(Role.SUMMARY, title, kicker=t("summary", lang), accent=colour, cards=cards, summary=tuple(rows),
                 notes=notes_of(said, sources, lang, briefing), sources=sources, section_id=overview.id,
                 name=lead.id if lead else "summary")


def section_slide(briefing: Briefing, section: Section, lines: tuple[SummaryLine, ...], lang: str) -> Slide:
    """A theme's divider: its number and title, and its conclusion (its line of the summary *lines*)."""
    kicker = _kicker(section, lang)
    line = next((x for x in lines if x.section.id == section.id), None)
    subtitle = line.message.get(lang) if line else section.lede.get(lang)
    return Slide(Role.SECTION, section.title.get(lang), subtitle=subtitle, kicker=kicker,
                 accent=section_accent(briefing, section),
                 notes=notes_of([sentence(section.lede.get(lang), lang)], (), lang), section_id=section.id)


def point_slide(briefing: Briefing, section: Section, point: Point, lang: str) -> Slide:
    """One point of the storyline: its message as the title, its figures, its chart and what was done."""
    colour = section_accent(briefing, section)
    figures = shown_figures(briefing, point)
    chart = point_chart(briefing, point)
    if chart is not None and chart.kind is ChartKind.KPI:  # figure tiles: the cards are the same figures
        if not figures:
            figures = tuple(m for m in (briefing.find(i) for i in chart.items) if isinstance(m, Metric))[:6]
        chart = None
    chart_items = [briefing.find(i) for i in chart.items] if chart is not None else []
    chart_metrics = [m for m in chart_items if isinstance(m, Metric)]
    shown = chart_figures(briefing, chart, lang)  # what the chart shows, of any kind: a bar's values, a
    # matrix's counts, a grid's headings
    charted = {m.id for m in shown}
    cards = tuple(make_card(m, colour, _period(m, lang)) for m in figures
                  if m.id not in charted)  # a figure once on a slide: the chart shows it
    cards = cards[:max(0, MAX_CARDS - len(shown))]  # never more than six figures on a slide
    facts = point.facts[:MAX_FACTS]
    bullets = tuple(f.text.get(lang) for f in facts)
    chart_facts = [f for f in chart_items if isinstance(f, Fact)]
    sources = _clauses([point], figures, facts, chart_metrics, shown, chart_facts)
    said = [sentence(point.message.get(lang), lang)] + [sentence(b, lang) for b in bullets]
    aside = [sentence(point.notes.get(lang), lang)] if point.notes else []  # "如被问及：…"
    if chart is not None and chart.note:  # what the chart shows, for the presenter: marked, not read out
        aside.append(sentence(labelled(t("chart_note", lang), chart.note.get(lang), lang), lang))
    return Slide(Role.POINT, point.message.get(lang), kicker=section.short_title.get(lang), accent=colour,
                 cards=cards, chart=chart, charted=shown, caption=_caption(chart, lang),
                 bullets=bullets, notes=notes_of(said + aside, sources, lang, briefing),
                 aside=joined_said(aside, lang), sources=sources, section_id=section.id,
                 name=point.id)


def _timeline_said(timeline: Chart, events: list[Event], lang: str) -> str:
    """Return what the presenter says of the timeline page: what it lists and the span it covers (not its
    title alone, "大事记。")."""
    dates = sorted(e.date for e in events)
    first, last = (period_text(d, lang) for d in (dates[0], dates[-1]))
    return sentence(t("timeline_said", lang).format(title=timeline.title.get(lang), n=len(events), first=first,
                                                    last=last), lang)


def _caption(chart: Chart | None, lang: str) -> str:
    """Return what must stand under a chart: a map is marked a schematic, in one word; its caveat (which places
    are for orientation) is for the presenter, in the speaker notes, not on the slide. (A derived value is
    marked and footnoted: see srbrief.deck.plandata.footnoted.)"""
    return t("schematic", lang) if chart is not None and chart.kind is ChartKind.ROUTE_MAP else ""


def outlook_slide(briefing: Briefing, lines: tuple[Statement, ...], lang: str) -> Slide:
    """The close: what follows, in the article's own forward-looking words."""
    title = lines[0].text.get(lang).rstrip("。.")
    bullets = tuple(s.text.get(lang) for s in lines[1:])
    sources = _clauses(lines)
    said = [sentence(s.text.get(lang), lang) for s in lines]
    said_by = {(s.source.doc, s.source.clause) for s in lines}  # a target the article states: its figure's card
    targets = [m for m in briefing.metrics if (m.source.doc, m.source.clause) in said_by][:MAX_CARDS]
    colour = section_accent(briefing, briefing.sections[0])
    cards = tuple(make_card(m, colour, _period(m, lang)) for m in targets)
    return Slide(Role.OUTLOOK, title, kicker=t("outlook", lang), bullets=bullets, cards=cards,
                 notes=notes_of(said, sources, lang, briefing), sources=sources, name="outlook")


def appendix_slides(briefing: Briefing, lang: str, frame: Frame, shown: frozenset[str] = frozenset()) -> list[Slide]:
    """The reference: a divider, every figure with its period and verbatim source as tables across as many
    slides as needed, the timeline (unless the main flow *shown* its chart), and the sources and method."""
    slides = [Slide(Role.SECTION, t("appendix_title", lang), subtitle=t("appendix_sub", lang),
                    kicker=t("appendix", lang), appendix=True,
                    notes=notes_of([sentence(t("appendix_sub", lang), lang)], (), lang))]
    translated = lang == "en" and any(m.source.en for m in briefing.metrics)
    source_column = "col_source_translated" if translated else "col_source"
    header = tuple(t(k, lang) for k in ("col_figure", "col_value", "col_period", source_column))
    widths = (0.22, 0.13, 0.12, 0.53) if translated else (0.27, 0.15, 0.13, 0.45)
    for doc in briefing.sources:  # one table per document, named in its title
        metrics = [m for m in briefing.metrics if m.source.doc in (doc.id, None)]
        if not metrics:
            continue
        rows = [_appendix_row(briefing, m, lang, translated) for m in metrics]
        columns = fitted_widths(header, rows, widths, frame)
        pages = table_pages(header, rows, columns, frame)
        start = 0
        for number, count in enumerate(pages, 1):
            chunk = metrics[start:start + count]
            part = t("part", lang).format(i=number, n=len(pages)) if len(pages) > 1 else ""
            title = t("table_title", lang) + part
            if len(briefing.sources) > 1:
                title += ("：" + cited_publication(doc.publication.zh)) if lang == "zh" else f": {doc.publication.en}"
            table = Table(header, tuple(rows[start:start + count]), columns, tuple(m.id for m in chunk))
            sources = tuple(dict.fromkeys(m.source for m in chunk))
            name = f"appendix-{len(slides)}"
            said = _table_note(briefing, doc, metrics, len(pages), lang) if number == 1 else ""
            slides.append(Slide(Role.TABLE, title, kicker=t("appendix", lang), table=table, notes=said,
                                sources=sources, name=name, appendix=True))
            start += count
    timeline = _timeline_chart(briefing)
    events = ([briefing.find(i, Event) for i in timeline.items] or list(briefing.timeline)) \
        if timeline is not None and timeline.id not in shown else []
    dated: tuple[str, ...] = ()
    if timeline is not None and len(events) >= MIN_TIMELINE:
        sources = tuple(dict.fromkeys(e.source for e in events))
        slides.append(Slide(Role.TIMELINE, timeline.title.get(lang), kicker=t("appendix", lang), chart=timeline,
                            notes=notes_of([_timeline_said(timeline, events, lang)], sources, lang, briefing),
                            sources=sources, name=timeline.id, appendix=True))
    elif timeline is not None and events:  # one or two events are no timeline: a page of them would stand
        # mostly blank; their dated lines join the sources page, beside the document they come from
        dated = tuple(_dated_line(e, timeline.title.get(lang), lang) for e in sorted(events, key=lambda e: e.date))
    glossary = _glossary(briefing, lang)
    slides.append(_sources_slide(briefing, lang, glossary, dated, tuple(dict.fromkeys(e.source for e in events))
                                 if dated else ()))
    if len(glossary) > GLOSSARY_ON_SOURCES:  # more terms than the sources page holds: a page (or two) of them
        terms = list(glossary)
        each = -(-len(terms) // -(-len(terms) // GLOSSARY_PAGE))  # pages of even length
        sheets = [tuple(terms[i:i + each]) for i in range(0, len(terms), each)]
        for number, page in enumerate(sheets, 1):
            part = t("part", lang).format(i=number, n=len(sheets)) if len(sheets) > 1 else ""
            slides.append(Slide(Role.SOURCES, t("glossary", lang) + part, kicker=t("appendix", lang), bullets=page,
                                notes=notes_of([sentence(t("glossary_said", lang), lang)], (), lang),
                                name=f"glossary-{number}", appendix=True))
    return slides


GLOSSARY_ON_SOURCES = 3  # terms the sources page explains itself; more take a page of their own
GLOSSARY_PAGE = 6  # terms on a page


MIN_TIMELINE = 3  # events that make a timeline page of their own


def _table_note(briefing: Briefing, doc: Source, metrics: list[Metric], pages: int, lang: str) -> str:
    """Return the notes of a document's appendix table, on its first page: how many figures it lists from which
    document on how many pages, and how many of them we worked out (their rows say how). Its further pages have
    none: the divider said what the appendix is, and the handout prints a page without notes landscape, with no
    empty notes area (the reviewer read the divider's line on every table page)."""
    derived = sum(m.derived is not None for m in metrics)
    if lang == "zh":
        spread = f"，共{pages}页" if pages > 1 else ""
        worked = f"其中{derived}项的数值或时期为本简报推算，推算方法写在该行原文出处之后。" if derived else ""
        return f"本表列出本简报引自{cited_publication(doc.publication.zh)}的全部{len(metrics)}项数据{spread}。{worked}"
    spread = f", listed over {pages} pages" if pages > 1 else ""  # ('on 9 pages' read as the paper's pages)
    worked = (f" We worked out {derived} of them (the value or its period); each row says how, after its "
              "source." if derived else "")
    figures = "the one figure" if len(metrics) == 1 else f"all {len(metrics)} figures"  # (not all the article has)
    return f"This table lists {figures} this briefing takes from {doc.publication.en}{spread}.{worked}"


def _dated_line(event: Event, label: str, lang: str) -> str:
    """Return an event as the sources page says it ('大事记：2025年6月，横峰县锂电储能产业园一期投产')."""
    text = event.text.get(lang).rstrip("。.")
    if lang == "zh":
        return labelled(label, f"{period_text(event.date, lang)}，{text}", lang) + "。"
    return labelled(f"{label}, {period_text(event.date, lang)}", text, lang) + "."


def _timeline_chart(briefing: Briefing) -> Chart | None:
    """Return the briefing's timeline chart; a briefing with dated events but no timeline chart (one written in
    the app, which shows its events on the Timeline & map page) gets one of all its events, so that the deck
    shows what the app shows."""
    chart = next((c for c in briefing.charts if c.kind is ChartKind.TIMELINE), None)
    if chart is not None or not briefing.timeline:
        return chart
    taken = {c.id for c in briefing.charts}
    name = next(n for n in ("timeline", *(f"timeline-{i}" for i in range(2, len(taken) + 3))) if n not in taken)
    return Chart(name, ChartKind.TIMELINE, Text(t("timeline", "zh"), t("timeline", "en")))


def _appendix_row(briefing: Briefing, metric: Metric, lang: str, translated: bool) -> tuple[str, ...]:
    """Return a figure's row of the appendix: label, value (marked derived), period, clause (and how a
    derived value or period was computed, and a chart's share computed from it), dated as :func:`shown_period`."""
    value, source = metric_text(metric, lang), metric.source.clause  # as its card and chart write it ('600+')
    if translated:  # our translation above the Chinese original (the column says so: see appendix_slides); a
        # clause not translated yet says that, never passes for a translated one
        source = f"{metric.source.en or NO_TRANSLATION}\n{source}"
    period = shown_period(briefing, metric, lang)
    if metric.derived is not None:  # marked in the column of what was worked out: the value, or the period
        word = t("derived_period" if metric.derived_part is DerivedPart.PERIOD else "derived", lang)
        mark = f"（{word}）" if lang == "zh" else f" ({word})"
        if metric.derived_part is DerivedPart.PERIOD and period:
            period += mark
        else:
            value += mark
        source += _derived_remark(briefing, metric, word, lang)
    source += _share_note(briefing, metric, lang)
    return metric_label(metric, lang), value, period, source


def _derived_remark(briefing: Briefing, metric: Metric, word: str, lang: str) -> str:
    """Return how a derived value or period was worked out, as one clean clause after its source in the appendix:
    the note alone when it says itself that it was worked out ('（期末月份2025年7月为推算；原文仅称…）', '(end month
    July 2025 computed by us; the article says only …)'), else after the word for what it is ('（计算值：按原文列出的
    园区名称计数）'); one colon at most (a note's own becomes a semicolon) and in English no capital mid-sentence
    (the reviewer's zh-22: "时期为推算：期末月份2025年7月为推算：…"; en: "(period derived: End month … computed by
    us: …)")."""
    note = metric.derived.get(lang) if metric.derived else ""
    colon, semicolon = ("：", "；") if lang == "zh" else (": ", "; ")
    note = note.replace(colon, semicolon) if lang == "zh" else re.sub(r":\s+", semicolon, note)
    if lang == "en":
        note = _lower_start(briefing, note)
    says = any(w in note.lower() for w in SAYS_DERIVED)
    text = note if says else word + colon + note if note else word
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _lower_start(briefing: Briefing, text: str) -> str:
    """Return English *text* opening in lower case, as a clause inside a sentence does, unless its first word is
    a name: an acronym ('ETDZ', 'G60') or a word the briefing writes capitalised inside a sentence ('Shangrao')."""
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or not first[1:].islower():
        return text
    inside = re.compile(rf"[^\s.!?:;]\s+{re.escape(first)}\b")
    texts = [x for m in briefing.metrics
             for x in (m.label.en, m.derived.en if m.derived else "", m.source.en or "")]
    texts += [p.message.en for p in briefing.points]
    if any(inside.search(x) for x in texts):
        return text
    return first[0].lower() + text[1:]


def _period(metric: Metric, lang: str) -> str:
    """Return a card's period ('' for a figure the source gives none: the slide says when it was reported, once:
    see :func:`undated_noted`; '' too for a figure whose label says it already: '列入工信部2024年全国5G工厂名录的企业'
    under '7家 2024年' said the year twice)."""
    period = metric_period(metric, lang)  # a range the source gives only the start of: 'since' it
    return "" if period in metric.label.get(lang) else period


def undated_noted(briefing: Briefing, slide: Slide, lang: str) -> Slide:
    """Return *slide* with one line beside its footnotes when it shows a figure the source gives no period for, in
    a card, its chart or any text (see :attr:`Slide.bound`): when it was reported ('未标时期的数字：原文未注明
    统计期，据2025年10月报道'), never a period of the source's."""
    months = list(dict.fromkeys(reported_month(briefing, m, lang) for m in slide.bound if not m.period))
    if not months:
        return slide
    note = t("undated", lang).format(months=("、" if lang == "zh" else ", ").join(months))
    return replace(slide, footnote=joined_footnotes((slide.footnote, note), lang))


NO_TRANSLATION = "[not translated: Chinese original]"


def shown_period(briefing: Briefing, metric: Metric, lang: str) -> str:
    """Return a figure's period as the appendix shows it; a figure whose source gives no period is dated by its
    report, said as such ('2025年10月报道', 'reported Oct 2025'): never a period of the source's."""
    if metric.period:
        return period_text(metric.period, lang)
    reported = reported_month(briefing, metric, lang)
    return f"{reported}报道" if lang == "zh" else f"reported {reported}"


def reported_month(briefing: Briefing, metric: Metric, lang: str) -> str:
    """Return the month of the document that reports *metric* ('2025年10月', 'Oct 2025')."""
    return period_text(briefing.documents_of([metric.source])[0].date[:7], lang)


def _share_note(briefing: Briefing, part: Metric, lang: str) -> str:
    """Return what the appendix says of a share a chart computes with *part* as its part: that it is derived
    and from which two figures ('（图表中的占比60.4%为计算值：222.7亿元÷全市外贸出口368.6亿元）'), else ''."""
    for chart in briefing.charts:
        if chart.kind is not ChartKind.SHARE or len(chart.items) != 2 or chart.items[0] != part.id or \
                part.unit == "percent":  # a share of per cents is drawn as it is: nothing computed
            continue
        whole = briefing.find(chart.items[1])
        share = share_percent(part, whole, lang) if isinstance(whole, Metric) else ""
        if not share or not isinstance(whole, Metric):
            continue
        of = f"{format_value(part, lang)}÷{whole.label.get(lang)}{format_value(whole, lang)}" if lang == "zh" else \
            f"{format_value(part, lang)} ÷ {format_value(whole, lang)} " \
            f"— {mid_sentence(whole.label.get(lang), briefing)}"  # no brackets in brackets
        return f"（图表中的占比{share}为计算值：{of}）" if lang == "zh" else \
            f" (the chart's {share} share is derived: {of})"
    return ""


def _glossary(briefing: Briefing, lang: str) -> tuple[str, ...]:
    """Return the notes on the Chinese terms the briefing uses (规上, 新三样, 千亿级) that English needs explained."""
    return tuple(t(key, lang) for key in _glossary_keys(briefing, lang))


def _glossary_keys(briefing: Briefing, lang: str) -> list[str]:
    """Return the keys of the Chinese terms the briefing uses that English needs explained (none in Chinese)."""
    if lang == "zh":
        return []
    texts = [m.label.zh + m.source.clause for m in briefing.metrics]
    texts += [p.message.zh for p in briefing.points]
    texts += [f.text.zh for p in briefing.points for f in p.facts]  # every text a slide shows
    texts += [e.name.zh for e in briefing.entities] + [s.text.zh for s in briefing.outlook]
    return [key for key, terms in GLOSSARY if any(term in x for x in texts for term in terms)]


FOOTNOTE_LINES = 2  # a footnote line the term notes may grow to before they take their shortest form


def term_noted(briefing: Briefing, slides: list[Slide], lang: str, frame: Frame) -> list[Slide]:
    """Return *slides* with each Chinese term the English deck explains (see :func:`_glossary`) explained briefly
    where the reader first meets it: in the footnote line of the first main-flow slide whose visible text uses
    it ('"New three": EVs, lithium batteries and solar products (our note)'); the sources page keeps the full
    note. A slide's notes take their shortest form when the full ones would not fit its footnote in
    FOOTNOTE_LINES lines at the footer's size."""
    first: dict[int, list[str]] = {}
    for key in _glossary_keys(briefing, lang):
        pattern = re.compile(TERM_NOTES[key][0], re.IGNORECASE)
        index = next((i for i, s in enumerate(slides) if not s.appendix and
                      any(pattern.search(x) for x in visible_texts(briefing, s, lang))), None)
        if index is not None:
            first.setdefault(index, []).append(key)
    out = list(slides)
    measurer, width = slide_measurer(), frame.width - 2 * frame.margin
    for index, keys in first.items():
        slide = out[index]

        def with_notes(form: int, slide: Slide = slide, keys: list[str] = keys) -> str:
            return joined_footnotes((slide.footnote, *(TERM_NOTES[k][form] for k in keys)), lang)

        footnote = with_notes(1)
        if len(break_lines(footnote, width, FOOTER, measurer)) > FOOTNOTE_LINES:
            footnote = with_notes(2)
        out[index] = replace(slide, footnote=footnote)
    return out


def visible_texts(briefing: Briefing, slide: Slide, lang: str) -> list[str]:
    """Return the texts a reader sees on *slide*: its title, kicker, subtitle, bullets and caption, the labels of
    its cards and summary rows, its chart's title and the names of what its chart shows."""
    texts = [slide.title, slide.kicker, slide.subtitle, slide.caption, *slide.bullets]
    texts += [m.label.get(lang) for m in slide.metrics]
    texts += [x for row in slide.summary for x in (row.label, row.message)]
    if slide.chart is not None:
        texts.append(slide.chart.title.get(lang))
        for item in slide.chart.items:  # a figure's label, a place's name, an event's line, a fact's heading and
            shown = briefing.index.get(item)  # its items (a fact's long text is not drawn)
            names = [getattr(shown, name, None) for name in ("label", "name", "title")]
            names += [shown.text] if isinstance(shown, Event) else [x.label for x in shown.items] \
                if isinstance(shown, Fact) else []
            texts += [x.get(lang) for x in names if isinstance(x, Text)]
    return [x for x in texts if x]


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quoted(labels: list[str]) -> str:
    """Return figure labels named in an English sentence: each quoted, so a capital reads as a label's own."""
    return ", ".join(f'"{label}"' for label in labels)


def _sources_slide(briefing: Briefing, lang: str, glossary: tuple[str, ...], dated: tuple[str, ...] = (),
                   cited: tuple[Cite, ...] = ()) -> Slide:
    """Return the sources and method page; *dated*: the lines of a timeline too short for a page of its own
    (their clauses *cited*), after the documents."""
    docs = cited_documents(briefing)
    n = len(briefing.metrics)
    derived = [m.label.get(lang) for m in briefing.metrics
               if m.derived is not None and m.derived_part is DerivedPart.VALUE]
    periods = [m.label.get(lang) for m in briefing.metrics
               if m.derived is not None and m.derived_part is DerivedPart.PERIOD]
    first_undated = next((m for m in briefing.metrics if not m.period), None)  # dated by its report's month
    undated = reported_month(briefing, first_undated, lang) if first_undated else ""
    more = any(m.qualifier is Qualifier.MORE_THAN for m in briefing.metrics)  # the conventions it uses, no others
    ranked = any(m.qualifier.value in ("rank", "top") for m in briefing.metrics)
    shared = any(c.kind is ChartKind.SHARE for c in briefing.charts)
    bullets: tuple[str, ...]
    if lang == "zh":
        named = [("出处：" if len(docs) == 1 else f"出处{i}：") + document_text(d, lang) for i, d in enumerate(docs, 1)]
        computed = f"其中{len(derived)}项为本简报据原文推算的计算值：{'、'.join(derived)}。" if derived else ""
        computed += f"以下{len(periods)}项的数值见于原文，时期为推算：{'、'.join(periods)}。" if periods else ""
        bullets = (*named, *dated,
                   f"本简报收录{n}项数据，每项均附所据原文语句（见附录及各页备注）。{computed}",
                   *(["；".join(x for x, used in (("原文写作“超”、“余”、“突破”的数字一律以“超”标于数字前", more),
                                                    ("排名以“第N”表示", ranked),
                                                    ("图表中的占比与“其余”部分为本简报计算", shared)) if used) + "。"]
                     if more or ranked or shared else []),
                   "各项数据的时期见附录" +
                   (f"，原文未给出时期的数据标注报道月份（如“{undated}报道”）。" if undated else "。"))
        said = ["本页说明数据来源与处理方法。",
                "除标为计算值的数据外，每个数字均可在所引原文语句中找到。" if derived else
                "每个数字均可在所引原文语句中找到。"]
    else:
        named = [("Source: " if len(docs) == 1 else f"Source {i}: ") + document_text(d, lang)
                 for i, d in enumerate(docs, 1)]
        # the reviewer read "2 of them are derived… For 2 the value is…" as clumsy: name the figures instead
        computed = f" Computed by us from the source: {_quoted(derived)}." if derived else ""
        computed += f" Taken from the source, with a period inferred by us: {_quoted(periods)}." if periods else ""
        bullets = (*named, *dated,
                   f"This briefing carries {n} figures, each with the sentence it comes from (see the appendix "
                   f"and the speaker notes).{computed}",
                   *([_sentence_case("; ".join(x for x, used in (
                       ('figures the source gives as "more than" read "over" in text and "+" on cards and charts',
                        more),
                       ('ranks are shown as "No. N"', ranked),
                       ('shares and "rest" segments in the charts are computed by us', shared)) if used)) + "."]
                     if more or ranked or shared else []),
                   "The English text is our own translation; the Chinese original prevails.",
                   *(glossary if len(glossary) <= GLOSSARY_ON_SOURCES else ()),
                   "The period of each figure is in the appendix" +
                   (f' (a figure the source gives no period for is dated by the month of its report: "figures as '
                    f'reported, {undated}").' if undated else "."))
        said = ["This slide explains where the figures come from and how they were handled.",
                "Apart from the derived values, every number can be found in the sentence it cites." if derived
                else "Every number can be found in the sentence it cites."]
    said += [sentence(x, lang) for x in dated]
    return Slide(Role.SOURCES, t("sources", lang), kicker=t("appendix", lang), bullets=bullets,
                 notes=notes_of(said, cited, lang, briefing), sources=cited, name="sources", appendix=True)


__all__ = ["Card", "appendix_slides", "outlook_slide", "point_slide", "section_slide", "summary_slide",
           "term_noted", "title_slide", "visible_texts"]
