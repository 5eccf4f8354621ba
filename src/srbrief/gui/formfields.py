"""The editors of the edit form, each speaking the user's language: a line, a multi-line text, a choice shown by
its name (a unit as 亿元, a qualifier as 超过), a checklist of labels (a point's figures), a year/month period
picker (one month or from–to) and a yes/no box.

Each editor says when it is done (:attr:`done`), gives what the user chose as the text the edit layer reads
(:meth:`raw`: a code, ``id, id``, ``2023-06/2025-07``) and shows a value read from the file (:meth:`show`),
so the form writes every kind through one path (:func:`srbrief.edit.address.coerce`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from srbrief.edit.commands import MISSING
from srbrief.gui.i18n import tr
from srbrief.palette import LIGHT

Choice = tuple[str, str]  # (what the user reads, the code written to the file)
NEW_CHOICE = "\u0000new"  # the data of a choice's last entry that opens a dialog (a new unit)
GROUP = "\u0000group"  # the data of a group's heading in a list of choices (not a choice itself)
PAUSE_MS = 800  # a prose text is written after this long without typing (not at every keystroke)
YEARS = range(1949, date.today().year + 11)  # newest first in the list: this year is near its top
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$")


class LineField(QLineEdit):
    """A short text or a number."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.editingFinished.connect(self.done)

    def raw(self) -> str:
        return self.text()

    def show(self, value: Any) -> None:  # type: ignore[override]
        self.setText(shown(value))
        self.setCursorPosition(0)


class LongField(QPlainTextEdit):
    """A long text (a lede, a message, a clause) on several lines; done when it loses the focus (not to a menu
    it opens), on Ctrl+Enter, or after a pause in typing (:data:`PAUSE_MS`: :attr:`quiet`, the text may be
    half-typed, so a refusal then is not shown until the edit ends)."""

    done = Signal()

    def __init__(self, lines: int = 3) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)  # scrolls beyond: the form stays compact
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._shown = ""
        self.quiet = False  # done after a pause: the text may be half-typed
        self.pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.pause.timeout.connect(lambda: self.finish(quiet=True))
        self.textChanged.connect(self._typed)

    def raw(self) -> str:
        return self.toPlainText()

    def show(self, value: Any) -> None:  # type: ignore[override]
        if isinstance(value, list):  # clauses: one a line
            self._shown = "\n".join(shown(v) for v in value)
        else:
            self._shown = shown(value)
        self.setPlainText(self._shown)

    def setText(self, text: str) -> None:  # noqa: N802 (the QLineEdit name, for callers that set either)
        self.setPlainText(text)

    def text(self) -> str:
        return self.toPlainText()

    def _typed(self) -> None:
        """Wait for a pause in typing (a text shown from the file is no edit)."""
        if self.signalsBlocked() or self.raw() == self._shown:
            self.pause.stop()
        else:
            self.pause.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # a menu of the field (Insert figure…) is no leaving
            self.finish()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.finish()  # Ctrl+Enter: the edit is done, the cursor stays
            return
        super().keyPressEvent(event)

    def finish(self, quiet: bool = False) -> None:
        """End the edit as leaving the field does: done, if the text changed. *quiet*: after a pause in typing
        (the text stays to be written again when the edit ends, should it be refused now)."""
        self.pause.stop()
        if self.raw() != self._shown:
            if not quiet:
                self._shown = self.raw()
            self.quiet = quiet
            try:
                self.done.emit()
            finally:
                self.quiet = False


class ChoiceField(QComboBox):
    """A choice shown by its name in the UI language; the file gets its code. *extra*: a last entry that asks for
    a new choice (a unit not in the list): picking it emits :attr:`wants_new`."""

    done = Signal()
    wants_new = Signal()

    def __init__(self, choices: Sequence[Choice], extra: str = "", empty: str = "") -> None:
        super().__init__()
        self.empty = empty  # what "no choice" reads as: （无） / (none)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.set_choices(choices, extra)
        self.activated.connect(self._on_activated)

    def set_choices(self, choices: Sequence[Choice], extra: str = "") -> None:
        """Offer *choices* (a choice whose code is :data:`GROUP` is a heading: shown, not chosen), then *extra*
        (first, after "none", if the list is grouped: a new unit is not hidden below ~150 others)."""
        self.blockSignals(True)
        self.clear()
        self.addItem(self.empty, "")
        grouped = any(code == GROUP for _, code in choices)
        if extra and grouped:
            self.addItem(extra, NEW_CHOICE)
        model = self.model()
        for name, code in choices:
            self.addItem(name, code)
            item = model.item(self.count() - 1) if isinstance(model, QStandardItemModel) else None
            if code == GROUP and item is not None:
                item.setEnabled(False)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
        if extra and not grouped:
            self.addItem(extra, NEW_CHOICE)
        self.blockSignals(False)

    def filter_by_typing(self, hint: str) -> None:
        """Let the user type to find a choice (any part of its name: 吨 finds 万吨 and 亿吨); what is typed never
        becomes a choice, and a text that names none goes back to the choice shown."""
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer, line = self.completer(), self.lineEdit()
        assert completer is not None and line is not None  # an editable box has both
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        line.setPlaceholderText(hint)
        line.editingFinished.connect(lambda: line.setText(self.itemText(self.currentIndex())))

    def _on_activated(self, index: int) -> None:
        if self.itemData(index) == NEW_CHOICE:
            self.wants_new.emit()
            return
        self.done.emit()

    def raw(self) -> str:
        data = self.currentData()
        return "" if data in (None, NEW_CHOICE, GROUP) else str(data)

    def show(self, value: Any) -> None:  # type: ignore[override]
        code = shown(value)
        index = self.findData(code)
        if index < 0 and code:  # a code the list does not know yet: shown as written
            self.insertItem(self.count() - (1 if self.itemData(self.count() - 1) == NEW_CHOICE else 0), code, code)
            index = self.findData(code)
        self.setCurrentIndex(max(0, index))
        line = self.lineEdit() if self.isEditable() else None
        if line is not None:  # the text shown is the choice's (not what was typed before)
            line.setText(self.itemText(max(0, index)))

    def choose(self, code: str) -> None:
        """Pick the choice *code* as a user would."""
        index = self.findData(code)
        if index < 0:
            raise KeyError(code)
        self.setCurrentIndex(index)
        self.activated.emit(index)


class ChecklistField(QListWidget):
    """Ids picked from a list of labels: the checked ones, in the list's order (the chosen ones first, in the
    order the file has them)."""

    done = Signal()

    def __init__(self, choices: Sequence[Choice]) -> None:
        super().__init__()
        self.choices = list(choices)
        self.itemChanged.connect(lambda _item: self.done.emit())
        self.setMinimumHeight(110)

    def raw(self) -> str:
        return ", ".join(self.checked())

    def checked(self) -> list[str]:
        return [str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def show(self, value: Any) -> None:  # type: ignore[override]
        chosen = [str(v) for v in value] if isinstance(value, list) else []
        names = {code: name for name, code in self.choices}
        order = [*chosen, *(code for _, code in self.choices if code not in chosen)]
        self.blockSignals(True)
        self.clear()
        for code in order:
            item = QListWidgetItem(names.get(code, code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def check(self, code: str, on: bool = True) -> None:
        """Tick (or untick) the entry *code* as a user would."""
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == code:
                self.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return
        raise KeyError(code)


class FlagField(QCheckBox):
    """Yes or no (``derived``: the value is computed by us)."""

    done = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.clicked.connect(lambda _on: self.done.emit())

    def raw(self) -> str:
        return "true" if self.isChecked() else ""

    def show(self, value: Any) -> None:  # type: ignore[override]
        self.blockSignals(True)
        self.setChecked(value not in (None, False, "") and value is not MISSING)
        self.blockSignals(False)


class PeriodField(QWidget):
    """A year and month, or from one to another: ``2024``, ``2024-06``, ``2023-06/2025-07``. A period written
    with days keeps its days until the user changes it here."""

    done = Signal()

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self.start = (self._years(lang), self._months(lang))
        self.ranged = QCheckBox(tr("period_to", lang))
        self.end = (self._years(lang), self._months(lang))
        rows = QVBoxLayout(self)  # from (year, month) on one line, to (year, month) on the next: narrow
        rows.setContentsMargins(0, 0, 0, 0)
        for widgets in ((*self.start,), (self.ranged, *self.end)):
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)
            rows.addLayout(row)
        for box in (*self.start, *self.end):
            box.activated.connect(lambda _i: self._changed())
        self.ranged.clicked.connect(lambda _on: self._changed())
        self._shown = ("", "")  # (the value as read, what the boxes said then)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    @staticmethod
    def _years(lang: str) -> QComboBox:
        box = QComboBox()
        box.addItem(tr("no_period", lang), "")
        for year in reversed(YEARS):
            box.addItem(f"{year}年" if lang == "zh" else str(year), str(year))
        return box

    @staticmethod
    def _months(lang: str) -> QComboBox:
        box = QComboBox()
        box.addItem(tr("whole_year", lang), "")
        for month in range(1, 13):
            box.addItem(f"{month}月" if lang == "zh" else f"{month:02d}", f"{month:02d}")
        return box

    def _changed(self) -> None:
        for box in self.end:
            box.setEnabled(self.ranged.isChecked())
        if self.ranged.isChecked() and not self.end[0].currentData():
            return  # a range being picked: not done until its end year is (never "from 2025-01" alone)
        self.done.emit()

    def _boxes_text(self) -> str:
        def part(boxes: tuple[QComboBox, QComboBox]) -> str:
            year, month = boxes[0].currentData(), boxes[1].currentData()
            return "" if not year else (f"{year}-{month}" if month else str(year))
        first = part(self.start)
        last = part(self.end) if self.ranged.isChecked() else ""
        return f"{first}/{last}" if first and last else first

    def raw(self) -> str:
        text = self._boxes_text()
        return self._shown[0] if text == self._shown[1] else text

    def show(self, value: Any) -> None:  # type: ignore[override]
        text = shown(value)
        first, _, last = text.partition("/")
        for boxes, part in ((self.start, first), (self.end, last)):
            found = _PERIOD.match(part)
            if found and boxes[0].findData(found.group(1)) < 0:  # a year outside the list (e.g. a 2060 target)
                boxes[0].addItem(f"{found.group(1)}年" if self._lang == "zh" else found.group(1), found.group(1))
            for box, key in zip(boxes, (found.group(1), found.group(2) or "") if found else ("", ""), strict=True):
                box.setCurrentIndex(max(0, box.findData(key)))
        self.ranged.setChecked(bool(last))
        for box in self.end:
            box.setEnabled(bool(last))
        self._shown = (text, self._boxes_text())

    def set_period(self, start: tuple[int, int | None], end: tuple[int, int | None] | None = None) -> None:
        """Pick a period as a user would: (year, month or None), optionally to an end."""
        for boxes, part in ((self.start, start), (self.end, end)):
            if part is None:
                continue
            boxes[0].setCurrentIndex(boxes[0].findData(str(part[0])))
            boxes[1].setCurrentIndex(boxes[1].findData(f"{part[1]:02d}" if part[1] else ""))
        self.ranged.setChecked(end is not None)
        self._changed()


def shown(value: Any) -> str:
    """Return a value read from the file as an editor shows it (a cite: its clause)."""
    if value is None or value is MISSING or isinstance(value, bool):
        return ""
    if isinstance(value, dict) and "clause" in value:  # a source {doc, clause}: its clause is edited
        return str(value["clause"])
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


Editor = LineField | LongField | ChoiceField | ChecklistField | FlagField | PeriodField


def error_label() -> QLabel:
    """Return the label that shows what is wrong with a field: wrapped, never clipped, selectable."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {LIGHT.decrease}")
    label.hide()
    return label


def editors_for(f: Any, declared: Any, lang: str, briefing: Any,
                text_field: Callable[[bool], Editor] | None = None) -> list[tuple[tuple[str, ...], str, Editor]]:
    """Return (sub-field, label, editor) for the dataclass field *f* of declared type *declared*: a text in two
    languages gives two rows (and a yes/no box first when it may be written ``true``), each made by
    *text_field* (given whether the text is long) if given; fields this form does not edit (nested lists) give
    none."""
    import dataclasses
    import typing
    from enum import Enum

    from srbrief.edit.describe import REF_FIELDS, REF_LISTS, choice_name, choices_for, field_name
    from srbrief.model.convert import unwrap_optional
    from srbrief.model.types import LONG_TEXT, MESSAGE_TEXT, Cite, Text

    assert dataclasses.is_dataclass(f) or hasattr(f, "metadata")
    hint, _ = unwrap_optional(declared)
    name, meta = field_name(f.name, lang), f.metadata
    long = (meta.get("max_length") or 0) >= MESSAGE_TEXT
    one = (f.name,)
    none = tr("no_period", lang)  # （无） / (none)
    if hint is Text:
        rows: list[tuple[tuple[str, ...], str, Editor]] = []
        if meta.get("flag"):  # derived: yes or no, then optionally how
            rows.append((one, tr("derived_flag", lang), FlagField(tr("derived_flag_text", lang))))
        for part, word in (("zh", "中文"), ("en", "English")):
            made = text_field(long) if text_field is not None else LongField() if long else LineField()
            rows.append(((f.name, part), f"{name} · {word}", made))
        return rows
    editor: Editor
    if isinstance(hint, type) and issubclass(hint, Enum):
        editor = ChoiceField([(choice_name(m.value, lang), m.value) for m in hint], empty=none)
    elif f.name == "unit":
        editor = ChoiceField(unit_choices(briefing, lang), tr("new_unit", lang), empty=none)
        editor.filter_by_typing(tr("unit_filter", lang))
    elif meta.get("choices"):
        editor = ChoiceField([(str(c), str(c)) for c in meta["choices"]])
    elif f.name == "period":
        editor = PeriodField(lang)
    elif f.name in REF_FIELDS and hint is str:
        editor = ChoiceField(choices_for(briefing, REF_FIELDS[f.name], lang), empty=none)
    elif f.name in REF_LISTS and typing.get_origin(hint) is tuple and typing.get_args(hint)[0] is str:
        editor = ChecklistField(choices_for(briefing, REF_LISTS[f.name], lang))
    elif typing.get_origin(hint) is tuple and typing.get_args(hint)[0] is Cite:
        editor = LongField()  # clauses, one a line
    elif f.name == "text" and hint is str:  # a document's text: the file that holds it
        return [(one, field_name("text_file", lang), LineField())]
    elif hint is Cite or (hint is str and (meta.get("max_length") or 0) >= LONG_TEXT):
        editor = LongField()
    elif hint in (str, float, int) or (typing.get_origin(hint) is tuple and typing.get_args(hint)[0] is str):
        editor = LineField()
        if f.name in ("date", "as_of", "briefing_date"):
            editor.setPlaceholderText(tr("date_placeholder", lang))
    else:
        return []
    return [(one, name, editor)]


def unit_choices(briefing: Any, lang: str) -> list[Choice]:
    """Return the units by their names, each group under its heading: the briefing's own (declared, and those
    its figures use) first, then the built-in ones by kind of quantity (:func:`srbrief.edit.newitems.unit_groups`)."""
    from srbrief.edit.describe import unit_name
    from srbrief.edit.newitems import unit_groups

    declared = {u.code: (u.zh, u.en) for u in getattr(briefing, "units", ())}
    choices: list[Choice] = []
    for (zh, en), codes in unit_groups(briefing):
        choices.append((f"— {zh if lang == 'zh' else en} —", GROUP))
        choices += [(unit_name(c, lang, declared), c) for c in codes]
    return choices


def offer_figures(editor: LineField | LongField, briefing_of: Any, lang: str,
                  inserted: Callable[[str], None] | None = None) -> QWidget:
    """Offer the briefing's figures for a prose field: "Insert figure…" in its context menu and on a button
    beside it, listed by label and value; the reference inserted at the cursor follows the figure when it
    changes; *inserted* is told the figure's id (the form ticks it among the item's figures). Return the field
    with its button (*briefing_of* returns the briefing as it is now)."""
    from PySide6.QtWidgets import QMenu, QToolButton

    from srbrief.edit.describe import choices_for

    def fill(menu: QMenu) -> None:
        menu.clear()
        for label, metric_id in choices_for(briefing_of(), "metrics", lang):
            action = menu.addAction(label)
            action.setObjectName(f"insert-{metric_id}")
            action.triggered.connect(lambda _=False, i=metric_id: insert_reference(editor, i, inserted))

    def context_menu(pos: Any) -> None:
        menu = editor.createStandardContextMenu()
        menu.addSeparator()
        fill(menu.addMenu(tr("insert_figure", lang)))
        where = editor.viewport() if isinstance(editor, LongField) else editor
        menu.exec(where.mapToGlobal(pos))

    editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    editor.customContextMenuRequested.connect(context_menu)
    button = QToolButton()
    button.setText(tr("insert_figure", lang))
    button.setObjectName("insert-figure")
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the cursor
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.aboutToShow.connect(lambda: fill(menu))
    button.setMenu(menu)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(editor, 1)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    return row


def insert_reference(editor: LineField | LongField, metric_id: str,
                     inserted: Callable[[str], None] | None = None) -> None:
    """Write a reference to the figure *metric_id* at the cursor of *editor* (the field stays in edit)."""
    reference = "{" + metric_id + "}"
    if hasattr(editor, "insert_reference"):  # a field that shows references as tokens (gui.reffield)
        editor.insert_reference(reference)
    elif isinstance(editor, LongField):
        editor.insertPlainText(reference)
    else:
        editor.insert(reference)
    if inserted is not None:
        inserted(metric_id)
    editor.setFocus()


def tick_figure(editors: dict[tuple[str, ...], Any], metric_id: str) -> None:
    """Tick the figure *metric_id* among the item's figures (a point's), if it has that checklist and the
    figure is not ticked yet: a figure inserted into the text is one the item shows."""
    figures = editors.get(("figures",))
    if isinstance(figures, ChecklistField) and metric_id not in figures.checked():
        with contextlib.suppress(KeyError):  # not among the figures it can show (another section's)
            figures.check(metric_id)


def ticked_figures(editors: dict[tuple[str, ...], Any], briefing: Any) -> list[Any]:
    """Return the figures ticked among *editors* (a point's figures, an event's references, a summary line's
    figure), as the briefing's metrics."""
    from srbrief.model.types import Metric

    ids: list[str] = []
    for sub in (("figures",), ("refs",), ("figure",)):
        editor = editors.get(sub)
        if isinstance(editor, ChecklistField):
            ids += editor.checked()
        elif editor is not None and editor.raw().strip():
            ids.append(editor.raw().strip())
    found = (briefing.find(i) for i in dict.fromkeys(ids) if i in briefing.index)
    return [m for m in found if isinstance(m, Metric)]


def field_cell(editor: Editor, sub: tuple[str, ...], prose: tuple[str, ...], briefing_of: Any, lang: str,
               editors: dict[tuple[str, ...], Any] | None = None) -> QWidget:
    """Return the widget that shows *editor* of field *sub* in a form: a prose text (its field in *prose*)
    offers the figures (see :func:`offer_figures`; a figure inserted is ticked among *editors*' figures), any
    other field is shown as it is."""
    if len(sub) == 2 and sub[0] in prose and isinstance(editor, (LineField, LongField)):
        def tick(metric_id: str) -> None:  # the text first (a form writes it), then the figure ticked with it
            editor.done.emit()
            if editors is not None:
                tick_figure(editors, metric_id)

        return offer_figures(editor, briefing_of, lang, tick)
    return editor
