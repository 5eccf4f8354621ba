"""Arrows point one way: the layers contracts are in the lint configuration, and inside the deck no import
hides in a function (the deck's modules import each other at the top, in layer order)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "src" / "srbrief" / "deck"


def test_layers_contracts_are_linted() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = [c for c in contracts["contracts"] if c["type"] == "layers"]
    top = next(c for c in layers if "containers" not in c)
    assert top["layers"][1:7] == ["srbrief.cli", "srbrief.gui", "srbrief.deck", "srbrief.charts", "srbrief.edit",
                                  "srbrief.model"]
    inner = next(c for c in layers if c.get("containers") == ["srbrief.deck"])
    assert inner["layers"].index("layout") < inner["layers"].index("plan") < inner["layers"].index("plandata")


def test_no_deck_module_imports_another_inside_a_function() -> None:
    found = [f"{path.name}: {line.strip()}" for path in sorted(DECK.glob("*.py"))
             for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s+from srbrief\.deck", line)]
    assert found == []
