// Fuzz target: scenario JSON (schema mtcsec-scenario/1, core/scenario/ScenarioJson.h). Any text is read,
// and either refused with InvalidInput or accepted; an accepted scenario is written and read back unchanged.
#include "core/InvalidInput.h"
#include "core/scenario/ScenarioJson.h"
#include "tests/fuzz/FuzzTarget.h"

#include <cstdio>

namespace mtcsec::fuzz {

void scenario(ByteView input)
{
    const QByteArray json(reinterpret_cast<const char*>(input.data()), static_cast<qsizetype>(input.size()));
    Scenario s;
    try {
        s = scenarioFromJson(json);
    } catch (const InvalidInput&) {
        return;
    }
    const QByteArray written = scenarioToJson(s);
    Scenario again;
    try {
        again = scenarioFromJson(written);
    } catch (const InvalidInput& e) {
        std::fprintf(stderr, "%s\n", e.what());
        fail("scenario: the JSON written for an accepted scenario is refused");
    }
    check(again == s, "scenario: read(write(read(x))) differs from read(x)");
    check(scenarioToJson(again) == written, "scenario: the JSON written is not stable");
}

} // namespace mtcsec::fuzz
