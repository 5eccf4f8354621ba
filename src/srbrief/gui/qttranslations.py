"""Qt's own words in the UI language: the buttons of message boxes and file dialogs (OK, Save, Discard, Cancel,
Yes, No …) come from Qt's translation catalogue ``qtbase_zh_CN.qm``, shipped in the PySide6 wheel and kept in
the PyInstaller bundle (packaging/pyinstaller/srbrief.spec). That catalogue misses some words Qt 6's own file
dialog shows ("&Look in:", "Files of &type:", the file types "Folder"/"File"): a small
supplement, installed after it (Qt asks the last installed translator first), gives them. The file dialog's
Size, Type and Date columns are fitted to their contents whenever one opens (no "432…tes")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QTreeView, QWidget

CATALOGUE = "qtbase_zh_CN"
_installed: dict[str, list[QTranslator]] = {}  # the language → its translators, while installed

# (context, source text) → Chinese: Qt 6's words that qtbase_zh_CN.qm lacks (checked against the wheel's copy).
SUPPLEMENT_ZH: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileDialog", "Computer"): "计算机",
    ("QFileDialog", "Alias for %1"): "%1 的别名",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QFileSystemModel", "Size"): "大小",  # the catalogue's 体积 reads as "volume"
}


class Supplement(QTranslator):
    """Qt's words :data:`SUPPLEMENT_ZH` gives, for the words Qt's catalogue lacks."""

    def __init__(self, words: dict[tuple[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = words

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self.words.get((context, source))  # None: a null string, so Qt asks its catalogue next

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def translation_dirs() -> list[Path]:
    """Return where Qt's catalogues may be: Qt's own translations folder, then the PySide6 package's."""
    import PySide6

    package = Path(PySide6.__file__).parent
    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), package / "Qt" / "translations",
            package / "translations"]


def install_qt_translations(lang: str) -> bool:
    """Make Qt's dialogs speak *lang* (Chinese: Qt's catalogue and its supplement; English: Qt's own words);
    return whether a catalogue is installed now."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    _fit_file_dialogs(app)
    if lang in _installed:
        return True
    for other in list(_installed):
        for translator in _installed.pop(other):
            app.removeTranslator(translator)
    if lang != "zh":
        return False
    translator = QTranslator(app)
    for folder in translation_dirs():
        if translator.load(CATALOGUE, str(folder)):
            supplement = Supplement(SUPPLEMENT_ZH, app)
            app.installTranslator(translator)
            app.installTranslator(supplement)
            _installed[lang] = [translator, supplement]
            return True
    return False


_FITTED = "srbriefColumnsFitted"


def _fit_file_dialogs(app: QCoreApplication) -> None:
    """Fit the columns of every Qt file dialog that gets the focus (once per application)."""
    if isinstance(app, QApplication) and not app.property(_FITTED):
        app.setProperty(_FITTED, True)
        app.focusChanged.connect(_on_focus)


def _on_focus(_old: QWidget | None, new: QWidget | None) -> None:
    window = new.window() if new is not None else None
    if isinstance(window, QFileDialog):
        fit_columns(window)


def fit_columns(dialog: QFileDialog) -> None:
    """Size the detail view's Size, Type and Date columns to their contents (Qt's file dialog, not a native one)."""
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
