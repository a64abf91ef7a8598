// Checks of a JSON text by JSON path (RFC 8259 sections 4, 7 and 8.1): unique keys, no control characters,
// no lone surrogates, UTF-8 only. A small iterative tokenizer: one frame per open object or array.
#include "core/scenario/JsonTextCheck.h"

#include "core/scenario/JsonPathReader.h"

#include <array>
#include <cstdio>
#include <string>
#include <unordered_set>
#include <vector>

namespace mtcsec::json {
namespace {

enum class Problem : std::uint8_t { None, Control, Surrogate, NotUtf8 };

struct Decoded {
    std::string text; // UTF-8, escapes resolved
    Problem problem = Problem::None;
    char32_t codePoint = 0; // of a control character or lone surrogate
};

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

class StringReader {
public:
    StringReader(const QByteArray& json, qsizetype pos)
        : json_(json)
        , pos_(pos)
    {}

    // Reads the string whose opening quote is at the position given. False if it does not end.
    bool read(Decoded& out)
    {
        ++pos_; // the opening quote
        while (pos_ < json_.size()) {
            const auto byte = static_cast<unsigned char>(json_.at(pos_));
            if (byte == '"') {
                ++pos_;
                return true;
            }
            if (byte == '\\') {
                if (!escape(out))
                    return false;
            } else if (byte < 0x80) {
                note(out, byte, isControl(byte) ? Problem::Control : Problem::None);
                out.text += static_cast<char>(byte);
                ++pos_;
            } else {
                utf8(out);
            }
        }
        return false;
    }

    [[nodiscard]] qsizetype position() const { return pos_; }

private:
    static void note(Decoded& out, char32_t c, Problem problem)
    {
        if (out.problem == Problem::None && problem != Problem::None) {
            out.problem = problem;
            out.codePoint = c;
        }
    }

    // Four hex digits at pos_; -1 if they are not.
    long hex4()
    {
        if (pos_ + 4 > json_.size())
            return -1;
        long value = 0;
        for (qsizetype i = 0; i < 4; ++i) {
            const char c = json_.at(pos_ + i);
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            if (digit < 0)
                return -1;
            value = value * 16 + digit;
        }
        pos_ += 4;
        return value;
    }

    bool escape(Decoded& out)
    {
        if (pos_ + 1 >= json_.size())
            return false;
        const char kind = json_.at(pos_ + 1);
        pos_ += 2;
        char32_t c = 0;
        switch (kind) {
        case 'b':
            c = 0x08;
            break;
        case 'f':
            c = 0x0c;
            break;
        case 'n':
            c = 0x0a;
            break;
        case 'r':
            c = 0x0d;
            break;
        case 't':
            c = 0x09;
            break;
        case 'u': {
            const long unit = hex4();
            if (unit < 0)
                return false;
            c = static_cast<char32_t>(unit);
            if (c >= 0xd800 && c <= 0xdbff && pos_ + 1 < json_.size() && json_.at(pos_) == '\\' &&
                json_.at(pos_ + 1) == 'u') {
                const qsizetype back = pos_;
                pos_ += 2;
                const long low = hex4();
                if (low >= 0xdc00 && low <= 0xdfff) {
                    c = 0x10000 + ((c - 0xd800) << 10) + (static_cast<char32_t>(low) - 0xdc00);
                } else {
                    pos_ = back; // the next escape is read on its own
                }
            }
            if (c >= 0xd800 && c <= 0xdfff) {
                note(out, c, Problem::Surrogate);
                appendUtf8(out.text, 0xfffd);
                return true;
            }
            break;
        }
        default:
            c = static_cast<unsigned char>(kind); // '"', '\\', '/'
            break;
        }
        note(out, c, isControl(c) ? Problem::Control : Problem::None);
        appendUtf8(out.text, c);
        return true;
    }

    // One UTF-8 sequence (RFC 3629 section 4: no overlong forms, no surrogates, at most U+10FFFF).
    void utf8(Decoded& out)
    {
        const auto lead = static_cast<unsigned char>(json_.at(pos_));
        int length = 0;
        char32_t c = 0;
        char32_t min = 0;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
            c = lead & 0x1fu;
            min = 0x80;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            c = lead & 0x0fu;
            min = 0x800;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            c = lead & 0x07u;
            min = 0x10000;
        }
        bool valid = length > 0 && pos_ + length <= json_.size();
        for (int i = 1; valid && i < length; ++i) {
            const auto next = static_cast<unsigned char>(json_.at(pos_ + i));
            valid = (next & 0xc0) == 0x80;
            c = (c << 6) | (next & 0x3fu);
        }
        valid = valid && c >= min && c <= 0x10ffff && !(c >= 0xd800 && c <= 0xdfff);
        if (!valid) {
            note(out, lead, Problem::NotUtf8);
            out.text += static_cast<char>(lead);
            ++pos_;
            return;
        }
        note(out, c, isControl(c) ? Problem::Control : Problem::None);
        out.text.append(json_.constData() + pos_, static_cast<std::size_t>(length));
        pos_ += length;
    }

    const QByteArray& json_;
    qsizetype pos_;
};

std::string problemText(const Decoded& d)
{
    std::array<char, 16> code{};
    std::snprintf(code.data(), code.size(), "U+%04X", static_cast<unsigned>(d.codePoint));
    switch (d.problem) {
    case Problem::Control:
        return std::string("contains a control character (") + code.data() + ")";
    case Problem::Surrogate:
        return std::string("contains a lone surrogate (") + code.data() + ")";
    case Problem::NotUtf8:
        return "is not valid UTF-8";
    case Problem::None:
        break;
    }
    return {};
}

// An open object or array.
struct Frame {
    bool object = false;
    std::string path;
    std::unordered_set<std::string> keys; // object: the keys seen
    std::string key;                      // object: the key of the value being read
    bool expectKey = true;                // object: the next string is a key
    qsizetype index = 0;                  // array: the index of the value being read
};

std::string valuePath(const std::vector<Frame>& stack)
{
    if (stack.empty())
        return "(document)";
    const Frame& f = stack.back();
    return f.object ? member(f.path, f.key) : element(f.path, f.index);
}

bool isDelimiter(char c)
{
    return c == ',' || c == ':' || c == ']' || c == '}' || c == '"' || c == '[' || c == '{' || c == ' ' ||
           c == '\t' || c == '\n' || c == '\r';
}

} // namespace

void checkJsonText(const QByteArray& json)
{
    std::vector<Frame> stack;
    qsizetype pos = 0;
    const qsizetype n = json.size();
    while (pos < n) {
        const char c = json.at(pos);
        switch (c) {
        case '{':
        case '[': {
            Frame frame;
            frame.object = c == '{';
            frame.path = stack.empty() ? std::string() : valuePath(stack);
            stack.push_back(std::move(frame));
            ++pos;
            break;
        }
        case '}':
        case ']':
            if (stack.empty())
                return;
            stack.pop_back();
            ++pos;
            break;
        case ',':
            if (!stack.empty()) {
                if (stack.back().object)
                    stack.back().expectKey = true;
                else
                    ++stack.back().index;
            }
            ++pos;
            break;
        case '"': {
            StringReader reader(json, pos);
            Decoded d;
            if (!reader.read(d))
                return;
            pos = reader.position();
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                Frame& f = stack.back();
                if (d.problem != Problem::None)
                    fail(f.path.empty() ? "(document)" : f.path, "a key " + problemText(d));
                if (!f.keys.insert(d.text).second)
                    fail(member(f.path, d.text), "given twice");
                f.key = std::move(d.text);
                f.expectKey = false;
            } else if (d.problem != Problem::None) {
                fail(valuePath(stack), problemText(d));
            }
            break;
        }
        default: // white space, ':', numbers, true, false, null
            ++pos;
            while (pos < n && !isDelimiter(json.at(pos)) && !isDelimiter(c))
                ++pos;
            break;
        }
    }
}

} // namespace mtcsec::json
