"""A large count in 人次 on the deck of a briefing made in the app (the Jiujiang one a tester made): English
writes it in millions of visits, kept whole on a line; Chinese writes it with 亿 as the article does."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

JIUJIANG = Path(__file__).resolve().parent.parent / "data" / "jiujiang.yaml"


def deck_texts(path: Path) -> list[str]:
    texts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return texts


@pytest.mark.parametrize(("lang", "written"), [("en", "120\u00a0mn\u00a0visits"), ("zh", "1.2亿人次")])
def test_a_count_in_visits_is_written_with_its_scale(tmp_path: Path, lang: str, written: str) -> None:
    from srbrief.cli import main

    target = tmp_path / f"jiujiang-{lang}.pptx"
    assert main(["export", str(JIUJIANG), "-o", str(target), "--lang", lang]) == 0
    texts = deck_texts(target)
    assert sum(written in text for text in texts) >= 2  # the summary card and the appendix row
    assert not any("attendance" in text or "120,000,000" in text or "120000000" in text for text in texts)


@pytest.mark.parametrize(("name", "cited"), [
    ("上饶日报", "《上饶日报》"), ("九江晚报", "《九江晚报》"), ("求是杂志", "《求是杂志》"),
    ("中国统计年鉴", "《中国统计年鉴》"),
    ("上饶市统计局", "上饶市统计局"), ("九江市人民政府网", "九江市人民政府网"), ("《经济参考报》", "《经济参考报》"),
])
def test_only_a_periodical_is_cited_in_book_title_marks(name: str, cited: str) -> None:
    from srbrief.model.textutil import cited_publication

    assert cited_publication(name) == cited


@pytest.mark.parametrize("briefing", ["jiujiang", "builtin"])
def test_a_publisher_that_is_an_organisation_has_no_book_title_marks_in_the_deck(tmp_path: Path,
                                                                                  briefing: str) -> None:
    """The deck's footers, notes and appendix cite a bureau bare and a newspaper in 《》 (the built-in sample's
    《上饶日报》 unchanged)."""
    import shutil

    from srbrief.cli import main
    from srbrief.resources import builtin_briefing_path

    source = JIUJIANG if briefing == "jiujiang" else builtin_briefing_path()
    text = source.read_text(encoding="utf-8")
    newspaper = "九江日报" if briefing == "jiujiang" else "上饶日报"
    assert f"zh: {newspaper}" in text
    copy = tmp_path / "brief.yaml"
    for path in source.parent.glob("*.txt"):
        shutil.copyfile(path, tmp_path / path.name)
    if (source.parent / "sources").is_dir():
        shutil.copytree(source.parent / "sources", tmp_path / "sources")
    for name, publication in (("newspaper", newspaper), ("bureau", "九江市统计局")):
        copy.write_text(text.replace(f"zh: {newspaper}", f"zh: {publication}", 1), encoding="utf-8")
        target = tmp_path / f"{name}.pptx"
        assert main(["export", str(copy), "-o", str(target), "--lang", "zh"]) == 0
        deck = Presentation(str(target))
        texts = deck_texts(target) + [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
        assert any(publication in t for t in texts)
        marked = any(f"《{publication}》" in t for t in texts)
        assert marked == (name == "newspaper"), name
