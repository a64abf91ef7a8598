// Packet captures per link and per attacker (pcap, link type 252 exported PDUs for tshark 4.0), key log.
//
// What a capture holds for a PDU, so that tshark decodes as much as an attacker there could, with no options:
// - Uu: an SRB PDU whose RRC is not ciphered and carries NAS (UL/DLInformationTransfer) -> "nas-eps" with the
//   NAS PDU (TS 24.301: security header type, MAC, SN, the message unless NAS ciphering hides it); a DRB PDU
//   whose payload is an IPv4 packet (no UP ciphering) -> "ip" with that packet; anything else (ciphered RRC
//   or user data, RRC Security Mode messages, whose compact encoding tshark does not know) -> "data" with the
//   whole PDU (LCID, PDCP header, payload): opaque bytes, "PDCP" in the Protocol column (tag 33).
// - Backhaul and SGi: the IPv4 packet -> "ip", one frame per packet: tshark shows IP / UDP / GTP-U / inner IP
//   / UDP / CoAP, IP / SCTP / S1AP / NAS-EPS on S1-MME (S1AP in APER with its NAS-PDU), IP / SCTP / Diameter
//   on S6a, or ESP where NDS/IP protects the link. S1AP and Diameter travel on SCTP (ports 36412 and 3868,
//   PPIDs 18 and 46), which tshark 4.0 decodes with no option. An eavesdropper's capture follows the same
//   rule, so a rate-1 eavesdropper on a link captures what the link's file holds, one frame per attempt.
// - An insider's capture: "nas-eps" for the NAS PDUs its node holds, "ip" for the IP packets.
// - An active attacker's capture (tamper, replay, inject, downgrade): per attempt the original PDU and the
// PDU
//   it sent on, exported as on the link, each frame with a comment saying what it is, what the attacker
//   changed and what the receiver decided (AttemptFrames.h); written once the decision is known.
// Timestamps are simulated time (microseconds from 0: Wireshark shows 1970-01-01 00:00:00 plus the run time).
#include "core/report/CaptureRecorder.h"

#include "core/InvalidInput.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/NasSecurity.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/RrcMessage.h"
#include "core/report/AttemptFrames.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
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
        "# mtcsec key log (simulated time): TIME_S device=N where=WHERE KEYS, one line whenever the keys "
        "in force change; WHERE: \"device\" = the NAS and AS keys the device holds (as its MME and eNB "
        "do), \"end-to-end\" = the application keys it shares with the MTC server; KEYS: name=hex "
        "(KASME, KNASint, KNASenc, KeNB, KRRCint, KRRCenc, KUPenc, E2Eenc, E2Emac) and the algorithms in "
        "force (NAS=, AS=)\n";
    keys_->write(header);
    attempts_ = std::make_unique<AttemptFrames>(
        limits_.heldBytes,
        // As the link's own file exports the PDU (exported at once: framing that depends on the time, such as
        // the keys in force, is the one of the attack's moment).
        [](Link link, std::uint32_t device, bool downlink, ByteView pdu) {
            (void)device;
            (void)downlink;
            return exportLinkPdu(link, pdu);
        },
        [this](const std::string& attackId, const CommentedFrame& frame) {
            writeAttackFrame(attackId, frame.time, frame.pdu, frame.comment);
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

void CaptureRecorder::linkPdu(const engine::PduRecord& pdu)
{
    if (state_ != State::Recording)
        return;
    PcapWriter& writer = *links_[static_cast<std::size_t>(pdu.link)];
    for (const ExportedPdu& e : exportLinkPdu(pdu.link, pdu.bytes))
        writer.write(pdu.time, e.dissector, e.bytes, e.tags);
}

void CaptureRecorder::attackerCapture(const std::string& attackId, engine::SimTime time,
                                      std::optional<Link> link, std::optional<Node> node, ByteView bytes,
                                      bool nasPdu)
{
    if (state_ != State::Recording)
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
        // Reported by prepare(): a sink must not throw in the middle of the engine's event.
        if (error_.empty())
            error_ = e.what();
        return;
    }
    const qsizetype before = writer->buffered();
    for (const ExportedPdu& e : packets)
        writer->write(time, e.dissector, e.bytes, e.tags);
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

void CaptureRecorder::writeAttackFrame(const std::string& attackId, std::int64_t time, const ExportedPdu& pdu,
                                       std::string_view comment)
{
    PcapWriter* writer = nullptr;
    try {
        writer = &attackWriter(attackId);
    } catch (const InvalidInput& e) {
        if (error_.empty()) // reported by prepare(), as for attackerCapture()
            error_ = e.what();
        return;
    }
    const qsizetype before = writer->buffered();
    writer->write(time, pdu.dissector, pdu.bytes, pdu.tags, comment);
    written(*writer, before);
}

void CaptureRecorder::keysInForce(engine::SimTime time, std::uint32_t device, const std::string& where,
                                  const std::string& keys)
{
    if (state_ != State::Recording || !keys_)
        return;
    const std::string line = engine::formatTime(time) + " device=" + std::to_string(device) +
                             " where=" + where + " " + keys + "\n";
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
    attackBuffered_ = 0;
}

void CaptureRecorder::prepare()
{
    if (state_ != State::Recording)
        throw InvalidInput(directory_.toStdString() + ": cannot write: the capture is already finished");
    state_ = State::Prepared;
    try {
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
    } catch (const InvalidInput&) {
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
