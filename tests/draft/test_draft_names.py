"""A drafted briefing names its overview section as the sample and a new briefing do, and keeps the scale of a
count in 亿人次 (1.2亿人次, not 120000000人次) — on the tester's Jiujiang article and on a test article."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from srbrief.draft.briefing import draft_briefing
from srbrief.edit.skeleton import SKELETON
from srbrief.resources import builtin_briefing_path

DATA = Path(__file__).parents[1] / "data"
ARTICLES = [DATA / "jiujiang-s-petrochemical-and-new.txt", DATA / "articles" / "ganzhou-rare-earth-2025.txt"]


def overview(data: dict) -> dict:
    return next(s for s in data["sections"] if s["kind"] == "overview")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_the_overview_has_one_name(article: Path) -> None:
    drafted = yaml.safe_load(draft_briefing(article.read_text(encoding="utf-8"), article.stem, article.name).yaml_text)
    sample = yaml.safe_load(builtin_briefing_path().read_text(encoding="utf-8"))
    new = yaml.safe_load(SKELETON)
    names = {overview(d)["short_title"]["zh"] for d in (drafted, sample, new)}
    assert names == {"总览"}
    assert overview(drafted)["title"]["zh"] == overview(new)["title"]["zh"] == "总览"


def test_a_count_in_yi_renci_keeps_its_scale_when_drafted() -> None:
    from srbrief.model.units import format_value

    article = ARTICLES[0]
    text = draft_briefing(article.read_text(encoding="utf-8"), "jj", article.name).yaml_text
    metrics = [m for s in yaml.safe_load(text)["sections"] for m in s.get("metrics", [])]
    visits = next(m for m in metrics if "人次" in m["source"])
    assert (visits["value"], visits["unit"]) == (1.2, "yi-renci")
    from srbrief.model import Metric, Qualifier, Text

    metric = Metric(id="v", label=Text("游客", "Visits"), value=1.2, unit="yi-renci", source="x",
                    qualifier=Qualifier.EXACT)
    assert (format_value(metric, "zh"), format_value(metric, "en")) == ("1.2亿人次", "120\u00a0mn\u00a0visits")
