"""The editing state without Qt: waiting edits tried again as one batch, undo/redo with named steps, the item
being edited, unsaved state, and the callbacks the app listens to — on the built-in briefing and on a briefing
of another shape."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from srbrief.edit import AddItem, Document, MoveItem, SetField
from srbrief.edit.editstate import EditState, Shown
from srbrief.resources import builtin_briefing_path

SIX = Path(__file__).parents[1] / "data" / "six-themes.yaml"
BULLETIN = {"id": "bulletin-2025", "publication": {"zh": "上饶市统计局", "en": "Shangrao Statistics Bureau"},
            "date": "2026-03-01", "title": {"zh": "2025年统计公报", "en": "2025 Statistical Bulletin"}}


class Recorder:
    """Every callback of a state, in order."""

    def __init__(self, state: EditState) -> None:
        self.events: list[tuple[str, object]] = []
        state.changed.connect(lambda shown: self.events.append(("changed", shown)))
        state.waiting_changed.connect(lambda waiting: self.events.append(("waiting", len(waiting))))
        state.current_changed.connect(lambda item: self.events.append(("current", item)))
        state.modified_changed.connect(lambda modified: self.events.append(("modified", modified)))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.events]


@pytest.fixture(params=["builtin", "six-themes"])
def copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / "briefing.yaml"
    shutil.copyfile(builtin_briefing_path() if request.param == "builtin" else SIX, target)
    return target


def state_of(path: Path) -> EditState:
    return EditState(lambda: Document.open(path))


def a_figure(state: EditState) -> str:
    return state.doc.briefing.metrics[0].id


def test_the_document_opens_on_first_use_only(copy: Path) -> None:
    opened: list[Path] = []

    def open_document() -> Document:
        opened.append(copy)
        return Document.open(copy)

    state = EditState(open_document)
    assert state.opened_doc is None and not state.modified and state.undo_name("zh") is None
    assert not state.undo() and not state.redo()  # nothing to undo, and nothing was opened for it
    assert opened == []
    state.doc.briefing  # noqa: B018 - first use
    state.doc.briefing  # noqa: B018
    assert opened == [copy]


def test_an_edit_is_one_named_step_that_undoes_and_redoes(copy: Path) -> None:
    state = state_of(copy)
    events = Recorder(state)
    figure = a_figure(state)
    path = state.doc.target(f"metrics.{figure}.label.en").path
    before = state.doc.briefing
    assert state.apply(SetField(path, "A renamed figure", label="rename")) == []
    assert state.doc.briefing.find(figure).label.en == "A renamed figure"
    assert state.modified and state.depth == 1 and state.undo_name("en") == "rename"
    changed = [value for kind, value in events.events if kind == "changed"]
    assert len(changed) == 1 and isinstance(changed[0], Shown)
    assert changed[0].before is before and changed[0].after is state.doc.briefing and not changed[0].undone
    assert events.kinds() == ["changed", "modified"]
    assert state.undo() and state.doc.briefing.find(figure).label.en == before.find(figure).label.en
    assert not state.modified and state.redo_name("en") == "rename" and state.undo_name("en") is None
    assert events.kinds()[-2:] == ["changed", "modified"] and events.events[-2][1].undone  # type: ignore[union-attr]
    assert state.redo() and state.doc.briefing.find(figure).label.en == "A renamed figure"
    assert state.modified and state.redo_name("en") is None


def test_a_new_edit_drops_the_steps_undone(copy: Path) -> None:
    state = state_of(copy)
    figure = a_figure(state)
    path = state.doc.target(f"metrics.{figure}.label.en").path
    assert state.apply(SetField(path, "A new name", label="one")) == []
    assert state.undo()
    assert state.apply(SetField(path, "Another name", label="two")) == []
    assert state.redo_name("en") is None and state.undo_name("en") == "two" and state.depth == 1
    assert not state.redo()


def test_a_refused_edit_changes_nothing_and_waits_only_when_asked(copy: Path) -> None:
    state = state_of(copy)
    events = Recorder(state)
    figure = a_figure(state)
    value = state.doc.target(f"metrics.{figure}.value").path
    old = state.doc.briefing.find(figure).value
    problems = state.apply(SetField(value, old + 1))  # its clause states the old value
    assert problems and state.waiting == [] and not state.modified and events.events == []
    problems = state.apply(SetField(value, old + 1), wait_if_refused=True)
    assert problems and len(state.waiting) == 1 and events.events == [("waiting", 1)]
    state.clear_waiting()
    assert state.waiting == [] and events.events[-1] == ("waiting", 0)


def test_waiting_edits_are_tried_again_with_the_next_as_one_step(copy: Path) -> None:
    """A figure's value and its clause are each refused alone (the clause must state the value), so the first
    waits and the second is applied together with it: one step, one undo."""
    state = state_of(copy)
    figure = a_figure(state)
    several = "\nsources:" in state.doc.text  # a file with the older single source: block cites its clauses only
    if several:
        assert state.apply(AddItem(("sources",), BULLETIN), wait_if_refused=True) == []
    metric = state.doc.briefing.find(figure)
    new = metric.value + 7
    shown = f"{new:g}"
    value, source = (state.doc.target(f"metrics.{figure}.{f}").path for f in ("value", "source"))
    depth = state.depth
    assert state.apply(SetField(value, new, label="value"), wait_if_refused=True)
    assert len(state.waiting) == 1 and state.depth == depth
    words = f"数据为{shown}{_unit_words(copy, figure)}"
    clause = {"doc": BULLETIN["id"], "clause": words} if several else words
    assert state.apply(SetField(source, clause, label="clause"), wait_if_refused=True) == []
    assert state.waiting == [] and state.depth == depth + 1  # applied together: one step
    assert state.doc.briefing.find(figure).value == new
    assert state.undo_name("en") == "value; clause"
    assert state.undo() and state.doc.briefing.find(figure).value == metric.value  # undone at once


def _unit_words(copy: Path, figure: str) -> str:
    from srbrief.model.units import value_parts

    return value_parts(Document.open(copy).briefing.find(figure), "zh")[1]


def test_undo_names_come_from_a_pluggable_function_in_the_ui_language(copy: Path) -> None:
    calls: list[tuple[str, str]] = []

    def in_words(command: object, change: object, lang: str) -> str:
        calls.append((type(command).__name__, lang))
        return f"[{lang}] {getattr(command, 'label', '')}"

    state = EditState(lambda: Document.open(copy), name_edit=in_words)
    figure = a_figure(state)
    path = state.doc.target(f"metrics.{figure}.label.en").path
    assert state.apply(SetField(path, "Renamed", label="rename")) == []
    assert state.undo_name("zh") == "[zh] rename" and state.undo_name("en") == "[en] rename"
    assert calls == [("SetField", "zh"), ("SetField", "en")]  # named when shown: a language switch renames


def test_the_current_item_and_a_structural_edit(copy: Path) -> None:
    state = state_of(copy)
    events = Recorder(state)
    section = state.doc.briefing.sections[-1]
    state.set_current(section.id)
    state.set_current(section.id)  # no change: no callback
    assert state.current_item == section.id and events.events == [("current", section.id)]
    figure = a_figure(state)
    value = state.doc.target(f"metrics.{figure}.value").path
    state.apply(SetField(value, -1), wait_if_refused=True)
    assert len(state.waiting) == 1
    second = state.doc.briefing.sections[0].metrics[1].id
    target = state.doc.target(f"metrics.{second}").path
    assert isinstance(target[-1], int)
    assert state.apply(MoveItem(target, target[-1] - 1)) == []  # the structure changed under the waiting path
    assert state.waiting == [] and state.doc.briefing.sections[0].metrics[0].id == second


def test_saving_and_reset(copy: Path) -> None:
    state = state_of(copy)
    events = Recorder(state)
    figure = a_figure(state)
    path = state.doc.target(f"metrics.{figure}.label.en").path
    assert state.apply(SetField(path, "Saved name")) == []
    state.doc.save()
    state.saved()
    assert not state.modified and events.events[-1] == ("modified", False)
    assert Document.open(copy).briefing.find(figure).label.en == "Saved name"
    assert state.apply(SetField(path, "Unsaved name")) == []
    state.reset()
    assert state.opened_doc is None and state.depth == 0 and not state.modified
    assert events.events[-1] == ("modified", False)
    assert state.doc.briefing.find(figure).label.en == "Saved name"  # opened again from the file


def test_the_builtin_sample_is_read_only() -> None:
    state = EditState(lambda: Document.open(builtin_briefing_path()))
    assert not state.read_only  # not opened yet: nothing to say
    state.doc.briefing  # noqa: B018
    assert state.read_only


def test_a_file_that_no_longer_validates_refuses_edits(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema: srbrief/1\nid: [\n", encoding="utf-8")
    state = state_of(broken)
    problems = state.apply(SetField(("id",), "x"))
    assert problems and str(problems[0]).startswith(str(broken))


def test_the_state_imports_no_qt() -> None:
    code = ("import sys, srbrief.edit.editstate, srbrief.edit.document; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'matplotlib', 'srbrief.gui'))))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
