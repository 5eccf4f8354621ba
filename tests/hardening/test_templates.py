"""Templates are untrusted zip packages: bombs, DOCTYPEs, macros in any spelling, missing layouts, damaged
deflate streams and malformed XML are all refused with exit 2 and one line naming the part, in well under a
second; parts nothing refers to and thumbnails never reach the deck (issue 11, items 3, 7 and 8)."""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.cli import main
from srbrief.deck.plan import plan_deck
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path
from tests.deck_size import SLIDES

LAYOUT = "ppt/slideLayouts/slideLayout1.xml"
BIG = 200 * 1024 * 1024  # zeros: 200 MB that deflate to ~200 KB


def _base() -> dict[str, bytes]:
    buffer = io.BytesIO()
    Presentation().save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {name: package.read(name) for name in package.namelist()}


BASE = _base()


def _write(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def _with(**changes: bytes) -> Callable[[], dict[str, bytes]]:
    return lambda: {**BASE, **{k.replace("__", "/").replace("_DOT_", "."): v for k, v in changes.items()}}


def _doctype(where: str) -> Callable[[], dict[str, bytes]]:
    def make() -> dict[str, bytes]:
        xml = BASE[LAYOUT].decode("utf-8")
        xml = xml.replace("?>", '?><!DOCTYPE p:sldLayout [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>', 1)
        if where == "text":
            xml = xml.replace("<a:t>", "<a:t>&xxe;", 1) if "<a:t>" in xml else xml
        else:
            xml = re.sub(r'name="([^"]*)"', r'name="&xxe;\1"', xml, count=1)
        return {**BASE, LAYOUT: xml.encode("utf-8")}
    return make


def _entity_bomb() -> dict[str, bytes]:
    entities = '<!ENTITY a0 "xxxxxxxxxx">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    xml = BASE[LAYOUT].decode("utf-8").replace("?>", f"?><!DOCTYPE p:sldLayout [{entities}]>", 1)
    return {**BASE, LAYOUT: xml.replace('name="', 'name="&a9;', 1).encode("utf-8")}


def _no_layouts() -> dict[str, bytes]:
    rels = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
    text = re.sub(r'<Relationship [^>]*slideLayout"[^>]*/>', "", BASE[rels].decode("utf-8"))
    master = re.sub(r"<p:sldLayoutIdLst>.*</p:sldLayoutIdLst>", "",
                    BASE["ppt/slideMasters/slideMaster1.xml"].decode("utf-8"), flags=re.S)
    return {**BASE, rels: text.encode(), "ppt/slideMasters/slideMaster1.xml": master.encode()}


def _macro(content_type: str, rel_type: str, name: str = "ppt/blob.bin") -> Callable[[], dict[str, bytes]]:
    def make() -> dict[str, bytes]:
        types = BASE["[Content_Types].xml"].decode("utf-8").replace(
            "</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>')
        rels_name = "ppt/_rels/presentation.xml.rels"
        rels = BASE[rels_name].decode("utf-8").replace(
            "</Relationships>", f'<Relationship Id="rId99" Type="{rel_type}" Target="{name.split("/", 1)[1]}"/>'
                                "</Relationships>")
        return {**BASE, "[Content_Types].xml": types.encode(), rels_name: rels.encode(), name: b"\0" * 64}
    return make


REFUSED: dict[str, tuple[Callable[[], dict[str, bytes]], str]] = {
    "unreferenced-huge-member": (_with(ppt__media__junk_DOT_bin=b"\0" * BIG), "ppt/media/junk.bin"),
    "huge-thumbnail": (_with(docProps__thumbnail_DOT_jpeg=b"\0" * BIG), "docProps/thumbnail.jpeg"),
    "huge-content-types": (lambda: {**BASE, "[Content_Types].xml": BASE["[Content_Types].xml"].replace(
        b"</Types>", b" " * (8 * 1024 * 1024) + b"</Types>")}, "[Content_Types].xml"),
    "too-many-members": (lambda: {**BASE, **{f"ppt/junk/{i}.xml": b"<a/>" for i in range(2100)}}, "parts"),
    "doctype-in-text": (_doctype("text"), LAYOUT),
    "entity-in-attribute": (_doctype("attribute"), LAYOUT),
    "entity-bomb": (_entity_bomb, LAYOUT),
    "no-layouts": (_no_layouts, "no slide layouts"),
    "malformed-xml": (lambda: {**BASE, LAYOUT: BASE[LAYOUT][:-40]}, LAYOUT),
    "vba-upper-case": (_macro("application/vnd.ms-office.VBAPROJECT",
                              "http://schemas.microsoft.com/office/2006/relationships/VBAPROJECT"), "macros"),
    "activex": (_macro("application/vnd.ms-office.activeX+xml",
                       "http://schemas.openxmlformats.org/officeDocument/2006/relationships/control",
                       "ppt/activeX/activeX1.xml"), "ActiveX"),
    "ole-object": (_macro("application/vnd.openxmlformats-officedocument.oleObject",
                          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject",
                          "ppt/embeddings/oleObject1.bin"), "OLE"),
}


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    return {kind: _write(folder / f"{kind}.pptx", make()) for kind, (make, _) in REFUSED.items()}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_bad_template_is_refused_quickly(templates: dict[str, Path], tmp_path: Path, kind: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from srbrief.deck.export import ExportError, load_template

    start = time.perf_counter()
    with pytest.raises(ExportError) as caught:
        load_template(templates[kind])
    assert time.perf_counter() - start < 1.0
    message = str(caught.value)
    assert "\n" not in message and str(templates[kind]) in message and REFUSED[kind][1] in message, message
    target = tmp_path / "deck.pptx"
    assert main(["export", "-o", str(target), "--template", str(templates[kind])]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not target.exists()


def test_damaged_deflate_stream_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "flipped.pptx", {**BASE, LAYOUT: BASE[LAYOUT] * 4})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(LAYOUT)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + info.compress_size - 10, 7):
        data[i] ^= 0xFF  # flip bytes inside the compressed stream
    path.write_bytes(bytes(data))
    assert main(["export", "-o", str(tmp_path / "deck.pptx"), "--template", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and LAYOUT in err[0], err


def test_thumbnails_and_unreferenced_parts_never_reach_the_deck(tmp_path: Path) -> None:
    template = _write(tmp_path / "t.pptx", {**BASE, "ppt/media/secret.bin": b"confidential" * 100})
    target = tmp_path / "deck.pptx"
    assert main(["export", "-o", str(target), "--template", str(template)]) == 0
    with zipfile.ZipFile(target) as package:
        names = package.namelist()
        rels = package.read("_rels/.rels")
    assert "docProps/thumbnail.jpeg" not in names and b"thumbnail" not in rels
    assert not any("secret" in n for n in names)
    prs = Presentation(str(target))  # nothing lost: the tables paginated for the template's page
    planned = plan_deck(load_briefing(builtin_briefing_path()), "zh",
                        slide_size=(prs.slide_width / 12700, prs.slide_height / 12700))
    assert len(prs.slides) == len(planned.slides) >= SLIDES["zh"]
