"""Text in PowerPoint XML: every run gets lang, a:latin and a:ea, in schema order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Pt


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
    rpr.set("lang", fonts.lang)
    rpr.set("altLang", "en-US" if fonts.lang == "zh-CN" else "zh-CN")
    for tag in ("a:latin", "a:ea", "a:cs"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    latin = etree.SubElement(rpr, qn("a:latin"))
    latin.set("typeface", fonts.latin)
    ea = etree.SubElement(rpr, qn("a:ea"))
    ea.set("typeface", fonts.ea)
    _order_run_properties(rpr)


_RPR_ORDER = ("ln", "noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill", "effectLst", "effectDag",
              "highlight", "uLnTx", "uLn", "uFillTx", "uFill", "latin", "ea", "cs", "sym", "hlinkClick",
              "hlinkMouseOver", "rtl", "extLst")


def _order_run_properties(rpr: Any) -> None:
    """Put the children of a run-properties element in schema order."""
    children = list(rpr)
    rank = {qn(f"a:{name}"): i for i, name in enumerate(_RPR_ORDER)}
    children.sort(key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        rpr.append(child)


LINE_BREAK = "\n"  # a run of just this text is a line break (a:br) within its paragraph


def write_text(frame: Any, paragraphs: Iterable[list[tuple[str, dict[str, Any]]]], fonts: Fonts,
               align: Any = None) -> None:
    """Fill a text frame: each paragraph is a list of (text, style) runs; style keys: size, bold, colour.
    A run whose text is LINE_BREAK is a line break."""
    frame.word_wrap = True
    first = True
    for runs in paragraphs:
        paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
        first = False
        if align is not None:
            paragraph.alignment = align
        for text, style in runs:
            if text == LINE_BREAK:  # sized and typed like the text around it, not at a default 18 pt
                properties = paragraph._p.add_br().get_or_add_rPr()
                if "size" in style:
                    properties.set("sz", str(round(style["size"] * 100)))
                style_run_properties(properties, style.get("fonts", fonts))
                continue
            run = paragraph.add_run()
            run.text = text
            font = run.font
            if "size" in style:
                font.size = Pt(style["size"])
            if style.get("bold"):
                font.bold = True
            run._r.get_or_add_rPr().set("cap", "none")  # layouts such as Section Header set all-caps
            colour = style.get("colour")
            if isinstance(colour, RGBColor):
                font.color.rgb = colour
            elif colour is not None:
                font.color.theme_color = colour
            style_run_properties(run._r.get_or_add_rPr(), style.get("fonts", fonts))
        style_run_properties(paragraph._p.get_or_add_endParaRPr(), fonts)
