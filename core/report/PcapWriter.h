// A pcap writer: libpcap classic format, link type 252 (Wireshark exported PDUs, wsutil/exported_pdu_tlvs.h).
// Microsecond timestamps; written atomically through QSaveFile.
#pragma once

#include "core/crypto/Bytes.h"

#include <QSaveFile>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace mtcsec::report {

// Link type 252: each packet starts with type-length-value tags that tell Wireshark which dissector to call.
inline constexpr std::uint32_t kLinkTypeWiresharkUpperPdu = 252;
inline constexpr std::uint16_t kExpPduTagEndOfOpt = 0;
inline constexpr std::uint16_t kExpPduTagDissectorName = 12;
inline constexpr std::uint16_t kExpPduTagIpv4Src = 20;
inline constexpr std::uint16_t kExpPduTagIpv4Dst = 21;
inline constexpr std::uint16_t kExpPduTagColProtText = 33;

// Optional exported-PDU tags besides the dissector name.
struct ExportTags {
    // The source and destination of a packet without an IP header of its own (for example a NAS PDU taken out
    // of an S1AP message), shown in Wireshark's address columns: tags 20 and 21.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> ipv4;
    // Wireshark's Protocol column for a packet its dissector leaves blank ("data"): tag 33.
    std::string protocolColumn;
};

// The exported-PDU header of one packet: tag 12 with the dissector name, then the optional tags (strings
// zero-padded to a multiple of 4 octets, the padding counted in the length), then end-of-options 0,0,0,0.
[[nodiscard]] Bytes exportedPduHeader(std::string_view dissector, const ExportTags& tags = {});

class PcapWriter {
public:
    // Opens `path` for writing (a temporary file until commit()) and writes the file header.
    // Throws InvalidInput "PATH: cannot write: why".
    explicit PcapWriter(const QString& path);
    // Without commit(): discards everything, leaving no file.
    ~PcapWriter() = default;
    PcapWriter(const PcapWriter&) = delete;
    PcapWriter& operator=(const PcapWriter&) = delete;

    // One packet at `timeMicros` (microseconds since the epoch of the capture: simulated time), handed by
    // Wireshark to the dissector named `dissector` ("nas-eps", "ip", "data", ...). A write error is kept and
    // reported by commit(), so that writing never throws in the middle of a run.
    void write(std::int64_t timeMicros, std::string_view dissector, ByteView bytes,
               const ExportTags& tags = {});

    // Replaces the file atomically with what was written; throws InvalidInput "PATH: cannot write: why".
    void commit();
    // Discards what was written (nothing is left once the writer is destroyed).
    void cancel();

    [[nodiscard]] std::uint64_t packets() const { return packets_; }
    [[nodiscard]] const QString& path() const { return path_; }

private:
    void put(const QByteArray& bytes);

    QString path_;
    QSaveFile file_;
    std::uint64_t packets_ = 0;
    std::string error_; // the first write error
};

} // namespace mtcsec::report
