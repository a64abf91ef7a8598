// Numbers in the interface's language (localeOf(currentLanguage()), whatever the machine's locale:
// "16,311743 s" in German, "16.311743 s" in English); files (CSV, JSON) keep the C locale and do not use
// these.
#pragma once

#include "core/engine/SimTime.h"

#include <QString>

#include <cstdint>

namespace mtcsec::ui {

// A count with the language's group separator: "12,345" (English), "12.345" (German).
[[nodiscard]] QString localCount(std::uint64_t n);

// `value` with `decimals` digits after the language's decimal point and no group separator: "3600.00",
// "3600,00".
[[nodiscard]] QString localDecimal(double value, int decimals);

// A simulated time in seconds with microseconds, as engine::formatTime writes it but with the language's
// decimal point: "16,311743" in German.
[[nodiscard]] QString localTime(engine::SimTime t);

// `text` with the language's decimal point if the whole text is a decimal number as the core writes it
// ("-0.083460", "12.5"); any other text (an IMSI, a name, "10.0.0.1") unchanged.
[[nodiscard]] QString localDecimalText(const QString& text);

} // namespace mtcsec::ui
