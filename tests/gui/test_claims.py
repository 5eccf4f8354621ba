"""Every claim shows the clauses it rests on: a point's message and a summary line, like a figure's source."""

from __future__ import annotations

from PySide6.QtCore import Qt

from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.panels import ClaimLabel, SectionPanel


def test_messages_show_their_clauses_with_their_document(window: MainWindow, qtbot) -> None:
    panels = [p for p in window.panels if isinstance(p, SectionPanel)]
    labels = [label for p in panels for label in p.findChildren(ClaimLabel)]
    messages = {p.message.zh for p in window.briefing.points}
    shown = {label.text() for label in labels}
    assert messages <= shown  # every point's message, rendered from its references (no braces)
    assert not any("{" in text for text in shown)
    for point in window.briefing.points:
        label = next(x for x in labels if x.text() == point.message.zh)
        for cite in point.sources:
            assert cite.clause in label.toolTip()
        assert "上饶日报" in label.toolTip()
    summary = [x for x in panels[0].findChildren(ClaimLabel) if x.text() not in messages]
    assert summary and all(x.toolTip().startswith("原文：") for x in summary)
    qtbot.keyClick(labels[0], Qt.Key.Key_Return)  # a click or Enter shows them too (no crash, no navigation)
    assert window.current_panel() is not None
