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
