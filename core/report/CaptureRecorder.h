// The capture sink writing a run's pcaps (PcapWriter.h; one per link, one per attacker) and a key log.
// Files go into one folder, in forms tshark 4.0 decodes without options; see CaptureRecorder.cpp for what
// each capture holds.
#pragma once

#include "core/engine/CaptureSink.h"
#include "core/io/AtomicFile.h"
#include "core/report/ExportedPdu.h"
#include "core/report/PcapWriter.h"
#include "core/report/WiresharkProfile.h"

#include <QString>
#include <QStringList>

#include <array>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec::report {

class AttemptFrames;

// Every file goes through io::AtomicFile: complete or absent, never a symbolic link or special file
// replaced. Open files stay bounded whatever the number of attackers: at most Limits::openAttackFiles
// attacker captures are open at a time (least recently used closed first, reopened in append mode), and at
// most Limits::bufferedBytes of their packets wait in memory (then all are written out). An active attacker's
// frames (tamper, replay, inject, downgrade: the PDU before and after, AttemptFrames.h) wait until the
// receiver has decided on the attempt, at most Limits::heldBytes of them (then the oldest are written
// undecided, saying so).
class CaptureRecorder : public engine::CaptureSink {
public:
    struct Limits {
        std::size_t openAttackFiles = 32;
        qsizetype bufferedBytes = qsizetype{32} * 1024 * 1024;
        qsizetype heldBytes = qsizetype{8} * 1024 * 1024;
    };

    // Opens DIR/Uu.pcap, S1-MME.pcap, S1-U.pcap, S6a.pcap, S5.pcap, SGi.pcap and keys.log (temporary until
    // commit()). Throws InvalidInput "DIR: cannot write: the folder does not exist" (or "is not a folder",
    // "is a symbolic link (not followed)", "is not writable: why"), or "DIR/FILE: cannot write: why" when a
    // file there is a symbolic link or special file.
    explicit CaptureRecorder(const QString& directory);
    CaptureRecorder(const QString& directory, Limits limits);
    // Without commit(): discards everything, leaving no file (files there before stay as they were).
    ~CaptureRecorder() override;
    CaptureRecorder(const CaptureRecorder&) = delete;
    CaptureRecorder& operator=(const CaptureRecorder&) = delete;

    void linkPdu(const engine::PduRecord& pdu) override;
    void attackerCapture(const std::string& attackId, engine::SimTime time, std::optional<Link> link,
                         std::optional<Node> node, ByteView bytes, bool nasPdu) override;
    void keysInForce(engine::SimTime time, std::uint32_t device, const std::string& where,
                     const std::string& keys) override;
    void attackerAction(const engine::AttackerAction& action) override;
    void attemptDecided(const engine::AttemptDecision& decision) override;
    void deviceIdentity(std::uint32_t device, const engine::DeviceIdentity& identity) override;
    void uuSecurity(engine::SimTime time, std::uint32_t device, bool downlink,
                    const protocol::AsSecurityContext& as) override;
    void espSecurityAssociation(engine::SimTime time, Link link, bool downlink,
                                const protocol::EspSa& sa) override;

    // The Wireshark profile written next to the captures (DIR/wireshark/profiles/mtcsec, WiresharkProfile.h):
    // the recorder fills it from what the engine reports (PDCP-LTE UE keys, ESP SAs, and from the key lines
    // the OSCORE contexts and the DTLS key log); other code may add to it (a DTLS PSK) before prepare().
    [[nodiscard]] WiresharkProfile& wiresharkProfile() { return profile_; }

    // First half of finish(): every file written out, fsynced and closed, none replaced yet (the Wireshark
    // profile too: its folders DIR/wireshark/profiles/mtcsec are created here). On a failure
    // discards every file and throws InvalidInput "FILE: cannot write: why" (the first error met, also one
    // deferred from the run). Nothing is recorded afterwards.
    void prepare();
    // Second half: renames every file into place. On a failure removes the files it put in place that did
    // not exist before, discards the rest and throws InvalidInput "FILE: cannot write: why".
    void commit();
    // prepare() then commit().
    void finish();
    // After commit(): the files it wrote that did not exist before.
    [[nodiscard]] const QStringList& createdFiles() const { return created_; }
    // After commit(): the Wireshark profile's folders it made (deepest last), which removing createdFiles()
    // leaves behind.
    [[nodiscard]] const std::vector<QString>& createdFolders() const { return createdFolders_; }

    [[nodiscard]] const QString& directory() const { return directory_; }
    // The file name of an attacker's capture: "attack-<id>.pcap", characters other than letters, digits, '.',
    // '-' and '_' replaced by '_'.
    [[nodiscard]] static QString attackFileName(const std::string& attackId);
    // Checks before a run, writing nothing, that a capture into `directory` for these attacks could be
    // written: the folder exists (not a symbolic link) and is writable, or is absent and its parent folder
    // exists and is writable; each file it would write there is absent or a regular file, and the Wireshark
    // profile's folders (wireshark/profiles/mtcsec) are absent or folders. Throws as the constructor.
    static void checkFolder(const QString& directory, const std::vector<std::string>& attackIds);

private:
    enum class State { Recording, Prepared, Done };

    PcapWriter& attackWriter(const std::string& attackId);
    void written(PcapWriter& writer, qsizetype bufferedBefore);
    void makeRoom();
    void markOpen(PcapWriter& writer);
    void flushAttacks();
    void discardAll();
    void writeKeyLine(const std::string& line);
    // The UE id of the PDUs `device`'s sender protects with `as`: one per AS security context (a new id for
    // keys and algorithms not seen before in this RRC connection); 0 once all 65535 ids are used.
    std::uint16_t ueIdFor(std::uint32_t device, const protocol::AsSecurityContext& as);
    std::uint16_t newUeId();
    // Fills the profile's PDCP-LTE key table from the contexts met (see the .cpp).
    void completeProfile();

    // One AS security context met: its UE id and keys.
    struct AsContextRow {
        std::uint16_t ueId = 0;
        protocol::AsSecurityContext as;
    };
    // Per device: its identity, and the UE id each Uu direction's sender uses now (UuFrame::ueId).
    struct DeviceState {
        engine::DeviceIdentity identity;
        std::uint16_t uplinkUe = 0;
        std::uint16_t downlinkUe = 0;
        std::vector<std::size_t> contexts; // in asContexts_, this RRC connection's
    };
    std::vector<AsContextRow> asContexts_;
    std::map<std::uint32_t, DeviceState> devices_;
    // An eavesdropper's Uu captures wait for the engine's linkPdu() of the same PDU, which follows at once
    // and tells the direction and the device: (attack id, time, bytes).
    struct PendingUu {
        std::string attackId;
        engine::SimTime time = 0;
        Bytes bytes;
    };
    std::vector<PendingUu> pendingUu_;
    // Writes frames to an attacker's capture, each with `comment` (none when empty); a write error is kept
    // for prepare() (a sink must not throw in the middle of the engine's event).
    void writeAttack(const std::string& attackId, engine::SimTime time, std::span<const ExportedPdu> packets,
                     std::string_view comment = {});
    [[nodiscard]] UuFrame uuFrame(std::uint32_t device, bool downlink) const;
    std::uint32_t nextUeId_ = 1;
    std::set<std::string>
        oscoreContexts_;            // sender ID and Master Secret of each OSCORE context in the profile
    bool hasTlsKeyLog_ = false;     // a DTLS association's secrets are in the profile
    bool nasNullCiphering_ = false; // some device's NAS security context ran with EEA0
    WiresharkProfile profile_;
    std::unique_ptr<WiresharkProfileWriter> profileWriter_;

    QString directory_;
    Limits limits_;
    std::shared_ptr<const io::OutputFolder> folder_;
    int syncHandle_ = -1; // io::openSyncHandle(): late write errors since the capture started
    std::array<std::unique_ptr<PcapWriter>, kLinkCount> links_;
    std::map<std::string, std::unique_ptr<PcapWriter>> attacks_;
    std::set<QString> attackNames_;           // file names taken by attack captures
    std::vector<PcapWriter*> openAttacks_;    // least recently used first, at most limits_.openAttackFiles
    qsizetype attackBuffered_ = 0;            // bytes held in memory by attack captures
    std::unique_ptr<AttemptFrames> attempts_; // active attackers' frames waiting for decisions
    std::unique_ptr<io::AtomicFile> keys_;
    bool keysReplaceExisting_ = false;
    std::string error_; // the first deferred write error, "FILE: cannot write: why"
    State state_ = State::Recording;
    QStringList created_;
    std::vector<QString> createdFolders_;
};

} // namespace mtcsec::report
