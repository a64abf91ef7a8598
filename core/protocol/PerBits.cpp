// PER bit-fields, alignment, constrained whole numbers and length determinants (ITU-T X.691 clauses 10-11).
#include "core/protocol/PerBits.h"

#include "core/InvalidInput.h"

#include <bit>
#include <string>

namespace mtcsec::protocol {
namespace {

// Bits of a bit-field for `range` values (X.691 11.5.7.1: the minimum to hold range - 1).
unsigned bitsForRange(std::uint64_t range)
{
    return range <= 1 ? 0 : static_cast<unsigned>(std::bit_width(range - 1));
}

// Octets of a non-negative-binary-integer holding `v`: at least one (X.691 11.3.6 minimum octets).
unsigned octetsFor(std::uint64_t v)
{
    return v == 0 ? 1 : static_cast<unsigned>((std::bit_width(v) + 7) / 8);
}

constexpr std::size_t kMaxLength = 16384; // X.691 11.9.3.8: from 16K on, fragments (not used here)

} // namespace

void PerWriter::bits(std::uint64_t value, unsigned count)
{
    for (unsigned i = count; i-- > 0;) {
        if (bits_ % 8 == 0)
            out_.push_back(0);
        if ((value >> i & 1) != 0)
            out_.back() = static_cast<std::uint8_t>(out_.back() | 0x80u >> (bits_ % 8));
        ++bits_;
    }
}

void PerWriter::align()
{
    if (variant_ == PerVariant::Aligned && bits_ % 8 != 0)
        bits_ += 8 - bits_ % 8; // the octet is already there, its padding bits zero
}

void PerWriter::constrainedWholeNumber(std::uint64_t value, std::uint64_t lb, std::uint64_t ub)
{
    if (value < lb || value > ub)
        throw InvalidInput("PER integer: " + std::to_string(value) + " outside " + std::to_string(lb) + ".." +
                           std::to_string(ub));
    const std::uint64_t range = ub - lb + 1;
    const std::uint64_t offset = value - lb;
    if (variant_ == PerVariant::Unaligned || range <= 255) {
        bits(offset, bitsForRange(range));
    } else if (range <= 65536) {
        align();
        bits(offset, range == 256 ? 8 : 16);
    } else {
        const unsigned n = octetsFor(offset);
        constrainedWholeNumber(n, 1, octetsFor(ub - lb));
        align();
        bits(offset, 8 * n);
    }
}

void PerWriter::lengthDeterminant(std::size_t n)
{
    if (n >= kMaxLength)
        throw InvalidInput("PER length: " + std::to_string(n) +
                           " is 16384 or more (fragmentation is not supported)");
    align();
    if (n < 128)
        bits(n, 8);
    else
        bits(0x8000u | n, 16);
}

void PerWriter::octets(ByteView data)
{
    for (const std::uint8_t b : data)
        bits(b, 8);
}

void PerWriter::octetString(ByteView data)
{
    lengthDeterminant(data.size());
    align();
    octets(data);
}

Bytes PerWriter::finish() const
{
    return out_.empty() ? Bytes{0} : out_;
}

bool PerReader::bits(unsigned count, std::uint64_t& value)
{
    if (!ok_ || count > 64 || data_.size() * 8 - pos_ < count)
        return fail();
    value = 0;
    for (unsigned i = 0; i < count; ++i, ++pos_)
        value = value << 1 | (data_[pos_ / 8] >> (7 - pos_ % 8) & 1u);
    return true;
}

bool PerReader::align()
{
    if (variant_ == PerVariant::Unaligned || pos_ % 8 == 0)
        return ok_;
    std::uint64_t padding = 0;
    return bits(static_cast<unsigned>(8 - pos_ % 8), padding) && (padding == 0 || fail());
}

bool PerReader::constrainedWholeNumber(std::uint64_t lb, std::uint64_t ub, std::uint64_t& value)
{
    if (!ok_ || ub < lb)
        return fail();
    const std::uint64_t range = ub - lb + 1;
    std::uint64_t offset = 0;
    if (variant_ == PerVariant::Unaligned || range <= 255) {
        if (!bits(bitsForRange(range), offset))
            return false;
    } else if (range <= 65536) {
        if (!align() || !bits(range == 256 ? 8 : 16, offset))
            return false;
    } else {
        std::uint64_t n = 0;
        if (!constrainedWholeNumber(1, octetsFor(ub - lb), n) || !align() ||
            !bits(static_cast<unsigned>(8 * n), offset))
            return false;
        if (octetsFor(offset) != n)
            return fail(); // not the minimum number of octets
    }
    if (offset > ub - lb)
        return fail();
    value = lb + offset;
    return true;
}

bool PerReader::lengthDeterminant(std::size_t& n)
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
        return fail(); // fragments (11 prefix) are not supported
    n = static_cast<std::size_t>((first & 0x3f) << 8 | second);
    return n >= 128 || fail(); // the one-octet form is the canonical one
}

bool PerReader::octets(std::size_t n, Bytes& data)
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

bool PerReader::octetString(Bytes& data)
{
    std::size_t n = 0;
    return lengthDeterminant(n) && align() && octets(n, data);
}

bool PerReader::atPaddedEnd() const
{
    if (!ok_)
        return false;
    if (pos_ == 0)
        return data_.size() == 1 && data_[0] == 0;
    const std::size_t left = data_.size() * 8 - pos_;
    return left < 8 && (left == 0 || (data_.back() & ((1u << left) - 1)) == 0);
}

} // namespace mtcsec::protocol
