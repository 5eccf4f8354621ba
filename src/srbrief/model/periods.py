"""Reading the period a Chinese clause states (one Qt-free reader for the draft, the add-figure dialog and the
guided update): 2024年 → '2024', 2025年1—9月 (1-9月, 1~9月, 1至9月, 1月至9月) → '2025-01/2025-09',
前三季度 → '2025-01/2025-09', 上半年 → '2025-01/2025-06', 截至9月底 → '2025-09', 2025年9月 → '2025-09'.
A date without its year (9月底, 前三季度, 今年) takes the document's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEP = r"\s*[—–\-~～至到]\s*"
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年(?:\s*(?P<m1>\d{1,2})\s*(?:月(?=\s*[—–\-~～至到]\s*\d{1,2}\s*月))?"
    rf"(?:{_SEP}(?P<m2>\d{{1,2}}))?\s*月)?(?P<end>底|末)?"
    r"|(?P<rel>今年|本年|去年|上年|上半年|下半年|前三季度|一季度|第一季度)"
    rf"(?:(?P<rm1>\d{{1,2}})\s*(?:月(?={_SEP}\d{{1,2}}\s*月))?(?:{_SEP}(?P<rm2>\d{{1,2}}))?\s*月)?"
    rf"|(?<![\d.年个])(?P<bm1>\d{{1,2}})\s*(?:月(?={_SEP}\d{{1,2}}\s*月))?(?:{_SEP}(?P<bm2>\d{{1,2}}))?\s*月"
)
_UNTIL = ("截至", "截止", "截止到", "到", "至")
_RELATIVE = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3), "第一季度": (1, 3)}


@dataclass(frozen=True)
class Stated:
    """A period written in a text: its start ('2025-01', '2025'), its end when it is a range, where it stands,
    and whether it is the end of a run (截至9月底, 到2025年12月)."""

    start: str
    end: str | None
    at: int
    until: bool

    @property
    def period(self) -> str:
        return f"{self.start}/{self.end}" if self.end else self.start


def _month(year: int, month: str | int | None) -> str:
    return f"{year}-{int(month):02d}" if month else str(year)


def dates_in(text: str, year: int | None = None) -> list[Stated]:
    """Return the periods *text* states, in order; *year* is the document's (for 今年, 前三季度, 9月底)."""
    out = []
    for m in _DATE.finditer(text):
        if m.group("y"):
            y, m1, m2 = int(m.group("y")), m.group("m1"), m.group("m2")
            if m.group("end") and not m1:
                m1 = "12"  # 2025年底
        elif m.group("rel"):
            if year is None:
                continue
            rel = m.group("rel")
            y = year - 1 if rel in ("去年", "上年") else year
            m1, m2 = _RELATIVE.get(rel, (m.group("rm1"), m.group("rm2")))
        else:
            if year is None:
                continue
            y, m1, m2 = year, m.group("bm1"), m.group("bm2")
        if (m1 and not 1 <= int(m1) <= 12) or (m2 and not int(m1 or 0) < int(m2) <= 12):
            continue
        until = text[max(0, m.start() - 4):m.start()].endswith(_UNTIL)
        out.append(Stated(_month(y, m1), _month(y, m2) if m2 else None, m.start(), until))
    return out


def period_of(before: str, year: int | None = None) -> str | None:
    """Return the period *before* states last (the words before a figure in its sentence), or None:
    2024年 → '2024', 2023年6月 → '2023-06', 今年1—8月 → '2025-01/2025-08', 上半年 → '2025-01/2025-06'."""
    found = dates_in(before, year)
    return found[-1].period if found else None


SENTENCE_START = "。！？；;\n"


def clause_period(document: str | None, clause: str, year: int | None = None) -> str | None:
    """Return the period of the figure in *clause*: what the clause states, else what its sentence in
    *document* states before it (2025年1—10月，全县光伏组件产量达到3.2万吨: the clause 全县光伏组件产量达到3.2万吨)."""
    own = period_of(clause, year)
    if own is not None or not document or clause not in document:
        return own
    at = document.index(clause)
    start = max(document.rfind(c, 0, at) for c in SENTENCE_START) + 1
    return period_of(document[start:at], year)
