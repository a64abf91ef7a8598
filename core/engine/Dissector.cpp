// The attacker's dissector: PDCP, RRC, NAS, S1AP, Diameter, GTP-U, ESP, IPv4, SCTP, UDP, end-to-end header,
// CoAP.
#include "core/engine/Dissector.h"

#include "core/crypto/Hex.h"
#include "core/protocol/AppSecurity.h"
#include "core/protocol/Coap.h"
#include "core/protocol/CoapPdu.h"
#include "core/protocol/DiameterS6a.h"
#include "core/protocol/DtlsPsk.h"
#include "core/protocol/GtpU.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/NasMessage.h"
#include "core/protocol/NasSecurity.h"
#include "core/protocol/OscoreOption.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"
#include "core/protocol/Sctp.h"

namespace mtcsec::engine {
namespace {

using namespace protocol;

// A layer read: its text (a callable giving it) is made only when the finding keeps text.
template <typename Text>
void add(Finding& f, const Text& layer)
{
    if (!f.withText)
        return;
    if (!f.layers.empty())
        f.layers += " / ";
    f.layers += layer();
}

// A secret read, and what it said (made only when the finding keeps text).
template <typename Text>
void read(Finding& f, std::uint32_t secret, const Text& what)
{
    f.secrets |= secret;
    if (!f.withText)
        return;
    if (!f.content.empty())
        f.content += "; ";
    f.content += what();
}

void plainNas(Finding& f, ByteView plain, bool& decoded)
{
    const auto m = decodeNas(plain);
    decoded = m.has_value();
    if (!m)
        return;
    add(f, [&] { return std::string(name(m->type)); });
    switch (m->type) {
    case EmmType::AttachRequest:
        f.initialAttach = true;
        read(f, SecretImsi, [&] { return std::string("IMSI " + m->imsi); });
        break;
    case EmmType::AttachAccept:
        read(f, SecretNasBody, [&] {
            return std::string(std::string("Attach accept, PDN address ") + ipv4ToString(m->pdnAddress));
        });
        break;
    case EmmType::AttachComplete:
        read(f, SecretNasBody, [&] { return std::string("Attach complete"); });
        break;
    case EmmType::DetachRequest:
        read(f, SecretNasBody, [&] { return std::string("Detach request"); });
        break;
    case EmmType::DetachAccept:
        read(f, SecretNasBody, [&] { return std::string("Detach accept"); });
        break;
    default:
        // Authentication and security mode messages travel unciphered by design (TS 24.301 4.4.5).
        if (f.withText) {
            f.content += f.content.empty() ? "" : "; ";
            f.content += name(m->type);
        }
        break;
    }
}

void coapPayload(Finding& f, ByteView coap)
{
    const auto m = parseCoap(coap);
    if (!m) {
        // OSCORE (RFC 8613): the header, token, Class U options and the OSCORE option (kid, Partial IV) are
        // in clear; the code, Uri-Path and payload are inside the AES-CCM ciphertext.
        const auto outer = parseCoapPdu(coap);
        const CoapOption* o = outer ? outer->option(kOptionOscore) : nullptr;
        const auto v = o != nullptr ? parseOscoreOption(o->value) : std::nullopt;
        if (v) {
            add(f, [&] {
                return std::string("CoAP+OSCORE kid " + (v->kid ? toHex(*v->kid) : std::string("-")) +
                                   " piv " + toHex(v->partialIv) +
                                   " (visible: header, token, OSCORE option; hidden: code, Uri-Path, "
                                   "payload)");
            });
        }
        f.ciphertext = true;
        return;
    }
    add(f, [&] { return std::string("CoAP"); });
    if (isReadingPayload(m->payload))
        read(f, SecretReading, [&] { return std::string("reading " + m->payload); });
    else if (isCommandPayload(m->payload))
        read(f, SecretCommand, [&] { return std::string("command " + m->payload); });
}

// CoAP over DTLS (RFC 7252 9.1): the record headers are in clear, the handshake of epoch 0 holds nothing
// secret (the PSK identity and randoms), every record of a later epoch is ciphertext. False when the payload
// is not DTLS.
bool dtlsRecords(Finding& f, ByteView payload)
{
    const auto records = parseDtlsRecords(payload);
    if (records.empty())
        return false;
    static constexpr std::array<const char*, 4> kTypes = {"change_cipher_spec", "alert", "handshake",
                                                          "application_data"};
    for (const DtlsRecordHeader& r : records) {
        add(f, [&] {
            return std::string(std::string("DTLS ") + kTypes[static_cast<std::size_t>(r.contentType - 20)] +
                               " epoch " + std::to_string(r.epoch) + " seq " + std::to_string(r.sequence));
        });
        if (r.epoch > 0)
            f.ciphertext = true;
    }
    return true;
}

void udpApplication(Finding& f, const UdpDatagram& udp)
{
    if (udp.destinationPort == kPortCoap || udp.sourcePort == kPortCoap) {
        add(f, [&] { return std::string("UDP 5683"); });
        coapPayload(f, udp.payload);
        return;
    }
    if (udp.destinationPort == kPortCoaps || udp.sourcePort == kPortCoaps) {
        // CoAP over DTLS (RFC 7252 9.1): the record headers are all an observer reads.
        add(f, [&] { return std::string("UDP " + std::to_string(kPortCoaps)); });
        if (!dtlsRecords(f, udp.payload))
            f.ciphertext = true;
        return;
    }
    if (udp.destinationPort == kPortCoapProtected || udp.sourcePort == kPortCoapProtected) {
        add(f, [&] { return std::string("UDP " + std::to_string(kPortCoapProtected)); });
        const auto h = parseAppHeader(udp.payload);
        if (!h) {
            f.ciphertext = true;
            return;
        }
        std::string flags;
        flags += (h->flags & kAppFlagConfidentiality) ? "C" : "";
        flags += (h->flags & kAppFlagIntegrity) ? "I" : "";
        flags += (h->flags & kAppFlagReplay) ? "R" : "";
        add(f, [&] { return std::string("E2E " + flags + " seq " + std::to_string(h->seq)); });
        if (h->flags & kAppFlagConfidentiality) {
            f.ciphertext = true;
            return;
        }
        ByteView body = h->body;
        if ((h->flags & kAppFlagIntegrity) && body.size() >= 8)
            body = body.first(body.size() - 8);
        coapPayload(f, body);
    }
}

// An SCTP packet (RFC 9260) on S1-MME or S6a: S1AP or Diameter, told by the PPID (18, 46) or else by the port
// (36412, 3868), as Wireshark does.
void sctpPacket(Finding& f, ByteView packet)
{
    const auto sctp = parseSctp(packet);
    if (!sctp)
        return;
    add(f, [&] {
        return std::string("SCTP " + std::to_string(sctp->destinationPort) + " TSN " +
                           std::to_string(sctp->tsn));
    });
    const auto is = [&](std::uint32_t ppid, std::uint16_t port) {
        return sctp->ppid == ppid || (sctp->ppid != kPpidS1ap && sctp->ppid != kPpidDiameter &&
                                      (sctp->destinationPort == port || sctp->sourcePort == port));
    };
    if (is(kPpidS1ap, kPortS1ap)) {
        const auto s = decodeS1ap(sctp->payload);
        if (!s)
            return;
        add(f, [&] { return std::string(std::string("S1AP ") + name(s->procedure)); });
        if (s->securityKey)
            read(f, SecretKey, [&] { return std::string("KeNB " + toHex(*s->securityKey)); });
        if (!s->nasPdu.empty()) {
            const Finding nas = dissectNas(s->nasPdu, f.withText);
            add(f, [&] { return std::string(nas.layers); });
            f.secrets |= nas.secrets;
            f.ciphertext = f.ciphertext || nas.ciphertext;
            f.initialAttach = f.initialAttach || nas.initialAttach;
            if (!nas.content.empty())
                f.content += (f.content.empty() ? "" : "; ") + nas.content;
        }
        return;
    }
    if (is(kPpidDiameter, kPortDiameter)) {
        const auto d = decodeS6a(sctp->payload);
        if (!d)
            return;
        add(f, [&] { return std::string(d->request ? "Diameter AIR" : "Diameter AIA"); });
        if (d->request)
            read(f, SecretImsi, [&] { return std::string("IMSI " + d->userName); });
        if (d->vector)
            read(f, SecretKey, [&] {
                return std::string("KASME " + toHex(d->vector->kasme) + ", XRES " + toHex(d->vector->xres));
            });
    }
}

void ipPacket(Finding& f, ByteView packet)
{
    const auto ip = parseIpv4(packet);
    if (!ip) {
        f.ciphertext = true;
        return;
    }
    add(f, [&] {
        return std::string("IPv4 " + ipv4ToString(ip->source) + ">" + ipv4ToString(ip->destination));
    });
    if (ip->protocol == kIpProtoEsp) {
        add(f, [&] { return std::string("ESP"); });
        f.ciphertext = true;
        return;
    }
    if (ip->protocol == kIpProtoSctp) {
        sctpPacket(f, ip->payload);
        return;
    }
    const auto udp = ip->protocol == kIpProtoUdp ? parseUdp(ip->payload) : std::nullopt;
    if (!udp)
        return;
    if (udp->destinationPort == kPortGtpU) {
        const auto g = parseGtpU(udp->payload);
        if (!g)
            return;
        add(f, [&] { return std::string("GTP-U TEID " + std::to_string(g->teid)); });
        ipPacket(f, g->payload);
        return;
    }
    udpApplication(f, *udp);
}

} // namespace

Finding dissectNas(ByteView pdu, bool withText)
{
    Finding f;
    f.withText = withText;
    const auto sht = nasSecurityHeaderType(pdu);
    if (!sht) {
        f.ciphertext = true;
        return f;
    }
    bool decoded = false;
    if (*sht == kShtPlain) {
        add(f, [&] { return std::string("NAS plain"); });
        plainNas(f, pdu, decoded);
        return f;
    }
    if (pdu.size() < 7)
        return f;
    add(f, [&] {
        return std::string("NAS SHT " + std::to_string(*sht) + " MAC " + toHex(pdu.subspan(1, 4)) + " SN " +
                           std::to_string(pdu[5]));
    });
    // SHT 1 and 3 are not ciphered; for SHT 2 and 4 try a plain decode, which succeeds only with EEA0. SHT 3
    // and 4 carry only the SECURITY MODE COMMAND and COMPLETE (TS 24.301 Table 9.3.1): anything else decoded
    // under them is ciphertext that happened to look like a short message.
    const ByteView inner = pdu.subspan(6);
    const auto expected = *sht == kShtIntegrityNewContext ? std::optional(EmmType::SecurityModeCommand)
                          : *sht == kShtIntegrityCipheredNewContext
                              ? std::optional(EmmType::SecurityModeComplete)
                              : std::nullopt;
    if (expected) {
        const auto m = decodeNas(inner);
        if (!m || m->type != *expected) {
            f.ciphertext = true;
            return f;
        }
    }
    plainNas(f, inner, decoded);
    if (!decoded)
        f.ciphertext = true;
    return f;
}

Finding dissectIpPacket(ByteView packet, bool withText)
{
    Finding f;
    f.withText = withText;
    ipPacket(f, packet);
    return f;
}

Finding dissectLink(Link link, ByteView pdu, bool withText)
{
    Finding f;
    f.withText = withText;
    if (link != Link::Uu) {
        ipPacket(f, pdu);
        return f;
    }
    const auto h = parsePdcpHeader(pdu);
    if (!h)
        return f;
    if (h->lcid == kLcidDrb1) {
        add(f, [&] { return std::string("PDCP DRB SN " + std::to_string(h->sn)); });
        ipPacket(f, h->payload);
        return f;
    }
    add(f, [&] { return std::string("PDCP SRB SN " + std::to_string(h->sn)); });
    const auto rrc = decodeRrc(h->payload.first(h->payload.size() - 4));
    if (!rrc) {
        f.ciphertext = true;
        return f;
    }
    add(f, [&] { return std::string(std::string("RRC ") + name(rrc->type)); });
    if (rrc->type == RrcType::UlInformationTransfer || rrc->type == RrcType::DlInformationTransfer) {
        const Finding nas = dissectNas(rrc->body, f.withText);
        add(f, [&] { return std::string(nas.layers); });
        f.secrets |= nas.secrets;
        f.ciphertext = nas.ciphertext;
        f.initialAttach = nas.initialAttach;
        f.content = nas.content;
    }
    return f;
}

} // namespace mtcsec::engine
