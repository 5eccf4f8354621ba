"""The slide layout: every box, type size and line break of a slide, computed once for every renderer.

Qt-free, pptx-free and matplotlib-free. :func:`layout_slide` turns one slide of a :class:`DeckPlan` into
blocks in points on the slide (srbrief.deck.boxes); the PPTX writer and the Qt painter (presenter, PDF handout)
only draw them, so the deck, the presenter and the PDF cannot disagree, and a layout fix is made once.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from functools import lru_cache
from typing import Protocol, cast

from srbrief.deck.boxes import (
    BIG_TITLE_SIZES,
    FOOTER,
    KICKER,
    SLIDE_SIZE,
    SUBTITLE,
    TABLE_PAD,
    TITLE_SIZES,
    Block,
    ChartBlock,
    Collector,
    Frame,
    Para,
    Rect,
    Run,
    SlideLayout,
    TableBlock,
    TextBlock,
    plain,
)
from srbrief.deck.layout_body import lay_out_body
from srbrief.deck.plandata import DeckPlan, Role, Slide
from srbrief.textlayout import LINE_SPACING, Measurer, balanced_lines, break_lines, fit_text
from srbrief.typescale import MAIN_TEXT


def layout_slide(plan: DeckPlan, index: int, measurer: Measurer, frame: Frame | None = None) -> SlideLayout:
    """Return the layout of slide *index* (0-based) of *plan*."""
    frame = frame or Frame()
    slide = plan.slides[index]
    out = Collector(measurer)
    if slide.role in (Role.TITLE, Role.SECTION):
        _big_title(out, slide, frame)
        if slide.footnote:  # a divider that states an undated figure says when it was reported, as every slide does
            _footnote(out, slide.footnote, frame)
    else:
        if slide.kicker:
            _kicker(out, slide.kicker, slide.accent, frame)
        _title(out, slide.title, frame, title_size(plan, measurer, frame))
        body = frame.body_rect()
        if slide.footnote:  # the body gives the footnote its lines, above the footer
            top = _footnote(out, slide.footnote, frame)
            body = Rect(body.x, body.y, body.w, min(body.h, top - body.y - FOOTNOTE_GAP))
        lay_out_body(out, plan, slide, body)
    if slide.role is not Role.TITLE:
        _footer(out, slide.footer or plan.footer, index + 1, len(plan.slides), frame)
    return SlideLayout(frame.width, frame.height, tuple(out.blocks), tuple(out.overflows))


def _kicker(out: Collector, text: str, colour: str, frame: Frame) -> None:
    rect = frame.kicker_rect()
    size, lines = out.fitted([text], rect.w, rect.h, (KICKER, KICKER), bold=True)
    out.add(TextBlock(rect, (plain(lines[0][:1], size, bold=True, colour=colour),), "kicker", anchor="bottom"))


def _title(out: Collector, text: str, frame: Frame, size: float) -> None:
    rect = frame.title_rect()
    out.add(TextBlock(rect, (_balanced(out, text, rect, (size, size), "text"),), "title", anchor="top"))


def title_size(plan: DeckPlan, measurer: Measurer, frame: Frame | None = None) -> float:
    """Return the one type size of every action title of *plan*: the largest at which all of them fit."""
    titles = tuple(s.title for s in plan.slides if s.role not in (Role.TITLE, Role.SECTION))
    return _common_size(titles, (frame or Frame()).title_rect(), cast("_KeyMeasurer", measurer))


class _KeyMeasurer(Measurer, Hashable, Protocol):
    """A measurer that keys a cache (every measurer object is hashable by identity)."""


@lru_cache(maxsize=8)
def _common_size(titles: tuple[str, ...], rect: Rect, measurer: _KeyMeasurer) -> float:
    return min((fit_text([t], rect.w, rect.h, *TITLE_SIZES, measurer, bold=True).size for t in titles),
               default=TITLE_SIZES[0])


def _balanced(out: Collector, text: str, rect: Rect, sizes: tuple[float, float], colour: str) -> Para:
    """Return a title at the largest size that fits *rect*, its lines of similar length (no orphan on the
    last line), every break the layout's (hard: PowerPoint keeps them)."""
    size, _ = out.fitted([text], rect.w, rect.h, sizes, bold=True)
    lines = balanced_lines(text, rect.w, size, out.measurer, bold=True)
    return replace(plain(lines, size, bold=True, colour=colour), hard=tuple(range(1, len(lines))))


def _big_title(out: Collector, slide: Slide, frame: Frame) -> None:
    rect = frame.big_title_rect()
    if slide.kicker:
        kicker = Rect(rect.x, rect.y - frame.height * 0.07, rect.w, frame.height * 0.06)
        size, lines = out.fitted([slide.kicker], kicker.w, kicker.h, (SUBTITLE, MAIN_TEXT), bold=True)
        out.add(TextBlock(kicker, (plain(lines[0][:1], size, bold=True, colour=slide.accent),), "kicker",
                          anchor="bottom"))
    colour = slide.accent if slide.role is Role.SECTION else "section0"
    out.add(TextBlock(rect, (_balanced(out, slide.title, rect, BIG_TITLE_SIZES, colour),), "title", anchor="bottom"))
    top = rect.bottom + frame.height * 0.025
    need = len(slide.bullets) * MAIN_TEXT * 1.4  # the byline's least room (a template's title may sit low)
    if slide.subtitle:
        room = frame.height * 0.9 - top - need - frame.height * 0.02
        sub = Rect(rect.x, top, rect.w, max(MAIN_TEXT * 1.4, min(frame.height * 0.13, room)))
        size, lines = out.fitted([slide.subtitle], sub.w, sub.h, (SUBTITLE, MAIN_TEXT))
        out.add(TextBlock(sub, (plain(lines[0], size, broken=True),), "subtitle"))
        top = sub.bottom + frame.height * 0.02
    bottom = frame.height * 0.9
    if slide.role is Role.TITLE or slide.summary:  # a finished cover and close: a band of the deck's colour, and
        # the themes it covers
        out.add(TextBlock(Rect(0.0, 0.0, frame.width, frame.height * BAND), (), "cover-band", fill="section0"))
        bottom = _themes(out, slide, frame, max(top + need + frame.height * 0.04, frame.height * THEMES_TOP))
    if slide.bullets:
        info = Rect(rect.x, top, rect.w, max(need, bottom - top))
        size, lines = out.fitted(list(slide.bullets), info.w, info.h, (16.0, MAIN_TEXT), gap=0.3)
        out.add(TextBlock(info, tuple(plain(ls, size, colour="muted", space_before=size * 0.3 if i else 0.0)
                                      for i, ls in enumerate(lines)), "byline"))


BAND = 0.025  # of the slide's height: the cover's band of colour at the top
THEMES_TOP = 0.75  # of the slide's height: where the cover's row of themes starts, at the latest
MAX_THEMES = 6  # themes the cover lists in one row
THEME_LINES = 2  # lines a theme's title on the cover may take


def _themes(out: Collector, slide: Slide, frame: Frame, top: float) -> float:
    """Add the row of themes of the cover (and the close), each under a rule of its colour: its place ('视角一') and
    its title; return the row's top (the slide's foot when there is no row)."""
    rows = slide.summary
    if not rows or len(rows) > MAX_THEMES:
        return frame.height * 0.9
    gap = frame.width * 0.02
    width = (frame.width - 2 * frame.margin - gap * (len(rows) - 1)) / len(rows)
    rule, label = 3.0, KICKER * LINE_SPACING + 4.0
    room = THEME_LINES * MAIN_TEXT * LINE_SPACING + 2.0  # each title's room: two lines at the least size
    height = rule + 4.0 + label + room
    top = min(top, frame.height * (0.95 if slide.role is Role.TITLE else 0.9) - height)  # above a footer
    size = min(out.fitted([r.message], width, room, (16.0, MAIN_TEXT), bold=True)[0] for r in rows)  # one size
    for i, row in enumerate(rows):
        x = frame.margin + i * (width + gap)
        out.add(TextBlock(Rect(x, top, width, rule), (), f"theme-rule:{i + 1}", fill=row.accent))
        lines = balanced_lines(row.message, width, size, out.measurer, bold=True)
        paras = (plain([row.label], KICKER, bold=True, colour=row.accent),
                 replace(plain(lines, size, bold=True), hard=tuple(range(1, len(lines)))))
        out.add(TextBlock(Rect(x, top + rule + 4.0, width, height - rule - 4.0), paras, f"theme:{i + 1}"))
    return top - frame.height * 0.02


def _footer(out: Collector, footer: str, number: int, total: int, frame: Frame) -> None:
    y, h = frame.height * 0.93, frame.height * 0.05
    left = Rect(frame.margin, y, frame.width * 0.7, h)
    size, lines = out.fitted([footer], left.w, left.h, (FOOTER, FOOTER))
    out.add(TextBlock(left, (plain(lines[0][:1], size, colour="muted"),), "footer", anchor="middle"))
    right = Rect(frame.width - frame.margin - frame.width * 0.12, y, frame.width * 0.12, h)
    out.add(TextBlock(right, (plain([f"{number} / {total}"], FOOTER, colour="muted", align="right"),),
                      "page-number", anchor="middle"))


FOOTNOTE_GAP = 8.0  # points between the body and its footnote (the reviewer: the summary's lines sat on it)


def _footnote(out: Collector, text: str, frame: Frame) -> float:
    """Add the footnote that says what the marked (derived) values of the slide are, at the footer's size just
    above it; return its top."""
    width = frame.width - 2 * frame.margin
    lines = break_lines(text, width, FOOTER, out.measurer)
    height = len(lines) * FOOTER * LINE_SPACING
    bottom = frame.height * 0.93
    rect = Rect(frame.margin, bottom - height, width, height)
    out.add(TextBlock(rect, (plain(lines, FOOTER, colour="muted", broken=True),), "footnote", anchor="bottom"))
    return rect.y


def layout_deck(plan: DeckPlan, measurer: Measurer, frame: Frame | None = None) -> list[SlideLayout]:
    """Return the layout of every slide of *plan*."""
    return [layout_slide(plan, i, measurer, frame) for i in range(len(plan.slides))]


__all__ = ["SLIDE_SIZE", "TABLE_PAD", "Block", "ChartBlock", "Frame", "Para", "Rect", "Run", "SlideLayout",
           "TableBlock", "TextBlock", "layout_deck", "layout_slide", "plain", "title_size"]
