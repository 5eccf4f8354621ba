"""One palette: colours live in srbrief/palette.py and nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

from srbrief import meaning, palette

SRC = Path(__file__).resolve().parent.parent / "src" / "srbrief"


def test_no_colour_literal_outside_the_palette() -> None:
    literal = re.compile(r"""["']#[0-9a-fA-F]{6}["']|RGBColor\(0x""")
    found = [f"{path.relative_to(SRC)}:{n}" for path in SRC.rglob("*.py") if path.name != "palette.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if literal.search(line)]
    assert found == []


def test_roles_name_colours_of_the_scheme() -> None:
    assert meaning.colour(palette.LIGHT, "section0") == palette.LIGHT.sections[0]
    assert meaning.colour(palette.DARK, "section3") == palette.DARK.sections[3]
    assert meaning.colour(palette.LIGHT, "good") == palette.LIGHT.increase
    assert meaning.colour(palette.LIGHT, "bad") == palette.LIGHT.decrease
    assert meaning.colour(palette.LIGHT, "muted") == palette.LIGHT.muted


def test_the_app_style_sheet_follows_the_palette() -> None:
    from srbrief.gui.widgets import style_sheet

    sheet = style_sheet(palette.DARK)
    assert palette.DARK.card in sheet and palette.LIGHT.card not in sheet
