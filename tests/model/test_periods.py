"""A period is read from a clause (or its sentence) by one reader; a date in a text is never a figure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from srbrief.model import BriefingError
from srbrief.model.claims import numbers_in
from srbrief.model.loader import load_briefing
from srbrief.model.periods import clause_period, period_of
from srbrief.model.refs import literal_figures

TESTER = Path(__file__).parents[1] / "data" / "tester"
HENGFENG = TESTER / "hengfeng-new-energy.yaml"  # built by a usability tester from 横峰新能源.txt (article.txt)


@pytest.mark.parametrize(("text", "period"), [
    ("2025年1—9月，全市规上工业营业收入6400亿元", "2025-01/2025-09"),
    ("2025年1-9月", "2025-01/2025-09"), ("2025年1~9月", "2025-01/2025-09"), ("2025年1至9月", "2025-01/2025-09"),
    ("2025年1月至9月", "2025-01/2025-09"), ("前三季度", "2025-01/2025-09"), ("上半年", "2025-01/2025-06"),
    ("截至9月底", "2025-09"), ("2025年9月", "2025-09"), ("1—9月", "2025-01/2025-09"), ("2025年底", "2025-12"),
    ("2024年规上工业", "2024"), ("自2023年6月起连续26个月", "2023-06"), ("连续26个月", None), ("全市", None),
])
def test_every_way_a_clause_writes_a_period(text: str, period: str | None) -> None:
    assert period_of(text, 2025) == period


def test_a_date_without_its_year_needs_the_documents_year() -> None:
    assert period_of("前三季度", None) is None and period_of("截至9月底", None) is None
    assert period_of("2025年1—9月", None) == "2025-01/2025-09"  # the year is written


def test_a_clause_without_a_date_takes_its_sentences() -> None:
    article = (TESTER / "article.txt").read_text(encoding="utf-8")
    assert clause_period(article, "全县光伏组件产量达到3.2万吨", 2025) == "2025-01/2025-10"  # 2025年1—10月，…
    assert clause_period(article, "累计装机突破450兆瓦", 2025) is None  # its sentence states no date
    bulletin = (TESTER / "shangrao-industrial-economy-jan-sep.txt").read_text(encoding="utf-8")
    assert clause_period(bulletin, "全市规上工业营业收入6400亿元", 2025) == "2025-01/2025-09"
    assert clause_period(bulletin, "规上工业营业收入总量居全省第3位", 2025) is None


@pytest.mark.parametrize("text", ["2025年1—9月", "2025年1-9月", "截至9月底", "2025年", "2025.1–2025.9",
                                  "1月至9月", "2023.6–2025.7"])
def test_a_date_is_no_literal_figure(text: str) -> None:
    assert literal_figures(f"{text}营业收入增长") == ()
    assert all("." not in n for n in numbers_in(text))  # 2025.1 is January 2025, not a decimal


def test_a_stray_number_is_still_a_literal_figure() -> None:
    assert literal_figures("2025年1—9月营业收入6400亿元") == ("6400",)
    assert literal_figures("增长2025.1亿元") == ("2025.1",)


def _hengfeng(tmp_path: Path, old: str, new: str) -> Path:
    copy = tmp_path / HENGFENG.name
    shutil.copyfile(TESTER / "article.txt", tmp_path / "article.txt")
    text = HENGFENG.read_text(encoding="utf-8")
    assert old in text
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def test_a_message_may_state_its_figures_period_and_dates(tmp_path: Path) -> None:
    lead = "message: {zh: '{pv-module-output:period}横峰光伏组件产量达"
    # {id:period} renders 2025年1—10月 in prose; the literal dates 2025年1—10月 and 10月底 are dates, not figures
    ok = _hengfeng(tmp_path, lead, lead + "{pv-module-output:period}（2025年1—10月，截至10月底）")
    assert load_briefing(ok).points[0].message.zh.startswith("2025年1—10月横峰光伏组件产量达2025年1—10月（2025年1—10月")
    bad = _hengfeng(tmp_path, lead, lead + "2025年1—10月新增7家，")
    with pytest.raises(BriefingError, match=r"7 written as a literal"):
        load_briefing(bad)
