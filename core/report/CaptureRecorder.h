// The capture sink writing a run's pcaps (PcapWriter.h; one per link, one per attacker) and a key log.
// Files go into one folder, in forms tshark 4.0 decodes without options; see CaptureRecorder.cpp for what
// each capture holds.
#pragma once

#include "core/engine/CaptureSink.h"
#include "core/report/PcapWriter.h"

#include <QSaveFile>
#include <QString>

#include <array>
#include <map>
#include <memory>
#include <string>

namespace mtcsec::report {

// What a capture file holds for one PDU: the dissector Wireshark is told to use and the bytes it gets.
struct ExportedPdu {
    std::string dissector; // "ip", "nas-eps" or "data"
    Bytes bytes;
    ExportTags tags; // addresses for a NAS PDU taken out of an IP packet, "PDCP" for an opaque Uu PDU
};

// The packets a capture on `link` holds for one PDU as on the wire (see CaptureRecorder.cpp for the choice).
[[nodiscard]] std::vector<ExportedPdu> exportLinkPdu(Link link, ByteView pdu);

class CaptureRecorder : public engine::CaptureSink {
public:
    // Opens DIR/Uu.pcap, S1-MME.pcap, S1-U.pcap, S6a.pcap, S5.pcap, SGi.pcap and keys.log (temporary until
    // finish()). Throws InvalidInput "DIR: cannot write captures: why" when DIR is not a writable folder.
    explicit CaptureRecorder(const QString& directory);
    // Without finish(): discards everything, leaving no file.
    ~CaptureRecorder() override;
    CaptureRecorder(const CaptureRecorder&) = delete;
    CaptureRecorder& operator=(const CaptureRecorder&) = delete;

    void linkPdu(const engine::PduRecord& pdu) override;
    void attackerCapture(const std::string& attackId, engine::SimTime time, std::optional<Link> link,
                         std::optional<Node> node, ByteView bytes, bool nasPdu) override;
    void keysInForce(engine::SimTime time, std::uint32_t device, const std::string& where,
                     const std::string& keys) override;

    // Commits every file; on a failure removes those already committed and throws InvalidInput
    // "FILE: cannot write: why". Nothing is written after finish().
    void finish();

    [[nodiscard]] const QString& directory() const { return directory_; }
    // The file name of an attacker's capture: "attack-<id>.pcap", characters other than letters, digits, '.',
    // '-' and '_' replaced by '_'.
    [[nodiscard]] static QString attackFileName(const std::string& attackId);

private:
    PcapWriter& attackWriter(const std::string& attackId);

    QString directory_;
    std::array<std::unique_ptr<PcapWriter>, kLinkCount> links_;
    std::map<std::string, std::unique_ptr<PcapWriter>> attacks_;
    std::unique_ptr<QSaveFile> keys_;
    std::string error_; // the first deferred write error, "FILE: cannot write: why"
    bool finished_ = false;
};

} // namespace mtcsec::report
