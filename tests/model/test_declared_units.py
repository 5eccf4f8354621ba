"""The unit list is open: a briefing declares units of its own (code, Chinese, English); validation, prose,
cards, charts and the deck render them; a declaration that clashes with a built-in unit is refused."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from srbrief.model import BriefingError, load_briefing
from srbrief.model.refs import render
from srbrief.model.units import format_value, metric_unit, value_parts
from tests.conftest import MINIMAL

DECLARED = MINIMAL.replace("as_of: '2025-10-11'\n", """as_of: '2025-10-11'
units:
  - {code: ship-calls, zh: 艘次, en: ship calls}
""").replace("""    charts:
      - id: kpis""", """      - id: port-calls
        label: {zh: 进出港船舶, en: Ships in and out}
        value: 3200
        unit: ship-calls
        period: '2024'
        source: 全年进出港船舶3200艘次
    charts:
      - id: kpis""").replace("items: [revenue, suppliers]", "items: [revenue, suppliers, port-calls]").replace(
    'text: {zh: "营收达{revenue}", en: "Revenue reached {revenue}"}',
    'text: {zh: "营收达{revenue}，船舶{port-calls}", en: "Revenue reached {revenue}; {port-calls}"}')


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "declared.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_declared_unit_validates_and_renders_in_both_languages(tmp_path: Path) -> None:
    briefing = load_briefing(write(tmp_path, DECLARED))
    assert [u.code for u in briefing.units] == ["ship-calls"]
    metric = briefing.find("port-calls")
    assert format_value(metric, "zh") == "3200艘次"
    assert format_value(metric, "en") == "3,200\u00a0ship calls"
    assert value_parts(metric, "en") == ("3,200", "ship calls")
    event = briefing.timeline[0]
    metrics = {m.id: m for m in briefing.metrics}
    assert render(event.text.zh, metrics, "zh").endswith("船舶3200艘次")
    assert metric_unit(metric).zh == "艘次"


def test_a_declared_unit_reaches_the_deck(tmp_path: Path) -> None:
    from pptx import Presentation

    from srbrief.deck.export import export_pptx

    briefing = load_briefing(write(tmp_path, DECLARED))
    for lang, shown in (("zh", "3200"), ("en", "3,200")):
        target = tmp_path / f"deck-{lang}.pptx"
        export_pptx(briefing, target, lang)
        texts = [run.text for slide in Presentation(str(target)).slides for shape in slide.shapes
                 if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs]
        joined = " ".join(texts)
        assert shown in joined and ("艘次" in joined if lang == "zh" else "ship calls" in joined)


@pytest.mark.parametrize(("change", "fragment"), [
    (("units:\n", "units:\n  - {code: jia, zh: 只数, en: things}\n"), "'jia' is a built-in unit"),
    (("units:\n", "units:\n  - {code: homes, zh: 家, en: homes}\n"), "家 is the built-in unit 'jia'"),
    (("units:\n", "units:\n  - {code: ship-calls, zh: 船次, en: calls}\n"), "'ship-calls' is declared twice"),
    (("unit: ship-calls", "unit: boats"), "unknown unit 'boats'"),
])
def test_declarations_that_clash_are_refused(tmp_path: Path, change: tuple[str, str], fragment: str) -> None:
    with pytest.raises(BriefingError) as caught:
        load_briefing(write(tmp_path, DECLARED.replace(*change)))
    assert any(fragment in p.message for p in caught.value.problems), caught.value.problems


def test_the_other_shape_has_no_declared_units_and_still_loads() -> None:
    briefing = load_briefing(Path(__file__).parents[1] / "data" / "six-themes.yaml")
    assert briefing.units == ()


def test_a_declared_unit_reaches_the_charts(tmp_path: Path) -> None:
    import io

    from srbrief.charts import render_chart

    briefing = load_briefing(write(tmp_path, DECLARED))
    for lang, number, words in (("zh", "3200", "艘次"), ("en", "3,200", "ship calls")):
        buffer = io.BytesIO()
        render_chart(briefing, briefing.find("kpis"), lang, buffer, fmt="svg")
        svg = buffer.getvalue().decode("utf-8")
        assert f">{number}<" in svg and f">{words}<" in svg, lang  # the card's number, then its unit


def test_declared_units_belong_to_their_briefing(tmp_path: Path) -> None:
    """Two briefings loaded in one process (the app opening another file, the update dialog) each render the
    units they declare, and one that does not declare a unit cannot use it, whatever was loaded before."""
    first = load_briefing(write(tmp_path, DECLARED))
    other = tmp_path / "other"
    other.mkdir()
    second = load_briefing(write(other, DECLARED.replace("{code: ship-calls, zh: 艘次, en: ship calls}",
                                                         "{code: ship-calls, zh: 船次, en: vessel calls}")
                                  .replace("3200艘次", "3200船次")))
    assert format_value(first.find("port-calls"), "zh") == "3200艘次"  # loaded first, still its own unit
    assert format_value(second.find("port-calls"), "zh") == "3200船次"
    assert format_value(first.find("port-calls"), "en") == "3,200\u00a0ship calls"
    assert format_value(second.find("port-calls"), "en") == "3,200\u00a0vessel calls"
    undeclared = DECLARED.replace("units:\n  - {code: ship-calls, zh: 艘次, en: ship calls}\n", "")
    assert "units:" not in undeclared
    with pytest.raises(BriefingError) as caught:
        load_briefing(write(tmp_path, undeclared))
    assert any("unknown unit 'ship-calls'" in p.message for p in caught.value.problems)
    loose = dataclasses.replace(first.find("port-calls"), resolved_unit=None)  # a figure outside any briefing
    with pytest.raises(KeyError):
        format_value(loose, "zh")


def test_a_declared_unit_is_not_carried_into_the_other_shape(tmp_path: Path) -> None:
    """The six-theme briefing loaded after one that declares ship-calls still refuses a figure in ship-calls."""
    load_briefing(write(tmp_path, DECLARED))
    path = Path(__file__).parents[1] / "data" / "six-themes.yaml"
    text = path.read_text(encoding="utf-8")
    assert "unit: jia," in text
    changed = tmp_path / "six.yaml"
    changed.write_text(text.replace("unit: jia,", "unit: ship-calls,", 1), encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_briefing(changed)
    assert any("unknown unit 'ship-calls'" in p.message for p in caught.value.problems)
