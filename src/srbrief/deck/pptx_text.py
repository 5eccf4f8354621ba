"""Text in PowerPoint: every run gets lang, a:latin and a:ea; laid-out paragraphs keep their line breaks."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.table import CT_TableCell
from pptx.table import _Cell
from pptx.text.text import _Paragraph, _Run
from pptx.util import Pt

from srbrief.deck import oxml
from srbrief.deck.boxes import Para, TextBlock
from srbrief.textlayout import joint, shown, unsplit

ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


@dataclass(frozen=True)
class Fonts:
    """Typefaces for every run: explicit names, or theme references (+mn-lt …) to keep a template's fonts."""

    latin: str
    ea: str
    lang: str  # zh-CN or en-US

    def heading(self) -> Fonts:
        if self.latin.startswith("+mn"):
            return Fonts("+mj-lt", "+mj-ea", self.lang)
        return self


def pt(emu: int) -> float:
    """Return *emu* in points."""
    return emu / 12700


def style_run_properties(rpr: Any, fonts: Fonts) -> None:
    """Set lang, a:latin and a:ea on a run-properties element (a:rPr, a:defRPr or a:endParaRPr)."""
    oxml.set_run_fonts(rpr, fonts.latin, fonts.ea, fonts.lang)


def set_colour(colour_format: Any, colour: Any) -> None:
    """Set a python-pptx colour (a font's, a fill's fore colour, a line's) to *colour*: an RGBColor or a theme
    colour (None: leave it unset)."""
    if isinstance(colour, RGBColor):
        colour_format.rgb = colour
    elif colour is not None:
        colour_format.theme_color = colour


def colour_xml(colour: Any) -> tuple[str, str]:
    """Return a PowerPoint colour as its XML (element, value): ('schemeClr', 'accent2') or ('srgbClr', 'C8463D')."""
    if isinstance(colour, RGBColor):
        return "srgbClr", str(colour)
    return "schemeClr", str(colour.xml_value)


def write_text(frame: Any, paragraphs: Iterable[list[tuple[str, dict[str, Any]]]], fonts: Fonts,
               align: Any = None) -> None:
    """Fill a text frame: each paragraph is a list of (text, style) runs; style keys: size, bold, colour."""
    frame.word_wrap = True
    first = True
    for runs in paragraphs:
        paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
        first = False
        if align is not None:
            paragraph.alignment = align
        for text, style in runs:
            oxml.add_run(paragraph._p, text, _run_properties(style.get("size"), True if style.get("bold") else None,
                                                             style.get("colour"), fonts))
        style_run_properties(paragraph._p.get_or_add_endParaRPr(), fonts)


def write_block(frame: Any, block: TextBlock, fonts: Fonts, colour_of: Callable[[str], Any]) -> None:
    """Fill a shape's text frame with a laid-out block: its insets, anchoring, paragraphs and the layout's rule
    breaks (a:br), at exact line spacing."""
    _inset(frame, block.inset, block.anchor)
    _write_paras(frame, block, fonts, colour_of)


def write_cell(cell: Any, block: TextBlock, fonts: Fonts, colour_of: Callable[[str], Any], fill: Any) -> None:
    """Fill a table cell with a laid-out block (as :func:`write_block`) on a solid *fill* (a python-pptx
    colour)."""
    if not oxml.put_cell_properties(cell._tc, _cell_properties(block.inset, block.anchor, fill)):  # it has its own
        _style_cell(cell, block.inset, block.anchor, fill)
    _write_paras(cell.text_frame, block, fonts, colour_of)


def _inset(target: Any, inset: tuple[float, float, float, float], anchor: str) -> None:
    """Set *inset* (points: left, top, right, bottom) and *anchor* on a text frame or a table cell."""
    left, top, right, bottom = inset
    target.margin_left, target.margin_top = Pt(left), Pt(top)
    target.margin_right, target.margin_bottom = Pt(right), Pt(bottom)
    target.vertical_anchor = ANCHOR[anchor]


def _style_cell(cell: Any, inset: tuple[float, float, float, float], anchor: str, fill: Any) -> None:
    cell.fill.solid()
    set_colour(cell.fill.fore_color, fill)
    _inset(cell, inset, anchor)


@functools.lru_cache(maxsize=64)
def _cell_properties(inset: tuple[float, float, float, float], anchor: str, fill: Any) -> Any:
    """Return the a:tcPr of a table cell with *inset* (points), *anchor* and a solid *fill*."""
    cell = _Cell(CT_TableCell.new(), None)  # type: ignore[arg-type]
    _style_cell(cell, inset, anchor, fill)
    return cell._tc.tcPr


def _write_paras(frame: Any, block: TextBlock, fonts: Fonts, colour_of: Callable[[str], Any]) -> None:
    frame.word_wrap = True
    frame.clear()
    for i, para in enumerate(block.paras):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        _write_para(paragraph, para, fonts, colour_of)


def _write_para(paragraph: Any, para: Para, fonts: Fonts, colour_of: Callable[[str], Any]) -> None:
    bullet = (int(Pt(para.indent)), colour_xml(colour_of(para.bullet_colour))) if para.bullet else None
    p = paragraph._p
    if not oxml.put_paragraph_properties(p, _paragraph_properties(para.align, para.line_height, para.space_before,
                                                                   bullet)):  # the paragraph has its own
        _style_paragraph(paragraph, para.align, para.line_height, para.space_before, bullet)
    for number, line in enumerate(para.lines):
        between = ""
        if number in para.hard:  # sized and typed like the text around it, not at a default 18 pt
            oxml.add_line_break(p, _break_properties(line[0].size, fonts))
        elif number:  # PowerPoint wraps the rest itself, in the fonts it has
            between = joint(para.lines[number - 1][-1].text, line[0].text)
        # a word split at the line's end: whole again where PowerPoint wraps, hyphenated before a hard break;
        # before a hard break, the space that stood there (it takes no room at a line's end)
        following = para.lines[number + 1][0].text if number + 1 < len(para.lines) else ""
        for k, part in enumerate(line):
            text = part.text
            if k == len(line) - 1:
                text = shown(text) + joint(text, following) if number + 1 in para.hard else unsplit(text)
            oxml.add_run(p, (between if k == 0 else "") + text,
                         _run_properties(part.size, part.bold, colour_of(part.colour), fonts))
    if not oxml.put_end_properties(p, _break_properties(para.size, fonts)):  # the paragraph has its own
        end = p.get_or_add_endParaRPr()
        oxml.set_size(end, para.size)
        style_run_properties(end, fonts)


# Thousands of runs share a few dozen styles: each style's XML is made once, by python-pptx's API on a detached
# element, and copied into every run, paragraph and line break that has it (the bytes written are the same).
@functools.lru_cache(maxsize=256)
def _run_properties(size: float | None, bold: bool | None, colour: Any, fonts: Fonts) -> Any:
    """Return the a:rPr of a run in *size* (points) and *bold* (None: neither set), *colour* (a python-pptx colour
    or None) and *fonts*, its case kept."""
    run = _Run(oxml.new_run(), None)  # type: ignore[arg-type]
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    oxml.no_caps(run._r.get_or_add_rPr())
    if colour is not None:  # (python-pptx's font.color alone adds an empty a:solidFill)
        set_colour(run.font.color, colour)
    style_run_properties(run._r.get_or_add_rPr(), fonts)
    return run._r.rPr


@functools.lru_cache(maxsize=256)
def _paragraph_properties(align: str, line_height: float, space_before: float,
                          bullet: tuple[int, tuple[str, str]] | None) -> Any:
    """Return the a:pPr of a laid-out paragraph: alignment, exact line spacing, space before, and a square bullet
    (its indent in EMU and colour XML) or none."""
    paragraph = _Paragraph(oxml.new_paragraph(), None)  # type: ignore[arg-type]
    _style_paragraph(paragraph, align, line_height, space_before, bullet)
    return paragraph._p.pPr


def _style_paragraph(paragraph: Any, align: str, line_height: float, space_before: float,
                     bullet: tuple[int, tuple[str, str]] | None) -> None:
    paragraph.alignment = ALIGN[align]
    paragraph.line_spacing = Pt(line_height)
    paragraph.space_before = Pt(space_before)
    paragraph.space_after = Pt(0)
    if bullet is not None:
        oxml.square_bullet(paragraph, *bullet)


@functools.lru_cache(maxsize=256)
def _break_properties(size: float, fonts: Fonts) -> Any:
    """Return the run properties of a line break or a paragraph's end (a:rPr): *size* and *fonts* only."""
    properties = oxml.new_run().get_or_add_rPr()
    oxml.set_size(properties, size)
    style_run_properties(properties, fonts)
    return properties
