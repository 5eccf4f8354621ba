"""Export a briefing as a deck: checks of templates and output paths, then an atomic write."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from srbrief.atomic import atomic_output
from srbrief.deck.plan import plan_deck
from srbrief.model import Briefing

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024
MACRO_MARKERS = ("macroEnabled", "vbaProject")
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
DEFAULT_EA = "Microsoft YaHei"
DEFAULT_LATIN = "Calibri"


class ExportError(Exception):
    """A bad template or output path: reported as one line, exit code 2."""


def check_output(target: Path, suffixes: tuple[str, ...] = (".pptx", ".pdf")) -> None:
    """Raise :class:`ExportError` unless *target* can be written as a new or replaced file."""
    if target.suffix.lower() not in suffixes:
        raise ExportError(f"{target}: the output must end in {' or '.join(suffixes)}")
    if target.is_dir():
        raise ExportError(f"{target}: is a folder; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"{target}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise ExportError(f"{target}: not writable")


def load_template(path: Path) -> io.BytesIO:
    """Return a checked template as a file python-pptx can open (a .potx is read as a .pptx)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExportError(f"{path}: cannot read the template: {exc.strerror}") from None
    if path.is_dir():
        raise ExportError(f"{path}: the template is a folder, not a .pptx file")
    if size > MAX_TEMPLATE_BYTES:
        raise ExportError(f"{path}: the template is {size // (1024 * 1024)} MB; the limit is 100 MB")
    if path.suffix.lower() in (".pptm", ".potm", ".ppsm"):
        raise ExportError(f"{path}: macro-enabled templates are refused; save it as .pptx or .potx")
    data = path.read_bytes()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ExportError(f"{path}: not a PowerPoint file (not a zip package)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            types = package.read("[Content_Types].xml").decode("utf-8", "replace") \
                if "[Content_Types].xml" in names else ""
            if any(marker in types for marker in MACRO_MARKERS) or any("vbaProject" in n for n in names):
                raise ExportError(f"{path}: the template contains macros; macro-enabled templates are refused")
            if "ppt/presentation.xml" not in names or "presentation" not in types:
                raise ExportError(f"{path}: not a PowerPoint template (no presentation part)")
            if TEMPLATE_TYPE in types:
                return _as_presentation(package, types)
    except zipfile.BadZipFile as exc:
        raise ExportError(f"{path}: damaged zip package: {exc}") from None
    return io.BytesIO(data)


def _as_presentation(package: zipfile.ZipFile, types: str) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in package.infolist():
            content = package.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = types.replace(TEMPLATE_TYPE, PRESENTATION_TYPE).encode("utf-8")
            target.writestr(item, content)
    out.seek(0)
    return out


def export_pptx(briefing: Briefing, target: Path, lang: str, template: Path | None = None, notes: bool = True,
                font_latin: str | None = None, font_ea: str | None = None) -> int:
    """Write the deck of *briefing* to *target* atomically; return the number of slides."""
    from srbrief.deck.pptx_text import Fonts
    from srbrief.deck.pptx_writer import DeckWriter

    check_output(target, (".pptx",))
    template_file = load_template(template) if template else None
    theme_fonts = template is not None and font_latin is None and font_ea is None
    fonts = Fonts("+mn-lt" if theme_fonts else font_latin or DEFAULT_LATIN,
                  "+mn-ea" if theme_fonts else font_ea or DEFAULT_EA, "zh-CN" if lang == "zh" else "en-US")
    plan = plan_deck(briefing, lang)
    try:
        writer = DeckWriter(plan, template_file, fonts, notes)
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ExportError(f"{template}: cannot use this template: {exc}") from None
    with atomic_output(target) as f:
        writer.write(f)
    return len(plan.slides)
