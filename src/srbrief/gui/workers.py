"""Long work off the GUI thread: exports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from srbrief.model import Briefing


class ExportJob(QThread):
    """Writes a PPTX deck, a PDF handout or every chart, then reports the path or a one-line error."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, kind: str, briefing: Briefing, lang: str, target: Path) -> None:
        super().__init__()
        self.kind, self.briefing, self.lang, self.target = kind, briefing, lang, target

    def run(self) -> None:  # in the worker thread
        try:
            self.done.emit(str(self._export()))
        except Exception as exc:
            self.failed.emit(f"{self.target}: {exc}")

    def _export(self) -> Path:
        if self.kind == "pptx":
            from srbrief.deck.export import export_pptx

            export_pptx(self.briefing, self.target, self.lang)
        elif self.kind == "pdf":
            from srbrief.deck.export import check_output
            from srbrief.deck.plan import plan_deck
            from srbrief.gui.pdf import write_pdf

            check_output(self.target, (".pdf",))
            write_pdf(plan_deck(self.briefing, self.lang), self.target)
        else:
            from srbrief.atomic import atomic_output
            from srbrief.charts import render_chart

            fmt = self.kind.removeprefix("charts-") if self.kind.startswith("charts-") else "png"
            for chart in self.briefing.charts:
                with atomic_output(self.target / f"{chart.id}.{fmt}") as f:
                    render_chart(self.briefing, chart, self.lang, f, fmt=fmt)
        return self.target
