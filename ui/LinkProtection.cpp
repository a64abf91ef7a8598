// The protection in force on each segment, as the canvas shows it.
#include "ui/LinkProtection.h"

#include <QStringList>

namespace mtcsec::ui {
namespace {

QString shortName(crypto::IntegrityAlgorithm a)
{
    return a == crypto::IntegrityAlgorithm::Eia0 ? QStringLiteral("EIA0")
                                                 : QStringLiteral("EIA%1").arg(static_cast<int>(a));
}

QString shortName(crypto::CipheringAlgorithm a)
{
    return a == crypto::CipheringAlgorithm::Eea0 ? QStringLiteral("EEA0")
                                                 : QStringLiteral("EEA%1").arg(static_cast<int>(a));
}

ProtectionLevel level(bool confidentiality, bool integrity)
{
    return confidentiality && integrity ? ProtectionLevel::Both
           : integrity                  ? ProtectionLevel::IntegrityOnly
           : confidentiality            ? ProtectionLevel::ConfidentialityOnly
                                        : ProtectionLevel::None;
}

} // namespace

QString levelName(ProtectionLevel l)
{
    switch (l) {
    case ProtectionLevel::Both:
        return QStringLiteral("confidentiality and integrity");
    case ProtectionLevel::IntegrityOnly:
        return QStringLiteral("integrity only");
    case ProtectionLevel::ConfidentialityOnly:
        return QStringLiteral("confidentiality without integrity");
    case ProtectionLevel::None:
        return QStringLiteral("no protection");
    }
    return {};
}

SegmentProtection linkProtection(Link link, const Protection& p)
{
    SegmentProtection s;
    const QString n = QString::fromUtf8(name(link).data(), static_cast<qsizetype>(name(link).size()));
    if (link == Link::Uu) {
        const bool rrcInt = p.as.rrcIntegrity != crypto::IntegrityAlgorithm::Eia0;
        const bool upCip = p.as.upCiphering != crypto::CipheringAlgorithm::Eea0;
        // The segment is drawn for the user data it carries, and LTE has no user-plane integrity (TS 33.401
        // 5.1.3.2): ciphered user data is "confidentiality without integrity", never "and integrity", however
        // well RRC signalling is protected.
        s.level = upCip ? ProtectionLevel::ConfidentialityOnly : ProtectionLevel::None;
        s.label =
            QStringLiteral("Uu: RRC %1+%2, UP %3 (no integrity)")
                .arg(shortName(p.as.rrcIntegrity), shortName(p.as.rrcCiphering), shortName(p.as.upCiphering));
        s.description =
            QStringLiteral("Air interface: RRC integrity %1, RRC ciphering %2, user-plane ciphering %3; user "
                           "data has no integrity protection in LTE%4")
                .arg(shortName(p.as.rrcIntegrity), shortName(p.as.rrcCiphering), shortName(p.as.upCiphering),
                     rrcInt ? QStringLiteral(" (only RRC signalling is integrity protected)") : QString());
        return s;
    }
    const bool on = p.ndsOn(link);
    s.level = on ? ProtectionLevel::Both : ProtectionLevel::None;
    s.label = on ? n + QStringLiteral(": NDS/IP ESP") : n + QStringLiteral(": no protection");
    s.description = on ? n + QStringLiteral(": NDS/IP, IPsec ESP with AES-128-GCM and anti-replay")
                       : n + QStringLiteral(": no NDS/IP, packets travel in clear");
    return s;
}

SegmentProtection applicationProtection(const AppProtection& a)
{
    SegmentProtection s;
    s.level = level(a.confidentiality, a.integrity);
    QStringList parts;
    if (a.confidentiality && a.integrity)
        parts << QStringLiteral("AEAD");
    else if (a.confidentiality)
        parts << QStringLiteral("AES-CTR");
    else if (a.integrity)
        parts << QStringLiteral("MAC");
    if (a.replayProtection)
        parts << QStringLiteral("replay window");
    s.label = QStringLiteral("E2E: ") +
              (parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(" + ")));
    s.description = QStringLiteral("End-to-end application security between device and MTC server: ") +
                    levelName(s.level) +
                    (a.replayProtection ? QStringLiteral(", with replay protection") : QString());
    return s;
}

SegmentProtection nasProtection(const NasProtection& nas)
{
    SegmentProtection s;
    s.level = level(nas.ciphering != crypto::CipheringAlgorithm::Eea0,
                    nas.integrity != crypto::IntegrityAlgorithm::Eia0);
    s.label = QStringLiteral("NAS: %1+%2").arg(shortName(nas.integrity), shortName(nas.ciphering));
    s.description = QStringLiteral("NAS security between device and MME: ") + levelName(s.level);
    return s;
}

} // namespace mtcsec::ui
