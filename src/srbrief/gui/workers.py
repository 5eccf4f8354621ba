"""Long work off the GUI thread: exports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from srbrief.model import Briefing


def internal_error_text(exc: BaseException, lang: str, context: str) -> str:
    """Log the traceback of *exc* (as the CLI does) and return a one-line message naming the log file."""
    from srbrief.errorlog import log_exception
    from srbrief.gui.i18n import tr

    log = log_exception(exc, f"srbrief app: {context}")
    what = " ".join(f"{type(exc).__name__}: {exc}".split())[:160]
    return tr("internal_error", lang, what=what, log=str(log) if log else tr("no_log", lang))


class ExportJob(QThread):
    """Writes a PPTX deck, a PDF handout or every chart, then reports the path or a one-line error."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, kind: str, briefing: Briefing, lang: str, target: Path, source: Path | None = None) -> None:
        super().__init__()
        self.kind, self.briefing, self.lang, self.target = kind, briefing, lang, target
        self.inputs = [(source, "briefing")]  # the open file is never overwritten by an export

    def run(self) -> None:  # in the worker thread
        from srbrief.atomic import OutputError
        from srbrief.deck.export import ExportError
        from srbrief.model import BriefingError
        from srbrief.safeio import InputFileError

        try:
            self.done.emit(str(self._export()))
        except (ExportError, OutputError, InputFileError, BriefingError) as exc:
            message = str(exc)  # a one-line problem of the target or an input: already names the file
            self.failed.emit(message if message.startswith(str(self.target)) else f"{self.target}: {message}")
        except Exception as exc:
            self.failed.emit(f"{self.target}: {internal_error_text(exc, self.lang, f'export {self.kind}')}")

    def _export(self) -> Path:
        if self.kind == "pptx":
            from srbrief.deck.export import export_pptx

            export_pptx(self.briefing, self.target, self.lang, inputs=self.inputs, briefing_file=self.inputs[0][0])
        elif self.kind == "pdf":
            from srbrief.deck.export import check_output
            from srbrief.deck.plan import plan_deck
            from srbrief.gui.pdf import write_pdf

            check_output(self.target, (".pdf",), self.inputs)
            write_pdf(plan_deck(self.briefing, self.lang), self.target, inputs=self.inputs)
        else:
            from srbrief.atomic import atomic_output
            from srbrief.charts import render_chart

            fmt = self.kind.removeprefix("charts-") if self.kind.startswith("charts-") else "png"
            for chart in self.briefing.charts:
                with atomic_output(self.target / f"{chart.id}.{fmt}", self.inputs) as f:
                    render_chart(self.briefing, chart, self.lang, f, fmt=fmt)
        return self.target


class DraftJob(QThread):
    """Drafts a briefing from an article (File → New from article…), then reports the draft's path or why not.

    A draft of a news article takes ~0.1 s, but an article near the size limit takes seconds before it is
    refused (thousands of figures): off the GUI thread, the window never freezes.
    """

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, article: Path, target: Path, lang: str) -> None:
        super().__init__()
        self.article, self.target, self.lang = article, target, lang

    def run(self) -> None:  # in the worker thread
        from srbrief.atomic import OutputError
        from srbrief.draft.commands import DraftError, draft_file
        from srbrief.model import BriefingError
        from srbrief.model.yamltree import MAX_BYTES
        from srbrief.safeio import InputFileError, read_limited

        try:
            text = read_limited(self.article, MAX_BYTES, "article text").decode("utf-8-sig")
            draft_file(text, str(self.article), self.target)
            self.done.emit(str(self.target))
        except (DraftError, OutputError, InputFileError) as exc:
            self.failed.emit(str(exc))
        except UnicodeDecodeError:
            self.failed.emit(f"{self.article}: not UTF-8 text")
        except BriefingError as exc:
            self.failed.emit("\n".join(str(p) for p in exc.problems[:8]))
        except OSError as exc:
            self.failed.emit(f"{self.target}: {exc.strerror}")
        except Exception as exc:
            self.failed.emit(f"{self.article}: {internal_error_text(exc, self.lang, 'draft')}")
