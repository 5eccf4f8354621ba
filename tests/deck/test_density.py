"""Rule 1 of issue 19, main-flow density, read back from the exported decks of both briefings in zh and en: at
most six figures on a slide (cards, chart and text, a figure once), a short body, bullets that never restate a
figure of the slide's cards or chart, and no fact twice in the flow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from srbrief.deck.boxes import Frame, Rect, SlideLayout, TextBlock
from srbrief.deck.layout import layout_slide
from srbrief.deck.plan import NATIVE_KINDS, Role, Slide, plan_deck
from srbrief.model import Briefing, Metric, load_briefing
from srbrief.model.refs import references
from srbrief.model.units import format_value
from srbrief.textlayout import slide_measurer
from tests.deck.conftest import ANY_CASES, ANY_SHAPE, BRIEFINGS, CASES

MAX_FIGURES = 6
MAX_ZH_CHARS = 60  # body text (a point's facts) per slide
MAX_EN_WORDS = 40
MAIN_FLOW = (Role.SUMMARY, Role.POINT, Role.OUTLOOK)


def _fact_refs(path: Path) -> dict[str, list[str]]:
    """Return each written point's facts' figure references (the raw file: the loaded text is rendered)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for section in data.get("sections", []):
        for point in section.get("points", []) or []:
            ids = [r.id for fact in point.get("facts", []) or [] for lang in ("zh", "en")
                   for r in references(str(fact.get("text", {}).get(lang, "")))]
            found[point["id"]] = list(dict.fromkeys(ids))
    return found


def _main_flow(briefing: Briefing, lang: str) -> list[tuple[int, Slide]]:
    plan = plan_deck(briefing, lang)
    return [(n, s) for n, s in enumerate(plan.slides, 1) if not s.appendix and s.role in MAIN_FLOW]


def _shown(briefing: Briefing, slide: Slide) -> list[str]:
    """Return the ids of the figures a slide shows as cards or in its chart (its diagram's figures too)."""
    ids = [m.id for m in slide.metrics]
    if slide.chart is not None and slide.chart.kind not in NATIVE_KINDS:
        ids += [i for i in slide.chart.items if isinstance(briefing.find(i), Metric)]
    return list(dict.fromkeys(ids))


def _body_size(bullets: tuple[str, ...], lang: str) -> int:
    text = "".join(bullets) if lang == "zh" else " ".join(bullets)
    return len(re.sub(r"\s", "", text)) if lang == "zh" else len(text.split())


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_main_flow_slides_are_not_crowded(name: str, lang: str,
                                          shaped_decks: dict[tuple[str, str], Path]) -> None:
    briefing = load_briefing(BRIEFINGS[name])
    refs = _fact_refs(Path(BRIEFINGS[name]))
    prs = Presentation(str(shaped_decks[name, lang]))
    limit = MAX_ZH_CHARS if lang == "zh" else MAX_EN_WORDS
    problems = []
    told: dict[str, int] = {}
    for number, slide in _main_flow(briefing, lang):
        shown = _shown(briefing, slide)
        said = refs.get(slide.name, []) if slide.role is Role.POINT else []
        figures = list(dict.fromkeys(shown + said))
        if len(figures) > MAX_FIGURES:
            problems.append(f"slide {number}: {len(figures)} figures {figures}")
        if slide.role is Role.POINT and _body_size(slide.bullets, lang) > limit:
            problems.append(f"slide {number}: body of {_body_size(slide.bullets, lang)} (at most {limit})")
        restated = [i for i in said if i in shown]
        body = " ".join(slide.bullets)
        restated += [m.id for m in slide.metrics
                     if re.search(rf"(?<![\d.]){re.escape(format_value(m, lang))}(?![\d.])", body)]
        if restated:
            problems.append(f"slide {number}: bullets restate {sorted(set(restated))} of its cards or chart")
        for fact in said if slide.role is Role.POINT else []:
            if fact in told:
                problems.append(f"slide {number}: {fact} already told on slide {told[fact]}")
            told[fact] = number
        text = " ".join(s.text_frame.text for s in prs.slides[number - 1].shapes if s.has_text_frame)
        flat = re.sub(r"\s", "", text)
        missing = [b for b in slide.bullets if re.sub(r"\s", "", b) not in flat]
        if missing:  # the plan is what the deck shows: the bullets are read back from the slide
            problems.append(f"slide {number}: bullets not on the slide: {missing}")
    assert not problems, "\n".join(problems)


def _bare(text: str) -> str:
    return re.sub(r"[\W_]", "", text.lower())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_fact_twice_in_the_flow(lang: str) -> None:
    """No bullet says again what another bullet, an action title or a divider of the main flow says."""
    for path in BRIEFINGS.values():
        slides = [s for s in plan_deck(load_briefing(path), lang).slides if not s.appendix]
        said = [(n, _bare(b)) for n, s in enumerate(slides) for b in s.bullets if s.role in MAIN_FLOW]
        titles = [(n, _bare(t)) for n, s in enumerate(slides) for t in (s.title, s.subtitle) if t]
        for n, bullet in said:
            again = [m for m, other in said + titles if m != n and (bullet in other or other in bullet)]
            assert not again, f"{path.name}: slide {n + 1} says again what slide {again[0] + 1} says: {bullet}"


MOST_EMPTY = 1 / 3  # of a slide's body area that may stay blank
RASTER = 4.0  # points: the grid the body's area is sampled on


def _filled(layout: SlideLayout) -> list[Rect]:
    """Return what the slide's blocks fill: a card, a chart or a table its box, a text its lines (after its
    anchoring, the box's width); a thin bar of colour beside a column fills nothing."""
    found = []
    for block in layout.blocks:
        if isinstance(block, TextBlock) and block.fill is None:
            if not block.paras or block.name.startswith(("footer", "page-number", "title", "kicker")):
                continue
            found.append(Rect(block.rect.x, block.first_line_top(), block.rect.w, block.content_height))
        elif not (isinstance(block, TextBlock) and not block.paras and block.rect.w < 10):
            found.append(block.rect)
    return found


def _covered(layout: SlideLayout, body: Rect) -> float:
    """Return the share of *body*'s area that the slide's blocks fill (overlaps counted once)."""
    filled = _filled(layout)
    columns, rows = int(body.w / RASTER), int(body.h / RASTER)
    hits = 0
    for j in range(rows):
        y = body.y + (j + 0.5) * RASTER
        spans = [(r.x, r.right) for r in filled if r.y <= y <= r.bottom]
        hits += sum(any(a <= body.x + (i + 0.5) * RASTER <= b for a, b in spans) for i in range(columns))
    return hits / (columns * rows)


@pytest.mark.parametrize(("name", "lang"), ANY_CASES)
def test_no_slide_body_is_more_than_a_third_empty(name: str, lang: str) -> None:
    """Every slide with a body (summary, points, outlook, timeline, sources) fills two thirds of its area or
    more: the layout takes the room (larger cards, chart or type) rather than leave it blank."""
    plan = plan_deck(load_briefing(ANY_SHAPE[name]), lang)
    body = Frame().body_rect()
    empty = []
    for n, slide in enumerate(plan.slides):
        if slide.role in (Role.TITLE, Role.SECTION, Role.TABLE):
            continue
        share = _covered(layout_slide(plan, n, slide_measurer()), body)
        if share < 1 - MOST_EMPTY:
            empty.append(f"slide {n + 1} ({slide.role.value}): {1 - share:.0%} of the body blank")
    assert not empty, "\n".join(empty)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_appendix_tables_fill_their_pages_evenly(name: str, lang: str) -> None:
    """A table over several slides fills them evenly (never a last page of one row): every page at least
    two thirds as full as the fullest, and a third of its body or more."""
    plan = plan_deck(load_briefing(BRIEFINGS[name]), lang)
    body = Frame().body_rect()
    shares = [_covered(layout_slide(plan, n, slide_measurer()), body) for n, s in enumerate(plan.slides)
              if s.role is Role.TABLE]
    if len(shares) > 1:
        assert min(shares) >= max(MOST_EMPTY, max(shares) * 2 / 3), [f"{s:.0%}" for s in shares]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_title_says_continued(name: str, lang: str, shaped_decks: dict[tuple[str, str], Path]) -> None:
    """A later slide of a theme has a title of its own (its chart's), else its part's number: never
    "X (continued)"."""
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(shaped_decks[name, lang])).slides
              if s.shapes.title is not None]
    assert not [t for t in titles if "continued" in t or "（续）" in t]
    plan = plan_deck(load_briefing(BRIEFINGS[name]), lang)
    for section in {s.section_id for s in plan.slides}:
        titles = [s.title for s in plan.slides if s.role is Role.POINT and s.section_id == section]
        assert len(titles) == len(set(titles)), f"two slides of {section} share a title"
