"""The exported decks read back as a briefing: action titles, at most six figures a slide at projection size,
the executive summary up front, the map marked as a schematic, every number in a title backed by a figure on
its slide, and the appendix with every figure and its source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt

from srbrief.deck.plan import Role, plan_deck
from srbrief.model import Briefing, ChartKind
from srbrief.model.claims import uncarried_numbers
from srbrief.model.units import metric_label, metric_text
from srbrief.resources import builtin_briefing_path

TOPIC_LABELS = {"关键数据", "主要举措", "核心数据", "议程", "谢谢", "总览", "Key figures", "Headline figures",
                "What Shangrao is doing", "Agenda", "Thank you", "Overview"}


def _squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.fixture(scope="module", params=["zh", "en"])
def deck(request: pytest.FixtureRequest, decks: dict[str, Path], builtin: Briefing) -> tuple[str, object, object]:
    lang = request.param
    return lang, Presentation(str(decks[lang])), plan_deck(builtin, lang)


def test_main_flow_titles_are_conclusions_backed_by_the_figures_on_the_slide(deck: tuple) -> None:
    lang, prs, plan = deck
    for slide, spec in zip(prs.slides, plan.slides, strict=True):
        if spec.appendix or spec.role in (Role.TITLE, Role.SECTION):
            continue
        title = slide.shapes.title.text_frame.text
        assert not any(label in title for label in TOPIC_LABELS), title
        assert len(title) >= 15, title  # a sentence, not a label
        if spec.role is not Role.OUTLOOK:
            assert uncarried_numbers(title, spec.metrics, lang) == [], title


def test_at_most_six_cards_with_numbers_and_labels_legible_when_projected(deck: tuple, builtin: Briefing) -> None:
    lang, prs, plan = deck
    for number, (slide, spec) in enumerate(zip(prs.slides, plan.slides, strict=True), 1):
        cards = [s for s in slide.shapes if s.name.startswith("metric:")]
        assert len(cards) <= 6, number
        if spec.appendix:
            continue
        for card in cards:
            metric = builtin.find(card.name.split(":", 1)[1])
            paragraphs = card.text_frame.paragraphs
            figure = next(run for run in paragraphs[0].runs if run.font.bold)  # after a currency, if any
            assert figure.font.size >= Pt(28), (number, card.name)
            label = _squeezed(metric_label(metric, lang))
            (found,) = [p for p in paragraphs  # (a derived value's footnote marker ends its label)
                        if _squeezed(p.text.replace("\v", "")).rstrip("*¹²³⁴⁵⁶⁷⁸⁹") == label]
            assert all(run.font.size >= Pt(14) for run in found.runs), (number, card.name)


def test_the_executive_summary_comes_first(deck: tuple) -> None:
    lang, prs, _plan = deck
    kicker = "执行摘要" if lang == "zh" else "Executive summary"
    found = [i for i, slide in enumerate(prs.slides, 1)
             if any(s.has_text_frame and s.text_frame.text == kicker for s in slide.shapes)]
    assert found and found[0] in (2, 3)


def test_the_map_is_a_schematic_in_its_theme(deck: tuple, builtin: Briefing) -> None:
    lang, prs, plan = deck
    (index,) = [i for i, s in enumerate(plan.slides) if s.chart is not None and s.chart.kind is ChartKind.ROUTE_MAP]
    assert plan.slides[index].section_id == "theme-3"
    text = " ".join(s.text_frame.text for s in prs.slides[index].shapes if s.has_text_frame)
    assert ("示意图" if lang == "zh" else "Schematic") in text


def test_the_appendix_tables_hold_every_figure_and_its_source(deck: tuple, builtin: Briefing) -> None:
    lang, prs, _plan = deck
    cells = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                assert shape.name.startswith("table:")
                cells += [_squeezed(c.text.replace("\v", "")) for row in shape.table.rows for c in row.cells]
    text = "\n".join(cells)
    for metric in builtin.metrics:
        assert _squeezed(metric_text(metric, lang)) in text, metric.id  # as its card writes it
        assert _squeezed(metric.source.clause) in text, metric.id


def test_the_close_is_the_outlook_from_the_article(deck: tuple, builtin: Briefing) -> None:
    lang, prs, plan = deck
    (index,) = [i for i, s in enumerate(plan.slides) if s.role is Role.OUTLOOK]
    text = _squeezed(" ".join(s.text_frame.text for s in prs.slides[index].shapes if s.has_text_frame))
    for line in builtin.outlook:
        assert _squeezed(line.text.get(lang).rstrip("。.")) in text


def test_the_title_slide_names_the_date_and_who_presents(tmp_path: Path) -> None:
    from srbrief.cli import main

    target = tmp_path / "titled.pptx"
    assert main(["export", "-o", str(target), "--lang", "en", "--presenter", "Li Ming, Investment Promotion Bureau",
                 "--organisation", "Shangrao Municipal Government"]) == 0
    first = Presentation(str(target)).slides[0]
    text = " ".join(s.text_frame.text for s in first.shapes if s.has_text_frame)
    assert "11 October 2025" in text and "Shangrao Municipal Government" in text
    assert "Presented by Li Ming, Investment Promotion Bureau" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_title_slide_gives_the_briefing_date_and_a_refresh_keeps_it(tmp_path: Path, lang: str) -> None:
    """The consultant: the cover had no briefing date. The day it is presented comes from the briefing's
    own (set in the app's form) or from --date over it; a refreshed deck keeps the one it was exported with."""
    from srbrief.cli import main

    def cover(path: Path) -> str:
        return " ".join(s.text_frame.text for s in Presentation(str(path)).slides[0].shapes if s.has_text_frame)

    data = tmp_path / "dated.yaml"
    data.write_text(builtin_briefing_path().read_text(encoding="utf-8") + "briefing_date: '2025-12-08'\n",
                    encoding="utf-8")
    own = tmp_path / "own.pptx"
    assert main(["export", str(data), "-o", str(own), "--lang", lang]) == 0
    assert ("汇报日期：2025年12月8日" if lang == "zh" else "8 Dec 2025") in cover(own)
    given = tmp_path / "given.pptx"
    assert main(["export", str(data), "-o", str(given), "--lang", lang, "--date", "2026-01-05"]) == 0
    assert ("2026年1月5日" if lang == "zh" else "5 Jan 2026") in cover(given)
    assert ("2025年12月8日" if lang == "zh" else "8 Dec 2025") not in cover(given)
    data.write_text(data.read_text(encoding="utf-8").replace("2025-12-08", "2025-12-09"), encoding="utf-8")
    for deck in (own, given):
        assert main(["refresh", str(deck), str(data), "-o", str(deck)]) == 0
    assert ("2025年12月9日" if lang == "zh" else "9 Dec 2025") in cover(own)  # the briefing's new date
    assert ("2026年1月5日" if lang == "zh" else "5 Jan 2026") in cover(given)  # the date it was given
    plain = tmp_path / "plain.pptx"
    assert main(["export", "-o", str(plain), "--lang", lang]) == 0
    assert "汇报日期" not in cover(plain) and "2026" not in cover(plain)
