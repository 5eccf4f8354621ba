"""Raw PresentationML/DrawingML in one place (as python-pptx keeps its ``oxml`` layer): run properties with
both fonts, bullets, theme colours, alt text, slide removal and the chart axis-id fix. The writer speaks
python-pptx's API and calls these for what the API lacks."""

from __future__ import annotations

import copy
import functools
import io
import zipfile
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.text import CT_RegularTextRun

_RPR_ORDER = ("ln", "noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill", "effectLst", "effectDag",
              "highlight", "uLnTx", "uLn", "uFillTx", "uFill", "latin", "ea", "cs", "sym", "hlinkClick",
              "hlinkMouseOver", "rtl", "extLst")
_DLBL_ORDER = ("idx", "delete", "layout", "tx", "numFmt", "spPr", "txPr", "dLblPos", "showLegendKey", "showVal",
               "showCatName", "showSerName", "showPercent", "showBubbleSize", "separator", "extLst")
_PPR_ORDER = ("lnSpc", "spcBef", "spcAft", "buClrTx", "buClr", "buSzTx", "buSzPct", "buSzPts", "buFontTx", "buFont",
              "buNone", "buAutoNum", "buChar", "buBlip", "tabLst", "defRPr", "extLst")

_R, _T, _BR, _PPR, _END, _TCPR = qn("a:r"), qn("a:t"), qn("a:br"), qn("a:pPr"), qn("a:endParaRPr"), qn("a:tcPr")


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


def new_run() -> Any:
    """Return a detached, empty run (a:r with its a:t), as python-pptx makes one."""
    return parse_xml(f"<a:r {nsdecls('a')}><a:t/></a:r>")


def new_paragraph() -> Any:
    """Return a detached, empty paragraph (a:p)."""
    return parse_xml(f"<a:p {nsdecls('a')}/>")


def add_run(p: Any, text: str, properties: Any) -> None:
    """Add a run of *text* to the paragraph element *p* (before its a:endParaRPr) with a copy of the run
    properties *properties* (an a:rPr); control characters escaped as python-pptx does."""
    run = etree.SubElement(p, _R)
    run.append(copy.deepcopy(properties))
    etree.SubElement(run, _T).text = CT_RegularTextRun._escape_ctrl_chars(text)
    _before_end(p, run)


def add_line_break(p: Any, properties: Any) -> None:
    """Add a line break (a:br) to the paragraph element *p* (before its a:endParaRPr) with a copy of the run
    properties *properties*."""
    line_break = etree.SubElement(p, _BR)
    line_break.append(copy.deepcopy(properties))
    _before_end(p, line_break)


def _before_end(p: Any, child: Any) -> None:
    end = p.find(_END)
    if end is not None:
        end.addprevious(child)


def put_paragraph_properties(p: Any, properties: Any) -> bool:
    """Give the paragraph element *p* a copy of *properties* (an a:pPr), in place of an a:pPr that at most
    aligns it (a new shape's); return False, changing nothing, if it has properties of its own."""
    old = p.find(_PPR)
    if old is not None and (len(old) or set(old.attrib) - {"algn"}):
        return False
    if old is not None:
        p.remove(old)
    p.insert(0, copy.deepcopy(properties))
    return True


def put_cell_properties(tc: Any, properties: Any) -> bool:
    """Give the table cell element *tc* a copy of *properties* (an a:tcPr) in place of its empty one (a new
    table's); return False, changing nothing, if it has properties of its own."""
    old = tc.find(_TCPR)
    if old is None or len(old) or old.attrib:
        return False
    old.addprevious(copy.deepcopy(properties))
    tc.remove(old)
    return True


def put_end_properties(p: Any, properties: Any) -> bool:
    """Append to the paragraph element *p* a copy of *properties* as its end-of-paragraph run properties
    (a:endParaRPr); return False, changing nothing, if it has them already."""
    if p.find(_END) is not None:
        return False
    end = copy.deepcopy(properties)
    end.tag = _END
    p.append(end)
    return True


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


def alt_text(shape: Any) -> tuple[str, str]:
    """Return a shape's alt text: (description, title)."""
    c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
    return c_nv_pr.get("descr", ""), c_nv_pr.get("title", "")


def replace_picture(picture: Any, blob: bytes) -> None:
    """Show the image *blob* in *picture* (its place, size, crop and effects kept)."""
    _, r_id = picture.part.get_or_add_image_part(io.BytesIO(blob))
    old = picture._element.blipFill.blip.rEmbed
    picture._element.blipFill.blip.rEmbed = r_id
    if old != r_id and not picture.part._element.xpath(f".//*[@r:embed='{old}']"):
        picture.part.drop_rel(old)


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

    python-pptx writes ids such as -2068027336, which fail OOXML schema validation (xsd:unsignedInt); data
    labels a LibreOffice round trip wrote out of order are put in order too.
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


def fix_chart_parts(package: Any) -> None:
    """Rewrite, in the chart parts of *package* before it is saved, what :func:`fix_chart_axis_ids` rewrites
    in a saved file (the same bytes, without unpacking and packing the whole file again)."""
    for part in package.iter_parts():
        name = str(part.partname)
        if name.startswith("/ppt/charts/chart") and name.endswith(".xml"):
            fixed = _positive_axis_ids(part.blob)  # parsed again, as from the file (an empty a:t is written <a:t/>)
            if hasattr(part, "_element"):
                part._element = parse_xml(fixed)
            else:
                part._blob = fixed


def _positive_axis_ids(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    _fix_chart(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fix_chart(root: Any) -> None:
    mapping: dict[str, str] = {}
    for element in root.iter(qn("c:axId"), qn("c:crossAx")):
        value = element.get("val", "")
        if value.startswith("-"):
            mapping.setdefault(value, str(50000000 + len(mapping) + 1))
            element.set("val", mapping[value])
    for label in root.iter(qn("c:dLbl")):  # LibreOffice writes c:numFmt before c:tx: put them in schema order
        _in_order(label, _DLBL_ORDER, "c")


@functools.cache
def _ranks(order: tuple[str, ...], prefix: str) -> dict[str, int]:
    """Return each child tag's place in schema *order* (made once per order: runs are written by the thousand)."""
    return {qn(f"{prefix}:{name}"): i for i, name in enumerate(order)}


def _in_order(element: Any, order: tuple[str, ...], prefix: str = "a") -> None:
    """Put the children of *element* in schema *order*."""
    rank = _ranks(order, prefix)
    children = sorted(element, key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        element.append(child)


# -- what a refresh needs: the deck's custom properties, slide names, text rewritten in the user's runs ----------
CUSTOM_PROPERTIES = "/docProps/custom.xml"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one format id of user-defined properties


def custom_properties(package: Any) -> dict[str, str]:
    """Return the text values of a package's custom document properties (docProps/custom.xml)."""
    part = _custom_part(package)
    if part is None:
        return {}
    root = etree.fromstring(part.blob)
    return {prop.get("name", ""): "".join(prop.itertext()) for prop in root.iter(f"{{{_CUSTOM_NS}}}property")}


def set_custom_properties(package: Any, values: dict[str, str], prefix: str) -> None:
    """Replace the custom properties whose names start with *prefix* by *values* (text), keeping the rest."""
    kept = {k: v for k, v in custom_properties(package).items() if not k.startswith(prefix)}
    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    for pid, (name, value) in enumerate({**kept, **values}.items(), 2):
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = _custom_part(package)
    if part is not None:
        part._blob = blob
        return
    package.relate_to(Part(PackURI(CUSTOM_PROPERTIES), _CUSTOM_CT, package, blob), RT.CUSTOM_PROPERTIES)


def _custom_part(package: Any) -> Any:
    try:
        return package.part_related_by(RT.CUSTOM_PROPERTIES)
    except KeyError:
        return None


_VIEW_PROPS_CT = "application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml"
_VIEW_PROPS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:viewPr '
               b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
               b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
               b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>')


def ensure_view_properties(prs: Any) -> None:
    """Give a presentation the view properties part LibreOffice leaves out (without it PowerPoint offers to
    repair the file)."""
    try:
        prs.part.part_related_by(RT.VIEW_PROPS)
    except KeyError:
        part = Part(PackURI("/ppt/viewProps.xml"), _VIEW_PROPS_CT, prs.part.package, _VIEW_PROPS)
        prs.part.relate_to(part, RT.VIEW_PROPS)


def slide_name(slide: Any) -> str:
    """Return a slide's name (p:cSld/@name; LibreOffice does not keep it)."""
    return str(slide._element.cSld.get("name", ""))


def set_slide_name(slide: Any, name: str) -> None:
    slide._element.cSld.set("name", name)


_PIECES = (qn("a:r"), qn("a:br"), qn("a:fld"))


def rewrite_text(body: Any, new_body: Any) -> None:
    """Make the text body *body* (an a:txBody or c:rich element) say what *new_body* says, keeping its body and
    paragraph properties and, run by run, its run properties (a user's fonts and colours): only the runs and
    line breaks change; paragraphs are added as copies of the last one, or removed."""
    old = body.findall(qn("a:p"))
    new = new_body.findall(qn("a:p"))
    for index, paragraph in enumerate(new):
        if index >= len(old):
            twin = _clone(old[-1])
            old[-1].addnext(twin)
            old.append(twin)
        _rewrite_paragraph(old[index], paragraph)
    for extra in old[len(new):]:
        body.remove(extra)


def _rewrite_paragraph(paragraph: Any, new: Any) -> None:
    styles = [r.find(qn("a:rPr")) for r in paragraph if r.tag == qn("a:r")]
    for piece in [c for c in paragraph if c.tag in _PIECES]:
        paragraph.remove(piece)
    end = paragraph.find(qn("a:endParaRPr"))
    runs = 0
    for piece in (c for c in new if c.tag in _PIECES):
        piece_copy = _clone(piece)
        if piece_copy.tag == qn("a:r") and styles:
            style = styles[min(runs, len(styles) - 1)]
            runs += 1
            old = piece_copy.find(qn("a:rPr"))
            if old is not None:
                piece_copy.remove(old)
            if style is not None:
                piece_copy.insert(0, _clone(style))
        if end is not None:
            end.addprevious(piece_copy)
        else:
            paragraph.append(piece_copy)


def _clone(element: Any) -> Any:
    return copy.deepcopy(element)
