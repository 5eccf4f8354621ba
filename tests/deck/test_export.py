"""Export: templates (custom layouts and colours kept; bad ones refused), atomic writes, bad paths,
schema validity (openxml-audit) and LibreOffice conversion."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.cli import main
from srbrief.deck import pptx_writer
from srbrief.deck.plan import plan_deck
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path
from tests.deck.conftest import write_template
from tests.deck_size import DECK_SLIDES

ACCENT = "C0392B"
LAYOUT_NAMES = {"Title Slide": "Cover Page", "Section Header": "Chapter Divider", "Title Only": "Headline Only"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template with its own layout names, accent colour, fonts and a 4:3 page, and one stray slide."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        if layout.name in LAYOUT_NAMES:
            layout._element.cSld.set("name", LAYOUT_NAMES[layout.name])
    prs.slides.add_slide(prs.slide_layouts[0])  # templates sometimes carry sample slides

    def edit(text: str) -> str:
        text = re.sub(r'(<a:accent1>\s*<a:srgbClr val=")[0-9A-F]{6}', rf"\g<1>{ACCENT}", text)
        return re.sub(r'(<a:minorFont>\s*<a:latin typeface=")[^"]*', r"\g<1>Georgia", text)

    return write_template(tmp_path_factory.mktemp("template") / "corporate.pptx", edit, prs)


def export(*args: str) -> int:
    return main(["export", *args])


def one_line_error(capsys: pytest.CaptureFixture[str], *fragments: str) -> None:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "Traceback" not in err[0]
    for fragment in fragments:
        assert fragment in err[0], err[0]


def test_template_layouts_colours_and_fonts_are_kept(template: Path, tmp_path: Path) -> None:
    target = tmp_path / "templated.pptx"
    assert export("-o", str(target), "--template", str(template)) == 0
    prs = Presentation(str(target))
    used = [slide.slide_layout.name for slide in prs.slides]
    assert used[0] == "Cover Page" and used[1] == "Headline Only"
    assert "Chapter Divider" in used
    assert prs.slide_width / prs.slide_height == pytest.approx(4 / 3, rel=0.01)  # the template's page
    with zipfile.ZipFile(target) as package:
        theme = package.read("ppt/theme/theme1.xml").decode("utf-8")
        slide = package.read("ppt/slides/slide2.xml").decode("utf-8")
    assert ACCENT in theme and 'typeface="Georgia"' in theme
    assert 'typeface="+mn-lt"' in slide and 'typeface="+mn-ea"' in slide  # theme fonts, not ours
    assert "Microsoft YaHei" not in slide
    # the template's own sample slide is not carried over; the tables paginated for its 4:3 page
    planned = plan_deck(load_briefing(builtin_briefing_path()), "zh", slide_size=(720.0, 540.0))
    assert len(prs.slides) == len(planned.slides) >= DECK_SLIDES


def test_template_with_explicit_fonts(template: Path, tmp_path: Path) -> None:
    target = tmp_path / "templated-fonts.pptx"
    assert export("-o", str(target), "--template", str(template), "--font-ea", "SimSun") == 0
    with zipfile.ZipFile(target) as package:
        assert 'typeface="SimSun"' in package.read("ppt/slides/slide2.xml").decode("utf-8")


def test_potx_template_is_accepted(template: Path, tmp_path: Path) -> None:
    potx = tmp_path / "corporate.potx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(potx, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            out.writestr(item, data)
    assert export("-o", str(tmp_path / "from-potx.pptx"), "--template", str(potx)) == 0


def _zip_with(path: Path, names: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as out:
        for name, data in names.items():
            out.writestr(name, data)
    return path


def test_bad_templates_are_refused(tmp_path: Path, template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.pptx"
    cases = []
    macro = tmp_path / "macro.pptm"
    shutil.copy(template, macro)
    cases.append((macro, "macro-enabled"))
    with zipfile.ZipFile(template) as source:
        names = {n: source.read(n) for n in source.namelist()}
    cases.append((_zip_with(tmp_path / "vba.pptx", {**names, "ppt/vbaProject.bin": b"\0"}), "macros"))
    not_zip = tmp_path / "text.pptx"
    not_zip.write_text("this is not a presentation")
    cases.append((not_zip, "not a zip package"))
    cases.append((_zip_with(tmp_path / "empty.pptx", {"hello.txt": b"hi"}), "no presentation part"))
    huge = tmp_path / "huge.pptx"
    with huge.open("wb") as f:
        f.truncate(101 * 1024 * 1024)
    cases.append((huge, "the limit is 100 MB"))
    cases.append((tmp_path / "missing.pptx", "cannot read the template"))
    for path, fragment in cases:
        assert export("-o", str(target), "--template", str(path)) == 2, path
        one_line_error(capsys, str(path), fragment)
        assert not target.exists()


def test_failed_export_leaves_existing_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"previous deck")

    def fail(self: object, *args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pptx_writer.DeckWriter, "add_slide", fail)
    assert export("-o", str(target)) == 1
    assert "internal error" in capsys.readouterr().err
    assert target.read_bytes() == b"previous deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]  # no temporary file left behind


def test_failed_export_leaves_no_new_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pptx_writer.DeckWriter, "add_slide", lambda *a: 1 / 0)
    assert export("-o", str(tmp_path / "new.pptx")) == 1
    assert list(tmp_path.iterdir()) == []


def test_export_killed_mid_write_keeps_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"previous deck")
    code = ("import os, signal, srbrief.deck.pptx_writer as w\n"
            "w.DeckWriter.add_slide = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
            "from srbrief.cli import main\n"
            f"main(['export', '-o', {str(target)!r}])\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert result.returncode == -9
    assert target.read_bytes() == b"previous deck"


@pytest.mark.parametrize(("name", "fragment"), [
    ("missing-folder/deck.pptx", "does not exist"),
    ("folder.pptx", "is a folder"),
    ("deck.txt", "must end in .pptx or .pdf"),
    ("a-file/deck.pptx", "does not exist"),
])
def test_bad_output_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, fragment: str) -> None:
    (tmp_path / "folder.pptx").mkdir()
    (tmp_path / "a-file").write_text("x")
    assert export("-o", str(tmp_path / name)) == 2
    one_line_error(capsys, fragment)


def test_bad_briefing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: srbrief/1\nid: [\n", encoding="utf-8")
    assert export(str(bad), "-o", str(tmp_path / "out.pptx")) == 2
    assert "bad.yaml:" in capsys.readouterr().err
    assert not (tmp_path / "out.pptx").exists()


def _audit(path: Path) -> dict:
    tool = Path(sys.executable).with_name("openxml-audit")
    result = subprocess.run([str(tool), "-o", "json", str(path)], capture_output=True, text=True, timeout=300)
    return json.loads(result.stdout)[0]


def test_decks_pass_schema_validation(decks: dict[str, Path], template: Path, tmp_path: Path) -> None:
    templated = tmp_path / "templated.pptx"
    assert export("-o", str(templated), "--template", str(template), "--lang", "en") == 0
    for path in (decks["zh"], decks["en"], templated):
        report = _audit(path)
        assert report["error_count"] == 0, report["errors"][:3]
        Presentation(str(path))  # and python-pptx re-opens it


def test_the_validator_does_catch_negative_axis_ids(shaped_decks: dict[tuple[str, str], Path],
                                                    tmp_path: Path) -> None:
    broken = tmp_path / "broken.pptx"  # (the six-theme deck has bars and a line: charts with axes)
    with zipfile.ZipFile(shaped_decks["six-themes", "zh"]) as source, zipfile.ZipFile(broken, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("ppt/charts/chart"):
                data = re.sub(rb'<c:axId val="(\d+)"', rb'<c:axId val="-\1"', data)
            out.writestr(item, data)
    assert _audit(broken)["error_count"] > 0


def test_libreoffice_converts_both_decks(decks: dict[str, Path], tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is missing: run 'make setup' as root (it installs libreoffice-impress)"
    profile = (tmp_path / "profile").as_uri()
    for lang, deck in decks.items():
        result = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                                 "--outdir", str(tmp_path), str(deck)], capture_output=True, text=True, timeout=300,
                                env={**os.environ, "HOME": str(tmp_path)})
        pdf = tmp_path / f"{deck.stem}.pdf"
        assert pdf.is_file(), result.stderr
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
        pages = text.count("\f")
        assert pages == len(Presentation(str(deck)).slides)
        assert ("上饶制造强市简报" if lang == "zh" else "Shangrao") in text


def test_bad_template_leaves_an_existing_output_unchanged(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"yesterday's deck")
    not_zip = tmp_path / "broken.pptx"
    not_zip.write_bytes(b"PK\x03\x04 truncated")
    assert export("-o", str(target), "--template", str(not_zip)) == 2
    one_line_error(capsys, "broken.pptx")
    assert target.read_bytes() == b"yesterday's deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.pptx", "deck.pptx"]
