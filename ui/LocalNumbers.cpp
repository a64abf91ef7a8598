// Numbers in the interface's language.
#include "ui/LocalNumbers.h"

#include "ui/Language.h"

#include <QLocale>

namespace mtcsec::ui {
namespace {

// The interface language's locale, whatever the machine's (the command line's reports never install one).
QLocale uiLocale()
{
    return localeOf(currentLanguage());
}

} // namespace

QString localCount(std::uint64_t n)
{
    return uiLocale().toString(static_cast<qulonglong>(n));
}

QString localDecimal(double value, int decimals)
{
    QLocale locale = uiLocale();
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.toString(value, 'f', decimals);
}

QString localTime(engine::SimTime t)
{
    return localDecimalText(QString::fromStdString(engine::formatTime(t)));
}

QString localDecimalText(const QString& text)
{
    qsizetype i = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    qsizetype point = -1;
    bool digitBefore = false;
    bool digitAfter = false;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('.') && point < 0)
            point = i;
        else if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return text;
        else
            (point < 0 ? digitBefore : digitAfter) = true;
    }
    if (point < 0 || !digitBefore || !digitAfter)
        return text;
    QString out = text;
    out.replace(point, 1, uiLocale().decimalPoint());
    return out;
}

} // namespace mtcsec::ui
