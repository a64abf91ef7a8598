// Reader of the known-answer vector files under tests/data/ ("[name]" sections of "Key = value" lines,
// "#" comments), in the manner of Botan's src/tests/data/*.vec.
#pragma once

#include "core/crypto/AlgorithmInput.h"
#include "core/crypto/Bytes.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace mtcsec::test {

struct Vector {
    QString name;
    QMap<QString, QString> fields;

    // The field's value; a missing field is a broken vector file and fails loudly.
    [[nodiscard]] QString operator[](const QString& key) const;
};

// Reads tests/data/<fileName>. Throws std::runtime_error naming the file and line of a syntax error.
[[nodiscard]] QList<Vector> readVectors(const QString& fileName);

// Hex field text -> octets (a malformed vector file throws InvalidInput).
[[nodiscard]] Bytes hex(const QString& text);
// Octets -> lowercase hex, for QCOMPARE against a vector's field.
[[nodiscard]] QString str(ByteView bytes);
// COUNT, BEARER (hex) and DIRECTION of an EEA/EIA vector.
[[nodiscard]] crypto::AlgorithmInput algorithmInput(const Vector& v);

} // namespace mtcsec::test

Q_DECLARE_METATYPE(mtcsec::test::Vector)
