"""Nothing but the edited value changes: anchors and aliases, block scalars, list assignments, comments, line
endings, values other YAML tools read differently, and one scanner's rules with or without libyaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from srbrief.cli import main
from srbrief.edit import Document, SetField
from srbrief.edit.assign import assignments_edit
from srbrief.model import BriefingError, parse_briefing
from tests.conftest import MINIMAL
from tests.edit.styled import STYLED


def edited(text: str, *assignments: str) -> str:
    doc = Document(text, "t.yaml")
    edit, _ = assignments_edit(doc, list(assignments))
    doc.apply(edit)
    return doc.text


def both_loaders(text: str) -> object:
    fast = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert yaml.load(text, Loader=yaml.SafeLoader) == fast
    return fast


def test_the_styled_file_is_valid() -> None:
    parse_briefing(STYLED, "styled.yaml")


@pytest.mark.parametrize("path", ["title.en", "subtitle.en"])
def test_a_path_through_an_alias_or_anchor_is_refused(path: str) -> None:
    doc = Document(STYLED, "t.yaml")
    with pytest.raises(BriefingError, match="anchor") as info:
        doc.apply(assignments_edit(doc, [f"{path}=Other"])[0])
    assert info.value.problems[0].line == 3  # where the shared text is written
    assert doc.text == STYLED


def test_an_unused_anchor_on_an_edited_value_stays() -> None:
    text = edited(STYLED, "metrics.suppliers.label.en=Firms")
    assert "en: &sup Firms}  # an anchor nobody uses\n" in text


def test_a_block_scalar_keeps_its_style_and_header_comment() -> None:
    text = edited(STYLED, "sections.overview.lede.en=A new lede", "sections.overview.lede.zh=新导语\n")
    assert "      en: >-  # folded\n        A new lede\n    metrics:" in text
    assert "      zh: |  # literal\n        新导语\n      en:" in text
    text = edited(STYLED, "sections.overview.lede.en=Several\nlines")
    assert "      en: |-  # folded\n        Several\n        lines\n" in text


def test_a_block_list_assignment_keeps_block_style_and_comments() -> None:
    text = edited(STYLED, "facts.rail-sea.route=ningbo,shangrao")
    assert "        route:  # the corridor\n" in text and "          - shangrao  # start\n" in text
    assert "route: [" not in text
    assert both_loaders(text)["sections"][1]["facts"][0]["route"] == ["ningbo", "shangrao"]


def test_a_multi_line_flow_list_keeps_its_lines_and_comments() -> None:
    text = edited(STYLED, "charts.kpis.items=revenue")
    assert "        items: [\n          revenue  # first\n        ]\n" in text
    text = edited(STYLED, "charts.kpis.items=suppliers,revenue")
    assert "# first" in text and "items: [\n" in text
    assert both_loaders(text)["sections"][0]["charts"][0]["items"] == ["suppliers", "revenue"]


def test_a_one_line_flow_list_stays_one_line() -> None:
    assert "        items: [suppliers]\n" in edited(MINIMAL, "charts.kpis.items=suppliers")
    assert "        items: [revenue, suppliers]\n" in edited(MINIMAL.replace("[revenue, suppliers]", "[revenue]"),
                                                            "charts.kpis.items=revenue,suppliers")


@pytest.mark.parametrize("value", ["1e3", "0o17", "0x1F", "+12", ".5", "-.inf", ".NaN", "Null", "TRUE", "~"])
def test_values_yaml_1_2_reads_as_numbers_are_quoted(value: str) -> None:
    from srbrief.edit import splice

    for text in ("k: old\n", "k: [old]\n"):
        new = splice.set_value(text, ("k",) if text == "k: old\n" else ("k", 0), value)
        assert f"'{value}'" in new or f'"{value}"' in new
        assert both_loaders(new) in ({"k": value}, {"k": [value]})


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_files_keep_their_line_endings_and_positions(tmp_path: Path, newline: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "b.yaml"
    target.write_bytes(MINIMAL.replace("\n", newline).encode("utf-8"))
    assert main(["set", str(target), "metrics.revenue.label.en=X", "metrics.suppliers.note.zh=注",
                 "metrics.suppliers.note.en=Note"]) == 0
    data = target.read_bytes().decode("utf-8")
    assert data.replace(newline, "") == data.replace(newline, "").replace("\n", "")  # no stray LF
    assert data.count(newline) == MINIMAL.count("\n") + 1
    assert main(["set", str(target), "metrics.revenue.unit=nonsense"]) == 2
    assert capsys.readouterr().err.split(":")[1:3] == ["34", "15"]  # the line of the unit, not 1:1


def test_a_tab_between_tokens_is_refused_with_or_without_libyaml() -> None:
    with pytest.raises(BriefingError, match="tab") as info:
        parse_briefing(MINIMAL.replace("id: mini\n", "id: mini\t\n"), "t.yaml")
    assert (info.value.problems[0].line, info.value.problems[0].col) == (2, 9)
    parse_briefing(MINIMAL.replace("id: mini\n", "id: mini  # a\tcomment\n"), "t.yaml")


def test_an_edit_that_would_change_another_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from srbrief.edit import splice

    real = splice.set_value

    def sloppy(text: str, path: tuple[object, ...], value: object) -> str:
        return real(text, path, value).replace("Suppliers", "Vendors")

    monkeypatch.setattr(splice, "set_value", sloppy)
    doc = Document(MINIMAL, "t.yaml")
    with pytest.raises(BriefingError, match="change more than"):
        doc.apply(SetField(doc.target("metrics.revenue.label.en").path, "Other"))
    assert doc.text == MINIMAL


@pytest.mark.parametrize("value", [[{"x": "y", "w": [{"v": 1}]}], "inline"])
def test_a_comment_on_the_key_line_survives_a_new_value(value: object) -> None:
    from srbrief.edit import splice

    text = "a:\n  k:  # a note\n  z: 1\n"
    new = splice.set_value(text, ("a", "k"), value)
    assert "k:" in new and "# a note" in new and both_loaders(new) == {"a": {"k": value, "z": 1}}


def test_removing_an_alias_is_refused_not_duplicated() -> None:
    from srbrief.edit import RemoveField

    doc = Document(STYLED, "t.yaml")
    with pytest.raises(BriefingError, match="anchor"):
        doc.apply(RemoveField(doc.target("subtitle").path))
    assert doc.text == STYLED
