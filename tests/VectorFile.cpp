// Reader of tests/data/*.vec.
#include "tests/VectorFile.h"

#include "core/crypto/Hex.h"

#include <QFile>
#include <QTextStream>

#include <stdexcept>

namespace mtcsec::test {

QString Vector::operator[](const QString& key) const
{
    const auto it = fields.constFind(key);
    if (it == fields.constEnd())
        throw std::runtime_error("vector " + name.toStdString() + " has no field " + key.toStdString());
    return *it;
}

QList<Vector> readVectors(const QString& fileName)
{
    const QString path = QStringLiteral(MTCSEC_TEST_DATA_DIR "/") + fileName;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw std::runtime_error("cannot open " + path.toStdString());
    QList<Vector> vectors;
    QTextStream in(&file);
    int lineNumber = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        ++lineNumber;
        const auto where = [&] {
            return path.toStdString() + ":" + std::to_string(lineNumber) + ": ";
        };
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            vectors.append(Vector{line.mid(1, line.size() - 2), {}});
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0 || vectors.isEmpty())
            throw std::runtime_error(where() + "expected [name] or Key = value");
        const QString key = line.left(eq).trimmed();
        if (vectors.last().fields.contains(key))
            throw std::runtime_error(where() + "field " + key.toStdString() + " given twice");
        vectors.last().fields.insert(key, line.mid(eq + 1).trimmed());
    }
    if (vectors.isEmpty())
        throw std::runtime_error(path.toStdString() + ": no vectors");
    return vectors;
}

Bytes hex(const QString& text)
{
    return fromHex(text.toStdString(), "test vector");
}

QString str(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}

crypto::AlgorithmInput algorithmInput(const Vector& v)
{
    return {v[QStringLiteral("Count")].toUInt(nullptr, 16),
            static_cast<std::uint8_t>(v[QStringLiteral("Bearer")].toUInt(nullptr, 16)),
            static_cast<crypto::Direction>(v[QStringLiteral("Direction")].toUInt())};
}

} // namespace mtcsec::test
