"""Validation passes ⇒ every renderer succeeds (issue 11, item 6).

Hypothesis builds valid briefings, degenerate ones included (zeros, the largest allowed values, tiny
fractions, one metric, long and odd text up to the limits, every chart kind), and each goes through the
charts, the PPTX deck, the PDF handout and the offscreen window (every panel with its charts, the presenter)
without an exception. `make test` runs a few (SRBRIEF_FUZZ_EXAMPLES, default 10); `make fuzz` runs 2,000.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srbrief.model import Briefing, parse_briefing
from srbrief.model.plausible import MAX_DECIMALS, MIN_MAGNITUDE
from srbrief.model.refs import literal_figures
from srbrief.model.types import LONG_TEXT, MAX_VALUE, MESSAGE_TEXT, SHORT_TEXT
from srbrief.model.units import UNITS, number_text

EXAMPLES = int(os.environ.get("SRBRIEF_FUZZ_EXAMPLES", "10"))
ODD = "\u0301\u200b\u200d\u202e\ufeff\u3000\t\n—…“”《》·%&<>'\"\\{}[]#:-"
ALPHABET = st.one_of(st.sampled_from("上饶制造强市新三样产业光伏锂电汽车亿元超余ABCxyz0123456789 "),
                     st.sampled_from(ODD), st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn")))


def _text(limit: int) -> st.SearchStrategy[str]:
    """Short text mostly, now and then right at the limit; never blank."""
    body = st.one_of(st.text(ALPHABET, min_size=1, max_size=12), st.text(ALPHABET, min_size=1, max_size=60),
                     st.integers(limit - 3, limit).map(lambda n: ("长文本Long " * limit)[:n]))
    return body.map(lambda s: s.replace("\ufffe", "").replace("\uffff", "")).filter(lambda s: s.strip() != "")


def _bilingual(limit: int = SHORT_TEXT) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({"zh": _text(limit), "en": _text(limit)})


FIGURE_CHARS = set("0123456789{}一二两三四五六七八九十百千第前强榜")


def _no_figures(text: str) -> str:
    """Return *text* without what the number rule reads as a literal figure (prose states figures as
    references), and without braces."""
    kept = "".join(c for c in text if c not in FIGURE_CHARS)
    for literal in literal_figures(kept):  # English number words (two, second)
        kept = kept.replace(literal, "")
    return kept


def _prose(limit: int = SHORT_TEXT) -> st.SearchStrategy[dict[str, str]]:
    """Bilingual prose: no literal figures (see :func:`_no_figures`)."""
    clean = _text(limit).map(_no_figures).filter(lambda s: s.strip() != "")
    return st.fixed_dictionaries({"zh": clean, "en": clean})


def _clause(metric: dict[str, Any]) -> str:
    """Return a clause that states *metric*'s value as a Chinese sentence would (the value must agree)."""
    number = number_text(metric["value"])
    words = {"more_than": f"超{number}", "about": f"约{number}", "rank": f"第{number}", "top": f"前{number}"}
    return "数据为" + words.get(metric["qualifier"], number) + ("" if metric["unit"] == "rank" else
                                                                UNITS[metric["unit"]].zh)


VALUES = st.one_of(st.sampled_from([0.0, MIN_MAGNITUDE, 0.5, 1.0, 99.5, 100.0, 6261.0, MAX_VALUE, MAX_VALUE / 3]),
                   st.floats(0, MAX_VALUE, allow_nan=False).map(lambda v: round(v, MAX_DECIMALS)),
                   st.integers(0, 10**6).map(float))
UNIT_CHOICES = ["yi-yuan", "percent", "jia", "wan-dun", "bei", "month", "rank"]
PLACES = [(28.45, 117.94), (29.87, 121.55), (-89.9, -179.9), (90.0, 180.0), (28.45, 117.95)]


@st.composite
def briefings(draw: st.DrawFn) -> dict[str, Any]:
    places = [{"id": f"p{i}", "kind": "place", "name": _sample(draw, _bilingual()),
               "location": {"lat": lat, "lon": lon}} for i, (lat, lon) in enumerate(
                   PLACES[: draw(st.integers(0, len(PLACES)))])]
    events = [{"id": f"ev{i}", "date": f"{2000 + i}", "text": _sample(draw, _prose(LONG_TEXT)),
               "source": "s"} for i in range(draw(st.integers(0, 4)))]
    sections = [_section(draw, 0, "overview", places, events)]
    sections += [_section(draw, n, "theme", places, events) for n in range(1, draw(st.integers(1, 3)) + 1)]
    summary = [{"section": s["id"], "message": draw(_words(MESSAGE_TEXT)), "sources": ["s"]} for s in sections[1:]
               if draw(st.booleans())]
    outlook = [{"text": _sample(draw, _prose(LONG_TEXT)), "source": "s"} for _ in range(draw(st.integers(0, 3)))]
    extra: dict[str, Any] = {"summary": summary, "outlook": outlook}
    if draw(st.booleans()):
        extra.update(organisation=_sample(draw, _bilingual()), presenter=_sample(draw, _bilingual()))
    return {**extra, "schema": "srbrief/1", "id": "fuzz", "title": _sample(draw, _bilingual()),
            "subtitle": _sample(draw, _bilingual()),
            "source": {"publication": _sample(draw, _bilingual()), "date": "2025-10-11",
                       "headline": _sample(draw, _bilingual())},
            "as_of": "2025-10-11", "entities": places, "timeline": events, "sections": sections}


def _sample(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return draw(strategy)


def _section(draw: st.DrawFn, n: int, kind: str, places: list[dict[str, Any]],
             events: list[dict[str, Any]]) -> dict[str, Any]:
    unit = draw(st.sampled_from(UNIT_CHOICES))
    count = draw(st.integers(1, 6))
    same = draw(st.sampled_from([None, None, 0.0, MIN_MAGNITUDE, MAX_VALUE]))  # degenerate: every value alike
    changes = unit != "rank" and draw(st.booleans())  # a section's figures are all levels or all changes
    metrics = []
    for i in range(count):
        value = float(draw(st.integers(1, 50))) if unit == "rank" else draw(VALUES) if same is None else same
        metric: dict[str, Any] = {"id": f"m{n}-{i}", "label": _sample(draw, _prose()), "value": value,
                                  "unit": unit, "period": f"{2001 + i}"}
        metric["qualifier"] = draw(st.sampled_from(["rank", "top"])) if unit == "rank" else \
            draw(st.sampled_from(["exact", "more_than", "about"]))
        metric["source"] = _clause(metric)
        if changes:
            metric["direction"] = draw(st.sampled_from(["increase", "decrease"]))
            # a change's clause says which way it went, as the truth checks ask
            metric["source"] = metric["source"].replace(
                "数据为", "数据增长" if metric["direction"] == "increase" else "数据下降", 1)
            if draw(st.booleans()):
                metric["good"] = draw(st.sampled_from(["up", "down"]))
        if draw(st.integers(0, 4)) == 0:
            metric["note"] = _sample(draw, _prose(LONG_TEXT))
        metrics.append(metric)
    ids = [m["id"] for m in metrics]
    facts: list[dict[str, Any]] = []
    if draw(st.booleans()):
        items = [{"label": _sample(draw, _bilingual()), **({"group": {"zh": "组", "en": f"G{j % 2}"}}
                  if draw(st.booleans()) else {})} for j in range(draw(st.integers(1, 6)))]
        facts.append({"id": f"f{n}-items", "kind": "measure", "text": _sample(draw, _prose(LONG_TEXT)),
                      "source": "s", "title": _sample(draw, _prose()), "items": items})
    if len(places) >= 2 and draw(st.booleans()):
        route = [p["id"] for p in places[: draw(st.integers(2, len(places)))]]
        facts.append({"id": f"f{n}-route", "kind": "corridor", "text": _sample(draw, _prose(LONG_TEXT)),
                      "source": "s", "route": route})
    charts = [_chart(n, "kpi", ids[: min(8, count)])]
    if count >= 2 and unit != "rank":
        charts.append(_chart(n, draw(st.sampled_from(["bar", "hbar", "line"])), ids))
    share = _share_items(metrics, unit)
    if share:
        charts.append(_chart(n, "share", share))
    for fact in facts:
        if fact.get("items"):
            charts.append(_chart(n, draw(st.sampled_from(["grid", "matrix"])), [fact["id"]]))
        if fact.get("route"):
            charts.append(_chart(n, "route_map", [fact["id"]]))
    if events and n == 1:
        charts.append(_chart(n, "timeline", []))
    section: dict[str, Any] = {"id": f"s{n}", "kind": kind, "title": _sample(draw, _bilingual()),
                               "short_title": _sample(draw, _bilingual()), "lede": _sample(draw, _prose(LONG_TEXT)),
                               "metrics": metrics, "facts": facts, "charts": charts}
    if kind == "theme" and draw(st.booleans()):  # a storyline; else the planner groups the section itself
        section["points"] = [_point(draw, f"pt{n}-{k}", ids, [c["id"] for c in charts])
                             for k in range(draw(st.integers(1, 3)))]
    if kind == "theme":
        section["number"] = n
    return section


def _words(limit: int) -> st.SearchStrategy[dict[str, str]]:
    """Bilingual prose for messages and statements: numbers only as references (see :func:`_point`)."""
    return _prose(limit)


def _point(draw: st.DrawFn, point_id: str, ids: list[str], charts: list[str]) -> dict[str, Any]:
    figures = draw(st.lists(st.sampled_from(ids), max_size=6, unique=True))
    message = draw(_words(MESSAGE_TEXT - 80))
    if figures and draw(st.booleans()):  # a figure in the message: a reference, rendered from the data
        message = {lang: f"{text}{{{figures[0]}}}" for lang, text in message.items()}
    point: dict[str, Any] = {"id": point_id, "message": message, "figures": figures, "sources": ["s"]}
    if draw(st.booleans()):
        point["chart"] = draw(st.sampled_from(charts))
    point["facts"] = [{"text": draw(_words(LONG_TEXT)), "source": "s"} for _ in range(draw(st.integers(0, 3)))]
    if draw(st.booleans()):
        point["notes"] = _sample(draw, _prose(LONG_TEXT))
    return point


def _share_items(metrics: list[dict[str, Any]], unit: str) -> list[str]:
    if unit == "percent":  # a share is at most 100 %
        return [m["id"] for m in metrics if m["value"] <= 100][:4]
    if len(metrics) >= 2 and unit != "rank":
        part, whole = sorted(metrics[:2], key=lambda m: m["value"])
        if whole["value"] > 0:
            return [part["id"], whole["id"]]
    return []


def _chart(n: int, kind: str, items: list[str]) -> dict[str, Any]:
    return {"id": f"c{n}-{kind.replace('_', '-')}-{len(items)}", "kind": kind,
            "title": {"zh": f"图{kind}", "en": f"Chart {kind}"}, "items": items}


def _render_everything(briefing: Briefing, text: str, lang: str, folder: Path) -> None:
    from srbrief.charts import render_chart
    from srbrief.deck.export import export_pptx
    from srbrief.deck.plan import plan_deck
    from srbrief.gui.files import BriefingSource
    from srbrief.gui.mainwindow import MainWindow
    from srbrief.gui.pdf import write_pdf
    from srbrief.gui.presenter import PresenterWindow

    for chart in briefing.charts:
        render_chart(briefing, chart, lang, io.BytesIO(), dpi=30, fmt="png")
    assert export_pptx(briefing, folder / "deck.pptx", lang) > 0
    plan = plan_deck(briefing, lang)
    write_pdf(plan, folder / "deck.pdf", "notes")
    path = folder / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    window = MainWindow(BriefingSource(path), lang)
    try:
        window.resize(1000, 700)
        window.show()
        window.charts_enabled = True
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            window.current_panel().draw_charts()
            window.grab()
        presenter = PresenterWindow(plan, presenter_view=True)
        presenter.resize(1000, 600)
        for index in range(len(plan.slides)):
            presenter.go(index)
            presenter.grab()
        presenter.close()
        presenter.deleteLater()
    finally:
        window.persist_settings = False
        window.close()
        window.deleteLater()


@pytest.fixture(scope="module")
def _qt(qapp):  # one QApplication (pytest-qt) and the bundled fonts, for every example
    from PySide6.QtCore import QCoreApplication, QSettings

    from srbrief.gui.qtfonts import register_fonts

    QCoreApplication.setOrganizationName("srbrief-tests")
    QCoreApplication.setApplicationName("srbrief-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="srb-set-"))
    register_fonts()
    return qapp


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:Glyph:UserWarning")  # odd characters may lack a glyph: a box, not a failure
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
                                 HealthCheck.function_scoped_fixture])
@given(doc=briefings(), lang=st.sampled_from(["zh", "en"]))
def test_every_valid_briefing_renders_everywhere(_qt, doc: dict[str, Any], lang: str) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10**6)
    briefing = parse_briefing(text, "fuzz.yaml")  # the generator makes valid briefings only
    with tempfile.TemporaryDirectory() as folder:
        _render_everything(briefing, text, lang, Path(folder))
        _qt.processEvents()


def test_a_full_bar_chart_of_the_longest_labels_draws() -> None:
    """Found by the property test: twelve labels at the length limit left a vertical bar chart's axes a
    negative height (matplotlib: "Width and height specified must be non-negative")."""
    from srbrief.charts import render_chart

    metrics = [{"id": f"m{i}", "label": {"zh": "长" * SHORT_TEXT, "en": "long " * (SHORT_TEXT // 5)},
                "value": float(i), "unit": "jia", "source": f"数据为{i}家"} for i in range(12)]
    doc = {"schema": "srbrief/1", "id": "bars", "title": {"zh": "标题", "en": "Title"},
           "subtitle": {"zh": "副", "en": "Sub"}, "as_of": "2025-10-11",
           "source": {"publication": {"zh": "报", "en": "Daily"}, "date": "2025-10-11",
                      "headline": {"zh": "题", "en": "Headline"}},
           "sections": [{"id": "o", "kind": "overview", "title": {"zh": "总", "en": "All"},
                         "short_title": {"zh": "总", "en": "All"}, "lede": {"zh": "导", "en": "Lede"},
                         "metrics": metrics, "charts": [{"id": "bars", "kind": "bar", "title": {"zh": "图", "en": "C"},
                                                         "items": [m["id"] for m in metrics]}]}]}
    briefing = parse_briefing(yaml.safe_dump(doc, allow_unicode=True), "bars.yaml")
    for lang in ("zh", "en"):
        render_chart(briefing, briefing.charts[0], lang, io.BytesIO(), dpi=30, fmt="png")
