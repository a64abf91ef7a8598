// The message sequence chart dock.
#include "ui/SequenceChartDock.h"

#include "core/InvalidInput.h"
#include "core/io/AtomicFile.h"
#include "core/io/OutputFolder.h"
#include "ui/EventLogModel.h"
#include "ui/FollowReading.h"
#include "ui/SequenceChartPainter.h"
#include "ui/SequenceChartView.h"
#include "ui/Settings.h"

#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace mtcsec::ui {

namespace {
constexpr int kExportWidth = 1200; // pixels of an exported chart
constexpr int kFigureWidth = 900;  // pixels of the report's figure: text large enough in print
constexpr int kHintMs = 8000;      // how long the hint of a written or cancelled export stays
} // namespace

SequenceChartDock::SequenceChartDock(SimulationController* controller, const EventLogModel* log,
                                     QWidget* parent)
    : QDockWidget(tr("Sequence chart"), parent)
    , controller_(controller)
    , log_(log)
    , model_(new SequenceChartModel(this))
    , firstAttach_(new SequenceChartModel(this))
{
    setObjectName(QStringLiteral("sequenceChartDock"));
    setAccessibleName(tr("Sequence chart"));
    firstAttach_->setFirstAttachOnly(true);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(tr("&Device"), content);
    device_ = new QSpinBox(content);
    device_->setObjectName(QStringLiteral("sequenceChartDevice"));
    device_->setAccessibleName(tr("Device shown in the sequence chart"));
    device_->setToolTip(tr("The device whose messages the chart shows (numbered from 0, as in the log)"));
    label->setBuddy(device_);
    follow_ = new QPushButton(tr("&Follow this message…"), content);
    follow_->setObjectName(QStringLiteral("sequenceChartFollow"));
    follow_->setToolTip(tr("The selected reading or command hop by hop: what each node and attacker saw"));
    auto* exportButton = new QPushButton(tr("E&xport…"), content);
    exportButton->setObjectName(QStringLiteral("sequenceChartExport"));
    exportButton->setToolTip(tr("Save the chart as SVG or PNG"));
    bar->addWidget(label);
    bar->addWidget(device_);
    bar->addStretch(1);
    bar->addWidget(follow_);
    bar->addWidget(exportButton);
    layout->addLayout(bar);
    exportHint_ = new QLabel(content);
    exportHint_->setObjectName(QStringLiteral("sequenceChartExportHint"));
    exportHint_->setWordWrap(true);
    exportHint_->hide();
    layout->addWidget(exportHint_);
    hintTimer_ = new QTimer(this);
    hintTimer_->setSingleShot(true);
    hintTimer_->setInterval(kHintMs);
    connect(hintTimer_, &QTimer::timeout, exportHint_, &QLabel::hide);
    view_ = new SequenceChartView(model_, content);
    layout->addWidget(view_, 1);
    legend_ = new QLabel(content);
    legend_->setWordWrap(true);
    legend_->setText(
        tr("<small>solid: ciphered + integrity · dashed: integrity only · dash-dot: ciphered only · "
           "dotted: none · ◉ read · ✎ changed · ⟲ replayed · ✚ forged · ⌂ insider · ✗ dropped</small>"));
    legend_->setToolTip(sequenceChartLegend());
    layout->addWidget(legend_);
    setWidget(content);

    connect(device_, &QSpinBox::valueChanged, this, [this](int d) {
        if (static_cast<std::uint32_t>(d) != model_->device())
            setDevice(static_cast<std::uint32_t>(d));
    });
    connect(follow_, &QPushButton::clicked, this, [this] { follow(view_->selectedRow()); });
    connect(exportButton, &QPushButton::clicked, this, &SequenceChartDock::exportDialog);
    connect(view_, &SequenceChartView::rowClicked, this, [this](int row) {
        const ChartRow& r = model_->rows()[static_cast<std::size_t>(row)];
        view_->setPath(model_->messagePath(row));
        updateFollowButton();
        if (r.type == ChartRow::Type::Arrow) {
            highlighted_ = r.pdu;
            emit pduActivated(r.pdu);
        }
    });
    connect(view_, &SequenceChartView::followRequested, this, &SequenceChartDock::follow);
    connect(controller_, &SimulationController::pdusReady, this, &SequenceChartDock::onBatch);
    clear(1);
}

void SequenceChartDock::clear(std::uint32_t devices)
{
    device_->blockSignals(true);
    device_->setRange(0, static_cast<int>(std::max<std::uint32_t>(devices, 1) - 1));
    device_->setValue(0);
    device_->blockSignals(false);
    cancelExport(tr("a new session started"));
    model_->reset(0);
    firstAttach_->reset(0);
    view_->selectRow(-1);
    view_->setPath({});
    generation_ = 0;
    requesting_ = false;
    pendingFollow_ = 0;
    highlighted_ = 0;
    updateFollowButton();
}

void SequenceChartDock::addFrame(const Frame& frame)
{
    const bool newSession = frame.generation != generation_;
    if (newSession || frame.rebuilt) {
        // A new session (or a reset), or a jump back (the run replayed from time 0, this frame holds all its
        // events again): what was drawn belongs to the old one. An answer asked for before a jump back still
        // comes, in this generation: the replay gives its PDUs the same numbers.
        cancelExport(newSession ? tr("a new session started") : tr("the run went back in time"));
        model_->reset(model_->device());
        firstAttach_->reset(0);
        view_->selectRow(-1);
        view_->setPath({});
        pendingFollow_ = 0;
        highlighted_ = 0;
        updateFollowButton();
        generation_ = frame.generation;
        requesting_ = requesting_ && !newSession;
    }
    model_->setProtectionHistory(frame.summary.initialProtection.app, frame.summary.changes);
    firstAttach_->setProtectionHistory(frame.summary.initialProtection.app, frame.summary.changes);
    model_->addEvents(frame.events, frame.attackIds);
    if (!firstAttach_->complete())
        firstAttach_->addEvents(frame.events, frame.attackIds);
    requestRecords();
}

void SequenceChartDock::setDevice(std::uint32_t device)
{
    device_->blockSignals(true);
    device_->setValue(static_cast<int>(device));
    device_->blockSignals(false);
    cancelExport(tr("another device is shown"));
    model_->reset(device);
    view_->selectRow(-1);
    view_->setPath({});
    if (log_ != nullptr)
        model_->addEvents(log_->events(), log_->attackIds());
    updateFollowButton();
    requestRecords();
}

std::vector<std::uint32_t> SequenceChartDock::wantedRecords() const
{
    std::vector<std::uint32_t> wanted = model_->wantedRecords(256);
    for (const std::uint32_t id : firstAttach_->wantedRecords(64))
        if (std::find(wanted.begin(), wanted.end(), id) == wanted.end())
            wanted.push_back(id);
    return wanted;
}

void SequenceChartDock::requestRecords()
{
    if (requesting_ || generation_ == 0)
        return;
    std::vector<std::uint32_t> wanted = wantedRecords();
    if (wanted.empty())
        return;
    requesting_ = true;
    asked_ = wanted;
    controller_->requestPdus(std::move(wanted));
}

void SequenceChartDock::continueRecords()
{
    // The same list again means only PDUs still in flight are wanted: their records change with the run
    // only, so the next frame asks for them (paused, nothing more to ask).
    if (requesting_ || generation_ == 0)
        return;
    if (wantedRecords() != asked_)
        requestRecords();
    if (!pendingExport_.isEmpty())
        finishExport();
}

void SequenceChartDock::onBatch(const PduBatch& batch)
{
    if (batch.generation != generation_)
        return;
    requesting_ = false;
    // The next batch right after this one is drawn (also while paused, when no frame asks again), the event
    // loop running in between so the window stays responsive.
    QTimer::singleShot(0, this, &SequenceChartDock::continueRecords);
    for (const engine::PduRecord& r : batch.records) {
        model_->addRecord(r);
        firstAttach_->addRecord(r);
    }
    for (const std::uint32_t id : batch.missing) {
        model_->recordMissing(id);
        firstAttach_->recordMissing(id);
    }
    if (highlighted_ != 0)
        view_->setPath(model_->messagePath(model_->rowOfPdu(highlighted_)));
    updateFollowButton();
    if (pendingFollow_ != 0) {
        const int row = model_->rowOfPdu(pendingFollow_);
        if (row >= 0 && model_->rows()[static_cast<std::size_t>(row)].record) {
            pendingFollow_ = 0;
            view_->selectRow(row);
            follow(row);
        }
    }
}

void SequenceChartDock::highlightPdu(std::uint32_t pdu)
{
    const int row = model_->rowOfPdu(pdu);
    highlighted_ = pdu;
    view_->selectRow(row);
    view_->setPath(model_->messagePath(row));
    updateFollowButton();
}

void SequenceChartDock::followPdu(std::uint32_t pdu, std::uint32_t device)
{
    if (device != model_->device())
        setDevice(device);
    const int row = model_->rowOfPdu(pdu);
    if (row >= 0 && model_->rows()[static_cast<std::size_t>(row)].record) {
        view_->selectRow(row);
        follow(row);
        return;
    }
    pendingFollow_ = pdu; // once its record has come
    show();
    raise();
}

void SequenceChartDock::follow(int row)
{
    if (row < 0)
        return;
    auto* dialog = new FollowReadingDialog(*model_, row, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void SequenceChartDock::updateFollowButton()
{
    follow_->setEnabled(!model_->messagePath(view_->selectedRow()).empty());
}

void SequenceChartDock::writeChart(const QString& path)
{
    if (QFileInfo(path).suffix().toLower() == QLatin1String("svg")) {
        io::writeFileAtomically(path, sequenceChartSvg(*model_, kExportWidth));
    } else {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        renderSequenceChart(*model_, kExportWidth).save(&buffer, "PNG");
        io::writeFileAtomically(path, png);
    }
    showExportHint(tr("Sequence chart written to %1").arg(QFileInfo(path).fileName()), path, true);
    emit exported(path);
}

void SequenceChartDock::exportChart(const QString& path)
{
    io::checkOutputPath(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("svg") && suffix != QLatin1String("png"))
        throw InvalidInput(path.toStdString() + ": the sequence chart is written as .svg or .png");
    // While running the chart is live (its last arrows in flight): as it is. Paused, it is drawn complete:
    // the batches still wanted are asked for (as the continuation after a batch would), and the export waits
    // for the last of them.
    const bool running = controller_->isRunning();
    if (!running && !requesting_ && generation_ != 0 && wantedRecords() != asked_)
        requestRecords();
    pendingExport_.clear();
    if (running || !requesting_) {
        exportHint_->hide();
        writeChart(path);
        return;
    }
    pendingExport_ = path; // replaces one waiting
    pendingFromDialog_ = false;
    finishExport();
}

void SequenceChartDock::finishExport()
{
    if (requesting_ && !controller_->isRunning()) {
        std::size_t arrows = 0;
        std::size_t known = 0;
        for (const ChartRow& r : model_->rows()) {
            if (r.type == ChartRow::Type::Arrow) {
                ++arrows;
                known += r.recordKnown ? 1 : 0;
            }
        }
        showExportHint(tr("Exporting to %1 once every arrow has its details: %L2 of %L3 so far…")
                           .arg(QFileInfo(pendingExport_).fileName())
                           .arg(known)
                           .arg(arrows),
                       tr("Paused, the chart is exported when the details of all its arrows have come. "
                          "Choosing another device cancels the export."),
                       false);
        return;
    }
    const QString path = std::exchange(pendingExport_, QString());
    try {
        writeChart(path);
    } catch (const InvalidInput& e) {
        exportHint_->hide();
        const QString message = QString::fromStdString(e.what());
        if (pendingFromDialog_)
            showExportError(message);
        emit exportFailed(path, message);
    }
}

void SequenceChartDock::cancelExport(const QString& why)
{
    if (pendingExport_.isEmpty())
        return;
    const QString name = QFileInfo(std::exchange(pendingExport_, QString())).fileName();
    showExportHint(tr("Export to %1 cancelled: %2").arg(name, why), QString(), true);
}

void SequenceChartDock::showExportHint(const QString& text, const QString& toolTip, bool lasting)
{
    exportHint_->setText(text);
    exportHint_->setToolTip(toolTip);
    exportHint_->show();
    if (lasting)
        hintTimer_->start();
    else
        hintTimer_->stop();
}

void SequenceChartDock::showExportError(const QString& message)
{
    // Opened, not exec'd: a waiting export fails inside the continuation that fetches the batches, where no
    // event loop may run.
    auto* box =
        new QMessageBox(QMessageBox::Critical, tr("Export sequence chart"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void SequenceChartDock::exportDialog()
{
    Settings settings;
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export sequence chart"),
        settings.lastDirectory() + QStringLiteral("/sequence-chart-device-%1.svg").arg(model_->device()),
        tr("SVG drawing (*.svg);;PNG image (*.png)"), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.contains(QLatin1String("png")) ? QStringLiteral(".png") : QStringLiteral(".svg");
    try {
        exportChart(path);
        pendingFromDialog_ = !pendingExport_.isEmpty();
        // Only a folder the chart could be written to is offered next time (a file dialog opened in /proc
        // hangs reading /proc/kmsg).
        settings.setLastDirectory(QFileInfo(path).absolutePath());
    } catch (const InvalidInput& e) {
        showExportError(QString::fromStdString(e.what()));
    }
}

QImage SequenceChartDock::firstAttachImage() const
{
    return firstAttach_->rows().empty() ? QImage() : renderSequenceChart(*firstAttach_, kFigureWidth);
}

} // namespace mtcsec::ui
