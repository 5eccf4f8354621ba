"""Qt's own words in the UI language: the buttons of message boxes and file dialogs (OK, Save, Discard, Cancel,
Yes, No …) come from Qt's translation catalogue ``qtbase_zh_CN.qm``, shipped in the PySide6 wheel and kept in
the PyInstaller bundle (packaging/pyinstaller/srbrief.spec)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

CATALOGUE = "qtbase_zh_CN"
_installed: dict[str, QTranslator] = {}  # the language → its translator, while installed


def translation_dirs() -> list[Path]:
    """Return where Qt's catalogues may be: Qt's own translations folder, then the PySide6 package's."""
    import PySide6

    package = Path(PySide6.__file__).parent
    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), package / "Qt" / "translations",
            package / "translations"]


def install_qt_translations(lang: str) -> bool:
    """Make Qt's dialogs speak *lang* (Chinese: Qt's catalogue; English: Qt's own words); return whether a
    catalogue is installed now."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    if lang in _installed:
        return True
    for other in list(_installed):
        app.removeTranslator(_installed.pop(other))
    if lang != "zh":
        return False
    translator = QTranslator(app)
    for folder in translation_dirs():
        if translator.load(CATALOGUE, str(folder)):
            app.installTranslator(translator)
            _installed[lang] = translator
            return True
    return False
