// pcap files (libpcap classic format, tcpdump.org "pcap-savefile", magic a1b2c3d4 written little-endian) of
// exported PDUs (link type 252, Wireshark wsutil/exported_pdu_tlvs.h), written through QSaveFile.
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

std::string cannotWrite(const QString& path, const QString& why)
{
    return path.toStdString() + ": cannot write: " + why.toStdString();
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
    , file_(path)
{
    if (!file_.open(QIODevice::WriteOnly))
        throw InvalidInput(cannotWrite(path_, file_.errorString()));
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

void PcapWriter::put(const QByteArray& bytes)
{
    if (error_.empty() && file_.write(bytes) != bytes.size())
        error_ = file_.errorString().toStdString();
}

void PcapWriter::write(std::int64_t timeMicros, std::string_view dissector, ByteView bytes,
                       const ExportTags& tags)
{
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

void PcapWriter::commit()
{
    if (!error_.empty()) {
        file_.cancelWriting(); // the destructor removes the temporary file
        throw InvalidInput(path_.toStdString() + ": cannot write: " + error_);
    }
    if (!file_.isOpen())
        throw InvalidInput(cannotWrite(path_, QStringLiteral("already closed")));
    if (!file_.commit())
        throw InvalidInput(cannotWrite(path_, file_.errorString()));
}

void PcapWriter::cancel()
{
    file_.cancelWriting(); // the destructor removes the temporary file
}

} // namespace mtcsec::report
