// The message sequence chart of one device (the ladder of Wireshark's flow graph and OMNeT++'s sequence
// chart, with the security of each hop): every PDU of the device as an arrow between two of device, eNB, MME,
// HSS, S-GW, P-GW and server, labelled with the message and the protection it really travelled under (PDCP
// and NAS of TS 33.401 7.2.4, ESP of NDS/IP TS 33.210, the end-to-end layer), with what attackers did to it
// (read, changed, replayed, forged) and what its receiver decided (accepted, or dropped by which check).
// Built from the engine's events and the inspector's PDU records only; no widget, so that it is testable
// alone.
#pragma once

#include "core/engine/Engine.h"
#include "core/engine/EventLog.h"

#include <QObject>
#include <QString>

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace mtcsec::ui {

// What an attacker did to one PDU (or, for an insider, at a node while the PDU passed).
struct ChartIntervention {
    enum class Kind : std::uint8_t { Read, Changed, Replayed, Forged, Insider };
    Kind kind = Kind::Read;
    QString attack;          // the attacker's id, "a1"
    QString text;            // "read a secret: IMSI", "flipped bit 0 of octet 37"
    std::uint32_t octet = 0; // Changed by a tamperer: the octet flipped (bit 0)
    bool tampered = false;   // Changed by flipping a bit (not by a downgrade)
    bool secret = false;     // Read/Insider: a secret was read
};

// One row of the chart: an arrow (a PDU on a link) or a note on one node's lifeline.
struct ChartRow {
    enum class Type : std::uint8_t { Arrow, Note };
    enum class Outcome : std::uint8_t { Pending, Accepted, Dropped, Unknown };
    Type type = Type::Arrow;
    engine::SimTime time = 0;
    Node from = Node::Device; // Arrow: sender; Note: the node
    Node to = Node::Device;   // Arrow: receiver
    // Arrow only:
    std::uint32_t pdu = 0;
    Link link = Link::Uu;
    bool downlink = false;
    std::uint32_t octets = 0;
    QString message;    // "Attach request", "reading t=+21.5;alarm=0"
    QString protection; // "PDCP EIA2+EEA2 · NAS EIA2+EEA2", "ESP AES-GCM", "none"
    bool data = false;  // carries application data (a reading or a command)
    std::vector<ChartIntervention> interventions;
    Outcome outcome = Outcome::Pending;
    QString check; // Dropped: which check refused it ("PDCP MAC-I (integrity)")
    // The end-to-end mode in force when the receiver decided (when it was sent, until the drop is known).
    AppProtection endToEnd;
    bool altered = false; // Accepted with content other than what the sender put in
    // The application message whose first hop this is (the value of UplinkSent or DownlinkSent), 0 if none.
    std::uint32_t applicationMessage = 0;
    std::shared_ptr<const engine::PduRecord> record; // once known (for Follow this reading)
    bool attachPhase = false; // sent during the device's attach (names ciphered NAS messages)
    bool recordKnown = false;
    // Note only:
    QString note;
    bool alarm = false; // a note worth attention (an attack succeeded, a message lost, an altered delivery)
};

class SequenceChartModel : public QObject {
    Q_OBJECT
public:
    explicit SequenceChartModel(QObject* parent = nullptr);

    // Starts over with `device` (0-based); rows of other devices are never kept.
    void reset(std::uint32_t device);
    [[nodiscard]] std::uint32_t device() const { return device_; }
    // Stops taking rows after the device's first attach has completed or failed (a report's figure).
    void setFirstAttachOnly(bool on) { firstAttachOnly_ = on; }
    // The end-to-end protection the run started with and every change applied since (RunSummary::
    // initialProtection and changes: the scenario's timeline and live changes, in order), so that a dropped
    // PDU names the check of the mode in force when it was decided. Call before addEvents with the events of
    // those changes; without it the mode is `none` throughout.
    void setProtectionHistory(const AppProtection& initial, const std::vector<ProtectionChange>& changes);
    [[nodiscard]] bool complete() const { return complete_; }

    // New events of the run, in order; attackIds maps LogEvent::attack to the attacker's id.
    void addEvents(std::span<const engine::LogEvent> events, const std::vector<std::string>& attackIds);
    // What the engine kept about a PDU (its bytes, the sender's and receiver's views, the receiver's
    // decision); ignored if the PDU is not in the chart. Until a record comes, an arrow is labelled with its
    // link only.
    void addRecord(const engine::PduRecord& record);
    // The engine no longer keeps this PDU: its arrow stays as far as the events tell.
    void recordMissing(std::uint32_t pdu);
    // PDUs whose record the chart still needs (new, or not yet arrived), at most `limit`.
    [[nodiscard]] std::vector<std::uint32_t> wantedRecords(std::size_t limit = 64) const;

    [[nodiscard]] const std::deque<ChartRow>& rows() const { return rows_; }
    // The row of a PDU's arrow, or -1.
    [[nodiscard]] int rowOfPdu(std::uint32_t pdu) const;
    // The arrows that carried the same application message as the arrow at `row` (its hops, replayed copies
    // included), in order; empty if that arrow carries none.
    [[nodiscard]] std::vector<int> messagePath(int row) const;

    // The most rows kept (the oldest go first).
    static constexpr std::size_t kMaxRows = 4000;

    // The two ends of a link in a direction (uplink: towards the server or the HSS).
    [[nodiscard]] static std::pair<Node, Node> endsOf(Link link, bool downlink);
    // The protection a PDU really travelled under on its hop, from its bytes: "PDCP EIA2+EEA2 · NAS
    // EIA2+EEA2", "PDCP EEA2 · E2E C+I+R", "ESP AES-GCM", "none". `nasAlgorithms` and `asAlgorithms` name
    // what the device's last Security Mode Commands selected ("EIA2+EEA2"), or are empty.
    [[nodiscard]] static QString protectionOf(const engine::PduRecord& record, const QString& nasAlgorithms,
                                              const QString& asIntegrity, const QString& asCiphering,
                                              const QString& upCiphering);
    // The message a PDU carries, from the sender's view: "Attach request", "InitialContextSetupRequest",
    // "reading t=+21.5;alarm=0"; ciphered NAS during an attach is named by its place in the procedure.
    [[nodiscard]] static QString messageOf(const engine::PduRecord& record, bool attachPhase);
    // The check of the receiver that refused a PDU, in words; `endToEnd` is the end-to-end mode in force when
    // it was decided and names the check of an application-layer drop: the AES-CCM tag of OSCORE (RFC 8613
    // 8.2/8.4) and its replay window (7.4), the DTLS record's AEAD tag (AES-128-CCM_8, RFC 6347 4.1.2.1) and
    // record replay window (4.1.2.6), or the teaching header's AES-GCM or AES-CMAC tag and replay window.
    [[nodiscard]] static QString checkOf(const engine::PduRecord& record, const AppProtection& endToEnd = {});

signals:
    // Rows were added or changed (coalesce: it comes once per addEvents or addRecord call that changed
    // something).
    void changed();

private:
    void addRow(ChartRow row);
    void addNote(const engine::LogEvent& e, const QString& text, bool alarm = false);
    ChartRow* arrowOf(std::uint32_t pdu);

    // The end-to-end mode at the event being read: the change in force (-1: the initial mode).
    [[nodiscard]] const AppProtection& endToEndNow() const;
    void advanceEndToEnd(const engine::LogEvent& e);

    std::uint32_t device_ = 0;
    AppProtection initialApp_;
    std::vector<std::pair<engine::SimTime, AppProtection>> appChanges_;
    std::ptrdiff_t appChange_ = -1;
    std::deque<ChartRow> rows_;
    std::size_t dropped_ = 0; // rows removed from the front
    bool firstAttachOnly_ = false;
    bool complete_ = false;
    bool attaching_ = false;
    QString nasAlgorithms_;
    QString asIntegrity_, asCiphering_, upCiphering_;
    // An attacker's replay or forgery announced just before its PDU is sent.
    int pendingOriginAttack_ = -1;
    ChartIntervention::Kind pendingOrigin_ = ChartIntervention::Kind::Replayed;
    // Application messages sent but whose first PDU is not in the chart yet: record per direction.
    std::array<std::uint32_t, 2> pendingRecord_{};
    // Attackers' reads and changes logged before the PDU they are about.
    std::vector<std::pair<std::uint32_t, ChartIntervention>> pendingInterventions_;
    std::unordered_map<std::uint32_t, std::size_t> arrowIndex_; // PDU -> row + dropped_
};

} // namespace mtcsec::ui
