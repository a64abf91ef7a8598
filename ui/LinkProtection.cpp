// The protection in force on each segment, as the canvas shows it.
#include "ui/LinkProtection.h"

#include "core/engine/AlgorithmSelection.h"

#include <QObject>
#include <QStringList>

#include <optional>

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

template <typename Algorithm>
QString nameOr(const std::optional<Algorithm>& a)
{
    return a ? shortName(*a) : QStringLiteral("none");
}

// What the network selects for each group, each distinct text once, in group order.
struct GroupChoices {
    QStringList integrityCiphering; // "EIA2+EEA2"
    QStringList up;                 // "EEA2" (AS only)
    bool allIntegrity = true;       // every group gets integrity other than EIA0
    bool allCiphering = true;       // every group gets ciphering other than EEA0 (AS: for user data)
};

GroupChoices choicesFor(const Protection& p, const std::vector<UeCapabilities>& groups, bool as)
{
    const std::vector<UeCapabilities> all = groups.empty() ? std::vector<UeCapabilities>{{}} : groups;
    GroupChoices out;
    for (const UeCapabilities& caps : all) {
        const engine::NetworkSelection s = engine::selectAlgorithms(p, {caps.eea, caps.eia});
        const auto eia = as ? s.rrcIntegrity : s.nasIntegrity;
        const auto eea = as ? s.rrcCiphering : s.nasCiphering;
        const bool fits = eia && eea && (!as || s.upCiphering);
        const QString pair = fits ? nameOr(eia) + QLatin1Char('+') + nameOr(eea) : QStringLiteral("none");
        if (!out.integrityCiphering.contains(pair))
            out.integrityCiphering << pair;
        const QString up = fits ? nameOr(s.upCiphering) : QStringLiteral("none");
        if (as && !out.up.contains(up))
            out.up << up;
        out.allIntegrity = out.allIntegrity && fits && *eia != crypto::IntegrityAlgorithm::Eia0;
        const auto cipher = as ? s.upCiphering : eea;
        out.allCiphering = out.allCiphering && fits && *cipher != crypto::CipheringAlgorithm::Eea0;
    }
    return out;
}

} // namespace

QString levelName(ProtectionLevel l)
{
    switch (l) {
    case ProtectionLevel::Both:
        return QObject::tr("confidentiality and integrity");
    case ProtectionLevel::IntegrityOnly:
        return QObject::tr("integrity only");
    case ProtectionLevel::ConfidentialityOnly:
        return QObject::tr("confidentiality without integrity");
    case ProtectionLevel::None:
        return QObject::tr("no protection");
    }
    return {};
}

SegmentProtection linkProtection(Link link, const Protection& p, const std::vector<UeCapabilities>& groups)
{
    SegmentProtection s;
    const QString n = QString::fromUtf8(name(link).data(), static_cast<qsizetype>(name(link).size()));
    if (link == Link::Uu) {
        const GroupChoices c = choicesFor(p, groups, true);
        const QString rrc = c.integrityCiphering.join(QStringLiteral(" | "));
        const QString up = c.up.join(QStringLiteral(" | "));
        const bool rrcInt = c.allIntegrity;
        // The segment is drawn for the user data it carries, and LTE has no user-plane integrity (TS 33.401
        // 5.1.3.2): ciphered user data is "confidentiality without integrity", never "and integrity", however
        // well RRC signalling is protected.
        s.level = c.allCiphering ? ProtectionLevel::ConfidentialityOnly : ProtectionLevel::None;
        s.label = QObject::tr("Uu: RRC %1, UP %2 (no integrity)").arg(rrc, up);
        s.description =
            QObject::tr("Air interface: RRC integrity and ciphering %1, user-plane ciphering %2; "
                        "user data has no integrity protection in LTE%3")
                .arg(rrc, up,
                     rrcInt ? QObject::tr(" (only RRC signalling is integrity protected)") : QString());
        return s;
    }
    const bool on = p.ndsOn(link);
    s.level = on ? ProtectionLevel::Both : ProtectionLevel::None;
    s.label = on ? QObject::tr("%1: NDS/IP ESP").arg(n) : QObject::tr("%1: no protection").arg(n);
    s.description = on ? QObject::tr("%1: NDS/IP, IPsec ESP with AES-128-GCM and anti-replay").arg(n)
                       : QObject::tr("%1: no NDS/IP, packets travel in clear").arg(n);
    return s;
}

SegmentProtection applicationProtection(const AppProtection& a)
{
    SegmentProtection s;
    s.level = level(a.confidentiality, a.integrity);
    if (a.dtls) {
        s.label = QStringLiteral("E2E: DTLS 1.2 PSK (AES-CCM-8)");
        s.description =
            QStringLiteral("End-to-end CoAP over DTLS 1.2 with a pre-shared key between device and "
                           "MTC server: ") +
            levelName(s.level) + QStringLiteral(", with the DTLS record replay check");
        return s;
    }
    QStringList parts;
    if (a.oscore)
        parts << QStringLiteral("OSCORE");
    else if (a.confidentiality && a.integrity)
        parts << QStringLiteral("AEAD");
    else if (a.confidentiality)
        parts << QStringLiteral("AES-CTR");
    else if (a.integrity)
        parts << QStringLiteral("MAC");
    if (a.replayProtection)
        parts << QObject::tr("replay window");
    s.label =
        QStringLiteral("E2E: ") + (parts.isEmpty() ? QObject::tr("none") : parts.join(QStringLiteral(" + ")));
    s.description = QObject::tr("End-to-end application security between device and MTC server: ") +
                    levelName(s.level) +
                    (a.replayProtection ? QObject::tr(", with replay protection") : QString());
    return s;
}

SegmentProtection nasProtection(const NasProtection& nas, const std::vector<UeCapabilities>& groups)
{
    SegmentProtection s;
    Protection p;
    p.nas = nas;
    const GroupChoices c = choicesFor(p, groups, false);
    s.level = level(c.allCiphering, c.allIntegrity);
    s.label = QStringLiteral("NAS: %1").arg(c.integrityCiphering.join(QStringLiteral(" | ")));
    s.description = QObject::tr("NAS security between device and MME: ") + levelName(s.level);
    return s;
}

} // namespace mtcsec::ui
