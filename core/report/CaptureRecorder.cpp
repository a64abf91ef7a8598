// Packet captures per link and per attacker (pcapng, link type 252 exported PDUs for tshark 4.0, frame
// comments on an active attacker's frames), the key log and the Wireshark profile next to them.
//
// What a capture holds for a PDU, so that tshark decodes as much as an attacker there could:
// - Uu (Uu.pcap, an eavesdropper's capture on Uu, an active attacker's frames on Uu): every PDU in
// Wireshark's
//   PDCP-LTE UDP framing (packet-pdcp-lte.h: plane, SN length, direction, DCCH for SRB1, radio bearer id, UE
//   id) in an IPv4/UDP packet between the device and the eNB (port kPortPdcpLteFraming) -> "ip". With the
//   profile written next to the captures (WiresharkProfile.h: the pdcp_lte_udp heuristic on, sequence
//   analysis, the UE key table) tshark shows PDCP-LTE with the MAC-I of SRB PDUs checked, RRC (UPER, and NAS
//   in it) and the IP packets of the DRB, deciphered. The UE id is one per AS security context of a device (a
//   new one when its keys change, and one per RRC connection for the PDUs sent before AS security): the key
//   table is per UE id, and Wireshark's sequence analysis (which gives the COUNT) per UE id and bearer. An
//   attacker's frame carries the UE id of its device and direction at the attack's moment. Without the
//   profile tshark shows IP/UDP/data. exportLinkPdu() for Uu still names what the PDU holds readable without
//   keys (NAS in plain RRC -> "nas-eps", a plain DRB IPv4 packet -> "ip", anything else "data").
// - Backhaul and SGi: the IPv4 packet -> "ip", one frame per packet (no extra NAS frame): tshark shows IP /
//   UDP / GTP-U / inner IP / UDP / CoAP (OSCORE, DTLS), IP / SCTP / S1AP / NAS-EPS on S1-MME (S1AP in APER
//   with its NAS-PDU), IP / SCTP / Diameter on S6a, or ESP where NDS/IP protects the link (deciphered with
//   the profile's esp_sa table). S1AP and Diameter travel on SCTP (ports 36412 and 3868, PPIDs 18 and 46),
//   which tshark 4.0 decodes with no option. An eavesdropper's capture follows the same rule, so a rate-1
//   eavesdropper on a link captures what the link's file holds, one frame per attempt.
// - An insider's capture: "nas-eps" for the NAS PDUs its node holds, "ip" for the IP packets.
// - An active attacker's capture (tamper, replay, inject, downgrade): per attempt the original PDU and the
// PDU
//   it sent on, exported as on the link (Uu: in the PDCP-LTE framing above), each frame with a pcapng comment
//   saying what it is, what the attacker changed and what the receiver decided (AttemptFrames.h); written
//   once the decision is known.
// Timestamps are simulated time (microseconds from 0: Wireshark shows 1970-01-01 00:00:00 plus the run time).
#include "core/report/CaptureRecorder.h"

#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/protocol/DtlsPsk.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/NasSecurity.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/RrcMessage.h"
#include "core/report/AttemptFrames.h"
#include "core/report/OscoreContexts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace mtcsec::report {
namespace {

using namespace protocol;

const char* const kDissectorNas = "nas-eps";
const char* const kDissectorIp = "ip";
const char* const kDissectorData = "data";

bool looksIpv4(ByteView bytes)
{
    return bytes.size() >= 20 && (bytes[0] >> 4) == 4;
}

bool isNasPdu(ByteView bytes)
{
    return nasSecurityHeaderType(bytes).has_value();
}

ExportedPdu exported(const char* dissector, ByteView bytes, ExportTags tags = {})
{
    return ExportedPdu{dissector, Bytes(bytes.begin(), bytes.end()), std::move(tags)};
}

std::vector<ExportedPdu> exportUu(ByteView pdu)
{
    const auto h = parsePdcpHeader(pdu);
    if (h && h->lcid == kLcidSrb1 && h->payload.size() > 4) {
        const auto rrc = decodeRrc(h->payload.first(h->payload.size() - 4));
        if (rrc &&
            (rrc->type == RrcType::UlInformationTransfer || rrc->type == RrcType::DlInformationTransfer) &&
            isNasPdu(rrc->body))
            return {exported(kDissectorNas, rrc->body)};
    }
    if (h && h->lcid == kLcidDrb1 && parseIpv4(h->payload))
        return {exported(kDissectorIp, h->payload)};
    return {exported(kDissectorData, pdu, ExportTags{std::nullopt, "PDCP"})};
}

// The PDCP-LTE framing tags (packet-pdcp-lte.h).
constexpr std::uint8_t kTagPayload = 0x01, kTagSnLength = 0x02, kTagDirection = 0x03, kTagChannelType = 0x04,
                       kTagChannelId = 0x0d, kTagUeId = 0x0e;
constexpr std::uint8_t kPlaneSignalling = 1, kPlaneUser = 2, kChannelDcch = 1;

std::vector<ExportedPdu> exportIp(ByteView packet)
{
    return {exported(looksIpv4(packet) ? kDissectorIp : kDissectorData, packet)};
}

QString linkFileName(Link link)
{
    return QString::fromUtf8(name(link).data(), static_cast<qsizetype>(name(link).size())) +
           QStringLiteral(".pcap");
}

const QString kKeyLogName = QStringLiteral("keys.log");

} // namespace

std::vector<ExportedPdu> exportLinkPdu(Link link, ByteView pdu)
{
    return link == Link::Uu ? exportUu(pdu) : exportIp(pdu);
}

std::optional<Bytes> pdcpLteFraming(ByteView uuPdu, bool downlink, std::uint16_t ueId)
{
    const auto h = parsePdcpHeader(uuPdu);
    if (!h)
        return std::nullopt;
    const bool srb = h->lcid == kLcidSrb1;
    static constexpr std::string_view kSignature = "pdcp-lte";
    Bytes out(kSignature.begin(), kSignature.end());
    out.insert(out.end(), {0, srb ? kPlaneSignalling : kPlaneUser, 0});
    out.insert(out.end(), {kTagSnLength, static_cast<std::uint8_t>(srb ? 5 : 12)});
    out.insert(out.end(), {kTagDirection, static_cast<std::uint8_t>(downlink ? 1 : 0)});
    if (srb)
        out.insert(out.end(), {kTagChannelType, kChannelDcch});
    const std::uint8_t bearer = srb ? kBearerSrb1 + 1 : kBearerDrb1 + 1; // the radio bearer identity
    out.insert(out.end(), {kTagChannelId, 0, bearer});
    out.insert(out.end(), {kTagUeId, static_cast<std::uint8_t>(ueId >> 8), static_cast<std::uint8_t>(ueId)});
    out.push_back(kTagPayload);
    out.insert(out.end(), uuPdu.begin() + 1, uuPdu.end());
    return out;
}

std::vector<ExportedPdu> exportUuPdu(ByteView uuPdu, const UuFrame& frame)
{
    const auto framed = pdcpLteFraming(uuPdu, frame.downlink, frame.ueId);
    if (!framed)
        return {exported(kDissectorData, uuPdu, ExportTags{std::nullopt, "PDCP"})};
    const std::uint32_t source = frame.downlink ? frame.enbAddress : frame.ueAddress;
    const std::uint32_t destination = frame.downlink ? frame.ueAddress : frame.enbAddress;
    return {exported(kDissectorIp, buildIpv4Udp(source, destination, kPortPdcpLteFraming, kPortPdcpLteFraming,
                                                0, *framed))};
}

CaptureRecorder::CaptureRecorder(const QString& directory)
    : CaptureRecorder(directory, Limits{})
{}

CaptureRecorder::CaptureRecorder(const QString& directory, Limits limits)
    : directory_(directory)
    , limits_(limits)
    , folder_(io::OutputFolder::open(directory, io::OutputFolder::Links::Refuse))
{
    folder_->requireWritable();
    for (const Link link : kAllLinks)
        links_[static_cast<std::size_t>(link)] = std::make_unique<PcapWriter>(folder_, linkFileName(link));
    keys_ = std::make_unique<io::AtomicFile>(folder_, kKeyLogName);
    keysReplaceExisting_ = keys_->replacesExisting();
    const QByteArray header =
        "# mtcsec key log (simulated time). Columns: TIME_S SUBJECT WHERE FIELDS, one line whenever keys in "
        "force change. SUBJECT: device=N, or link=LINK for an ESP SA. WHERE: \"device\" = the keys the "
        "device holds after AKA and each Security Mode Command (as its MME and eNB do: TS 33.401 Annex A), "
        "\"end-to-end\" = the application keys it shares with the MTC server, \"esp-uplink\" or "
        "\"esp-downlink\" = an ESP SA of a backhaul link (TS 33.210). FIELDS: name=value; for a device "
        "imsi=, ip=, teid-s1u-sgw=, teid-s1u-enb=, teid-s5-pgw=, teid-s5-sgw= (hex), then its keys "
        "(CK, IK, KASME, KNASint, KNASenc, KeNB, KRRCint, KRRCenc, KUPenc; session=, E2Eenc, E2Emac) in hex "
        "and the algorithms in force (NAS=EIA+EEA, AS=RRC EIA+RRC EEA, UP=EEA); end-to-end lines may add the "
        "OSCORE context (OSCOREsecret=, OSCOREdevice=, OSCOREserver=: master secret and the two Sender IDs); "
        "\"dtls\" lines a completed DTLS association (CLIENT_RANDOM=, MASTER_SECRET=, PSK=); for an SA spi=, "
        "src=, dst=, alg=, key=, salt=\n";
    keys_->write(header);
    attempts_ = std::make_unique<AttemptFrames>(
        limits_.heldBytes,
        // As the link's own file exports the PDU (exported at once: framing that depends on the time, such as
        // the keys in force, is the one of the attack's moment).
        [this](Link link, std::uint32_t device, bool downlink, ByteView pdu) {
            return link == Link::Uu ? exportUuPdu(pdu, uuFrame(device, downlink)) : exportLinkPdu(link, pdu);
        },
        [this](const std::string& attackId, const CommentedFrame& frame) {
            writeAttack(attackId, frame.time, std::span(&frame.pdu, 1), frame.comment);
        });
    syncHandle_ = io::openSyncHandle(*folder_); // last: nothing throws after it is open
}

CaptureRecorder::~CaptureRecorder()
{
    discardAll();
    if (syncHandle_ >= 0)
        ::close(syncHandle_);
}

QString CaptureRecorder::attackFileName(const std::string& attackId)
{
    QString id = QString::fromStdString(attackId);
    for (QChar& c : id)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('.') && c != QLatin1Char('-') &&
            c != QLatin1Char('_'))
            c = QLatin1Char('_');
    return QStringLiteral("attack-") + id + QStringLiteral(".pcap");
}

void CaptureRecorder::checkFolder(const QString& directory, const std::vector<std::string>& attackIds)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(directory.isEmpty() ? QStringLiteral(".") : directory).constData(), &st) !=
            0 &&
        errno == ENOENT) {
        const auto [parent, name] = io::splitOutputPath(directory);
        (void)name;
        io::OutputFolder::open(parent, io::OutputFolder::Links::Follow, directory)
            ->requireWritable(directory);
        return;
    }
    const auto folder = io::OutputFolder::open(directory, io::OutputFolder::Links::Refuse);
    folder->requireWritable();
    for (const Link link : kAllLinks)
        folder->checkTarget(linkFileName(link));
    folder->checkTarget(kKeyLogName);
    for (const std::string& id : attackIds)
        folder->checkTarget(attackFileName(id));
    // The Wireshark profile's folders: where present, folders, never symbolic links (OutputFolder::open
    // throws).
    QString path = folder->filePath(QString::fromLatin1(WiresharkProfile::kConfigFolder));
    for (const char* part : {"", "/profiles", "/mtcsec"}) {
        path += QString::fromLatin1(part);
        struct stat sub {};
        if (::lstat(QFile::encodeName(path).constData(), &sub) != 0)
            break;
        (void)io::OutputFolder::open(path, io::OutputFolder::Links::Refuse);
    }
}

PcapWriter& CaptureRecorder::attackWriter(const std::string& attackId)
{
    auto it = attacks_.find(attackId);
    if (it != attacks_.end())
        return *it->second;
    QString fileName = attackFileName(attackId);
    // Two ids that differ only in replaced characters get distinct files.
    for (int n = 2; attackNames_.count(fileName) != 0; ++n)
        fileName = attackFileName(attackId + "-" + std::to_string(n));
    makeRoom();
    auto writer = std::make_unique<PcapWriter>(folder_, fileName);
    attackNames_.insert(fileName);
    PcapWriter& w = *writer;
    attackBuffered_ += w.buffered();
    attacks_.emplace(attackId, std::move(writer));
    markOpen(w);
    return w;
}

void CaptureRecorder::makeRoom()
{
    while (!openAttacks_.empty() &&
           openAttacks_.size() >= std::max<std::size_t>(limits_.openAttackFiles, 1)) {
        PcapWriter& oldest = *openAttacks_.front();
        openAttacks_.erase(openAttacks_.begin());
        const qsizetype before = oldest.buffered();
        oldest.suspend();
        attackBuffered_ += oldest.buffered() - before;
    }
}

void CaptureRecorder::markOpen(PcapWriter& writer)
{
    const auto it = std::find(openAttacks_.begin(), openAttacks_.end(), &writer);
    if (it != openAttacks_.end())
        openAttacks_.erase(it);
    if (writer.isOpen())
        openAttacks_.push_back(&writer);
}

void CaptureRecorder::written(PcapWriter& writer, qsizetype bufferedBefore)
{
    attackBuffered_ += writer.buffered() - bufferedBefore;
    if (writer.isOpen()) {
        markOpen(writer);
    } else if (writer.buffered() >= io::AtomicFile::kBufferBytes) {
        makeRoom();
        const qsizetype before = writer.buffered();
        writer.flush(); // opens it again
        attackBuffered_ += writer.buffered() - before;
        markOpen(writer);
    }
    if (attackBuffered_ > limits_.bufferedBytes)
        flushAttacks();
}

void CaptureRecorder::flushAttacks()
{
    for (auto& [id, writer] : attacks_) {
        if (writer->buffered() == 0)
            continue;
        if (!writer->isOpen())
            makeRoom();
        const qsizetype before = writer->buffered();
        writer->flush();
        attackBuffered_ += writer->buffered() - before;
        markOpen(*writer);
    }
}

UuFrame CaptureRecorder::uuFrame(std::uint32_t device, bool downlink) const
{
    UuFrame frame;
    frame.downlink = downlink;
    const auto it = devices_.find(device);
    if (it != devices_.end()) {
        frame.ueId = downlink ? it->second.downlinkUe : it->second.uplinkUe;
        frame.ueAddress = it->second.identity.address;
        frame.enbAddress = it->second.identity.enbAddress;
    }
    return frame;
}

void CaptureRecorder::linkPdu(const engine::PduRecord& pdu)
{
    if (state_ != State::Recording)
        return;
    PcapWriter& writer = *links_[static_cast<std::size_t>(pdu.link)];
    if (pdu.link != Link::Uu) {
        for (const ExportedPdu& e : exportLinkPdu(pdu.link, pdu.bytes))
            writer.write(pdu.time, e.dissector, e.bytes, e.tags);
        return;
    }
    const UuFrame frame = uuFrame(pdu.device, pdu.downlink);
    for (const ExportedPdu& e : exportUuPdu(pdu.bytes, frame))
        writer.write(pdu.time, e.dissector, e.bytes, e.tags);
    std::vector<PendingUu> pending;
    pending.swap(pendingUu_);
    for (const PendingUu& p : pending)
        writeAttack(p.attackId, p.time, exportUuPdu(p.bytes, frame));
}

void CaptureRecorder::attackerCapture(const std::string& attackId, engine::SimTime time,
                                      std::optional<Link> link, std::optional<Node> node, ByteView bytes,
                                      bool nasPdu)
{
    if (state_ != State::Recording)
        return;
    if (link == Link::Uu) {
        pendingUu_.push_back({attackId, time, Bytes(bytes.begin(), bytes.end())});
        return;
    }
    std::vector<ExportedPdu> packets;
    if (link)
        packets = exportLinkPdu(*link, bytes);
    else if (node && nasPdu)
        packets = {exported(kDissectorNas, bytes)};
    else
        packets = {exported(looksIpv4(bytes) ? kDissectorIp : kDissectorData, bytes)};
    writeAttack(attackId, time, packets);
}

void CaptureRecorder::writeAttack(const std::string& attackId, engine::SimTime time,
                                  std::span<const ExportedPdu> packets, std::string_view comment)
{
    PcapWriter* writer = nullptr;
    try {
        writer = &attackWriter(attackId);
    } catch (const InvalidInput& e) {
        // Reported by prepare(): a sink must not throw in the middle of the engine's event.
        if (error_.empty())
            error_ = e.what();
        return;
    }
    const qsizetype before = writer->buffered();
    for (const ExportedPdu& e : packets)
        writer->write(time, e.dissector, e.bytes, e.tags, comment);
    written(*writer, before);
}

void CaptureRecorder::attackerAction(const engine::AttackerAction& action)
{
    if (state_ == State::Recording && attempts_)
        attempts_->action(action);
}

void CaptureRecorder::attemptDecided(const engine::AttemptDecision& decision)
{
    if (state_ == State::Recording && attempts_)
        attempts_->decided(decision);
}

namespace {

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

void CaptureRecorder::discardAll()
{
    openAttacks_.clear();
    attempts_.reset();
    links_ = {};
    attacks_.clear();
    keys_.reset();
    profileWriter_.reset();
    pendingUu_.clear();
    attackBuffered_ = 0;
    // Nothing left to write: no descriptor kept (a run of many cells keeps every cell's recorder).
    folder_->release();
    if (syncHandle_ >= 0)
        ::close(syncHandle_);
    syncHandle_ = -1;
}

void CaptureRecorder::prepare()
{
    if (state_ != State::Recording)
        throw InvalidInput(directory_.toStdString() + ": cannot write: the capture is already finished");
    state_ = State::Prepared;
    try {
        // Uu captures whose PDU never reached linkPdu (none in a run that ran its events to the end).
        std::vector<PendingUu> pending;
        pending.swap(pendingUu_);
        for (const PendingUu& p : pending)
            writeAttack(p.attackId, p.time, exportLinkPdu(Link::Uu, p.bytes));
        if (attempts_)
            attempts_->releaseAll(); // the attempts still waiting: in flight at the end
        attempts_.reset();
        if (!error_.empty())
            throw InvalidInput(error_);
        // Each file written out and closed, then one syncfs for all: thousands of attackers' files cost one
        // flush to disk, not one each, and a full disk or quota still shows here (AtomicFile.h).
        constexpr auto none = io::AtomicFile::Sync::None;
        for (auto& writer : links_)
            writer->finishWriting(none);
        openAttacks_.clear();
        for (auto& [id, writer] : attacks_)
            writer->finishWriting(none); // one at a time: reopened, written out, closed
        keys_->finishWriting(none);
        io::syncFolder(*folder_, syncHandle_);
        completeProfile();
        profileWriter_ = std::make_unique<WiresharkProfileWriter>(directory_, profile_);
        profileWriter_->finishWriting();
        // Until commit() the recorder holds no open file: a run of many cells keeps every finished cell's
        // recorder, and only the running cells may hold descriptors (the folders are opened again, checked to
        // be the same, by commit()).
        profileWriter_->release();
        folder_->release();
        if (syncHandle_ >= 0)
            ::close(syncHandle_);
        syncHandle_ = -1;
    } catch (const InvalidInput&) {
        // All or nothing: a folder with some of the files would look like a complete capture. Destroying the
        // writers removes their temporary files; files there before stay as they were.
        discardAll();
        state_ = State::Done;
        throw;
    }
}

void CaptureRecorder::commit()
{
    if (state_ != State::Prepared)
        throw InvalidInput(directory_.toStdString() + ": cannot write: the capture is not prepared");
    state_ = State::Done;
    try {
        if (syncHandle_ < 0)
            syncHandle_ = io::openSyncHandle(*folder_); // released by prepare()
        const auto commitPcap = [this](PcapWriter& writer) {
            writer.commit(io::AtomicFile::Sync::None);
            if (!writer.replacesExisting())
                created_ << writer.path();
        };
        for (auto& writer : links_)
            commitPcap(*writer);
        for (auto& [id, writer] : attacks_)
            commitPcap(*writer);
        keys_->commit(io::AtomicFile::Sync::None);
        if (!keysReplaceExisting_)
            created_ << folder_->filePath(kKeyLogName);
        io::syncFolder(*folder_, syncHandle_); // the renames
        profileWriter_->commit();
        created_ << profileWriter_->createdFiles();
        createdFolders_ = profileWriter_->createdFolders();
    } catch (const InvalidInput&) {
        if (profileWriter_)
            created_ << profileWriter_->createdFiles();
        for (const QString& path : std::as_const(created_))
            QFile::remove(path);
        created_.clear();
        discardAll();
        throw;
    }
    discardAll();
}

void CaptureRecorder::finish()
{
    prepare();
    commit();
}

} // namespace mtcsec::report
