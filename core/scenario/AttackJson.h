// One element of a scenario's "attacks" array (PRODUCT.md section 4): an attacker's kind, target, filters,
// time window and rate.
#pragma once

#include "core/scenario/Scenario.h"

#include <QJsonValue>

#include <string_view>
#include <vector>

namespace mtcsec::json {

// Reads attacks[index] at `path`; `before` holds the attacks read so far (ids are unique). Throws
// InvalidInput "PATH.field: what is wrong".
[[nodiscard]] AttackSpec readAttack(const QJsonValue& value, std::string_view path, qsizetype index,
                                    const std::vector<AttackSpec>& before);

} // namespace mtcsec::json
