"""One meaning per colour, read back from the exported decks (house colours and a user's template) and from the
chart pictures: a slide's section colour on its kicker, cards, bullets and charts; green and red only for good
and bad news, as explicit colours that no template changes; sections distinct."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from srbrief import meaning, palette
from srbrief.cli import main
from srbrief.model import Briefing, Metric, load_briefing
from srbrief.model.story import good_news
from tests.deck.conftest import BRIEFINGS, write_template

TEMPLATE_ACCENTS = ("0B3C5D", "2E8B57", "D35400", "B22222", "6C3483", "117A65")  # green 2nd, red 4th


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template whose six accents are its own, a green and a red among them."""

    def edit(text: str) -> str:
        for i, colour in enumerate(TEMPLATE_ACCENTS, 1):
            text = re.sub(rf'(<a:accent{i}>\s*<a:srgbClr val=")[0-9A-F]{{6}}', rf"\g<1>{colour}", text)
        return text

    return write_template(tmp_path_factory.mktemp("template") / "brand.pptx", edit)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, template: Path) -> dict[tuple[str, bool], Path]:
    folder = tmp_path_factory.mktemp("colour-decks")
    made = {}
    for name, source in BRIEFINGS.items():
        for templated in (False, True):
            target = folder / f"{name}-{templated}.pptx"
            extra = ["--template", str(template)] if templated else []
            assert main(["export", str(source), "-o", str(target), "--lang", "en", *extra]) == 0
            made[name, templated] = target
    return made


def theme_accents(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        theme = z.read("ppt/theme/theme1.xml").decode("utf-8")
    return {f"accent{i}": re.search(rf'<a:accent{i}>\s*<a:srgbClr val="([0-9A-F]{{6}})"', theme).group(1)
            for i in range(1, 7)}


def colour_of(element, accents: dict[str, str]) -> str | None:
    """Return the RGB hex of the first solid colour under *element* (a scheme colour resolved)."""
    for child in element.iter(qn("a:srgbClr"), qn("a:schemeClr")):
        value = child.get("val")
        return accents.get(value, value) if child.tag == qn("a:schemeClr") else value
    return None


def hexed(colour: str) -> str:
    return colour.lstrip("#").upper()


def slide_colours(path: Path, briefing: Briefing) -> list[tuple[set[str | None], dict[str, str | None]]]:
    """Return, per main-flow slide, its section colours (its kicker's; on the summary, each theme's label's
    too) and the colour of each card's number."""
    accents = theme_accents(path)
    found = []
    for slide in Presentation(str(path)).slides:
        shapes = {s.name: s for s in slide.shapes}
        kicker = shapes.get("kicker")
        if kicker is None:
            continue
        cards = {name[7:]: colour_of(next(r for r in shape.text_frame.paragraphs[0].runs if r.font.bold)._r, accents)
                 for name, shape in shapes.items() if name.startswith("metric:")}
        labels = [shape for name, shape in shapes.items() if name.startswith(("kicker", "summary-label:"))]
        found.append(({colour_of(s.text_frame.paragraphs[0].runs[0]._r, accents) for s in labels}, cards))
    return found


@pytest.mark.parametrize("name", BRIEFINGS)
@pytest.mark.parametrize("templated", [False, True])
def test_cards_say_their_section_or_good_and_bad_news(exported: dict[tuple[str, bool], Path], name: str,
                                                      templated: bool) -> None:
    path = exported[name, templated]
    briefing = load_briefing(BRIEFINGS[name])
    green, red = hexed(palette.LIGHT.increase), hexed(palette.LIGHT.decrease)
    sections: set[str | None] = set()
    seen_news = set()
    for kickers, cards in slide_colours(path, briefing):
        if not cards:
            continue
        for metric_id, colour in cards.items():
            news = good_news(briefing.find(metric_id, Metric))
            if news is None:
                assert colour in kickers, (metric_id, colour, kickers)
            else:
                assert colour == (green if news else red), metric_id
                seen_news.add(news)
        sections |= kickers
    assert green not in sections and red not in sections
    assert True in seen_news
    if templated:  # the sections take the template's accents (and colours chosen from them past the sixth)
        from srbrief.deck.pptx_writer import template_scheme

        brand = template_scheme({f"accent{i}": f"#{c}" for i, c in enumerate(TEMPLATE_ACCENTS, 1)})
        extra = {hexed(meaning.colour(brand, meaning.section(n))) for n in range(6, 9)}
        assert sections <= set(TEMPLATE_ACCENTS) | extra | {None}


SEVENTH_THEME = """\
  - {id: seventh, kind: theme, number: 7, title: {zh: 港口, en: Ports}, short_title: {zh: 港口, en: Ports},
     lede: {zh: 导语, en: Lede},
     metrics: [{id: berths, label: {zh: 港口泊位, en: Port berths}, value: 7, unit: ge, source: 数据为7个}]}
"""


@pytest.fixture(scope="module")
def seven_themes(tmp_path_factory: pytest.TempPathFactory, template: Path) -> dict[bool, Path]:
    """The six-theme briefing with a seventh theme (eight sections), exported with and without a template."""
    folder = tmp_path_factory.mktemp("seven")
    source = folder / "seven.yaml"
    source.write_text(BRIEFINGS["six-themes"].read_text(encoding="utf-8") + SEVENTH_THEME, encoding="utf-8")
    made = {}
    for templated in (False, True):
        target = folder / f"seven-{templated}.pptx"
        extra = ["--template", str(template)] if templated else []
        assert main(["export", str(source), "-o", str(target), "--lang", "en", *extra]) == 0
        made[templated] = target
    return made


def divider_colours(path: Path) -> list[str | None]:
    """Return the colour of each theme divider's title, in order."""
    accents = theme_accents(path)
    found = []
    for slide in Presentation(str(path)).slides:
        shapes = {s.name: s for s in slide.shapes}
        if "kicker" in shapes and "subtitle" in shapes and shapes["kicker"].text_frame.text.startswith("Theme "):
            found.append(colour_of(shapes["title"].text_frame.paragraphs[0].runs[0]._r, accents))
    return found


@pytest.mark.parametrize("templated", [False, True])
def test_every_section_has_its_own_colour(exported: dict[tuple[str, bool], Path],
                                          seven_themes: dict[bool, Path], templated: bool) -> None:
    """However many themes: each its own colour, none the overview's, none green or red, every colour clearly
    apart from the others and readable on the page (the first six are the theme's accents, so a template
    recolours them; the rest are chosen from those)."""
    for path, count in ((exported["six-themes", templated], 6), (seven_themes[templated], 7)):
        themes = divider_colours(path)
        overview = theme_accents(path)["accent1"]
        assert len(themes) == count and len(set(themes)) == count, themes
        colours = ["#" + c for c in (overview, *themes) if c]
        assert len(colours) == count + 1
        news = (palette.LIGHT.increase, palette.LIGHT.decrease)
        for i, colour in enumerate(colours):
            assert all(meaning.lab_distance(colour, other) >= 15 for other in colours[i + 1:]), colour
        for colour in colours[meaning.SECTION_COLOURS:]:  # ours: readable on the white page, apart from the news
            assert meaning.contrast(colour, palette.LIGHT.background) >= meaning.MIN_CONTRAST
            assert all(meaning.lab_distance(colour, other) >= 15 for other in news), colour


def test_sections_look_apart_by_ciede2000(exported: dict[tuple[str, bool], Path],
                                          seven_themes: dict[bool, Path]) -> None:
    """Seven and eight sections (the six-theme briefing and one with a seventh theme, overview included): every
    two sections' colours read back from the deck at least MIN_SECTION_DISTANCE apart by CIEDE2000, which
    weighs hue as the eye does (the reviewer could not tell Platforms' pink from Links' magenta)."""
    for path, count in ((exported["six-themes", False], 7), (seven_themes[False], 8)):
        colours = ["#" + c for c in (theme_accents(path)["accent1"], *divider_colours(path)) if c]
        assert len(colours) == count
        nearest = min(meaning.perceived_distance(a, b) for i, a in enumerate(colours) for b in colours[i + 1:])
        assert nearest >= meaning.MIN_SECTION_DISTANCE, (colours, nearest)


def pixels(briefing: Briefing, chart_id: str, scheme: palette.Scheme, wanted: set[str]) -> set[str]:
    """Return the colours of *wanted* that the chart's picture shows (in at least 20 pixels, within a few
    levels of the colour: edges are anti-aliased)."""
    from srbrief.charts import render_chart

    buffer = io.BytesIO()
    render_chart(briefing, briefing.find(chart_id), "en", buffer, dpi=100, fmt="png", theme=scheme)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    targets = {w: tuple(int(w[i:i + 2], 16) for i in (0, 2, 4)) for w in wanted}
    counts = dict.fromkeys(wanted, 0)
    for count, pixel in image.getcolors(maxcolors=1_000_000) or []:
        for name, rgb in targets.items():
            if max(abs(a - b) for a, b in zip(pixel, rgb, strict=True)) <= 6:
                counts[name] += count
    return {name for name, count in counts.items() if count >= 20}


@pytest.mark.parametrize("name", BRIEFINGS)
def test_chart_pictures_take_their_sections_colour(name: str) -> None:
    """Every chart kind: the colours that mean something are its section's and good/bad news' only."""
    from srbrief.deck.pptx_writer import template_scheme
    from srbrief.model.story import item_meaning

    briefing = load_briefing(BRIEFINGS[name])
    brand = template_scheme({f"accent{i}": f"#{c}" for i, c in enumerate(TEMPLATE_ACCENTS, 1)})
    for scheme in (palette.LIGHT, brand):
        every_section = meaning.section_colours(scheme, len(briefing.sections))
        meaningful = {hexed(c) for c in (*every_section, scheme.increase, scheme.decrease)}
        for chart in briefing.charts:
            own = hexed(meaning.colour(scheme, item_meaning(briefing, chart.id)))
            metrics = [m for m in (briefing.find(i) for i in chart.items) if isinstance(m, Metric)]
            news = {good_news(m) for m in metrics}
            allowed = {own} | ({hexed(scheme.increase)} if True in news else set()) | (
                {hexed(scheme.decrease)} if False in news else set())
            found = pixels(briefing, chart.id, scheme, meaningful)
            assert found <= allowed, (chart.id, found - allowed)
            if chart.kind.value not in ("hbar", "bar") or None in news:
                assert own in found or chart.kind.value == "kpi", chart.id
