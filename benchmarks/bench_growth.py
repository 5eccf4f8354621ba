"""Growth: a synthetic briefing at 1×, 4× and 16× the built-in one (themes with their metrics, facts and charts
copied under new ids), timed for load + validate and for export. Cost should grow no worse than linearly.

    .venv/bin/python benchmarks/bench_growth.py
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

import yaml
from common import SRBRIEF, compile_sources, timed  # benchmarks/ is the script's own folder

from srbrief.resources import builtin_briefing_path

RESULTS = Path(__file__).with_name("results")
FACTORS = (1, 4, 16)


def grown(factor: int) -> dict:
    """Return the built-in briefing with its themes repeated *factor* times in all (ids made unique)."""
    doc = yaml.safe_load(builtin_briefing_path().read_text(encoding="utf-8"))
    themes = [s for s in doc["sections"] if s["kind"] == "theme"]
    number = max(s["number"] for s in themes)
    for copy_no in range(1, factor):
        for theme in themes:
            clone = copy.deepcopy(theme)
            suffix = f"-x{copy_no}"
            own = {clone["id"]} | {m["id"] for m in clone.get("metrics", [])} | \
                {f["id"] for f in clone.get("facts", [])} | {c["id"] for c in clone.get("charts", [])}
            clone["id"] += suffix
            number += 1
            clone["number"] = number
            for key in ("metrics", "facts", "charts"):
                for item in clone.get(key, []):
                    item["id"] += suffix
            for chart in clone.get("charts", []):
                chart["items"] = [i + suffix if i in own else i for i in chart.get("items", [])]
            doc["sections"].append(clone)
    return doc


def main() -> int:
    compile_sources()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in FACTORS:
            path = Path(tmp) / f"grown-{factor}.yaml"
            path.write_text(yaml.safe_dump(grown(factor), allow_unicode=True, sort_keys=False), encoding="utf-8")
            metrics = sum(len(s.get("metrics", [])) for s in yaml.safe_load(path.read_text("utf-8"))["sections"])
            cli = SRBRIEF
            validate = min(timed([*cli, "validate", str(path)]) for _ in range(3))
            export = min(timed([*cli, "export", str(path), "-o", str(Path(tmp) / f"g{factor}.pptx")])
                         for _ in range(2))
            rows.append({"factor": factor, "bytes": path.stat().st_size, "metrics": metrics,
                         "validate_s": round(validate, 3), "export_s": round(export, 3)})
    base = rows[0]
    print(f"{'size':>5} {'metrics':>8} {'validate':>10} {'per 1×':>8} {'export':>9} {'per 1×':>8}")
    for row in rows:
        row["validate_per_unit"] = round(row["validate_s"] / row["factor"] / base["validate_s"], 2)
        row["export_per_unit"] = round(row["export_s"] / row["factor"] / base["export_s"], 2)
        print(f"{row['factor']:>4}× {row['metrics']:>8} {row['validate_s']:>9.2f}s {row['validate_per_unit']:>8.2f}"
              f" {row['export_s']:>8.2f}s {row['export_per_unit']:>8.2f}")
    print("('per 1×': time per unit of size relative to 1×; at most 1.0 means no worse than linear)")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{date.today().isoformat()}-growth.json").write_text(json.dumps(rows, indent=2) + "\n",
                                                                     encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
