"""Shared fixtures: a small valid briefing, an isolated cache dir, the article text."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ARTICLE_NAME = "shangrao-daily-2025-10-11.txt"

MINIMAL = """\
schema: srbrief/1
id: mini
title: {zh: 小简报, en: Mini briefing}
subtitle: {zh: 测试, en: Test}
source:
  publication: {zh: 上饶日报, en: Shangrao Daily}
  date: '2025-10-11'
  headline: {zh: 标题, en: Headline}
as_of: '2025-10-11'
entities:
  - id: shangrao
    kind: place
    name: {zh: 上饶, en: Shangrao}
    location: {lat: 28.45, lon: 117.94}
  - id: ningbo
    kind: place
    name: {zh: 宁波, en: Ningbo}
    location: {lat: 29.87, lon: 121.55}
timeline:
  - id: ev-2024
    date: '2024'
    text: {zh: "营收达{revenue}", en: "Revenue reached {revenue}"}
    source: 2024年规上工业营业收入达6261亿元
sections:
  - id: overview
    kind: overview
    title: {zh: 总览, en: Overview}
    short_title: {zh: 总览, en: Overview}
    lede: {zh: 导语, en: Lede}
    metrics:
      - id: revenue
        label: {zh: 规上工业营业收入, en: Industrial revenue}
        value: 6261
        unit: yi-yuan
        period: '2024'
        source: 2024年规上工业营业收入达6261亿元
      - id: suppliers
        label: {zh: 供应商, en: Suppliers}
        value: 600
        unit: jia
        qualifier: more_than
        source: 600余家供应商
    charts:
      - id: kpis
        kind: kpi
        title: {zh: 关键数字, en: Key figures}
        items: [revenue, suppliers]
  - id: theme-1
    kind: theme
    number: 1
    title: {zh: 主题, en: Theme}
    short_title: {zh: 主题, en: Theme}
    lede: {zh: 导语, en: Lede}
    facts:
      - id: rail-sea
        kind: corridor
        text: {zh: 铁海联运, en: Rail-sea service}
        source: 上饶至宁波铁海联运天天班
        route: [shangrao, ningbo]
"""


def article_path() -> Path:
    """Return the article: ../shared/source when present, else the copy kept with the tests."""
    shared = REPO.parent / "shared" / "source" / ARTICLE_NAME
    return shared if shared.is_file() else REPO / "tests" / "data" / ARTICLE_NAME


@pytest.fixture(scope="session")
def article_text() -> str:
    return article_path().read_text(encoding="utf-8")


@pytest.fixture
def minimal_yaml() -> str:
    return MINIMAL


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep logs and caches of the code under test out of the user's folders."""
    monkeypatch.setenv("SRBRIEF_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
