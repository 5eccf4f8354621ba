"""Render every chart of the built-in briefing and tile them into docs/charts-<lang>.png.

    .venv/bin/python docs/make_contact_sheet.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from srbrief.charts import render_chart
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path

COLUMNS = 3


def contact_sheet(lang: str, target: Path) -> None:
    briefing = load_briefing(builtin_briefing_path())
    tiles = []
    for chart in briefing.charts:
        buffer = io.BytesIO()
        render_chart(briefing, chart, lang, buffer, dpi=60, fmt="png")
        tiles.append(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    width, height = tiles[0].size
    rows = -(-len(tiles) // COLUMNS)
    gap = 8
    sheet = Image.new("RGB", (COLUMNS * width + (COLUMNS - 1) * gap, rows * height + (rows - 1) * gap), "#c9d1db")
    for i, tile in enumerate(tiles):
        sheet.paste(tile, ((i % COLUMNS) * (width + gap), (i // COLUMNS) * (height + gap)))
    sheet.save(target, optimize=True)


if __name__ == "__main__":
    for language in ("zh", "en"):
        contact_sheet(language, Path(__file__).with_name(f"charts-{language}.png"))
