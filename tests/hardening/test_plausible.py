"""Validation refuses values that cannot be true or cannot be shown, with FILE:LINE:COL (also `validate`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.model import BriefingError, parse_briefing
from tests.conftest import MINIMAL

SHARE = MINIMAL.replace(
    "    charts:\n",
    "      - id: export-share\n        label: {zh: 出口占比, en: Export share}\n        value: 94.3\n"
    "        unit: percent\n        source: 出口占比94.3%\n    charts:\n"
    "      - id: export-ring\n        kind: share\n        title: {zh: 出口, en: Exports}\n"
    "        items: [export-share]\n", 1)


DERIVED = "        derived: {zh: 推算, en: estimated}\n"


def with_value(text: str, value: str) -> str:
    """Return *text* with the suppliers' value set, marked derived (so no clause needs to state it)."""
    return text.replace("        value: 600\n", f"        value: {value}\n" + DERIVED, 1)


def problem(text: str) -> str:
    with pytest.raises(BriefingError) as info:
        parse_briefing(text, "t.yaml")
    return str(info.value.problems[0])


def test_the_share_file_is_valid() -> None:
    parse_briefing(SHARE, "t.yaml")


def test_a_share_over_100_percent_is_refused() -> None:
    text = SHARE.replace("        value: 94.3\n", "        value: 150\n" + DERIVED)
    assert "cannot be more than 100 %" in problem(text)


@pytest.mark.parametrize(("old", "new", "where", "says"), [
    ("as_of: '2025-10-11'", "as_of: '2025-02-31'", "t.yaml:9:8", "not a date that exists"),
    ("date: '2025-10-11'", "date: '2025-13-01'", "t.yaml:7:9", "date"),
    ("date: '2024'", "date: '2023-02-29'", "t.yaml:21:11", "not a date that exists"),
    ("period: '2024'", "period: 2025-07/2023-06", "t.yaml:35:17", "ends (2023-06) before it starts (2025-07)"),
    ("period: '2024'", "period: 2024-04-31", "t.yaml:35:17", "not a date that exists"),
    ("value: 600", "1.0e-300", "t.yaml:39:16", "too small"),
    ("value: 600", "0.0000001", "t.yaml:39:16", "too small"),
    ("value: 600", "600.1234567", "t.yaml:39:16", "decimal places"),
])
def test_impossible_dates_periods_and_magnitudes_are_refused(old: str, new: str, where: str, says: str) -> None:
    text = with_value(MINIMAL, new) if old == "value: 600" else MINIMAL.replace(old, new, 1)
    assert text != MINIMAL
    message = problem(text)
    assert message.startswith(where) and says in message


@pytest.mark.parametrize("value", ["0", "0.000001", "1e15", "94.25", "2025"])
def test_plausible_values_still_pass(value: str) -> None:
    parse_briefing(with_value(MINIMAL, value.replace("1e15", "1.0e+15")), "t.yaml")


def test_validate_and_set_refuse_them_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "b.yaml"
    target.write_text(SHARE, encoding="utf-8")
    assert main(["set", str(target), "metrics.export-share.value=150", "metrics.export-share.derived.zh=推算",
                 "metrics.export-share.derived.en=estimated"]) == 2
    assert main(["set", str(target), "metrics.suppliers.value=0.0000000001", "metrics.suppliers.derived.zh=推算",
                 "metrics.suppliers.derived.en=estimated"]) == 2
    assert main(["set", str(target), "metrics.revenue.period=2025-07/2023-06"]) == 2
    assert target.read_text(encoding="utf-8") == SHARE
    target.write_text(MINIMAL.replace("as_of: '2025-10-11'", "as_of: '2025-02-31'"), encoding="utf-8")
    assert main(["validate", str(target)]) == 2
    assert "2025-02-31 is not a date that exists" in capsys.readouterr().err
