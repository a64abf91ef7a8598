// PerWriter and PerReader (ITU-T X.691 bit-fields, alignment, constrained whole numbers, length determinants,
// octets, octet strings and open types), which write and read whole runs of bits and octets at once, against
// a bit-by-bit reference (the way they were written before) on random sequences of operations in both
// variants, at aligned and unaligned positions: the same encodings, the same values, the same refusals, the
// same positions, also on damaged encodings and on random octets.
#include "core/InvalidInput.h"
#include "core/protocol/PerBits.h"

#include <QtTest>

#include <bit>
#include <random>
#include <string>
#include <vector>

using namespace mtcsec;
using namespace mtcsec::protocol;

namespace {

// ------------------------------------------------------------------ the reference: one bit at a time

unsigned refBitsForRange(std::uint64_t range)
{
    return range <= 1 ? 0 : static_cast<unsigned>(std::bit_width(range - 1));
}

unsigned refOctetsFor(std::uint64_t v)
{
    return v == 0 ? 1 : static_cast<unsigned>((std::bit_width(v) + 7) / 8);
}

class RefWriter {
public:
    explicit RefWriter(PerVariant variant)
        : variant_(variant)
    {}
    void bits(std::uint64_t value, unsigned count)
    {
        for (unsigned i = count; i-- > 0;) {
            if (bits_ % 8 == 0)
                out_.push_back(0);
            if ((value >> i & 1) != 0)
                out_.back() = static_cast<std::uint8_t>(out_.back() | 0x80u >> (bits_ % 8));
            ++bits_;
        }
    }
    void align()
    {
        if (variant_ == PerVariant::Aligned && bits_ % 8 != 0)
            bits_ += 8 - bits_ % 8;
    }
    void constrainedWholeNumber(std::uint64_t value, std::uint64_t lb, std::uint64_t ub)
    {
        if (value < lb || value > ub)
            throw InvalidInput("PER integer: " + std::to_string(value) + " outside " + std::to_string(lb) +
                               ".." + std::to_string(ub));
        const std::uint64_t range = ub - lb + 1;
        const std::uint64_t offset = value - lb;
        if (variant_ == PerVariant::Unaligned || range <= 255) {
            bits(offset, refBitsForRange(range));
        } else if (range <= 65536) {
            align();
            bits(offset, range == 256 ? 8 : 16);
        } else {
            const unsigned n = refOctetsFor(offset);
            constrainedWholeNumber(n, 1, refOctetsFor(ub - lb));
            align();
            bits(offset, 8 * n);
        }
    }
    void lengthDeterminant(std::size_t n)
    {
        if (n >= 16384)
            throw InvalidInput("PER length: " + std::to_string(n) +
                               " is 16384 or more (fragmentation is not supported)");
        align();
        if (n < 128)
            bits(n, 8);
        else
            bits(0x8000u | n, 16);
    }
    void octets(ByteView data)
    {
        for (const std::uint8_t b : data)
            bits(b, 8);
    }
    void octetString(ByteView data)
    {
        lengthDeterminant(data.size());
        align();
        octets(data);
    }
    [[nodiscard]] Bytes finish() const { return out_.empty() ? Bytes{0} : out_; }
    [[nodiscard]] std::size_t bitCount() const { return bits_; }

private:
    PerVariant variant_;
    Bytes out_;
    std::size_t bits_ = 0;
};

class RefReader {
public:
    RefReader(ByteView data, PerVariant variant)
        : data_(data)
        , variant_(variant)
    {}
    bool bits(unsigned count, std::uint64_t& value)
    {
        if (!ok_ || count > 64 || data_.size() * 8 - pos_ < count)
            return fail();
        value = 0;
        for (unsigned i = 0; i < count; ++i, ++pos_)
            value = value << 1 | (data_[pos_ / 8] >> (7 - pos_ % 8) & 1u);
        return true;
    }
    bool align()
    {
        if (variant_ == PerVariant::Unaligned || pos_ % 8 == 0)
            return ok_;
        std::uint64_t padding = 0;
        return bits(static_cast<unsigned>(8 - pos_ % 8), padding) && (padding == 0 || fail());
    }
    bool constrainedWholeNumber(std::uint64_t lb, std::uint64_t ub, std::uint64_t& value)
    {
        if (!ok_ || ub < lb)
            return fail();
        const std::uint64_t range = ub - lb + 1;
        std::uint64_t offset = 0;
        if (variant_ == PerVariant::Unaligned || range <= 255) {
            if (!bits(refBitsForRange(range), offset))
                return false;
        } else if (range <= 65536) {
            if (!align() || !bits(range == 256 ? 8 : 16, offset))
                return false;
        } else {
            std::uint64_t n = 0;
            if (!constrainedWholeNumber(1, refOctetsFor(ub - lb), n) || !align() ||
                !bits(static_cast<unsigned>(8 * n), offset))
                return false;
            if (refOctetsFor(offset) != n)
                return fail();
        }
        if (offset > ub - lb)
            return fail();
        value = lb + offset;
        return true;
    }
    bool lengthDeterminant(std::size_t& n)
    {
        std::uint64_t first = 0;
        if (!align() || !bits(8, first))
            return false;
        if ((first & 0x80) == 0) {
            n = first;
            return true;
        }
        std::uint64_t second = 0;
        if ((first & 0xc0) != 0x80 || !bits(8, second))
            return fail();
        n = static_cast<std::size_t>((first & 0x3f) << 8 | second);
        return n >= 128 || fail();
    }
    bool octets(std::size_t n, Bytes& data)
    {
        if (!ok_ || (data_.size() * 8 - pos_) / 8 < n)
            return fail();
        data.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            std::uint64_t b = 0;
            bits(8, b);
            data[i] = static_cast<std::uint8_t>(b);
        }
        return true;
    }
    bool octetString(Bytes& data)
    {
        std::size_t n = 0;
        return lengthDeterminant(n) && align() && octets(n, data);
    }
    [[nodiscard]] bool atPaddedEnd() const
    {
        if (!ok_)
            return false;
        if (pos_ == 0)
            return data_.size() == 1 && data_[0] == 0;
        const std::size_t left = data_.size() * 8 - pos_;
        return left < 8 && (left == 0 || (data_.back() & ((1u << left) - 1)) == 0);
    }
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] std::size_t bitPosition() const { return pos_; }

private:
    bool fail()
    {
        ok_ = false;
        return false;
    }
    ByteView data_;
    PerVariant variant_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

// ------------------------------------------------------------------ random sequences of operations

enum class OpKind { Bits, Align, Integer, Length, Octets, OctetString, OpenType };

struct Op {
    OpKind kind = OpKind::Bits;
    unsigned count = 0;
    std::uint64_t value = 0;
    std::uint64_t lb = 0;
    std::uint64_t ub = 0;
    Bytes data;
    std::vector<Op> inner; // OpenType: what its value holds
};

class Generator {
public:
    explicit Generator(std::uint64_t seed)
        : rng_(seed)
    {}

    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : rng_() % n; }
    bool oneIn(std::uint64_t n) { return below(n) == 0; }

    Bytes octets(std::size_t n)
    {
        Bytes b(n);
        for (auto& x : b)
            x = static_cast<std::uint8_t>(rng_());
        return b;
    }

    std::size_t length()
    {
        if (oneIn(8))
            return 120 + below(30); // across the two-octet form
        if (oneIn(60))
            return 300 + below(200);
        return below(20);
    }

    void bounds(Op& op)
    {
        switch (below(6)) {
        case 0: // a bit-field
            op.lb = below(1000);
            op.ub = op.lb + below(255);
            break;
        case 1: // exactly 256 values: one octet aligned
            op.lb = below(1000);
            op.ub = op.lb + 255;
            break;
        case 2: // two octets aligned
            op.lb = below(100000);
            op.ub = op.lb + 256 + below(65280);
            break;
        case 3: // octets with their count first
            op.lb = below(1000);
            op.ub = op.lb + 65536 + (rng_() >> below(64));
            if (op.ub < op.lb)
                op.ub = ~std::uint64_t{0};
            break;
        case 4: // the whole 64-bit range (its size wraps to 0)
            op.lb = 0;
            op.ub = oneIn(2) ? ~std::uint64_t{0} : 10000000000ULL;
            break;
        default:
            op.lb = op.ub = below(5);
            break;
        }
        const std::uint64_t span = op.ub - op.lb;
        op.value = op.lb + (span == ~std::uint64_t{0} ? rng_() : below(span + 1));
        if (oneIn(40))
            op.value = op.ub + 1 + below(3); // refused (and may wrap: then below lb)
    }

    std::vector<Op> ops(unsigned depth, std::size_t n)
    {
        std::vector<Op> v;
        for (std::size_t i = 0; i < n; ++i) {
            Op op;
            const auto pick = below(depth < 2 ? 14 : 13);
            if (pick < 5) {
                op.kind = OpKind::Bits;
                op.count = static_cast<unsigned>(oneIn(3) ? below(9) : below(65));
                op.value = rng_(); // the bits above `count` must be ignored
            } else if (pick < 6) {
                op.kind = OpKind::Align;
            } else if (pick < 8) {
                op.kind = OpKind::Integer;
                bounds(op);
            } else if (pick < 9) {
                op.kind = OpKind::Length;
                op.value = oneIn(30) ? 16384 + below(3) : oneIn(4) ? below(16384) : below(200);
            } else if (pick < 11) {
                op.kind = OpKind::Octets;
                op.data = octets(oneIn(6) ? 130 : below(12));
            } else if (pick < 13) {
                op.kind = OpKind::OctetString;
                op.data = octets(oneIn(200) ? 16384 : length());
            } else {
                op.kind = OpKind::OpenType;
                op.inner = ops(depth + 1, below(8));
                if (oneIn(6)) {
                    Op big;
                    big.kind = OpKind::Octets;
                    big.data = octets(125 + below(10));
                    op.inner.push_back(big);
                }
            }
            v.push_back(std::move(op));
        }
        return v;
    }

private:
    std::mt19937_64 rng_;
};

// Runs `f`, returning the text of the InvalidInput it throws (empty if none).
template <typename F>
std::string thrown(F&& f)
{
    try {
        f();
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return {};
}

// Writes `ops` with the writer under test; false once one threw (its text in `error`).
bool write(PerWriter& w, const std::vector<Op>& ops, std::string& error)
{
    for (const Op& op : ops) {
        error = thrown([&] {
            switch (op.kind) {
            case OpKind::Bits:
                w.bits(op.value, op.count);
                break;
            case OpKind::Align:
                w.align();
                break;
            case OpKind::Integer:
                w.constrainedWholeNumber(op.value, op.lb, op.ub);
                break;
            case OpKind::Length:
                w.lengthDeterminant(op.value);
                break;
            case OpKind::Octets:
                w.octets(op.data);
                break;
            case OpKind::OctetString:
                w.octetString(op.data);
                break;
            case OpKind::OpenType: {
                const std::size_t mark = w.beginOpenType();
                std::string innerError;
                if (!write(w, op.inner, innerError))
                    throw InvalidInput(innerError);
                w.endOpenType(mark);
                break;
            }
            }
        });
        if (!error.empty())
            return false;
    }
    return true;
}

// The same with the reference: an open type is a writer of its own whose encoding goes in as an octet string.
bool write(RefWriter& w, PerVariant variant, const std::vector<Op>& ops, std::string& error)
{
    for (const Op& op : ops) {
        error = thrown([&] {
            switch (op.kind) {
            case OpKind::Bits:
                w.bits(op.value, op.count);
                break;
            case OpKind::Align:
                w.align();
                break;
            case OpKind::Integer:
                w.constrainedWholeNumber(op.value, op.lb, op.ub);
                break;
            case OpKind::Length:
                w.lengthDeterminant(op.value);
                break;
            case OpKind::Octets:
                w.octets(op.data);
                break;
            case OpKind::OctetString:
                w.octetString(op.data);
                break;
            case OpKind::OpenType: {
                RefWriter value(variant);
                std::string innerError;
                if (!write(value, variant, op.inner, innerError))
                    throw InvalidInput(innerError);
                w.octetString(value.finish());
                break;
            }
            }
        });
        if (!error.empty())
            return false;
    }
    return true;
}

// Reads `ops` back with both readers side by side, comparing every result, value and position, and at the end
// whether what is left is padding; stops at the first failed read (after which both readers are unusable).
// `choice` picks among the reader's overloads.
void readBoth(PerReader& r, RefReader& ref, PerVariant variant, const std::vector<Op>& ops, Generator& choice)
{
    for (const Op& op : ops) {
        bool got = false;
        bool want = false;
        switch (op.kind) {
        case OpKind::Bits: {
            std::uint64_t a = 7;
            std::uint64_t b = 7;
            got = r.bits(op.count, a);
            want = ref.bits(op.count, b);
            QCOMPARE(a, b);
            break;
        }
        case OpKind::Align:
            got = r.align();
            want = ref.align();
            break;
        case OpKind::Integer: {
            std::uint64_t a = 7;
            std::uint64_t b = 7;
            got = r.constrainedWholeNumber(op.lb, op.ub, a);
            want = ref.constrainedWholeNumber(op.lb, op.ub, b);
            QCOMPARE(a, b);
            break;
        }
        case OpKind::Length: {
            std::size_t a = 7;
            std::size_t b = 7;
            got = r.lengthDeterminant(a);
            want = ref.lengthDeterminant(b);
            QCOMPARE(a, b);
            break;
        }
        case OpKind::Octets: {
            Bytes b;
            want = ref.octets(op.data.size(), b);
            if (choice.oneIn(2)) {
                Bytes a;
                got = r.octets(op.data.size(), a);
                QCOMPARE(a, b);
            } else {
                Bytes a(op.data.size(), 0xee);
                got = r.octets(std::span<std::uint8_t>(a));
                QCOMPARE(a, want ? b : Bytes(op.data.size(), 0xee));
            }
            break;
        }
        case OpKind::OctetString:
        case OpKind::OpenType: {
            Bytes b;
            if (choice.oneIn(2)) {
                Bytes a;
                got = r.octetString(a);
                want = ref.octetString(b);
                QCOMPARE(a, b);
            } else {
                // The view needs the octets at an octet boundary (always so in ALIGNED).
                std::size_t n = 0;
                ByteView a;
                got = r.octetString(a);
                want = ref.lengthDeterminant(n) && ref.align() &&
                       (ref.bitPosition() % 8 == 0 || variant == PerVariant::Aligned) && ref.octets(n, b);
                QCOMPARE(Bytes(a.begin(), a.end()), want ? b : Bytes());
                if (!want && ref.ok()) {
                    QVERIFY(variant == PerVariant::Unaligned);
                    QVERIFY(!got);
                    return; // the one documented difference: the view is refused off an octet boundary
                }
            }
            if (got && want && op.kind == OpKind::OpenType) {
                PerReader innerR(b, variant);
                RefReader innerRef(b, variant);
                readBoth(innerR, innerRef, variant, op.inner, choice);
                if (QTest::currentTestFailed())
                    return;
            }
            break;
        }
        }
        QCOMPARE(got, want);
        QCOMPARE(r.ok(), ref.ok());
        QCOMPARE(r.bitPosition(), ref.bitPosition());
        if (!got)
            return;
    }
    QCOMPARE(r.atPaddedEnd(), ref.atPaddedEnd());
}

} // namespace

class TestPerBits : public QObject {
    Q_OBJECT

private slots:
    void writerMatchesReference_data();
    void writerMatchesReference();
    void readerMatchesReferenceOnRandomOctets_data();
    void readerMatchesReferenceOnRandomOctets();
    void openTypeInPlace_data();
    void openTypeInPlace();
    void finishHandsOverTheBuffer();
};

namespace {

void seedRows(int count)
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("aligned");
    for (int i = 0; i < count; ++i)
        for (const bool aligned : {true, false})
            QTest::addRow("seed %d %s", i, aligned ? "ALIGNED" : "UNALIGNED")
                << quint64(0x5eed0000u + static_cast<unsigned>(i)) << aligned;
}

} // namespace

void TestPerBits::writerMatchesReference_data()
{
    seedRows(2000);
}

// Random operations written by both writers: the same octets, bit count and refusals; read back by both
// readers with the same results; and each encoding with one bit flipped read by both the same way.
void TestPerBits::writerMatchesReference()
{
    QFETCH(quint64, seed);
    QFETCH(bool, aligned);
    const PerVariant variant = aligned ? PerVariant::Aligned : PerVariant::Unaligned;
    Generator g(seed);
    const std::vector<Op> ops = g.ops(0, 1 + g.below(24));
    PerWriter w(variant);
    RefWriter ref(variant);
    std::string error;
    std::string refError;
    const bool written = write(w, ops, error);
    const bool refWritten = write(ref, variant, ops, refError);
    QCOMPARE(QString::fromStdString(error), QString::fromStdString(refError));
    QCOMPARE(written, refWritten);
    if (!written)
        return; // a writer that threw is not used again
    const Bytes encoding = w.finish();
    QCOMPARE(encoding, ref.finish());
    QCOMPARE(w.bitCount(), ref.bitCount());

    PerReader r(encoding, variant);
    RefReader refR(encoding, variant);
    readBoth(r, refR, variant, ops, g);
    if (QTest::currentTestFailed())
        return;

    Bytes damaged = encoding;
    const std::size_t bit = g.below(8 * damaged.size());
    damaged[bit / 8] = static_cast<std::uint8_t>(damaged[bit / 8] ^ 0x80u >> (bit % 8));
    PerReader dr(damaged, variant);
    RefReader drRef(damaged, variant);
    readBoth(dr, drRef, variant, ops, g);
}

void TestPerBits::readerMatchesReferenceOnRandomOctets_data()
{
    seedRows(2000);
}

// Random reads (bit counts up to 70, bounds that may be upside down, lengths past the end) on random octets.
void TestPerBits::readerMatchesReferenceOnRandomOctets()
{
    QFETCH(quint64, seed);
    QFETCH(bool, aligned);
    const PerVariant variant = aligned ? PerVariant::Aligned : PerVariant::Unaligned;
    Generator g(seed);
    const Bytes data = g.octets(g.below(40));
    std::vector<Op> ops = g.ops(0, 1 + g.below(30));
    for (Op& op : ops) {
        if (op.kind == OpKind::Bits && g.oneIn(10))
            op.count = 65 + static_cast<unsigned>(g.below(6));
        if (op.kind == OpKind::Integer && g.oneIn(10))
            std::swap(op.lb, op.ub);
    }
    PerReader r(data, variant);
    RefReader ref(data, variant);
    readBoth(r, ref, variant, ops, g);
}

void TestPerBits::openTypeInPlace_data()
{
    QTest::addColumn<bool>("aligned");
    QTest::addColumn<int>("before");
    QTest::addColumn<int>("valueBits");
    for (const bool aligned : {true, false})
        for (const int before : {0, 1, 3, 7, 8, 13})
            for (const int valueBits : {0, 1, 8, 9, 1015, 1016, 1017, 8 * 16383, 8 * 16383 + 1})
                QTest::addRow("%s, %d bits before, %d value bits", aligned ? "ALIGNED" : "UNALIGNED", before,
                              valueBits)
                    << aligned << before << valueBits;
}

// beginOpenType/endOpenType against octetString(finish()) of a writer of its own, around the one- and
// two-octet length forms, the empty value and the 16K limit, after any number of bits.
void TestPerBits::openTypeInPlace()
{
    QFETCH(bool, aligned);
    QFETCH(int, before);
    QFETCH(int, valueBits);
    const PerVariant variant = aligned ? PerVariant::Aligned : PerVariant::Unaligned;
    const auto fill = [&](auto& writer) {
        for (int i = 0; i < valueBits; i += 7)
            writer.bits(0x5bu + static_cast<unsigned>(i), static_cast<unsigned>(std::min(7, valueBits - i)));
    };
    PerWriter value(variant);
    fill(value);
    PerWriter expected(variant);
    expected.bits(0x55, static_cast<unsigned>(before));
    const std::string expectedError = thrown([&] { expected.octetString(value.finish()); });
    PerWriter w(variant);
    w.bits(0x55, static_cast<unsigned>(before));
    const std::size_t mark = w.beginOpenType();
    fill(w);
    const std::string error = thrown([&] { w.endOpenType(mark); });
    QCOMPARE(QString::fromStdString(error), QString::fromStdString(expectedError));
    if (!error.empty())
        return;
    w.bits(0x3, 2);
    expected.bits(0x3, 2);
    QCOMPARE(w.finish(), expected.finish());
    QCOMPARE(w.bitCount(), expected.bitCount());
}

void TestPerBits::finishHandsOverTheBuffer()
{
    PerWriter w(PerVariant::Unaligned);
    w.bits(0x5, 3);
    const Bytes copy = w.finish();
    const Bytes taken = std::move(w).finish();
    QCOMPARE(taken, copy);
    QCOMPARE(taken, (Bytes{0xa0}));
    PerWriter empty(PerVariant::Aligned);
    QCOMPARE(std::move(empty).finish(), (Bytes{0x00}));
}

QTEST_APPLESS_MAIN(TestPerBits)
#include "tst_perbits.moc"
