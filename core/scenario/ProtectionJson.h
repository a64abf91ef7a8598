// The "protection" object of a scenario (PRODUCT.md section 3; TS 33.401 NAS, AS and NDS/IP, end-to-end
// application security): reading over a starting configuration, and the short algorithm names files use.
#pragma once

#include "core/scenario/Scenario.h"

#include <QJsonValue>

#include <string>
#include <string_view>

namespace mtcsec::json {

// "EIA2", "EEA0": the short names that scenario files use.
[[nodiscard]] std::string shortName(crypto::IntegrityAlgorithm alg);
[[nodiscard]] std::string shortName(crypto::CipheringAlgorithm alg);

// Applies the fields given over `protection`: a scenario's starting protection, or a change. Throws
// InvalidInput "PATH.field: what is wrong".
void readProtection(const QJsonValue& value, std::string_view path, Protection& protection);

} // namespace mtcsec::json
