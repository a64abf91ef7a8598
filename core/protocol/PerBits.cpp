// PER bit-fields, alignment, constrained whole numbers and length determinants (ITU-T X.691 clauses 10-11).
#include "core/protocol/PerBits.h"

#include "core/InvalidInput.h"

#include <algorithm>
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

constexpr std::size_t kMaxLength = 16384;  // X.691 11.9.3.8: from 16K on, fragments (not used here)
constexpr std::size_t kFirstCapacity = 64; // octets: a whole RRC or S1AP message of the attach, mostly

} // namespace

std::uint8_t* PerWriter::extend(std::size_t n)
{
    const std::size_t at = out_.size();
    if (out_.capacity() < at + n)
        out_.reserve(std::max({at + n, 2 * out_.capacity(), kFirstCapacity}));
    out_.resize(at + n);
    return out_.data() + at;
}

void PerWriter::truncate(std::size_t bit)
{
    out_.resize((bit + 7) / 8);
    if (bit % 8 != 0)
        out_.back() = static_cast<std::uint8_t>(out_.back() & (0xff00u >> (bit % 8)));
    bits_ = bit;
}

void PerWriter::bitsAnyWhere(std::uint64_t value, unsigned count)
{
    if (count > 64) {
        bitsAnyWhere(0, count - 64);
        count = 64;
    }
    if (count == 0)
        return;
    if (count < 64)
        value &= (std::uint64_t{1} << count) - 1;
    const auto used = static_cast<unsigned>(bits_ % 8);
    bits_ += count;
    if (used != 0) {
        // First the free low bits of the last octet (its padding bits are zero).
        const unsigned room = 8 - used;
        if (count <= room) {
            out_.back() = static_cast<std::uint8_t>(out_.back() | value << (room - count));
            return;
        }
        count -= room;
        out_.back() = static_cast<std::uint8_t>(out_.back() | value >> count);
    }
    // Then `count` bits from an octet boundary: whole octets, and the rest at the top of a last one.
    const unsigned whole = count / 8;
    const unsigned rest = count % 8;
    std::uint8_t* p = extend(whole + (rest != 0 ? 1 : 0));
    for (unsigned i = 1; i <= whole; ++i)
        *p++ = static_cast<std::uint8_t>(value >> (count - 8 * i));
    if (rest != 0)
        *p = static_cast<std::uint8_t>(value << (8 - rest));
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
    if (data.empty())
        return;
    const auto used = static_cast<unsigned>(bits_ % 8);
    bits_ += 8 * data.size();
    if (used == 0) {
        std::copy(data.begin(), data.end(), extend(data.size()));
        return;
    }
    // Each octet straddles two: its high bits complete the current octet, its low bits start the next.
    std::uint8_t* p = extend(data.size()) - 1;
    for (const std::uint8_t b : data) {
        *p = static_cast<std::uint8_t>(*p | b >> used);
        *++p = static_cast<std::uint8_t>(b << (8 - used));
    }
}

void PerWriter::octetString(ByteView data)
{
    lengthDeterminant(data.size());
    align();
    octets(data);
}

std::size_t PerWriter::beginOpenType()
{
    // The length determinant's place: one octet, the length being known only at the end.
    lengthDeterminant(0);
    align();
    return bits_;
}

void PerWriter::endOpenType(std::size_t mark)
{
    if (mark < 8 || mark > bits_)
        throw InvalidInput("PER open type: no open type begun at bit " + std::to_string(mark));
    // X.691 11.1.3, relative to the value's first bit: padded to an octet, an empty encoding one 0x00.
    const std::size_t valueBits = bits_ - mark;
    bits(0, static_cast<unsigned>((8 - valueBits % 8) % 8));
    if (valueBits == 0)
        bits(0, 8);
    const std::size_t n = (bits_ - mark) / 8;
    if (n >= kMaxLength)
        lengthDeterminant(n); // throws
    const std::size_t at = mark - 8;
    if (n < 128) {
        // The one-octet form in the octet left for it (at any bit position: its bits are zero).
        const auto off = static_cast<unsigned>(at % 8);
        out_[at / 8] = static_cast<std::uint8_t>(out_[at / 8] | n >> off);
        if (off != 0)
            out_[at / 8 + 1] = static_cast<std::uint8_t>(out_[at / 8 + 1] | n << (8 - off));
        return;
    }
    if (at % 8 == 0) {
        // The two-octet form ("10" and 14 bits): one more octet before the value.
        out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(mark / 8), static_cast<std::uint8_t>(n));
        out_[at / 8] = static_cast<std::uint8_t>(0x80u | n >> 8);
        bits_ += 8;
        return;
    }
    // UNALIGNED with the value off an octet boundary: the value taken out and written again after the length.
    Bytes value(n);
    const auto off = static_cast<unsigned>(mark % 8);
    for (std::size_t i = 0; i < n; ++i)
        value[i] = static_cast<std::uint8_t>(out_[mark / 8 + i] << off | out_[mark / 8 + i + 1] >> (8 - off));
    truncate(at);
    lengthDeterminant(n);
    octets(value);
}

Bytes PerWriter::finish() const&
{
    return out_.empty() ? Bytes{0} : out_;
}

Bytes PerWriter::finish() &&
{
    if (out_.empty())
        return Bytes{0};
    Bytes out = std::move(out_);
    out_.clear();
    bits_ = 0;
    return out;
}

bool PerReader::bitsAnyWhere(unsigned count, std::uint64_t& value)
{
    if (!ok_ || count > 64 || data_.size() * 8 - pos_ < count)
        return fail();
    std::uint64_t v = 0;
    unsigned left = count;
    const std::uint8_t* p = data_.data() + pos_ / 8;
    const auto off = static_cast<unsigned>(pos_ % 8);
    if (off != 0 && left != 0) {
        // The rest of the current octet first.
        const unsigned take = std::min(8 - off, left);
        v = static_cast<std::uint64_t>(*p >> (8 - off - take)) & ((1u << take) - 1);
        left -= take;
        ++p;
    }
    for (; left >= 8; left -= 8)
        v = v << 8 | *p++;
    if (left != 0)
        v = v << left | static_cast<std::uint64_t>(*p >> (8 - left));
    pos_ += count;
    value = v;
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

bool PerReader::octets(std::span<std::uint8_t> data)
{
    const std::size_t n = data.size();
    if (!ok_ || (data_.size() * 8 - pos_) / 8 < n)
        return fail();
    const std::uint8_t* p = data_.data() + pos_ / 8;
    const auto off = static_cast<unsigned>(pos_ % 8);
    if (off == 0) {
        std::copy(p, p + n, data.begin());
    } else {
        // Off an octet boundary the next octet is there too (the bits were counted above).
        for (std::size_t i = 0; i < n; ++i)
            data[i] = static_cast<std::uint8_t>(p[i] << off | p[i + 1] >> (8 - off));
    }
    pos_ += 8 * n;
    return true;
}

bool PerReader::octets(std::size_t n, Bytes& data)
{
    if (!ok_ || (data_.size() * 8 - pos_) / 8 < n)
        return fail();
    data.resize(n);
    return octets(std::span<std::uint8_t>(data));
}

bool PerReader::octetString(Bytes& data)
{
    std::size_t n = 0;
    return lengthDeterminant(n) && align() && octets(n, data);
}

bool PerReader::octetString(ByteView& data)
{
    std::size_t n = 0;
    if (!lengthDeterminant(n) || !align())
        return false;
    if (pos_ % 8 != 0 || data_.size() - pos_ / 8 < n)
        return fail();
    data = data_.subspan(pos_ / 8, n);
    pos_ += 8 * n;
    return true;
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
