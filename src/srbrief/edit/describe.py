"""Edits named in words, for undo menus and histories, in Chinese or English. Qt-free.

``describe(command, text, lang)`` reads the item an edit touches from the text *before* it (its label, title,
name or message) and says what changes: "修改 规上工业营业收入：6261 → 6288" / "Change Industrial revenue:
6261 → 6288". Field, kind, unit and choice names are here too, so the form and the undo menu use one wording.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from srbrief.edit.commands import (
    AddItem,
    Batch,
    Command,
    MoveItem,
    RemoveField,
    RemoveItem,
    ReplaceText,
    SetField,
    read_back,
)
from srbrief.edit.document import Change
from srbrief.edit.verify import MISSING
from srbrief.edit.yamltext import PathKey, Source, parsed
from srbrief.model.units import UNITS

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "id": ("标识", "Id"), "kind": ("类型", "Kind"), "label": ("名称", "Label"), "value": ("数值", "Value"),
    "unit": ("单位", "Unit"), "qualifier": ("限定", "Qualifier"), "direction": ("方向", "Direction"),
    "period": ("时期", "Period"), "entity": ("所属机构", "Entity"), "note": ("注释", "Note"),
    "source": ("原文语句", "Source clause"), "title": ("标题", "Title"), "short_title": ("短标题", "Short title"),
    "lede": ("导语", "Lede"), "number": ("序号", "Number"), "text": ("文字", "Text"), "name": ("名称", "Name"),
    "description": ("说明", "Description"), "place": ("所在地", "Place"), "date": ("日期", "Date"),
    "items": ("条目", "Items"), "entities": ("相关机构", "Entities"), "route": ("路线", "Route"),
    "refs": ("关联", "References"), "message": ("要点", "Message"), "figures": ("数字", "Figures"),
    "chart": ("图表", "Chart"), "facts": ("事实", "Facts"), "summary": ("摘要", "Summary"),
    "good": ("利好方向", "Good news is"), "notes": ("备注", "Speaker notes"), "section": ("板块", "Section"),
    "figure": ("数字", "Figure"), "derived": ("计算值（说明）", "Derived (how)"),
    "derived_part": ("计算的是", "What is derived"), "subtitle": ("副标题", "Subtitle"),
    "organisation": ("单位（主办）", "Organisation"), "presenter": ("汇报人", "Presenter"),
    "briefing_date": ("汇报日期", "Briefing date"),
    "as_of": ("资料截至", "Sources as of"), "publication": ("出版物", "Publication"), "url": ("网址", "URL"),
    "sources": ("依据的原文语句（每行一句）", "Clauses it rests on (one a line)"), "group": ("分组", "Group"),
    "zh": ("中文", "Chinese"),
    "en": ("英文", "English"), "clause": ("原文语句", "Clause"), "doc": ("来源文件", "Document"),
    "units": ("单位表", "Units"), "code": ("代码", "Code"),
    "unit_en": ("单位的英文（仅本数字）", "Unit in English (this figure)"),
    "text_file": ("全文文件（与简报在同一文件夹）", "Text file (beside the briefing)"),
}

# What an item in a list under this key is called.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "metrics": ("数字", "Figure"), "facts": ("事实", "Fact"), "charts": ("图表", "Chart"),
    "points": ("要点", "Point"), "sections": ("板块", "Section"), "timeline": ("大事记", "Event"),
    "summary": ("摘要", "Summary line"), "outlook": ("展望", "Outlook line"), "sources": ("来源文件", "Document"),
    "entities": ("机构", "Entity"), "units": ("单位", "Unit"), "items": ("条目", "Item"),
}

CHOICE_NAMES: dict[str, tuple[str, str]] = {
    # qualifier
    "exact": ("精确值", "exact"), "more_than": ("超过（超、余）", "more than"), "about": ("约", "about"),
    "rank": ("名次（第N）", "rank (No. N)"), "top": ("前N（百强）", "top N"),
    # direction, good
    "increase": ("增长", "increase"), "decrease": ("下降", "decrease"),
    "up": ("越高越好", "up is good"), "down": ("越低越好", "down is good"),
    # derived_part
    "value": ("数值", "the value"), "period": ("时期", "the period"),
    # section kinds
    "overview": ("总览（开篇数字）", "Overview (the opening figures)"),
    "theme": ("主题（编号的板块）", "Theme (a numbered section)"),
    # fact kinds
    "programme": ("项目", "programme"), "measure": ("举措", "measure"), "ranking": ("排名", "ranking"),
    "platform": ("平台", "platform"), "corridor": ("通道", "corridor"), "structure": ("结构", "structure"),
    "link": ("双向对接", "two-way link"),
    # entity kinds
    "company": ("企业", "company"), "park": ("园区", "park"), "institution": ("机构", "institution"),
    "place": ("地点", "place"), "fund": ("基金", "fund"),
    # chart kinds
    "kpi": ("数字卡片", "figure cards"), "bar": ("柱状图", "bar chart"), "hbar": ("条形图", "horizontal bars"),
    "share": ("占比图", "share"), "line": ("折线图", "line chart"), "timeline": ("时间轴", "timeline"),
    "grid": ("网格", "grid"), "matrix": ("矩阵", "matrix"), "route_map": ("路线图", "route map"),
}

ROOT_NAME = ("简报", "the briefing")
_VALUE_LISTS = ("figures", "items", "refs", "entities", "route")  # lists of ids: an index there is no item
SHORT = {"zh": 24, "en": 64}  # characters of a name or a value in an undo entry


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def field_name(name: str, lang: str) -> str:
    """Return the name of the field *name* in *lang* (the key itself if it has none)."""
    pair = FIELD_NAMES.get(name)
    return _pick(pair, lang) if pair else name


def kind_name(list_key: str, lang: str) -> str:
    """Return what an item of the list *list_key* is called in *lang*."""
    pair = KIND_NAMES.get(list_key)
    return _pick(pair, lang) if pair else list_key


def choice_name(code: str, lang: str) -> str:
    """Return the name of the choice *code* (a qualifier, a direction, a kind) in *lang*."""
    pair = CHOICE_NAMES.get(code)
    return _pick(pair, lang) if pair else code


def unit_name(code: str, lang: str, declared: dict[str, tuple[str, str]] | None = None) -> str:
    """Return the unit *code* as the user reads it: 亿元 in Chinese, "CNY 100 mn (亿元)" in English.
    *declared*: the briefing's own units (code → (zh, en))."""
    if declared and code in declared:
        zh, en = declared[code]
    elif code in UNITS:
        zh, en = UNITS[code].zh, UNITS[code].en
    else:
        return code
    return zh if lang == "zh" or en == zh else f"{en} ({zh})"


def shorten(text: str, size: int = SHORT["zh"]) -> str:
    """Return *text* on one line, cut to *size* characters with an ellipsis."""
    one = " ".join(str(text).split())
    return one if len(one) <= size else one[:size - 1] + "…"


def item_name(data: Any, lang: str) -> str:
    """Return how an item (plain data of a mapping) is named: its label, title, name, message or text."""
    if not isinstance(data, dict):
        return shorten(str(data)) if data not in (None, MISSING) else ""
    for key in ("label", "title", "name", "message", "text", "clause"):
        value = data.get(key)
        if isinstance(value, dict):
            value = value.get(lang) or value.get("zh") or value.get("en")
        if isinstance(value, str) and value.strip():
            return shorten(strip_refs(value, lang), SHORT.get(lang, SHORT["en"]))
    if isinstance(data.get(lang), str) and "code" in data:  # a unit: its word in the language
        return str(data[lang])
    return str(data.get("id") or data.get("code") or "")


# the figures the texts being named refer to, while :func:`describe` names an edit: (id → Metric, to render
# references as they read; id → {lang: label}, to name them where the figures are not at hand)
_FIGURES: ContextVar[tuple[Mapping[str, Any], Mapping[str, Any]]] = ContextVar("figures", default=({}, {}))


@contextmanager
def _figures(figures: Mapping[str, Any] | None, text: Source) -> Iterator[None]:
    if figures is None and (_FIGURES.get()[0] or _FIGURES.get()[1]):
        yield  # a nested call names with the figures of the call that holds it
        return
    labels = {} if figures else _labels_in(read_back(text, ()))
    token = _FIGURES.set((figures or {}, labels))
    try:
        yield
    finally:
        _FIGURES.reset(token)


def _labels_in(data: Any, key: str = "") -> dict[str, Any]:
    """Return the labels of the figures in *data* (the briefing as plain data): id → {lang: label}."""
    found: dict[str, Any] = {}
    if isinstance(data, dict):
        for name, value in data.items():
            found.update(_labels_in(value, str(name)))
    elif isinstance(data, list):
        for entry in data:
            if key == "metrics" and isinstance(entry, dict) and isinstance(entry.get("id"), str):
                found[entry["id"]] = entry.get("label") if isinstance(entry.get("label"), dict) else {}
            else:
                found.update(_labels_in(entry, key if not isinstance(entry, dict) else ""))
    return found


def strip_refs(text: str, lang: str = "zh") -> str:
    """Return *text* as a reader sees it: each reference to a figure rendered as the figure reads (its value,
    "6261亿元") when :func:`describe` was given the figures, else as the figure's name in brackets
    ("［规上工业营业收入］"); a literal's own words ("第二"); never an id."""
    from srbrief.edit.reftext import CLOSE, OPEN, pieces
    from srbrief.model import refs

    figures, named = _FIGURES.get()
    if figures:
        text = refs.render(text, dict(figures), lang)
    labels = {key: str(m.label.get(lang)) for key, m in figures.items()} if figures else \
        {key: str(label.get(lang) or label.get("zh") or key) for key, label in named.items()}
    return "".join(f"{OPEN}{part.shown}{CLOSE}" if part.reference and not part.reference.startswith("{=")
                   else part.shown for part in pieces(text, labels, lang)).replace("{{", "{").replace("}}", "}")


def item_path(path: Sequence[PathKey]) -> tuple[PathKey, ...]:
    """Return the path of the item that holds *path*: up to and including its last list index (() for the
    briefing itself); a Text's or a cite's own keys (zh, en, clause, doc) are never items."""
    for end in range(len(path), 0, -1):
        if isinstance(path[end - 1], int) and end >= 2 and path[end - 2] not in _VALUE_LISTS and \
                not (path[end - 2] == "sources" and end > 2):  # a point's own cites are not documents
            return tuple(path[:end])
    return ()


def where(text: Source, path: Sequence[PathKey], lang: str) -> str:
    """Return the name of the item at or holding *path* in *text*: "规上工业营业收入", "要点「…」", "简报"."""
    holder = item_path(path)
    if not holder:
        return _pick(ROOT_NAME, lang)
    name = item_name(read_back(text, holder), lang)
    if holder[-2] == "metrics":
        return name  # a figure is named by its label alone: the commonest edit reads shortest
    kind = kind_name(str(holder[-2]), lang)
    if not name:
        return kind
    return f"{kind}「{name}」" if lang == "zh" else f"{kind} “{name}”"


def _field_of(path: Sequence[PathKey]) -> str:
    """Return the words for the field *path* names inside its item ("" for the item itself, or its value)."""
    inner = [k for k in path[len(item_path(path)):] if isinstance(k, str)]
    names = [k for k in inner if k not in ("zh", "en", "clause")]
    return names[0] if names else ""


def show_value(value: Any, key: str, lang: str) -> str:
    """Return a value as the user reads it: units and choices by their names, texts shortened."""
    if value is None or value is MISSING:
        return "（空）" if lang == "zh" else "(empty)"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, dict):
        return item_name(value, lang) or shorten(", ".join(str(v) for v in value.values()))
    if isinstance(value, list):
        return shorten("、".join(str(v) for v in value) if lang == "zh" else ", ".join(str(v) for v in value))
    if key == "unit":
        return unit_name(str(value), lang)
    if isinstance(value, str) and value in CHOICE_NAMES and key not in ("label", "text", "message"):
        return choice_name(value, lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return shorten(strip_refs(str(value), lang), SHORT.get(lang, SHORT["en"]))


def describe(command: Command, text: Source, lang: str, steps: Sequence[Source] = (),
             figures: Mapping[str, Any] | None = None) -> str:
    """Return *command* named in words in *lang*; *text* is the briefing's YAML before the command (*steps*:
    of a batch, the text before each of its commands, as it was applied; without them the batch is applied
    again to read them). *figures* (id → Metric): the references in the texts named are rendered as they read
    (values); without them, by the figures' names."""
    text = parsed(text)
    with _figures(figures, text):
        return _describe(command, text, lang, steps)


def _describe(command: Command, text: Source, lang: str, steps: Sequence[Source] = ()) -> str:
    text = parsed(text)  # a bare text is composed once, whatever is read from it
    zh = lang == "zh"
    if isinstance(command, SetField):
        field = _field_of(command.path)
        old = read_back(text, command.path)
        subject = where(text, command.path, lang)
        if field and field != "value":
            subject += f" · {field_name(field, lang)}"
        change = f"{show_value(old, field, lang)} → {show_value(command.value, field, lang)}"
        if old is MISSING:
            change = show_value(command.value, field, lang)
        return f"修改 {subject}：{change}" if zh else f"Change {subject}: {change}"
    if isinstance(command, RemoveField):
        field = _field_of(command.path)
        subject = where(text, command.path, lang) + (f" · {field_name(field, lang)}" if field else "")
        return f"清除 {subject}" if zh else f"Clear {subject}"
    if isinstance(command, AddItem):
        return _added(command, lang)
    if isinstance(command, RemoveItem):
        return f"删除 {where(text, command.path, lang)}" if zh else f"Remove {where(text, command.path, lang)}"
    if isinstance(command, MoveItem):
        subject = where(text, command.path, lang)
        at = command.path[-1]
        up = isinstance(at, int) and command.to < at
        verb = ("上移" if up else "下移") if zh else ("Move up" if up else "Move down")
        return f"{verb} {subject}"
    if isinstance(command, Batch):
        return _batch(command, text, lang, steps)
    if isinstance(command, ReplaceText):
        return "恢复未保存的修改" if zh else "Restore unsaved edits"
    return command.name


def _added(command: AddItem, lang: str) -> str:
    key = next((str(k) for k in reversed(command.list_path) if isinstance(k, str)), "")
    name = item_name(command.value, lang)
    kind = kind_name(key, lang)
    if lang == "zh":
        return f"添加{kind}「{name}」" if name else f"添加{kind}"
    return f"Add {kind.lower()} “{name}”" if name else f"Add {kind.lower()}"


def _batch(command: Batch, text: Source, lang: str, steps: Sequence[Source] = ()) -> str:
    """Name a batch by its first edits, each read from the text as it stood before it."""
    from srbrief.edit.yamltext import EditError

    names: list[str] = []
    if len(steps) >= len(command.commands):
        names = [describe(part, before, lang) for part, before in zip(command.commands, steps, strict=False)]
    src = parsed(text)
    for part in command.commands[len(names):]:
        names.append(describe(part, src, lang))
        try:
            src = part.edit(src)
        except EditError:
            break
    unique = list(dict.fromkeys(names))
    shown = unique[:2]
    more = len(unique) - len(shown)
    joined = "；".join(shown) if lang == "zh" else "; ".join(shown)
    if more:
        joined += f"（另{more}处）" if lang == "zh" else f" (+{more} more)"
    return joined


def undo_name(command: Command, change: Change, lang: str, figures: Mapping[str, Any] | None = None) -> str:
    """Name an applied edit for the undo and redo entries in *lang* (an :data:`~srbrief.edit.editstate.NameEdit`;
    the edit state words each step once per language, so the name follows a language switch); *figures*: see
    :func:`describe`."""
    return describe(command, change.states[0] if change.states else change.before, lang, change.states, figures)


# -- items of a briefing by their labels (the form's lists and checklists) ------------------------------------
def label_of(item: Any, lang: str) -> str:
    """Return how a model object is listed: a figure as "规上工业营业收入 · 6261亿元", anything else by its title,
    name, message or text (references rendered as ids are not: the user reads words)."""
    from srbrief.model.types import Metric
    from srbrief.model.units import format_value

    if isinstance(item, Metric):
        return f"{shorten(item.label.get(lang), SHORT.get(lang, 64))} · {format_value(item, lang)}"
    for key in ("label", "title", "name", "message", "text"):
        value = getattr(item, key, None)
        if value is not None and hasattr(value, "get"):
            return shorten(strip_refs(value.get(lang), lang), SHORT.get(lang, 64))
    return str(getattr(item, "id", ""))


# The fields that name other items by id, and which items they may name.
REF_FIELDS = {"entity": "entities", "place": "places", "section": "sections", "figure": "metrics",
              "chart": "charts", "doc": "sources"}
REF_LISTS = {"figures": "metrics", "items": "chartables", "entities": "entities", "refs": "referables",
             "route": "places"}


def choices_for(briefing: Any, what: str, lang: str) -> list[tuple[str, str]]:
    """Return (label, id) of the items of kind *what* (a value of :data:`REF_FIELDS` or :data:`REF_LISTS`)."""
    groups: dict[str, tuple[Any, ...]] = {
        "entities": briefing.entities, "sections": briefing.sections, "metrics": briefing.metrics,
        "charts": briefing.charts, "sources": briefing.sources,
        "places": tuple(e for e in briefing.entities if e.kind.value == "place"),
        "chartables": (*briefing.metrics, *briefing.facts, *briefing.entities),
        "referables": (*briefing.metrics, *briefing.facts, *briefing.entities),
    }
    return [(label_of(item, lang), item.id) for item in groups[what]]


# -- the items of a briefing, as the form lists them ------------------------------------------------------------
ROOT = "@"  # the key of the briefing itself (its title, subtitle, date, organisation and presenter)


def place_key(path: Sequence[PathKey]) -> str:
    """Return the key of an item without an id by its place: ``@summary.2`` (``@`` alone: the briefing)."""
    return ROOT + ".".join(str(k) for k in path)


def key_path(key: str) -> tuple[PathKey, ...]:
    """Return the path a place key names (``@summary.2`` → ("summary", 2))."""
    return tuple(int(k) if k.isdigit() else k for k in key[len(ROOT):].split(".") if k)


Groups = list[tuple[str, list[tuple[str, str]]]]


def item_groups(briefing: Any, section: Any, lang: str, briefing_heading: str) -> Groups:
    """Return (heading, [(label, key)]) for the form's list: the section and what it holds by kind, then the
    timeline, summary and outlook lines, source documents and the briefing itself (keys: ids, or place keys
    for what has no id)."""
    return [
        (kind_name("sections", lang), [(label_of(section, lang), section.id)]),
        *((kind_name(key, lang), [(label_of(x, lang), x.id) for x in getattr(section, key)])
          for key in ("metrics", "facts", "charts", "points")),
        (kind_name("timeline", lang), [(f"{e.date} {label_of(e, lang)}", e.id) for e in briefing.timeline]),
        (kind_name("summary", lang), [(label_of(s, lang), place_key(("summary", i)))
                                      for i, s in enumerate(briefing.summary)]),
        (kind_name("outlook", lang), [(label_of(s, lang), place_key(("outlook", i)))
                                      for i, s in enumerate(briefing.outlook)]),
        (kind_name("sources", lang), [(label_of(s, lang), s.id) for s in briefing.sources]),
        (briefing_heading, [(label_of(briefing, lang), ROOT)]),
    ]
