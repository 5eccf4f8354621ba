"""What a colleague does to an exported deck before it is refreshed (shared by the refresh tests)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Pt

from srbrief.cli import main

RED = RGBColor(0xD0, 0x11, 0x22)
PURPLE = RGBColor(0x66, 0x22, 0x99)
MOVE = Emu(457200)  # half an inch
REWRITTEN = "我们的改写：这一页讲智能化改造的成效"
OWN_SLIDE = "我们自己的一页"
BULLETIN = ("sources[+]={id: bulletin-2025, publication: {zh: 上饶市统计局, en: Shangrao Statistics Bureau}, "
            "date: '2026-03-01', title: {zh: 2025年统计公报, en: 2025 Statistical Bulletin}}")


def logo_png() -> bytes:
    """A tiny PNG made here (a 'logo')."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xcc\x22\x22" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def find(prs: Presentation, name: str) -> tuple[int, object]:
    """Return the first (slide index, shape) named *name*."""
    for index, slide in enumerate(prs.slides):
        for shape in slide.shapes:
            if shape.name == name:
                return index, shape
    raise LookupError(name)


def slide_of(prs: Presentation, name: str) -> int:
    return find(prs, name)[0]


def edit_deck(source: Path, target: Path, card: str, chart: str | None, rewrite: tuple[str, str], delete: str,
              swap: tuple[str, str]) -> dict[str, object]:
    """Edit the deck as a colleague would; return what was done, to check it is still there.

    *card* is moved, recoloured and its value set in 40 pt, *chart* restyled, the slide holding *delete*
    deleted, the slides holding *swap* swapped, a logo put on the first slide, a slide of the user's own added,
    and the title or the notes (*rewrite*: a shape on the slide, 'title' or 'notes') rewritten by hand."""
    prs = Presentation(str(source))
    done: dict[str, object] = {}
    _, shape = find(prs, card)
    shape.left = shape.left + MOVE
    shape.fill.solid()
    shape.fill.fore_color.rgb = RED
    shape.text_frame.paragraphs[0].runs[0].font.size = Pt(40)
    done["card_left"] = shape.left
    if chart is not None:
        _, frame = find(prs, chart)
        graph = frame.chart
        fill = graph.plots[0].series[0].format.fill
        fill.solid()
        fill.fore_color.rgb = PURPLE
        graph.has_legend = True
        graph.font.size = Pt(17)
    slide = prs.slides[slide_of(prs, rewrite[0])]
    frame = (slide.shapes.title if rewrite[1] == "title" else slide.notes_slide.notes_placeholder).text_frame
    frame.paragraphs[0].runs[0].text = REWRITTEN
    for run in frame.paragraphs[0].runs[1:]:
        run.text = ""
    first, second = (slide_of(prs, name) for name in swap)
    done["swapped"] = (_key(prs, first), _key(prs, second))
    ids = prs.slides._sldIdLst
    items = list(ids)
    items[first], items[second] = items[second], items[first]
    for item in list(ids):
        ids.remove(item)
    for item in items:
        ids.append(item)
    prs.slides[0].shapes.add_picture(io.BytesIO(logo_png()), Emu(100000), Emu(100000), Emu(600000), Emu(600000))
    extra = prs.slides.add_slide(prs.slide_layouts[6])
    box = extra.shapes.add_textbox(Emu(914400), Emu(914400), Emu(5000000), Emu(900000))
    box.text_frame.text = OWN_SLIDE
    gone = slide_of(prs, delete)
    done["deleted"] = _key(prs, gone)
    prs.part.drop_rel(ids[gone].rId)
    ids.remove(ids[gone])
    prs.save(str(target))
    done["slides"] = len(prs.slides)
    return done


def _key(prs: Presentation, index: int) -> str:
    return str(prs.slides[index]._element.cSld.get("name"))


def update_briefing(source: Path, target: Path, assignments: list[str]) -> None:
    """Copy the briefing and change figures through `srbrief set` (the editing layer)."""
    target.write_bytes(source.read_bytes())
    assert main(["set", str(target), *assignments]) == 0
