"""Raw PresentationML/DrawingML in one place (as python-pptx keeps its ``oxml`` layer): run properties with
both fonts, bullets, theme colours, alt text, slide removal and the chart axis-id fix. The writer speaks
python-pptx's API and calls these for what the API lacks."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

_RPR_ORDER = ("ln", "noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill", "effectLst", "effectDag",
              "highlight", "uLnTx", "uLn", "uFillTx", "uFill", "latin", "ea", "cs", "sym", "hlinkClick",
              "hlinkMouseOver", "rtl", "extLst")
_PPR_ORDER = ("lnSpc", "spcBef", "spcAft", "buClrTx", "buClr", "buSzTx", "buSzPct", "buSzPts", "buFontTx", "buFont",
              "buNone", "buAutoNum", "buChar", "buBlip", "tabLst", "defRPr", "extLst")


def set_run_fonts(rpr: Any, latin: str, ea: str, lang: str) -> None:
    """Set lang, a:latin and a:ea on a run-properties element (a:rPr, a:defRPr or a:endParaRPr)."""
    rpr.set("lang", lang)
    rpr.set("altLang", "en-US" if lang == "zh-CN" else "zh-CN")
    for tag in ("a:latin", "a:ea", "a:cs"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    etree.SubElement(rpr, qn("a:latin")).set("typeface", latin)
    etree.SubElement(rpr, qn("a:ea")).set("typeface", ea)
    _in_order(rpr, _RPR_ORDER)


def no_caps(rpr: Any) -> None:
    """Keep a run in the case it is written in (layouts such as Section Header set all-caps)."""
    rpr.set("cap", "none")


def add_line_break(paragraph: Any) -> Any:
    """Append a line break (a:br) to *paragraph*; return its run properties."""
    return paragraph._p.add_br().get_or_add_rPr()


def set_size(rpr: Any, size_pt: float) -> None:
    rpr.set("sz", str(round(size_pt * 100)))


def square_bullet(paragraph: Any, indent_emu: int, colour: tuple[str, str] = ("schemeClr", "accent1")) -> None:
    """Give *paragraph* a square bullet in *colour* (an XML element name and value: ('schemeClr', 'accent2'),
    ('srgbClr', 'C8463D')) with a hanging indent, so wrapped lines align."""
    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", str(indent_emu))
    properties.set("indent", str(-indent_emu))
    colour_element = etree.SubElement(properties, qn("a:buClr"))
    etree.SubElement(colour_element, qn(f"a:{colour[0]}")).set("val", colour[1])
    etree.SubElement(properties, qn("a:buSzPct")).set("val", "60000")
    etree.SubElement(properties, qn("a:buFont")).set("typeface", "Arial")
    etree.SubElement(properties, qn("a:buChar")).set("char", "■")
    _in_order(properties, _PPR_ORDER)


def set_alt_text(shape: Any, description: str, title: str) -> None:
    """Set a shape's alt text (``descr`` and ``title`` of p:cNvPr): python-pptx has no API for it."""
    c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
    c_nv_pr.set("descr", description)
    c_nv_pr.set("title", title)


def set_theme_colours(theme_part: Any, colours: dict[str, str], scheme_name: str) -> None:
    """Set the theme's colour scheme entries (accent1…6, dk2, lt2 …) to RGB *colours* (as '#rrggbb')."""
    root = etree.fromstring(theme_part.blob)
    scheme = root.find(f"{qn('a:themeElements')}/{qn('a:clrScheme')}")
    if scheme is None:
        raise RuntimeError("the theme has no colour scheme")
    scheme.set("name", scheme_name)
    for name, colour in colours.items():
        entry = scheme.find(qn(f"a:{name}"))
        if entry is None:
            raise RuntimeError(f"the theme has no {name} colour")
        for child in list(entry):
            entry.remove(child)
        etree.SubElement(entry, qn("a:srgbClr")).set("val", colour.lstrip("#").upper())
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def theme_colours(theme_part: Any) -> dict[str, str]:
    """Return the RGB colours ('#rrggbb') of a theme's colour scheme entries (accent1 … dk1 …) that give one
    (an explicit colour, or a system colour's last value)."""
    root = etree.fromstring(theme_part.blob)
    scheme = root.find(f"{qn('a:themeElements')}/{qn('a:clrScheme')}")
    found: dict[str, str] = {}
    for entry in scheme if scheme is not None else ():
        for child in entry:
            value = child.get("val") if child.tag == qn("a:srgbClr") else child.get("lastClr")
            if value and len(value) == 6:
                found[etree.QName(entry).localname] = f"#{value.lower()}"
    return found


def remove_all_slides(prs: Any) -> None:
    """Remove every slide of a presentation (a template's own slides), relationships included."""
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def remove_shape(shape: Any) -> None:
    shape._element.getparent().remove(shape._element)


def fix_chart_axis_ids(data: bytes) -> bytes:
    """Return the package with every chart's negative c:axId values rewritten as positive ids.

    python-pptx writes ids such as -2068027336, which fail OOXML schema validation (xsd:unsignedInt).
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("ppt/charts/chart") and item.filename.endswith(".xml"):
                content = _positive_axis_ids(content)
            target.writestr(item, content)
    return out.getvalue()


def _positive_axis_ids(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    mapping: dict[str, str] = {}
    for element in root.iter(qn("c:axId"), qn("c:crossAx")):
        value = element.get("val", "")
        if value.startswith("-"):
            mapping.setdefault(value, str(50000000 + len(mapping) + 1))
            element.set("val", mapping[value])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _in_order(element: Any, order: tuple[str, ...]) -> None:
    """Put the children of *element* in schema *order*."""
    rank = {qn(f"a:{name}"): i for i, name in enumerate(order)}
    children = sorted(element, key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        element.append(child)
