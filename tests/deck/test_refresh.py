"""Refreshing a deck someone has edited (issue 22): an exported deck is edited as a colleague would (a card
moved, recoloured and its font changed, a chart restyled, a slide deleted, two swapped, a logo and a slide
added, a bound sentence rewritten), the briefing is updated through `srbrief set`, the deck refreshed and read
back: every bound text, chart, table and note says what a new export says, every edit is still there, the
rewritten sentence is a conflict; the same after a LibreOffice round trip; two briefings of different shapes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.util import Pt

from srbrief.cli import main
from srbrief.deck import bindings, oxml
from srbrief.deck.bindings import normal
from srbrief.model import load_briefing
from srbrief.model.units import metric_text
from srbrief.resources import builtin_briefing_path
from tests.deck.conftest import SIX_THEMES, write_template
from tests.deck.refresh_edits import (
    BULLETIN,
    OWN_SLIDE,
    PURPLE,
    RED,
    REWRITTEN,
    edit_deck,
    find,
    update_briefing,
)


@dataclass(frozen=True)
class Scenario:
    briefing: Path
    card: str  # moved, recoloured, its value's font changed
    chart: str  # restyled
    rewrite: tuple[str, str]  # (a shape on the slide, 'title' or 'notes'): rewritten by hand
    delete: str  # a shape on the slide deleted
    swap: tuple[str, str]  # shapes on the two slides swapped
    assignments: tuple[str, ...]  # the briefing's update, through `srbrief set`
    changed: tuple[str, ...]  # the figures it changes


REVENUE, RANK, GAIN = "industrial-revenue-2024", "industrial-revenue-provincial-rank", "auto-productivity-gain"
SCENARIOS = {
    "builtin": Scenario(
        builtin_briefing_path(), f"metric:{REVENUE}", "chart:t2-gains", ("chart:t2-gains", "title"),
        "facts:overview-quality", ("facts:theme-1-focus", "facts:theme-1-scale"),
        (BULLETIN,  # a figure from a new source document (value and clause), a rank, a charted figure
         f"metrics.{REVENUE}.value=6300",
         f"metrics.{REVENUE}.source={{doc: bulletin-2025, clause: 2024年规上工业营业收入6300亿元}}",
         f"metrics.{RANK}.value=3", f"metrics.{RANK}.source={{doc: bulletin-2025, clause: 规上工业营业收入居全省第三}}",
         f"metrics.{GAIN}.value=22",
         f"metrics.{GAIN}.source={{doc: bulletin-2025, clause: 汽车骨干企业生产效率提升22%}}"),
        (REVENUE, RANK, GAIN)),
    "six-themes": Scenario(
        SIX_THEMES, "metric:output", "chart:s-bar", ("chart:s-bar", "notes"), "chart:t-line",
        ("chart:c-grid", "chart:p-matrix"),
        ("metrics.output.value=1580", "metrics.output.source=数据为1580亿元",  # a card, a bar and a doughnut
         "metrics.park-a.value=330", "metrics.park-a.source=数据为330亿元",
         "metrics.local.value=150", "metrics.local.source=数据为150亿元"),
        ("output", "park-a", "local")),
}


@dataclass
class Case:
    scenario: Scenario
    folder: Path
    exported: Path
    edited: Path
    briefing: Path
    done: dict[str, object]


def _make_case(name: str, lang: str, folder: Path) -> Case:
    scenario = SCENARIOS[name]
    exported, edited, briefing = folder / "exported.pptx", folder / "edited.pptx", folder / "new.yaml"
    assert main(["export", str(scenario.briefing), "-o", str(exported), "--lang", lang]) == 0
    done = edit_deck(exported, edited, scenario.card, scenario.chart, scenario.rewrite, scenario.delete,
                     scenario.swap)
    update_briefing(scenario.briefing, briefing, list(scenario.assignments))
    return Case(scenario, folder, exported, edited, briefing, done)


@pytest.fixture(scope="module", params=[("builtin", "zh"), ("six-themes", "en")], ids="-".join)
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Case:
    return _make_case(*request.param, tmp_path_factory.mktemp("refresh"))


def _by_key(path: Path) -> dict[str, dict[str, str]]:
    """Return slide name → bound shape name → text ('notes' included)."""
    prs = Presentation(str(path))
    return {oxml.slide_name(slide): {name: bindings.shape_text(shape) for name, shape in bindings.bound_shapes(slide)
                                     if getattr(shape, "has_text_frame", False)}
            for slide in prs.slides}


def _rows(path: Path) -> dict[str, list[str]]:
    """Return figure id → the texts of its appendix row."""
    prs = Presentation(str(path))
    _, recorded = bindings.recorded(prs)
    ids = {r.key: r.shapes for r in recorded}
    found: dict[str, list[str]] = {}
    for slide in prs.slides:
        for name, shape in bindings.bound_shapes(slide):
            if getattr(shape, "has_table", False):
                figures = ids[oxml.slide_name(slide)][name + bindings.ROWS].split(",")
                for figure, row in zip(figures, list(shape.table.rows)[1:], strict=False):
                    found[figure] = [normal(cell.text_frame.text) for cell in row.cells]
    return found


def _charts(path: Path) -> dict[str, tuple[tuple[float, ...], tuple[str, ...]]]:
    """Return chart name → (values, data label texts)."""
    prs = Presentation(str(path))
    found = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False):
                series = shape.chart.plots[0].series[0]
                labels = tuple(normal(p.data_label.text_frame.text) if p.data_label.has_text_frame else ""
                               for p in series.points)
                found[shape.name] = (tuple(series.values), labels)
    return found


def _audit(path: Path) -> dict:
    tool = Path(sys.executable).with_name("openxml-audit")
    result = subprocess.run([str(tool), "-o", "json", str(path)], capture_output=True, text=True, timeout=300)
    return json.loads(result.stdout)[0]


def _soffice(source: Path, folder: Path, fmt: str) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is missing: run 'make setup' as root (it installs libreoffice-impress)"
    folder.mkdir(exist_ok=True)
    result = subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                             "--convert-to", fmt, "--outdir", str(folder), str(source)], capture_output=True,
                            text=True, timeout=300, env={**os.environ, "HOME": str(folder)})
    converted = folder / f"{source.stem}.{fmt}"
    assert converted.is_file(), result.stderr
    return converted


# The report's words, as a user reads them, in the deck's language (the CLI's default) and the other.
SAY = {
    "sep": {"zh": "：", "en": ": "},
    "kept": {"zh": "冲突，保留了手工改写的文字", "en": "conflict, your text kept"},
    "taken": {"zh": "冲突，已换成简报的文字", "en": "conflict, briefing's text taken"},
    "deleted": {"zh": "幻灯片已从演示文稿中删除：不再加回", "en": "slide deleted from the deck: not added again"},
    "hint": {"zh": "加 --take-briefing 可用简报的文字替换", "en": "--take-briefing replaces the texts kept"},
    "missing": {"zh": "演示文稿中找不到", "en": "not found in the deck"},
    "unknown": {"zh": "与记录的幻灯片都不相符", "en": "matches no recorded slide"},
    "again": {"zh": "更新 0 处，保留冲突 1 处", "en": "0 updated, 1 conflicts kept"},
}


def _edits(path: Path, scenario: Scenario) -> dict[str, object]:
    """Return what the user's edits set: the card's place, colour and value size, the chart's colours, legend
    and type size."""
    prs = Presentation(str(path))
    card = find(prs, scenario.card)[1]
    chart = find(prs, scenario.chart)[1].chart
    return {"left": card.left, "top": card.top, "fill": card.fill.fore_color.rgb,
            "size": card.text_frame.paragraphs[0].runs[0].font.size,
            "series": chart.plots[0].series[0].format.fill.fore_color.rgb, "legend": chart.has_legend,
            "font": chart.font.size}


def _check_refreshed(case: Case, source: Path, refreshed: Path, lang: str, out: str, conflict_kept: bool) -> None:
    """The refreshed deck says what a new export says in every bound shape, except the conflict if kept; every
    user edit is still there."""
    scenario = case.scenario
    fresh = case.folder / f"fresh-{lang}.pptx"
    if not fresh.exists():
        assert main(["export", str(case.briefing), "-o", str(fresh), "--lang", lang]) == 0
    now, want = _by_key(refreshed), _by_key(fresh)
    rewritten_key = oxml.slide_name(Presentation(str(refreshed)).slides[find(Presentation(str(refreshed)),
                                                                               scenario.rewrite[0])[0]])
    compared = 0
    for key, shapes in now.items():
        for name, text in shapes.items():
            if key not in want or name not in want[key]:
                continue
            if (key, name) == (rewritten_key, scenario.rewrite[1]) and conflict_kept:
                assert REWRITTEN in text  # the user's sentence stays
                assert f"[{key}] {name}{SAY['sep'][lang]}{SAY['kept'][lang]}" in out
                continue
            assert normal(text) == normal(want[key][name]), (key, name)
            compared += 1
    assert compared > 20
    rows = _rows(refreshed)
    assert rows == {k: v for k, v in _rows(fresh).items() if k in rows}
    charts, fresh_charts = _charts(refreshed), _charts(fresh)
    for name, (values, labels) in charts.items():
        assert (values, labels) == fresh_charts[name], name
    said = [normal(t) for s in now.values() for t in s.values()]
    said += [cell for row in rows.values() for cell in row] + [x for _, ls in charts.values() for x in ls]
    briefing = load_briefing(case.briefing)
    for figure in scenario.changed:  # the new values are in (the comparison above says: wherever they belong)
        assert normal(metric_text(briefing.find(figure), lang)) in "\n".join(said), figure
    # every edit is still there
    assert _edits(refreshed, scenario) == _edits(source, scenario)
    prs = Presentation(str(refreshed))
    keys = [oxml.slide_name(s) for s in prs.slides]
    assert case.done["deleted"] not in keys
    assert f"[{case.done['deleted']}]{SAY['sep'][lang]}{SAY['deleted'][lang]}" in out
    assert keys.index(case.done["swapped"][1]) < keys.index(case.done["swapped"][0])
    assert any(s.shape_type == 13 and s.name.startswith("Picture") for s in prs.slides[0].shapes)  # the logo
    assert prs.slides[len(prs.slides) - 1].shapes[0].text_frame.text == OWN_SLIDE
    assert len(prs.slides) == case.done["slides"]


def test_a_refresh_puts_the_new_figures_in_and_keeps_every_edit(case: Case,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    lang = "zh" if case.scenario.briefing == builtin_briefing_path() else "en"
    before = case.edited.read_bytes()
    refreshed = case.folder / "refreshed.pptx"
    assert main(["refresh", str(case.edited), str(case.briefing), "-o", str(refreshed)]) == 3  # a conflict kept
    out = capsys.readouterr().out
    assert case.edited.read_bytes() == before  # the input is never changed
    _check_refreshed(case, case.edited, refreshed, lang, out, conflict_kept=True)
    edits = _edits(case.edited, case.scenario)
    assert (edits["left"], edits["fill"], edits["size"]) == (case.done["card_left"], RED, Pt(40))
    assert (edits["series"], edits["legend"], edits["font"]) == (PURPLE, True, Pt(17))
    assert out.count(SAY["kept"][lang]) == 1  # the report speaks the deck's language
    assert SAY["hint"][lang] in out
    assert _audit(refreshed)["error_count"] == 0
    pdf = _soffice(refreshed, case.folder / "pdf", "pdf")
    assert pdf.stat().st_size > 10_000
    # taking the briefing's text: everything bound refreshed, exit 0
    taken = case.folder / "taken.pptx"
    assert main(["refresh", str(case.edited), str(case.briefing), "-o", str(taken), "--take-briefing"]) == 0
    out = capsys.readouterr().out
    assert SAY["taken"][lang] in out and SAY["hint"][lang] not in out
    _check_refreshed(case, case.edited, taken, lang, out, conflict_kept=False)
    # refreshing the refreshed deck again changes nothing more, and still reports the kept conflict
    again = case.folder / "again.pptx"
    assert main(["refresh", str(refreshed), str(case.briefing), "-o", str(again)]) == 3
    assert SAY["again"][lang] in capsys.readouterr().out
    other = "en" if lang == "zh" else "zh"  # --lang: the report in the other language
    assert main(["refresh", str(refreshed), str(case.briefing), "-o", str(again), "--lang", other]) == 3
    out = capsys.readouterr().out
    assert SAY["again"][other] in out and out.count(SAY["kept"][other]) == 1 and SAY["kept"][lang] not in out


def test_a_refresh_works_after_a_libreoffice_round_trip(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    """LibreOffice drops slide names and renames placeholders; the refresh finds slides by what they hold."""
    lang = "zh" if case.scenario.briefing == builtin_briefing_path() else "en"
    round_trip = _soffice(case.edited, case.folder / "lo", "pptx")
    assert not any(oxml.slide_name(s) for s in Presentation(str(round_trip)).slides)  # what it drops
    refreshed = case.folder / "lo-refreshed.pptx"
    assert main(["refresh", str(round_trip), str(case.briefing), "-o", str(refreshed)]) == 3
    out = capsys.readouterr().out
    assert SAY["missing"][lang] not in out and SAY["unknown"][lang] not in out
    _check_refreshed(case, round_trip, refreshed, lang, out, conflict_kept=True)
    assert _edits(round_trip, case.scenario)["fill"] == RED  # (LibreOffice keeps the edits it can express)
    assert _audit(refreshed)["error_count"] == 0  # LibreOffice's own schema slips are mended too


def test_new_and_gone_figures_are_listed_not_inserted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = SCENARIOS["six-themes"]
    deck = tmp_path / "deck.pptx"
    assert main(["export", str(scenario.briefing), "-o", str(deck), "--lang", "en"]) == 0
    changed = tmp_path / "changed.yaml"
    text = scenario.briefing.read_text(encoding="utf-8")
    gone = "      - {id: firms,"  # a card's figure removed; a figure added
    line = next(row for row in text.splitlines() if row.startswith(gone))
    added = line.replace("id: firms", "id: parks").replace("规模以上工业企业", "园区").replace(
        "Industrial companies above designated size", "Parks")
    changed.write_text(text.replace(line, added), encoding="utf-8")
    before = _by_key(deck)
    out_deck = tmp_path / "out.pptx"
    assert main(["refresh", str(deck), str(changed), "-o", str(out_deck)]) == 0
    out = capsys.readouterr().out
    assert "metric:firms: no longer in the briefing: left alone" in out
    assert "[figure] parks: in the briefing, never in the deck: not inserted: Parks" in out
    assert main(["refresh", str(deck), str(changed), "-o", str(out_deck), "--lang", "zh"]) == 0
    out = capsys.readouterr().out  # the same report in Chinese (the texts quoted stay the deck's)
    assert "metric:firms：简报中已没有：未改动" in out
    assert "[数字] parks：简报中有，演示文稿中从未有过：未插入：Parks" in out
    after = _by_key(out_deck)
    summary = next(k for k, v in before.items() if "metric:firms" in v)
    assert after[summary]["metric:firms"] == before[summary]["metric:firms"]
    assert not any("metric:parks" in shapes for shapes in after.values())


def test_a_deck_made_with_a_template_is_refreshed_in_its_own_look(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A 4:3 template lays cards and pictures out differently: the refresh renders with the deck as the
    template, so only what the briefing changed changes."""
    template = write_template(tmp_path / "t.pptx", lambda theme: theme)
    deck = tmp_path / "deck.pptx"
    assert main(["export", "-o", str(deck), "--template", str(template), "--lang", "en"]) == 0
    assert main(["refresh", str(deck), "-o", str(tmp_path / "same.pptx")]) == 0
    assert capsys.readouterr().out.splitlines()[-2].startswith("0 updated, 0 conflicts kept, 0 left alone")
    briefing = tmp_path / "new.yaml"
    update_briefing(builtin_briefing_path(), briefing, list(SCENARIOS["builtin"].assignments))
    refreshed = tmp_path / "refreshed.pptx"
    assert main(["refresh", str(deck), str(briefing), "-o", str(refreshed)]) == 0
    out = capsys.readouterr().out
    redrawn = [line for line in out.splitlines() if "'picture'" in line]  # only the timeline states the revenue
    assert len(redrawn) == 1 and "chart:overview-timeline" in redrawn[0]
    card = find(Presentation(str(refreshed)), f"metric:{REVENUE}")[1]
    assert "CNY 630 bn" in card.text_frame.text.replace("\u00a0", " ")


def test_chart_data_typed_by_hand_is_a_conflict_and_table_rows_are_found_by_what_they_say(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = SCENARIOS["six-themes"]
    deck, edited = tmp_path / "deck.pptx", tmp_path / "edited.pptx"
    assert main(["export", str(scenario.briefing), "-o", str(deck), "--lang", "en"]) == 0
    prs = Presentation(str(deck))
    graph = find(prs, "chart:s-bar")[1].chart
    typed = CategoryChartData(number_format="General")
    typed.categories = list(graph.plots[0].categories)
    typed.add_series("typed", [300.0, 200.0, 100.0])  # the user typed their own numbers into the chart
    graph.replace_data(typed)
    table = find(prs, "table:appendix-1")[1].table
    _, recorded = bindings.recorded(prs)
    first = next(r for r in recorded if r.key == "appendix-1").shapes["table:appendix-1" + bindings.ROWS].split(",")[0]
    table._tbl.remove(table._tbl.tr_lst[1])  # and deleted the first figure's row of the appendix
    prs.save(str(edited))
    briefing = tmp_path / "new.yaml"
    update_briefing(scenario.briefing, briefing, list(scenario.assignments))
    kept, taken = tmp_path / "kept.pptx", tmp_path / "taken.pptx"
    assert main(["refresh", str(edited), str(briefing), "-o", str(kept)]) == 3
    out = capsys.readouterr().out
    assert "chart:s-bar: conflict, your text kept" in out and "Park A revenue 300" in out
    assert _charts(kept)["chart:s-bar"][0] == (300.0, 200.0, 100.0)
    rows = _rows(kept)
    assert first not in rows  # the deleted row is not guessed back, and no other row took its figure
    fresh = tmp_path / "fresh.pptx"
    assert main(["export", str(briefing), "-o", str(fresh), "--lang", "en"]) == 0
    assert rows == {k: v for k, v in _rows(fresh).items() if k in rows} and len(rows) > 5
    assert main(["refresh", str(edited), str(briefing), "-o", str(taken), "--take-briefing"]) == 0
    assert _charts(taken)["chart:s-bar"] == _charts(fresh)["chart:s-bar"]


def test_a_value_beyond_the_axis_gets_the_new_scale_and_one_within_it_keeps_the_users(tmp_path: Path) -> None:
    scenario = SCENARIOS["six-themes"]
    deck = tmp_path / "deck.pptx"
    assert main(["export", str(scenario.briefing), "-o", str(deck), "--lang", "en"]) == 0
    before = find(Presentation(str(deck)), "chart:s-bar")[1].chart.value_axis.maximum_scale
    for value, grows in ((320, False), (3300, True)):
        briefing, out = tmp_path / f"{value}.yaml", tmp_path / f"{value}.pptx"
        update_briefing(scenario.briefing, briefing, [f"metrics.park-a.value={value}",
                                                      f"metrics.park-a.source=数据为{value}亿元"])
        assert main(["refresh", str(deck), str(briefing), "-o", str(out)]) == 0
        graph = find(Presentation(str(out)), "chart:s-bar")[1].chart
        top, axis = max(graph.plots[0].series[0].values), graph.value_axis
        assert (axis.maximum_scale >= top > before) if grows else axis.maximum_scale == before >= top
    fresh = tmp_path / "fresh.pptx"
    assert main(["export", str(briefing), "-o", str(fresh), "--lang", "en"]) == 0
    title = find(Presentation(str(fresh)), "chart:s-bar")[1].chart.value_axis.axis_title.text_frame.text
    assert axis.axis_title.text_frame.text == title  # the axis names the unit of the new values
