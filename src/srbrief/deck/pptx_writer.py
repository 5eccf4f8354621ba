"""Write a deck plan as a PowerPoint file: it draws the slide layout (srbrief.deck.layout) with python-pptx,
with native charts, speaker notes, a user's template and East-Asian fonts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import IO, Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Pt

from srbrief import __version__, meaning, palette
from srbrief.deck import bindings, oxml
from srbrief.deck.layout import TABLE_PAD, ChartBlock, Frame, Rect, TableBlock, TextBlock, layout_slide, plain
from srbrief.deck.plan import DeckPlan, Role
from srbrief.deck.pptx_charts import Box, add_chart
from srbrief.deck.pptx_text import Fonts, pt, set_colour, write_block, write_cell, write_text
from srbrief.textlayout import slide_measurer

WIDE = (Emu(12192000), Emu(6858000))  # 13.333 × 7.5 in, 16:9
LAYOUT_WORDS = {  # role → words in layout names to look for, in order (English and Chinese PowerPoint)
    Role.TITLE: ("title slide", "cover", "标题幻灯片", "封面"),
    Role.SECTION: ("section", "divider", "节标题", "章节"),
}
BODY_WORDS = ("title only", "仅标题")  # else: the layout with a title and the fewest placeholders
TITLE_TYPES = (1, 3)  # PP_PLACEHOLDER.TITLE, CENTER_TITLE
BIG_TITLE_ROLES = (Role.TITLE, Role.SECTION)
ACCENTS = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_3,
           MSO_THEME_COLOR.ACCENT_4, MSO_THEME_COLOR.ACCENT_5, MSO_THEME_COLOR.ACCENT_6)  # the sections' colours
CARD_CORNER = 0.06  # the corner radius of a card, as a fraction of its shorter side


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def template_scheme(accents: dict[str, str]) -> palette.Scheme:
    """Return the house scheme with a template's six accents as the sections' colours (so that the chart
    pictures match its cards and native charts); good and bad news keep the house green and red."""
    sections = tuple(accents.get(f"accent{i}", colour)
                     for i, colour in enumerate(palette.LIGHT.sections[:meaning.SECTION_COLOURS], 1))
    return replace(palette.LIGHT, name="template", sections=sections)


class DeckWriter:
    """Renders one :class:`DeckPlan` into a python-pptx Presentation."""

    def __init__(self, plan: DeckPlan, template: IO[bytes] | None, fonts: Fonts, notes: bool) -> None:
        self.plan = plan
        self.fonts = fonts
        self.notes = notes
        self.prs = Presentation(template) if template else Presentation()
        theme_part = self.prs.slide_master.part.part_related_by(RT.THEME)
        if template is None:
            self.prs.slide_width, self.prs.slide_height = WIDE
            self._use_house_colours(theme_part)
            self.scheme = palette.LIGHT
        else:
            oxml.remove_all_slides(self.prs)
            self.scheme = template_scheme(oxml.theme_colours(theme_part))
        self.width = int(self.prs.slide_width or WIDE[0])
        self.height = int(self.prs.slide_height or WIDE[1])
        self.keep_placeholders = template is not None
        self.measurer = slide_measurer(fonts.latin)  # the deck's Latin font: a template's (+mn-lt) is not known
        self.plan_options: dict[str, str] = {}  # the title slide's presenter, organisation and date, if given
        self.origin: dict[str, str] = {}  # where the briefing came from ('briefing-file', 'briefing-sha256'), if known

    def _use_house_colours(self, theme_part: Any) -> None:
        """Give python-pptx's default theme the sections' colours as its six accents, so the deck's cards and
        native charts (which use theme colours, so that a user's template recolours them) match the app and
        the chart pictures."""
        scheme = palette.LIGHT
        colours = {f"accent{i}": c for i, c in enumerate(scheme.sections[:meaning.SECTION_COLOURS], 1)}
        colours.update(dk2=scheme.text, lt2=scheme.card)
        oxml.set_theme_colours(theme_part, colours, "SRBrief")

    def colour(self, role: str) -> Any:
        """Return the PowerPoint colour of a colour role (srbrief.meaning): a section is a theme accent, so a
        template recolours it; good and bad news and the neutrals are explicit colours, whatever the template."""
        slot = meaning.theme_slot(role)
        if slot is not None:
            return ACCENTS[slot - 1]
        if role == "text":
            return MSO_THEME_COLOR.TEXT_1
        if role == "background":
            return MSO_THEME_COLOR.BACKGROUND_1
        return rgb(meaning.colour(self.scheme, role))

    def paint(self, colour_format: Any, role: str) -> None:
        """Set a python-pptx colour (a fill's fore colour, a line's colour) to the colour of *role*."""
        set_colour(colour_format, self.colour(role))

    def fill(self, fill: Any, role: str) -> None:
        """Fill a shape or chart point solidly in the colour of *role*."""
        fill.solid()
        self.paint(fill.fore_color, role)

    def layout_for(self, role: Role) -> Any:
        """Return the template's layout for *role*: by name first, then by its placeholders."""
        layouts: list[Any] = list(self.prs.slide_layouts)
        for word in LAYOUT_WORDS.get(role, BODY_WORDS):
            for layout in layouts:
                if word in layout.name.lower():
                    return layout
        wanted = 3 if role is Role.TITLE else 1
        typed = [lay for lay in layouts if any(ph.placeholder_format.type == wanted for ph in lay.placeholders)]
        titled = [lay for lay in layouts if any(ph.placeholder_format.type in TITLE_TYPES for ph in lay.placeholders)]
        candidates = typed or titled or layouts
        return min(candidates, key=lambda lay: len(lay.placeholders))

    def write(self, target: IO[bytes]) -> None:
        total = len(self.plan.slides)
        for number, slide in enumerate(self.plan.slides, 1):
            self.add_slide(slide, number, total)
        self.record()
        oxml.fix_chart_parts(self.prs.part.package)
        self.prs.save(target)

    def record(self) -> None:
        """Record in the deck's properties its language, briefing and export time, and what each bound shape
        says (see srbrief.deck.bindings), so that the deck can be refreshed after someone edits it."""
        plan = self.plan
        meta = {"lang": plan.lang, "briefing": plan.briefing.id, "version": __version__,
                "exported": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "presenter": self.plan_options.get("presenter", ""),
                "organisation": self.plan_options.get("organisation", ""),
                "date": self.plan_options.get("date", ""),
                "template": "yes" if self.keep_placeholders else "", **self.origin}
        tables = [spec.table.ids if spec.table else () for spec in plan.slides]
        bindings.record(self.prs, bindings.slide_keys(plan.slides), tables, meta)

    # -- slides -------------------------------------------------------------------------------------------------
    def add_slide(self, spec: Any, number: int, total: int) -> None:
        slide = self.prs.slides.add_slide(self.layout_for(spec.role))
        for shape in list(slide.placeholders):
            if shape.placeholder_format.type not in TITLE_TYPES:
                oxml.remove_shape(shape)
        frame = self._frame(slide, spec.role)
        layout = layout_slide(self.plan, number - 1, self.measurer, frame)
        for block in layout.blocks:
            if isinstance(block, ChartBlock):
                add_chart(self, slide, block.chart, Box(*self.emu(block.rect)), block.name, block.zoom)
            elif isinstance(block, TableBlock):
                self._table(slide, block)
            elif block.name == "title":
                self._title(slide, block)
            else:
                self._text_block(slide, block)
        if self.notes and spec.notes:
            placeholder = slide.notes_slide.notes_placeholder
            placeholder.name = f"notes:{spec.name or spec.role.value}"  # the notes and their source list
            write_text(placeholder.text_frame, [[(line, {})] for line in spec.notes.split("\n")], self.fonts)

    def _frame(self, slide: Any, role: Role) -> Frame:
        """Return the slide's frame in points; with a template, its title placeholder sets the title's box."""
        title = slide.shapes.title
        placed = None
        if title is not None and self.keep_placeholders and title.width and title.height:
            placed = Rect(pt(title.left), pt(title.top), pt(title.width), pt(title.height))
        big = role in BIG_TITLE_ROLES
        return Frame(pt(self.width), pt(self.height), title=None if big else placed, big_title=placed if big else None)

    def emu(self, rect: Rect) -> tuple[int, int, int, int]:
        return (int(Pt(rect.x)), int(Pt(rect.y)), int(Pt(rect.w)), int(Pt(rect.h)))

    def _title(self, slide: Any, block: TextBlock) -> None:
        shape = slide.shapes.title
        if shape is None:
            shape = slide.shapes.add_textbox(*self.emu(block.rect))
        else:
            shape.left, shape.top, shape.width, shape.height = self.emu(block.rect)
        shape.name = block.name
        write_block(shape.text_frame, block, self.fonts.heading(), self.colour)

    def _table(self, slide: Any, block: TableBlock) -> None:
        """A native table: the header on the card colour, every row as tall as the layout says."""
        frame = slide.shapes.add_table(len(block.rows), len(block.widths), *self.emu(block.rect))
        frame.name = block.name
        table = frame.table
        table.first_row = True
        table.horz_banding = False
        for column, width in zip(table.columns, block.widths, strict=True):
            column.width = int(Pt(width))
        for r, (row, height) in enumerate(zip(block.rows, block.heights, strict=True)):
            table.rows[r].height = int(Pt(height))
            for c, lines in enumerate(row):
                cell = table.cell(r, c)
                para = plain(lines, block.size, bold=r == 0, broken=True)  # broken by the layout: every break hard
                if block.breaks and block.breaks[r][c]:  # a translation above its original: a line break
                    para = replace(para, hard=tuple(sorted({*para.hard, *block.breaks[r][c]})))
                inner = TextBlock(Rect(0, 0, block.widths[c], height), (para,), inset=(TABLE_PAD,) * 4)
                write_cell(cell, inner, self.fonts, self.colour, self.colour("card" if r == 0 else "background"))

    def _text_block(self, slide: Any, block: TextBlock) -> None:
        fill = block.fill
        if fill is not None and not block.paras:  # a bar of colour
            shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *self.emu(block.rect))
            self.fill(shape.fill, fill)
            shape.line.fill.background()
            shape.shadow.inherit = False
            shape.name = block.name
            return
        if fill is None:
            shape = slide.shapes.add_textbox(*self.emu(block.rect))
        else:  # a card; its text area is inset by the rounded corners, which the block's inset already keeps clear
            shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *self.emu(block.rect))
            shape.adjustments[0] = CARD_CORNER
            corner = CARD_CORNER * 0.29289 * min(block.rect.w, block.rect.h)  # roundRect's text rectangle (il)
            block = replace(block, inset=tuple(max(0.0, side - corner) for side in block.inset))  # type: ignore[arg-type]
            self.fill(shape.fill, fill)
            shape.line.fill.background()
            shape.shadow.inherit = False
        if block.name:
            shape.name = block.name
        write_block(shape.text_frame, block, self.fonts, self.colour)
