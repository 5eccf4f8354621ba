"""Type sizes, read back from the exported decks and measured in the chart drawings at the size they are drawn:
main-flow text ≥ 14 pt, the footer, a footnote and page number ≥ 10 pt, the appendix tables ≥ 12 pt."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from matplotlib.text import Text
from pptx import Presentation
from pptx.oxml.ns import qn

from srbrief.deck.layout import ChartBlock, layout_deck
from srbrief.deck.plan import plan_deck
from srbrief.model import load_briefing
from srbrief.textlayout import slide_measurer
from srbrief.typescale import MAIN_TEXT, REFERENCE_TEXT, SMALL_PRINT
from tests.deck.conftest import BRIEFINGS, CASES


def least(shape_name: str) -> float:
    if shape_name in ("footer", "page-number", "footnote"):
        return SMALL_PRINT
    if shape_name.startswith("table:"):
        return REFERENCE_TEXT
    return MAIN_TEXT


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_text_on_a_slide_has_its_least_size(shaped_decks: dict[tuple[str, str], Path], name: str,
                                                  lang: str) -> None:
    small = []
    checked = 0
    for number, slide in enumerate(Presentation(str(shaped_decks[name, lang])).slides, 1):
        for shape in slide.shapes:
            for element in shape._element.iter(qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr")):
                size = element.get("sz")
                if size is None:
                    continue
                checked += 1
                if int(size) / 100 < least(shape.name) - 1e-6:
                    small.append((number, shape.name, int(size) / 100))
    assert checked > 100
    assert small == []


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_native_chart_texts_are_main_flow_size(shaped_decks: dict[tuple[str, str], Path], name: str,
                                               lang: str) -> None:
    with zipfile.ZipFile(shaped_decks[name, lang]) as z:
        charts = [z.read(n).decode("utf-8") for n in z.namelist() if re.match(r"ppt/charts/chart\d+\.xml$", n)]
    sizes = [int(s) / 100 for chart in charts for s in re.findall(r'<a:(?:rPr|defRPr|endParaRPr)[^>]* sz="(\d+)"',
                                                                     chart)]
    assert charts and sizes
    assert min(sizes) >= MAIN_TEXT


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_chart_pictures_text_is_main_flow_size_on_the_slide(name: str, lang: str) -> None:
    """Each chart drawn as on its slide (its box less the zoom): every text, scaled up by the zoom, ≥ 14 pt."""
    from srbrief.charts import chart_context, draw_chart
    from srbrief.charts.style import LIGHT, new_figure

    briefing = load_briefing(BRIEFINGS[name])
    plan = plan_deck(briefing, lang)
    blocks = [b for layout in layout_deck(plan, slide_measurer()) for b in layout.blocks if isinstance(b, ChartBlock)]
    assert blocks
    small = []
    for block in blocks:
        fig = new_figure(LIGHT, (block.rect.w / 72 / block.zoom, block.rect.h / 72 / block.zoom))
        with chart_context():
            draw_chart(fig, briefing, block.chart, lang, LIGHT, framed=False)
            fig.draw_without_rendering()
            texts = [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]
        small += [(block.chart.id, t.get_text()[:20], round(t.get_fontsize() * block.zoom, 1)) for t in texts
                  if t.get_fontsize() * block.zoom < MAIN_TEXT - 1e-6]
    assert small == []
