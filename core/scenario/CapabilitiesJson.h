// Sets of EPS security algorithms in scenario files: a device's UE security capabilities (TS 24.301
// 9.9.3.36) and the algorithms a downgrade attack strips from them, as {"eea": [...], "eia": [...]}.
#pragma once

#include "core/scenario/Scenario.h"

#include <QJsonObject>
#include <QJsonValue>

#include <string_view>

namespace mtcsec::json {

// Reads {"eea": ["EEA0", "128-EEA1"], "eia": ["EIA1"]} over `sets`: each family given replaces that family's
// set, a family not given keeps what `sets` holds. Any of the four identities of a family may be named (short
// or long names, as the protection reads them), each once. `allowEmpty`: whether a family may be an empty
// list. Throws InvalidInput "PATH.eea[1]: what is wrong".
void readAlgorithmSets(const QJsonValue& value, std::string_view path, UeCapabilities& sets, bool allowEmpty);

// {"eea": [...], "eia": [...]} with the short names in identity order.
[[nodiscard]] QJsonObject algorithmSetsToJson(const UeCapabilities& sets);

} // namespace mtcsec::json
