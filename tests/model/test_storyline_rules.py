"""Validation of the storyline: each rule reports FILE:LINE:COL and exits 2; a good storyline loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.model import BriefingError, Good, parse_briefing
from tests.model.test_loader_errors import expect, line_of, validate

POINT = """\
    points:
      - id: p-revenue
        message:
          zh: 2024年营收达{revenue}，供应商{suppliers}
          en: Revenue reached {revenue} in 2024, with {suppliers} suppliers
        figures: [revenue, suppliers]
        chart: kpis
        sources: [2024年规上工业营业收入达6261亿元, 600余家供应商]
        facts:
          - text:
              zh: 2024年规上工业营业收入达{revenue}。
              en: Above-scale industrial revenue reached {revenue} in 2024.
            source: 2024年规上工业营业收入达6261亿元
"""
ANCHOR = "        items: [revenue, suppliers]\n"
TOP = """\
summary:
  - section: theme-1
    message: {zh: "营收达{revenue}", en: "Revenue of {revenue}"}
    figure: revenue
    sources: [2024年规上工业营业收入达6261亿元]
outlook:
  - text: {zh: 对标长三角打造一流营商环境, en: Benchmark against the Delta}
    source: 对标长三角打造一流营商环境
"""


def with_point(minimal: str, point: str = POINT, top: str = "") -> str:
    """Return the minimal briefing with *point* under the overview and *top* before the sections."""
    text = minimal.replace(ANCHOR, ANCHOR + point)
    return text.replace("sections:\n", top + "sections:\n") if top else text


def test_a_storyline_loads(minimal_yaml: str) -> None:
    briefing = parse_briefing(with_point(minimal_yaml, top=TOP), "mini.yaml")
    point = briefing.find("p-revenue")
    assert point.figures == ("revenue", "suppliers") and point.chart == "kpis"
    assert point.facts[0].source.clause == "2024年规上工业营业收入达6261亿元"
    assert briefing.summary[0].figure == "revenue" and briefing.outlook[0].text.en == "Benchmark against the Delta"
    assert briefing.section_of("p-revenue").id == "overview"
    assert briefing.points == (point,)


def test_old_files_have_no_storyline(minimal_yaml: str) -> None:
    briefing = parse_briefing(minimal_yaml, "mini.yaml")
    assert briefing.points == () and briefing.summary == () and briefing.outlook == ()
    assert briefing.organisation is None and not briefing.metrics[0].derived and briefing.metrics[0].good is None


@pytest.mark.parametrize(("lang", "wrong", "number"),
                         [("zh", "6216亿元", "6216"), ("en", "CNY\u00a062.61\u00a0bn", "62.61")])
def test_a_literal_number_in_a_message_is_refused(tmp_path: Path, minimal_yaml: str,
                                                  capsys: pytest.CaptureFixture[str], lang: str, wrong: str,
                                                  number: str) -> None:
    """A number in a message is a reference to a figure: a literal one (even a wrong one) is refused."""
    right = "达{revenue}，" if lang == "zh" else "reached {revenue}"
    bad = with_point(minimal_yaml, POINT.replace(right, f"达{wrong}，" if lang == "zh" else f"reached {wrong}"))
    assert bad != with_point(minimal_yaml)
    line = line_of(bad, wrong)
    expect(tmp_path, capsys, bad, line, f"sections[0].points[0].message.{lang}: {number}", "written as a literal")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_message_figure_no_cited_figure_carries(tmp_path: Path, minimal_yaml: str,
                                                  capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """A reference to a figure that is not among the point's figures states a number they do not carry."""
    bad = with_point(minimal_yaml, POINT.replace("figures: [revenue, suppliers]", "figures: [revenue]"))
    line = line_of(bad, "{suppliers}", 1 if lang == "zh" else 2)
    code, lines = validate(tmp_path, bad, capsys)
    assert code == 2
    found = [text for text in lines if f"bad.yaml:{line}:" in text and f"points[0].message.{lang}: " in text]
    assert found and "600 is not carried by the point's figures" in found[0], lines


def test_the_english_number_must_be_the_displayed_one(tmp_path: Path, minimal_yaml: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """626.1 billion is shown in English: a reference renders it so; the Chinese 6261 written in English is
    refused (as a literal)."""
    shown = parse_briefing(with_point(minimal_yaml), "mini.yaml").points[0].message
    assert "CNY\u00a0626.1\u00a0bn" in shown.en and "6261" not in shown.en and "6261亿元" in shown.zh
    bad = with_point(minimal_yaml, POINT.replace("{revenue} in 2024", "6261 (100 million yuan) in 2024"))
    expect(tmp_path, capsys, bad, line_of(bad, "6261 (100 million"), "message.en", "6261", "written as a literal")


def test_a_message_without_figures_states_no_number(tmp_path: Path, minimal_yaml: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = with_point(minimal_yaml, POINT.replace("figures: [revenue, suppliers]", "figures: []"))
    expect(tmp_path, capsys, bad, line_of(bad, "zh: 2024年营收"), "message.zh", "no figures cited")


@pytest.mark.parametrize(("written", "shown"), [
    ("{suppliers} suppliers", "over\u00a0600 suppliers"),
    ("{=600+} suppliers", "600+ suppliers"),
    ("G60 partners, 5G and {suppliers} suppliers", "G60 partners, 5G and over\u00a0600 suppliers"),
])
def test_numbers_as_displayed_and_names_pass(minimal_yaml: str, written: str, shown: str) -> None:
    text = with_point(minimal_yaml, POINT.replace("{suppliers} suppliers", written))
    assert parse_briefing(text, "mini.yaml").points[0].message.en.endswith(shown)


def test_thousands_separators_either_way(minimal_yaml: str) -> None:
    text = with_point(minimal_yaml).replace("value: 600\n", "value: 1234\n").replace("600余家", "1234余家")
    assert parse_briefing(text, "mini.yaml").points[0].message.en.endswith("over\u00a01,234 suppliers")
    for written in ("1,234", "1234"):
        ok = text.replace("with {suppliers} suppliers", f"with over {{={written}}} suppliers")
        assert parse_briefing(ok, "mini.yaml").points[0].message.en.endswith(f"over {written} suppliers")


def test_an_ordinal_is_a_number(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = with_point(minimal_yaml, POINT.replace("with {suppliers} suppliers", "ranked 2nd"))
    expect(tmp_path, capsys, bad, line_of(bad, "ranked 2nd"), "message.en", "2 written as a literal")
    escaped = with_point(minimal_yaml, POINT.replace("with {suppliers} suppliers", "ranked {=2nd}"))
    expect(tmp_path, capsys, escaped, line_of(escaped, "ranked {=2nd}"), "message.en", "2 is not carried")


def test_at_most_six_figures(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = with_point(minimal_yaml, POINT.replace(
        "figures: [revenue, suppliers]", "figures:\n" + "".join(["          - revenue\n"] * 6)
        + "          - suppliers\n"))
    expect(tmp_path, capsys, bad, line_of(bad, "- suppliers"), "points[0].figures[6]: at most 6 items, got 7")


def test_at_most_three_facts(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    fact = POINT[POINT.index("          - text:"):]
    bad = with_point(minimal_yaml, POINT + fact * 3)
    code, lines = validate(tmp_path, bad, capsys)
    assert code == 2 and "points[0].facts[3]: at most 3 items, got 4" in lines[0]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("figures: [revenue, suppliers]", "figures: [revenue, nothing]", "points[0].figures[1]: unknown id 'nothing'"),
    ("figures: [revenue, suppliers]", "figures: [revenue, kpis]", "'kpis' is a chart, expected a metric"),
    ("chart: kpis", "chart: nothing", "points[0].chart: unknown id 'nothing'"),
    ("chart: kpis", "chart: revenue", "'revenue' is a metric, expected a chart"),
    ("id: p-revenue", "id: revenue", "duplicate id 'revenue'"),
])
def test_point_references(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str],
                          field: str, value: str, message: str) -> None:
    bad = with_point(minimal_yaml, POINT.replace(field, value))
    code, lines = validate(tmp_path, bad, capsys)
    assert code == 2 and any(message in line for line in lines), lines
    where = {i + 1 for i, text in enumerate(bad.splitlines()) if value in text}
    assert any(f":{n}:" in line for line in lines if message in line for n in where)


def test_a_fact_number_comes_from_its_clause_or_a_figure(tmp_path: Path, minimal_yaml: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = with_point(minimal_yaml, POINT.replace("industrial revenue reached {revenue} in 2024",
                                                 "industrial revenue reached {revenue} in 2023"))
    expect(tmp_path, capsys, bad, line_of(bad, "in 2023."), "facts[0].text.en: 2023 is not carried")


def test_a_fact_may_name_the_article_year(minimal_yaml: str) -> None:
    """今年 in a clause is the article's year: the fact may write it out."""
    text = with_point(minimal_yaml, POINT.replace("达{revenue}。", "达{revenue}（2025年报道）。"))
    assert "2025" in parse_briefing(text, "mini.yaml").points[0].facts[0].text.zh


@pytest.mark.parametrize("where", ["facts", "outlook"])
def test_statement_sources_are_verbatim(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str],
                                        article_text: str, where: str) -> None:
    text = with_point(minimal_yaml, top=TOP)
    clause = "2024年规上工业营业收入达6261亿元\n" if where == "facts" else "对标长三角打造一流营商环境\n"
    assert text.count(f"source: {clause}") == (3 if where == "facts" else 1)  # a metric and an event too
    bad = text.replace(f"            source: {clause}" if where == "facts" else f"    source: {clause}",
                       ("            " if where == "facts" else "    ") + "source: 编造的句子\n")
    article = tmp_path / "article.txt"
    article.write_text(article_text, encoding="utf-8")
    expect(tmp_path, capsys, bad, line_of(bad, "编造的句子"), "source clause not found verbatim",
           extra=("--source-text", str(article)))


@pytest.mark.parametrize(("old", "new", "message"), [
    ("section: theme-1", "section: overview", "the summary sums up themes"),
    ("section: theme-1", "section: revenue", "'revenue' is a metric, expected a section"),
    ("figure: revenue", "figure: suppliers", "6261 is not carried by the headline figure"),
])
def test_summary_rules(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str],
                       old: str, new: str, message: str) -> None:
    bad = with_point(minimal_yaml, top=TOP.replace(old, new))
    code, lines = validate(tmp_path, bad, capsys)
    assert code == 2 and any(message in line for line in lines), lines


@pytest.mark.parametrize(("where", "sources", "message"), [
    ("points[0]", "        sources: [2024年规上工业营业收入达6261亿元, 600余家供应商]\n", "zh: 2024年营收"),
    ("summary[0]", "    sources: [2024年规上工业营业收入达6261亿元]\n", "message: {zh: \"营收达"),
])
def test_a_message_cites_the_clauses_it_rests_on(tmp_path: Path, minimal_yaml: str,
                                                 capsys: pytest.CaptureFixture[str], where: str, sources: str,
                                                 message: str) -> None:
    text = with_point(minimal_yaml, top=TOP)
    assert sources in text
    bad = text.replace(sources, "")
    expect(tmp_path, capsys, bad, line_of(bad, message), f"{where}.message: a message needs the clauses it rests on")


def test_a_theme_is_summed_up_once(tmp_path: Path, minimal_yaml: str, capsys: pytest.CaptureFixture[str]) -> None:
    item = TOP[TOP.index("  - section"):TOP.index("outlook:")]
    bad = with_point(minimal_yaml, top=TOP.replace("outlook:", item + "outlook:"))
    expect(tmp_path, capsys, bad, line_of(bad, "section: theme-1", 2), "summed up twice")


def test_a_summary_without_figure_uses_the_first_point(minimal_yaml: str) -> None:
    point = POINT.replace("p-revenue", "p-theme")
    text = with_point(minimal_yaml, top=TOP.replace("    figure: revenue\n", ""))
    text = text.replace("        route: [shangrao, ningbo]\n", "        route: [shangrao, ningbo]\n" + point)
    assert parse_briefing(text, "mini.yaml").summary[0].figure is None


def test_bar_charts_never_mix_levels_with_changes(tmp_path: Path, minimal_yaml: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    metrics = """\
      - id: yield-rate
        label: {zh: 良品率, en: Yield rate}
        value: 98
        unit: percent
        source: 良品率升至98%
      - id: cost-cut
        label: {zh: 生产成本降低, en: Production cost cut}
        value: 25
        unit: percent
        direction: decrease
        good: down
        source: 生产成本降低25%
"""
    chart = """\
      - id: rates
        kind: hbar
        title: {zh: 比率, en: Rates}
        items: [yield-rate, cost-cut]
"""
    text = minimal_yaml.replace("    charts:\n", "").replace("        source: 600余家供应商\n",
                                                              "        source: 600余家供应商\n" + metrics)
    text = text.replace("      - id: kpis\n", "    charts:\n" + chart + "      - id: kpis\n")
    expect(tmp_path, capsys, text, line_of(text, "items: [yield-rate, cost-cut]"),
           "charts[0].items: a bar chart must not mix levels")
    changes = text.replace("        unit: percent\n        source: 良品率升至",  # (a change: its clause says a rise)
                           "        unit: percent\n        direction: increase\n        source: 良品率提升")
    cost = parse_briefing(changes, "mini.yaml").find("cost-cut")
    assert cost.good is Good.DOWN


def test_derived_is_a_note(minimal_yaml: str) -> None:
    """`derived:` says how a value was computed; its value is then not read from the clause."""
    more = "        qualifier: more_than\n"
    noted = minimal_yaml.replace(more, more + "        derived: {zh: 按名单计数, en: Counted from the list}\n")
    metric = parse_briefing(noted, "mini.yaml").metrics[1]
    assert metric.derived is not None and metric.derived.en == "Counted from the list"
    changed = noted.replace("        value: 600\n", "        value: 601\n")
    assert parse_briefing(changed, "mini.yaml").metrics[1].value == 601
    with pytest.raises(BriefingError, match="not what its clause states"):
        parse_briefing(minimal_yaml.replace("        value: 600\n", "        value: 601\n"), "mini.yaml")


def test_derived_true_of_older_files_reads_as_a_plain_note(minimal_yaml: str) -> None:
    more = "        qualifier: more_than\n"
    unexplained = minimal_yaml.replace(more, more + "        derived: true\n")
    with pytest.raises(BriefingError, match="say how the value was derived"):  # no loophole for the value check
        parse_briefing(unexplained, "mini.yaml")
    # an older file said how in its note (the rule of the time): it loads
    old = minimal_yaml.replace(more, more + "        derived: true\n        note: {zh: 按名单计数, en: Counted}\n")
    derived = parse_briefing(old, "mini.yaml").metrics[1].derived
    assert derived is not None and (derived.zh, derived.en) == ("计算值", "derived")
    assert parse_briefing(old.replace("derived: true", "derived: false"), "mini.yaml").metrics[1].derived is None


def test_derived_is_a_note_or_true_or_false(tmp_path: Path, minimal_yaml: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    more = "        qualifier: more_than\n"
    bad = minimal_yaml.replace(more, more + "        derived: yes-ish\n")
    expect(tmp_path, capsys, bad, line_of(bad, "derived: yes-ish"),
           "metrics[1].derived: expected {zh: ..., en: ...}, got 'yes-ish'")


def test_organisation_and_presenter(minimal_yaml: str) -> None:
    as_of = "as_of: '2025-10-11'\n"
    text = minimal_yaml.replace(as_of, as_of + "organisation: {zh: 上饶市, en: Shangrao}\n"
                                "presenter: {zh: 张三, en: Zhang San}\n")
    briefing = parse_briefing(text, "mini.yaml")
    assert briefing.organisation is not None and briefing.organisation.en == "Shangrao"
    assert briefing.presenter is not None and briefing.presenter.zh == "张三"


def test_all_problems_are_reported_at_once(minimal_yaml: str) -> None:
    bad = with_point(minimal_yaml, POINT.replace("达{revenue}，", "达9999亿元，").replace("{revenue} in 2024,",
                                                                                    "CNY\u00a0999\u00a0bn in 2024,"))
    with pytest.raises(BriefingError) as info:
        parse_briefing(bad, "bad.yaml")
    paths = [p.path for p in info.value.problems]
    assert "sections[0].points[0].message.zh" in paths and "sections[0].points[0].message.en" in paths
