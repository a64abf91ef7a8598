// The message sequence chart dock: a device chooser, the chart of that device's messages (live), export as
// SVG or PNG, and "Follow this message". It asks the controller for the records of its PDUs in batches
// (requestPdus), apart from the inspector. Selecting an arrow asks the main window to inspect its PDU; a PDU
// inspected elsewhere (canvas, log) is highlighted here. It also keeps the first attach of device 0 for the
// session report's figure.
#pragma once

#include "ui/SequenceChartModel.h"
#include "ui/SimulationController.h"

#include <QDockWidget>

#include <cstdint>
#include <vector>

class QLabel;
class QPushButton;
class QSpinBox;

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
    // Writes the chart as SVG or PNG, after the extension. Throws InvalidInput "FILE: why". While the run is
    // paused it first waits for the records still wanted (finishRecords), so the file shows every arrow's
    // details.
    void exportChart(const QString& path);
    // Processes events until every arrow of the chart has its record (the batches asked one after another;
    // an arrow still in flight has its record as it is now), at most kFinishTimeoutMs milliseconds; returns
    // whether every record is known. Works while paused.
    bool finishRecords();
    static constexpr int kFinishTimeoutMs = 30000;

    // The first attach of device 0 as a figure for the session report (light; null before it starts).
    [[nodiscard]] QImage firstAttachImage() const;
    [[nodiscard]] SequenceChartModel* model() const { return model_; }
    [[nodiscard]] SequenceChartModel* firstAttach() const { return firstAttach_; }
    [[nodiscard]] SequenceChartView* view() const { return view_; }
    [[nodiscard]] QSpinBox* deviceChooser() const { return device_; }

signals:
    void pduActivated(std::uint32_t pdu);

private:
    void onBatch(const PduBatch& batch);
    // The next batch: the chart's first 256 wanted records and the first attach's first 64.
    [[nodiscard]] std::vector<std::uint32_t> wantedRecords() const;
    void requestRecords();
    // After a batch: asks for the next one unless only the PDUs just answered (still in flight) are wanted.
    void continueRecords();
    [[nodiscard]] bool recordsKnown() const;
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
};

} // namespace mtcsec::ui
