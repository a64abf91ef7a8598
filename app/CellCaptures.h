// The packet captures of a run of several cells: one folder per cell, DIR/cell-N, written as a run of one
// cell writes DIR (core/report/CaptureRecorder.h), all put in place together or none.
#pragma once

#include "core/engine/CaptureSink.h"
#include "core/engine/CellPlan.h"
#include "core/report/CaptureRecorder.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace mtcsec::app {

// The capture folder of cell `cell` of a run of several cells: DIR/cell-N.
[[nodiscard]] QString cellFolder(const QString& dir, std::uint32_t cell);

// The folders DIR/cell-N with N >= `cells` (an earlier run of more cells wrote them; this run does not touch
// them, as it removes no data it did not write), as "cell-3 to cell-6, cell-9", or empty when there are
// none.
[[nodiscard]] QString staleCellFolders(const QString& dir, std::uint32_t cells);

// The packet captures of a run of several cells (CellRun::setCaptures): each cell is its own set of links,
// keys and attackers, so each writes a capture folder of its own, DIR/cell-N, as a run of one cell writes
// DIR. The thread that runs a cell makes its folder (if missing) and its CaptureRecorder, and writes the
// files out (CaptureRecorder::prepare) when the cell ends, so that only the running cells hold open files.
// commit() puts every file in place after the run; undo() discards what is not committed and removes the
// folders it made.
class CellCaptures {
public:
    CellCaptures(QString dir, std::size_t cells);
    // Called by the cell's thread. Throws InvalidInput as CaptureRecorder's constructor, or "DIR/cell-N:
    // cannot write: why".
    engine::CaptureSink* open(const engine::Cell& cell);
    // Called by the cell's thread once the cell has ended. Throws as CaptureRecorder::prepare.
    void finished(const engine::Cell& cell);
    // Renames every cell's files into place; `created` gets those that did not exist before. Throws as
    // CaptureRecorder::commit.
    void commit(QStringList& created);
    // Discards what is not committed and removes the files and folders this run made.
    void undo();

private:
    struct Slot {
        std::unique_ptr<report::CaptureRecorder> recorder;
        bool createdFolder = false;
    };
    QString dir_;
    std::vector<Slot> slots_; // one per cell, each written by the thread that runs the cell
};

} // namespace mtcsec::app
