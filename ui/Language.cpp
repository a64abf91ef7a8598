// Loading the interface's translation (Qt Linguist .qm, embedded) and Qt's own.
#include "ui/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

namespace mtcsec::ui {
namespace {

struct Installed {
    QString code = QStringLiteral("en");
    std::vector<std::unique_ptr<QTranslator>> translators;
};

Installed& installed()
{
    static Installed state;
    return state;
}

} // namespace

QString parseLanguageCode(const QString& value)
{
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("en") || v == QLatin1String("english") || v.startsWith(QLatin1String("en_")))
        return QStringLiteral("en");
    if (v == QLatin1String("de") || v == QLatin1String("deutsch") || v == QLatin1String("german") ||
        v.startsWith(QLatin1String("de_")))
        return QStringLiteral("de");
    return {};
}

QString resolveLanguage(const QString& override, LanguageChoice choice, const QLocale& system)
{
    if (!override.isEmpty())
        return override;
    if (choice == LanguageChoice::German)
        return QStringLiteral("de");
    if (choice == LanguageChoice::English)
        return QStringLiteral("en");
    const QStringList ui = system.uiLanguages();
    const QString first = ui.isEmpty() ? system.name() : ui.constFirst();
    return first.startsWith(QLatin1String("de")) ? QStringLiteral("de") : QStringLiteral("en");
}

QLocale localeOf(const QString& code)
{
    return code == QLatin1String("de") ? QLocale(QLocale::German, QLocale::Germany)
                                       : QLocale(QLocale::English, QLocale::UnitedStates);
}

bool installLanguage(const QString& code)
{
    Installed& state = installed();
    for (const auto& t : state.translators)
        QCoreApplication::removeTranslator(t.get());
    state.translators.clear();
    state.code = QStringLiteral("en");
    QLocale::setDefault(localeOf(state.code));
    if (code != QLatin1String("de"))
        return code == QLatin1String("en");
    auto own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/mtcsec_%1.qm").arg(code)))
        return false;
    QCoreApplication::installTranslator(own.get());
    state.translators.push_back(std::move(own));
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        state.translators.push_back(std::move(qt));
    }
    state.code = code;
    QLocale::setDefault(localeOf(code));
    return true;
}

QString currentLanguage()
{
    return installed().code;
}

} // namespace mtcsec::ui
