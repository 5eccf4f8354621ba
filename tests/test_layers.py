"""Arrows point one way: the layers contracts are in the lint configuration, and inside the deck no import
hides in a function (the deck's modules import each other at the top, in layer order)."""

from __future__ import annotations

import re
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "src" / "srbrief" / "deck"


def test_layers_contracts_are_linted() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = [c for c in contracts["contracts"] if c["type"] == "layers"]
    top = next(c for c in layers if "containers" not in c)
    assert top["layers"][1:7] == ["srbrief.cli", "srbrief.gui", "srbrief.deck", "srbrief.charts", "srbrief.edit",
                                  "srbrief.model"]
    inner = next(c for c in layers if c.get("containers") == ["srbrief.deck"])
    order = inner["layers"]
    assert order.index("layout") < order.index("plan") < order.index("boxes | plandata")


def test_no_module_of_the_plan_or_the_layout_imports_inside_a_function() -> None:
    """(The PPTX writer's modules are loaded on first export, for start-up time: not to dodge a cycle.)"""
    core = ("plan", "plan_slides", "plandata", "layout", "layout_body", "boxes", "tables", "words")
    found = [f"{name}.py: {line.strip()}" for name in core
             for line in (DECK / f"{name}.py").read_text(encoding="utf-8").splitlines()
             if re.match(r"\s+(from|import) srbrief", line)]
    assert found == []
