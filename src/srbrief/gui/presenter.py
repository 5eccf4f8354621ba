"""The in-app presenter: the deck plan's slides full screen, with an optional presenter view.

With two screens the audience sees the slides full screen on the second one while the presenter view (this
window) shows the slide, the next one, the notes, a wall clock and the timer on the first; B and W black or
white out the audience's screen only. On one screen the window is the audience's, and P switches to the
presenter view (B and W then leave that view as it is, and say what the audience would see).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QWidget

from srbrief import palette
from srbrief.deck.plan import DeckPlan
from srbrief.gui.i18n import tr
from srbrief.gui.slides import SlidePainter, _font, draw_fitted

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_N}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_Backspace}
BLANK_KEYS = {Qt.Key.Key_B: "black", Qt.Key.Key_Period: "black", Qt.Key.Key_W: "white", Qt.Key.Key_Comma: "white"}
BLANK_COLOURS = {"black": palette.DARK.screen, "white": palette.LIGHT.background}


class ShowClock:
    """The time a presentation has run, which the presenter can pause and reset (Qt-free: *now* is the clock)."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self.started = now()
        self.paused_at: float | None = None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    def elapsed(self) -> int:
        """Return the whole seconds run, not counting pauses."""
        end = self.paused_at if self.paused_at is not None else self.now()
        return int(end - self.started)

    def toggle(self) -> None:
        """Pause the timer, or let it run on from where it was paused."""
        if self.paused_at is None:
            self.paused_at = self.now()
        else:
            self.started += self.now() - self.paused_at
            self.paused_at = None

    def reset(self) -> None:
        """Start again from 0:00 (still paused, if it was)."""
        self.started = self.now()
        if self.paused_at is not None:
            self.paused_at = self.started


class AudienceWindow(QWidget):
    """The audience's screen when there are two: the slide (or black, white, the end of the show)."""

    def __init__(self, presenter: PresenterWindow) -> None:
        super().__init__()
        self.presenter = presenter
        self.setWindowTitle(presenter.windowTitle())
        self.setCursor(Qt.CursorShape.BlankCursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        self.presenter.keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self.presenter.paint_audience(painter, QRectF(self.rect()))
        finally:
            painter.end()


class PresenterWindow(QWidget):
    """Shows slide *index* of a plan; keys move through the deck. Index ``count`` is the end-of-show screen."""

    closed = Signal()

    def __init__(self, plan: DeckPlan, start: int = 0, presenter_view: bool | None = None,
                 screens: list[QScreen] | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.painter_ = SlidePainter(plan)
        self.index = start
        self.blank: str | None = None  # "black" or "white": the audience's screen is blanked
        self.typed = ""
        self.clock = ShowClock()
        self.screens = QGuiApplication.screens() if screens is None else screens
        self.presenter_view = len(self.screens) > 1 if presenter_view is None else presenter_view
        self.setWindowTitle(tr("present", plan.lang).replace("&", ""))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.audience = AudienceWindow(self) if len(self.screens) > 1 and self.presenter_view else None
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.update)
        self.timer.start()

    @property
    def count(self) -> int:
        return len(self.plan.slides)

    @property
    def black(self) -> bool:
        return self.blank == "black"

    def start(self) -> None:
        """Show full screen: with two screens, the audience's slides on the second, this view on the first."""
        if self.audience is not None:
            self.audience.setScreen(self.screens[1])
            self.audience.setGeometry(self.screens[1].geometry())
            self.audience.showFullScreen()
            self.setScreen(self.screens[0])
            self.setGeometry(self.screens[0].geometry())
        self.showFullScreen()
        self.activateWindow()

    def go(self, index: int) -> None:
        """Show slide *index* (clamped to the deck; one past the last slide is the end of the show)."""
        self.index = max(0, min(self.count, index))
        self.blank = None
        self.update()

    def update(self) -> None:  # type: ignore[override]
        super().update()
        if self.audience is not None:
            self.audience.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.typed += event.text()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typed:
            self.go(int(self.typed) - 1)
            self.typed = ""
        elif key in NEXT_KEYS or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.index >= self.count:  # past the end-of-show screen: the show is over
                self.close()
            else:
                self.go(self.index + 1)
        elif key in PREVIOUS_KEYS:
            self.go(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(self.count - 1)
        elif key in BLANK_KEYS:
            wanted = BLANK_KEYS[Qt.Key(key)]
            self.blank = None if self.blank == wanted else wanted
            self.update()
        elif key == Qt.Key.Key_T:
            self.clock.toggle()
            self.update()
        elif key == Qt.Key.Key_R:
            self.clock.reset()
            self.update()
        elif key == Qt.Key.Key_P and self.audience is None:  # with two screens the view stays
            self.presenter_view = not self.presenter_view
            self.update()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.timer.stop()
        if self.audience is not None:
            self.audience.close()
        self.closed.emit()
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:  # a painter left active after an exception crashes the next paint: always end it
            if self.presenter_view:
                painter.fillRect(self.rect(), QColor(palette.DARK.screen))
                self._paint_presenter_view(painter)
            else:
                self.paint_audience(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def paint_audience(self, painter: QPainter, rect: QRectF) -> None:
        """Paint what the audience sees into *rect*: the slide, black or white, or the end of the show."""
        painter.fillRect(rect, QColor(BLANK_COLOURS.get(self.blank or "black", palette.DARK.screen)))
        if self.blank is None:
            self._paint_slide(painter, rect, self.index)

    def _paint_slide(self, painter: QPainter, rect: QRectF, index: int) -> None:
        if index < self.count:
            self.painter_.paint(painter, rect, index)
            return
        painter.setPen(QColor(palette.DARK.muted))
        painter.setFont(_font(max(14.0, rect.height() / 30)))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, tr("end_of_show", self.plan.lang))

    def _paint_presenter_view(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        lang = self.plan.lang
        current = QRectF(20, 20, w * 0.62, w * 0.62 * 9 / 16)
        self._paint_slide(painter, current, self.index)
        if self.blank is not None:  # the audience sees black or white; the presenter still sees the slide
            painter.setPen(QColor(palette.DARK.text))
            painter.fillRect(QRectF(current.x(), current.y(), current.width(), 30),
                             QColor(BLANK_COLOURS[self.blank] if self.blank == "black" else palette.DARK.muted))
            painter.setFont(_font(16, True))
            painter.drawText(QRectF(current.x() + 10, current.y(), current.width() - 20, 30),
                             Qt.AlignmentFlag.AlignVCenter, tr(f"audience_{self.blank}", lang))
        side = QRectF(w * 0.62 + 40, 20, w * 0.38 - 60, (w * 0.38 - 60) * 9 / 16)
        painter.setPen(QColor(palette.DARK.muted))
        painter.setFont(_font(16))
        painter.drawText(QRectF(side.x(), side.y(), side.width(), 24), tr("next_slide", lang))
        if self.index + 1 <= self.count:
            self._paint_slide(painter, side.translated(0, 28), self.index + 1)
        self._paint_times(painter, QRectF(side.x(), side.bottom() + 50, side.width(), 120))
        notes_top = 40 + w * 0.62 * 9 / 16
        notes_rect = QRectF(20, notes_top, w * 0.62, h - notes_top - 44)
        said = self.plan.slides[self.index].notes if self.index < self.count else ""
        notes = f"{tr('notes', lang)}:\n{said}"
        painter.setPen(QColor(palette.DARK.text))
        draw_fitted(painter, notes, notes_rect, 18, 7)  # the whole note, never clipped
        painter.setPen(QColor(palette.DARK.muted))
        painter.setFont(_font(13))
        painter.drawText(QRectF(20, h - 30, w - 40, 24), tr("presenter_help", lang))

    def time_lines(self) -> tuple[str, str, str]:
        """Return the wall clock, the timer (paused or running) and where in the deck the show is."""
        lang = self.plan.lang
        elapsed = self.clock.elapsed()
        timer = f"{tr('elapsed', lang)} {elapsed // 3600:d}:{elapsed // 60 % 60:02d}:{elapsed % 60:02d}"
        if self.clock.paused:
            timer += f"  {tr('paused', lang)}"
        return (f"{tr('clock', lang)} {time.strftime('%H:%M')}", timer,
                f"{min(self.index + 1, self.count)} / {self.count}")

    def _paint_times(self, painter: QPainter, rect: QRectF) -> None:
        painter.setFont(_font(28, True))
        for k, line in enumerate(self.time_lines()):
            painter.setPen(QColor(palette.DARK.muted if k == 1 and self.clock.paused else palette.DARK.text))
            painter.drawText(QRectF(rect.x(), rect.y() + k * 40, rect.width(), 40), line)
