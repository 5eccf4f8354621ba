"""Decks built once per session for the read-back tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from srbrief.model import Briefing, load_briefing
from srbrief.resources import builtin_briefing_path

SIX_THEMES = Path(__file__).resolve().parent.parent / "data" / "six-themes.yaml"
HENGFENG = Path(__file__).resolve().parent.parent / "data" / "tester" / "hengfeng-new-energy.yaml"
BRIEFINGS = {"builtin": builtin_briefing_path(), "six-themes": SIX_THEMES}  # two briefings of different shapes
# and a third for the rules any deck must keep: a one-section county briefing a tester built in the app (no themes,
# no drawn chart, one event, an outlook with a target)
ANY_SHAPE = {**BRIEFINGS, "hengfeng": HENGFENG}
CASES = [(name, lang) for name in BRIEFINGS for lang in ("zh", "en")]
ANY_CASES = [(name, lang) for name in ANY_SHAPE for lang in ("zh", "en")]


@pytest.fixture(scope="session")
def builtin() -> Briefing:
    return load_briefing(builtin_briefing_path())


@pytest.fixture(scope="session")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from srbrief.cli import main

    folder = tmp_path_factory.mktemp("decks")
    made = {}
    for lang in ("zh", "en"):
        target = folder / f"deck-{lang}.pptx"
        assert main(["export", "-o", str(target), "--lang", lang]) == 0
        made[lang] = target
    return made


@pytest.fixture(scope="session")
def shaped_decks(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The decks of the built-in and the six-theme briefing, in zh and en: (name, lang) → path."""
    from srbrief.cli import main

    folder = tmp_path_factory.mktemp("shaped")
    made = {}
    for name, lang in CASES:
        target = folder / f"{name}-{lang}.pptx"
        assert main(["export", str(BRIEFINGS[name]), "-o", str(target), "--lang", lang]) == 0
        made[name, lang] = target
    return made


@pytest.fixture(scope="session")
def any_decks(shaped_decks: dict[tuple[str, str], Path],
              tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The decks of every briefing of ANY_SHAPE in zh and en: the shaped decks and the county briefing's."""
    from srbrief.cli import main

    folder = tmp_path_factory.mktemp("any")
    made = dict(shaped_decks)
    for name, lang in ANY_CASES:
        if (name, lang) not in made:
            target = folder / f"{name}-{lang}.pptx"
            assert main(["export", str(ANY_SHAPE[name]), "-o", str(target), "--lang", lang]) == 0
            made[name, lang] = target
    return made


def write_template(path: Path, edit_theme: Callable[[str], str], prs: object | None = None) -> Path:
    """Write *prs* (python-pptx's default presentation if None) to *path* as a template, its theme XML
    changed by *edit_theme*."""
    buffer = io.BytesIO()
    (prs or Presentation()).save(buffer)  # type: ignore[attr-defined]
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "ppt/theme/theme1.xml":
                data = edit_theme(data.decode("utf-8")).encode("utf-8")
            out.writestr(item, data)
    return path
