"""Rule 6 of issue 19, finished edges, read back from the exported decks: the title slide names who presents,
when and from which documents; the English deck explains 规上 once, as our note; the English appendix gives our
translation of each clause above the Chinese original."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from srbrief.model import Briefing


def _texts(slide: object) -> str:
    return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)  # type: ignore[attr-defined]


def test_the_title_slide_names_organisation_presenter_date_and_sources(decks: dict[str, Path]) -> None:
    zh = _texts(Presentation(str(decks["zh"])).slides[0])
    en = _texts(Presentation(str(decks["en"])).slides[0])
    assert "2025年10月11日" in zh and "产业研究组" in zh and "首席分析师" in zh and "《挺起制造强市“硬脊梁”》" in zh
    assert "11 Oct 2025" in en and "Industry Research Team" in en and "Presented by Lead analyst" in en
    assert 'Based on Shangrao Daily, 11 Oct 2025, "Building the Backbone of a Manufacturing Powerhouse"' in en


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
                cells.update((r.cells[0].text_frame.text, r.cells[3].text_frame.text) for r in rows[1:])
    assert header == {"Source (our translation; Chinese original below)"}
    for metric in builtin.metrics:
        assert metric.source.en, metric.id  # every built-in clause has our translation
        cell = cells[metric.label.en]
        english, _, chinese = cell.partition("\v")  # a line break: the translation above the original
        assert english.replace("\v", " ").split() == metric.source.en.split(), metric.id
        assert chinese.replace("\v", "").replace(" ", "").startswith(metric.source.clause.replace(" ", ""))
