"""The main window: navigation, panels, actions, language, files, search, export and the presenter."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStringListModel, Qt, QThread, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from srbrief import __version__
from srbrief.gui.editing import EditSession
from srbrief.gui.files import BriefingSource
from srbrief.gui.i18n import STRINGS, tr
from srbrief.gui.panels import Panel, SectionPanel, SourcesPanel, TimelinePanel
from srbrief.gui.qttranslations import install_qt_translations
from srbrief.gui.settings import MAX_RECENT, read_bytes, read_choice, read_folder, read_int, read_paths
from srbrief.gui.widgets import STYLE, Banner, KpiCard, SourcePopover
from srbrief.model import Briefing, Metric, Section
from srbrief.model.browse import search_index
from srbrief.resources import builtin_briefing_path

if TYPE_CHECKING:
    from srbrief.gui.presenter import PresenterWindow
    from srbrief.gui.workers import ExportJob

class Sidebar(QListWidget):
    """The list of pages; says when the page already shown is clicked again."""

    reselected = Signal(int)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        before = self.currentRow()
        super().mousePressEvent(event)
        row = self.indexAt(event.position().toPoint()).row()
        if row >= 0 and row == before and event.button() == Qt.MouseButton.LeftButton:
            self.reselected.emit(row)


class MainWindow(QMainWindow):
    """Shows one briefing; everything the user can do is a QAction made in :meth:`create_actions`."""

    def __init__(self, source: BriefingSource, lang: str | None = None) -> None:
        super().__init__()
        self.settings = QSettings()
        self.lang = lang or read_choice(self.settings, "language", "zh", ("zh", "en"))
        self.source = source
        self.source.changed.connect(self._on_source_changed)
        self.source.failed.connect(self._on_source_failed)
        self.source.crashed.connect(self._on_source_crashed)
        self.briefing: Briefing = source.briefing
        self.jobs: list[QThread] = []  # exports and drafts, waited for on closing
        self.presenter: PresenterWindow | None = None
        self.review_dialog: QDialog | None = None  # the last review or import dialog shown (tests drive it)
        self.charts_enabled = False  # set by start_charts(), after the first paint: the window comes first
        self.back_stack: list[tuple[int, int]] = []  # (panel row, scroll position) before each jump: Alt+Left
        self._shown_row = -1
        self._going_back = False
        self.popover: QWidget | None = None  # the source pop-over shown last (tests look at it)
        self.persist_settings = True  # off for screenshots and benchmarks: they must not change the user's
        self.setStyleSheet(STYLE)
        self.banner = Banner()
        self.nav = Sidebar()
        self.nav.setObjectName("Sidebar")
        self.nav.setFixedWidth(220)
        self.nav.currentRowChanged.connect(self._on_panel_changed)
        self.nav.reselected.connect(self._on_nav_reselected)
        self.stack = QStackedWidget()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)
        self.search_box = QLineEdit()
        self.completer = QCompleter(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.activated.connect(self.jump_to_search_text)
        self.search_box.setCompleter(self.completer)
        self.search_box.returnPressed.connect(lambda: self.jump_to_search_text(self.search_box.text()))
        self.create_actions()
        self.actions_["back"].setEnabled(False)  # nothing to go back to yet
        self.editing = EditSession(self)
        self.rebuild()
        self.restore_settings()

    # -- actions and menus ----------------------------------------------------------------------------------------
    def create_actions(self) -> None:
        self.actions_: dict[str, QAction] = {}
        specs: list[tuple[str, Any, Callable[[], object]]] = [
            ("open", QKeySequence.StandardKey.Open, self.open_file),
            ("reload", QKeySequence("Ctrl+R"), self.reload),
            ("new_from_article", QKeySequence("Ctrl+Shift+N"), self.new_from_article),
            ("review_draft", QKeySequence("Ctrl+Shift+R"), self.review_draft),
            ("update_from_document", QKeySequence("Ctrl+Shift+U"), self.update_from_document),
            ("refresh_deck", QKeySequence(), self.refresh_deck),
            ("quit", QKeySequence.StandardKey.Quit, self.close),
            ("export_pptx", QKeySequence("Ctrl+E"), lambda: self.export("pptx")),
            ("export_pdf", QKeySequence("Ctrl+Shift+E"), lambda: self.export("pdf")),
            ("export_charts", QKeySequence("Ctrl+Alt+E"), self.export_charts),  # Ctrl+Shift+S is Save As
            ("copy_chart", QKeySequence("Ctrl+Shift+C"), self.copy_chart),
            ("search", QKeySequence.StandardKey.Find, self.focus_search),
            ("language", QKeySequence("Ctrl+L"), self.toggle_language),
            ("present", QKeySequence("F5"), self.present),
            ("help_page", QKeySequence.StandardKey.HelpContents, self.show_help),
            ("about", None, self.about),
            ("back", QKeySequence("Alt+Left"), self.go_back),
            ("print", QKeySequence.StandardKey.Print, self.print_handout),
            ("builtin_sample", None, self.open_builtin),
        ]
        for key, shortcut, slot in specs:
            action = QAction(self)
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(QKeySequence.keyBindings(shortcut))
            elif shortcut is not None:
                action.setShortcuts([shortcut])
            action.triggered.connect(slot)
            self.actions_[key] = action
            self.addAction(action)
        self.toolbar = QToolBar()
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)

    def retranslate(self) -> None:
        """Give every action, menu and window text the words of the current language."""
        lang = self.lang
        install_qt_translations(lang)  # Qt's own dialog buttons too (issue 20 part B)
        for name, action in self.actions_.items():
            action.setText(tr(name, lang))
            tip = f"{name}_tip"
            action.setStatusTip(tr(tip, lang) if tip in STRINGS else tr(name, lang).replace("&", ""))
        bar = self.menuBar()
        bar.clear()
        menus: dict[str, list[str | None]] = {
            "file": ["new", "new_from_article", "open", "recent", "builtin_sample", "save", "save_as", "reload", None,
                     "review_draft", "update_from_document", "refresh_deck", None, "print", None, "quit"],
            "edit_menu": ["undo", "redo", None, "edit_mode"],
            "export_menu": ["export_pptx", "export_pdf", "export_charts", "copy_chart"],
            "view": ["back", "search", "language", None, "present"], "help": ["help_page", "about"]}
        for title, entries in menus.items():
            menu = bar.addMenu(tr(title, lang))
            for key in entries:
                if key is None:
                    menu.addSeparator()
                elif key == "recent":
                    self.recent_menu = QMenu(tr("recent", lang), menu)
                    menu.addMenu(self.recent_menu)
                    self._fill_recent()
                else:
                    menu.addAction(self.actions_[key])
        if not self.toolbar.actions():  # built once: clear() and adding the search box again lost it
            for key in ("back", "open", "reload", "edit_mode", "export_pptx", "present", "language"):
                self.toolbar.addAction(self.actions_[key])
            self.toolbar.addSeparator()
            self.toolbar.addWidget(self.search_box)
        self.search_box.setPlaceholderText(tr("search_placeholder", lang))
        self.search_box.setMaximumWidth(360)
        self.update_title()
        self.editing.retranslate()

    def update_title(self) -> None:
        """Name the open file in the title (the built-in sample says it is one, and read-only)."""
        lang = self.lang
        name = self.source.path.name if self.source.path else tr("builtin_title", lang)
        elsewhere = f" ({tr('open_elsewhere', lang)})" if self.source.open_elsewhere else ""
        self.setWindowTitle(f"{name}[*]{elsewhere} — {self.briefing.title.get(lang)} — srbrief")

    # -- content --------------------------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Recreate the panels for the current briefing and language, keeping the current panel.

        Panels are built on first visit: the window shows at once, whatever the size of the briefing.
        """
        current = self.nav.currentRow()
        while self.stack.count():
            self._drop_widget(0)
        lang, briefing = self.lang, self.briefing

        def section_panel(section_id: str) -> Callable[[], Panel]:
            return lambda: SectionPanel(self.briefing, self.briefing.find(section_id, Section), self.lang,
                                        self.show_source)

        self._factories: list[tuple[str, Callable[[], Panel]]] = [
            (s.id, section_panel(s.id)) for s in briefing.sections]
        self._factories += [("timeline-map", lambda: TimelinePanel(self.briefing, self.lang, self.show_source)),
                            ("sources", lambda: SourcesPanel(self.briefing, self.lang))]
        self._built: dict[int, Panel] = {}
        self._nav_titles = [s.short_title.get(lang) for s in briefing.sections]
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.addItems(self._nav_titles)
        self.nav.addItems([tr("timeline_map", lang), tr("sources", lang)])
        for _ in self._factories:
            self.stack.addWidget(QWidget())  # a placeholder until the panel is first shown
        self.nav.blockSignals(False)
        self.completer.setModel(QStringListModel(list(self._search_index()), self.completer))
        self.retranslate()
        row = max(0, min(current, len(self._factories) - 1))
        self.nav.setCurrentRow(row)
        self._on_panel_changed(row)

    def show_edited(self, before: Briefing, after: Briefing) -> None:
        """Show *after*, an edit of *before*: each built panel updates the items the edit touched in place
        (keeping its scroll position and its drawn charts); a panel whose items were added, removed or moved
        is built again, and only the sections' list changing rebuilds them all."""
        self.briefing = after
        if [s.short_title.get(self.lang) for s in after.sections] != self._nav_titles or \
                [s.id for s in after.sections] != [key for key, _ in self._factories[:-2]]:
            self.rebuild()
            return
        current = self.nav.currentRow()
        for row, panel in list(self._built.items()):
            if panel.show_briefing(after):
                continue
            scrolled = panel.verticalScrollBar().value()
            del self._built[row]
            self._drop_widget(row)
            self.stack.insertWidget(row, QWidget())
            if row == current:
                self._on_panel_changed(row)
                fresh = self.panel_at(row)
                fresh.body.adjustSize()
                fresh.verticalScrollBar().setValue(scrolled)
        if before.title != after.title or before.metrics != after.metrics or before.timeline != after.timeline:
            self.completer.setModel(QStringListModel(list(self._search_index()), self.completer))
        self.update_title()

    def panel_at(self, row: int) -> Panel:
        """Return the panel in *row*, building it the first time."""
        if row not in self._built:
            panel = self._factories[row][1]()
            self._drop_widget(row)
            self.stack.insertWidget(row, panel)
            self._built[row] = panel
        return self._built[row]

    def _drop_widget(self, row: int) -> None:
        widget = self.stack.widget(row)
        if widget is not None:
            self.stack.removeWidget(widget)
            widget.deleteLater()

    @property
    def panels(self) -> list[Panel]:
        """Return every panel (building those not yet shown)."""
        return [self.panel_at(row) for row in range(len(self._factories))]

    def _on_panel_changed(self, row: int) -> None:
        if 0 <= self._shown_row < len(self._factories) and row != self._shown_row and not self._going_back \
                and self._shown_row in self._built:
            self.remember(self._shown_row)
        self._shown_row = row
        if 0 <= row < len(self._factories):
            panel = self.panel_at(row)
            self.stack.setCurrentWidget(panel)
            if self.charts_enabled:
                QTimer.singleShot(0, panel, panel.draw_charts)  # after this paint; dropped if the panel is gone

    def start_charts(self) -> None:
        """Allow charts (and so matplotlib) from now on, and draw the current panel's."""
        self.charts_enabled = True
        self.current_panel().draw_charts()
        gc.freeze()  # what start-up made lives as long as the app: later collections need not scan it (an
        # edit's validation allocates much: measured 2026-12-06 with panels updated in place, edit p95 107-127 ms
        # with it, 170-177 ms without)
        gc.set_threshold(20000, 20, 20)  # and fewer collections while an edit's short-lived objects come and go

    def _on_nav_reselected(self, row: int) -> None:
        """A click on the page already shown takes it back to its top (Back returns to where it was)."""
        if row in self._built and self._built[row].verticalScrollBar().value() > 0:
            self.remember(row)
            self._built[row].verticalScrollBar().setValue(0)

    def current_panel(self) -> Panel:
        return self.panel_at(max(0, self.nav.currentRow()))

    def show_panel(self, key: str) -> Panel:
        row = [k for k, _ in self._factories].index(key)
        self.nav.setCurrentRow(row)
        return self.panel_at(row)

    def show_source(self, item_id: str) -> None:
        """Show where a figure comes from in a pop-over beside its card (a chart's: the sources panel with its
        figures highlighted); in edit mode, edit the item instead."""
        if self.editing.edit_item(item_id):
            return
        metric = self.briefing.index.get(item_id)
        cards = [c for c in self.current_panel().findChildren(KpiCard) if c.item.id == item_id and c.isVisible()]
        card = next((c for c in cards if c.underMouse() or c.hasFocus()), cards[0] if cards else None)
        if isinstance(metric, Metric) and card is not None:
            self.show_popover(metric, card)
            return
        self.jump("sources", item_id)

    def show_popover(self, metric: Metric, anchor: QWidget) -> SourcePopover:
        from srbrief.model.truth import read_document  # (with the validation's modules: after the first paint)

        document = self.briefing.document(metric.source.doc)
        base = (self.source.path or builtin_briefing_path()).parent
        popover = SourcePopover(metric.id, metric.label.get(self.lang), metric.source, document,
                                read_document(document, base), self.lang, self)
        popover.open_article.connect(self.open_in_article)
        popover.show_beside(anchor)
        self.popover = popover
        return popover

    def open_in_article(self, item_id: str) -> None:
        """Show the article with the figure's clause marked (without a text: the sources panel)."""
        from srbrief.gui.article import show_article

        metric = self.briefing.index.get(item_id)
        if not isinstance(metric, Metric) or not show_article(self, metric):
            self.jump("sources", item_id)

    def jump(self, panel_key: str, item_id: str) -> bool:
        """Go to *item_id* on the panel *panel_key*; Back (Alt+Left) returns to where the user was."""
        self.remember()
        self._going_back = True  # remembered already: the change of panel adds nothing more
        try:
            return self.show_panel(panel_key).highlight(item_id)
        finally:
            self._going_back = False

    def remember(self, row: int | None = None) -> None:
        """Keep the panel *row* (default: the one shown) and its scroll position for Back."""
        row = self.nav.currentRow() if row is None else row
        if row < 0 or row not in self._built:
            return
        place = (row, self._built[row].verticalScrollBar().value())
        if not self.back_stack or self.back_stack[-1] != place:
            self.back_stack = [*self.back_stack, place][-50:]
        self.actions_["back"].setEnabled(True)

    def go_back(self) -> bool:
        """Return to the place before the last jump; return whether there was one."""
        if not self.back_stack:
            return False
        row, scrolled = self.back_stack.pop()
        self.actions_["back"].setEnabled(bool(self.back_stack))
        self._going_back = True
        try:
            self.nav.setCurrentRow(row)
        finally:
            self._going_back = False
        panel = self.panel_at(row)
        panel.body.adjustSize()
        panel.verticalScrollBar().setValue(scrolled)
        return True

    # -- search ---------------------------------------------------------------------------------------------------
    def _search_index(self) -> dict[str, tuple[str, str]]:
        """Return display text → (panel key, item id) for every figure, measure, entity and event."""
        return search_index(self.briefing, self.lang)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def jump_to_search_text(self, text: str) -> bool:
        """Jump to the first item whose text contains *text*; return whether one was found."""
        index = self._search_index()
        needle = text.strip().lower()
        match = index.get(text) or next((v for k, v in index.items() if needle and needle in k.lower()), None)
        if match is None:
            self.statusBar().showMessage(tr("no_results", self.lang), 4000)
            return False
        panel_key, item_id = match
        self.jump(panel_key, item_id)
        self.editing.edit_item(item_id)  # in edit mode, the hit is in the form too
        return True

    # -- files ----------------------------------------------------------------------------------------------------
    def open_file(self) -> None:
        start = str(self.source.path.parent) if self.source.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, tr("open", self.lang).replace("&", ""), start,
                                              tr("yaml_filter_all", self.lang))
        if name and self.editing.maybe_save():
            self.source.open(Path(name))

    def reload(self) -> None:
        if self.editing.maybe_save():
            self.source.reload()

    def _on_source_changed(self, automatic: bool) -> None:
        if not automatic:  # another file (or the same opened again): the places of the old one mean nothing
            self.back_stack = []
            self.actions_["back"].setEnabled(False)
        previous, self.briefing = self.briefing, self.source.briefing
        try:
            self.rebuild()
        except Exception as exc:  # a view bug on this content: back to the last good data; say so, log it
            from srbrief.gui.workers import internal_error_text

            self.briefing = self.source.briefing = previous
            self.rebuild()
            self._on_source_failed(self.source.display_name(), internal_error_text(exc, self.lang, "reload"))
            return
        self.banner.hide()
        if self.source.path:
            self._remember_recent(str(self.source.path))
        name = self.source.display_name()
        message = tr("changed_on_disk", self.lang) if automatic else tr("reloaded", self.lang, file=name)
        self.statusBar().showMessage(message, 5000)

    def _on_source_failed(self, path: str, message: str) -> None:
        self.banner.show_message(f"{tr('error_banner', self.lang, file=path)}\n{message}")

    def _on_source_crashed(self, path: str, what: str, log: str) -> None:
        details = tr("internal_error", self.lang, what=what, log=log or tr("no_log", self.lang))
        self.banner.show_message(f"{tr('error_banner', self.lang, file=path)}\n{details}")

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self._recent() if p != path]
        self.settings.setValue("recent", [path, *recent][:MAX_RECENT])
        self._fill_recent()

    def _recent(self) -> list[str]:
        return read_paths(self.settings, "recent")

    def _fill_recent(self) -> None:
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        builtin = self.recent_menu.addAction(tr("builtin", self.lang))
        builtin.triggered.connect(lambda: self.editing.maybe_save() and self.source.open(None))
        for path in self._recent():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.editing.maybe_save() and self.source.open(Path(p)))

    # -- drafts ---------------------------------------------------------------------------------------------------
    def new_from_article(self) -> None:
        from srbrief.gui.review import new_from_article

        new_from_article(self)

    def review_draft(self) -> None:
        from srbrief.gui.review import review_draft

        review_draft(self)

    def update_from_document(self) -> None:
        from srbrief.gui.review import update_from_document

        update_from_document(self)

    # -- language, presenter, about -------------------------------------------------------------------------------
    def toggle_language(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        if self.persist_settings:
            self.settings.setValue("language", self.lang)
        self.rebuild()

    def present(self) -> None:
        from srbrief.deck.plan import plan_deck
        from srbrief.gui.presenter import PresenterWindow

        presenter = PresenterWindow(plan_deck(self.briefing, self.lang))
        presenter.start()
        self.presenter = presenter

    def open_builtin(self) -> None:
        if self.editing.maybe_save():
            self.source.open(None)

    def show_help(self, over: QWidget | None = None) -> QDialog:
        """A short help page: the shortcuts, how to update a figure, how to start from an article (*over* a
        dialog that is open, F1 pressed in it: above it, and usable while it waits)."""
        from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser

        dialog = QDialog(over or self)
        dialog.setWindowTitle(tr("help_page", self.lang).replace("&", ""))
        layout = QVBoxLayout(dialog)
        page = QTextBrowser()
        page.setHtml(tr("help_text", self.lang))
        layout.addWidget(page)
        buttons = QDialogButtonBox()
        buttons.addButton(tr("close_dialog", self.lang), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(620, 560)
        dialog.show()
        self.help_dialog = dialog
        return dialog

    def print_handout(self) -> bool:
        """Print the handout (the slides with their notes) through the system's print dialog."""
        from PySide6.QtPrintSupport import QPrinter

        from srbrief.deck.plan import plan_deck
        from srbrief.gui.pdf import paint_handout

        if not self.export_allowed():
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.briefing.title.get(self.lang))
        if self.choose_printer(printer) != QDialog.DialogCode.Accepted:
            return False
        paint_handout(printer, plan_deck(self.briefing, self.lang))
        return True

    def choose_printer(self, printer: Any) -> int:
        """Ask for the printer and its options (tests replace this)."""
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, self).exec()

    def about(self) -> None:
        QMessageBox.about(self, tr("about", self.lang).replace("&", ""),
                          tr("about_text", self.lang, version=__version__))

    # -- export ---------------------------------------------------------------------------------------------------
    def export_allowed(self) -> bool:
        """Return whether to export: while the file on disk failed to load (the red banner), only once the user
        agreed that the export uses the last data that loaded; nothing drafted is exported before review."""
        from srbrief.gui.review import refuse_unreviewed

        if self.source.stale and not self.editing.ask(tr("export_stale", self.lang,
                                                         file=self.source.display_name())):
            return False
        return not refuse_unreviewed(self)  # nothing drafted reaches a deck until its figures are accepted

    def export(self, kind: str) -> None:
        if not self.export_allowed():
            return
        suffix = ".pptx" if kind == "pptx" else ".pdf"
        stem = self.source.path.stem if self.source.path else self.briefing.id  # named after the open file
        default = str(Path(read_folder(self.settings, "export_dir", str(Path.home()))) / f"{stem}-{self.lang}{suffix}")
        name, _ = QFileDialog.getSaveFileName(self, tr(f"export_{kind}", self.lang).replace("&", ""), default,
                                              tr(f"{kind}_filter", self.lang))
        if name:
            self.run_export(kind, Path(name if name.endswith(suffix) else name + suffix))

    def refresh_deck(self) -> None:
        """Refresh a deck someone edited from this briefing (the dialog's module loads on first use)."""
        from srbrief.gui.refresh import refresh_deck_dialog

        refresh_deck_dialog(self)

    def run_export(self, kind: str, target: Path) -> ExportJob:
        """Export in a worker thread with a progress dialog; the window stays responsive."""
        self.settings.setValue("export_dir", str(target.parent))
        progress = QProgressDialog(tr("exporting", self.lang), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.show()
        from srbrief.gui.workers import ExportJob  # (loaded on first use: the window comes first)

        job = ExportJob(kind, self.briefing, self.lang, target, self.source.path)
        self.jobs.append(job)
        stale = self.source.stale
        job.done.connect(lambda path: self._export_done(job, progress, path, stale))
        job.failed.connect(lambda message: self._export_failed(job, progress, message))
        job.start()
        return job

    def _export_done(self, job: ExportJob, progress: QProgressDialog, path: str, stale: bool = False) -> None:
        progress.close()
        self.jobs.remove(job)
        said = tr("exported_stale" if stale else "exported", self.lang, file=path)
        box = QMessageBox(QMessageBox.Icon.Information, tr("app", self.lang), said, QMessageBox.StandardButton.Ok,
                          self)
        folder = box.addButton(tr("open_folder", self.lang), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent))))
        box.setModal(False)
        box.show()
        self.statusBar().showMessage(said, 8000)

    def _export_failed(self, job: ExportJob, progress: QProgressDialog, message: str) -> None:
        progress.close()
        self.jobs.remove(job)
        QMessageBox.warning(self, tr("export_failed", self.lang), message)

    def export_charts(self) -> None:
        if not self.export_allowed():
            return
        folder = QFileDialog.getExistingDirectory(self, tr("export_charts", self.lang).replace("&", ""),
                                                  read_folder(self.settings, "export_dir", str(Path.home())))
        if not folder:
            return
        fmt, ok = QInputDialog.getItem(self, tr("export_charts", self.lang).replace("&", ""),
                                       tr("chart_format", self.lang), ["PNG", "SVG"], 0, False)
        if ok:
            self.run_export(f"charts-{fmt.lower()}", Path(folder))

    def copy_chart(self) -> None:
        from PySide6.QtWidgets import QApplication

        panel = self.current_panel()
        drawn = [c for c in panel.charts if c.drawn]
        if drawn:
            QApplication.clipboard().setPixmap(drawn[0].canvas.grab())

    # -- settings -------------------------------------------------------------------------------------------------
    def restore_settings(self) -> None:
        geometry = read_bytes(self.settings, "geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        self.clamp_to_screen()
        self.nav.setCurrentRow(read_int(self.settings, "panel", 0, 0, max(0, self.nav.count() - 1)))

    def clamp_to_screen(self) -> None:
        """Keep the window on its screen's available area (a geometry saved at another scale may not fit)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width, height = min(self.width(), room.width() - extra_w), min(self.height(), room.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            if self.isMaximized():
                return  # the window manager keeps a maximised window on the screen
            self.resize(max(width, 200), max(height, 200))
        frame = self.frameGeometry()
        x = min(max(frame.x(), room.left()), room.right() + 1 - frame.width())
        y = min(max(frame.y(), room.top()), room.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.editing.maybe_save():
            event.ignore()
            return
        if self.persist_settings:
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("panel", self.nav.currentRow())
            self.settings.setValue("language", self.lang)
        for job in list(self.jobs):
            job.wait()
        super().closeEvent(event)
