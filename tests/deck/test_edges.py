"""Rule 6 of issue 19, finished edges, read back from the exported decks: the title slide names who presents,
when and from which documents; the English deck explains 规上 once, as our note; the English appendix gives our
translation of each clause above the Chinese original."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.deck.plan import plan_deck
from srbrief.model import Briefing
from srbrief.model.units import metric_label


def _texts(slide: object) -> str:
    return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)  # type: ignore[attr-defined]


def test_the_title_slide_names_organisation_presenter_date_and_sources(decks: dict[str, Path],
                                                                       tmp_path: Path) -> None:
    zh = _texts(Presentation(str(decks["zh"])).slides[0])
    en = _texts(Presentation(str(decks["en"])).slides[0])
    assert "2025年10月11日" in zh and "《挺起制造强市“硬脊梁”》" in zh
    assert "11 October 2025" in en  # in the subtitle: the title slide names the article once
    assert 'Based on a Shangrao Daily article published on 11 October 2025' in en  # the subtitle names it once;
    assert 'Source: "Building the Backbone of a Manufacturing Powerhouse"' in en  # the slide adds its title
    assert en.count("Shangrao Daily") == 1 and zh.count("上饶日报") == 1 and "截至" not in zh  # no "as of"

    # who presents comes from the briefing (the built-in sample names no one: it invents nobody)
    from srbrief.cli import main
    from srbrief.resources import builtin_briefing_path

    text = builtin_briefing_path().read_text(encoding="utf-8").replace(
        "as_of: '2025-10-11'\n", "as_of: '2025-10-11'\norganisation: {zh: 招商局, en: Investment Bureau}\n"
        "presenter: {zh: 李明, en: Li Ming}\n", 1)
    mine = tmp_path / "mine.yaml"
    mine.write_text(text, encoding="utf-8")
    for lang, words in (("zh", ("招商局", "汇报：李明")), ("en", ("Investment Bureau", "Presented by Li Ming"))):
        deck = tmp_path / f"{lang}.pptx"
        assert main(["export", str(mine), "-o", str(deck), "--lang", lang]) == 0
        first = _texts(Presentation(str(deck)).slides[0])
        assert all(w in first for w in words), first


def test_above_scale_is_explained_once_in_english_as_our_note(decks: dict[str, Path]) -> None:
    slides = [_texts(s) for s in Presentation(str(decks["en"])).slides]
    notes = [t for t in slides if "CNY 20 million" in t]
    assert len(notes) == 1 and "Our note" in notes[0] and "above designated size" in notes[0]
    assert not any("CNY 20 million" in _texts(s) for s in Presentation(str(decks["zh"])).slides)


def test_the_english_appendix_translates_each_clause_above_the_original(decks: dict[str, Path],
                                                                        builtin: Briefing) -> None:
    cells: dict[str, str] = {}
    header = set()
    for slide in Presentation(str(decks["en"])).slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows = list(shape.table.rows)
                header.add(rows[0].cells[3].text_frame.text)
                cells.update((r.cells[0].text_frame.text.replace("\v", ""), r.cells[3].text_frame.text)
                             for r in rows[1:])  # a label's break (no orphan) keeps the space before it
    assert header == {"Source (our translation; Chinese original below)"}
    for metric in builtin.metrics:
        assert metric.source.en, metric.id  # every built-in clause has our translation
        cell = cells[metric_label(metric, "en")]
        lines = cell.split("\v")  # the translation's lines above the original's (every break kept: Chinese)
        first = next(i for i, line in enumerate(lines) if re.search(r"[\u4e00-\u9fff]", line))
        english, chinese = " ".join(lines[:first]), "".join(lines[first:])
        assert first > 0 and english.split() == metric.source.en.split(), metric.id
        assert chinese.replace(" ", "").startswith(metric.source.clause.replace(" ", ""))


@pytest.mark.parametrize(("term", "meaning"), [('"new three"', "electric vehicles, lithium batteries and solar"),
                                               ("hundred-billion-yuan class", "CNY 100 bn or more")])
def test_chinese_terms_are_explained_once_in_english(term: str, meaning: str,
                                                     shaped_decks: dict[tuple[str, str], Path]) -> None:
    """新三样 and 千亿级 are explained once in full, as our note on the sources page, in the English deck of the
    briefing that uses them; never in Chinese, nor in a briefing that does not use them. (The first slide that
    uses a term explains it briefly in its footnote: see tests/deck/test_term_notes.py.)"""
    for (name, lang), path in shaped_decks.items():
        texts = [_texts(s).replace("\v", "").replace("\xa0", " ") for s in Presentation(str(path)).slides]
        found = [text for text in texts if meaning in text and "Our note:" in text]
        assert len(found) == (1 if (name, lang) == ("builtin", "en") else 0), (name, lang, len(found))
        assert all("Our note" in text and term in text for text in found)


def test_the_hundred_billion_class_is_said_once_a_slide(decks: dict[str, Path], builtin: Briefing) -> None:
    """'hundred-billion-yuan class' is said, then referred to: at most once on any slide of the main flow."""
    plan = plan_deck(builtin, "en")
    for number, (slide, planned) in enumerate(zip(Presentation(str(decks["en"])).slides, plan.slides,
                                                  strict=True), 1):
        if not planned.appendix:
            assert _texts(slide).replace("\v", "").count("hundred-billion-yuan class") <= 1, number


def test_the_cards_of_one_read_singular(decks: dict[str, Path], builtin) -> None:
    """A figure that is exactly one names one thing ('1 / Park of the CNY 100 bn class'); two stay plural: on a
    card (the app's, the deck's) and in the appendix, where these three are (the main flow shows them in the matrix,
    which draws its groups' counts, so no card repeats them)."""
    from srbrief.model.units import metric_label

    labels = {m.id: metric_label(m, "en") for m in builtin.metrics if m.id.startswith("hundred-billion-")}
    rows = [" ".join(row.cells[0].text.replace("\v", " ").replace("\xa0", " ").split())
            for slide in Presentation(str(decks["en"])).slides for s in slide.shapes if s.has_table
            for row in s.table.rows]
    text = {i: next(r for r in rows if r == " ".join(label.replace("\xa0", " ").split()))
            for i, label in labels.items()}
    assert "Park of the" in text["hundred-billion-parks"] and "Parks" not in text["hundred-billion-parks"]
    assert "Industries of the" in text["hundred-billion-industries"]
    assert "Enterprise of the" in text["hundred-billion-enterprises"]


def test_the_main_flow_ends_on_a_closing_slide(decks: dict[str, Path]) -> None:
    """The reviewer: the deck ended on 来源与说明. The main flow closes with thanks, the briefing's title and
    where the sources are, before the appendix, and no figure on it."""
    for lang, thanks in (("zh", "谢谢"), ("en", "Thank you")):
        slides = list(Presentation(str(decks[lang])).slides)
        closing = next(i for i, s in enumerate(slides) if thanks in _texts(s))
        marker = "附录：" if lang == "zh" else "Appendix:"
        appendix = next(i for i, s in enumerate(slides) if marker in _texts(s))
        assert closing + 1 == appendix, (closing, appendix)
        said = " ".join(re.sub(r"^Theme \d+", "", sh.text_frame.text)  # a theme's place is no figure
                        for sh in slides[closing].shapes
                        if sh.has_text_frame and sh.name not in ("footer", "page-number"))
        assert not any(ch.isdigit() for ch in said), said
