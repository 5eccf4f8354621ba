"""Write a deck plan as a PowerPoint file: native charts, speaker notes, templates, East-Asian fonts."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import IO, Any

from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu

from srbrief.deck.fit import fit_text
from srbrief.deck.plan import DeckPlan, Role, Slide
from srbrief.deck.pptx_content import add_bullets, add_cards, add_chart
from srbrief.deck.pptx_text import Fonts, pt, write_text
from srbrief.palette import CARD_COLOURS

WIDE = (Emu(12192000), Emu(6858000))  # 13.333 × 7.5 in, 16:9
LAYOUT_WORDS = {  # role → words in layout names to look for, in order (English and Chinese PowerPoint)
    Role.TITLE: ("title slide", "cover", "标题幻灯片", "封面"),
    Role.CLOSING: ("closing", "end", "结束", "title slide", "cover", "标题幻灯片", "封面"),
    Role.SECTION: ("section", "divider", "节标题", "章节"),
}
BODY_WORDS = ("title only", "仅标题")  # else: the layout with a title and the fewest placeholders
TITLE_TYPES = (1, 3)  # PP_PLACEHOLDER.TITLE, CENTER_TITLE


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int


class DeckWriter:
    """Renders one :class:`DeckPlan` into a python-pptx Presentation."""

    def __init__(self, plan: DeckPlan, template: IO[bytes] | None, fonts: Fonts, notes: bool) -> None:
        self.plan = plan
        self.fonts = fonts
        self.notes = notes
        self.prs = Presentation(template) if template else Presentation()
        self.house_colours = template is None  # the app's palette in the theme: all six accents are ours
        if template is None:
            self.prs.slide_width, self.prs.slide_height = WIDE
            self._use_house_colours()
        else:
            self._drop_template_slides()
        self.width = int(self.prs.slide_width or WIDE[0])
        self.height = int(self.prs.slide_height or WIDE[1])
        self.margin = int(self.width * 0.045)
        self.keep_placeholders = template is not None

    def _use_house_colours(self) -> None:
        """Give python-pptx's default theme the app's palette, so the deck's cards and native charts (which use
        theme colours, so that a user's template recolours them) match the app and the chart pictures."""
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        from srbrief.charts.style import LIGHT

        theme = self.prs.slide_master.part.part_related_by(RT.THEME)
        colours = {f"accent{i}": c for i, c in enumerate(LIGHT.palette[:CARD_COLOURS], 1)}
        colours.update(dk2=LIGHT.text, lt2=LIGHT.panel)
        xml = theme.blob.decode("utf-8")
        for name, colour in colours.items():
            xml, count = re.subn(rf'<a:{name}><a:srgbClr val="[0-9A-Fa-f]{{6}}"/></a:{name}>',
                                 f'<a:{name}><a:srgbClr val="{colour.lstrip("#").upper()}"/></a:{name}>', xml)
            if count != 1:
                raise RuntimeError(f"python-pptx's default theme has no single {name} colour")
        theme._blob = xml.replace('<a:clrScheme name="Office">', '<a:clrScheme name="SRBrief">').encode("utf-8")

    def _drop_template_slides(self) -> None:
        slide_ids = self.prs.slides._sldIdLst
        for slide_id in list(slide_ids):
            self.prs.part.drop_rel(slide_id.rId)
            slide_ids.remove(slide_id)

    def layout_for(self, role: Role) -> Any:
        """Return the template's layout for *role*: by name first, then by its placeholders."""
        layouts: list[Any] = list(self.prs.slide_layouts)
        for word in LAYOUT_WORDS.get(role, BODY_WORDS):
            for layout in layouts:
                if word in layout.name.lower():
                    return layout
        wanted = 3 if role in (Role.TITLE, Role.CLOSING) else 1
        typed = [lay for lay in layouts if any(ph.placeholder_format.type == wanted for ph in lay.placeholders)]
        titled = [lay for lay in layouts if any(ph.placeholder_format.type in TITLE_TYPES for ph in lay.placeholders)]
        candidates = typed or titled or layouts
        return min(candidates, key=lambda lay: len(lay.placeholders))

    def write(self, target: IO[bytes]) -> None:
        total = len(self.plan.slides)
        for number, slide in enumerate(self.plan.slides, 1):
            self.add_slide(slide, number, total)
        buffer = io.BytesIO()
        self.prs.save(buffer)
        target.write(fix_chart_axis_ids(buffer.getvalue()))

    # -- slides -------------------------------------------------------------------------------------------------
    def add_slide(self, spec: Slide, number: int, total: int) -> None:
        slide = self.prs.slides.add_slide(self.layout_for(spec.role))
        self._clear_placeholders(slide, keep_title=True)
        if spec.role in (Role.TITLE, Role.SECTION, Role.CLOSING):
            self.big_title(slide, spec)
        else:
            self.title(slide, spec.title)
            body = Box(self.margin, int(self.height * 0.2), self.width - 2 * self.margin, int(self.height * 0.68))
            self.body(slide, spec, body)
        if spec.role is not Role.TITLE:
            self.footer(slide, number, total)
        if self.notes and spec.notes:
            write_text(slide.notes_slide.notes_text_frame, [[(line, {})] for line in spec.notes.split("\n")],
                       self.fonts)

    def _clear_placeholders(self, slide: Any, keep_title: bool) -> None:
        for shape in list(slide.placeholders):
            if keep_title and shape.placeholder_format.type in TITLE_TYPES:
                continue
            shape._element.getparent().remove(shape._element)

    def _title_shape(self, slide: Any, box: Box) -> Any:
        shape = slide.shapes.title
        if shape is None:
            return slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
        if not self.keep_placeholders:  # python-pptx's default template is 4:3: place all four sides
            shape.left, shape.top, shape.width, shape.height = box.x, box.y, box.w, box.h
        shape.text_frame.clear()
        return shape

    def title(self, slide: Any, text: str) -> None:
        box = Box(self.margin, int(self.height * 0.05), self.width - 2 * self.margin, int(self.height * 0.12))
        shape = self._title_shape(slide, box)
        size = fit_text([text], pt(shape.width) * 0.95, pt(shape.height) * 0.9, 30, 18, bold=True).size
        write_text(shape.text_frame, [[(text, {"size": size, "bold": True, "colour": MSO_THEME_COLOR.TEXT_1})]],
                   self.fonts.heading(), PP_ALIGN.LEFT)
        shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE

    def big_title(self, slide: Any, spec: Slide) -> None:
        box = Box(self.margin, int(self.height * 0.3), self.width - 2 * self.margin, int(self.height * 0.22))
        shape = self._title_shape(slide, box)
        size = fit_text([spec.title], pt(shape.width) * 0.95, pt(shape.height) * 0.9, 44, 24, bold=True).size
        write_text(shape.text_frame, [[(spec.title, {"size": size, "bold": True,
                                                     "colour": MSO_THEME_COLOR.ACCENT_1})]],
                   self.fonts.heading(), PP_ALIGN.LEFT)
        if spec.subtitle:
            sub = slide.shapes.add_textbox(box.x, box.y + box.h + int(self.height * 0.02), box.w,
                                           int(self.height * 0.16))
            write_text(sub.text_frame, [[(spec.subtitle, {"size": 20, "colour": MSO_THEME_COLOR.TEXT_1})]],
                       self.fonts)

    def footer(self, slide: Any, number: int, total: int) -> None:
        y = int(self.height * 0.93)
        h = int(self.height * 0.05)
        left = slide.shapes.add_textbox(self.margin, y, int(self.width * 0.7), h)
        write_text(left.text_frame, [[(self.plan.footer, {"size": 10, "colour": MSO_THEME_COLOR.TEXT_1})]],
                   self.fonts)
        right = slide.shapes.add_textbox(self.width - self.margin - int(self.width * 0.12), y,
                                         int(self.width * 0.12), h)
        write_text(right.text_frame, [[(f"{number} / {total}", {"size": 10, "colour": MSO_THEME_COLOR.TEXT_1})]],
                   self.fonts, PP_ALIGN.RIGHT)

    def body(self, slide: Any, spec: Slide, box: Box) -> None:
        if spec.role is Role.FIGURES:
            add_cards(self, slide, list(spec.metrics), box)
        elif spec.chart is not None:
            add_chart(self, slide, spec.chart, box)
        elif spec.bullets:
            add_bullets(self, slide, list(spec.bullets), box)


def fix_chart_axis_ids(data: bytes) -> bytes:
    """Return the package with every chart's negative c:axId values rewritten as positive ids.

    python-pptx writes ids such as -2068027336, which fail OOXML schema validation (xsd:unsignedInt).
    """
    import zipfile

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
