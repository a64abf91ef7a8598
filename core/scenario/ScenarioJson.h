// Scenario files, schema "mtcsec-scenario/1" (PRODUCT.md section 8): JSON in and out. Reading names the first
// wrong field by its JSON path and yields nothing half-way; writing is atomic.
#pragma once

#include "core/scenario/Scenario.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <string_view>

namespace mtcsec {

inline constexpr std::string_view kScenarioSchema = "mtcsec-scenario/1";

// Reads a scenario. Throws InvalidInput "json.path: what is wrong" naming the first wrong field, or
// "(document): ..." for a syntax error or a root that is not an object. Unknown fields are errors.
[[nodiscard]] Scenario scenarioFromJson(const QByteArray& json);

// Canonical indented JSON (every field written, keys sorted) that scenarioFromJson reads back unchanged.
[[nodiscard]] QByteArray scenarioToJson(const Scenario& scenario);

// The "protection" object of a scenario (also used by reports for the configuration in force).
[[nodiscard]] QJsonObject protectionToJson(const Protection& protection);
// One element of a scenario's "attacks" array.
[[nodiscard]] QJsonObject attackToJson(const AttackSpec& attack);

// Reads a scenario file. Throws InvalidInput "FILE: json.path: what is wrong", or "FILE: cannot read: why".
[[nodiscard]] Scenario loadScenarioFile(const QString& path);

// Writes a scenario file through io::AtomicFile: complete or absent, the old file stays whole if anything
// fails, a symbolic link or special file is never replaced. Throws InvalidInput "FILE: cannot write: why", or
// "FILE: not saved, it would not load: json.path: what is wrong" for a scenario that loadScenarioFile would
// refuse (an attacker set to start at or after duration_s), writing nothing.
void saveScenarioFile(const Scenario& scenario, const QString& path);

} // namespace mtcsec
