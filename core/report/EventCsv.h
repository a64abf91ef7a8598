// The event log as CSV (RFC 4180): a header row, then one row per event.
#pragma once

#include "core/engine/Engine.h"

#include <QByteArray>

namespace mtcsec::report {

[[nodiscard]] QByteArray eventCsv(const engine::Engine& engine);
// The same from a copy of the log (the GUI's): `attackIds` maps LogEvent::attack to the attack's id.
[[nodiscard]] QByteArray eventCsv(std::span<const engine::LogEvent> events,
                                  const std::vector<std::string>& attackIds);

} // namespace mtcsec::report
