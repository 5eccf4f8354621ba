"""Undo names say a text as the reader reads it: its references by the figures' values when the figures are
given, else by their names, never by their ids (Qt-free), on the built-in briefing and on another one."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.edit import SetField
from srbrief.edit.address import find_id
from srbrief.edit.describe import describe
from srbrief.edit.yamltext import compose, parsed
from srbrief.model import load_briefing
from srbrief.model.units import format_value
from srbrief.resources import builtin_briefing_path

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("source", [builtin_briefing_path(), DATA / "jiujiang" / "jiujiang.yaml"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_text_is_named_by_values_or_labels_never_ids(source: Path, lang: str) -> None:
    briefing = load_briefing(source)
    point = next(p for p in briefing.points if p.figures)
    figure = briefing.find(point.figures[0])
    text = parsed(source.read_text(encoding="utf-8"))
    path = find_id(compose(text), point.id)
    assert path is not None
    command = SetField((*path, "message", lang), f"{{{figure.id}}} {{=2024}}")
    figures = {m.id: m for m in briefing.metrics}
    for name, shown in ((describe(command, text, lang, figures=figures), format_value(figure, lang)),
                        (describe(command, text, lang), f"［{figure.label.get(lang)}］")):
        assert figure.id not in name and "{" not in name and "［2024］" not in name, name
        assert shown.replace("\u00a0", " ") in name.replace("\u00a0", " "), name
        assert "2024" in name
