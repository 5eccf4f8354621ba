"""The deck plan's data: what a slide holds (its role, texts, cards, chart, table, notes), the plan itself, and
the small rules every builder and renderer shares (card grids, card texts, notes). Qt-free and pptx-free;
built by srbrief.deck.plan_slides, laid out by srbrief.deck.layout."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum

from srbrief.deck.words import t
from srbrief.model import Briefing, Chart, ChartKind, Cite, DerivedPart, Metric
from srbrief.model.story import cited_documents, figure_meaning
from srbrief.model.story import section_meaning as section_accent  # what a section's colour means: one owner
from srbrief.model.textutil import dated_publication, english_date, excerpt, source_line
from srbrief.model.units import metric_period, stated_start

MAX_CARDS = 6  # figure cards on one slide
NATIVE_KINDS = (ChartKind.BAR, ChartKind.HBAR, ChartKind.SHARE, ChartKind.LINE)


class Role(str, Enum):
    TITLE = "title"
    SUMMARY = "summary"
    SECTION = "section"
    POINT = "point"
    OUTLOOK = "outlook"
    TABLE = "table"
    TIMELINE = "timeline"
    SOURCES = "sources"


@dataclass(frozen=True)
class Card:
    """A figure on a slide: the metric, what its colour says (see srbrief.meaning), its period and qualifier."""

    metric: Metric
    accent: str
    meta: str = ""
    mark: str = ""  # the footnote marker by a derived value ('¹', '²'); its note is the slide's footnote


@dataclass(frozen=True)
class SummaryRow:
    """One theme on the executive summary: its name, its conclusion and its headline figure."""

    label: str
    message: str
    accent: str
    card: Card | None = None


@dataclass(frozen=True)
class Table:
    """A reference table: a header and rows of cells, each column a fraction of the width."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    ids: tuple[str, ...] = ()  # the model id of each row


@dataclass(frozen=True)
class Slide:
    """One slide: its role, texts, what it shows, and what the presenter says."""

    role: Role
    title: str
    subtitle: str = ""
    kicker: str = ""  # a short line above the title: where in the story the slide is
    accent: str = "section0"  # the meaning of the slide's colour: its section (see srbrief.meaning)
    cards: tuple[Card, ...] = ()
    chart: Chart | None = None
    charted: tuple[Metric, ...] = ()  # the point's figures its chart shows (not repeated as cards)
    caption: str = ""  # under the chart: a map's schematic note
    bullets: tuple[str, ...] = ()
    summary: tuple[SummaryRow, ...] = ()
    table: Table | None = None
    notes: str = ""
    aside: str = ""  # what the notes say for the presenter alone (a point's own notes, a chart's note): kept
    # in the deck and the presenter view, never printed on a handout others read
    sources: tuple[Cite, ...] = ()  # the verbatim clauses behind the figures, facts and claims on this slide
    footer: str = ""  # the source line naming the documents the slide cites (else the deck's)
    footnote: str = ""  # at the foot: what each marked (derived) value on the slide is, "* 计算值：…"
    section_id: str | None = None
    stated: tuple[Metric, ...] = ()  # the figures its texts state (a divider's conclusion, a bullet)
    name: str = ""  # the model id of what the slide shows (a point, a table part)
    appendix: bool = False

    @property
    def metrics(self) -> tuple[Metric, ...]:
        """Return the figures the slide shows: as cards, in its chart, on the summary."""
        return (tuple(c.metric for c in self.cards) + self.charted +
                tuple(r.card.metric for r in self.summary if r.card))

    @property
    def bound(self) -> tuple[Metric, ...]:
        """Return every figure the slide shows: as cards, in its chart, on the summary or in its texts."""
        return tuple(dict.fromkeys(self.metrics + self.stated))


@dataclass(frozen=True)
class DeckPlan:
    briefing: Briefing
    lang: str
    slides: tuple[Slide, ...] = field(default=())
    footer: str = ""


def card_columns(count: int) -> int:
    """Return how many columns a grid of *count* figure cards has (the same on every renderer)."""
    return count if count <= 3 else (2 if count == 4 else 3)


def card_slot(index: int, count: int, columns: int | None = None) -> tuple[int, float]:
    """Return the row and the (fractional) column of card *index* of *count*: a short last row is centred."""
    cols = columns or card_columns(count)
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


def card_meta(metric: Metric, lang: str) -> str:
    """Return what a card in the app says under its label: the period, and whether the value is derived. The
    qualifier is marked once, on the number ('600+', '~5'), as on the charts: never a second time in words.
    (A slide marks a derived value with a footnote marker instead: see :func:`footnoted`.)"""
    parts = [metric_period(metric, lang)]
    if metric.derived is not None and stated_start(metric) is None:  # ('since' its start: nothing derived shown)
        parts.append(t("derived_period" if metric.derived_part is DerivedPart.PERIOD else "derived", lang))
    return " · ".join(p for p in parts if p)


def make_card(metric: Metric, section_colour: str, period: str) -> Card:
    """Return a figure's card on a slide: its colour's meaning and its *period* as the slide writes it (a figure
    without one is dated by its report: see ``plan_slides.shown_period``; a derived value is marked by
    :func:`footnoted`)."""
    return Card(metric, figure_meaning(metric, section_colour), period)


SAYS_DERIVED = ("推算", "计算", "computed", "derived")  # a derived value's note that says so itself
FOOTNOTE_JOINT = {"zh": "　", "en": "   "}  # between the notes of a slide's footnote line


def joined_footnotes(parts: Iterable[str], lang: str) -> str:
    """Return a slide's footnote line made of *parts* (empty ones left out), each a sentence with its full stop
    (the reviewer read "… High-tech Zone Where no period is shown …" and "…计数　未标时期的数字…" as one)."""
    stop, ends = (".", (".", "?", "!")) if lang == "en" else ("。", ("。", "？", "！"))
    return FOOTNOTE_JOINT[lang].join(p if p.rstrip().endswith(ends) else p.rstrip() + stop
                                     for p in parts if p.strip())


def footnote_parts(footnote: str) -> list[str]:
    """Return the notes of a slide's footnote line, each on its own (the handout prints them one a line)."""
    return [part for part in re.split("|".join(map(re.escape, FOOTNOTE_JOINT.values())), footnote) if part.strip()]


FOOTNOTE_MARKS = ("¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹")


def footnoted(slide: Slide, lang: str) -> Slide:
    """Return *slide* with each derived value it shows marked by its card's number ('¹', '²' …, one style on every
    slide, the deck's, the presenter's and the PDF's) and one footnote that says what each is
    ('¹ 计算值：按原文所列上饶经开区、上饶高新区计数'); a derived value in the chart is named in it. Values with the
    same note share its marker. The honesty of the appendix (which keeps the full note), the way a consultant
    writes it."""
    derived = [m for m in dict.fromkeys(slide.metrics) if m.derived is not None and stated_start(m) is None]
    if not derived:
        return slide
    carded = {c.metric for c in slide.cards} | {r.card.metric for r in slide.summary if r.card}
    texts = {m: _derived_note(m, lang, named=m not in carded) for m in derived}
    distinct = list(dict.fromkeys(texts.values()))
    by_text = dict(zip(distinct, FOOTNOTE_MARKS, strict=False))  # one style on every slide: ¹ even when alone
    marks = {m: by_text[text] for m, text in texts.items()}

    def marked(card: Card) -> Card:
        mark = marks.get(card.metric, "")
        if mark and card.metric.derived_part is DerivedPart.PERIOD and card.meta:  # only the period was worked out:
            return replace(card, meta=card.meta + mark)  # the marker goes by the period, not by the value
        return replace(card, mark=mark)

    rows = tuple(replace(r, card=marked(r.card)) if r.card else r for r in slide.summary)
    notes = [f"{mark} {text}" for text, mark in by_text.items()]
    return replace(slide, cards=tuple(marked(c) for c in slide.cards), summary=rows,
                   footnote=joined_footnotes(notes, lang))


def _derived_note(metric: Metric, lang: str, named: bool) -> str:
    """Return what a footnote says of a derived value: what was computed ('计算值：按原文所列园区计数',
    '期末月份2025年7月为推算'): its note up to the first colon (the appendix gives the rest), with the word for
    'derived' unless the note says so itself; with the value's label when no card shows it (*named*)."""
    word = t("derived_period" if metric.derived_part is DerivedPart.PERIOD else "derived", lang)
    note = (metric.derived.get(lang) if metric.derived else "").split("：" if lang == "zh" else ": ")[0]
    if lang == "en":
        word = word[0].upper() + word[1:]
        if note[:2].istitle() and not any(w in note.lower() for w in SAYS_DERIVED):  # mid-sentence after the word:
            note = note[0].lower() + note[1:]  # "Derived: counted from …" (not an acronym's "MIIT")
    label = (f"（{metric.label.get(lang)}）" if lang == "zh" else f" ({metric.label.get(lang)})") if named else ""
    if note and any(w in note.lower() for w in SAYS_DERIVED):  # the note says it was computed
        return note + label
    return word + label + (("：" if lang == "zh" else ": ") + note if note and note.lower() != word.lower() else "")


def joined_said(said: list[str], lang: str) -> str:
    """Return the sentences a presenter says as one text (a space between English sentences, none in Chinese)."""
    return (" " if lang == "en" else "").join(s for s in said if s)


def notes_of(said: list[str], sources: tuple[Cite, ...], lang: str, briefing: Briefing | None = None) -> str:
    """Return speaker notes: what to say, then the verbatim clauses behind the slide, their document named
    once when there is one (else after each clause)."""
    body = joined_said(said, lang)
    if not sources:
        return body
    label = t("source_label", lang)
    documents = {c.doc for c in sources}
    if briefing is not None and len(documents) == 1:  # one document: named once, above its clauses
        label += _cited_in(briefing, sources[0], lang)
        briefing = None
    return body + "\n\n" + label + ("：" if lang == "zh" else ":") + "\n" + "\n".join(
        f"{NOTE_BULLET}{text}" + (_cited_in(briefing, c, lang) if briefing else "") for c, text in quoted(sources))


QUOTE_LIMIT = 80  # characters of a sentence the notes quote whole; a longer one is quoted around its clauses


def quoted(sources: tuple[Cite, ...]) -> tuple[tuple[Cite, str], ...]:
    """Return what a notes' source list quotes for *sources*: the sentence each clause is in, not the clause alone
    (the reviewer read fragments: "上饶深化落实“1269”行动计划"), a sentence once for all its clauses, a long one
    in part around them (see srbrief.model.textutil.excerpt); a clause whose document text was not at hand as
    it is."""
    groups: dict[tuple[str | None, str], list[Cite]] = {}
    for cite in listed(sources):
        groups.setdefault((cite.doc, cite.sentence or cite.clause), []).append(cite)
    return tuple((cites[0], excerpt(sentence, [c.clause for c in cites], QUOTE_LIMIT))
                 for (_, sentence), cites in groups.items())


def listed(sources: tuple[Cite, ...]) -> tuple[Cite, ...]:
    """Return the clauses a notes' source list names: each clause once, in order, and a clause that another listed
    clause of the same document contains left out (the longer one stays: it holds the shorter's words, and the
    reviewer read "一个千亿级园区(上饶经开区)…" three times on one page)."""
    keys = list(dict.fromkeys((c.doc, _plain(c.clause)) for c in sources))
    kept = {(doc, text) for doc, text in keys
            if not any(doc == other_doc and text != other and text in other for other_doc, other in keys)}
    found: dict[tuple[str | None, str], Cite] = {}
    for cite in sources:
        key = (cite.doc, _plain(cite.clause))
        if key in kept:
            found.setdefault(key, cite)
    return tuple(found.values())


def _plain(clause: str) -> str:
    """Return *clause* as compared with another: full-width and half-width punctuation alike, no spaces."""
    return "".join(unicodedata.normalize("NFKC", clause).split())


NOTE_BULLET = "• "  # a clause of the notes' source list (painted with a hanging indent, see srbrief.gui.slides)


def _cited_in(briefing: Briefing, cite: Cite, lang: str) -> str:
    doc = briefing.document(cite.doc)
    if lang == "zh":
        return f"（{dated_publication(doc.publication.zh, doc.date)}）"  # as the slide's source line names it
    return f" ({doc.publication.en}, {english_date(doc.date)})"


def dated_text(briefing: Briefing, lang: str) -> str:
    """Return what the title slide and every handout page say of when the briefing's material is from: its cited
    documents with their dates ('来源：《上饶日报》2025-10-11'), never a bare "as of" date a reader takes for the data's
    cut-off (the consultant, twice: "数据截至"/"资料截至 2025年10月11日" reads as one, and many figures are 2024's)."""
    return source_line(cited_documents(briefing), lang)


__all__ = [
    "BULLET_GUTTER",
    "MAX_CARDS",
    "NATIVE_KINDS",
    "NOTE_BULLET",
    "Card",
    "DeckPlan",
    "Role",
    "Slide",
    "SummaryRow",
    "Table",
    "bullet_columns",
    "card_columns",
    "card_meta",
    "card_slot",
    "dated_text",
    "footnote_parts",
    "footnoted",
    "joined_footnotes",
    "joined_said",
    "listed",
    "make_card",
    "notes_of",
    "quoted",
    "section_accent",
]
