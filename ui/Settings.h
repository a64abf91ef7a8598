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
    // The folder file dialogs start in: the last one a file was opened, saved or exported in, or the home
    // folder when that one is not usable (isUsableDirectory) or none was remembered.
    [[nodiscard]] QString lastDirectory() const;
    // Remembers `directory`; callers do so only after a file there was opened or written.
    void setLastDirectory(const QString& directory);
    // Whether a file dialog may start in `directory`: it exists, is a directory, and is not in /proc, /sys
    // or /dev (symbolic links resolved), where Qt's file dialog may block reading a file to guess its type.
    [[nodiscard]] static bool isUsableDirectory(const QString& directory);
};

} // namespace mtcsec::ui
