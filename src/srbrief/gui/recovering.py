"""Offering the edits an earlier run left unsaved (a crash, a kill, a logout), without ever losing a change made
since by another program: that case is a comparison (yours / on disk), and a vanished file is saved under a new
name. The recovery files themselves are read defensively by :mod:`srbrief.edit.recovery`."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from srbrief import edit
from srbrief.atomic import OutputError
from srbrief.edit.recovery import Recovered, discard_recovery, find_recoveries, read_source
from srbrief.gui.i18n import tr
from srbrief.model import BriefingError
from srbrief.safeio import InputFileError

if TYPE_CHECKING:
    from srbrief.gui.editing import EditSession


def offer_recovery(session: EditSession) -> bool:
    """Offer the newest edits an earlier run left unsaved; return whether they were restored."""
    found = find_recoveries()
    if not found:
        return False
    kept, lang = found[0], session.window.lang
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(kept.saved_at))
    name = str(kept.source) if kept.source else tr("builtin", lang)
    if kept.source is not None and kept.source_missing():
        if not session.ask(tr("recover_missing", lang, file=name, time=when)):
            discard_recovery(kept.source)
            return False
        return _save_as_copy(session, kept)
    if kept.base_changed():
        return _compare(session, kept, name, when)
    if not session.ask(tr("recover", lang, file=name, time=when)):
        discard_recovery(kept.source)
        return False
    return _restore(session, kept)


def _restore(session: EditSession, kept: Recovered) -> bool:
    window, lang = session.window, session.window.lang
    if kept.source != window.source.path and not window.source.open(kept.source):
        return False  # the banner says why; the recovery file stays for another try
    problems = session.apply(edit.ReplaceText(kept.text, label=tr("restore_edits", lang)))
    if problems:
        QMessageBox.warning(window, tr("app", lang), "\n".join(str(p) for p in problems[:10]))
        return False
    return True


def _compare(session: EditSession, kept: Recovered, name: str, when: str) -> bool:
    """The file changed since the edits began: show both and let the user choose."""
    import difflib  # (loaded when needed: the app imports this module before its first paint)

    assert kept.source is not None
    on_disk = (read_source(kept.source) or b"").decode("utf-8-sig", "replace")
    diff = "".join(difflib.unified_diff(on_disk.splitlines(True), kept.text.splitlines(True),
                                        "on disk", "yours", n=1))
    choice = session.choose_recovery(tr("recover_changed", session.window.lang, file=name, time=when), diff)
    if choice == "mine":
        return _restore(session, kept)
    if choice == "copy":
        return _save_as_copy(session, kept)
    if choice == "disk":
        discard_recovery(kept.source)
    return False


def _save_as_copy(session: EditSession, kept: Recovered) -> bool:
    """Write the recovered text under a name the user chooses (validated, atomically) and open it."""
    window, lang = session.window, session.window.lang
    start = kept.source.with_name(kept.source.stem + "-recovered.yaml") if kept.source else Path("recovered.yaml")
    name, _ = QFileDialog.getSaveFileName(window, tr("save_as", lang).replace("&", ""), str(start),
                                          tr("yaml_filter", lang))
    if not name:
        return False  # asked again at the next start
    try:
        doc = edit.Document(kept.text, name)
        doc.save(Path(name))
    except (BriefingError, OutputError, InputFileError, edit.ReadOnlyError, OSError) as exc:  # the recovery stays
        QMessageBox.warning(window, tr("save_failed", lang), " ".join(str(exc).split())[:500])
        return False
    discard_recovery(kept.source)
    return window.source.open(Path(name))


def ask_recovery_choice(session: EditSession) -> Callable[[str, str], str]:
    """Return the dialog that asks what to do with edits whose file changed since: "mine", "disk" or "copy"."""
    def choose(question: str, diff: str) -> str:
        lang = session.window.lang
        box = QMessageBox(QMessageBox.Icon.Question, tr("app", lang), question, parent=session.window)
        box.setDetailedText(diff)
        mine = box.addButton(tr("recover_mine", lang), QMessageBox.ButtonRole.AcceptRole)
        disk = box.addButton(tr("recover_disk", lang), QMessageBox.ButtonRole.DestructiveRole)
        copy = box.addButton(tr("recover_copy", lang), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {id(mine): "mine", id(disk): "disk", id(copy): "copy"}.get(id(box.clickedButton()), "cancel")
    return choose
