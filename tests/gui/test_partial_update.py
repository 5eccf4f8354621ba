"""After an edit the panels update the items it touched in place: the same panel, card and chart canvas
objects, the scroll position kept; a panel whose items moved is built again, the others stay."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from srbrief.edit import AddItem, MoveItem, SetField
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.widgets import KpiCard
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"


@pytest.fixture(params=["builtin", "six-themes"])
def opened(request: pytest.FixtureRequest, window: MainWindow, tmp_path: Path) -> MainWindow:
    target = tmp_path / "mine.yaml"
    shutil.copyfile(builtin_briefing_path() if request.param == "builtin" else SIX, target)
    assert window.source.open(target)
    window.editing.ask = lambda question: pytest.fail(f"unexpected question: {question}")
    window.editing.choose_save = lambda: "discard"
    window.resize(1400, 900)
    return window


def visit_all(window: MainWindow, qtbot) -> list:
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        window.current_panel().draw_charts()
        qtbot.wait(5)
    return window.panels


def cards_of(window: MainWindow, metric_id: str) -> list[KpiCard]:
    return [c for p in window.panels for c in p.findChildren(KpiCard) if c.item.id == metric_id]


def test_an_edit_updates_its_cards_in_place_and_keeps_everything_else(opened: MainWindow, qtbot) -> None:
    window = opened
    panels = visit_all(window, qtbot)
    canvases = [view.canvas for p in panels for view in p.charts]
    assert canvases and all(c is not None for c in canvases)
    section = next(s for s in window.briefing.sections if s.metrics)
    metric = section.metrics[0]
    row = window.briefing.sections.index(section)
    window.nav.setCurrentRow(row)
    panel = window.current_panel()
    panel.body.adjustSize()
    bar = panel.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    cards = cards_of(window, metric.id)
    assert cards
    session = window.editing
    path = session.doc.target(f"metrics.{metric.id}.label.zh").path
    assert session.apply(SetField(path, "改过名称的数字")) == []
    assert window.panels == panels  # no panel was built again
    assert [view.canvas for p in panels for view in p.charts] == canvases  # no chart canvas made again
    assert cards_of(window, metric.id) == cards  # the same card widgets ...
    assert all(card.accessibleName().startswith("改过名称的数字") for card in cards)  # ... showing the new label
    assert bar.value() == scrolled  # the page stays where the user was
    assert session.undo()
    assert window.panels == panels and cards_of(window, metric.id) == cards
    assert all(card.item.label.zh == metric.label.zh for card in cards)


def test_a_chart_is_drawn_again_only_when_what_it_shows_changed(opened: MainWindow, qtbot) -> None:
    window = opened
    panels = visit_all(window, qtbot)
    views = [view for p in panels for view in p.charts]
    shown = {i for view in views for i in view.chart.items}
    metric = next(m for m in window.briefing.metrics if m.id in shown)
    before = {id(view): view.layouts for view in views}
    session = window.editing
    path = session.doc.target(f"metrics.{metric.id}.label.zh").path
    assert session.apply(SetField(path, "图中的新名称")) == []
    redrawn = [view for view in views if view.layouts != before[id(view)]]
    assert redrawn and all(metric.id in view.chart.items or view.chart.kind.value in ("timeline", "route_map")
                           for view in redrawn)
    assert len(redrawn) < len(views)


def test_moved_and_added_items(opened: MainWindow, qtbot) -> None:
    """Moving a figure within its row of cards updates the cards in place (they show the new order); adding one
    builds that panel again, and only that one (and the sources table, which lists every figure)."""
    from srbrief.edit.commands import read_back

    window = opened
    panels = visit_all(window, qtbot)
    section = next(s for s in window.briefing.sections if len(s.metrics) >= 2)
    first, second = section.metrics[0].id, section.metrics[1].id
    row = window.briefing.sections.index(section)
    session = window.editing
    path = session.doc.target(f"metrics.{second}").path
    assert session.apply(MoveItem(path, path[-1] - 1)) == []
    assert window.panels == panels
    ids = [c.item.id for c in panels[row].findChildren(KpiCard)]
    last = {item: i for i, item in enumerate(ids)}  # the last row of cards: every figure in the file's order
    assert last[second] < last[first]
    path = session.doc.target(f"metrics.{first}").path
    data = read_back(session.doc.text, path)
    assert session.apply(AddItem(path[:-1], {**data, "id": f"{first}-copy"}, index=path[-1] + 1)) == []
    after = window.panels
    assert after[row] is not panels[row]
    assert f"{first}-copy" in {c.item.id for c in after[row].findChildren(KpiCard)}
    kept = [i for i in range(len(panels)) if i not in (row, len(panels) - 1)]
    assert [after[i] for i in kept] == [panels[i] for i in kept]


def test_an_edit_is_validated_and_shown_without_cycle_collections_which_run_once_idle(opened: MainWindow,
                                                                                      qtbot) -> None:
    """The collector's passes over an edit's short-lived objects made the edit's slowest times: it is paused
    while the edit is validated and its panel updated, and resumed when the event loop is idle."""
    import gc

    visit_all(opened, qtbot)
    metric = opened.briefing.metrics[0]
    label = opened.editing.doc.target(f"metrics.{metric.id}.label.en").path
    during: list[int] = []
    collections: list[int] = []
    before = 0

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    def shown(_shown) -> None:
        during.append(len(collections) - before)

    old = gc.get_threshold()
    gc.set_threshold(50, 5, 5)  # without the pause, an edit would be collected many times over
    gc.callbacks.append(count)
    opened.editing.state.changed.connect(shown)
    try:
        command = SetField(label, metric.label.en + " (new)")
        before = len(collections)
        assert opened.editing.apply(command) == []
        inside = len(collections)
        assert during == [0] and inside == before
        assert not gc.isenabled()  # until the loop is idle
        qtbot.waitUntil(gc.isenabled)
        [gc.collect(0) for _ in range(2)]
        assert opened.editing.undo() and len(collections) > inside + 1  # the undo paused it again meanwhile
        qtbot.waitUntil(gc.isenabled)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*old)
        gc.enable()
