// A packet capture writer: pcapng (IETF draft-ietf-opsawg-pcapng), one interface of link type 252 (Wireshark
// exported PDUs, wsutil/exported_pdu_tlvs.h), microsecond timestamps, an optional comment per packet;
// written through io::AtomicFile (complete or absent).
#pragma once

#include "core/crypto/Bytes.h"
#include "core/io/AtomicFile.h"

#include <QString>

#include <cstdint>
#include <memory>
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
    // Opens `path` for writing (a temporary file until commit()) and writes the file header: a pcapng section
    // header block and one interface description block (link type 252, snap length 262144, microseconds).
    // Throws InvalidInput "PATH: cannot write: why" (AtomicFile.h: a symbolic link or special file refused).
    explicit PcapWriter(const QString& path);
    // The same for the file `name` in an open folder.
    PcapWriter(std::shared_ptr<const io::OutputFolder> folder, const QString& name);
    // Without commit(): discards everything, leaving no file (a previous file stays).
    ~PcapWriter() = default;
    PcapWriter(const PcapWriter&) = delete;
    PcapWriter& operator=(const PcapWriter&) = delete;

    // One packet at `timeMicros` (microseconds since the epoch of the capture: simulated time; a negative
    // time is written as 0), handed by Wireshark to the dissector named `dissector` ("nas-eps", "ip", "data",
    // ...), with `comment` (UTF-8, shown by Wireshark as the frame's comment, tshark field frame.comment;
    // none when empty; cut to kMaxComment octets at a character boundary). A write error is kept and reported
    // by commit(), so that writing never throws in the middle of a run.
    void write(std::int64_t timeMicros, std::string_view dissector, ByteView bytes,
               const ExportTags& tags = {}, std::string_view comment = {});

    // The longest comment kept (a pcapng option's length is 16 bits, padded to 4 octets).
    static constexpr std::size_t kMaxComment = 65532;

    // Bounding open files (AtomicFile::suspend, flush); errors are kept for commit() as for write().
    void suspend();
    void flush();
    [[nodiscard]] bool isOpen() const { return file_ && file_->isOpen(); }
    [[nodiscard]] qsizetype buffered() const { return file_ ? file_->buffered() : 0; }

    // The first half of commit() (AtomicFile::finishWriting): everything on disk, nothing replaced yet.
    // Throws InvalidInput "PATH: cannot write: why" (the first error met while writing, if any).
    void finishWriting(io::AtomicFile::Sync sync = io::AtomicFile::Sync::Each);
    // Replaces the file atomically with what was written; throws InvalidInput "PATH: cannot write: why".
    void commit(io::AtomicFile::Sync sync = io::AtomicFile::Sync::Each);
    // Discards what was written (nothing is left, a previous file stays).
    void cancel();

    [[nodiscard]] std::uint64_t packets() const { return packets_; }
    [[nodiscard]] const QString& path() const { return path_; }
    [[nodiscard]] bool replacesExisting() const { return replacesExisting_; }

private:
    void writeHeader();
    void put(const QByteArray& bytes);
    template <typename F>
    void keepError(F&& step);

    QString path_;
    std::unique_ptr<io::AtomicFile> file_; // null once committed, cancelled or failed
    std::uint64_t packets_ = 0;
    bool replacesExisting_ = false;
    std::string error_; // the first write error
};

} // namespace mtcsec::report
