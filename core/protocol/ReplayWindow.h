// A sliding anti-replay window over sequence numbers (RFC 4303 clause 3.4.3, the same mechanism the
// application layer uses): the highest number seen and a 64-bit bitmap of those just below it.
#pragma once

#include <cstdint>

namespace mtcsec::protocol {

class ReplayWindow {
public:
    // True if `seq` is new (not seen and not older than the window); does not record it.
    [[nodiscard]] bool check(std::uint64_t seq) const
    {
        if (!any_ || seq > highest_)
            return true;
        const std::uint64_t age = highest_ - seq;
        return age < 64 && (bitmap_ >> age & 1u) == 0;
    }
    // Records `seq` as seen (call after the message has been authenticated).
    void accept(std::uint64_t seq)
    {
        if (!any_ || seq > highest_) {
            const std::uint64_t shift = any_ ? seq - highest_ : 64;
            bitmap_ = shift >= 64 ? 0 : bitmap_ << shift;
            bitmap_ |= 1u;
            highest_ = seq;
            any_ = true;
        } else {
            bitmap_ |= std::uint64_t{1} << (highest_ - seq);
        }
    }
    void reset() { *this = ReplayWindow(); }
    [[nodiscard]] std::uint64_t highest() const { return highest_; }

private:
    std::uint64_t highest_ = 0;
    std::uint64_t bitmap_ = 0;
    bool any_ = false;
};

} // namespace mtcsec::protocol
