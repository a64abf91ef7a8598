// The failure report shared by every fuzz target.
#include "tests/fuzz/FuzzTarget.h"

#include <cstdio>
#include <cstdlib>

namespace mtcsec::fuzz {

void fail(const char* what)
{
    std::fprintf(stderr, "fuzz: round trip: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

} // namespace mtcsec::fuzz
