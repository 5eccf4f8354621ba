"""Export a briefing as a deck: checks of templates and output paths, then an atomic write."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

from srbrief.atomic import atomic_output, resolve_output
from srbrief.deck.plan import plan_deck
from srbrief.model import Briefing

MAX_FONT_NAME = 64
DEFAULT_EA = "Microsoft YaHei"
DEFAULT_LATIN = "Calibri"


class ExportError(Exception):
    """A bad template or output path: reported as one line, exit code 2."""


Inputs = Iterable[tuple[Path | None, str]]


def check_output(target: Path, suffixes: tuple[str, ...] = (".pptx", ".pdf"), inputs: Inputs = ()) -> None:
    """Raise :class:`ExportError` (or :class:`~srbrief.atomic.OutputError`) unless *target* can be written as a
    new or replaced regular file that is none of *inputs* ((path, what) pairs)."""
    if target.suffix.lower() not in suffixes:
        raise ExportError(f"{target}: the output must end in {' or '.join(suffixes)}")
    if target.is_dir():
        raise ExportError(f"{target}: is a folder; give a file name")
    real = resolve_output(target, inputs)
    folder = real.parent
    if not folder.is_dir():
        raise ExportError(f"{target}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK) or (real.exists() and not os.access(real, os.W_OK)):
        raise ExportError(f"{target}: not writable")


def check_title_text(text: str | None, option: str) -> None:
    """Raise :class:`ExportError` unless *text* (for the title slide) passes the rules of a briefing's short
    texts: not blank, at most SHORT_TEXT characters, no character a slide cannot carry."""
    from srbrief.model.convert import check_constraints
    from srbrief.model.types import SHORT_TEXT

    problem = check_constraints(text, {"max_length": SHORT_TEXT}) if text is not None else None
    if problem:
        raise ExportError(f"{option}: {problem}")


def check_font_name(name: str | None, option: str) -> None:
    """Raise :class:`ExportError` unless *name* (a typeface for *option*) is a plausible font name."""
    if name is None:
        return
    if not name.strip() or len(name) > MAX_FONT_NAME or not all(c.isprintable() for c in name):
        raise ExportError(f"{option}: {name[:MAX_FONT_NAME]!r} is not a font name (1 to {MAX_FONT_NAME} printable "
                          "characters)")


def load_template(path: Path) -> io.BytesIO:
    """Return a checked template as a file python-pptx can open (see :mod:`srbrief.deck.template`)."""
    from srbrief.deck.template import TemplateError, inspect_template

    try:
        return inspect_template(path)
    except TemplateError as exc:
        raise ExportError(str(exc)) from None


def briefing_origin(path: Path | None) -> dict[str, str]:
    """Return what a deck records of the briefing file it was made from: its name (never its folder: decks are
    handed around, and a path names the user) and SHA-256 (none if the file cannot be read)."""
    if path is None:
        return {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    return {"briefing-file": path.name, "briefing-sha256": hashlib.sha256(data).hexdigest()}


def export_pptx(briefing: Briefing, target: Path, lang: str, template: Path | None = None, notes: bool = True,
                font_latin: str | None = None, font_ea: str | None = None, inputs: Inputs = (),
                presenter: str | None = None, organisation: str | None = None,
                briefing_file: Path | None = None, date: str | None = None) -> int:
    """Write the deck of *briefing* to *target* atomically; return the number of slides.

    *inputs* are the files the deck is made from ((path, what) pairs): the output may be none of them. The deck
    records its briefing (and *briefing_file*, with its hash) so that ``srbrief refresh`` can update it."""
    from srbrief.deck.pptx_text import Fonts
    from srbrief.deck.pptx_writer import DeckWriter

    check_font_name(font_latin, "--font-latin")
    check_font_name(font_ea, "--font-ea")
    inputs = [*inputs, (template, "template")]
    check_output(target, (".pptx",), inputs)
    template_file = load_template(template) if template else None
    theme_fonts = template is not None and font_latin is None and font_ea is None
    fonts = Fonts("+mn-lt" if theme_fonts else font_latin or DEFAULT_LATIN,
                  "+mn-ea" if theme_fonts else font_ea or DEFAULT_EA, "zh-CN" if lang == "zh" else "en-US")
    try:
        plan = plan_deck(briefing, lang, presenter, organisation, slide_size(template_file), date)
        writer = DeckWriter(plan, template_file, fonts, notes)
    except (KeyError, ValueError, IndexError, AttributeError, TypeError, zipfile.BadZipFile) as exc:
        raise ExportError(f"{template}: cannot use this template: {' '.join(str(exc).split())[:200]}") from None
    writer.plan_options = {k: v for k, v in (("presenter", presenter), ("organisation", organisation),
                                             ("date", date)) if v}
    writer.origin = briefing_origin(briefing_file)
    with atomic_output(target, inputs) as f:
        writer.write(f)
    return len(plan.slides)


def slide_size(template: io.BytesIO | None) -> tuple[float, float]:
    """Return the slide size of *template* in points (the deck's own 16:9 without one), for the plan to
    paginate its tables on."""
    from pptx import Presentation

    from srbrief.deck.layout import SLIDE_SIZE

    if template is None:
        return SLIDE_SIZE
    prs = Presentation(template)
    template.seek(0)
    emu_per_point = 12700
    return (int(prs.slide_width or SLIDE_SIZE[0] * emu_per_point) / emu_per_point,
            int(prs.slide_height or SLIDE_SIZE[1] * emu_per_point) / emu_per_point)
