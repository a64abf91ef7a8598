// Small helpers of the tests that check written files: the message an InvalidInput carries, a folder's
// entries.
#pragma once

#include "core/InvalidInput.h"

#include <QDir>
#include <QString>
#include <QStringList>

#include <functional>

namespace mtcsec::test {

// The text of the InvalidInput that `f` throws, or an empty string when it throws none.
inline QString errorText(const std::function<void()>& f)
{
    try {
        f();
    } catch (const InvalidInput& e) {
        return QString::fromUtf8(e.what());
    }
    return QString();
}

// Every entry of `dir` (hidden ones too, no "." or ".."), sorted by name.
inline QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                               QDir::Name);
}

} // namespace mtcsec::test
