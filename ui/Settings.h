// The application's settings: one typed wrapper over QSettings (STYLE.md), so keys and defaults live in one
// place.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mtcsec::ui {

enum class Theme { System, Light, Dark };

// The interface language (ui/Language.h): the system's, or one chosen in View > Language.
enum class LanguageChoice { System, English, German };

class Settings {
public:
    [[nodiscard]] QByteArray geometry() const;
    void setGeometry(const QByteArray& value);
    [[nodiscard]] QByteArray windowState() const;
    void setWindowState(const QByteArray& value);
    [[nodiscard]] Theme theme() const;
    void setTheme(Theme theme);
    // "appearance/language": "system", "en" or "de"; takes effect at the next start.
    [[nodiscard]] LanguageChoice language() const;
    void setLanguage(LanguageChoice language);
    [[nodiscard]] QStringList recentFiles() const;
    // Puts `path` first (at most 8 kept).
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    [[nodiscard]] QString lastDirectory() const;
    void setLastDirectory(const QString& directory);
};

} // namespace mtcsec::ui
