// `mtcsec crypto ...`: the 3GPP security functions of the core on hex input (PRODUCT.md section 6).
#pragma once

#include <QStringList>

namespace mtcsec::app {

// `arguments` starts with "crypto". Returns the exit code.
[[nodiscard]] int runCryptoCommand(const QStringList& arguments);

} // namespace mtcsec::app
