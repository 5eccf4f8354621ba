"""One test per kind of validation error: message, FILE:LINE, exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.model import BriefingError, parse_briefing


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """Return the 1-based line of the *occurrence*-th line containing *needle*."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[occurrence - 1]


def validate(tmp_path: Path, text: str | bytes, capsys: pytest.CaptureFixture[str],
             *extra: str) -> tuple[int, list[str]]:
    path = tmp_path / "bad.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    code = main(["validate", str(path), *extra])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


def expect(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes, line: int, *fragments: str,
           extra: tuple[str, ...] = ()) -> None:
    code, lines = validate(tmp_path, text, capsys, *extra)
    assert code == 2
    assert lines, "an error must be reported"
    first = lines[0]
    assert first.startswith(f"{tmp_path / 'bad.yaml'}:{line}:"), first
    for fragment in fragments:
        assert fragment in first, first


def expect_among(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes, line: int, *fragments: str,
                 extra: tuple[str, ...] = ()) -> None:
    """Like :func:`expect`, for a problem reported among others (not necessarily the first)."""
    code, lines = validate(tmp_path, text, capsys, *extra)
    assert code == 2
    where = f"{tmp_path / 'bad.yaml'}:{line}:"
    assert any(text.startswith(where) and all(f in text for f in fragments) for text in lines), lines


def test_minimal_document_is_valid(minimal_yaml: str) -> None:
    briefing = parse_briefing(minimal_yaml, "mini.yaml")
    assert [m.id for m in briefing.metrics] == ["revenue", "suppliers"]
    assert briefing.find("rail-sea").route == ("shangrao", "ningbo")


def test_yaml_syntax_error(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("        value: 6261\n", "        value: [6261\n")
    expect(tmp_path, capsys, bad, line_of(bad, "unit: yi-yuan"), "YAML syntax error")


def test_truncated_file(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml[: minimal_yaml.index("  headline:") + 25]
    code, lines = validate(tmp_path, bad, capsys)
    assert code == 2 and "bad.yaml:" in lines[0]


def test_wrong_type_number(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("value: 6261", "value: abc")
    expect(tmp_path, capsys, bad, line_of(bad, "value: abc"),
           "sections[0].metrics[0].value: expected a number, got 'abc'")


def test_wrong_type_list(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("items: [revenue, suppliers]", "items: revenue")
    expect(tmp_path, capsys, bad, line_of(bad, "items: revenue"),
           "sections[0].charts[0].items: expected a list, got 'revenue'")


def test_boolean_is_not_a_number(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("value: 600", "value: true")
    expect(tmp_path, capsys, bad, line_of(bad, "value: true"), "expected a number, got True")


def test_missing_field(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("        value: 6261\n", "")
    expect(tmp_path, capsys, bad, line_of(bad, "- id: revenue"),
           "sections[0].metrics[0].value: missing (required)")


def test_unknown_field(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("qualifier: more_than", "qualifer: more_than")
    # reported with its consequence: without the qualifier, 600 (exact) is not what 600余家 says
    expect_among(tmp_path, capsys, bad, line_of(bad, "qualifer:"), "sections[0].metrics[1].qualifer: unknown field")


def test_bad_enum_value(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("qualifier: more_than", "qualifier: lots")
    expect(tmp_path, capsys, bad, line_of(bad, "qualifier: lots"), "expected one of 'exact', 'more_than'")


def test_unknown_unit(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("unit: jia", "unit: dozen")
    expect(tmp_path, capsys, bad, line_of(bad, "unit: dozen"), "sections[0].metrics[1].unit: unknown unit 'dozen'",
           "declare it under units")


def test_duplicate_id(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("- id: suppliers", "- id: revenue")
    expect(tmp_path, capsys, bad, line_of(bad, "- id: revenue", 2),
           "sections[0].metrics[1].id: duplicate id 'revenue' (first used at sections[0].metrics[0])")


def test_duplicate_key(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("        value: 600\n", "        value: 600\n        value: 700\n")
    expect(tmp_path, capsys, bad, line_of(bad, "value: 700"), "duplicate key 'value'")


def test_chart_reference_to_unknown_id(tmp_path: Path, minimal_yaml: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("items: [revenue, suppliers]", "items: [revenue, exports]")
    expect(tmp_path, capsys, bad, line_of(bad, "items: [revenue, exports]"),
           "sections[0].charts[0].items[1]: unknown id 'exports'")


def test_chart_reference_of_wrong_kind(tmp_path: Path, minimal_yaml: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("items: [revenue, suppliers]", "items: [revenue, shangrao]")
    expect(tmp_path, capsys, bad, line_of(bad, "items: [revenue, shangrao]"),
           "'shangrao' is a entity, expected a metric")


def test_route_to_unknown_place(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("route: [shangrao, ningbo]", "route: [shangrao, ningde]")
    expect(tmp_path, capsys, bad, line_of(bad, "route: [shangrao, ningde]"), "route[1]: unknown id 'ningde'")


def test_a_two_way_link_joins_two_places(tmp_path: Path, minimal_yaml: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("kind: corridor", "kind: link").replace("route: [shangrao, ningbo]",
                                                                      "route: [shangrao, ningbo, shangrao]")
    expect(tmp_path, capsys, bad, line_of(bad, "route: [shangrao, ningbo, shangrao]"),
           "a two-way link joins two places")


@pytest.mark.parametrize("literal", [".nan", ".inf", "-.inf", "1.0e+400"])
def test_non_finite_number(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str],
                           literal: str) -> None:
    bad = minimal_yaml.replace("value: 6261", f"value: {literal}")
    expect(tmp_path, capsys, bad, line_of(bad, f"value: {literal}"), "expected a finite number")


def test_missing_translation(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("label: {zh: 供应商, en: Suppliers}", "label: {zh: 供应商}")
    expect(tmp_path, capsys, bad, line_of(bad, "label: {zh: 供应商}"),
           "sections[0].metrics[1].label.en: missing translation 'en'")


def test_empty_translation(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("en: Suppliers}", "en: ''}")
    expect(tmp_path, capsys, bad, line_of(bad, "label: {zh: 供应商"), "label.en: must not be empty")


@pytest.mark.parametrize("text", ["- a\n- b\n", "just a string\n", "42\n"])
def test_document_not_a_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    expect(tmp_path, capsys, text, 1, "expected a mapping at the top of the document")


def test_empty_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect(tmp_path, capsys, "# nothing here\n", 1, "the file is empty")


def test_wrong_schema_version(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("schema: srbrief/1", "schema: srbrief/9")
    expect(tmp_path, capsys, bad, 1, "unsupported schema 'srbrief/9'")


def test_source_clause_not_in_article(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str],
                                      article_text: str) -> None:
    bad = minimal_yaml.replace("source: 600余家供应商", "source: 700余家供应商").replace("value: 600\n", "value: 700\n")
    article = tmp_path / "article.txt"
    article.write_text(article_text, encoding="utf-8")
    expect(tmp_path, capsys, bad, line_of(bad, "source: 700余家供应商"),
           "sections[0].metrics[1].source", "source clause not found verbatim", extra=("--source-text", str(article)))
    # without the article's text the same file is valid: the check is made against a text when there is one
    assert validate(tmp_path, bad, capsys)[0] == 0
    # ... and a document that gives its text is checked by default, with no option
    with_text = bad.replace("  headline: {zh: 标题, en: Headline}\n",
                            "  headline: {zh: 标题, en: Headline}\n  text: article.txt\n")
    expect(tmp_path, capsys, with_text, line_of(with_text, "source: 700余家供应商"),
           "sections[0].metrics[1].source", "source clause not found verbatim in the text of 'source'")
    assert validate(tmp_path, with_text.replace("700余家", "600余家").replace("value: 700\n", "value: 600\n"),
                    capsys)[0] == 0


def test_python_tag_is_refused_and_not_executed(tmp_path: Path, minimal_yaml: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "executed"
    bad = minimal_yaml.replace(
        "id: mini", f"id: !!python/object/apply:os.system ['touch {marker}']")
    expect(tmp_path, capsys, bad, line_of(bad, "!!python"), "tag 'tag:yaml.org,2002:python/object/apply:os.system'"
           " is not allowed")
    assert not marker.exists()


def test_custom_tag_is_refused(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("value: 6261", "value: !money 6261")
    expect(tmp_path, capsys, bad, line_of(bad, "!money"), "tag '!money' is not allowed")


def test_alias_bomb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    expect(tmp_path, capsys, "\n".join(lines) + "\n", 1, "document too large")


def test_deep_nesting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect(tmp_path, capsys, "a: " + "[" * 10_000 + "]" * 10_000 + "\n", 1, "nesting")  # ours or libyaml's limit


def test_deep_block_nesting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "end: 1\n"
    expect(tmp_path, capsys, text, 65, "nesting deeper than 64")


def test_file_too_large(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect(tmp_path, capsys, b"# " + b"x" * (6 * 1024 * 1024) + b"\n", 1, "file too large")


def test_binary_garbage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect(tmp_path, capsys, bytes(range(256)) * 4, 2, "not UTF-8 text")


def test_nul_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect(tmp_path, capsys, b"schema: srbrief/1\nid: \x00\n", 2, "binary data")


def test_place_without_location(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("    location: {lat: 29.87, lon: 121.55}\n", "")
    expect(tmp_path, capsys, bad, line_of(bad, "- id: ningbo"), "entities[1]: a place needs a location")


def test_latitude_out_of_range(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("lat: 29.87", "lat: 129.87")
    expect(tmp_path, capsys, bad, line_of(bad, "lat: 129.87"), "entities[1].location.lat: must be at most 90")


def test_bad_date(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("as_of: '2025-10-11'", "as_of: '11/10/2025'")
    expect(tmp_path, capsys, bad, line_of(bad, "as_of:"), "as_of: '11/10/2025' does not match")


def test_unquoted_date_is_accepted(minimal_yaml: str) -> None:
    briefing = parse_briefing(minimal_yaml.replace("as_of: '2025-10-11'", "as_of: 2025-10-11"), "m.yaml")
    assert briefing.as_of == "2025-10-11"


def test_rank_needs_rank_unit(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("qualifier: more_than", "qualifier: rank")
    # reported with its consequence: a rank 600 is not what 600余家 says
    expect_among(tmp_path, capsys, bad, line_of(bad, "unit: jia"), "qualifiers rank and top go with unit rank")


def test_share_chart_rules(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = minimal_yaml.replace("kind: kpi", "kind: share")
    expect(tmp_path, capsys, bad, line_of(bad, "items: [revenue, suppliers]"), "a share chart shows a part")


def test_all_problems_reported_sorted(minimal_yaml: str) -> None:
    bad = minimal_yaml.replace("value: 6261", "value: abc").replace("en: Suppliers}", "en: ''}")
    with pytest.raises(BriefingError) as info:
        parse_briefing(bad, "m.yaml")
    assert len(info.value.problems) == 2
    assert info.value.problems[0].line < info.value.problems[1].line


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(tmp_path / "nope.yaml")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "nope.yaml:1:1: cannot read the file" in err[0]


def test_timeline_chart_with_no_events(tmp_path: Path, minimal_yaml: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    chart = "      - id: events\n        kind: timeline\n        title: {zh: 大事记, en: Timeline}\n        items: []\n"
    no_timeline = minimal_yaml[:minimal_yaml.index("timeline:\n")] + minimal_yaml[minimal_yaml.index("sections:\n"):]
    kpis = "        items: [revenue, suppliers]\n"
    bad = no_timeline.replace(kpis, kpis + chart)
    expect(tmp_path, capsys, bad, line_of(bad, "items: []"), "a timeline chart needs events")
    fine = minimal_yaml.replace(kpis, kpis + chart)
    assert validate(tmp_path, fine, capsys)[0] == 0  # with the briefing's timeline: its events
