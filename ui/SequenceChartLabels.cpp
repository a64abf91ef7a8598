// The sequence chart's labels of one PDU: the protection it travels under, the message it carries and the
// check that refused it (TS 33.401 7.2.4 for each layer's protection, TS 33.210 for ESP, RFC 8613 for OSCORE,
// RFC 6347 for DTLS).
#include "core/crypto/SecurityAlgorithms.h"
#include "core/engine/Dissector.h"
#include "core/protocol/AppSecurity.h"
#include "core/protocol/DtlsPsk.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/NasMessage.h"
#include "core/protocol/NasSecurity.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"
#include "core/protocol/Sctp.h"
#include "ui/SequenceChartModel.h"

#include <QRegularExpression>
#include <QStringList>

namespace mtcsec::ui {
namespace {

using engine::PduRecord;

// Whether `wire` is `plain` ciphered: more than one octet differs (a tamperer flips one bit of one octet).
bool looksCiphered(ByteView wire, ByteView plain)
{
    if (plain.empty() || wire.size() < plain.size())
        return false;
    std::size_t differ = 0;
    for (std::size_t i = 0; i < plain.size(); ++i)
        differ += wire[i] != plain[i] ? 1u : 0u;
    return differ > 1;
}

// The NAS PDU inside a PDU's sender view: in an RRC information transfer on Uu, in S1AP on S1-MME.
std::optional<Bytes> nasInside(Link link, ByteView plain)
{
    if (plain.empty())
        return std::nullopt;
    if (link == Link::Uu) {
        const auto rrc = protocol::decodeRrc(plain);
        if (rrc && (rrc->type == protocol::RrcType::UlInformationTransfer ||
                    rrc->type == protocol::RrcType::DlInformationTransfer))
            return rrc->body;
        return std::nullopt;
    }
    if (link != Link::S1Mme)
        return std::nullopt;
    const auto sctp = protocol::parseIpv4Sctp(plain);
    const auto s1ap = sctp ? protocol::decodeS1ap(sctp->payload) : std::nullopt;
    if (!s1ap || s1ap->nasPdu.empty())
        return std::nullopt;
    return s1ap->nasPdu;
}

// A NAS message's name, or empty when it is ciphered.
QString nasName(ByteView nas)
{
    const engine::Finding f = engine::dissectNas(nas);
    if (f.ciphertext)
        return protocol::nasSecurityHeaderType(nas) == protocol::kShtIntegrityCipheredNewContext
                   ? QObject::tr("Security mode complete (ciphered)")
                   : QString();
    const QStringList layers = QString::fromStdString(f.layers).split(QStringLiteral(" / "));
    return layers.size() >= 2 ? layers.back() : QString();
}

QString e2eOf(const PduRecord& r)
{
    if (r.plain.empty())
        return {};
    const engine::Finding f =
        r.link == Link::Uu ? engine::dissectLink(Link::Uu, r.bytes) : engine::dissectIpPacket(r.plain);
    static const QRegularExpression e2e(QStringLiteral("E2E ([CIR]+) seq"));
    const auto m = e2e.match(QString::fromStdString(f.layers));
    if (!m.hasMatch())
        return {};
    QStringList flags;
    for (const QChar c : m.captured(1))
        flags << QString(c);
    return QStringLiteral("E2E ") + flags.join(QLatin1Char('+'));
}

// The UDP datagram the receiver decoded from `r` (inside PDCP or ESP), if any.
std::optional<protocol::UdpDatagram> receivedUdp(const PduRecord& r)
{
    const auto ip = protocol::parseIpv4(r.received);
    return ip && ip->protocol == protocol::kIpProtoUdp ? protocol::parseUdp(ip->payload) : std::nullopt;
}

// The end-to-end check that found no valid tag: the mode's authenticator (RFC 8613, RFC 6347, the teaching
// header's AES-GCM or AES-CMAC, chosen by the header's switches as the receiver does).
QString endToEndIntegrityCheck(const PduRecord& r, const AppProtection& app)
{
    if (app.oscore)
        return QObject::tr("OSCORE AES-CCM tag (RFC 8613)");
    const auto udp = receivedUdp(r);
    if (app.dtls) {
        // Epoch 0 carries the handshake in clear: a changed flight fails the handshake (RFC 6347 4.2), not a
        // record's tag.
        const auto records =
            udp ? protocol::parseDtlsRecords(udp->payload) : std::vector<protocol::DtlsRecordHeader>{};
        const bool handshake = !records.empty() && std::all_of(records.begin(), records.end(),
                                                               [](const auto& h) { return h.epoch == 0; });
        return handshake ? QObject::tr("DTLS handshake (RFC 6347 4.2)")
                         : QObject::tr("DTLS record AEAD tag (AES-128-CCM_8, RFC 6347)");
    }
    std::uint8_t flags =
        static_cast<std::uint8_t>((app.confidentiality ? protocol::kAppFlagConfidentiality : 0) |
                                  (app.integrity ? protocol::kAppFlagIntegrity : 0));
    if (udp && (udp->destinationPort == protocol::kPortCoapProtected ||
                udp->sourcePort == protocol::kPortCoapProtected)) {
        if (const auto h = protocol::parseAppHeader(udp->payload))
            flags = h->flags; // in clear: the receiver checks what the header announces
    } else if (udp) {
        flags = 0; // bare CoAP
    }
    if (!(flags & protocol::kAppFlagIntegrity))
        return QObject::tr("end-to-end integrity required, none present");
    return (flags & protocol::kAppFlagConfidentiality) ? QObject::tr("end-to-end AES-GCM tag")
                                                       : QObject::tr("end-to-end AES-CMAC tag");
}

QString endToEndReplayCheck(const AppProtection& app)
{
    if (app.oscore)
        return QObject::tr("OSCORE replay window (RFC 8613 7.4)");
    if (app.dtls)
        return QObject::tr("DTLS record replay window (RFC 6347 4.1.2.6)");
    return QObject::tr("end-to-end replay window");
}

} // namespace

QString SequenceChartModel::protectionOf(const PduRecord& r, const QString& nasAlgorithms,
                                         const QString& asIntegrity, const QString& asCiphering,
                                         const QString& upCiphering)
{
    QStringList parts;
    if (r.link == Link::Uu) {
        const auto h = protocol::parsePdcpHeader(r.bytes);
        if (h && h->lcid == protocol::kLcidDrb1) {
            if (looksCiphered(h->payload, r.plain))
                parts << QStringLiteral("PDCP ") +
                             (upCiphering.isEmpty() ? QStringLiteral("EEA") : upCiphering);
        } else if (h && h->payload.size() >= 4) {
            const ByteView body = h->payload.first(h->payload.size() - 4);
            const ByteView mac = h->payload.last(4);
            const bool ciphered = looksCiphered(body, r.plain);
            const bool integrity =
                ciphered || std::any_of(mac.begin(), mac.end(), [](auto b) { return b != 0; });
            const QString eia = asIntegrity.isEmpty() ? QStringLiteral("EIA") : asIntegrity;
            if (ciphered)
                parts << QStringLiteral("PDCP %1+%2")
                             .arg(eia, asCiphering.isEmpty() ? QStringLiteral("EEA") : asCiphering);
            else if (integrity)
                parts << QStringLiteral("PDCP ") + eia;
        }
    } else if (const auto outer = protocol::parseIpv4(r.bytes);
               outer && outer->protocol == protocol::kIpProtoEsp) {
        parts << QStringLiteral("ESP AES-GCM");
    }
    if (const auto nas = nasInside(r.link, r.plain)) {
        const auto sht = protocol::nasSecurityHeaderType(*nas);
        const QString algs = nasAlgorithms.isEmpty() ? QStringLiteral("EIA+EEA") : nasAlgorithms;
        if (sht == protocol::kShtIntegrity || sht == protocol::kShtIntegrityNewContext)
            parts << QStringLiteral("NAS ") + algs.section(QLatin1Char('+'), 0, 0);
        else if (sht == protocol::kShtIntegrityCiphered || sht == protocol::kShtIntegrityCipheredNewContext)
            parts << QStringLiteral("NAS ") + algs;
    }
    if (const QString e2e = e2eOf(r); !e2e.isEmpty())
        parts << e2e;
    if (r.plain.empty() && parts.isEmpty())
        return QObject::tr("none (no key)");
    return parts.isEmpty() ? QObject::tr("none") : parts.join(QStringLiteral(" · "));
}

QString SequenceChartModel::messageOf(const PduRecord& r, bool attachPhase)
{
    const QString payload = QString::fromStdString(r.applicationPayload);
    if (!payload.isEmpty())
        return (r.downlink ? QObject::tr("command %1") : QObject::tr("reading %1")).arg(payload);
    const ByteView view = r.plain.empty() ? ByteView(r.bytes) : ByteView(r.plain);
    if (r.plain.empty()) {
        // An attacker's own PDU: what a dissector makes of it.
        const engine::Finding f = engine::dissectLink(r.link, r.bytes);
        const QStringList layers = QString::fromStdString(f.layers).split(QStringLiteral(" / "));
        return layers.isEmpty() ? QObject::tr("PDU") : layers.back();
    }
    const auto nas = nasInside(r.link, view);
    QString nasText;
    if (nas) {
        nasText = nasName(*nas);
        if (nasText.isEmpty())
            nasText = attachPhase ? (r.downlink ? QObject::tr("Attach accept (ciphered)")
                                                : QObject::tr("Attach complete (ciphered)"))
                                  : QObject::tr("NAS (ciphered)");
    }
    if (r.link == Link::Uu) {
        const auto rrc = protocol::decodeRrc(view);
        if (!rrc)
            return QObject::tr("user data");
        if (nas)
            return nasText;
        return QStringLiteral("RRC ") + QString::fromLatin1(protocol::name(rrc->type));
    }
    const auto sctp = protocol::parseIpv4Sctp(view);
    if (sctp && r.link == Link::S1Mme) {
        if (const auto s1ap = protocol::decodeS1ap(sctp->payload)) {
            const QString procedure = QString::fromLatin1(protocol::name(s1ap->procedure));
            return nas ? QStringLiteral("%1: %2").arg(procedure, nasText) : procedure;
        }
    }
    if (r.link == Link::S6a) {
        const engine::Finding f = engine::dissectIpPacket(view);
        return QString::fromStdString(f.layers).contains(QStringLiteral("AIR")) ? QObject::tr("Diameter AIR")
                                                                                : QObject::tr("Diameter AIA");
    }
    return QObject::tr("user data");
}

QString SequenceChartModel::checkOf(const PduRecord& r, const AppProtection& endToEnd)
{
    const bool decoded = !r.received.empty();
    const bool backhaul = r.link != Link::Uu;
    // User-plane: on Uu a data radio bearer (a DTLS handshake flight carries no application payload).
    const auto pdcp = r.link == Link::Uu ? protocol::parsePdcpHeader(r.bytes) : std::nullopt;
    const bool data = !r.applicationPayload.empty() || (pdcp && pdcp->lcid == protocol::kLcidDrb1) ||
                      (r.link != Link::Uu && r.link != Link::S1Mme && r.link != Link::S6a);
    switch (r.dropReason) {
    case engine::DropReason::Integrity:
        if (!decoded)
            return backhaul ? QObject::tr("ESP ICV (NDS/IP integrity)")
                            : QObject::tr("PDCP MAC-I (RRC integrity)");
        return data ? endToEndIntegrityCheck(r, endToEnd) : QObject::tr("NAS MAC (integrity)");
    case engine::DropReason::Replay:
        if (!decoded)
            return backhaul ? QObject::tr("ESP anti-replay window") : QObject::tr("PDCP COUNT (replay)");
        return data ? endToEndReplayCheck(endToEnd) : QObject::tr("NAS COUNT (replay)");
    case engine::DropReason::Duplicate:
        return QObject::tr("PDCP duplicate COUNT");
    case engine::DropReason::Malformed:
        return QObject::tr("did not parse (deciphered with the wrong COUNT)");
    case engine::DropReason::Policy: {
        // At the device or the server it is the end-to-end policy (a message in another mode's format).
        const Node receiver = endsOf(r.link, r.downlink).second;
        if (receiver == Node::Server || (receiver == Node::Device && data))
            return QObject::tr("end-to-end policy (not in the mode in force)");
        return QObject::tr("NDS/IP policy (unprotected packet)");
    }
    case engine::DropReason::NoContext:
        return QObject::tr("no security context");
    case engine::DropReason::Mismatch:
        return QObject::tr("UE security capabilities mismatch");
    case engine::DropReason::NoEffect:
        return QObject::tr("ignored");
    }
    return {};
}

} // namespace mtcsec::ui
