"""Export benchmark: `srbrief export` of the zh deck vs a minimal python-pptx + matplotlib script that builds
the same number of slides, native charts and pictures, measured in one run (best of N, fresh processes).

    .venv/bin/python benchmarks/bench_export.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from common import SRBRIEF, compile_sources, timed  # benchmarks/ is the script's own folder

RESULTS = Path(__file__).with_name("results")

FLOOR = r'''
import io, sys
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu, Inches, Pt
slides, charts, pictures = (int(x) for x in sys.argv[1:4])
prs = Presentation()
prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
for i in range(slides):
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = f"Slide {i}"
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(3))
    box.text_frame.text = "text"
    slide.notes_slide.notes_text_frame.text = "notes"
    if i < charts:
        data = CategoryChartData()
        data.categories = ["a", "b", "c", "d", "e"]
        data.add_series("s", [1, 2, 3, 4, 5])
        slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Inches(1), Inches(2), Inches(10), Inches(4), data)
    elif i < charts + pictures:
        fig = Figure(figsize=(11.5, 4.9))
        ax = fig.subplots()
        ax.plot([1, 2, 3], [3, 1, 2])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=192)
        slide.shapes.add_picture(io.BytesIO(buffer.getvalue()), Inches(1), Inches(2), Inches(11.5), Inches(4.9))
prs.save(sys.argv[4])
'''



PEAK = """
import resource, sys
from srbrief.cli import main
main(["export", "-o", sys.argv[1]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def deck_shape() -> tuple[int, int, int]:
    from srbrief.deck.plan import NATIVE_KINDS, plan_deck
    from srbrief.model import ChartKind, load_briefing
    from srbrief.resources import builtin_briefing_path

    plan = plan_deck(load_briefing(builtin_briefing_path()), "zh")
    charts = [s.chart for s in plan.slides if s.chart is not None]
    native = sum(1 for c in charts if c.kind in NATIVE_KINDS)
    doughnuts = sum(len(c.items) - 1 if c.kind is ChartKind.SHARE and len(c.items) > 1 else 0 for c in charts)
    return len(plan.slides), native + doughnuts, len(charts) - native


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_sources()
    slides, charts, pictures = deck_shape()
    with tempfile.TemporaryDirectory() as tmp:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")
        ours = [*SRBRIEF, "export", "-o", str(Path(tmp) / "ours.pptx")]
        floor = [sys.executable, str(floor_script), str(slides), str(charts), str(pictures),
                 str(Path(tmp) / "floor.pptx")]
        ours_times, floor_times = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine
            floor_times.append(timed(floor))
            ours_times.append(timed(ours))
        peak = subprocess.run([sys.executable, "-c", PEAK, str(Path(tmp) / "peak.pptx")], check=True,
                              capture_output=True, text=True).stdout.strip().splitlines()[-1]
    result = {"peak_rss_mib": round(float(peak), 1), "peak_rss_target_mib": 200,
              "date": date.today().isoformat(), "slides": slides, "native_charts": charts, "pictures": pictures,
              "export_s": round(min(ours_times), 3), "floor_s": round(min(floor_times), 3),
              "ratio": round(min(ours_times) / min(floor_times), 2), "target_ratio": 1.5, "runs": args.runs}
    print(f"export zh deck: {result['export_s']:.2f} s   floor (python-pptx + matplotlib, {slides} slides, "
          f"{charts} native charts, {pictures} pictures): {result['floor_s']:.2f} s   ratio {result['ratio']:.2f} "
          f"(target ≤ 1.5)")
    print(f"peak memory of export: {result['peak_rss_mib']:.0f} MiB (target ≤ 200)")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{result['date']}-export.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
