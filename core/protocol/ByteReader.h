// Bounds-checked big-endian reading and writing of protocol fields (network byte order, RFC 1700).
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

// Reads fields from the front of a byte view; every read fails (returns false) instead of running past the
// end, and a failed read leaves the reader unusable (ok() false), so a parser can check once at the end.
class ByteReader {
public:
    explicit ByteReader(ByteView data)
        : data_(data)
    {}

    bool u8(std::uint8_t& v)
    {
        if (!need(1))
            return false;
        v = data_[pos_++];
        return true;
    }
    bool u16(std::uint16_t& v)
    {
        if (!need(2))
            return false;
        v = static_cast<std::uint16_t>(data_[pos_] << 8 | data_[pos_ + 1]);
        pos_ += 2;
        return true;
    }
    bool u24(std::uint32_t& v)
    {
        if (!need(3))
            return false;
        v = static_cast<std::uint32_t>(data_[pos_]) << 16 | static_cast<std::uint32_t>(data_[pos_ + 1]) << 8 |
            data_[pos_ + 2];
        pos_ += 3;
        return true;
    }
    bool u32(std::uint32_t& v)
    {
        if (!need(4))
            return false;
        v = static_cast<std::uint32_t>(data_[pos_]) << 24 |
            static_cast<std::uint32_t>(data_[pos_ + 1]) << 16 |
            static_cast<std::uint32_t>(data_[pos_ + 2]) << 8 | data_[pos_ + 3];
        pos_ += 4;
        return true;
    }
    bool bytes(std::size_t n, ByteView& v)
    {
        if (!need(n))
            return false;
        v = data_.subspan(pos_, n);
        pos_ += n;
        return true;
    }
    bool skip(std::size_t n)
    {
        if (!need(n))
            return false;
        pos_ += n;
        return true;
    }

    [[nodiscard]] ByteView rest() const { return ok_ ? data_.subspan(pos_) : ByteView(); }
    [[nodiscard]] std::size_t remaining() const { return ok_ ? data_.size() - pos_ : 0; }
    [[nodiscard]] std::size_t position() const { return pos_; }
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] bool atEnd() const { return ok_ && pos_ == data_.size(); }

private:
    bool need(std::size_t n)
    {
        if (!ok_ || data_.size() - pos_ < n)
            ok_ = false;
        return ok_;
    }

    ByteView data_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

// Appends fields in network byte order.
class ByteWriter {
public:
    explicit ByteWriter(Bytes& out)
        : out_(out)
    {}
    ByteWriter& u8(std::uint32_t v)
    {
        out_.push_back(static_cast<std::uint8_t>(v));
        return *this;
    }
    // Each octet pushed (inlined: a capacity check each, no call to a range insert for 2 to 4 octets).
    ByteWriter& u16(std::uint32_t v) { return put<2>(v); }
    ByteWriter& u24(std::uint32_t v) { return put<3>(v); }
    ByteWriter& u32(std::uint32_t v) { return put<4>(v); }
    ByteWriter& bytes(ByteView v)
    {
        out_.insert(out_.end(), v.begin(), v.end());
        return *this;
    }
    [[nodiscard]] std::size_t size() const { return out_.size(); }

private:
    template <std::size_t N>
    ByteWriter& put(std::uint32_t v)
    {
        for (std::size_t i = 0; i < N; ++i)
            out_.push_back(static_cast<std::uint8_t>(v >> (8 * (N - 1 - i))));
        return *this;
    }

    Bytes& out_;
};

// Writes a 16-bit value at an earlier position (lengths known only at the end).
inline void patchU16(Bytes& out, std::size_t at, std::uint32_t v)
{
    out[at] = static_cast<std::uint8_t>(v >> 8);
    out[at + 1] = static_cast<std::uint8_t>(v);
}

} // namespace mtcsec::protocol
