// pcapng files (IETF draft-ietf-opsawg-pcapng: section header, one interface description, enhanced packet
// blocks with opt_comment; little-endian) of exported PDUs (link type 252, Wireshark
// wsutil/exported_pdu_tlvs.h), written through io::AtomicFile.
#include "core/report/PcapWriter.h"

#include "core/InvalidInput.h"

namespace mtcsec::report {
namespace {

// Block types and option codes (draft-ietf-opsawg-pcapng sections 4.1, 4.2, 4.3 and 3.5).
constexpr std::uint32_t kSectionHeaderBlock = 0x0a0d0d0a;
constexpr std::uint32_t kInterfaceDescriptionBlock = 1;
constexpr std::uint32_t kEnhancedPacketBlock = 6;
constexpr std::uint32_t kByteOrderMagic = 0x1a2b3c4d;
constexpr std::uint16_t kPcapngMajor = 1;
constexpr std::uint16_t kPcapngMinor = 0;
constexpr std::uint16_t kOptEndOfOpt = 0;
constexpr std::uint16_t kOptComment = 1;
constexpr std::uint16_t kOptShbUserAppl = 4;
constexpr std::uint16_t kOptIfTsresol = 9;
constexpr std::uint32_t kSnapLength = 262144;
constexpr char kUserApplication[] = "mtcsec (MTC Security Lab)";

void le16(QByteArray& out, std::uint16_t v)
{
    out.append(static_cast<char>(v & 0xff));
    out.append(static_cast<char>(v >> 8));
}

void le32(QByteArray& out, std::uint32_t v)
{
    for (int shift = 0; shift < 32; shift += 8)
        out.append(static_cast<char>((v >> shift) & 0xff));
}

void pad4(QByteArray& out)
{
    while (out.size() % 4 != 0)
        out.append('\0');
}

// One option: code, length, value zero-padded to 4 octets.
void option(QByteArray& out, std::uint16_t code, QByteArrayView value)
{
    le16(out, code);
    le16(out, static_cast<std::uint16_t>(value.size()));
    out.append(value);
    pad4(out);
}

// A block: type, total length, body (a multiple of 4 octets), total length again.
QByteArray block(std::uint32_t type, const QByteArray& body)
{
    const auto total = static_cast<std::uint32_t>(12 + body.size());
    QByteArray out;
    out.reserve(static_cast<qsizetype>(total));
    le32(out, type);
    le32(out, total);
    out.append(body);
    le32(out, total);
    return out;
}

// At most `limit` octets of UTF-8 text, never ending inside a character.
std::string_view cutUtf8(std::string_view text, std::size_t limit)
{
    if (text.size() <= limit)
        return text;
    std::size_t n = limit;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xc0) == 0x80)
        --n;
    return text.substr(0, n);
}

void be16(Bytes& out, std::uint16_t v)
{
    out.push_back(static_cast<std::uint8_t>(v >> 8));
    out.push_back(static_cast<std::uint8_t>(v & 0xff));
}

void be32(Bytes& out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>((v >> shift) & 0xff));
}

} // namespace

Bytes exportedPduHeader(std::string_view dissector, const ExportTags& tags)
{
    Bytes out;
    const auto text = [&out](std::uint16_t tag, std::string_view value) {
        const std::size_t padded = (value.size() + 3) / 4 * 4;
        be16(out, tag);
        be16(out, static_cast<std::uint16_t>(padded));
        out.insert(out.end(), value.begin(), value.end());
        out.resize(out.size() + padded - value.size(), 0);
    };
    text(kExpPduTagDissectorName, dissector);
    if (tags.ipv4) {
        be16(out, kExpPduTagIpv4Src);
        be16(out, 4);
        be32(out, tags.ipv4->first);
        be16(out, kExpPduTagIpv4Dst);
        be16(out, 4);
        be32(out, tags.ipv4->second);
    }
    if (!tags.protocolColumn.empty())
        text(kExpPduTagColProtText, tags.protocolColumn);
    be16(out, kExpPduTagEndOfOpt);
    be16(out, 0);
    return out;
}

PcapWriter::PcapWriter(const QString& path)
    : path_(path)
    , file_(std::make_unique<io::AtomicFile>(path))
    , replacesExisting_(file_->replacesExisting())
{
    writeHeader();
}

PcapWriter::PcapWriter(std::shared_ptr<const io::OutputFolder> folder, const QString& name)
    : file_(std::make_unique<io::AtomicFile>(std::move(folder), name))
    , replacesExisting_(file_->replacesExisting())
{
    path_ = file_->path();
    writeHeader();
}

void PcapWriter::writeHeader()
{
    QByteArray section;
    le32(section, kByteOrderMagic);
    le16(section, kPcapngMajor);
    le16(section, kPcapngMinor);
    le32(section, 0xffffffff); // section length: not given (64 bits, -1)
    le32(section, 0xffffffff);
    option(section, kOptShbUserAppl, QByteArrayView(kUserApplication));
    option(section, kOptEndOfOpt, {});
    QByteArray interface;
    le16(interface, static_cast<std::uint16_t>(kLinkTypeWiresharkUpperPdu));
    le16(interface, 0); // reserved
    le32(interface, kSnapLength);
    option(interface, kOptIfTsresol, QByteArrayView("\x06", 1)); // 10^-6 s: microseconds (simulated time)
    option(interface, kOptEndOfOpt, {});
    put(block(kSectionHeaderBlock, section) + block(kInterfaceDescriptionBlock, interface));
}

template <typename F>
void PcapWriter::keepError(F&& step)
{
    if (!file_)
        return;
    try {
        step(*file_);
    } catch (const InvalidInput& e) {
        error_ = e.what();
        file_.reset(); // the temporary file is gone
    }
}

void PcapWriter::put(const QByteArray& bytes)
{
    keepError([&](io::AtomicFile& f) { f.write(bytes); });
}

void PcapWriter::suspend()
{
    keepError([](io::AtomicFile& f) { f.suspend(); });
}

void PcapWriter::flush()
{
    keepError([](io::AtomicFile& f) { f.flush(); });
}

void PcapWriter::write(std::int64_t timeMicros, std::string_view dissector, ByteView bytes,
                       const ExportTags& tags, std::string_view comment)
{
    if (!file_)
        return;
    Bytes packet = exportedPduHeader(dissector, tags);
    packet.insert(packet.end(), bytes.begin(), bytes.end());
    const auto length = static_cast<std::uint32_t>(packet.size());
    const auto t = static_cast<std::uint64_t>(timeMicros < 0 ? 0 : timeMicros);
    QByteArray body;
    body.reserve(
        static_cast<qsizetype>(20 + packet.size() + 3 + (comment.empty() ? 0 : comment.size() + 11)));
    le32(body, 0); // interface 0
    le32(body, static_cast<std::uint32_t>(t >> 32));
    le32(body, static_cast<std::uint32_t>(t & 0xffffffff));
    le32(body, length); // captured length
    le32(body, length); // original length
    body.append(reinterpret_cast<const char*>(packet.data()), static_cast<qsizetype>(packet.size()));
    pad4(body);
    if (!comment.empty()) {
        const std::string_view kept = cutUtf8(comment, kMaxComment);
        option(body, kOptComment, QByteArrayView(kept.data(), static_cast<qsizetype>(kept.size())));
        option(body, kOptEndOfOpt, {});
    }
    put(block(kEnhancedPacketBlock, body));
    ++packets_;
}

void PcapWriter::finishWriting(io::AtomicFile::Sync sync)
{
    keepError([sync](io::AtomicFile& f) { f.finishWriting(sync); });
    if (!error_.empty())
        throw InvalidInput(error_);
    if (!file_)
        throw InvalidInput(path_.toStdString() + ": cannot write: already closed");
}

void PcapWriter::commit(io::AtomicFile::Sync sync)
{
    finishWriting(sync);
    keepError([sync](io::AtomicFile& f) { f.commit(sync); });
    if (!error_.empty())
        throw InvalidInput(error_);
    file_.reset();
}

void PcapWriter::cancel()
{
    file_.reset(); // removes the temporary file
}

} // namespace mtcsec::report
