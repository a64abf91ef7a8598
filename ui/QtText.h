// Text from the core (std::string, std::string_view, UTF-8) into Qt strings: one helper for the whole
// front-end.
#pragma once

#include <QString>

#include <string_view>

namespace mtcsec::ui {

inline QString qv(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace mtcsec::ui
