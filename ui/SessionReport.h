// The session report as a document (PRODUCT.md sections 1, 6 and 7): one self-contained HTML file (images
// embedded) or a paginated PDF with the scenario, the protection in force, the topology as drawn, the
// timeline, every attack with its counts and a before/after example, the R1-R4 verdicts with evidence, the
// charts, and the seed and digest that reproduce the run. Both are written through io::AtomicFile: complete
// or absent, a previous file kept on a failure, never a symbolic link or special file replaced. Every text
// from the scenario (names, ids, descriptions, evidence) is HTML-escaped.
#pragma once

#include "core/engine/CellRun.h"
#include "core/engine/Engine.h"
#include "core/engine/EventLog.h"
#include "core/engine/RunSummary.h"
#include "core/scenario/Scenario.h"

#include <QByteArray>
#include <QImage>
#include <QString>

#include <span>
#include <utility>
#include <vector>

namespace mtcsec::ui {

class TopologyScene;

struct SessionReportInput {
    engine::RunSummary summary;
    Scenario scenario; // as the run was configured (its description, traffic, timeline)
    // The run's log, or the part the report reads: protection changes, attackers placed and removed by hand.
    std::vector<engine::LogEvent> events;
    QImage topology;      // the canvas as drawn, on a light background
    QImage sequenceChart; // the first device's attach as a message sequence chart (null: none)
    std::vector<std::pair<QString, QImage>> charts; // title and picture, in the order shown
};

// Everything a report needs from a finished or running engine: the summary, the scenario, the events, a fresh
// canvas configured from the summary (devices, protection in force, attackers with their counts) and the
// three charts fed with the events, and the first device's attach as a sequence chart. Needs a QApplication
// (offscreen works); the pictures are light whatever the theme.
[[nodiscard]] SessionReportInput collectReportInput(const engine::Engine& engine);

// The same for a run of several cells, after CellRun::run() with setKeepEvents(true) and
// setKeepFirstCell(true): the merged summary (every count summed over the cells, the verdicts evaluated from
// the sums), the charts fed with every cell's events (their counts the sums over the cells), the canvas drawn
// from the merged summary, the timeline from cell 0's protection changes (the same in every cell) and the
// first attach of device 0 from cell 0's engine (device 0 is in cell 0). Throws InvalidInput as
// CellRun::forEachEvent, and "report: the first cell was not kept (CellRun::setKeepFirstCell)".
[[nodiscard]] SessionReportInput collectReportInput(const engine::CellRun& run);

// The first attach of device 0 as a message sequence chart (SequenceChartModel), light, 1200 pixels wide;
// null if the device has sent nothing yet.
[[nodiscard]] QImage renderFirstAttach(const engine::Engine& engine);

// The canvas as it is drawn now, about 1600 pixels wide on a white background, in the light palette even when
// the application runs in a dark theme.
[[nodiscard]] QImage renderTopology(TopologyScene& scene);

// The three charts (traffic per link, attack outcomes, protection overhead) for these events at simulated
// time `now`, about 1000 x 500 pixels each, in the light palette.
[[nodiscard]] std::vector<std::pair<QString, QImage>> renderCharts(std::span<const engine::LogEvent> events,
                                                                   engine::SimTime now);

// One HTML document, readable without colour. For a browser (forPdf false) the images are data: URIs, so the
// file stands alone; for the PDF (forPdf true) they are referenced by the names that writePdfReport registers
// as QTextDocument resources, and the sizes fit an A4 page.
[[nodiscard]] QString reportHtml(const SessionReportInput& in, bool forPdf);

// Writes the HTML report (UTF-8) atomically. Throws InvalidInput "FILE: cannot write: why".
void writeHtmlReport(const SessionReportInput& in, const QString& path);

// Writes the PDF report (A4, 300 dpi, page numbers in the footer) atomically. Throws InvalidInput
// "FILE: cannot write: why".
void writePdfReport(const SessionReportInput& in, const QString& path);

// The PDF report's bytes (what writePdfReport writes). Throws InvalidInput "PDF report: cannot write: why"
// when Qt's PDF writer fails.
[[nodiscard]] QByteArray pdfReport(const SessionReportInput& in);

} // namespace mtcsec::ui
