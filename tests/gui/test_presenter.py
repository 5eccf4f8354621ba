"""The presenter: a wall clock, a timer that pauses and resets, an end-of-show screen, and black/white screens
that blank the audience's screen only when there are two screens."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage

from srbrief.deck.plan import plan_deck
from srbrief.gui.presenter import PresenterWindow, ShowClock
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path

SIX_THEMES = Path(__file__).resolve().parent.parent / "data" / "six-themes.yaml"


@pytest.fixture(params=["builtin", "six-themes"])
def plan(request: pytest.FixtureRequest):
    path = builtin_briefing_path() if request.param == "builtin" else SIX_THEMES
    return plan_deck(load_briefing(path), "en")


def colours(image: QImage) -> set[int]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}


def test_the_timer_pauses_resumes_and_resets() -> None:
    now = [100.0]
    clock = ShowClock(lambda: now[0])
    now[0] = 130.0
    assert clock.elapsed() == 30
    clock.toggle()  # pause
    now[0] = 200.0
    assert clock.elapsed() == 30 and clock.paused
    clock.toggle()  # resume
    now[0] = 210.0
    assert clock.elapsed() == 40 and not clock.paused
    clock.reset()
    now[0] = 215.0
    assert clock.elapsed() == 5


def test_the_presenter_view_shows_the_wall_clock_and_the_paused_timer(qtbot, plan) -> None:
    window = PresenterWindow(plan, presenter_view=True, screens=[QGuiApplication.primaryScreen()])
    qtbot.addWidget(window)
    clock, timer, where = window.time_lines()
    assert time.strftime("%H:%M") in clock or time.strftime("%H:%M", time.localtime(time.time() - 60)) in clock
    assert timer.startswith("Elapsed 0:00:") and "paused" not in timer and where == f"1 / {len(plan.slides)}"
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert window.clock.paused and "(paused)" in window.time_lines()[1]
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert window.time_lines()[1].startswith("Elapsed 0:00:00")
    window.resize(1200, 700)
    window.grab()


def test_the_show_ends_on_an_end_screen_then_closes(qtbot, plan) -> None:
    window = PresenterWindow(plan, presenter_view=False, screens=[QGuiApplication.primaryScreen()])
    qtbot.addWidget(window)
    window.show()
    window.resize(640, 360)
    window.go(window.count - 1)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.index == window.count  # the end-of-show screen
    shown = colours(window.grab().toImage())
    assert len(shown) > 1  # its words on black
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert not window.isVisible()


def test_on_one_screen_black_and_white_blank_the_window(qtbot, plan) -> None:
    window = PresenterWindow(plan, presenter_view=False, screens=[QGuiApplication.primaryScreen()])
    qtbot.addWidget(window)
    window.resize(640, 360)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert colours(window.grab().toImage()) == {0xFF000000}
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert colours(window.grab().toImage()) == {0xFFFFFFFF}
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert len(colours(window.grab().toImage())) > 2  # the slide again


def test_with_two_screens_black_blanks_only_the_audience(qtbot, plan) -> None:
    screen = QGuiApplication.primaryScreen()
    window = PresenterWindow(plan, screens=[screen, screen])
    qtbot.addWidget(window)
    assert window.presenter_view and window.audience is not None
    qtbot.addWidget(window.audience)
    window.resize(1200, 700)
    window.audience.resize(640, 360)
    assert len(colours(window.audience.grab().toImage())) > 2
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert colours(window.audience.grab().toImage()) == {0xFF000000}
    assert len(colours(window.grab().toImage())) > 10  # the presenter still sees the slide, the notes, the time
    qtbot.keyClick(window.audience, Qt.Key.Key_W)  # keys on the audience's screen work too
    assert colours(window.audience.grab().toImage()) == {0xFFFFFFFF}
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert window.presenter_view  # with two screens the presenter view stays
