// Settings over QSettings (organisation and application names set in main()).
#include "ui/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace mtcsec::ui {

QByteArray Settings::geometry() const
{
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

void Settings::setGeometry(const QByteArray& value)
{
    QSettings().setValue(QStringLiteral("window/geometry"), value);
}

QByteArray Settings::windowState() const
{
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void Settings::setWindowState(const QByteArray& value)
{
    QSettings().setValue(QStringLiteral("window/state"), value);
}

Theme Settings::theme() const
{
    const QString t =
        QSettings().value(QStringLiteral("appearance/theme"), QStringLiteral("system")).toString();
    return t == QLatin1String("dark")    ? Theme::Dark
           : t == QLatin1String("light") ? Theme::Light
                                         : Theme::System;
}

void Settings::setTheme(Theme theme)
{
    QSettings().setValue(QStringLiteral("appearance/theme"), theme == Theme::Dark ? QStringLiteral("dark")
                                                             : theme == Theme::Light
                                                                 ? QStringLiteral("light")
                                                                 : QStringLiteral("system"));
}

LanguageChoice Settings::language() const
{
    const QString l =
        QSettings().value(QStringLiteral("appearance/language"), QStringLiteral("system")).toString();
    return l == QLatin1String("de")   ? LanguageChoice::German
           : l == QLatin1String("en") ? LanguageChoice::English
                                      : LanguageChoice::System;
}

void Settings::setLanguage(LanguageChoice language)
{
    QSettings().setValue(QStringLiteral("appearance/language"),
                         language == LanguageChoice::German    ? QStringLiteral("de")
                         : language == LanguageChoice::English ? QStringLiteral("en")
                                                               : QStringLiteral("system"));
}

QStringList Settings::recentFiles() const
{
    return QSettings().value(QStringLiteral("files/recent")).toStringList();
}

void Settings::addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > 8)
        files.removeLast();
    QSettings().setValue(QStringLiteral("files/recent"), files);
}

void Settings::removeRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue(QStringLiteral("files/recent"), files);
}

QString Settings::lastDirectory() const
{
    const QString remembered = QSettings().value(QStringLiteral("files/lastDirectory")).toString();
    return isUsableDirectory(remembered) ? remembered : QDir::homePath();
}

bool Settings::isUsableDirectory(const QString& directory)
{
    if (directory.isEmpty())
        return false;
    const QFileInfo info(directory);
    if (!info.isDir())
        return false;
    // Kernel file systems: Qt's file dialog reads files there to guess their type and can block for good
    // (/proc/kmsg).
    const QString canonical = info.canonicalFilePath();
    for (const char* system : {"/proc", "/sys", "/dev"}) {
        const QString root = QString::fromLatin1(system);
        if (canonical == root || canonical.startsWith(root + QLatin1Char('/')))
            return false;
    }
    return true;
}

void Settings::setLastDirectory(const QString& directory)
{
    QSettings().setValue(QStringLiteral("files/lastDirectory"), directory);
}

} // namespace mtcsec::ui
