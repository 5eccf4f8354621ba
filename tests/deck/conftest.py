"""Decks built once per session for the read-back tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.model import Briefing, load_briefing
from srbrief.resources import builtin_briefing_path


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
