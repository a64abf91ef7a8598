// A power-on known-answer self-test of the crypto core on official 3GPP test sets (TS 33.401 Annex C,
// TS 35.207, the ETSI/SAGE SNOW 3G and ZUC test data), run by `mtcsec --self-test` and available to any
// front-end.
#pragma once

#include <string>
#include <vector>

namespace mtcsec::crypto {

struct SelfTestResult {
    std::string name; // for example "128-EEA2 test set 1 (TS 33.401 C.1)"
    bool passed = false;
    std::string detail; // expected and actual value when it failed
};

[[nodiscard]] std::vector<SelfTestResult> runSelfTest();

} // namespace mtcsec::crypto
