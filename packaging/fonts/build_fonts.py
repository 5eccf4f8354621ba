"""Rebuild srbrief's bundled font from Debian's fonts-noto-cjk, reproducibly.

    python packaging/fonts/build_fonts.py [--source-dir /usr/share/fonts/opentype/noto] [--out resources/fonts]

Takes Noto Sans CJK SC (face 2 of NotoSansCJK-{Regular,Bold}.ttc), keeps ASCII, Latin-1, general and CJK
punctuation, full-width forms, all GB2312 hanzi and every character of the briefings in resources/briefings,
drops glyph substitutions (see build()), converts the outlines to TrueType (quadratic; embeds cleanly in
PDF, Qt and PowerPoint), and renames the family to "SRBrief Sans SC" so an installed system copy of Noto
cannot shadow it. Licence: SIL OFL 1.1
(OFL.txt is written beside the fonts).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

FAMILY = "SRBrief Sans SC"
POSTSCRIPT = "SRBriefSansSC"
FACE_SC = 2  # Simplified Chinese in the Noto Sans CJK collection
FIXED_TIME = 3_800_000_000  # a fixed head.created/modified (seconds since 1904): reproducible
REPO = Path(__file__).resolve().parents[2]
EXTRA = "×−·°↔→←≤≥•…–—‘’“”、。，：；！？（）《》【】「」￥％＋"


def gb2312_hanzi() -> set[int]:
    """Return the code points of the 6,763 hanzi of GB2312 (rows 16–87)."""
    chars: set[int] = set()
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def wanted_code_points(briefings: list[Path]) -> set[int]:
    """Return every code point the bundled font must have."""
    points = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    points |= set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    points |= gb2312_hanzi() | {ord(c) for c in EXTRA}
    for path in briefings:
        points |= {ord(c) for c in path.read_text(encoding="utf-8") if c.isprintable() and ord(c) >= 0x20}
    return points


def to_truetype(font: TTFont) -> None:
    """Convert CFF outlines to quadratic TrueType outlines in place."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, style: str) -> None:
    """Give the font srbrief's own family name in every name record that carries one."""
    names = font["name"]
    full = f"{FAMILY} {style}" if style != "Regular" else FAMILY
    values = {1: FAMILY, 2: style, 3: f"{POSTSCRIPT}-{style};srbrief subset of Noto Sans CJK SC", 4: full,
              6: f"{POSTSCRIPT}-{style}", 16: FAMILY, 17: style}
    names.names = [n for n in names.names if n.nameID not in values]
    for name_id, value in values.items():
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    font["head"].created = font["head"].modified = FIXED_TIME


def build(source: Path, style: str, points: set[int], out: Path) -> Path:
    font = TTFont(source, fontNumber=FACE_SC, lazy=False, recalcTimestamp=False)
    options = subset.Options()
    # Positioning only: glyph substitutions (GSUB: liga, ccmp, locl …) give glyphs without a code point,
    # which Qt's PDF writer cannot map back to text ("fi", digits after a space vanished from copy/paste).
    options.layout_features = ["kern", "halt", "palt"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "DSIG", "GSUB"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=points)
    subsetter.subset(font)
    to_truetype(font)
    rename(font, style)
    target = out / f"{POSTSCRIPT}-{style}.ttf"
    font.save(target, reorderTables=True)
    return target


def ofl_text(source: Path) -> str:
    font = TTFont(source, fontNumber=FACE_SC, lazy=True)
    copyright_line = font["name"].getDebugName(0) or ""
    licence = (Path(__file__).parent / "OFL-1.1.txt").read_text(encoding="utf-8")
    return (f"SRBrief Sans SC is a subset of Noto Sans CJK SC, renamed (a Modified Version under the OFL).\n"
            f"{copyright_line}\n\n{licence}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=Path("/usr/share/fonts/opentype/noto"))
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "fonts")
    parser.add_argument("--styles", nargs="+", default=["Regular", "Bold"])
    args = parser.parse_args(argv)
    briefings = sorted((REPO / "resources" / "briefings").glob("*.yaml"))
    points = wanted_code_points(briefings)
    args.out.mkdir(parents=True, exist_ok=True)
    for style in args.styles:
        source = args.source_dir / f"NotoSansCJK-{style}.ttc"
        if not source.is_file():
            print(f"{source}: not found; install Debian's fonts-noto-cjk", file=sys.stderr)
            return 2
        target = build(source, style, points, args.out)
        print(f"{target}: {target.stat().st_size / 1e6:.1f} MB, {len(points)} code points wanted")
    (args.out / "OFL.txt").write_text(ofl_text(args.source_dir / "NotoSansCJK-Regular.ttc"), encoding="utf-8")
    if args.out == REPO / "resources" / "fonts":  # the measuring table the app reads instead of the fonts
        from srbrief.textlayout import ADVANCES_FILE, advances_json

        (REPO / "resources" / ADVANCES_FILE).write_text(advances_json(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
