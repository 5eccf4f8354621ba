"""The one error type that loading and validating a briefing raises."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a briefing file, with its position."""

    file: str
    line: int
    col: int
    path: str  # e.g. sections[2].metrics[4].value; empty for whole-file problems
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.col}: {where}{self.message}"


class BriefingError(Exception):
    """A briefing file is invalid; :attr:`problems` lists every problem found (at least one)."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("BriefingError needs at least one problem")
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


MAX_BYTES = 5 * 1024 * 1024  # the largest briefing file read (checked before PyYAML is even imported)
