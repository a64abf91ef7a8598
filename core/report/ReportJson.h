// The JSON report of a run, schema "mtcsec-report/1" (PRODUCT.md section 7: a contract that tests and users
// rely on).
#pragma once

#include "core/engine/RunSummary.h"

#include <QByteArray>
#include <QJsonObject>

namespace mtcsec::report {

inline constexpr const char* kReportSchema = "mtcsec-report/1";

[[nodiscard]] QByteArray reportJson(const engine::RunSummary& summary);

// The report's e2e_overhead (issue 15): {message, modes: {MODE: {per_message_octets, per_handshake_octets,
// what}}} for none, integrity, aead, oscore and dtls (null where this build does not measure it). No errors.
[[nodiscard]] QJsonObject e2eOverheadJson();

} // namespace mtcsec::report
