// Bit-level writing and reading of ASN.1 Packed Encoding Rules, BASIC-PER in both variants (ITU-T X.691
// (02/2021): 11.1 complete encodings padded to an octet, 11.2 open types, 11.5.7 constrained whole numbers,
// 11.9 length determinants (unconstrained, below 16K), 16 and 17 where bit and octet strings are
// octet-aligned), for the fixed message sets of RrcMessage (UPER, TS 36.331 clause 8) and S1apMessage (APER,
// TS 36.413 clause 9.4).
#pragma once

#include "core/crypto/Bytes.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace mtcsec::protocol {

// ALIGNED inserts padding bits before the fields X.691 calls octet-aligned; UNALIGNED never does.
enum class PerVariant : std::uint8_t { Aligned, Unaligned };

// Writes fields most significant bit first, as X.691 10.x orders bits. Whole runs of bits and whole octets
// are written at once (not bit by bit); the encoding is the same.
class PerWriter {
public:
    explicit PerWriter(PerVariant variant)
        : variant_(variant)
    {}

    // The `count` (0..64) low bits of `value`, most significant first (X.691 11.1.2 bit-fields); a count
    // above 64 writes the 64 bits after count - 64 zero bits.
    void bits(std::uint64_t value, unsigned count);
    // Padding zero bits up to the next octet boundary; nothing in the UNALIGNED variant.
    void align();
    // X.691 11.5.7: `value` in lb..ub. UNALIGNED: the minimum number of bits for the range. ALIGNED: a
    // bit-field for a range up to 255, one aligned octet for 256, two aligned octets up to 64K, otherwise the
    // minimum number of octets, their count (1..) as a constrained whole number first. Throws InvalidInput
    // "PER integer: VALUE outside LB..UB".
    void constrainedWholeNumber(std::uint64_t value, std::uint64_t lb, std::uint64_t ub);
    // X.691 11.9.3.6-7 (unconstrained length, aligned first in the ALIGNED variant): one octet below 128, two
    // octets ("10" and 14 bits) below 16384. Throws InvalidInput "PER length: N is 16384 or more
    // (fragmentation is not supported)".
    void lengthDeterminant(std::size_t n);
    // Whole octets at the current bit position (no alignment, no length).
    void octets(ByteView data);
    // X.691 17.8 / 11.2: an unconstrained OCTET STRING or an open type's encoding: length, aligned, octets.
    void octetString(ByteView data);
    // X.691 11.2 without a separate writer: the open type's complete encoding is written in place between
    // beginOpenType (which returns the mark to give to endOpenType) and endOpenType, which pads it to an
    // octet (an empty one becomes 0x00, X.691 11.1.3) and puts its length determinant before it. The result
    // equals octetString(W.finish()) for a PerWriter W of the same variant that wrote the same fields. Open
    // types nest (each end matches the latest begin still open). endOpenType throws InvalidInput as
    // lengthDeterminant (the writer is then unusable), or "PER open type: no open type begun at bit N" for a
    // mark no beginOpenType returned.
    [[nodiscard]] std::size_t beginOpenType();
    void endOpenType(std::size_t mark);

    // The complete encoding (X.691 11.1.3): padded with zero bits to an octet; an empty one becomes 0x00.
    // The rvalue form hands over the writer's buffer instead of copying it (the writer is left empty).
    [[nodiscard]] Bytes finish() const&;
    [[nodiscard]] Bytes finish() &&;
    [[nodiscard]] std::size_t bitCount() const { return bits_; }

private:
    // bits() beyond the fast path of a field that fits in the octet already begun.
    void bitsAnyWhere(std::uint64_t value, unsigned count);
    // Room for `n` more octets at the end (zero), growing the buffer at least to a typical message.
    std::uint8_t* extend(std::size_t n);
    // Drops everything from bit `bit` on (it must not be past the end).
    void truncate(std::size_t bit);

    PerVariant variant_;
    Bytes out_;
    std::size_t bits_ = 0;
};

// Reads what PerWriter writes, strictly: every read fails (returns false) instead of running past the end or
// accepting a non-canonical form (a longer integer or length than needed), and a failed read leaves the
// reader unusable (ok() false). Like the writer, it reads whole runs of bits and octets at once.
class PerReader {
public:
    PerReader(ByteView data, PerVariant variant)
        : data_(data)
        , variant_(variant)
    {}

    // `count` (0..64) bits, most significant first.
    bool bits(unsigned count, std::uint64_t& value);
    // Skips the padding bits before an octet boundary (ALIGNED only); fails if one of them is not zero.
    bool align();
    // As PerWriter::constrainedWholeNumber; fails above ub or on more octets than the value needs.
    bool constrainedWholeNumber(std::uint64_t lb, std::uint64_t ub, std::uint64_t& value);
    // As PerWriter::lengthDeterminant; fails on fragments (11) and on the two-octet form below 128.
    bool lengthDeterminant(std::size_t& n);
    // `n` whole octets from the current bit position.
    bool octets(std::size_t n, Bytes& data);
    // `data.size()` whole octets from the current bit position into the caller's buffer (left as it was when
    // the read fails).
    bool octets(std::span<std::uint8_t> data);
    // As PerWriter::octetString.
    bool octetString(Bytes& data);
    // As PerWriter::octetString, without a copy: `data` views the octets in the reader's buffer. That needs
    // them to start at an octet boundary, which they always do in the ALIGNED variant; in the UNALIGNED
    // variant this read fails when they do not (the Bytes overload reads them anywhere).
    bool octetString(ByteView& data);
    // True when what is left is the zero padding of a complete encoding (X.691 11.1.3: fewer than 8 bits, all
    // zero; or the single 0x00 of an empty encoding when nothing was read).
    [[nodiscard]] bool atPaddedEnd() const;
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] std::size_t bitPosition() const { return pos_; }

private:
    // bits() beyond the fast path of a field inside the current octet.
    bool bitsAnyWhere(unsigned count, std::uint64_t& value);
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

// Inline: most fields are a few bits inside one octet (choice indexes, presence bits, small enumerations).

inline void PerWriter::bits(std::uint64_t value, unsigned count)
{
    const auto used = static_cast<unsigned>(bits_ % 8);
    if (used != 0 && count <= 8 - used) {
        out_.back() =
            static_cast<std::uint8_t>(out_.back() | (value & ((1u << count) - 1)) << (8 - used - count));
        bits_ += count;
        return;
    }
    bitsAnyWhere(value, count);
}

inline bool PerReader::bits(unsigned count, std::uint64_t& value)
{
    const auto off = static_cast<unsigned>(pos_ % 8);
    if (ok_ && count != 0 && count <= 8 - off && pos_ / 8 < data_.size()) {
        value = static_cast<std::uint64_t>(data_[pos_ / 8] >> (8 - off - count)) & ((1u << count) - 1);
        pos_ += count;
        return true;
    }
    return bitsAnyWhere(count, value);
}

} // namespace mtcsec::protocol
