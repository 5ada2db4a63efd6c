"""The interface language: Swedish is the source language, English comes from a .qm translation.

spurdesk_sv.qm carries only the Swedish plural forms ("1 åtgärd", "2 åtgärder"); spurdesk_en.qm
the whole English interface. Both are built by scripts/update_translations.py.

Switching installs new QTranslators on the running application; Qt then sends every widget a
QEvent.LanguageChange, and each widget re-translates itself in `retranslate()`. Qt's own strings
(standard buttons, context menus) come from Qt's qtbase_<lang>.qm.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from spurdesk.resources import resource_path
from spurdesk.ui.settings import LANGUAGES, SYSTEM_LANGUAGE

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "sv"


def system_language(locale: QLocale | None = None) -> str:
    """ "sv" for a Swedish (or Finland-Swedish) system locale, otherwise "en"."""
    locale = locale if locale is not None else QLocale.system()
    for name in locale.uiLanguages() or [locale.name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
        if code in ("nb", "nn", "no", "da"):  # Scandinavian readers read Swedish more easily
            return SOURCE_LANGUAGE
    return "en"


def resolve_language(requested: str | None) -> str:
    """The language to use: an explicit choice ("sv"/"en"), or the system's for "" / None."""
    if requested in LANGUAGES:
        return str(requested)
    return system_language()


#: The locale (number and date formats in Qt widgets) that goes with each interface language.
_LOCALES = {
    "sv": (QLocale.Language.Swedish, QLocale.Country.Sweden),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


class LanguageManager(QObject):
    """Owns the installed translators; `set_language` switches the whole app at runtime."""

    languageChanged = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self._language = SOURCE_LANGUAGE

    @classmethod
    def for_app(cls, app: QCoreApplication) -> LanguageManager:
        """The application's one manager (translators installed twice would both answer)."""
        existing = app.findChild(cls)
        return existing if isinstance(existing, cls) else cls(app)

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, requested: str | None) -> str:
        """Installs the translators for `requested` ("sv", "en", or ""/None for the system's).

        Returns the language now in effect. A missing .qm file is logged and leaves the source
        language (Swedish) in place rather than failing the start.
        """
        language = resolve_language(requested if requested != SYSTEM_LANGUAGE else None)
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []

        qt_translator = QTranslator(self)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{language}", qt_folder):
            self._install(qt_translator)

        effective = language
        app_translator = QTranslator(self)
        folder = resource_path("i18n")
        if app_translator.load(f"spurdesk_{language}", str(folder)):
            self._install(app_translator)
        elif language != SOURCE_LANGUAGE:  # Swedish only loses its plural forms without it
            log.warning("no translation spurdesk_%s.qm in %s", language, folder)
            effective = SOURCE_LANGUAGE
        QLocale.setDefault(QLocale(*_LOCALES[effective]))
        changed = effective != self._language
        self._language = effective
        if changed:
            self.languageChanged.emit(effective)
        return effective

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._translators.append(translator)
