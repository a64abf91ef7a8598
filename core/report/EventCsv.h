// The event log as CSV (RFC 4180): a header row, then one row per event.
#pragma once

#include "core/engine/Engine.h"

#include <QByteArray>

namespace mtcsec::report {

[[nodiscard]] QByteArray eventCsv(const engine::Engine& engine);

} // namespace mtcsec::report
