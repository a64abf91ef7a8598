// The JSON report of a run, schema "mtcsec-report/1" (PRODUCT.md section 7: a contract that tests and users
// rely on).
#pragma once

#include "core/engine/RunSummary.h"

#include <QByteArray>

namespace mtcsec::report {

inline constexpr const char* kReportSchema = "mtcsec-report/1";

[[nodiscard]] QByteArray reportJson(const engine::RunSummary& summary);

} // namespace mtcsec::report
