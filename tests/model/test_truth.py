"""A briefing that stays true: sources as documents, clauses checked against their own document, values
against their clauses, numbers in prose as references, every claim backed; and the update workflow end to end
(set → validate → zh/en decks read back with no stale number)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.cli import main
from srbrief.model import BriefingError, load_briefing, parse_briefing
from srbrief.model.truth import cites
from srbrief.resources import builtin_briefing_path

ARTICLE = "上饶日报报道：2024年全市营业收入达6261亿元，保持全省第二。供应商600余家。上饶首次入选百强。"
BULLETIN = "统计公报：2024年全市营业收入6288亿元。2025年全市营业收入6500亿元。"

# A briefing of another shape than the built-in one: two documents, each with its text beside the file, one
# theme with a point, references in every kind of prose.
TWO_DOCS = """\
schema: srbrief/1
id: two-docs
title: {zh: 双来源简报, en: Two-source briefing}
subtitle: {zh: 测试, en: Test}
sources:
  - id: daily
    publication: {zh: 上饶日报, en: Shangrao Daily}
    date: '2025-10-11'
    title: {zh: 报道, en: Report}
    text: daily.txt
  - id: bulletin
    publication: {zh: 上饶市统计局, en: Shangrao Statistics Bureau}
    date: '2026-03-01'
    title: {zh: 统计公报, en: Statistical Bulletin}
    text: texts/bulletin.txt
as_of: '2026-03-01'
timeline:
  - id: ev
    date: '2024'
    text: {zh: '营业收入达{revenue}', en: 'Revenue reached {revenue}'}
    source: {doc: bulletin, clause: 2024年全市营业收入6288亿元}
summary:
  - section: theme-1
    message: {zh: '上饶保持全省{rank}', en: 'Shangrao holds {rank} place in Jiangxi'}
    figure: rank
    sources: [保持全省第二]
sections:
  - id: overview
    kind: overview
    title: {zh: 总览, en: Overview}
    short_title: {zh: 总览, en: Overview}
    lede: {zh: '营业收入达{revenue}，供应商{suppliers}', en: 'Revenue reached {revenue}, with {suppliers} suppliers'}
    metrics:
      - id: revenue
        label: {zh: 营业收入, en: Revenue}
        value: 6288
        unit: yi-yuan
        period: '2024'
        source: {doc: bulletin, clause: 2024年全市营业收入6288亿元}
      - id: suppliers
        label: {zh: 供应商, en: Suppliers}
        value: 600
        unit: jia
        qualifier: more_than
        source: 供应商600余家
  - id: theme-1
    kind: theme
    number: 1
    title: {zh: 位次, en: Standing}
    short_title: {zh: 位次, en: Standing}
    lede: {zh: '全省{rank}', en: '{rank} in Jiangxi'}
    metrics:
      - id: rank
        label: {zh: 全省排名, en: Provincial rank}
        value: 2
        unit: rank
        qualifier: rank
        source: 保持全省第二
    points:
      - id: standing
        message:
          zh: '上饶保持全省{rank}，营业收入达{revenue}'
          en: 'Shangrao holds {rank} place, revenue at {revenue}'
        figures: [rank, revenue]
        sources: [{doc: daily, clause: 保持全省第二}]
"""


@pytest.fixture
def two_docs(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "daily.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "texts" / "bulletin.txt").write_text(BULLETIN, encoding="utf-8")
    path = tmp_path / "two.yaml"
    path.write_text(TWO_DOCS, encoding="utf-8")
    return path


def problems(path: Path, text: str) -> list[str]:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as info:
        load_briefing(path)
    return [str(p) for p in info.value.problems]


def test_two_documents_render_references_in_every_prose_text(two_docs: Path) -> None:
    b = load_briefing(two_docs)
    assert [d.id for d in b.sources] == ["daily", "bulletin"]
    assert b.sections[0].lede.zh == "营业收入达6288亿元，供应商超600家"
    assert b.sections[0].lede.en == "Revenue reached CNY\u00a0628.8\u00a0bn, with over\u00a0600 suppliers"
    assert b.points[0].message.zh == "上饶保持全省第二，营业收入达6288亿元"
    assert b.timeline[0].text.en == "Revenue reached CNY\u00a0628.8\u00a0bn"
    assert b.sections[1].lede.en == "Second in Jiangxi"
    assert b.metrics[1].source.doc == "daily"  # a plain clause: the first document
    assert [d.id for d in b.documents_of([b.metrics[0].source, b.metrics[1].source])] == ["daily", "bulletin"]


def test_a_clause_is_checked_against_its_own_document(two_docs: Path) -> None:
    # the bulletin's sentence cited as the newspaper's: not in the newspaper's text
    text = TWO_DOCS.replace("source: {doc: bulletin, clause: 2024年全市营业收入6288亿元}\n      - id: suppliers",
                            "source: {doc: daily, clause: 2024年全市营业收入6288亿元}\n      - id: suppliers")
    found = problems(two_docs, text)
    assert len(found) == 1 and "not found verbatim in the text of 'daily'" in found[0]
    assert found[0].startswith(f"{two_docs}:")


def test_an_unknown_document_is_refused(two_docs: Path) -> None:
    found = problems(two_docs, TWO_DOCS.replace("{doc: daily, clause", "{doc: weekly, clause"))
    assert any("unknown source document 'weekly'" in p for p in found)


def test_a_missing_text_file_is_one_clear_problem(two_docs: Path) -> None:
    (two_docs.parent / "daily.txt").unlink()
    found = problems(two_docs, TWO_DOCS)
    assert len(found) == 1 and "cannot read the document's text" in found[0] and "daily.txt" in found[0]


def test_a_value_that_its_clause_does_not_state_is_refused_naming_the_clause(two_docs: Path) -> None:
    found = problems(two_docs, TWO_DOCS.replace("value: 6288", "value: 6300"))
    assert len(found) == 1 and "“2024年全市营业收入6288亿元” says 6288亿元" in found[0]
    # the way to update a figure: cite the clause that states the new value
    text = TWO_DOCS.replace("value: 6288", "value: 6500").replace(
        "period: '2024'\n        source: {doc: bulletin, clause: 2024年全市营业收入6288亿元}",
        "period: '2025'\n        source: {doc: bulletin, clause: 2025年全市营业收入6500亿元}")
    two_docs.write_text(text, encoding="utf-8")
    assert load_briefing(two_docs).points[0].message.zh == "上饶保持全省第二，营业收入达6500亿元"


def test_a_rank_in_words_is_covered(two_docs: Path) -> None:
    found = problems(two_docs, TWO_DOCS.replace("value: 2\n", "value: 3\n"))
    assert len(found) == 1 and "“保持全省第二” says 第二" in found[0]


def test_references_must_name_figures_and_keep_qualifiers(two_docs: Path) -> None:
    found = problems(two_docs, TWO_DOCS.replace("供应商{suppliers}'", "供应商{supplier}'"))
    assert len(found) == 1 and "{supplier} refers to no figure" in found[0]
    found = problems(two_docs, TWO_DOCS.replace("供应商{suppliers}'", "供应商{suppliers:num}家'"))
    assert len(found) == 1 and "qualifier" in found[0]


def test_a_literal_figure_in_prose_is_refused_with_its_position(two_docs: Path) -> None:
    found = problems(two_docs, TWO_DOCS.replace("供应商{suppliers}'", "供应商600多家'"))
    assert len(found) == 1
    line = TWO_DOCS.splitlines().index(next(x for x in TWO_DOCS.splitlines() if "供应商{suppliers}'" in x)) + 1
    assert found[0].startswith(f"{two_docs}:{line}:") and "600" in found[0] and "literal" in found[0]
    # the escape for a number that is no figure
    two_docs.write_text(TWO_DOCS.replace("供应商{suppliers}'", "供应商{suppliers}，{=第一}城'"), encoding="utf-8")
    assert load_briefing(two_docs).sections[0].lede.zh.endswith("，第一城")


def test_every_claim_cites_its_clauses(two_docs: Path) -> None:
    found = problems(two_docs, TWO_DOCS.replace("        sources: [{doc: daily, clause: 保持全省第二}]\n", ""))
    assert len(found) == 1 and "a message needs the clauses it rests on" in found[0]


def test_an_older_file_with_one_source_block_loads(minimal_yaml: str) -> None:
    b = parse_briefing(minimal_yaml, "mini.yaml")
    assert len(b.sources) == 1 and b.source.id == "source" and b.source.title.zh == "标题"
    assert b.timeline[0].text.zh == "营收达6261亿元"


def test_builtin_checks_every_clause_against_its_shipped_text_with_no_option(tmp_path: Path) -> None:
    builtin = load_briefing(builtin_briefing_path())
    assert builtin.source.text is not None
    copy = tmp_path / "my.yaml"  # a copy elsewhere still finds the built-in article's text
    text = builtin_briefing_path().read_text(encoding="utf-8")
    copy.write_text(text.replace("'2024年规上工业营业收入达6261亿元'", "'2024年规上工业营业收入达6262亿元'", 1),
                    encoding="utf-8")
    found = problems(copy, copy.read_text(encoding="utf-8"))
    assert any("not found verbatim in the text of 'shangrao-daily-2025-10-11'" in p for p in found)


STALE = ("6261", "626.1")
NEW = ("6288", "628.8")


def _deck_texts(path: Path) -> list[tuple[str, str]]:
    """Return (where, text) for every text of a deck: shapes, table cells, chart values, notes; a line the layout
    broke (a:br, read back as '\v') is one line of text again."""
    out: list[tuple[str, str]] = []
    for n, slide in enumerate(Presentation(str(path)).slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append((f"{n}:{shape.name}", shape.text_frame.text.replace("\v", "")))
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    out += [(f"{n}:{shape.name}:cell{i}", c.text.replace("\v", "")) for i, c in enumerate(row.cells)]
            if getattr(shape, "has_chart", False) and shape.has_chart:
                for plot in shape.chart.plots:
                    out += [(f"{n}:{shape.name}:chart", " ".join(str(v) for v in s.values)) for s in plot.series]
        if slide.has_notes_slide:
            out.append((f"{n}:notes", slide.notes_slide.notes_text_frame.text))
    return out


def _is_quotation(where: str, line: str, clauses: set[str]) -> bool:
    """Return whether *line* quotes a clause of the article (a notes source line: the clause's sentence, whole
    or in part; an appendix source cell)."""
    quoted = line.lstrip("• ")
    return any(quoted.startswith(c) for c in clauses) or (where.endswith("cell3") and line in clauses) or (
        where.endswith(":notes") and line.startswith("• ") and any(c in quoted for c in clauses))


@pytest.mark.slow
def test_update_from_a_new_document_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    my = tmp_path / "my.yaml"
    shutil.copyfile(builtin_briefing_path(), my)
    revenue = "metrics.industrial-revenue-2024"
    # alone, the new value is refused: the clause cited says 6261
    assert main(["set", str(my), f"{revenue}.value=6288"]) == 2
    assert "“2024年规上工业营业收入达6261亿元” says 6261亿元" in capsys.readouterr().err
    assert main(["set", str(my),
                 'sources[+]={id: bulletin-2025, publication: {zh: 上饶市统计局, en: Shangrao Statistics Bureau}, '
                 'date: "2026-03-01", title: {zh: 2025年统计公报, en: 2025 Statistical Bulletin}}',
                 f"{revenue}.value=6288",
                 f"{revenue}.source={{doc: bulletin-2025, clause: 2024年规上工业营业收入6288亿元}}"]) == 0
    assert main(["validate", str(my)]) == 0
    briefing = load_briefing(my)
    article_clauses = {c.clause for c in (m.source for m in briefing.metrics) if c.doc != "bulletin-2025"}
    article_clauses |= {c.en for c in (m.source for m in briefing.metrics) if c.doc != "bulletin-2025" and c.en}
    article_clauses |= {f.source.clause for f in (*briefing.facts, *briefing.timeline)}
    article_clauses |= {s.source.clause for p in briefing.points for s in p.facts}
    article_clauses |= {c.clause for item in (*briefing.points, *briefing.summary) for c in item.sources}
    for lang in ("zh", "en"):
        deck = tmp_path / f"deck-{lang}.pptx"
        assert main(["export", str(my), "-o", str(deck), "--lang", lang]) == 0
        texts = _deck_texts(deck)
        stale = [(where, line) for where, text in texts for line in text.splitlines()
                 if any(s in line for s in STALE) and not _is_quotation(where, line, article_clauses)]
        assert stale == []
        new = NEW[0] if lang == "zh" else NEW[1]
        shown = [where for where, text in texts if new in text]
        assert any(w.startswith("2:title") for w in shown)  # the opening point's action title
        assert any(w.startswith("2:metric:industrial-revenue-2024") for w in shown)  # its card
        assert any(":table:appendix-" in w for w in shown)  # the appendix
        bulletin = "上饶市统计局" if lang == "zh" else "Shangrao Statistics Bureau"
        assert any(w.startswith("2:") and bulletin in text for w, text in texts)  # the slide names both documents


@pytest.mark.slow
def test_a_rank_change_reaches_every_text_or_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    my = tmp_path / "my.yaml"
    shutil.copyfile(builtin_briefing_path(), my)
    rank = "metrics.industrial-revenue-provincial-rank"
    assert main(["set", str(my), f"{rank}.value=3"]) == 2  # the clause says 第二
    assert "says 26个月、第二" in capsys.readouterr().err
    assert main(["set", str(my), 'sources[+]={id: b, publication: {zh: 统计局, en: Bureau}, date: "2026-03-01", '
                 'title: {zh: 公报, en: Bulletin}}', f"{rank}.value=3",
                 f"{rank}.source={{doc: b, clause: 规上工业营业收入居全省第三}}"]) == 0
    briefing = load_briefing(my)
    quoted = {c.clause for _, _, c in cites(briefing) if c.doc != "b"}
    quoted |= {c.en for _, _, c in cites(briefing) if c.doc != "b" and c.en}  # our translation of a quotation
    for lang, old, new in (("zh", "第二", "第三"), ("en", r"\bsecond\b", "third")):
        deck = tmp_path / f"deck-{lang}.pptx"
        assert main(["export", str(my), "-o", str(deck), "--lang", lang]) == 0
        texts = _deck_texts(deck)
        stale = [(where, line) for where, text in texts for line in text.splitlines()
                 if re.search(old, line.lower()) and not _is_quotation(where, line, quoted)]
        assert stale == []
        assert any(new in text.lower() for _, text in texts)


# -- a change's direction is the clause's claim too ------------------------------------------------------------
def _county(tmp_path: Path, old: str, new: str) -> Path:
    tester = Path(__file__).parents[1] / "data" / "tester"
    shutil.copyfile(tester / "article.txt", tmp_path / "article.txt")
    text = (tester / "hengfeng-new-energy.yaml").read_text(encoding="utf-8")
    assert old in text
    copy = tmp_path / "county.yaml"
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


@pytest.mark.parametrize(("old", "new", "said"), [
    ("direction: increase", "direction: decrease", "says the other way (“增”"),  # 同比增长18% read as a fall
    ("source: {clause: '同比增长18%'", "source: {clause: '18%'", "does not say the figure rose"),  # the value alone:
    # no direction
])
def test_a_direction_the_clause_does_not_say_is_refused(tmp_path: Path, old: str, new: str, said: str) -> None:
    with pytest.raises(BriefingError, match="direction") as refused:
        load_briefing(_county(tmp_path, old, new))
    assert said in str(refused.value)


@pytest.mark.parametrize(("direction", "clause"), [("increase", "产出同比增长18%"), ("increase", "效率提升20%"),
                                                   ("decrease", "成本降低25%"), ("decrease", "能耗下降8%")])
def test_a_direction_the_clause_says_is_accepted(direction: str, clause: str) -> None:
    from srbrief.model.numerals import direction_problem

    assert direction_problem(direction, clause) is None
    assert direction_problem("decrease" if direction == "increase" else "increase", clause) is not None
