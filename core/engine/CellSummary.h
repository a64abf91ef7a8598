// The results of a run split into cells (core/engine/CellPlan.h) as one: the cells' summaries merged and the
// verdicts evaluated again from the merged counts; the run's digest over the cells' digests.
#pragma once

#include "core/engine/CellPlan.h"
#include "core/engine/RunSummary.h"

#include <span>
#include <string>

namespace mtcsec::engine {

// The digest of a run of several cells: the SHA-256, in lowercase hex (64 characters), over one line
// "cell I: DIGEST_I\n" per cell in cell order (I from 0, DIGEST_I the cell's event-log digest in lowercase
// hex). Never throws.
[[nodiscard]] std::string cellsDigest(std::span<const std::string> digests);

// The whole run's summary from its cells' (`cells[i]` the summary of `plan[i]`, as many of each; at least
// one): `whole`'s name, seed, devices and device groups; traffic, accounting, DTLS counters, event counts,
// algorithm selections and every attack's tally (by position: every cell runs every attacker of the scenario)
// summed; each attack's examples the earliest of all cells (by time, then cell), at most 3 of each class
// (signalling, data) as one engine keeps, their device numbers global (kNoDevice stays so), each naming its
// cell (AttackExample::cell); the verdicts and their evidence evaluated again from the merged tallies and
// accounting, over the whole run and since the last protection change (the same simulated time in every
// cell); the digest cellsDigest() of the cells' digests. A plan of one cell gives that cell's summary
// unchanged. Throws std::invalid_argument when the spans differ in size or are empty.
[[nodiscard]] RunSummary mergeCellSummaries(const Scenario& whole, std::span<const Cell> plan,
                                            std::span<const RunSummary> cells);

} // namespace mtcsec::engine
