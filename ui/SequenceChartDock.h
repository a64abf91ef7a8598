// The message sequence chart dock: a device chooser, the chart of that device's messages (live), export as
// SVG or PNG (waiting, while paused, for the records still coming), and "Follow this message". It asks the
// controller for the records of its PDUs in batches (requestPdus), apart from the inspector. Selecting an
// arrow asks the main window to inspect its PDU; a PDU inspected elsewhere (canvas, log) is highlighted here.
// It also keeps the first attach of device 0 for the session report's figure.
#pragma once

#include "ui/SequenceChartModel.h"
#include "ui/SimulationController.h"

#include <QDockWidget>

#include <cstdint>
#include <vector>

class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;

namespace mtcsec::ui {

class EventLogModel;
class SequenceChartView;

class SequenceChartDock : public QDockWidget {
    Q_OBJECT
public:
    // `log` holds the run's events so far (to draw a newly chosen device's history).
    SequenceChartDock(SimulationController* controller, const EventLogModel* log, QWidget* parent = nullptr);

    // A new session with `devices` devices: empty charts, device 0.
    void clear(std::uint32_t devices);
    // A frame's new events.
    void addFrame(const Frame& frame);
    // Shows another device, its history drawn from the log.
    void setDevice(std::uint32_t device);
    // Highlights a PDU's arrow if it is in the chart (a PDU inspected elsewhere).
    void highlightPdu(std::uint32_t pdu);
    // Opens "Follow this message" for a PDU (switching to its device if needed; the dialog opens once its
    // records have arrived).
    void followPdu(std::uint32_t pdu, std::uint32_t device);
    // Exports the chart to `path` as SVG or PNG, after its extension. Throws InvalidInput "FILE: why" at once
    // for a file that cannot be written or of another kind, and for a write made at once that fails. While
    // the run goes (the chart is live, its last arrows in flight) or when every arrow has its record, the
    // file is written at once. Paused with records still coming (a device just chosen), the export waits: the
    // file is written when the last batch has come (in the continuation that asks for the batches; no event
    // loop of its own), or, if the run goes on meanwhile, with the next batch, live as the chart is then.
    // Either way `exported` follows each file written, and `exportFailed` a waiting export whose write
    // failed. A new export replaces a waiting one; another device, a new session (or reset), a jump back and
    // the dock's end cancel it, writing nothing.
    void exportChart(const QString& path);
    // The path of the export waiting for records, or empty.
    [[nodiscard]] QString pendingExport() const { return pendingExport_; }
    // The line under the device chooser that tells of a waiting or finished export (hidden otherwise).
    [[nodiscard]] QLabel* exportHint() const { return exportHint_; }

    // The first attach of device 0 as a figure for the session report (light; null before it starts).
    [[nodiscard]] QImage firstAttachImage() const;
    [[nodiscard]] SequenceChartModel* model() const { return model_; }
    [[nodiscard]] SequenceChartModel* firstAttach() const { return firstAttach_; }
    [[nodiscard]] SequenceChartView* view() const { return view_; }
    [[nodiscard]] QSpinBox* deviceChooser() const { return device_; }

signals:
    void pduActivated(std::uint32_t pdu);
    // A chart was written to `path` (at once, or when a waiting export's records had come).
    void exported(const QString& path);
    // A waiting export could not be written: `message` is "FILE: cannot write: why". Nothing was written.
    void exportFailed(const QString& path, const QString& message);

private:
    void onBatch(const PduBatch& batch);
    // The next batch: the chart's first 256 wanted records and the first attach's first 64.
    [[nodiscard]] std::vector<std::uint32_t> wantedRecords() const;
    void requestRecords();
    // After a batch: asks for the next one unless only the PDUs just answered (still in flight) are wanted.
    void continueRecords();
    // Writes the chart to `path` (checked by exportChart), says so in the hint and emits `exported`. Throws
    // InvalidInput "FILE: cannot write: why".
    void writeChart(const QString& path);
    // After a batch (the continuation): writes the waiting export once no batch is on its way any more, or
    // if the run goes on; else updates the hint.
    void finishExport();
    // Forgets the waiting export (if any), telling why in the hint.
    void cancelExport(const QString& why);
    void showExportHint(const QString& text, const QString& toolTip, bool lasting);
    void showExportError(const QString& message);
    void follow(int row);
    void exportDialog();
    void updateFollowButton();

    SimulationController* controller_;
    const EventLogModel* log_;
    SequenceChartModel* model_;
    SequenceChartModel* firstAttach_;
    SequenceChartView* view_;
    QSpinBox* device_;
    QPushButton* follow_;
    QLabel* legend_;
    std::uint64_t generation_ = 0;
    bool requesting_ = false;
    std::vector<std::uint32_t> asked_; // the PDUs of the last request
    std::uint32_t pendingFollow_ = 0;
    std::uint32_t highlighted_ = 0;
    QLabel* exportHint_ = nullptr;
    QTimer* hintTimer_ = nullptr; // hides a finished export's hint after a while
    QString pendingExport_;
    bool pendingFromDialog_ = false; // its failure is shown in an error dialog
};

} // namespace mtcsec::ui
