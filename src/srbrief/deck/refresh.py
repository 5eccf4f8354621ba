"""Refresh a deck someone has edited: the briefing's current figures go into its cards, charts, titles, texts,
tables and notes, and everything the user did stays (moves, sizes, colours, fonts, added or deleted or
reordered slides, another theme).

The deck records what the exporter wrote in each bound shape (srbrief.deck.bindings). The refresh renders the
briefing's deck afresh, in memory, in the deck's language, and for each bound shape of the edited deck:

- the briefing says the same as when exported: nothing to do (whatever the user wrote stays);
- the shape still says what the exporter wrote: its text is replaced in its own runs (the user's fonts and
  paragraph settings kept); a chart gets the new data (``replace_data``, its styling kept) and labels;
- the user rewrote it and the briefing changed it too: a conflict, kept and reported, or replaced when asked.

Shapes and slides whose figure or point is gone are listed and left alone; figures and points the deck never
had are listed, not inserted. Qt-free.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.exc import PackageNotFoundError

from srbrief.atomic import atomic_output
from srbrief.deck import bindings, oxml
from srbrief.deck.bindings import NOTES, ROWS, Recorded, digest, normal
from srbrief.deck.export import DEFAULT_EA, DEFAULT_LATIN, briefing_origin, check_output, slide_size
from srbrief.deck.plan import plan_deck
from srbrief.deck.pptx_text import Fonts
from srbrief.deck.pptx_writer import DeckWriter
from srbrief.model import Briefing

EXIT_REFRESHED, EXIT_CONFLICTS = 0, 3
MAX_SHOWN = 60  # characters of a text shown in a report line


class RefreshError(Exception):
    """A deck that cannot be refreshed (not a deck, not exported by srbrief, another briefing): one line, exit 2."""


class Kind(str, Enum):
    UPDATED = "updated"  # the briefing's new text or data is in
    CONFLICT = "conflict"  # the user rewrote it and the briefing changed it: kept
    TAKEN = "taken"  # the user rewrote it and the briefing changed it: replaced, as asked
    GONE = "gone"  # the figure or point is no longer in the briefing: left alone
    MISSING = "missing"  # a bound shape the deck no longer has (deleted, or lost by another office suite)
    DELETED = "deleted"  # a slide the user deleted: not added again
    UNKNOWN = "unknown"  # a slide that looks like ours but matches none recorded: left alone
    NEW = "new"  # a figure or point the deck never had: not inserted


@dataclass(frozen=True)
class Change:
    """One line of the report: the slide (its position in the refreshed deck, 0 if not in it), the slide's key,
    the shape, what happened, and the old and new text (*image*: a chart drawn as a picture, redrawn)."""

    kind: Kind
    slide: int
    key: str
    shape: str = ""
    old: str = ""
    new: str = ""
    image: bool = False

    @property
    def ident(self) -> str:
        """Return the id of a conflict, to choose it: '<slide key>/<shape>'."""
        return f"{self.key}/{self.shape}"

    def texts(self, lang: str) -> tuple[str, str]:
        """Return the old and new text to show, in *lang* (a picture is named, not quoted)."""
        if self.image:
            return say("picture", lang), say("new_picture", lang)
        return self.old, self.new


# The report's words (zh, en): the CLI speaks the deck's language unless --lang says otherwise; the app its own.
WORDS = {
    "slide": ("第{n}页", "slide {n}"),
    "nowhere": ("不在演示文稿中", "not in the deck"),
    "new:figure": ("数字", "figure"),
    "new:slide": ("幻灯片", "slide"),
    Kind.UPDATED: ("已更新", "updated"),
    Kind.TAKEN: ("冲突，已换成简报的文字", "conflict, briefing's text taken"),
    Kind.CONFLICT: ("冲突，保留了手工改写的文字", "conflict, your text kept"),
    Kind.GONE: ("简报中已没有：未改动", "no longer in the briefing: left alone"),
    Kind.MISSING: ("演示文稿中找不到（已删除，或被其他程序改名）：未刷新",
                   "not found in the deck (deleted, or renamed by another program): not refreshed"),
    Kind.DELETED: ("幻灯片已从演示文稿中删除：不再加回", "slide deleted from the deck: not added again"),
    Kind.UNKNOWN: ("像是本程序的幻灯片，但与记录的幻灯片都不相符：未改动",
                   "a slide of srbrief's that matches no recorded slide: left alone"),
    Kind.NEW: ("简报中有，演示文稿中从未有过：未插入", "in the briefing, never in the deck: not inserted"),
    "quoted": ("“{old}” → “{new}”", "{old!r} → {new!r}"),
    "picture": ("图片", "picture"),
    "new_picture": ("按新数字重画的图片", "picture of the new figures"),
    "summary": ("更新 {updated} 处，保留冲突 {conflicts} 处，未改动 {alone} 处，简报中新增 {new} 项（未插入）",
                "{updated} updated, {conflicts} conflicts kept, {alone} left alone, "
                "{new} new in the briefing (not inserted)"),
    "refreshed": ("{target}：已按 {file} 刷新（{deck_lang}）", "{target}: refreshed from {file} ({deck_lang})"),
    "take_hint": ("加 --take-briefing 可用简报的文字替换保留的冲突",
                  "--take-briefing replaces the texts kept in conflict with the briefing's"),
}


def say(key: str | Kind, lang: str, **values: object) -> str:
    """Return the report's word *key* in *lang* ('zh' or 'en'), formatted with *values*."""
    return WORDS[key][0 if lang == "zh" else 1].format(**values)


@dataclass
class Report:
    deck: str
    lang: str  # the deck's language
    changes: list[Change] = field(default_factory=list)

    def of(self, *kinds: Kind) -> list[Change]:
        return [c for c in self.changes if c.kind in kinds]

    @property
    def exit_code(self) -> int:
        """0 when everything bound was refreshed; 3 when conflicts were kept."""
        return EXIT_CONFLICTS if self.of(Kind.CONFLICT) else EXIT_REFRESHED

    def lines(self, lang: str | None = None) -> list[str]:
        """Return the report as text lines in *lang* (default: the deck's language): slide, shape,
        old → new, then what was left alone, then the counts."""
        lang = lang or self.lang
        sep = "：" if lang == "zh" else ": "
        out = []
        for change in self.changes:
            where = say("slide", lang, n=change.slide) if change.slide else say("nowhere", lang)
            key = say(f"new:{change.key}", lang) if change.kind is Kind.NEW else change.key
            what = f"{where} [{key}] {change.shape}".rstrip() + sep + say(change.kind, lang)
            if change.kind in (Kind.UPDATED, Kind.TAKEN, Kind.CONFLICT):
                old, new = (_short(t) for t in change.texts(lang))
                out.append(what + sep + say("quoted", lang, old=old, new=new))
            else:
                out.append(what + (sep + _short(change.new) if change.new else ""))
        counts = {k: len(self.of(k)) for k in Kind}
        out.append(say("summary", lang, updated=counts[Kind.UPDATED] + counts[Kind.TAKEN],
                       conflicts=counts[Kind.CONFLICT],
                       alone=counts[Kind.GONE] + counts[Kind.MISSING] + counts[Kind.UNKNOWN], new=counts[Kind.NEW]))
        return out


def _short(text: str) -> str:
    flat = " ".join(text.replace("\x0b", " ").split())
    return flat if len(flat) <= MAX_SHOWN else flat[:MAX_SHOWN - 1] + "…"


# -- the deck as it is, and the deck as the briefing now says ----------------------------------------------------
def open_deck(path: Path) -> tuple[Any, dict[str, str], list[Recorded]]:
    """Return the deck at *path*, its srbrief properties and recorded slides, or raise RefreshError."""
    try:
        prs = Presentation(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise RefreshError(f"{path}: not a PowerPoint deck ({' '.join(str(exc).split())[:120]})") from None
    except OSError as exc:
        raise RefreshError(f"{path}: cannot read the deck: {exc.strerror or exc}") from None
    try:
        meta, slides = bindings.recorded(prs)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RefreshError(f"{path}: its srbrief records are damaged ({exc})") from None
    if meta.get("lang") not in ("zh", "en") or not slides:
        raise RefreshError(f"{path}: not a deck exported by srbrief (it records no briefing); export it again")
    return prs, meta, slides


def recorded_briefing(deck: Path) -> str:
    """Return the name of the briefing file the deck at *deck* was made from ('' if it records none; an older
    deck's recorded path gives its last part); raise RefreshError if srbrief did not export it."""
    _, meta, _ = open_deck(deck)
    return _file_name(meta.get("briefing-file", ""))


def _file_name(recorded: str) -> str:
    return re.split(r"[\\/]", recorded)[-1]


@dataclass
class Fresh:
    """The briefing's deck rendered now: slide key → shape name → shape; table rows by figure id."""

    shapes: dict[str, dict[str, Any]]
    rows: dict[str, list[Any]]  # figure id → the cells of its appendix row
    keys: list[str]


def render_fresh(briefing: Briefing, lang: str, meta: dict[str, str], deck: Path) -> Fresh:
    """Return the deck the briefing makes now, as the export did: with the house look, or, for a deck made
    with a template, with the deck itself as the template (its page size, layouts and colours)."""
    template = io.BytesIO(deck.read_bytes()) if meta.get("template") else None
    plan = plan_deck(briefing, lang, meta.get("presenter") or None, meta.get("organisation") or None,
                     slide_size(template), meta.get("date") or None)  # tables paginated for the deck's page, as
    # the export did
    code = "zh-CN" if lang == "zh" else "en-US"
    if template is not None:
        writer = DeckWriter(plan, template, Fonts("+mn-lt", "+mn-ea", code), True)
    else:
        writer = DeckWriter(plan, None, Fonts(DEFAULT_LATIN, DEFAULT_EA, code), True)
    buffer = io.BytesIO()
    writer.write(buffer)
    prs = Presentation(io.BytesIO(buffer.getvalue()))
    keys = bindings.slide_keys(plan.slides)
    shapes: dict[str, dict[str, Any]] = {}
    rows: dict[str, list[Any]] = {}
    for slide, key, spec in zip(prs.slides, keys, plan.slides, strict=True):
        shapes[key] = dict(bindings.bound_shapes(slide))
        for shape in shapes[key].values():
            if getattr(shape, "has_table", False) and spec.table is not None:
                for number, row in enumerate(list(shape.table.rows)[1:]):
                    rows[spec.table.ids[number]] = list(row.cells)
    return Fresh(shapes, rows, keys)


def match_slides(prs: Any, slides: list[Recorded]) -> dict[int, Recorded]:
    """Return deck slide index → its recorded slide: by the slide's name, else (after LibreOffice, which drops
    slide names) by the bound shapes it holds and what they say."""
    by_key = {s.key: s for s in slides}
    found: dict[int, Recorded] = {}
    for index, slide in enumerate(prs.slides):
        key = oxml.slide_name(slide)
        if key in by_key and all(r.key != key for r in found.values()):
            found[index] = by_key[key]
    scores = []
    for index, slide in enumerate(prs.slides):
        if index in found:
            continue
        held = bindings.slide_bindings(slide)
        for record in slides:
            same = sum(2 if record.shapes.get(n) == d else 1 for n, d in held.items()
                       if n in record.shapes and n not in ("kicker", "footer"))
            named = sum(1 for n in held if n.split("#")[0] in record.shapes and ":" in n)
            if same > 2 or named:
                scores.append((same + named, index, record))
    for _, index, record in sorted(scores, key=lambda s: -s[0]):
        if index not in found and all(r.key != record.key for r in found.values()):
            found[index] = record
    return found


# -- the refresh --------------------------------------------------------------------------------------------------
class Refresher:
    """Refreshes one opened deck from a briefing's fresh rendering; collects the report."""

    def __init__(self, report: Report, take: bool | Collection[str]) -> None:
        self.report = report
        self.take = take

    def taken(self, change: Change) -> bool:
        return self.take is True or (not isinstance(self.take, bool) and change.ident in self.take)

    def add(self, kind: Kind, slide: int, key: str, shape: str = "", old: str = "", new: str = "") -> None:
        self.report.changes.append(Change(kind, slide, key, shape, old, new))

    def settle(self, change: Change, edited: bool) -> bool:
        """Report *change*; return whether to make it. A shape the user *edited* is a conflict: kept, unless
        its id is among those to take."""
        if edited:
            if not self.taken(change):
                self.report.changes.append(replace(change, kind=Kind.CONFLICT))
                return False
            change = replace(change, kind=Kind.TAKEN)
        self.report.changes.append(change)
        return True

    def text(self, number: int, key: str, name: str, frame: Any, new_frame: Any, recorded_digest: str | None) -> str:
        """Refresh one text frame; return the digest to record for it."""
        old, new = frame.text, new_frame.text
        if recorded_digest is None or digest(new) == recorded_digest or normal(old) == normal(new):
            return recorded_digest or digest(old)
        if not self.settle(Change(Kind.UPDATED, number, key, name, old, new), digest(old) != recorded_digest):
            return recorded_digest
        oxml.rewrite_text(frame._txBody, new_frame._txBody)
        return digest(new)

    def chart(self, number: int, key: str, name: str, graph: Any, new_graph: Any, recorded_digest: str | None) -> str:
        """Put the fresh chart's data and labels into the user's chart, keeping its styling (data the user
        typed in is theirs: a conflict); return the digest to record."""
        old_digest, new_digest = bindings.chart_digest(graph), bindings.chart_digest(new_graph)
        if new_digest in (old_digest, recorded_digest):
            return recorded_digest or old_digest
        old_values, new_values = bindings.chart_values(graph), bindings.chart_values(new_graph)
        change = Change(Kind.UPDATED, number, key, name, _describe(old_values), _describe(new_values))
        if not self.settle(change, recorded_digest not in (None, "chart", old_digest)):
            return recorded_digest or old_digest
        data = CategoryChartData(number_format="General")
        data.categories = list(new_values[0])
        for series, values in zip(new_graph.plots[0].series, new_values[1], strict=True):
            data.add_series(series.name, list(values))
        graph.replace_data(data)
        for series, new_series in zip(graph.plots[0].series, new_graph.plots[0].series, strict=False):
            for point, new_point in zip(series.points, new_series.points, strict=False):
                if point.data_label.has_text_frame and new_point.data_label.has_text_frame:
                    oxml.rewrite_text(point.data_label.text_frame._txBody, new_point.data_label.text_frame._txBody)
        _rescale(graph, new_graph)
        return new_digest


    def picture(self, number: int, key: str, name: str, shape: Any, new: Any, recorded_digest: str | None) -> str:
        """Put the fresh drawing of a chart drawn as a picture in place of the exporter's (a picture the user
        replaced is theirs: a conflict); return the digest to record."""
        old_digest, new_digest = bindings.picture_digest(shape), bindings.picture_digest(new)
        if recorded_digest is None or new_digest in (recorded_digest, old_digest):
            return recorded_digest or old_digest
        change = Change(Kind.UPDATED, number, key, name, image=True)
        if not self.settle(change, old_digest != recorded_digest):
            return recorded_digest
        oxml.replace_picture(shape, new.image.blob)
        oxml.set_alt_text(shape, *oxml.alt_text(new))
        return new_digest

    def table(self, number: int, key: str, name: str, shape: Any, record: Recorded, fresh: Fresh) -> None:
        """Refresh an appendix table row by row, each row found by its figure (rows move between pages when
        figures are added or move to another document's table; a user may delete or reorder rows)."""
        rows = list(shape.table.rows)[1:]
        figures = _row_figures(name, rows, record)
        was = {k: v for k, v in record.shapes.items() if k.startswith(f"{name}#") and not k.endswith(ROWS)}
        now: dict[str, str] = {}
        for r, row in enumerate(rows, 1):
            if r not in figures:
                continue  # a row the user added
            exported_as, figure = figures[r]
            new_cells = fresh.rows.get(figure)
            if new_cells is None:
                self.add(Kind.GONE, number, key, f"{name}#{r}", new=figure)
            for c, cell in enumerate(row.cells):
                recorded_digest, cell_name = was.get(f"{name}#{exported_as}.{c}"), f"{name}#{r}.{c}"
                if new_cells is None or c >= len(new_cells):
                    now[cell_name] = recorded_digest or digest(cell.text_frame.text)
                else:
                    now[cell_name] = self.text(number, key, cell_name, cell.text_frame, new_cells[c].text_frame,
                                               recorded_digest)
        for cell_name in was:
            del record.shapes[cell_name]
        record.shapes.update(now)
        record.shapes[name + ROWS] = ",".join(figures[r][1] if r in figures else "" for r in range(1, len(rows) + 1))

    def slide(self, number: int, slide: Any, record: Recorded, fresh: Fresh) -> None:
        new_shapes = fresh.shapes.get(record.key)
        if new_shapes is None:
            self.add(Kind.GONE, number, record.key)
            return
        shapes = dict(bindings.bound_shapes(slide))
        if NOTES in record.shapes and NOTES not in shapes and slide.has_notes_slide:
            notes = slide.notes_slide.notes_placeholder  # notes emptied by the user: still theirs
            if notes is not None:
                shapes[NOTES] = notes
        names = dict.fromkeys(n.split("#")[0] for n in record.shapes)  # a table's entries name it
        for name in names:
            shape = shapes.get(name)
            if shape is None:
                self.add(Kind.MISSING, number, record.key, name)
                continue
            new = new_shapes.get(name)
            if new is None:
                self.add(Kind.GONE, number, record.key, name)
            elif getattr(shape, "has_chart", False) and getattr(new, "has_chart", False):
                record.shapes[name] = self.chart(number, record.key, name, shape.chart, new.chart,
                                                 record.shapes.get(name))
            elif getattr(shape, "has_table", False):
                self.table(number, record.key, name, shape, record, fresh)
            elif _is_picture(shape) and _is_picture(new):
                record.shapes[name] = self.picture(number, record.key, name, shape, new, record.shapes.get(name))
            elif getattr(shape, "has_text_frame", False) and getattr(new, "has_text_frame", False):
                record.shapes[name] = self.text(number, record.key, name, shape.text_frame, new.text_frame,
                                                record.shapes.get(name))


def _is_picture(shape: Any) -> bool:
    return hasattr(shape, "image")


def _row_figures(name: str, rows: list[Any], record: Recorded) -> dict[int, tuple[int, str]]:
    """Return row number → (its number when exported, its figure id): a row is found by what its cells say
    (the user may have deleted or moved rows), else by its place."""
    ids = record.shapes.get(name + ROWS, "").split(",")
    said = {j: [record.shapes.get(f"{name}#{j}.{c}") for c in range(len(rows[0].cells))] if rows else []
            for j in range(1, len(ids) + 1)}
    found: dict[int, tuple[int, str]] = {}
    for r, row in enumerate(rows, 1):
        now = [digest(cell.text_frame.text) for cell in row.cells]
        same = [j for j, cells in said.items() if cells == now and ids[j - 1]]
        if same:
            found[r] = (same[0], ids[same[0] - 1])
            del said[same[0]]
    for r in range(1, len(rows) + 1):  # rows the user edited: by their place, if that row is not found elsewhere
        if r not in found and r in said and ids[r - 1]:
            found[r] = (r, ids[r - 1])
            del said[r]
    return found


def _describe(values: tuple[tuple[str, ...], tuple[tuple[float | None, ...], ...]]) -> str:
    categories, series = values
    return "; ".join(f"{c} {v:g}" if v is not None else c for c, v in zip(categories, series[0], strict=False))


def _axis_title(graph: Any, new_graph: Any) -> None:
    """Give the value axis the fresh chart's title (its unit, which a new order of magnitude changes)."""
    try:
        axis, new_axis = graph.value_axis, new_graph.value_axis
    except ValueError:  # a doughnut has no axes
        return
    if axis.has_title and new_axis.has_title and axis.axis_title.has_text_frame:
        oxml.rewrite_text(axis.axis_title.text_frame._txBody, new_axis.axis_title.text_frame._txBody)


def _rescale(graph: Any, new_graph: Any) -> None:
    """Give a chart's value axis the fresh chart's scale (the exporter's, fitted to the new values) when the
    new values do not fit the axis as it is; an axis that holds them stays as the user left it."""
    try:
        axis, new_axis = graph.value_axis, new_graph.value_axis
    except ValueError:  # a doughnut has no axes
        return
    _axis_title(graph, new_graph)
    values = [v for series in graph.plots[0].series for v in series.values if v is not None]
    low, high = axis.minimum_scale, axis.maximum_scale
    if values and (low is None or min(values) >= low) and (high is None or max(values) <= high):
        return
    for attribute in ("minimum_scale", "maximum_scale", "major_unit"):
        setattr(axis, attribute, getattr(new_axis, attribute))


def _figures_in(slides: Iterable[Recorded]) -> set[str]:
    found: set[str] = set()
    for record in slides:
        for name, value in record.shapes.items():
            if name.startswith("metric:"):
                found.add(name.split(":", 1)[1])
            elif name.endswith(ROWS):
                found.update(i for i in value.split(",") if i)
    return found


def refresh_deck(deck: Path, briefing: Briefing, take: bool | Collection[str] = False,
                 briefing_file: Path | None = None) -> tuple[Report, bytes]:
    """Return the report and the refreshed deck (as bytes) of the deck at *deck* with *briefing*'s current
    figures. *take*: True replaces every conflicting text with the briefing's, or the conflicts' ids to replace."""
    prs, meta, slides = open_deck(deck)
    if meta.get("briefing") and meta["briefing"] != briefing.id:
        raise RefreshError(f"{deck}: was exported from the briefing {meta['briefing']!r}, not {briefing.id!r}; "
                           "give that briefing's file")
    lang = meta["lang"]
    fresh = render_fresh(briefing, lang, meta, deck)
    report = Report(str(deck), lang)
    work = Refresher(report, take)
    matched = match_slides(prs, slides)
    for index, slide in enumerate(prs.slides):
        record = matched.get(index)
        if record is None:
            if any(":" in name for name, _ in bindings.bound_shapes(slide)):
                report.changes.append(Change(Kind.UNKNOWN, index + 1, oxml.slide_name(slide) or "?"))
            continue
        oxml.set_slide_name(slide, record.key)  # named again (LibreOffice drops slide names)
        work.slide(index + 1, slide, record, fresh)
    kept = {r.key for r in matched.values()}
    report.changes += [Change(Kind.DELETED, 0, s.key) for s in slides if s.key not in kept]
    known = _figures_in(slides)
    report.changes += [Change(Kind.NEW, 0, "figure", m.id, new=m.label.get(lang))
                       for m in briefing.metrics if m.id not in known]
    recorded_keys = {s.key for s in slides}
    report.changes += [Change(Kind.NEW, 0, "slide", key) for key in fresh.keys if key not in recorded_keys]
    meta.update(refreshed=datetime.now(timezone.utc).isoformat(timespec="seconds"), **briefing_origin(briefing_file))
    if meta.get("briefing-file"):  # an older deck recorded the file's path: only its name is kept
        meta["briefing-file"] = _file_name(meta["briefing-file"])
    bindings.store(prs, meta, slides)
    oxml.ensure_view_properties(prs)
    buffer = io.BytesIO()
    prs.save(buffer)
    return report, oxml.fix_chart_axis_ids(buffer.getvalue())


def refresh_file(deck: Path, briefing: Briefing, target: Path, take: bool | Collection[str] = False,
                 briefing_file: Path | None = None) -> Report:
    """Refresh *deck* into *target* (atomically; *target* may be the deck itself); return the report."""
    check_output(target, (".pptx",), [(briefing_file, "briefing")])
    report, data = refresh_deck(deck, briefing, take, briefing_file)
    with atomic_output(target, [(briefing_file, "briefing")]) as f:
        f.write(data)
    return report


__all__ = ["EXIT_CONFLICTS", "EXIT_REFRESHED", "Change", "Kind", "RefreshError", "Report", "recorded_briefing",
           "refresh_deck", "refresh_file", "say"]
