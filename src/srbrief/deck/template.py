"""Inspect a user's PowerPoint template before python-pptx sees it, and hand on a clean copy.

A template is a zip package from anywhere, so it is read as untrusted input:

- only a regular file of at most :data:`MAX_TEMPLATE_BYTES` is read (see :mod:`srbrief.safeio`);
- every member's uncompressed size, the total, the member count and the compression ratio are checked from
  the zip directory before anything is inflated, and inflating stops at the member limit;
- macros, ActiveX controls and OLE objects are refused wherever they appear (compared case-insensitively);
- every XML part is parsed without entities or DTDs, and any DOCTYPE is refused (no XXE, no entity bombs);
- only parts a relationship reaches from the package root are kept; thumbnails are dropped;
- a template with no slide layouts is refused.

Every problem is an :class:`~srbrief.deck.export.ExportError`-style one-liner naming the part.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from srbrief.safeio import InputFileError, read_limited

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024  # the file itself
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one part, uncompressed
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # every part, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
REFUSED = ("vbaproject", "activex", "oleobject", "macroenabled", "/control", "vbadata")
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
CONTENT_TYPES = "[Content_Types].xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_blank_text=False)


class TemplateError(Exception):
    """A template that cannot be used: the message is one line naming the file and the part."""


def inspect_template(path: Path) -> io.BytesIO:
    """Return a checked, cleaned copy of the template at *path* as a .pptx python-pptx can open."""
    try:
        data = read_limited(path, MAX_TEMPLATE_BYTES, "template")
    except InputFileError as exc:
        raise TemplateError(str(exc)) from None
    if path.suffix.lower() in (".pptm", ".potm", ".ppsm"):
        raise TemplateError(f"{path}: macro-enabled templates are refused; save it as .pptx or .potx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(f"{path}: not a PowerPoint file (not a zip package)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return _Inspection(path, package).run()
    except zipfile.BadZipFile as exc:
        raise TemplateError(f"{path}: damaged zip package: {exc}") from None


class _Inspection:
    def __init__(self, path: Path, package: zipfile.ZipFile) -> None:
        self.path = path
        self.package = package
        self.infos = {info.filename: info for info in package.infolist()}
        self.parts: dict[str, bytes] = {}  # kept part name → bytes

    def fail(self, part: str, message: str) -> TemplateError:
        return TemplateError(f"{self.path}: {part}: {message}" if part else f"{self.path}: {message}")

    def run(self) -> io.BytesIO:
        self.check_directory()
        types = self.xml(CONTENT_TYPES) if CONTENT_TYPES in self.infos else None
        if types is None:
            raise self.fail("", "not a PowerPoint template (no presentation part)")
        if any(marker in f"{self.content_type(types, name)} {name}".lower()
               for name in self.infos for marker in REFUSED):
            raise self.fail("", "the template contains macros, ActiveX controls or OLE objects; they are refused")
        presentation = self.walk()
        if not presentation:
            raise self.fail("", "not a PowerPoint template (no presentation part)")
        main_type = self.content_type(types, presentation)
        if main_type not in (TEMPLATE_TYPE, PRESENTATION_TYPE):
            raise self.fail(presentation, "not a PowerPoint template (no presentation part)")
        if not self.layouts:
            raise self.fail(presentation, "the template has no slide layouts")
        for element in types:
            if element.get("ContentType") == TEMPLATE_TYPE:
                element.set("ContentType", PRESENTATION_TYPE)  # a .potx is read as a .pptx
        self.parts[CONTENT_TYPES] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name, blob in self.parts.items():
                target.writestr(name, blob)
        out.seek(0)
        return out

    def check_directory(self) -> None:
        if len(self.package.infolist()) > MAX_MEMBERS:
            raise self.fail("", f"the package has more than {MAX_MEMBERS} parts")
        if len(self.infos) != len(self.package.infolist()):
            raise self.fail("", "the package names a part twice")
        total = 0
        for name, info in self.infos.items():
            if info.file_size > MAX_MEMBER_BYTES:
                raise self.fail(name, f"the part unpacks to {info.file_size // (1024 * 1024)} MB; the limit is "
                                      f"{MAX_MEMBER_BYTES // (1024 * 1024)} MB")
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
                raise self.fail(name, f"the part is compressed more than {MAX_RATIO}:1 (a zip bomb?)")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise self.fail("", f"the package unpacks to {total // (1024 * 1024)} MB; the limit is "
                                f"{MAX_TOTAL_BYTES // (1024 * 1024)} MB")

    def read(self, name: str) -> bytes:
        """Return the bytes of part *name*, inflating at most the member limit."""
        try:
            with self.package.open(self.infos[name]) as f:
                blob = f.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, OSError) as exc:
            raise self.fail(name, f"damaged part: {exc}") from None
        if len(blob) > MAX_MEMBER_BYTES:
            raise self.fail(name, "the part unpacks to more than its declared size")
        return blob

    def xml(self, name: str) -> etree._Element:
        """Return part *name* parsed safely (no DTD, no entities), keeping its bytes."""
        blob = self.read(name)
        try:
            root = etree.fromstring(blob, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise self.fail(name, f"malformed XML: {' '.join(str(exc).split())[:120]}") from None
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None or info.externalDTD is not None or b"<!DOCTYPE" in blob:
            raise self.fail(name, "a DOCTYPE (entity declarations) is not allowed in a template")
        self.parts[name] = blob
        return root

    def content_type(self, types: etree._Element, part: str) -> str:
        for element in types:
            if str(element.get("PartName", "")).lstrip("/") == part:
                return str(element.get("ContentType", ""))
        extension = part.rsplit(".", 1)[-1].lower()
        for element in types:
            if str(element.get("Extension", "")).lower() == extension:
                return str(element.get("ContentType", ""))
        return ""

    def walk(self) -> str:
        """Follow relationships from the package root, keeping every part reached; return the main part."""
        self.layouts = 0
        main = ""
        queue = [""]
        seen = {""}
        while queue:
            source = queue.pop()
            folder, base = posixpath.split(source)
            rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
            if source:
                self.keep(source)
            if rels_name not in self.infos:
                continue
            rels = self.xml(rels_name)
            for rel in list(rels):
                rel_type = str(rel.get("Type", "")).lower()
                if any(marker in rel_type for marker in REFUSED):
                    raise self.fail(rels_name, "the template contains macros, ActiveX controls or OLE objects; "
                                               "they are refused")
                if rel_type.endswith("/thumbnail"):
                    rels.remove(rel)  # a preview picture: never copied into a deck
                    continue
                if str(rel.get("TargetMode", "")).lower() == "external":
                    continue
                target = self.resolve(folder, str(rel.get("Target", "")), rels_name)
                if rel_type.endswith("/officedocument"):
                    main = target
                if rel_type.endswith("/slidelayout") and source.startswith("ppt/slideMasters/"):
                    self.layouts += 1
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
            self.parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        return main

    def keep(self, name: str) -> None:
        """Keep part *name*: XML parsed and checked, anything else (pictures, fonts) as bytes."""
        if name.lower().endswith((".xml", ".rels")):
            self.xml(name)
        else:
            self.parts[name] = self.read(name)

    def resolve(self, folder: str, target: str, rels_name: str) -> str:
        name = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
        if name.startswith("..") or name not in self.infos:
            raise self.fail(rels_name, f"a relationship points to a missing part {target[:80]!r}")
        return name

