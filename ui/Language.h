// The interface language: English (the source text) or German (resources/translations/mtcsec_de.ts, compiled
// into ":/i18n/mtcsec_de.qm"), chosen by --lang, else the settings, else the system locale.
#pragma once

#include "ui/Settings.h"

#include <QLocale>
#include <QString>

namespace mtcsec::ui {

// "en" or "de" for `--lang VALUE` ("en", "de", "english", "deutsch", "german", any case); empty if unknown.
[[nodiscard]] QString parseLanguageCode(const QString& value);

// The language in effect: `override` ("en"/"de", from --lang) if set, else the settings' choice, else "de"
// when the locale's first UI language is German, else "en".
[[nodiscard]] QString resolveLanguage(const QString& override, LanguageChoice choice, const QLocale& system);

// The locale whose numbers the interface shows for `code`: German (Germany) for "de", else English (United
// States). Files (CSV, JSON) are written in the C locale whatever the language.
[[nodiscard]] QLocale localeOf(const QString& code);

// Makes `code` ("en" or "de") the application's language: removes the translators installed by an earlier
// call, then installs the application's and, where Debian's qt6-translations-l10n provides it, Qt's own
// (standard buttons and dialogs), and makes localeOf(code) the default QLocale (QLocale(), "%L1", spin
// boxes), so that numbers follow the language, not the machine's locale. Needs a QCoreApplication. Returns
// false if the translation could not be loaded (the interface and its numbers stay English). "en" installs
// no translator.
bool installLanguage(const QString& code);

// The code of the language installed last ("en" before any call).
[[nodiscard]] QString currentLanguage();

} // namespace mtcsec::ui
