// Reads the pcapng files a capture writes (PcapWriter.h) without tshark: each frame's time, dissector,
// payload and comment, for tests that check captures frame by frame.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdint>
#include <vector>

namespace mtcsec::test {

// One frame of a pcapng file of exported PDUs, read here without tshark: the dissector named by tag 12, the
// payload after the tags, the comment.
struct Frame {
    std::int64_t timeMicros = 0;
    QString dissector;
    QByteArray payload;
    QString comment;
};

inline quint32 le32(const QByteArray& b, qsizetype at)
{
    return static_cast<quint32>(static_cast<quint8>(b[at])) |
           static_cast<quint32>(static_cast<quint8>(b[at + 1])) << 8 |
           static_cast<quint32>(static_cast<quint8>(b[at + 2])) << 16 |
           static_cast<quint32>(static_cast<quint8>(b[at + 3])) << 24;
}

inline quint16 le16(const QByteArray& b, qsizetype at)
{
    return static_cast<quint16>(static_cast<quint8>(b[at]) | static_cast<quint8>(b[at + 1]) << 8);
}

inline quint16 be16(const QByteArray& b, qsizetype at)
{
    return static_cast<quint16>(static_cast<quint8>(b[at]) << 8 | static_cast<quint8>(b[at + 1]));
}

// The enhanced packet blocks of a little-endian pcapng file; empty with `error` set when it is not one.
inline std::vector<Frame> readPcapng(const QString& path, QString& error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = path + QStringLiteral(": cannot read");
        return {};
    }
    const QByteArray b = f.readAll();
    std::vector<Frame> frames;
    if (b.size() < 12 || le32(b, 0) != 0x0a0d0d0a || le32(b, 8) != 0x1a2b3c4d) {
        error = path + QStringLiteral(": not a little-endian pcapng file");
        return {};
    }
    qsizetype at = 0;
    while (at + 12 <= b.size()) {
        const quint32 type = le32(b, at);
        const quint32 length = le32(b, at + 4);
        if (length < 12 || length % 4 != 0 || at + length > b.size() || le32(b, at + length - 4) != length) {
            error = path + QStringLiteral(": bad block at %1").arg(at);
            return {};
        }
        if (type == 6) {
            Frame fr;
            fr.timeMicros =
                static_cast<std::int64_t>(static_cast<quint64>(le32(b, at + 12)) << 32 | le32(b, at + 16));
            const quint32 captured = le32(b, at + 20);
            const QByteArray data = b.mid(at + 28, captured);
            qsizetype t = 0;
            while (t + 4 <= data.size() && be16(data, t) != 0) {
                const quint16 tag = be16(data, t);
                const quint16 len = be16(data, t + 2);
                if (tag == 12)
                    fr.dissector = QString::fromLatin1(data.mid(t + 4, len)).remove(QChar(0));
                t += 4 + len;
            }
            fr.payload = data.mid(t + 4);
            qsizetype o = at + 28 + (captured + 3) / 4 * 4;
            while (o + 4 <= at + length - 4) {
                const quint16 code = le16(b, o);
                const quint16 len = le16(b, o + 2);
                if (code == 0)
                    break;
                if (code == 1)
                    fr.comment = QString::fromUtf8(b.mid(o + 4, len));
                o += 4 + (len + 3) / 4 * 4;
            }
            frames.push_back(fr);
        }
        at += length;
    }
    return frames;
}

} // namespace mtcsec::test
