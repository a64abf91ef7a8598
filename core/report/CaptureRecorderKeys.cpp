// The capture recorder's keys: key log, a PDCP-LTE UE id per AS context (TS 33.401 7.2.4.5), ESP SAs.
// The Wireshark profile gets the keys it can use: the PDCP-LTE UE key table, the esp_sa table (RFC 4303,
// RFC 4106), the OSCORE contexts (RFC 8613) and the DTLS key log.
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/protocol/DtlsPsk.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/report/CaptureRecorder.h"
#include "core/report/OscoreContexts.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace mtcsec::report {
namespace {

using namespace protocol;

std::string hex32(std::uint32_t v)
{
    char text[16];
    std::snprintf(text, sizeof text, "%08x", v);
    return text;
}

} // namespace

void CaptureRecorder::keysInForce(engine::SimTime time, std::uint32_t device, const std::string& where,
                                  const std::string& keys)
{
    std::string identity;
    if (const auto it = devices_.find(device); it != devices_.end()) {
        const engine::DeviceIdentity& id = it->second.identity;
        identity = "imsi=" + id.imsi + " ip=" + ipv4ToString(id.address) +
                   " teid-s1u-sgw=" + hex32(id.teidS1uSgw) + " teid-s1u-enb=" + hex32(id.teidS1uEnb) +
                   " teid-s5-pgw=" + hex32(id.teidS5Pgw) + " teid-s5-sgw=" + hex32(id.teidS5Sgw) + " ";
    }
    const std::string line = engine::formatTime(time) + " device=" + std::to_string(device) +
                             " where=" + where + " " + identity + keys + "\n";
    writeKeyLine(line);
    if (state_ != State::Recording)
        return;
    // NAS under the null cipher (EEA0): Wireshark must keep reading ciphered-header NAS messages as plain.
    if (const auto at = keys.find("NAS="); at != std::string::npos) {
        const std::string nas = keys.substr(at, keys.find(' ', at) - at);
        if (nas.find("EEA0") != std::string::npos)
            nasNullCiphering_ = true;
    }
    // The end-to-end keys Wireshark can use: each OSCORE context once (both directions' requests), each DTLS
    // association's master secret.
    for (const OscoreContextRow& row : oscoreRowsOfKeyLine(line))
        if (oscoreContexts_.insert(toHex(row.senderId) + " " + toHex(row.masterSecret)).second)
            profile_.addOscoreContext(row);
    const std::string tls = protocol::wiresharkDtlsKeyLog(line);
    if (!tls.empty()) {
        profile_.addTlsKeyLog(tls);
        hasTlsKeyLog_ = true;
    }
}

void CaptureRecorder::deviceIdentity(std::uint32_t device, const engine::DeviceIdentity& identity)
{
    devices_[device].identity = identity;
}

std::uint16_t CaptureRecorder::newUeId()
{
    return nextUeId_ > 0xffff ? 0 : static_cast<std::uint16_t>(nextUeId_++);
}

std::uint16_t CaptureRecorder::ueIdFor(std::uint32_t device, const protocol::AsSecurityContext& as)
{
    DeviceState& state = devices_[device];
    const auto same = [&as](const protocol::AsSecurityContext& o) {
        return o.kRrcInt == as.kRrcInt && o.kRrcEnc == as.kRrcEnc && o.kUpEnc == as.kUpEnc &&
               o.rrcEia == as.rrcEia && o.rrcEea == as.rrcEea && o.upEea == as.upEea;
    };
    for (const std::size_t i : state.contexts)
        if (same(asContexts_[i].as))
            return asContexts_[i].ueId;
    AsContextRow row;
    row.ueId = newUeId();
    row.as = as;
    state.contexts.push_back(asContexts_.size());
    asContexts_.push_back(row);
    return row.ueId;
}

void CaptureRecorder::uuSecurity(engine::SimTime time, std::uint32_t device, bool downlink,
                                 const protocol::AsSecurityContext& as)
{
    (void)time;
    if (state_ != State::Recording)
        return;
    DeviceState& state = devices_[device];
    if (!as.integrityActive) {
        // A new RRC connection: COUNTs from 0 in both directions, a UE id without keys for Wireshark.
        state.uplinkUe = state.downlinkUe = newUeId();
        state.contexts.clear();
        return;
    }
    (downlink ? state.downlinkUe : state.uplinkUe) = ueIdFor(device, as);
}

void CaptureRecorder::completeProfile()
{
    // Wireshark 4.0 learns a UE's algorithms from the RRC Security Mode Command it decodes (TS 36.331 UPER,
    // packet-lte-rrc.c calls set_pdcp_lte_security_algorithms for the UE id of that PDU), checks that
    // command's MAC-I with them and deciphers from the UE's next uplink PDU on (the Security Mode Complete):
    // what TS 33.401 7.2.4.5 says. So the key table has one row per AS security context, no default
    // algorithms are set (they would apply to every UE from its first, unprotected PDU on), and the
    // algorithms Wireshark lacks (Debian's build has no SNOW 3G or ZUC) are simply not computed.
    for (const AsContextRow& r : asContexts_)
        if (r.ueId != 0)
            profile_.addPdcpUe({r.ueId, r.as.kRrcEnc, r.as.kUpEnc, r.as.kRrcInt});
    // DTLS: the key log in the profile's folder, named by its absolute path (Wireshark opens tls.keylog_file
    // relative to its working directory, not to the profile): the profile decrypts DTLS where the capture
    // folder was written; moved elsewhere, the preference must be edited (or dtls.keylog given with -o).
    // NAS-EPS: Wireshark's null_decipher (on by default) reads a message of security header type 2 or 4 as
    // plain when it looks like one, and now and then takes real NAS ciphertext for a malformed plain ESM
    // message. Off unless some device ran NAS with EEA0 (whose "ciphered" messages are plain).
    if (!nasNullCiphering_)
        profile_.setPreference("nas-eps.null_decipher", "FALSE");
    if (hasTlsKeyLog_) {
        const QString path =
            QDir::cleanPath(QFileInfo(directory_).absoluteFilePath() + QLatin1Char('/') +
                            QString::fromLatin1(WiresharkProfile::kConfigFolder) +
                            QStringLiteral("/profiles/") + QString::fromLatin1(WiresharkProfile::kName) +
                            QLatin1Char('/') + QString::fromLatin1(WiresharkProfile::kTlsKeyLogFile));
        if (!path.contains(QLatin1Char('\n')) && !path.contains(QLatin1Char('\r'))) // one preferences line
            profile_.setPreference("tls.keylog_file", path.toStdString());
    }
}

void CaptureRecorder::espSecurityAssociation(engine::SimTime time, Link link, bool downlink,
                                             const protocol::EspSa& sa)
{
    if (state_ != State::Recording || sa.spi == 0)
        return;
    profile_.addEspSa({sa.spi, sa.tunnelSource, sa.tunnelDestination, sa.key, sa.salt});
    const std::string_view linkName = name(link);
    writeKeyLine(engine::formatTime(time) + " link=" + std::string(linkName) + " where=esp-" +
                 (downlink ? "downlink" : "uplink") + " spi=" + hex32(sa.spi) +
                 " src=" + ipv4ToString(sa.tunnelSource) + " dst=" + ipv4ToString(sa.tunnelDestination) +
                 " alg=AES-128-GCM-16 key=" + toHex(sa.key) + " salt=" + toHex(sa.salt) + "\n");
}

void CaptureRecorder::writeKeyLine(const std::string& line)
{
    if (state_ != State::Recording || !keys_)
        return;
    try {
        keys_->write(QByteArrayView(line.data(), static_cast<qsizetype>(line.size())));
    } catch (const InvalidInput& e) {
        if (error_.empty())
            error_ = e.what();
        keys_.reset();
    }
}

} // namespace mtcsec::report
