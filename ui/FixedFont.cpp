// The fixed-pitch font for hex dumps, keys and protocol fields (see FixedFont.h).
#include "ui/FixedFont.h"

#include <QFontDatabase>
#include <QStringList>

namespace mtcsec::ui {

QFont fixedFont()
{
    static const QString preferred = QStringLiteral("DejaVu Sans Mono");
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (QFontDatabase::families().contains(preferred) && QFontDatabase::isFixedPitch(preferred))
        font.setFamilies({preferred});
    font.setStyleHint(QFont::TypeWriter);
    font.setFixedPitch(true);
    return font;
}

} // namespace mtcsec::ui
