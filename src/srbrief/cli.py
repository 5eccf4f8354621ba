"""The ``srbrief`` command line: validate, facts, set, charts, export, refresh, schema, gui.

Exit codes: 0 ok; 2 bad input or usage (one line per problem, no traceback); 1 an unexpected internal
error (a short message and the path of a log file with the details); 3 (refresh) conflicts were kept.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from srbrief import __version__
from srbrief.model.textutil import display_width

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input or usage: reported as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _briefing_path(file: str | None) -> Path:
    from srbrief.resources import builtin_briefing_path

    return Path(file) if file else builtin_briefing_path()


def _load(file: str | None, source_text: str | None = None):
    from srbrief.model import load_briefing

    return load_briefing(_briefing_path(file), source_text)


def _read_article(name: str) -> str:
    """Return the article text in *name* (a regular UTF-8 file within the briefing size limit)."""
    from srbrief.model.yamltree import MAX_BYTES
    from srbrief.safeio import InputFileError, read_limited

    try:
        return read_limited(Path(name), MAX_BYTES, "article text").decode("utf-8-sig")
    except InputFileError as exc:
        raise UsageError(f"{name}: cannot read the article text: {exc.reason}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{name}: cannot read the article text: not UTF-8 text") from None


def cmd_validate(args: argparse.Namespace) -> int:
    source_text = _read_article(args.source_text) if args.source_text else None
    briefing = _load(args.file, source_text)
    _warn_missing_glyphs(_briefing_path(args.file))
    _warn_misleading_charts(_briefing_path(args.file), briefing)
    _warn_untranslated(_briefing_path(args.file), briefing)
    _warn_disagreements(_briefing_path(args.file), briefing)
    checked = ", every source clause found in the article" if source_text is not None else ""
    print(f"{_briefing_path(args.file)}: ok: {len(briefing.sections)} sections, {len(briefing.metrics)} "
          f"metrics, {len(briefing.facts)} facts, {len(briefing.entities)} entities, "
          f"{len(briefing.timeline)} events, {len(briefing.charts)} charts{checked}")
    return EXIT_OK


def _warn_misleading_charts(path: Path, briefing) -> None:
    """Warn (on stderr, exit code unchanged) about charts shown as cards because they would mislead."""
    from srbrief.model.honesty import chart_warnings

    for line in chart_warnings(briefing):
        chart, why = line.split(": ", 1)
        print(f"{path}: warning: chart {chart} is shown as cards in the app and the deck: it {why}", file=sys.stderr)


def _warn_disagreements(path: Path, briefing) -> None:
    """Warn (on stderr, exit code unchanged) about texts that contradict a clause they also rest on."""
    from srbrief.model.agreement import disagreements

    for line in disagreements(briefing):
        print(f"{path}: warning: {line}", file=sys.stderr)


def _warn_untranslated(path: Path, briefing) -> None:
    """Warn (on stderr, exit code unchanged) about texts a draft left marked [translate]."""
    from srbrief.model.translation import untranslated

    missing = untranslated(briefing)
    if missing:
        print(f"{path}: warning: {len(missing)} texts still need an English translation (marked [translate]), "
              f"e.g. {'; '.join(missing[:3])}", file=sys.stderr)


def cmd_draft(args: argparse.Namespace) -> int:
    from srbrief.draft.commands import DraftError, draft_file

    text = _read_article(args.article)
    try:
        out, err = draft_file(text, args.article, Path(args.output))
    except DraftError as exc:
        raise UsageError(str(exc)) from None
    print("\n".join(out))
    for line in err:
        print(line, file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from srbrief.draft.commands import DraftError, import_file

    text = _read_article(args.document)
    try:
        lines = import_file(text, args.document, Path(args.into), args.accept)
    except DraftError as exc:
        raise UsageError(str(exc)) from None
    print("\n".join(lines))
    return EXIT_OK


def _warn_missing_glyphs(path: Path) -> None:
    """Warn (on stderr, exit code unchanged) about characters the bundled font cannot show."""
    try:
        from srbrief.fonts import missing_characters
        from srbrief.model.loader import read_briefing_bytes

        missing = missing_characters(read_briefing_bytes(path).decode("utf-8-sig"))
    except ImportError:  # fontTools comes with matplotlib; without it the check is skipped
        return
    for line, col, char in missing:
        print(f"{path}:{line}:{col}: warning: {char!r} (U+{ord(char):04X}) is not in the bundled font "
              "and would show as a box", file=sys.stderr)


def facts_records(briefing, lang: str) -> list[dict[str, object]]:
    """Return one JSON-ready record per metric of *briefing*."""
    from srbrief.model.units import format_value, metric_kind, metric_unit

    records: list[dict[str, object]] = []
    for section in briefing.sections:
        for m in section.metrics:
            unit = metric_unit(m)
            records.append({
                "id": m.id, "section": section.id, "label": m.label.get(lang),
                "value": int(m.value) if m.value.is_integer() else m.value,
                "unit": m.unit, "unit_text": unit.zh if lang == "zh" else unit.en,
                "qualifier": m.qualifier.value, "kind": metric_kind(m),
                "direction": m.direction.value if m.direction else None,
                "period": m.period or briefing.as_of, "entity": m.entity,
                "display": format_value(m, lang), "source": m.source.clause, "doc": m.source.doc,
                "derived": m.derived.get(lang) if m.derived else None,
            })
    return records


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def cmd_facts(args: argparse.Namespace) -> int:
    records = facts_records(_load(args.file), args.lang)
    if args.format == "json":
        import json

        print(json.dumps(records, ensure_ascii=False, indent=2))
        return EXIT_OK
    id_w = max(display_width(str(r["id"])) for r in records) if records else 2
    val_w = max(display_width(str(r["display"])) for r in records) if records else 5
    print(f"{_pad('id', id_w)}  {_pad('value', val_w)}  label")
    for r in records:
        print(f"{_pad(str(r['id']), id_w)}  {_pad(str(r['display']), val_w)}  {r['label']}")
    print(f"{len(records)} figures")
    return EXIT_OK


def cmd_set(args: argparse.Namespace) -> int:
    from srbrief.edit import is_builtin
    from srbrief.edit.assign import set_file

    path = Path(args.file)
    if is_builtin(path):
        raise UsageError(f"{path}: the built-in briefing is read-only; copy it (cp {path} my-briefing.yaml) "
                         "and edit the copy")
    try:
        lines = set_file(path, args.assignments)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:  # the file is written: a report that cannot be printed (stdout closed or full) does not undo that
        for line in lines:
            print(line)
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        print(f"srbrief: {path}: changed; the report could not be printed (standard output closed?)",
              file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from srbrief.model.schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        from srbrief.atomic import write_text_atomic

        write_text_atomic(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _output_dir(path: str) -> Path:
    """Return *path* as an existing, writable folder (created if needed), or raise UsageError."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{folder}: cannot create the folder: {exc.strerror}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{folder}: the folder is not writable")
    return folder


def cmd_charts(args: argparse.Namespace) -> int:
    briefing = _load(args.file)
    folder = _output_dir(args.output)
    from srbrief.atomic import atomic_output
    from srbrief.charts import render_chart

    charts = briefing.charts
    inputs = [(_briefing_path(args.file), "briefing")]
    for i, chart in enumerate(charts, 1):
        target = folder / f"{chart.id}.{args.format}"
        with atomic_output(target, inputs) as f:
            render_chart(briefing, chart, args.lang, f, dpi=args.dpi, theme=args.theme, fmt=args.format)
        print(f"[{i}/{len(charts)}] {target}", flush=True)
    return EXIT_OK


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a deck is written: the writer makes hundreds of thousands of
    short-lived XML proxies and chart artists, and the collector's passes over them (and over every module
    imported) cost a tenth of the export; what they would free is freed when the collector runs again."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _is_day(text: str) -> bool:
    """Return whether *text* is a day that exists, written YYYY-MM-DD."""
    from srbrief.model.plausible import real_date

    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None and real_date(text)


def cmd_export(args: argparse.Namespace) -> int:
    from srbrief.deck.export import ExportError, check_output, export_pptx

    target = Path(args.output)
    template = Path(args.template) if args.template else None
    inputs = [(_briefing_path(args.file), "briefing"), (template, "template")]
    try:
        check_output(target, inputs=inputs)
        if target.suffix.lower() == ".pdf" and (template or args.font_latin or args.font_ea):
            raise UsageError("--template, --font-latin and --font-ea apply to a .pptx deck only; a PDF handout "
                             "uses the app's own look")
        if target.suffix.lower() != ".pdf" and args.layout:
            raise UsageError("--layout applies to a .pdf handout only")
        from srbrief.deck.export import check_title_text

        check_title_text(args.presenter, "--presenter")
        check_title_text(args.organisation, "--organisation")
        if args.date is not None and not _is_day(args.date):
            raise UsageError(f"--date: {args.date!r} is not a date (YYYY-MM-DD, e.g. 2025-12-08)")
        briefing = _load(args.file)
        if args.lang == "en":
            from srbrief.model.translation import untranslated

            missing = untranslated(briefing)
            if missing:
                raise UsageError(f"{_briefing_path(args.file)}: {len(missing)} texts still need an English "
                                 f"translation (marked [translate]): {'; '.join(missing[:5])}")
        if target.suffix.lower() == ".pdf":
            from srbrief.deck.plan import plan_deck
            from srbrief.gui.pdf import write_pdf

            plan = plan_deck(briefing, args.lang, args.presenter, args.organisation, date=args.date)
            write_pdf(plan, target, args.layout or ("notes" if args.notes else "slides"), inputs)
            count = len(plan.slides)
        else:
            with _collector_paused():
                count = export_pptx(briefing, target, args.lang, template, args.notes, args.font_latin,
                                    args.font_ea, inputs[:1], presenter=args.presenter,
                                    organisation=args.organisation, briefing_file=_briefing_path(args.file),
                                    date=args.date)
    except ExportError as exc:
        raise UsageError(str(exc)) from None
    print(f"{target}: {count} slides ({args.lang})")
    return EXIT_OK


def cmd_refresh(args: argparse.Namespace) -> int:
    from srbrief.deck.export import ExportError
    from srbrief.deck.refresh import Kind, RefreshError, refresh_file, say

    deck, target = Path(args.deck), Path(args.output)
    try:
        if not deck.is_file():
            raise UsageError(f"{deck}: no such deck")
        file = args.file or _deck_briefing(deck)
        briefing = _load(file)
        report = refresh_file(deck, briefing, target, args.take_briefing, _briefing_path(file))
    except (ExportError, RefreshError) as exc:
        raise UsageError(str(exc)) from None
    lang = args.lang or report.lang
    lines = report.lines(lang)
    if report.of(Kind.CONFLICT):
        lines.append(say("take_hint", lang))
    for line in lines:
        print(line)
    print(say("refreshed", lang, target=target, file=_briefing_path(file), deck_lang=report.lang))
    return report.exit_code


def _deck_briefing(deck: Path) -> str | None:
    """Return the briefing file to refresh *deck* from when none is given (None: the built-in briefing). The
    deck records the file's name only: it is looked for beside the deck, then (the built-in briefing's own
    name) the built-in briefing, then among the app's recent files."""
    from srbrief.deck.refresh import recorded_briefing
    from srbrief.resources import builtin_briefing_path

    name = recorded_briefing(deck)
    if not name or name in (".", ".."):
        return None  # a deck that records no file (exported by an older srbrief): the built-in briefing
    if (deck.parent / name).is_file():
        return str(deck.parent / name)
    if name == builtin_briefing_path().name:
        return None
    try:
        from srbrief.gui.settings import recent_files
    except ImportError:  # no Qt: the app's settings cannot be read
        recent: list[str] = []
    else:
        recent = recent_files()
    found = next((p for p in recent if Path(p).name == name and Path(p).is_file()), None)
    if found is None:
        raise UsageError(f"{deck}: was made from the briefing file {name}, found neither beside the deck nor "
                         f"among the app's recent files; give it: srbrief refresh DECK.pptx PATH/{name} -o OUT.pptx")
    return found


def cmd_gui(args: argparse.Namespace) -> int:
    from srbrief.gui.app import has_display, run_gui

    screenshot = Path(args.screenshot) if getattr(args, "screenshot", None) else None
    if screenshot is None and not has_display():
        raise UsageError("no display found (DISPLAY is not set); to make a deck without the app, use "
                         "'srbrief export -o deck.pptx'")
    file = Path(args.file) if args.file else None
    briefing = _load(args.file) if file is not None else None  # a bad file is one clear line before any window
    return run_gui(file, getattr(args, "lang", None), getattr(args, "present", False), screenshot,
                   getattr(args, "exit_after", None), builtin=getattr(args, "builtin", False), briefing=briefing)


def _positive_dpi(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 20 <= value <= 1200:
        raise argparse.ArgumentTypeError(f"dpi must be between 20 and 1200, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="srbrief", description="Briefings on Shangrao's manufacturing sector.")
    parser.add_argument("--version", action="version", version=f"srbrief {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    file_help = "a briefing file (default: the built-in Shangrao briefing)"

    p = sub.add_parser("validate", help="check a briefing file")
    p.add_argument("file", nargs="?", help=file_help)
    p.add_argument("--source-text", metavar="ARTICLE.txt", help="also check every source clause against it")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("facts", help="list every figure with its source clause")
    p.add_argument("file", nargs="?", help=file_help)
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("charts", help="write every chart of a briefing as an image")
    p.add_argument("file", nargs="?", help=file_help)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write DIR/<chart-id>.<ext>")
    p.add_argument("--format", choices=("png", "svg", "pdf"), default="png")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--dpi", type=_positive_dpi, default=150)
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.set_defaults(func=cmd_charts)

    p = sub.add_parser("export", help="write the briefing deck (.pptx) or its PDF handout (.pdf)")
    p.add_argument("file", nargs="?", help=file_help)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pptx|OUT.pdf")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--template", metavar="T.pptx", help="use this template's layouts, colours and fonts")
    p.add_argument("--notes", action=argparse.BooleanOptionalAction, default=True,
                   help="speaker notes (in a PDF: A4 notes pages instead of slide pages)")
    p.add_argument("--layout", choices=("notes", "slides", "lines", "six"),
                   help="PDF handout: notes = 1 slide and its notes a page (the default), slides = 1 slide a "
                        "page, lines = 3 slides with lines for notes, six = 6 slides a page (A4)")
    p.add_argument("--font-latin", metavar="NAME", help="Latin typeface (default Calibri, or the template's)")
    p.add_argument("--font-ea", metavar="NAME",
                   help="East-Asian typeface (default Microsoft YaHei, or the template's)")
    p.add_argument("--presenter", metavar="NAME", help="who presents, on the title slide (else the briefing's)")
    p.add_argument("--organisation", metavar="NAME", help="for whom, on the title slide (else the briefing's)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day it is presented, on the title slide (else the "
                   "briefing's)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "refresh", help="put a briefing's current figures into a deck someone has edited, keeping their edits",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes: 0 every bound shape refreshed\n"
               "            3 done, but conflicts kept (texts both you and the briefing changed: listed;\n"
               "              --take-briefing replaces them)\n"
               "            2 bad input (not a deck srbrief exported, another briefing, its briefing file not found,\n"
               "              a bad output): nothing written")
    p.add_argument("deck", metavar="DECK.pptx", help="a deck exported by srbrief, edited or not")
    p.add_argument("file", nargs="?", metavar="BRIEFING",
                   help="the briefing file (default: the file the deck was made from, by the name it records: "
                        "beside the deck, else among the app's recent files; the built-in briefing for a deck "
                        "made from it)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pptx",
                   help="the refreshed deck (may be DECK.pptx itself: replaced atomically)")
    p.add_argument("--take-briefing", action="store_true",
                   help="replace texts you rewrote that the briefing changed too (else kept and reported)")
    p.add_argument("--lang", choices=("zh", "en"),
                   help="the change report's language (default: the deck's language, that of the texts it quotes)")
    p.set_defaults(func=cmd_refresh)

    p = sub.add_parser("draft", help="draft a briefing from an article: every figure with its clause")
    p.add_argument("article", metavar="ARTICLE.txt", help="the article (UTF-8 text)")
    p.add_argument("-o", "--output", required=True, metavar="NEW.yaml",
                   help="the draft briefing (the article's copy goes to sources/ beside it)")
    p.set_defaults(func=cmd_draft)

    p = sub.add_parser("import", help="propose updates from a newer document; apply the accepted ones")
    p.add_argument("document", metavar="DOC.txt", help="the newer document (UTF-8 text)")
    p.add_argument("--into", required=True, metavar="BRIEFING.yaml", help="the briefing to update")
    p.add_argument("--accept", nargs="+", metavar="all|ID", help="apply these proposals (all, or metric ids)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("set", help="change values of a briefing file in place, keeping its comments and layout")
    p.add_argument("file", help="the briefing file to change (not the built-in one: copy it first)")
    p.add_argument("assignments", nargs="+", metavar="PATH=VALUE",
                   help="e.g. metrics.ID.value=6300, metrics.ID.label.zh=…, entities.ID.place= (empty: remove)")
    p.set_defaults(func=cmd_set)

    p = sub.add_parser("schema", help="print the JSON Schema of the data format")
    p.add_argument("-o", "--output", help="write it to this file instead")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("gui", help="open the desktop app (the default command)")
    p.add_argument("file", nargs="?", help="the briefing YAML (default: the file open last time, else the "
                   "built-in sample)")
    p.add_argument("--builtin", action="store_true", help="open the built-in sample (read-only), not the last file")
    p.add_argument("--lang", choices=("zh", "en"), help="the language (default: the last one used)")
    p.add_argument("--present", action="store_true", help="start presenting at once")
    p.add_argument("--screenshot", metavar="DIR", help="render every panel and slide to DIR/*.png and exit")
    p.add_argument("--exit-after", choices=("paint", "charts"), help="quit after the first paint or charts")
    p.set_defaults(func=cmd_gui)
    return parser


def _report_internal_error() -> int:
    import traceback

    from srbrief.errorlog import log_exception

    log = log_exception()
    if log is not None:
        print(f"srbrief: internal error; details are in {log}", file=sys.stderr)
    else:
        print(f"srbrief: internal error: {traceback.format_exc(limit=1)}", file=sys.stderr)
    return EXIT_INTERNAL


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl+C, so temporary files are removed on the way out."""


def _on_sigterm(signum: int, _frame: object) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` while a command runs (main thread only; restored afterwards)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from srbrief.atomic import OutputError
    from srbrief.model.errors import BriefingError
    from srbrief.safeio import InputFileError

    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", cmd_gui)
    if not hasattr(args, "file"):
        args.file = None
    try:
        with _sigterm_unwinds():
            return func(args)
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_USAGE
    except (UsageError, OutputError, InputFileError) as exc:
        print(f"srbrief: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Terminated:
        return 128 + signal.SIGTERM
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception:
        return _report_internal_error()
