"""One way for the editing tests to open a copy of a briefing with a newer document added (its text beside it)."""

from __future__ import annotations

import shutil
from pathlib import Path

from srbrief.edit import AddItem, Document
from srbrief.resources import builtin_briefing_path


def with_document(tmp_path: Path, text: str, doc_id: str, date: str, source: Path | None = None,
                  briefing_text: str | None = None) -> Document:
    """Return the briefing *source* (the built-in one by default; or *briefing_text*) copied into *tmp_path*
    with its own document texts, opened, and a document *doc_id* of *date* whose text is *text* added to it."""
    source = source or builtin_briefing_path()
    copy = tmp_path / source.name
    if briefing_text is None:
        shutil.copyfile(source, copy)
        if (source.parent / "sources").is_dir():
            shutil.copytree(source.parent / "sources", tmp_path / "sources", dirs_exist_ok=True)
        for other in source.parent.glob("*.txt"):
            shutil.copyfile(other, tmp_path / other.name)
    else:
        copy.write_text(briefing_text, encoding="utf-8")
    (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    doc = Document.open(copy)
    doc.apply(AddItem(("sources",), {"id": doc_id, "publication": {"zh": "上饶市统计局", "en": "Statistics Bureau"},
                                     "date": date, "title": {"zh": "统计公报", "en": "Bulletin"},
                                     "text": f"{doc_id}.txt"}))
    return doc
