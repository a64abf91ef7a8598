// pcap files (libpcap classic format, tcpdump.org "pcap-savefile", magic a1b2c3d4 written little-endian) of
// exported PDUs (link type 252, Wireshark wsutil/exported_pdu_tlvs.h), written through io::AtomicFile.
#include "core/report/PcapWriter.h"

#include "core/InvalidInput.h"

namespace mtcsec::report {
namespace {

constexpr std::uint32_t kPcapMagic = 0xa1b2c3d4; // microsecond timestamps
constexpr std::uint16_t kPcapMajor = 2;
constexpr std::uint16_t kPcapMinor = 4;
constexpr std::uint32_t kSnapLength = 262144;

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
    QByteArray header;
    le32(header, kPcapMagic);
    le16(header, kPcapMajor);
    le16(header, kPcapMinor);
    le32(header, 0); // thiszone: timestamps are UTC (here: simulated time from 0)
    le32(header, 0); // sigfigs
    le32(header, kSnapLength);
    le32(header, kLinkTypeWiresharkUpperPdu);
    put(header);
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
                       const ExportTags& tags)
{
    if (!file_)
        return;
    Bytes packet = exportedPduHeader(dissector, tags);
    packet.insert(packet.end(), bytes.begin(), bytes.end());
    const auto length = static_cast<std::uint32_t>(packet.size());
    const std::int64_t t = timeMicros < 0 ? 0 : timeMicros;
    QByteArray record;
    record.reserve(static_cast<qsizetype>(16 + packet.size()));
    le32(record, static_cast<std::uint32_t>(t / 1'000'000));
    le32(record, static_cast<std::uint32_t>(t % 1'000'000));
    le32(record, length); // captured length
    le32(record, length); // original length
    record.append(reinterpret_cast<const char*>(packet.data()), static_cast<qsizetype>(packet.size()));
    put(record);
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
