// The A/B comparison dialog: two headless replays and a table of their verdicts and counts.
#include "ui/AbCompareDialog.h"

#include "ui/LocalNumbers.h"
#include "ui/ProtectionPanel.h"
#include "ui/SessionReportText.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace mtcsec::ui {
namespace {
QString number(std::uint64_t n)
{
    return localCount(n);
}

// One run of `scenario` to `until` in steps (see runAb), `base` added to the progress it stores.
engine::RunSummary runInSteps(const Scenario& scenario, const std::vector<engine::LiveChange>& changes,
                              engine::SimTime until, const std::stop_token& stop,
                              std::atomic<engine::SimTime>& progress, engine::SimTime base)
{
    constexpr engine::SimTime kStep = engine::kMicrosPerSecond / 10;
    const auto engine = std::make_unique<engine::Engine>(scenario);
    std::size_t next = 0;
    engine::SimTime t = 0;
    do {
        t = std::min(until, t + kStep);
        next = engine::advanceWithChanges(*engine, changes, next, t);
        progress.store(base + t, std::memory_order_relaxed);
        // Past the end nothing more happens: no event, and no change is applied after the end.
    } while (t < until && t < engine->endTime() && !stop.stop_requested());
    return engine->summary();
}
} // namespace

AbCompareDialog::AbCompareDialog(Scenario scenario, std::vector<engine::LiveChange> changes,
                                 engine::SimTime until, QWidget* parent)
    : QDialog(parent)
    , scenario_(std::move(scenario))
    , changes_(std::move(changes))
    , until_(until)
    , panel_(new ProtectionPanel(this))
    , table_(new QTableWidget(this))
    , note_(new QLabel(this))
    , progressBar_(new QProgressBar(this))
    , progressTimer_(new QTimer(this))
{
    setObjectName(QStringLiteral("abCompareDialog"));
    setWindowTitle(tr("Compare A/B"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A: the run as it is. B: the same seed and the same live changes, with the "
                                "protection below from the start. Both run to t = %1 s.")
                                 .arg(localDecimal(engine::toSeconds(until_), 1)),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    panel_->setProtection(scenario_.protection);
    connect(panel_, &ProtectionPanel::protectionEdited, panel_, &ProtectionPanel::setProtection);
    auto* sideBySide = new QHBoxLayout;
    sideBySide->addWidget(panel_);
    layout->addLayout(sideBySide, 1);
    table_->setColumnCount(3);
    table_->setHorizontalHeaderLabels({tr("What"), tr("A"), tr("B")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->setMinimumWidth(520);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setMinimumHeight(300);
    sideBySide->addWidget(table_, 1);
    note_->setObjectName(QStringLiteral("abNote"));
    layout->addWidget(note_);
    progressBar_->setObjectName(QStringLiteral("abProgress"));
    progressBar_->setRange(0, 1000);
    progressBar_->setTextVisible(false);
    // Hidden when idle, its room kept: the buttons do not move when a comparison starts.
    QSizePolicy keepRoom = progressBar_->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    progressBar_->setSizePolicy(keepRoom);
    progressBar_->hide();
    layout->addWidget(progressBar_);
    progressTimer_->setInterval(100);
    connect(progressTimer_, &QTimer::timeout, this, &AbCompareDialog::showProgress);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    run_ = buttons->addButton(tr("&Run A and B"), QDialogButtonBox::ActionRole);
    run_->setObjectName(QStringLiteral("runAb"));
    connect(run_, &QPushButton::clicked, this, &AbCompareDialog::runBoth);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(980, 640);
}

AbCompareDialog::~AbCompareDialog()
{
    cancel();
}

std::array<engine::RunSummary, 2> AbCompareDialog::runAb(const Scenario& scenario,
                                                         const std::vector<engine::LiveChange>& changes,
                                                         engine::SimTime until, const Protection& protectionB)
{
    Scenario b = scenario;
    b.protection = protectionB;
    return {engine::replaySummary(scenario, changes, until), engine::replaySummary(b, changes, until)};
}

std::array<engine::RunSummary, 2> AbCompareDialog::runAb(const Scenario& scenario,
                                                         const std::vector<engine::LiveChange>& changes,
                                                         engine::SimTime until, const Protection& protectionB,
                                                         std::stop_token stop,
                                                         std::atomic<engine::SimTime>& progress)
{
    Scenario b = scenario;
    b.protection = protectionB;
    engine::RunSummary first = runInSteps(scenario, changes, until, stop, progress, 0);
    if (stop.stop_requested())
        return {std::move(first), engine::RunSummary{}};
    return {std::move(first), runInSteps(b, changes, until, stop, progress, until)};
}

std::vector<std::array<QString, 3>> AbCompareDialog::rows(const engine::RunSummary& a,
                                                          const engine::RunSummary& b)
{
    std::vector<std::array<QString, 3>> out;
    // The requirements panel's short names (the full wording is in the requirements panel).
    const std::array<QString, 4> titles = {tr("R1 signalling integrity"), tr("R2 signalling confidentiality"),
                                           tr("R3 application data confidentiality"),
                                           tr("R4 application data integrity")};
    for (std::size_t i = 0; i < a.requirements.size(); ++i)
        out.push_back({i < titles.size() ? titles[i] : QString::fromStdString(a.requirements[i].id),
                       sessionreport::verdictText(a.requirements[i].verdict),
                       sessionreport::verdictText(b.requirements[i].verdict)});
    const auto add = [&](const QString& label, auto get) {
        out.push_back({label, number(get(a)), number(get(b))});
    };
    using S = engine::RunSummary;
    add(tr("Readings sent"), [](const S& s) { return s.accounting.uplink.sent; });
    add(tr("Readings delivered intact"), [](const S& s) { return s.accounting.uplink.deliveredIntact; });
    add(tr("Readings delivered altered"), [](const S& s) { return s.accounting.uplink.deliveredAltered; });
    add(tr("Readings dropped"), [](const S& s) { return s.accounting.uplink.dropped(); });
    add(tr("Commands delivered intact"), [](const S& s) { return s.accounting.downlink.deliveredIntact; });
    add(tr("Commands delivered altered"), [](const S& s) { return s.accounting.downlink.deliveredAltered; });
    add(tr("Replayed copies accepted"), [](const S& s) { return s.accounting.acceptedReplayed; });
    add(tr("Forgeries accepted"), [](const S& s) { return s.accounting.acceptedForged; });
    add(tr("Dropped by integrity checks"), [](const S& s) { return s.traffic.droppedIntegrity; });
    add(tr("Dropped by replay checks"), [](const S& s) { return s.traffic.droppedReplay; });
    add(tr("Attaches completed"), [](const S& s) { return s.traffic.attachOk; });
    const auto total = [](const S& s, auto field) {
        std::uint64_t n = 0;
        for (const engine::AttackTally& t : s.attacks)
            n += field(t);
        return n;
    };
    add(tr("Attacks: attempts"),
        [&](const S& s) { return total(s, [](const auto& t) { return t.attempts; }); });
    add(tr("Attacks: blocked"),
        [&](const S& s) { return total(s, [](const auto& t) { return t.blocked; }); });
    add(tr("Attacks: succeeded"),
        [&](const S& s) { return total(s, [](const auto& t) { return t.succeeded; }); });
    add(tr("Secrets read (readings, commands, keys)"), [&](const S& s) {
        return total(s, [](const auto& t) { return t.readingsRead + t.commandsRead + t.keysRead; });
    });
    add(tr("Events"), [](const S& s) { return s.eventsTotal; });
    out.push_back({tr("Digest"), QString::fromStdString(a.digest), QString::fromStdString(b.digest)});
    return out;
}

void AbCompareDialog::runBoth()
{
    if (isRunning())
        return;
    // The runs work on copies: the dialog may change protection B or go away meanwhile.
    const Protection protectionB = panel_->protection();
    const std::uint64_t number = ++runNumber_;
    progress_.store(0);
    run_->setEnabled(false);
    panel_->setEnabled(false);
    note_->setText(tr("Running A and B…"));
    progressBar_->setValue(0);
    progressBar_->show();
    progressTimer_->start();
    setCursor(Qt::BusyCursor);
    worker_ = std::jthread([this, number, scenario = scenario_, changes = changes_, until = until_,
                            protectionB](std::stop_token stop) {
        QElapsedTimer clock;
        clock.start();
        std::array<engine::RunSummary, 2> result;
        QString error;
        try {
            result = runAb(scenario, changes, until, protectionB, stop, progress_);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        if (stop.stop_requested())
            return;
        // Queued to the dialog: the destructor joins this thread first, and a call still queued then is
        // dropped with the dialog.
        QMetaObject::invokeMethod(
            this,
            [this, number, result = std::move(result), error, ms = clock.elapsed()] {
                if (number != runNumber_)
                    return; // cancelled since
                worker_.join();
                showResult(result, error, ms);
            },
            Qt::QueuedConnection);
    });
}

void AbCompareDialog::showProgress()
{
    const engine::SimTime total = std::max<engine::SimTime>(1, 2 * until_);
    progressBar_->setValue(static_cast<int>(progress_.load(std::memory_order_relaxed) * 1000 / total));
}

void AbCompareDialog::showResult(const std::array<engine::RunSummary, 2>& result, const QString& error,
                                 qint64 ms)
{
    progressTimer_->stop();
    progressBar_->hide();
    run_->setEnabled(true);
    panel_->setEnabled(true);
    unsetCursor();
    if (!error.isEmpty()) {
        note_->setText(error);
        emit compared();
        return;
    }
    const auto r = rows(result[0], result[1]);
    table_->setRowCount(static_cast<int>(r.size()));
    for (std::size_t i = 0; i < r.size(); ++i)
        for (std::size_t c = 0; c < 3; ++c) {
            // Long values (the digest) are cut to their start; the whole value is the tooltip.
            auto* item =
                new QTableWidgetItem(r[i][c].size() > 16 && c > 0 ? r[i][c].left(16) + u'…' : r[i][c]);
            item->setToolTip(r[i][c]);
            if (c > 0 && r[i][1] != r[i][2])
                item->setFont([f = item->font()]() mutable {
                    f.setBold(true);
                    return f;
                }());
            table_->setItem(static_cast<int>(i), static_cast<int>(c), item);
        }
    note_->setText(tr("Both runs took %1 ms; rows that differ are in bold.").arg(ms));
    emit compared();
}

void AbCompareDialog::cancel()
{
    if (!worker_.joinable())
        return;
    worker_.request_stop();
    worker_.join();
    ++runNumber_;
    progressTimer_->stop();
    progressBar_->hide();
    run_->setEnabled(true);
    panel_->setEnabled(true);
    unsetCursor();
    note_->setText(tr("Comparison cancelled."));
}

void AbCompareDialog::done(int result)
{
    cancel(); // closing the dialog stops the runs
    QDialog::done(result);
}

} // namespace mtcsec::ui
