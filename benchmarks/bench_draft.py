"""Drafting benchmark: the figures `srbrief draft` finds in hand-keyed articles, and how long a draft takes.

For each article of tests/data/articles/ (ARTICLE.txt with its key ARTICLE.yaml) and the seed article (keyed
by the built-in briefing's metrics, plus ARTICLE.extra.yaml): recall (key figures found with the right value
and unit and a clause that holds the figure), precision (drafted figures that are key figures), qualifier
and kind accuracy (of the figures found) and the time of a whole draft (extraction, storyline, YAML,
validation). Exits 1 if a target is missed: recall ≥ 95 %, precision ≥ 90 %, qualifier and kind ≥ 90 %,
a 2,000-character article in < 1 s.

    .venv/bin/python benchmarks/bench_draft.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from srbrief.draft.article import parse_article
from srbrief.draft.briefing import draft_briefing
from srbrief.draft.extract import Figure, extract
from srbrief.model import load_briefing
from srbrief.model.loader import parse_briefing
from srbrief.model.types import DerivedPart
from srbrief.model.units import UNITS, metric_kind
from srbrief.resources import builtin_briefing_path

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles"
SEED = "shangrao-daily-2025-10-11"
TARGETS = {"recall": 0.95, "precision": 0.90, "qualifier": 0.90, "kind": 0.90}
MAX_SECONDS_PER_2000 = 1.0


def seed_key() -> list[dict[str, Any]]:
    """Return the seed article's key: the built-in briefing's stated metrics, plus the extra file."""
    extra = yaml.safe_load((ARTICLES / f"{SEED}.extra.yaml").read_text("utf-8"))
    key = []
    for m in load_briefing(builtin_briefing_path()).metrics:
        if m.derived is not None and m.derived_part is not DerivedPart.PERIOD:
            continue  # a count of names or a computed value: the article does not state it
        rank = m.qualifier.value in ("rank", "top")
        key.append({"value": m.value, "unit": "" if rank else UNITS[m.unit].zh, "qualifier": m.qualifier.value,
                    "kind": extra.get("kinds", {}).get(m.id, metric_kind(m)), "clause": m.source.clause})
    return key + extra.get("figures", [])


def figures_of(text: str) -> list[Figure]:
    """Return the figures the draft finds in the article's body (the same path `srbrief draft` takes)."""
    article = parse_article(text)
    return [f for part in article.parts for p in part.paragraphs
            for f in extract(text, article.year, (), p.start, p.start + len(p.text))]


def _matches(key: dict[str, Any], f: Figure) -> bool:
    value = key["value"]
    low, high = (value if isinstance(value, list) else (value, None))
    same_value = Decimal(str(low)) == f.value and (high is None or f.high == Decimal(str(high)))
    same_clause = key["clause"] in f.clause or (f.clause in key["clause"] and f.written in key["clause"])
    return same_value and str(key["unit"]) == f.unit_text and same_clause


def score(key: list[dict[str, Any]], found: list[Figure]) -> dict[str, float]:
    """Return recall, precision and qualifier/kind accuracy of *found* against *key*."""
    used: set[int] = set()
    pairs = []
    for k in key:
        i = next((i for i, f in enumerate(found) if i not in used and _matches(k, f)), None)
        if i is None:
            print(f"    missed: {k['value']}{k['unit']} in {k['clause']}")
            continue
        used.add(i)
        pairs.append((k, found[i]))
        f = found[i]
        if (k["qualifier"], k["kind"]) != (f.qualifier, f.kind):
            print(f"    read as {f.qualifier}/{f.kind}, keyed {k['qualifier']}/{k['kind']}: {f.written} in {f.clause}")
    for i, f in enumerate(found):
        if i not in used:
            print(f"    not a key figure: {f.written} in {f.clause}")
    return {"recall": len(pairs) / len(key), "precision": len(used) / len(found) if found else 1.0,
            "qualifier": sum(k["qualifier"] == f.qualifier for k, f in pairs) / max(1, len(pairs)),
            "kind": sum(k["kind"] == f.kind for k, f in pairs) / max(1, len(pairs)), "n": len(key)}


def draft_seconds(text: str) -> float:
    """Return the time of a whole draft of *text*, validation included (best of 3)."""
    best = 1e9
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.txt").write_text(text, "utf-8")
        for _ in range(3):
            start = time.perf_counter()
            draft = draft_briefing(text, "bench", "a.txt")
            parse_briefing(draft.yaml_text, str(Path(tmp) / "bench.yaml"), text)
            best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    cases = [(SEED, (builtin_briefing_path().parent / "sources" / f"{SEED}.txt").read_text("utf-8"), seed_key())]
    for path in sorted(ARTICLES.glob("*.txt")):
        key = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))["figures"]
        cases.append((path.stem, path.read_text("utf-8"), key))
    ok, totals = True, {"found": 0.0, "keys": 0.0, "drafted": 0.0, "true": 0.0, "q": 0.0, "k": 0.0}
    for name, text, key in cases:
        print(f"{name} ({len(text)} characters, {len(key)} key figures)")
        found = figures_of(text)
        s = score(key, found)
        seconds = draft_seconds(text)
        limit = MAX_SECONDS_PER_2000 * max(1.0, len(text) / 2000)
        print(f"  recall {s['recall']:.1%}  precision {s['precision']:.1%}  qualifier {s['qualifier']:.1%}  "
              f"kind {s['kind']:.1%}  draft {seconds * 1000:.0f} ms (limit {limit * 1000:.0f} ms)")
        ok &= seconds <= limit
        matched = s["recall"] * len(key)
        totals["found"] += matched
        totals["keys"] += len(key)
        totals["drafted"] += len(found)
        totals["true"] += s["precision"] * len(found)
        totals["q"] += s["qualifier"] * matched
        totals["k"] += s["kind"] * matched
    overall = {"recall": totals["found"] / totals["keys"], "precision": totals["true"] / totals["drafted"],
               "qualifier": totals["q"] / totals["found"], "kind": totals["k"] / totals["found"]}
    print("overall  " + "  ".join(f"{name} {value:.1%} (target ≥ {TARGETS[name]:.0%})"
                                  for name, value in overall.items()))
    for name, value in overall.items():
        ok &= value >= TARGETS[name]
    print("ok" if ok else "FAILED: a target is missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
