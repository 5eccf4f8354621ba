"""The editing layer is Qt-, matplotlib- and pptx-free, like the model it edits."""

from __future__ import annotations

from tests.model.test_isolation import run_blocked


def test_editing_imports_and_edits_with_gui_libraries_blocked() -> None:
    result = run_blocked(
        "from srbrief.edit import Document, SetField\n"
        "from srbrief.edit.assign import assignments_edit\n"
        "from srbrief.resources import builtin_briefing_path\n"
        "doc = Document.open(builtin_briefing_path())\n"
        "doc.apply(assignments_edit(doc, ['title.en=x'])[0])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in BLOCKED]\n"
        "assert not bad, bad\n"
        "print(doc.briefing.title.en)\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "x"
