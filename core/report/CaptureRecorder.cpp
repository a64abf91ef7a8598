// Capture sink: a pcapng per link and per attacker (exported PDUs, PcapWriter.h), key log, Wireshark profile.
// The files of a run, put in place all together or not at all.
//
// What a capture holds for a PDU, so that tshark decodes as much as an attacker there could:
// - Uu (Uu.pcap, an eavesdropper's capture on Uu, an active attacker's frames on Uu): every PDU in
//   Wireshark's PDCP-LTE UDP framing (packet-pdcp-lte.h: plane, SN length, direction, DCCH for SRB1, radio
//   bearer id, UE id) in an IPv4/UDP packet between the device and the eNB (port kPortPdcpLteFraming) ->
//   "ip". With the profile written next to the captures (WiresharkProfile.h: the pdcp_lte_udp heuristic on,
//   sequence analysis, the UE key table) tshark shows PDCP-LTE with the MAC-I of SRB PDUs checked, RRC (UPER,
//   and NAS in it) and the IP packets of the DRB, deciphered. The UE id is one per AS security context of a
//   device (a new one when its keys change, and one per RRC connection for the PDUs sent before AS security):
//   the key table is per UE id, and Wireshark's sequence analysis (which gives the COUNT) per UE id and
//   bearer. An attacker's frame carries the UE id of its device and direction at the attack's moment. Without
//   the profile tshark shows IP/UDP/data. exportLinkPdu() for Uu still names what the PDU holds readable
//   without keys (NAS in plain RRC -> "nas-eps", a plain DRB IPv4 packet -> "ip", anything else "data").
// - Backhaul and SGi: the IPv4 packet -> "ip", one frame per packet (no extra NAS frame): tshark shows IP /
//   UDP / GTP-U / inner IP / UDP / CoAP (OSCORE, DTLS), IP / SCTP / S1AP / NAS-EPS on S1-MME (S1AP in APER
//   with its NAS-PDU), IP / SCTP / Diameter on S6a, or ESP where NDS/IP protects the link (deciphered with
//   the profile's esp_sa table). S1AP and Diameter travel on SCTP (ports 36412 and 3868, PPIDs 18 and 46),
//   which tshark 4.0 decodes with no option. An eavesdropper's capture follows the same rule, so a rate-1
//   eavesdropper on a link captures what the link's file holds, one frame per attempt.
// - An insider's capture: "nas-eps" for the NAS PDUs its node holds, "ip" for the IP packets.
// - An active attacker's capture (tamper, replay, inject, downgrade): per attempt the original PDU and the
//   PDU it sent on, exported as on the link (Uu: in the PDCP-LTE framing above), each frame with a pcapng
//   comment saying what it is, what the attacker changed and what the receiver decided (AttemptFrames.h);
//   written once the decision is known.
// Timestamps are simulated time (microseconds from 0: Wireshark shows 1970-01-01 00:00:00 plus the run time).
#include "core/report/CaptureRecorder.h"

#include "core/InvalidInput.h"
#include "core/report/AttemptFrames.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace mtcsec::report {
namespace {

QString linkFileName(Link link)
{
    return QString::fromUtf8(name(link).data(), static_cast<qsizetype>(name(link).size())) +
           QStringLiteral(".pcap");
}

const QString kKeyLogName = QStringLiteral("keys.log");

} // namespace

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
    else
        packets = {exportNodeBytes(bytes, node && nasPdu)};
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
