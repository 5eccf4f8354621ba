"""The title slide names every document the briefing cites, by date (issue #20: after a figure cited a second
document, the title slide still read 据《上饶日报》2025年10月11日报道整理)."""

from __future__ import annotations

from pathlib import Path

from srbrief.deck.plan import plan_deck
from srbrief.model.loader import load_briefing
from srbrief.model.story import cited_documents, shown_subtitle
from tests.edit.documents import with_document
from tests.edit.test_update_truth import BULLETIN, TESTER, guided

ZH = "据《上饶日报》2025年10月11日报道、上饶市统计局2025年10月20日《上饶市2025年1—9月工业经济运行情况》整理"
EN = "Based on Shangrao Daily, 11 Oct 2025; Shangrao Statistics Bureau, 20 Oct 2025"


def test_the_testers_briefing_names_both_documents() -> None:
    briefing = load_briefing(TESTER / "shangrao-three-updates.yaml")  # as the app saved it
    assert [d.date for d in cited_documents(briefing)] == ["2025-10-11", "2025-10-20"]  # newest last
    assert shown_subtitle(briefing, "zh") == ZH and shown_subtitle(briefing, "en") == EN
    for lang, publisher in (("zh", "上饶市统计局"), ("en", "Shangrao Statistics Bureau")):
        deck = plan_deck(briefing, lang)
        title = deck.slides[0]
        assert title.subtitle == (ZH if lang == "zh" else EN)
        assert publisher in title.subtitle and publisher in deck.footer  # named once, with its date
        byline = title.bullets[-1]  # the slide adds the documents' titles, newest last
        older, newer = ("《挺起制造强市", "《上饶市2025年1—9月") if lang == "zh" else \
            ('"Building', '"Shangrao industrial')
        assert byline.index(older) < byline.index(newer)
        assert (title.subtitle + " ".join(title.bullets)).count(publisher) == 1  # not said twice on the page


def test_a_guided_update_from_a_second_document_reaches_the_title_slide(tmp_path: Path) -> None:
    doc = with_document(tmp_path, BULLETIN.read_text(encoding="utf-8"), "jansep", "2025-10-20")
    assert shown_subtitle(doc.briefing, "zh") == "据《上饶日报》2025年10月11日报道整理"  # the new one not cited yet
    guided(doc, "industrial-revenue-2024", "2025年1—9月，全市规上工业营业收入6400亿元", "jansep")
    subtitle = plan_deck(doc.briefing, "zh").slides[0].subtitle
    assert subtitle.startswith("据《上饶日报》2025年10月11日报道、上饶市统计局2025年10月20日")
    assert subtitle.endswith("整理")


def test_a_briefing_of_one_document_keeps_its_own_subtitle() -> None:
    hengfeng = load_briefing(TESTER / "hengfeng-new-energy.yaml")
    assert plan_deck(hengfeng, "zh").slides[0].subtitle == "据《上饶日报》2025年11月5日报道整理"
    assert plan_deck(hengfeng, "en").slides[0].subtitle == "Based on Shangrao Daily, 5 November 2025"
