"""A chart shown as cards says why, in the app and in `srbrief validate` (issue #20: the 横峰 briefing's bar chart
of 120 MW newly built vs 450+ MW in all silently became cards in the deck)."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.cli import main
from srbrief.gui.panels import SectionPanel
from srbrief.model.loader import load_briefing

HENGFENG = Path(__file__).parents[1] / "data" / "tester" / "hengfeng-new-energy.yaml"


def _notes(lang: str) -> list[str]:
    briefing = load_briefing(HENGFENG)
    panel = SectionPanel(briefing, briefing.sections[0], lang, lambda *_: None)
    return [b.data[0] for b in panel.blocks(briefing) if b.kind == "label"]


def test_the_app_says_why_a_chart_is_shown_as_cards(qtbot) -> None:
    zh = [n for n in _notes("zh") if "横峰县光伏装机容量（兆瓦）" in n]
    assert zh == ["图表「横峰县光伏装机容量（兆瓦）」未画出，其数字以卡片显示：同一坐标轴上比较了不同对象的总量；"
                  "柱状图只比较同一指标在不同机构或不同时期的数值（请给每个数字注明所属机构），否则请用数字卡片"]
    en = [n for n in _notes("en") if "Hengfeng PV capacity (MW)" in n]
    assert len(en) == 1 and en[0].startswith("Chart “Hengfeng PV capacity (MW)” is not drawn; its figures are shown "
                                             "as cards: compares levels of different populations")


def test_on_the_builtin_briefing_every_chart_shown_as_cards_says_so_and_no_other(qtbot) -> None:
    from srbrief.model.honesty import chart_problem
    from srbrief.resources import builtin_briefing_path

    briefing = load_briefing(builtin_briefing_path())
    for section in briefing.sections:
        panel = SectionPanel(briefing, section, "zh", lambda *_: None)
        refused = [p.chart for p in section.points if p.chart and chart_problem(briefing, briefing.find(p.chart))]
        notes = [b.data[0] for b in panel.blocks(briefing) if b.kind == "label" and "未画出" in b.data[0]]
        assert len(notes) == len(refused), section.id
        assert all(briefing.find(c).title.zh in n for c, n in zip(refused, notes, strict=True))


def test_validate_says_in_one_line_where_the_chart_went(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(HENGFENG)]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{HENGFENG}: warning: chart hengfeng-pv-capacity-mw is shown as cards in the app and "
                           "the deck: it compares levels of different populations on one axis")
