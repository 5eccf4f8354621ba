"""A consultant's review of the speaker notes and the appendix's wording (helper D's part of issue 19), read back
from the exported decks of every briefing of ANY_SHAPE in zh and en: a notes' source list names each clause once
and leaves out a clause another listed one contains; an appendix table's notes are on its first page only and
say what it lists; no sentence of the notes has two colons; a derived figure's note in the appendix is one clean
clause (the word for "worked out" once, one colon, no capital inside an English sentence)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.deck.plandata import QUOTE_LIMIT, listed, quoted
from srbrief.deck.words import labelled, t
from srbrief.model import Cite, Metric, load_briefing
from srbrief.model.textutil import OPENING_MOST, sentence_of
from srbrief.model.truth import cites, read_document
from tests.deck.conftest import ANY_CASES, ANY_SHAPE

# the document named after each clause when a slide cites more than one: '（《上饶日报》2025-10-11）',
# ' (Daily, 11 Oct 2025)'
CITED_IN = {"zh": re.compile(r"（[^（）]* ?\d{4}-\d{2}-\d{2}）$"),
            "en": re.compile(r" \([^()]*, \d{1,2} \w{3} \d{4}\)$")}


def _notes(path: Path) -> list[str]:
    return [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in Presentation(str(path)).slides]


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _quotes(notes: str, lang: str) -> list[tuple[str, str]]:
    """Return the lines of a notes' source list as (the document named after it or '', what it quotes)."""
    found = []
    for line in notes.split("\n"):
        if line.startswith("• "):
            quote = line.removeprefix("• ")
            cited = CITED_IN[lang].search(quote)
            found.append((cited.group(0), quote[:cited.start()]) if cited else ("", quote))
    return found


def _source_lists(notes: str, lang: str) -> dict[str, list[str]]:
    """Return the clauses of a notes' source list by the document named after them ('' when named once above)."""
    found: dict[str, list[str]] = {}
    for cited, text in _quotes(notes, lang):
        found.setdefault(cited, []).append(_plain(text))
    return found


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_a_source_list_names_each_clause_once_and_no_fragment_of_another(
        any_decks: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    lists = 0
    for number, notes in enumerate(_notes(any_decks[name, lang]), 1):
        for clauses in _source_lists(notes, lang).values():
            lists += 1
            assert len(clauses) == len(set(clauses)), (number, clauses)
            inside = [(a, b) for a in clauses for b in clauses if a != b and a in b]
            assert not inside, (number, inside[:2])
    assert lists >= 2  # every briefing's deck has slides with source lists


def test_the_longer_clause_stays_in_its_place() -> None:
    long = Cite("一个千亿级园区(上饶经开区)、两个千亿级产业(有色金属、光伏新能源)")
    other_doc = Cite("一个千亿级园区(上饶经开区)", doc="other")  # another document's clause is no repeat of this one
    cites = (Cite("一个千亿级园区（上饶经开区）"), Cite("光伏"), long, Cite("光伏"), other_doc, Cite("晶科能源"))
    assert listed(cites) == (long, other_doc, Cite("晶科能源"))


def _table_runs(path: Path) -> list[list[tuple[str, int]]]:
    """Return each appendix table's pages in order as (notes, rows shown) (a run of slides with a table)."""
    runs: list[list[tuple[str, int]]] = []
    before = False
    for slide in Presentation(str(path)).slides:
        tables = [shape.table for shape in slide.shapes if shape.has_table]
        if tables:
            notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
            rows = sum(len(table.rows) - 1 for table in tables)  # less the header
            if not before:
                runs.append([])
            runs[-1].append((notes, rows))
        before = bool(tables)
    return runs


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_an_appendix_table_says_once_what_it_lists(any_decks: dict[tuple[str, str], Path], name: str,
                                                   lang: str) -> None:
    briefing = load_briefing(ANY_SHAPE[name])
    runs = _table_runs(any_decks[name, lang])
    assert runs
    for run in runs:
        first, *rest = [notes for notes, _ in run]
        assert all(not notes.strip() for notes in rest), rest  # a continuation page: nothing to repeat
        assert t("appendix_sub", lang) not in first  # the divider said that
        total = sum(rows for _, rows in run)
        counted = (f"全部{total}项数据" if lang == "zh" else
                   "the one figure" if total == 1 else f"all {total} figures")
        assert counted in first, first
        pages = (f"共{len(run)}页" if lang == "zh" else f"listed over {len(run)} pages")
        assert (pages in first) == (len(run) > 1), first
    derived = sum(m.derived is not None for m in briefing.metrics)
    said = " ".join(run[0][0] for run in runs)
    assert bool(re.search(r"其中\d+项|We worked out \d+", said)) == (derived > 0), said


def _sentences(text: str, lang: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？])" if lang == "zh" else r"(?<=[.!?])\s+", text) if s.strip()]


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_no_sentence_of_the_notes_has_two_colons(any_decks: dict[tuple[str, str], Path], name: str,
                                                 lang: str) -> None:
    checked = 0
    for number, notes in enumerate(_notes(any_decks[name, lang]), 1):
        body = re.split(r"\n\n(?:来源|Sources)", notes)[0]
        for said in _sentences(body, lang):
            checked += 1
            assert len(re.findall(r"：|:(?!\d)", said)) <= 1, (number, said)
    assert checked >= 10


@pytest.mark.parametrize(("lang", "text", "joined"), [
    ("zh", "上饶以全面提升12条重点产业链现代化水平为目标", "视角一·产业优势：上饶以"),
    ("zh", "加速推动制造业数字化转型：规上制造业企业数智化改造率达100%", "视角一·产业优势——加速"),
    ("en", "New routes help drive exports: Shangrao's share", "Theme 1 — New routes"),
    ("en", "Shangrao aims to modernise 12 key chains", "Theme 1: Shangrao"),
])
def test_a_label_meets_a_text_with_one_colon_at_most(lang: str, text: str, joined: str) -> None:
    said = labelled("视角一·产业优势" if lang == "zh" else "Theme 1", text, lang)
    assert said.startswith(joined) and len(re.findall(r"[：:]", said)) == 1


def _metrics_in_table_order(name: str) -> list[Metric]:
    briefing = load_briefing(ANY_SHAPE[name])
    return [m for doc in briefing.sources for m in briefing.metrics if m.source.doc in (doc.id, None)]


@pytest.mark.parametrize(("name", "lang"), [c for c in ANY_CASES if c[0] != "hengfeng"])  # (it derives none)
def test_a_derived_note_in_the_appendix_is_one_clean_clause(any_decks: dict[tuple[str, str], Path], name: str,
                                                            lang: str) -> None:
    deck = Presentation(str(any_decks[name, lang]))
    rows = [[cell.text.replace("\v", "") for cell in row.cells] for slide in deck.slides
            for shape in slide.shapes if shape.has_table for row in list(shape.table.rows)[1:]]
    metrics = _metrics_in_table_order(name)
    assert len(rows) == len(metrics)
    remarks = 0
    for row, metric in zip(rows, metrics, strict=True):
        if metric.derived is None:
            continue
        remarks += 1
        source = row[3]
        remark = source[source.rindex(metric.source.clause) + len(metric.source.clause):]
        remark = re.split(r"（图表中的占比| \(the chart's", remark)[0]  # a share the chart computes: its own remark
        if lang == "zh":
            assert remark.startswith("（") and remark.endswith("）"), remark
            assert remark.count("：") <= 1 and remark.count("推算") <= 1 and remark.count("计算值") <= 1, remark
        else:
            assert remark.startswith(" (") and remark.endswith(")"), remark
            assert remark.count(": ") <= 1 and remark.lower().count("derived") <= 1, remark
            # no capital inside the sentence: at its opening and after a colon or semicolon (the test briefings'
            # notes open with common words: "End month", "Period", "Counted", "Summed")
            assert not re.search(r"^ \([A-Z]|[:;] [A-Z]", remark), remark
    assert remarks > 0  # every test briefing has a derived value or period


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_the_summary_notes_join_every_theme_label_alike(name: str, lang: str) -> None:
    """One theme's line with a colon of its own takes a dash after its label; the others then do too (the reviewer
    read '视角二·数字转型——…' beside '视角一·产业优势：…' in one note)."""
    from srbrief.deck.plan import Role, plan_deck

    plan = plan_deck(load_briefing(ANY_SHAPE[name]), lang)
    summary = next(s for s in plan.slides if s.role is Role.SUMMARY)
    joins = set()
    for row in summary.summary:
        if lang == "en":  # a line of its own, without the tag ('1. Strengths' is no words to say); a label that is
            head = f"{row.label}: "  # the message's own head ("New energy gathers pace: …") is said with it
            said = [head + m for m in (row.message, row.message[:1].lower() + row.message[1:])]
            assert any(s in summary.notes for s in said) or \
                (row.message in summary.notes and row.label not in summary.notes), (row.label, summary.notes)
            continue
        found = re.search(re.escape(row.label) + r"(——| — |：|: )", summary.notes)
        assert found, (row.label, summary.notes)
        joins.add(found.group(1))
    assert len(joins) <= 1, joins


# -- a notes' source list quotes sentences, not fragments (the re-check: "上饶深化落实“1269”行动计划") ----------
def _document_texts(name: str) -> str:
    path = ANY_SHAPE[name]
    briefing = load_briefing(path)
    return "\n".join(text for doc in briefing.sources if (text := read_document(doc, path.parent)))


@pytest.mark.parametrize(("name", "lang"), [c for c in ANY_CASES if c[0] != "six-themes"])  # six-themes: no text
def test_a_source_list_quotes_whole_sentences_or_marks_the_cut(any_decks: dict[tuple[str, str], Path], name: str,
                                                                 lang: str) -> None:
    """Each line of a notes' source list is a sentence of the cited document, or a part of one that says so with
    '……' where it was cut: never a clause read as if it were the whole of what the article says."""
    text = _document_texts(name)
    assert text
    quotes = 0
    for number, notes in enumerate(_notes(any_decks[name, lang]), 1):
        for _, quote in _quotes(notes, lang):
            cut_start, cut_end = quote.startswith("……"), quote.endswith("……") and quote not in text
            core = quote.removeprefix("……") if cut_start else quote
            core = core.removesuffix("……") if cut_end else core
            pieces = [core] if core in text else core.split("……")  # a subject, then a part cut further on
            at = 0
            for piece in pieces:  # verbatim, in order: a cut is marked
                found = text.find(piece, at)
                assert found >= 0, (number, quote)
                at = found + len(piece)
            first, last = sentence_of(text, pieces[0]), sentence_of(text, pieces[-1])
            assert cut_start or first.startswith(pieces[0]), (number, quote, first)
            assert cut_end or last.endswith(pieces[-1]), (number, quote, last)
            assert len(core) <= QUOTE_LIMIT + OPENING_MOST or core == first or cut_start or cut_end or core in (
                c.clause for c in _cites(name)), (number, quote)
            quotes += 1
    assert quotes >= 5


def _cites(name: str) -> list[Cite]:
    return [c for _, _, c in cites(load_briefing(ANY_SHAPE[name]))]


def test_clauses_of_one_sentence_are_quoted_once_with_its_subject() -> None:
    sentence = "作为江西的东大门，上饶主动对接长三角，开通铁海联运班列，带动出口增长。"
    first, second = (Cite(c) for c in ("作为江西的东大门", "开通铁海联运班列"))
    for cite in (first, second):
        object.__setattr__(cite, "sentence", sentence)
    assert quoted((first, second)) == ((first, sentence),)  # short: whole, once
    assert quoted((Cite("数据不在文中"),)) == ((Cite("数据不在文中"), "数据不在文中"),)  # no text at hand: as given
