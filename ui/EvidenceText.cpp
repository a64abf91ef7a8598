// Translating structured evidence: each phrase's template and each term through QCoreApplication::translate.
#include "ui/EvidenceText.h"

#include "core/engine/Requirements.h"
#include "ui/LocalNumbers.h"

#include <QCoreApplication>

#include <array>

namespace mtcsec::ui {
namespace {

QByteArray latin(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

// `templ` with each %N replaced by args[N-1] in one pass (an argument's own "%1" stays as written).
QString substitute(const QString& templ, const QStringList& args)
{
    QString out;
    out.reserve(templ.size());
    for (qsizetype i = 0; i < templ.size(); ++i) {
        const QChar c = templ.at(i);
        if (c == QLatin1Char('%') && i + 1 < templ.size() && templ.at(i + 1) >= QLatin1Char('1') &&
            templ.at(i + 1) <= QLatin1Char('9')) {
            const qsizetype n = templ.at(i + 1).unicode() - u'1';
            if (n < args.size()) {
                out += args.at(n);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

// The scenario's filter keywords (the attacker settings) and the fates of a delivered message (the sequence
// chart) and what a predicted attacker sees (predict mode); the attack kinds are listed in the core's
// Requirements.cpp, where the evidence names them.
[[maybe_unused]] constexpr std::array<const char*, 14> kKeywordTerms = {
    QT_TRANSLATE_NOOP("EvidenceTerm", "all"),        QT_TRANSLATE_NOOP("EvidenceTerm", "data"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "signalling"), QT_TRANSLATE_NOOP("EvidenceTerm", "both"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "uplink"),     QT_TRANSLATE_NOOP("EvidenceTerm", "downlink"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "intact"),     QT_TRANSLATE_NOOP("EvidenceTerm", "altered"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "replayed"),   QT_TRANSLATE_NOOP("EvidenceTerm", "forged"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "readable"),   QT_TRANSLATE_NOOP("EvidenceTerm", "ciphertext"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "accepted"),   QT_TRANSLATE_NOOP("EvidenceTerm", "blocked")};

} // namespace

QString termText(std::string_view keyword)
{
    return QCoreApplication::translate("EvidenceTerm", latin(keyword).constData());
}

QString evidenceText(const engine::EvidenceLine& line)
{
    QString out;
    for (const engine::EvidencePhrase& p : line) {
        QStringList args;
        for (const engine::EvidenceArg& a : p.args)
            args << (a.term ? termText(a.text) : localDecimalText(QString::fromStdString(a.text)));
        out += substitute(QCoreApplication::translate("Evidence", latin(p.text).constData()), args);
    }
    return out;
}

QStringList evidenceTexts(const engine::RequirementResult& r)
{
    QStringList out;
    if (r.evidenceLines.size() == r.evidence.size()) {
        for (const engine::EvidenceLine& line : r.evidenceLines)
            out << evidenceText(line);
    } else {
        for (const std::string& e : r.evidence)
            out << QString::fromStdString(e);
    }
    return out;
}

QString requirementWording(std::size_t index)
{
    return QCoreApplication::translate("Requirement", latin(engine::requirementText(index)).constData());
}

} // namespace mtcsec::ui
