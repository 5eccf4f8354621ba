"""`srbrief draft`: an article becomes a briefing that validates and exports a deck (Chinese)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from srbrief.cli import main

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_every_test_article_drafts_a_briefing_that_validates_and_exports(tmp_path: Path, name: str) -> None:
    article = tmp_path / name
    shutil.copy(ARTICLES / name, article)
    out = tmp_path / "draft.yaml"
    assert main(["draft", str(article), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    deck = tmp_path / "deck.pptx"
    assert main(["export", str(out), "-o", str(deck), "--lang", "zh"]) == 0
    from pptx import Presentation

    from srbrief.model import load_briefing

    titles = [s.shapes.title.text for s in Presentation(str(deck)).slides if s.shapes.title is not None]
    points = [p.message.zh for p in load_briefing(out).points]
    assert points and all(any(m.replace("\u00a0", "")[:12] in t.replace("\u00a0", "") for t in titles)
                          for m in points)  # a deck of the draft's points


def test_draft_validates_and_exports_a_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "ganzhou.txt"
    shutil.copy(ARTICLES / "ganzhou-rare-earth-2025.txt", article)
    out = tmp_path / "out" / "draft.yaml"
    assert main(["draft", str(article), "-o", str(out)]) == 0
    assert (out.parent / "sources" / "ganzhou.txt").read_text("utf-8") == article.read_text("utf-8")
    assert main(["validate", str(out)]) == 0
    assert "need an English translation" in capsys.readouterr().err
    assert main(["facts", str(out), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    first = records[0]
    assert {k: first[k] for k in ("value", "qualifier", "kind", "period")} == \
        {"value": 1100, "qualifier": "more_than", "kind": "level", "period": "2024"}
    assert first["unit_text"] == "亿元" and first["source"] == "全市稀土新材料及应用产业集群实现营收超过1100亿元"
    assert all(r["source"] in article.read_text("utf-8") for r in records)
    deck = tmp_path / "deck.pptx"
    assert main(["export", str(out), "-o", str(deck), "--lang", "zh"]) == 0
    assert deck.stat().st_size > 10_000
    assert main(["export", str(out), "-o", str(tmp_path / "en.pptx"), "--lang", "en"]) == 2
    assert "marked [translate]" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "message"), [("", "the article has no text"), ("\n  \n", "no text")])
def test_bad_articles_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str,
                                          message: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(content, "utf-8")
    assert main(["draft", str(article), "-o", str(tmp_path / "d.yaml")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and f"{article}:1:1:" in err
    assert not (tmp_path / "d.yaml").exists()


def test_an_article_of_endless_figures_is_refused_quickly(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    article = tmp_path / "a.txt"
    for content, message in (("1家" * 1500, "at most 1000"), ("一" * 300_000, "too long to draft")):
        article.write_text(content, "utf-8")
        assert main(["draft", str(article), "-o", str(tmp_path / "d.yaml")]) == 2
        err = capsys.readouterr().err
        assert message in err and f"{article}:1:1:" in err and err.count("\n") == 1


def test_a_fifo_or_a_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", "/dev/zero", "-o", str(tmp_path / "d.yaml")]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_bad_target_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "folder.yaml").mkdir()
    assert main(["draft", str(ARTICLES / "jiujiang-port-2025.txt"), "-o", str(tmp_path / "folder.yaml")]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.yaml"]
