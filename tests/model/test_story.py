"""The storyline the renderers draw: points (written or grouped), executive summary, outlook, good news."""

from __future__ import annotations

import pytest

from srbrief.model import (
    Briefing,
    Chart,
    ChartKind,
    Cite,
    Direction,
    Good,
    Metric,
    Point,
    Section,
    SectionKind,
    Source,
    Statement,
    SummaryItem,
    Text,
    parse_briefing,
)
from srbrief.model.claims import carried_numbers, numbers_in, uncarried_numbers
from srbrief.model.story import (
    MAX_FIGURES,
    effective_points,
    executive_summary,
    good_news,
    outlook,
    point_chart,
    point_figures,
)


def metric(mid: str, value: float = 5, unit: str = "ge", **kw: object) -> Metric:
    return Metric(id=mid, label=Text("标签", "Label"), value=value, unit=unit, source=Cite("x"), **kw)


LEDE = Text("导语", "Lede")


def theme(sid: str, metrics: tuple[Metric, ...], charts: tuple[Chart, ...] = (), points: tuple[Point, ...] = (),
          lede: Text = LEDE) -> Section:
    return Section(id=sid, kind=SectionKind.THEME, number=1, title=Text("标题", "Title"),
                   short_title=Text("短", "Short"), lede=lede, metrics=metrics, charts=charts, points=points)


def briefing(*sections: Section, summary: tuple[SummaryItem, ...] = (),
             outlook_lines: tuple[Statement, ...] = ()) -> Briefing:
    overview = Section(id="overview", kind=SectionKind.OVERVIEW, title=Text("总览", "Overview"),
                       short_title=Text("总览", "Overview"), lede=Text("导语", "Lede"))
    return Briefing(schema="srbrief/1", id="b", title=Text("题", "T"), subtitle=Text("副", "S"),
                    sources=(Source("paper", Text("报", "Paper"), "2025-10-11", Text("标题", "Headline")),),
                    as_of="2025-10-11",
                    sections=(overview, *sections), summary=summary, outlook=outlook_lines)


# --- numbers in sentences ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "numbers"), [
    ("2024年营收达6261亿元", ["2024", "6261"]),
    ("CNY 626.1 billion, over 10,000 visits", ["626.1", "10000"]),
    ("G60 corridor, 5G and R&D", []),
    ("ranked 2nd, 3rd and 21st", ["2", "3", "21"]),
    ("自2023年6月起", ["2023", "6"]),
    ("−25% and +20%", ["25", "20"]),
])
def test_numbers_in(text: str, numbers: list[str]) -> None:
    assert numbers_in(text) == numbers


def test_a_figure_carries_its_displayed_numbers_and_period() -> None:
    revenue = metric("r", 6261, "yi-yuan", period="2024")
    assert carried_numbers(revenue, "zh") == {"6261", "2024"}
    assert carried_numbers(revenue, "en") == {"626.1", "2024"}
    streak = metric("s", 26, "month", period="2023-06/2025-07")
    assert carried_numbers(streak, "zh") == {"26", "2023", "6", "2025", "7", "2024"}  # every year of the run
    assert uncarried_numbers("Second for 26 months since June 2023, 27 in all", [streak], "en") == ["27"]
    assert uncarried_numbers("6,261", [metric("c", 6261, "jia")], "en") == []


# --- points --------------------------------------------------------------------------------------------

def test_written_points_come_first() -> None:
    written = (Point(id="p", message=Text("结论", "Conclusion"), figures=("a",)),)
    section = theme("t", (metric("a"), metric("b")), points=written)
    assert effective_points(section) == written


def test_without_a_storyline_figures_are_grouped_at_most_six_a_point() -> None:
    metrics = tuple(metric(f"m{i}") for i in range(14))
    chart = Chart(id="c", kind=ChartKind.HBAR, title=Text("图", "Chart"), items=("m12", "m13", "m0"))
    grid = Chart(id="g", kind=ChartKind.GRID, title=Text("网格", "Grid"), items=("f",))
    points = effective_points(theme("t", metrics, (chart, grid)))
    assert all(len(p.figures) <= MAX_FIGURES for p in points)
    assert points[0].figures == ("m12", "m13", "m0") and points[0].chart == "c"
    figures = [f for p in points for f in p.figures]
    assert sorted(figures) == sorted(m.id for m in metrics) and len(figures) == len(set(figures))
    assert points[-1].figures == () and points[-1].chart == "g"
    assert len({p.id for p in points}) == len(points)


def test_a_later_point_takes_its_chart_title_else_its_number() -> None:
    """No slide is titled "X (continued)": a later point is titled by its chart, else numbered."""
    metrics = tuple(metric(f"m{i}") for i in range(3))
    grid = Chart(id="g", kind=ChartKind.GRID, title=Text("网格", "Grid"), items=("f",))
    again = Chart(id="h", kind=ChartKind.GRID, title=Text("网格", "Grid"), items=("f",))
    points = effective_points(theme("t", metrics, (grid, again)))
    assert [p.message.en for p in points] == ["Lede", "Grid", "Title (3/3)"]
    assert not any("continued" in p.message.en or "续" in p.message.zh for p in points)


def test_neutral_messages_never_invent_a_claim() -> None:
    metrics = tuple(metric(f"m{i}", 10 + i) for i in range(8))
    plain = effective_points(theme("t", metrics))
    assert plain[0].message == Text("导语", "Lede")
    assert plain[1].message == Text("标题（2/2）", "Title (2/2)")  # a part's number, never "(continued)"
    claims = Text("营收达99亿元", "Revenue of CNY 9.9 billion")
    uncited = effective_points(theme("t", metrics, lede=claims))
    assert uncited[0].message == Text("标题", "Title"), "a lede whose number no grouped figure carries is not used"
    cited = effective_points(theme("t", (metric("r", 99, "yi-yuan"),), lede=claims))
    assert cited[0].message == claims


def test_an_empty_section_has_no_points() -> None:
    assert effective_points(theme("t", ())) == ()


def test_resolving_a_point(minimal_yaml: str) -> None:
    b = parse_briefing(minimal_yaml, "mini.yaml")
    point = effective_points(b.sections[0])[0]
    assert [m.id for m in point_figures(b, point)] == ["revenue", "suppliers"]
    chart = point_chart(b, point)
    assert chart is not None and chart.id == "kpis"


# --- executive summary and outlook ---------------------------------------------------------------------

def test_summary_written_or_taken_from_the_first_point() -> None:
    first = Point(id="p1", message=Text("结论一", "First"), figures=("b", "a"))
    one = theme("t1", (metric("a"), metric("b")), points=(first,))
    two = theme("t2", (metric("c"), metric("d")))
    three = theme("t3", (metric("e"),))
    b = briefing(one, two, three, summary=(SummaryItem("t3", Text("写的", "Written"), "e"),
                                           SummaryItem("t2", Text("无图", "No figure"))))
    lines = executive_summary(b)
    assert [line.section.id for line in lines] == ["t1", "t2", "t3"]
    assert lines[0].message == first.message and lines[0].figure is not None and lines[0].figure.id == "b"
    assert not lines[0].written
    assert lines[1].written and lines[1].figure is not None and lines[1].figure.id == "c"
    assert lines[2].message.en == "Written" and lines[2].figure is not None and lines[2].figure.id == "e"


def test_summary_of_a_theme_without_figures() -> None:
    lines = executive_summary(briefing(theme("t", ())))
    assert lines[0].message == Text("标题", "Title") and lines[0].figure is None


def test_summary_of_a_briefing_without_themes_covers_its_later_points_and_outlook() -> None:
    """The county review: a one-section briefing's summary showed its first message alone, of three. Its
    lines are the overview's later points (each with its first figure) and the outlook with its target."""
    first = Point(id="p1", message=Text("结论一", "First"), figures=("a",))
    second = Point(id="p2", message=Text("结论二", "Second"), figures=("b", "c"), sources=(Cite("二"),))
    target = Metric(id="t", label=Text("目标", "Target"), value=200, unit="yi-yuan", source=Cite("力争200亿元"))
    overview = Section(id="overview", kind=SectionKind.OVERVIEW, title=Text("总览", "Overview"),
                       short_title=Text("总览", "Overview"), lede=LEDE,
                       metrics=(metric("a"), metric("b"), metric("c"), target), points=(first, second))
    line = Statement(Text("力争200亿元。", "Aims for CNY 20 bn."), Cite("力争200亿元"))
    b = briefing(outlook_lines=(line,))
    b = Briefing(schema=b.schema, id=b.id, title=b.title, subtitle=b.subtitle, sources=b.sources, as_of=b.as_of,
                 sections=(overview,), outlook=(line,))
    lines = executive_summary(b)
    assert [x.message for x in lines] == [second.message, Text("力争200亿元", "Aims for CNY 20 bn")]
    assert [x.figure.id if x.figure else None for x in lines] == ["b", "t"]
    assert [x.name().get("zh") for x in lines] == ["要点二", "展望"]  # (no "要点一": the lead is the title)
    assert [x.name().get("en") for x in lines] == ["Point 2", "Outlook"]
    assert lines[0].sources == second.sources and lines[1].sources == (line.source,)
    no_outlook = Briefing(schema=b.schema, id=b.id, title=b.title, subtitle=b.subtitle, sources=b.sources,
                          as_of=b.as_of, sections=(overview,))
    assert [x.message for x in executive_summary(no_outlook)] == [second.message]
    headed = Point(id="p2", message=Text("产能集聚：新增120兆瓦", "Capacity gathers: 120 MW added"), figures=("b",))
    with_head = Section(id="overview", kind=SectionKind.OVERVIEW, title=Text("总览", "Overview"),
                        short_title=Text("总览", "Overview"), lede=LEDE, metrics=overview.metrics,
                        points=(first, headed))
    b = Briefing(schema=b.schema, id=b.id, title=b.title, subtitle=b.subtitle, sources=b.sources, as_of=b.as_of,
                 sections=(with_head,))
    assert executive_summary(b)[0].name() == Text("产能集聚", "Capacity gathers")  # the message's own head


def test_outlook_is_only_what_the_data_says() -> None:
    line = Statement(Text("对标长三角", "Benchmark against the Delta"), Cite("对标长三角"))
    assert outlook(briefing(outlook_lines=(line,))) == (line,)
    assert outlook(briefing()) == ()


@pytest.mark.parametrize(("direction", "good", "news"), [
    (Direction.DECREASE, Good.DOWN, True), (Direction.INCREASE, Good.UP, True),
    (Direction.INCREASE, Good.DOWN, False), (Direction.DECREASE, Good.UP, False),
    (Direction.INCREASE, None, None), (None, Good.UP, None),
])
def test_good_news(direction: Direction | None, good: Good | None, news: bool | None) -> None:
    assert good_news(metric("m", 25, "percent", direction=direction, good=good)) is news
