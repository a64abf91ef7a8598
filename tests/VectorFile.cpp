// Reader of tests/data/*.vec, on the parser the crypto lab uses too (core/crypto/TestSets.h).
#include "tests/VectorFile.h"

#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/crypto/TestSets.h"

#include <QFile>

#include <stdexcept>
#include <string_view>
#include <vector>

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
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot open " + path.toStdString());
    const QByteArray text = file.readAll();
    std::vector<crypto::TestSet> sets;
    try {
        sets =
            crypto::parseTestSets(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    } catch (const InvalidInput& e) {
        throw std::runtime_error(path.toStdString() + ": " + e.what());
    }
    if (sets.empty())
        throw std::runtime_error(path.toStdString() + ": no vectors");
    QList<Vector> vectors;
    vectors.reserve(static_cast<qsizetype>(sets.size()));
    for (const crypto::TestSet& set : sets) {
        Vector v{QString::fromStdString(set.name), {}};
        for (const auto& [key, value] : set.fields)
            v.fields.insert(QString::fromStdString(key), QString::fromStdString(value));
        vectors.append(std::move(v));
    }
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
