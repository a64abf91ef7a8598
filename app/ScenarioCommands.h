// `mtcsec run`, `mtcsec presets`, `mtcsec validate` (PRODUCT.md section 6): headless simulation runs.
#pragma once

#include <QStringList>

namespace mtcsec::app {

// Each takes the arguments from the command word on ("run", ...) and returns the exit code.
[[nodiscard]] int runRunCommand(const QStringList& arguments);
[[nodiscard]] int runPresetsCommand(const QStringList& arguments);
[[nodiscard]] int runValidateCommand(const QStringList& arguments);

} // namespace mtcsec::app
