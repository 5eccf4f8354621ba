"""The in-app presenter: the deck plan's slides full screen, with an optional presenter view."""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from srbrief import palette
from srbrief.deck.plan import DeckPlan
from srbrief.gui.i18n import tr
from srbrief.gui.slides import SlidePainter, _fitted_font, _font

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_N}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_Backspace}


class PresenterWindow(QWidget):
    """Shows slide *index* of a plan; keys move through the deck."""

    closed = Signal()

    def __init__(self, plan: DeckPlan, start: int = 0, presenter_view: bool | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.painter_ = SlidePainter(plan)
        self.index = start
        self.black = False
        self.typed = ""
        self.started = time.monotonic()
        screens = QGuiApplication.screens()
        self.presenter_view = len(screens) > 1 if presenter_view is None else presenter_view
        self.setWindowTitle(tr("present", plan.lang).replace("&", ""))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.update)
        self.timer.start()

    @property
    def count(self) -> int:
        return len(self.plan.slides)

    def go(self, index: int) -> None:
        """Show slide *index* (clamped to the deck)."""
        self.index = max(0, min(self.count - 1, index))
        self.black = False
        self.update()

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
            self.go(self.index + 1)
        elif key in PREVIOUS_KEYS:
            self.go(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(self.count - 1)
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.black = not self.black
            self.update()
        elif key == Qt.Key.Key_P:
            self.presenter_view = not self.presenter_view
            self.update()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.timer.stop()
        self.closed.emit()
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:  # a painter left active after an exception crashes the next paint: always end it
            painter.fillRect(self.rect(), QColor(palette.DARK.screen))
            if not self.black:
                if self.presenter_view:
                    self._paint_presenter_view(painter)
                else:
                    self.painter_.paint(painter, QRectF(self.rect()), self.index)
        finally:
            painter.end()

    def _paint_presenter_view(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        lang = self.plan.lang
        self.painter_.paint(painter, QRectF(20, 20, w * 0.62, w * 0.62 * 9 / 16), self.index)
        side = QRectF(w * 0.62 + 40, 20, w * 0.38 - 60, (w * 0.38 - 60) * 9 / 16)
        painter.setPen(QColor(palette.DARK.muted))
        painter.setFont(_font(16))
        painter.drawText(QRectF(side.x(), side.y(), side.width(), 24), tr("next_slide", lang))
        if self.index + 1 < self.count:
            self.painter_.paint(painter, side.translated(0, 28), self.index + 1)
        elapsed = int(time.monotonic() - self.started)
        painter.setPen(QColor(palette.DARK.text))
        painter.setFont(_font(30, True))
        painter.drawText(QRectF(side.x(), side.bottom() + 50, side.width(), 44),
                         f"{tr('elapsed', lang)} {elapsed // 60:02d}:{elapsed % 60:02d}   "
                         f"{self.index + 1} / {self.count}")
        notes_top = 40 + w * 0.62 * 9 / 16
        notes_rect = QRectF(20, notes_top, w * 0.62, h - notes_top - 44)
        notes = f"{tr('notes', lang)}:\n{self.plan.slides[self.index].notes}"
        painter.setFont(_fitted_font(painter, notes, notes_rect, 18, 10))  # the whole note, never clipped
        painter.drawText(notes_rect, Qt.TextFlag.TextWordWrap, notes)
        painter.setPen(QColor(palette.DARK.muted))
        painter.setFont(_font(13))
        painter.drawText(QRectF(20, h - 30, w - 40, 24), tr("presenter_help", lang))
