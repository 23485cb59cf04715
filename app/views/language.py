"""The window's language: Danish next to English (the technicians are Danish), chosen from the
system locale unless the settings say otherwise. Qt's own texts (the standard buttons) follow,
and dates, times and numbers take the chosen locale's format through `QLocale()`.

Every visible string goes through Qt's translation functions; `tools/update_translations.py`
collects them into `translations/fieldclient_da.ts` and compiles the `.qm` the app loads.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# what the settings store: "system" follows the operating system's locale
SYSTEM = "system"
LANGUAGES = {"en": "English", "da": "Dansk"}  # each in its own words, as a chooser shows them
SOURCE_LANGUAGE = "en"


def translations_folder() -> Path:
    return Path(str(files("app.views").joinpath("translations")))


def language_for(choice: str | None, system: QLocale | None = None) -> str:
    """The language code to show: the one chosen, else the system's if we have it, else
    English."""
    if choice in LANGUAGES:
        return choice
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in LANGUAGES else SOURCE_LANGUAGE


class Language:
    """The translators installed on the application, replaced as a whole when the language
    changes. One per application, made by the composition root."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.code = SOURCE_LANGUAGE

    def use(self, choice: str | None) -> str:
        """Show `choice` ("da", "en", or "system"/None) from now on; the code chosen."""
        code = language_for(choice)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        locale = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark) if code == "da" \
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        QLocale.setDefault(locale)
        if code != SOURCE_LANGUAGE:
            ours = QTranslator(self._app)
            if ours.load(f"fieldclient_{code}", str(translations_folder())):
                self._installed.append(ours)
            qt_own = QTranslator(self._app)
            if qt_own.load(locale, "qtbase", "_",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._installed.append(qt_own)
        for translator in self._installed:
            self._app.installTranslator(translator)
        self.code = code
        return code
