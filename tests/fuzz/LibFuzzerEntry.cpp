// The libFuzzer entry point of one fuzz target, chosen at compile time by MTCSEC_FUZZ_TARGET (for example
// mtcsec::fuzz::coap); see tests/fuzz/CMakeLists.txt.
#include "tests/fuzz/FuzzTarget.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    MTCSEC_FUZZ_TARGET(mtcsec::ByteView(data, size));
    return 0; // libFuzzer: 0 keeps the input for the corpus if it is new
}
