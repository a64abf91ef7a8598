// Packet captures per link and per attacker (pcap, link type 252 exported PDUs for tshark 4.0), key log.
//
// What a capture holds for a PDU, so that tshark decodes as much as an attacker there could, with no options:
// - Uu: an SRB PDU whose RRC is not ciphered and carries NAS (UL/DLInformationTransfer) -> "nas-eps" with the
//   NAS PDU (TS 24.301: security header type, MAC, SN, the message unless NAS ciphering hides it); a DRB PDU
//   whose payload is an IPv4 packet (no UP ciphering) -> "ip" with that packet; anything else (ciphered RRC
//   or user data, RRC Security Mode messages, whose compact encoding tshark does not know) -> "data" with the
//   whole PDU (LCID, PDCP header, payload): opaque bytes, "PDCP" in the Protocol column (tag 33).
// - Backhaul and SGi: the IPv4 packet -> "ip" (tshark shows IP / UDP / GTP-U / inner IP / UDP / CoAP, or ESP
//   where NDS/IP protects the link). Diameter travels on UDP 3868, where tshark 4.0 does not decode it by
//   default (it does with `-d udp.port==3868,diameter`).
// - The S1AP here is a compact encoding (not ASN.1 PER) that tshark cannot decode, so an IPv4/UDP 36412
//   packet whose S1AP message carries a NAS-PDU IE is followed by an EXTRA packet with the same time:
//   "nas-eps" with that NAS PDU and the packet's IPv4 source and destination in the address tags (20, 21),
//   so that the address columns still say eNB -> MME. The IP packet stays: it is what is on the wire and it
//   holds more than NAS (KeNB in Initial Context Setup). Under ESP nothing is extracted: an attacker cannot.
//   An eavesdropper's capture follows the same rule, so a rate-1 eavesdropper on a link captures what the
//   link's file holds, with one IP (or Uu) frame per attempt.
// - An insider's capture: "nas-eps" for the NAS PDUs its node holds, "ip" for the IP packets.
// Timestamps are simulated time (microseconds from 0: Wireshark shows 1970-01-01 00:00:00 plus the run time).
#include "core/report/CaptureRecorder.h"

#include "core/InvalidInput.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/NasSecurity.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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

std::vector<ExportedPdu> exportIp(ByteView packet)
{
    if (!looksIpv4(packet))
        return {exported(kDissectorData, packet)};
    std::vector<ExportedPdu> out{exported(kDissectorIp, packet)};
    const auto ip = parseIpv4(packet);
    const auto udp = ip && ip->protocol == kIpProtoUdp ? parseUdp(ip->payload) : std::nullopt;
    if (!udp || (udp->destinationPort != kPortS1ap && udp->sourcePort != kPortS1ap))
        return out;
    const auto s1ap = decodeS1ap(udp->payload);
    if (s1ap && isNasPdu(s1ap->nasPdu))
        out.push_back(
            exported(kDissectorNas, s1ap->nasPdu, ExportTags{std::pair{ip->source, ip->destination}, {}}));
    return out;
}

std::string cannotWrite(const QString& path, const std::string& why)
{
    return path.toStdString() + ": cannot write: " + why;
}

} // namespace

std::vector<ExportedPdu> exportLinkPdu(Link link, ByteView pdu)
{
    return link == Link::Uu ? exportUu(pdu) : exportIp(pdu);
}

CaptureRecorder::CaptureRecorder(const QString& directory)
    : directory_(directory)
{
    const QFileInfo info(directory);
    const char* problem = !info.exists()       ? "the folder does not exist"
                          : !info.isDir()      ? "it is not a folder"
                          : !info.isWritable() ? "the folder is not writable"
                                               : nullptr;
    if (problem != nullptr)
        throw InvalidInput(directory.toStdString() + ": cannot write captures: " + problem);
    const QDir dir(directory);
    for (const Link link : kAllLinks)
        links_[static_cast<std::size_t>(link)] = std::make_unique<PcapWriter>(
            dir.filePath(QString::fromUtf8(name(link).data(), static_cast<qsizetype>(name(link).size())) +
                         QStringLiteral(".pcap")));
    keys_ = std::make_unique<QSaveFile>(dir.filePath(QStringLiteral("keys.log")));
    if (!keys_->open(QIODevice::WriteOnly))
        throw InvalidInput(cannotWrite(keys_->fileName(), keys_->errorString().toStdString()));
    const QByteArray header =
        "# mtcsec key log (simulated time): TIME_S device=N where=WHERE KEYS, one line whenever the keys "
        "in force change; WHERE: \"device\" = the NAS and AS keys the device holds (as its MME and eNB "
        "do), \"end-to-end\" = the application keys it shares with the MTC server; KEYS: name=hex "
        "(KASME, KNASint, KNASenc, KeNB, KRRCint, KRRCenc, KUPenc, E2Eenc, E2Emac) and the algorithms in "
        "force (NAS=, AS=)\n";
    if (keys_->write(header) != header.size())
        error_ = cannotWrite(keys_->fileName(), keys_->errorString().toStdString());
}

CaptureRecorder::~CaptureRecorder() = default;

QString CaptureRecorder::attackFileName(const std::string& attackId)
{
    QString id = QString::fromStdString(attackId);
    for (QChar& c : id)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('.') && c != QLatin1Char('-') &&
            c != QLatin1Char('_'))
            c = QLatin1Char('_');
    return QStringLiteral("attack-") + id + QStringLiteral(".pcap");
}

PcapWriter& CaptureRecorder::attackWriter(const std::string& attackId)
{
    auto it = attacks_.find(attackId);
    if (it != attacks_.end())
        return *it->second;
    const QDir dir(directory_);
    QString path = dir.filePath(attackFileName(attackId));
    // Two ids that differ only in replaced characters get distinct files.
    for (int n = 2;; ++n) {
        bool taken = false;
        for (const auto& [id, writer] : attacks_)
            taken = taken || writer->path() == path;
        if (!taken)
            break;
        path = dir.filePath(attackFileName(attackId + "-" + std::to_string(n)));
    }
    it = attacks_.emplace(attackId, std::make_unique<PcapWriter>(path)).first;
    return *it->second;
}

void CaptureRecorder::linkPdu(const engine::PduRecord& pdu)
{
    if (finished_)
        return;
    PcapWriter& writer = *links_[static_cast<std::size_t>(pdu.link)];
    for (const ExportedPdu& e : exportLinkPdu(pdu.link, pdu.bytes))
        writer.write(pdu.time, e.dissector, e.bytes, e.tags);
}

void CaptureRecorder::attackerCapture(const std::string& attackId, engine::SimTime time,
                                      std::optional<Link> link, std::optional<Node> node, ByteView bytes,
                                      bool nasPdu)
{
    if (finished_)
        return;
    std::vector<ExportedPdu> packets;
    if (link)
        packets = exportLinkPdu(*link, bytes);
    else if (node && nasPdu)
        packets = {exported(kDissectorNas, bytes)};
    else
        packets = {exported(looksIpv4(bytes) ? kDissectorIp : kDissectorData, bytes)};
    PcapWriter* writer = nullptr;
    try {
        writer = &attackWriter(attackId);
    } catch (const InvalidInput& e) {
        // Reported by finish(): a sink must not throw in the middle of the engine's event.
        if (error_.empty())
            error_ = e.what();
        return;
    }
    for (const ExportedPdu& e : packets)
        writer->write(time, e.dissector, e.bytes, e.tags);
}

void CaptureRecorder::keysInForce(engine::SimTime time, std::uint32_t device, const std::string& where,
                                  const std::string& keys)
{
    if (finished_)
        return;
    const std::string line = engine::formatTime(time) + " device=" + std::to_string(device) +
                             " where=" + where + " " + keys + "\n";
    const auto size = static_cast<qint64>(line.size());
    if (error_.empty() && keys_->write(line.data(), size) != size)
        error_ = cannotWrite(keys_->fileName(), keys_->errorString().toStdString());
}

void CaptureRecorder::finish()
{
    if (finished_)
        throw InvalidInput(directory_.toStdString() + ": cannot write captures: already finished");
    finished_ = true;
    QStringList committed;
    std::string error;
    const auto commitPcap = [&](PcapWriter& writer) {
        if (!error.empty()) {
            writer.cancel();
            return;
        }
        try {
            writer.commit();
            committed << writer.path();
        } catch (const InvalidInput& e) {
            error = e.what();
        }
    };
    for (auto& writer : links_)
        commitPcap(*writer);
    for (auto& [id, writer] : attacks_)
        commitPcap(*writer);
    if (error.empty())
        error = error_;
    if (error.empty() && !keys_->commit())
        error = cannotWrite(keys_->fileName(), keys_->errorString().toStdString());
    if (error.empty())
        return;
    // All or nothing: a folder with some of the files would look like a complete capture. Destroying the
    // writers removes their temporary files.
    for (const QString& path : committed)
        QFile::remove(path);
    links_ = {};
    attacks_.clear();
    keys_.reset();
    throw InvalidInput(error);
}

} // namespace mtcsec::report
