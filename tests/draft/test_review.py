"""The review of a draft, Qt-free: its rows, and the one edit that accepts it (deleting what was unchecked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.draft.commands import draft_file
from srbrief.draft.review import DRAFT_MARK, accept_edit, delete_edit, is_unreviewed, review_rows
from srbrief.edit import Document
from srbrief.model import BriefingError
from srbrief.model.loader import load_briefing
from srbrief.resources import builtin_briefing_path

ARTICLE = Path(__file__).resolve().parent.parent / "data" / "articles" / "fuzhou-energy-2025.txt"


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    target = tmp_path / "draft.yaml"
    draft_file(ARTICLE.read_text("utf-8"), str(ARTICLE), target)
    return Document.open(target)


def test_a_draft_is_unreviewed_until_accepted(doc: Document) -> None:
    assert is_unreviewed(doc.briefing) and not is_unreviewed(load_briefing(builtin_briefing_path()))
    rows = review_rows(doc.briefing)
    assert len(rows) == len(doc.briefing.metrics) and all(r.clause and r.figure and r.label for r in rows)
    assert all(any(ch.isdigit() for ch in r.figure) for r in rows)
    doc.apply(accept_edit(doc, []))
    assert not is_unreviewed(doc.briefing) and DRAFT_MARK not in doc.text
    assert "(to be checked)" not in doc.briefing.subtitle.en
    assert len(review_rows(doc.briefing)) == len(rows)
    assert doc.undo() is not None and is_unreviewed(doc.briefing)


def test_deleting_figures_is_one_edit_and_a_cited_one_is_refused(doc: Document) -> None:
    before, ids = doc.text, [m.id for m in doc.briefing.metrics]
    free = []
    for metric_id in ids:
        try:
            doc.apply(delete_edit(doc, [metric_id]))
        except BriefingError:
            continue
        free.append(metric_id)
        doc.undo()
    assert doc.text == before and 0 < len(free) < len(ids)
    cited = next(i for i in ids if i not in free)
    with pytest.raises(BriefingError, match=f"{{{cited}}} refers to no figure"):
        doc.apply(accept_edit(doc, [cited]))
    assert doc.text == before
    doc.apply(accept_edit(doc, free))  # several at once, in any order: the later items go first
    assert {m.id for m in doc.briefing.metrics} == set(ids) - set(free) and not is_unreviewed(doc.briefing)
    assert doc.undo() is not None and doc.text == before
