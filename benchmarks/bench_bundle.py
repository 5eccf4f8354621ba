"""Bundle benchmarks: the size of dist/srbrief, and starting the frozen app vs starting from source
(`gui --exit-after paint` and `validate`, best of N, interleaved; target ≤ 1.2×).

    make bundle && QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_bundle.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from common import METHOD, SRBRIEF, compile_sources, timed, until_mark  # benchmarks/ is the script's own folder

REPO = Path(__file__).resolve().parent.parent
BUNDLE = REPO / "dist" / "srbrief"
RESULTS = Path(__file__).with_name("results")



def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_sources()
    if not (BUNDLE / "srbrief").exists():
        print("no bundle: run 'make bundle' first", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    result: dict[str, object] = {"date": date.today().isoformat(), "runs": args.runs, "method": METHOD,
                                 "bundle_mib": round(size, 1), "bundle_target_mib": 200}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "XDG_CONFIG_HOME": tmp, "XDG_CACHE_HOME": tmp}
        for name, tail in (("paint", ["gui", "--exit-after", "paint"]), ("validate", ["validate"])):
            frozen, source = [], []
            timed([str(BUNDLE / "srbrief"), *tail], env)  # the first frozen start builds the font cache
            measure = until_mark if name == "paint" else timed  # paint: to the moment of the first paint
            for _ in range(args.runs):
                source.append(measure([*SRBRIEF, *tail], env))
                frozen.append(measure([str(BUNDLE / "srbrief"), *tail], env))
            result[f"{name}_frozen_s"] = round(min(frozen), 3)
            result[f"{name}_source_s"] = round(min(source), 3)
            result[f"{name}_ratio"] = round(min(frozen) / min(source), 2)
    result["ratio_target"] = 1.2
    print(f"bundle size        {result['bundle_mib']} MiB (target ≤ 200)")
    for name in ("paint", "validate"):
        print(f"start ({name:8})   frozen {result[f'{name}_frozen_s']:.2f} s   from source "
              f"{result[f'{name}_source_s']:.2f} s   ratio {result[f'{name}_ratio']:.2f} (target ≤ 1.2)")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{result['date']}-bundle.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
