"""The structure of a Chinese news article: headline, publication, date, lead and headed parts. Qt-free.

A headed part starts at a short line such as ``视角1:…``, ``关键词2：…``, ``看点3 …``, ``一、…`` or ``（一）…``;
everything before the first one (after the date line) is the lead. Short lines without a sentence
(navigation, "每日推荐9316") are left out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_PUBLICATION = re.compile(r"(?:来\s*源|来源|稿源)\s*[:：]\s*([^\s|，,]{2,20})|《([^》]{2,20})》"
                          r"|([^\s|]{2,12}?(?:日报|晚报|时报|报))")
HEADING = re.compile(
    r"^\s*(?:(?P<word>视角|关键词|关键字|看点|亮点|篇章|聚焦)\s*(?P<n1>\d+|[一二三四五六七八九十]+)\s*[:：·.、]?\s*(?P<t1>.*)"
    r"|(?P<n2>[一二三四五六七八九十]+)、\s*(?P<t2>.+)"
    r"|[（(](?P<n3>[一二三四五六七八九十]+)[）)]\s*(?P<t3>.+))$")
_CN = "一二三四五六七八九十"
MAX_HEADING = 40  # a longer line is a paragraph, even if it starts like a heading


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body: its text and where it starts in the article."""

    text: str
    start: int


@dataclass
class Part:
    """The lead (number 0) or a headed part of the article."""

    number: int
    heading: str  # the heading line as written ('' for the lead)
    title: str  # the heading without its label and number ('视角1:把优势放大' → '把优势放大')
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Article:
    """What the article says about itself, and its body in parts."""

    text: str
    headline: str | None
    publication: str | None
    date: str | None  # YYYY-MM-DD
    parts: list[Part]  # the lead first, then the headed parts

    @property
    def year(self) -> int | None:
        """Return the year of the article's date (for 今年), or None."""
        return int(self.date[:4]) if self.date else None


def _lines(text: str) -> list[tuple[str, int]]:
    """Return the article's lines with the offset each starts at."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((line.rstrip("\r\n"), pos))
        pos += len(line)
    return out


def heading_number(line: str) -> tuple[int, str] | None:
    """Return (number, title) if *line* is a heading ('视角1:把优势放大' → (1, '把优势放大')), else None."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADING:
        return None
    match = HEADING.match(stripped)
    if match is None:
        return None
    number = match.group("n1") or match.group("n2") or match.group("n3")
    title = (match.group("t1") or match.group("t2") or match.group("t3") or "").strip()
    if match.group("n2") and title.endswith(("。", "；", ";")):
        return None  # 一、…。 is a list item of a paragraph, not a heading
    value = int(number) if number.isdigit() else _chinese_small(number)
    return (value, title or stripped) if value else None


def _chinese_small(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN.index(text[1]) + 1 if len(text) == 2 else 0
    if len(text) == 1:
        return _CN.index(text) + 1
    if len(text) == 2 and text.endswith("十"):
        return (_CN.index(text[0]) + 1) * 10
    return 0


def _is_body(line: str) -> bool:
    """Return whether *line* is part of the article's body (a sentence, not navigation or a footer)."""
    stripped = line.strip()
    return len(stripped) >= 16 or stripped.endswith(("。", "！", "？", "”", "……", "；", ";", ":", "："))


def parse_article(text: str) -> Article:
    """Return the structure of the article *text*."""
    lines = _lines(text)
    date_at, date = None, None
    for i, (line, _) in enumerate(lines[:30]):
        match = _DATE.search(line)
        if match and len(line.strip()) < 80:
            date_at = i
            date = f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"
            break
    headline = _headline(lines, date_at)
    publication = _publication(lines, date_at)
    first_body = date_at + 1 if date_at is not None else _first_body(lines, headline)
    parts = [Part(0, "", "")]
    for line, start in lines[first_body:]:
        found = heading_number(line)
        if found is not None:
            parts.append(Part(found[0], line.strip(), found[1]))
        elif _is_body(line):
            offset = len(line) - len(line.lstrip())
            parts[-1].paragraphs.append(Paragraph(line.strip(), start + offset))
    return Article(text, headline, publication, date, [p for p in parts if p.paragraphs or p.number])


def _headline(lines: list[tuple[str, int]], date_at: int | None) -> str | None:
    """Return the last short non-empty line before the date line (else the first short line)."""
    candidates = [line.strip() for line, _ in (lines[:date_at] if date_at is not None else lines[:5])
                  if 4 <= len(line.strip()) <= 60 and "。" not in line and ">" not in line]
    if not candidates:
        return None
    return candidates[-1] if date_at is not None else candidates[0]


def _publication(lines: list[tuple[str, int]], date_at: int | None) -> str | None:
    """Return the publication the date line (or the header) names: 来源:上饶日报, 《上饶日报》, …日报."""
    header = [lines[date_at][0]] if date_at is not None else []
    header += [line for line, _ in lines[:(date_at or 0)]]
    for line in header:
        match = _PUBLICATION.search(line)
        if match:
            return next(g for g in match.groups() if g)
    return None


def _first_body(lines: list[tuple[str, int]], headline: str | None) -> int:
    """Return the index of the first body line when the article has no date line (after the headline)."""
    for i, (line, _) in enumerate(lines):
        if headline is not None and line.strip() == headline:
            return i + 1
    return 0
