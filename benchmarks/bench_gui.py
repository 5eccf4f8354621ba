"""GUI benchmarks, each beside its floor measured in the same run:

- first paint: `srbrief gui --exit-after paint` vs a bare PySide6 window script (target ≤ 2.0×), each from
  starting the process to the moment it marks its first paint (shutdown after it not counted);
- the first panel's charts drawn, from process start to the mark (`--exit-after charts`, target ≤ 1.0 s);
- switching to a visited panel (median and p95, target p95 ≤ 50 ms);
- peak memory (max RSS) of the GUI with every panel drawn (target ≤ 200 MiB).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from common import BARE_WINDOW, METHOD, SRBRIEF, compile_sources, until_mark  # benchmarks/ is the script's own folder

RESULTS = Path(__file__).with_name("results")


SWITCH = """
import json, resource, statistics, sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QCoreApplication, QSettings
QCoreApplication.setOrganizationName("srbrief-bench"); QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
app = QApplication([])
from srbrief.gui.files import BriefingSource
from srbrief.gui.mainwindow import MainWindow
from srbrief.gui.slides import register_fonts
register_fonts()
window = MainWindow(BriefingSource(None), "zh")
window.persist_settings = False
window.resize(1400, 900)
window.show()
for row in range(len(window.panels)):  # visit every panel once, charts drawn
    window.nav.setCurrentRow(row)
    window.panels[row].draw_charts()
    app.processEvents()
    window.grab()
times = []
for i in range(60):
    row = (i * 7 + 1) % len(window.panels)
    start = time.perf_counter()
    window.nav.setCurrentRow(row)
    window.repaint()
    app.processEvents()
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(json.dumps({"median_ms": statistics.median(times), "p95_ms": times[int(len(times) * 0.95) - 1],
                  "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""



def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_sources()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "XDG_CONFIG_HOME": tmp}
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_WINDOW, encoding="utf-8")
        srbrief = [*SRBRIEF, "gui"]
        floor, paint, charts = [], [], []
        for _ in range(args.runs):  # interleaved, so all see the same machine
            floor.append(until_mark([sys.executable, str(bare)], env))
            paint.append(until_mark([*srbrief, "--exit-after", "paint"], env))
            charts.append(until_mark([*srbrief, "--exit-after", "charts"], env))
        switch = json.loads(subprocess.run([sys.executable, "-c", SWITCH, tmp], check=True, capture_output=True,
                                           text=True, env=env).stdout)
    result = {
        "date": date.today().isoformat(), "runs": args.runs, "method": METHOD,
        "bare_window_s": round(min(floor), 3), "first_paint_s": round(min(paint), 3),
        "first_paint_ratio": round(min(paint) / min(floor), 2), "first_paint_target_ratio": 2.0,
        "first_charts_s": round(min(charts), 3), "first_charts_target_s": 1.0,
        "panel_switch_median_ms": round(switch["median_ms"], 1), "panel_switch_p95_ms": round(switch["p95_ms"], 1),
        "panel_switch_target_p95_ms": 50, "peak_rss_mib": round(switch["max_rss_mib"], 1), "peak_rss_target_mib": 200,
    }
    print(f"first paint        {result['first_paint_s']:.2f} s   bare PySide6 window {result['bare_window_s']:.2f} s"
          f"   ratio {result['first_paint_ratio']:.2f} (target ≤ 2.0)")
    print(f"first charts       {result['first_charts_s']:.2f} s from process start (target ≤ 1.0 s)")
    print(f"panel switch       median {result['panel_switch_median_ms']:.1f} ms, p95 "
          f"{result['panel_switch_p95_ms']:.1f} ms (target p95 ≤ 50 ms)")
    print(f"peak memory (GUI)  {result['peak_rss_mib']:.0f} MiB, every panel drawn (target ≤ 200 MiB)")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{result['date']}-gui.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
