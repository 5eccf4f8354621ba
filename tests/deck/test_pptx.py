"""Read exported decks back: titles, figures, native charts, alt text, notes, fonts, validity."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from srbrief.charts.style import metric_text
from srbrief.deck.plan import plan_deck
from srbrief.model import Briefing, ChartKind, load_briefing
from srbrief.model.story import charted_value
from tests.deck.conftest import BRIEFINGS

HAN = re.compile(r"[\u4e00-\u9fff]")


def _texts(prs: Presentation) -> list[str]:
    found = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                found.append(shape.text_frame.text)
            if shape.has_table:
                found += [cell.text for row in shape.table.rows for cell in row.cells]
            if shape.has_chart:
                for series in shape.chart.plots[0].series:
                    for point in series.points:
                        if point.data_label.has_text_frame:
                            found.append(point.data_label.text_frame.text)
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_titles_in_plan_order(decks: dict[str, Path], builtin: Briefing, lang: str) -> None:
    prs = Presentation(str(decks[lang]))
    plan = plan_deck(builtin, lang)
    assert len(prs.slides) == len(plan.slides)
    titles = []
    for slide in prs.slides:
        title = slide.shapes.title
        titles.append(title.text_frame.text.replace("\x0b", "") if title is not None else "")  # the layout's breaks
    assert titles == [s.title for s in plan.slides]
    assert prs.slide_width / prs.slide_height == pytest.approx(16 / 9, rel=0.01)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_metric_value_is_on_a_slide(decks: dict[str, Path], builtin: Briefing, lang: str) -> None:
    squeezed = re.sub(r"\s", "", "".join(_texts(Presentation(str(decks[lang])))))
    missing = [m.id for m in builtin.metrics if re.sub(r"\s", "", metric_text(m, lang)) not in squeezed]
    assert not missing


def test_native_charts_with_expected_data(decks: dict[str, Path], builtin: Briefing,
                                          shaped_decks: dict[tuple[str, str], Path]) -> None:
    prs = Presentation(str(decks["zh"]))
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert any("DOUGHNUT" in str(c.chart_type) for c in charts)
    assert not any("BAR" in str(c.chart_type) for c in charts)  # three different changes are cards, not bars
    six = load_briefing(BRIEFINGS["six-themes"])
    prs = Presentation(str(shaped_decks["six-themes", "zh"]))
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    metrics = [six.find(i) for i in six.find("g-hbar").items][::-1]  # horizontal bars are stored bottom-up
    match = [c for c in charts if list(c.plots[0].categories) == [m.label.zh for m in metrics]]
    assert len(match) == 1
    values = list(match[0].plots[0].series[0].values)
    assert values == [charted_value(m) for m in metrics] == [3, -8]  # a fall is below zero, good news or not


def test_every_picture_has_alt_text_with_its_figures(decks: dict[str, Path], builtin: Briefing) -> None:
    prs = Presentation(str(decks["en"]))
    pictures = [shape for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) >= 4
    for picture in pictures:
        descr = picture._element.nvPicPr.cNvPr.get("descr", "")
        assert len(descr) > 20
    alts = " ".join(p._element.nvPicPr.cNvPr.get("descr") for p in pictures)
    assert "Non-ferrous metals" in alts and "JinkoSolar" in alts
    assert "Songjiang" in alts and "Ningbo" not in alts  # the gateway slide's map: the G60 routes only
    picture_kinds = {c.kind for c in builtin.charts if c.title.en in alts}
    assert ChartKind.MATRIX in picture_kinds and ChartKind.ROUTE_MAP in picture_kinds


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_slide_has_notes(decks: dict[str, Path], lang: str) -> None:
    before = None
    for slide in Presentation(str(decks[lang])).slides:
        table = any(shape.has_table for shape in slide.shapes)
        if not (table and before):  # a table's continuation page has none (see test_notes_wording)
            assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
        before = table


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_run_has_latin_and_east_asian_typefaces(decks: dict[str, Path], lang: str) -> None:
    from lxml import etree

    with zipfile.ZipFile(decks[lang]) as package:
        parts = [n for n in package.namelist() if re.match(r"ppt/(slides|notesSlides|charts)/[^/]+\.xml$", n)]
        runs = 0
        for name in parts:
            root = etree.fromstring(package.read(name))
            for run in root.iter(qn("a:r")):
                runs += 1
                rpr = run.find(qn("a:rPr"))
                text = run.findtext(qn("a:t")) or ""
                assert rpr is not None, (name, text)
                assert rpr.find(qn("a:latin")) is not None and rpr.find(qn("a:ea")) is not None, (name, text)
                assert rpr.get("lang") == ("zh-CN" if lang == "zh" else "en-US")
                if HAN.search(text):
                    assert rpr.find(qn("a:ea")).get("typeface") == "Microsoft YaHei"
        assert runs > 300


def test_chart_axis_ids_are_positive(decks: dict[str, Path]) -> None:
    with zipfile.ZipFile(decks["zh"]) as package:
        for name in package.namelist():
            if name.startswith("ppt/charts/chart"):
                xml = package.read(name).decode("utf-8")
                assert not re.search(r'<c:(axId|crossAx) val="-', xml), name


def test_font_options(tmp_path: Path) -> None:
    from srbrief.cli import main

    target = tmp_path / "fonts.pptx"
    assert main(["export", "-o", str(target), "--font-latin", "Arial", "--font-ea", "SimHei", "--no-notes"]) == 0
    with zipfile.ZipFile(target) as package:
        xml = package.read("ppt/slides/slide1.xml").decode("utf-8")
    assert 'typeface="SimHei"' in xml and 'typeface="Arial"' in xml
    assert not any(s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip()
                   for s in Presentation(str(target)).slides)


def test_without_a_template_the_theme_has_the_app_palette(decks: dict[str, Path]) -> None:
    from srbrief.charts.style import LIGHT

    with zipfile.ZipFile(decks["zh"]) as z:
        theme = z.read("ppt/theme/theme1.xml").decode("utf-8")
    for i, colour in enumerate(LIGHT.scheme.sections[:6], 1):
        assert f'<a:accent{i}><a:srgbClr val="{colour.lstrip("#").upper()}"/></a:accent{i}>' in theme


def test_no_chinese_character_is_left_alone_on_a_card_line(decks: dict[str, Path], builtin: Briefing) -> None:
    """Where the layout moved a character down (the widow rule), the deck keeps that break (a:br)."""
    from srbrief.deck.layout import TextBlock, layout_deck
    from srbrief.textlayout import slide_measurer

    plan = plan_deck(builtin, "zh")
    widowed = {b.name: b for layout in layout_deck(plan, slide_measurer()) for b in layout.blocks
               if isinstance(b, TextBlock) and b.name != "title" and any(p.hard for p in b.paras)}  # titles: all
    assert widowed, "the built-in deck has labels that need the rule"
    shapes = {shape.name: shape for slide in Presentation(str(decks["zh"])).slides for shape in slide.shapes}
    for name, block in widowed.items():
        para = next(p for p in block.paras if p.hard)
        last = "".join(run.text for run in para.lines[-1])
        assert len(last) >= 2
        text = shapes[name].text_frame.text
        assert "\v" + last in text, (name, text)


def test_card_labels_keep_their_fonts_across_a_line_break(decks: dict[str, Path]) -> None:
    prs = Presentation(str(decks["zh"]))
    broken = [p for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
              for p in shape.text_frame.paragraphs if p._p.findall(qn("a:br"))]
    assert broken, "the built-in deck has labels that need a break"
    for paragraph in broken:
        assert all(r.font.size is not None and r._r.find(qn("a:rPr")).find(qn("a:ea")) is not None
                   for r in paragraph.runs)
        for br in paragraph._p.findall(qn("a:br")):  # the break is as tall as its line, in the same fonts
            properties = br.find(qn("a:rPr"))
            assert properties is not None and properties.get("sz") == paragraph.runs[0]._r.find(qn("a:rPr")).get("sz")
            assert properties.find(qn("a:ea")) is not None


def test_good_and_bad_news_have_one_colour_in_the_deck_as_in_the_app(
        shaped_decks: dict[tuple[str, str], Path]) -> None:
    """A fall in energy use is good news: green; a rise beside it bad news: red; both written as explicit colours
    (no theme accent is green or red: the accents are the sections' colours)."""
    from srbrief.charts.style import LIGHT

    with zipfile.ZipFile(shaped_decks["six-themes", "en"]) as z:
        charts = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("ppt/charts/chart")]
        theme = z.read("ppt/theme/theme1.xml").decode("utf-8")
    (energy,) = [c for c in charts if "<c:v>-8.0</c:v>" in c and "<c:v>3.0</c:v>" in c]
    green, red = LIGHT.increase.lstrip("#").upper(), LIGHT.decrease.lstrip("#").upper()
    assert energy.count(f'<a:srgbClr val="{green}"/>') == 1 and energy.count(f'<a:srgbClr val="{red}"/>') == 1
    assert green not in theme and red not in theme


def test_shapes_that_carry_data_are_named_by_model_id(decks: dict[str, Path], builtin: Briefing) -> None:
    """A later version can find and refresh them in a deck a user has edited."""
    prs = Presentation(str(decks["en"]))
    names = [shape.name for slide in prs.slides for shape in slide.shapes]
    ids = {m.id for m in builtin.metrics} | {c.id for c in builtin.charts}
    named = [n.split(":")[1] for n in names if n.split(":")[0] in ("metric", "chart")]
    assert named and set(named) <= ids
    assert any(n.startswith("table:appendix-") for n in names)
    notes = [s.notes_slide.notes_placeholder.name for s in prs.slides if s.has_notes_slide]
    assert "notes:overview-quality" in notes and all(n.startswith("notes:") for n in notes)
