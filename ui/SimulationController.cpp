// The engine's worker thread and the GUI-side controller.
#include "ui/SimulationController.h"

#include "core/InvalidInput.h"
#include "core/protocol/RrcMessage.h"
#include "core/report/CaptureRecorder.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <utility>

namespace mtcsec::ui {

using engine::SimTime;

namespace {
constexpr int kTickMs = 10;              // how often the worker advances the simulation
constexpr qint64 kBudgetNs = 25'000'000; // wall time one tick may spend simulating
constexpr qint64 kFrameNs = 33'000'000;  // about 30 frames a second
} // namespace

class SimulationWorker : public QObject, public engine::EngineObserver {
    Q_OBJECT
public:
    explicit SimulationWorker(std::shared_ptr<std::atomic<bool>> taken)
        : taken_(std::move(taken))
    {}

    void load(const Scenario& scenario, std::uint64_t generation)
    {
        setRunning(false);
        stopCapture();
        engine_.reset();
        pending_.clear();
        rate_.clear();
        generation_ = generation;
        loaded_ = scenario;
        changes_.clear();
        applied_ = 0;
        horizon_ = 0;
        try {
            engine_ = std::make_unique<engine::Engine>(scenario);
            configure();
        } catch (const std::exception& e) {
            emit error(QString::fromStdString(e.what()));
            return;
        }
        emitFrame(true);
    }

    void setRunning(bool running)
    {
        if (!timer_) {
            timer_ = new QTimer(this);
            timer_->setInterval(kTickMs);
            connect(timer_, &QTimer::timeout, this, &SimulationWorker::tick);
        }
        running_ = running && engine_ && !engine_->finished();
        if (running_) {
            anchorWall_.start();
            anchorSim_ = engine_->now();
            timer_->start();
        } else {
            timer_->stop();
        }
        emitFrame(true);
    }

    void setSpeed(double speed)
    {
        speed_ = speed;
        if (engine_) {
            anchorWall_.start();
            anchorSim_ = engine_->now();
        }
    }

    void step()
    {
        if (!engine_)
            return;
        setRunning(false);
        applyChangesBeforeNextEvent();
        engine_->step();
        emitFrame(true);
    }

    // Steps until one more PDU is on a link (or the run ends).
    void nextMessage()
    {
        if (!engine_)
            return;
        setRunning(false);
        const std::size_t before = pending_.size();
        bool sent = false;
        while (!sent) {
            applyChangesBeforeNextEvent();
            if (!engine_->step())
                break;
            sent =
                std::any_of(pending_.begin() + static_cast<std::ptrdiff_t>(before), pending_.end(),
                            [](const engine::LogEvent& e) { return e.kind == engine::EventKind::PduSent; });
        }
        emitFrame(true);
    }

    void jumpTo(SimTime t)
    {
        if (!engine_)
            return;
        setRunning(false);
        t = std::clamp<SimTime>(t, 0, engine_->endTime());
        try {
            if (t < engine_->now()) {
                stopCapture(); // a capture cannot go back in time
                pending_.clear();
                engine_.reset();
                // Configured as a loaded engine before the replay, so that replayed PDUs can be inspected.
                engine_ = std::make_unique<engine::Engine>(loaded_);
                configure();
                applied_ = engine::advanceWithChanges(*engine_, changes_, 0, t);
                rebuilt_ = true;
            } else {
                applied_ = engine::advanceWithChanges(*engine_, changes_, applied_, t);
                jumped_ = true; // what was sent on the way is not in flight at t
            }
        } catch (const std::exception& e) {
            emit error(QString::fromStdString(e.what()));
        }
        emitFrame(true);
    }

    void setProtection(const Protection& p)
    {
        engine::LiveChange c;
        c.kind = engine::LiveChange::Kind::SetProtection;
        c.protection = p;
        liveChange(c);
    }

    void addAttack(const AttackSpec& a)
    {
        engine::LiveChange c;
        c.kind = engine::LiveChange::Kind::AddAttack;
        c.attack = a;
        liveChange(c);
    }

    void removeAttack(const std::string& id)
    {
        engine::LiveChange c;
        c.kind = engine::LiveChange::Kind::RemoveAttack;
        c.attack.id = id;
        liveChange(c);
    }

    void requestPdu(std::uint32_t id)
    {
        PduView view;
        const auto record = engine_ ? engine_->pdu(id) : std::nullopt;
        if (record) {
            view.found = true;
            view.record = *record;
            view.attacker = engine::dissectLink(record->link, record->bytes);
            view.deviceSecurity = engine_->deviceSecurity(record->device);
            view.sent = endpointView(record->link, record->plain);
            if (!record->applicationPayload.empty()) {
                view.sent.content += view.sent.content.empty() ? "" : "; ";
                view.sent.content += "application payload sent " + record->applicationPayload;
            }
            // After arrival: what the receiver decoded from the bytes that reached it (after any tampering).
            view.endpoint = record->reception == engine::Reception::Pending
                                ? view.sent
                                : endpointView(record->link, record->received);
            if (record->reception != engine::Reception::Pending && !view.altered() &&
                !record->applicationPayload.empty()) {
                view.endpoint.content += view.endpoint.content.empty() ? "" : "; ";
                view.endpoint.content += "application payload " + record->applicationPayload;
            }
        }
        emit pdu(view);
    }

    void requestPdus(const std::vector<std::uint32_t>& ids)
    {
        PduBatch batch;
        batch.generation = generation_;
        for (const std::uint32_t id : ids) {
            if (auto record = engine_ ? engine_->pdu(id) : std::nullopt)
                batch.records.push_back(std::move(*record));
            else
                batch.missing.push_back(id);
        }
        emit pdus(batch);
    }

    void startCapture(const QString& directory)
    {
        stopCapture();
        if (!engine_)
            return;
        try {
            capture_ = std::make_unique<report::CaptureRecorder>(directory);
            captureDirectory_ = directory;
            engine_->setCaptureSink(capture_.get());
        } catch (const std::exception& e) {
            capture_.reset();
            emit error(QString::fromStdString(e.what()));
        }
    }

    void stopCapture()
    {
        if (!capture_)
            return;
        if (engine_)
            engine_->setCaptureSink(nullptr);
        try {
            capture_->finish();
            emit captureDone(captureDirectory_);
        } catch (const std::exception& e) {
            emit error(QString::fromStdString(e.what()));
        }
        capture_.reset();
    }

    void eventsAppended(std::span<const engine::LogEvent> events) override
    {
        pending_.insert(pending_.end(), events.begin(), events.end());
        processed_ += events.size();
    }

    // The GUI took a frame: send the next one if one is due.
    void frameTaken() { emitFrame(false); }

signals:
    void frame(std::shared_ptr<mtcsec::ui::Frame> frame);
    void futureDiscarded(double atS);
    void pdu(const mtcsec::ui::PduView& view);
    void pdus(const mtcsec::ui::PduBatch& batch);
    void error(const QString& message);
    void captureDone(const QString& directory);

private:
    void configure()
    {
        engine_->setObserver(this);
        // The window's views keep what they show; the engine's own log goes to a temporary file (the digest
        // and the verdicts are computed as events happen), so that a long run does not hold every event
        // twice.
        engine_->setSpillEvents(true);
        engine_->setClassifyPdus(true);
        engine_->setKeepReceiverView(true);
    }

    // Before a single step: the recorded live changes due before the next action are applied at their own
    // times, as the run that recorded them did (advanceWithChanges: the events up to a change's time, then
    // the change), so that stepping after a jump back replays the same run.
    void applyChangesBeforeNextEvent()
    {
        const auto next = engine_->nextEventTime();
        advance(next && *next > engine_->now() ? *next - 1 : engine_->now());
    }

    // The recorded live changes due by now (after a jump back, the later ones are replayed as time passes).
    void applyDueChanges() { advance(engine_->now()); }

    // Advances to `until` through the recorded changes (the engine's runUntil, for the timeline).
    void advance(SimTime until)
    {
        try {
            applied_ = engine::advanceWithChanges(*engine_, changes_, applied_, until);
        } catch (const std::exception& e) {
            applied_ = changes_.size();
            emit error(QString::fromStdString(e.what()));
        }
    }

    // A change the user made now: recorded on the timeline; one made at an earlier moment than the furthest
    // reached discards the changes recorded after it (the future of the earlier run).
    void liveChange(engine::LiveChange c)
    {
        if (!engine_)
            return;
        applyDueChanges();
        c.at = engine_->now();
        if (c.kind == engine::LiveChange::Kind::RemoveAttack) {
            const auto summary = engine_->summary();
            const bool present = std::any_of(
                summary.attacks.begin(), summary.attacks.end(),
                [&](const engine::AttackTally& a) { return a.spec.id == c.attack.id && !a.removed; });
            if (!present)
                return;
        }
        if (applied_ < changes_.size() || c.at < horizon_) {
            changes_.resize(applied_);
            horizon_ = c.at;
            emit futureDiscarded(engine::toSeconds(c.at));
        }
        try {
            engine::applyChange(*engine_, c);
            changes_.push_back(c);
            applied_ = changes_.size();
        } catch (const std::exception& e) {
            emit error(QString::fromStdString(e.what()));
        }
        emitFrame(true);
    }

    static engine::Finding endpointView(Link link, ByteView plain)
    {
        if (plain.empty())
            return {};
        if (link == Link::Uu) {
            if (const auto rrc = protocol::decodeRrc(plain)) {
                engine::Finding f;
                if (rrc->type == protocol::RrcType::UlInformationTransfer ||
                    rrc->type == protocol::RrcType::DlInformationTransfer)
                    f = engine::dissectNas(rrc->body);
                f.layers = std::string("RRC ") + protocol::name(rrc->type) +
                           (f.layers.empty() ? "" : " / " + f.layers);
                return f;
            }
        }
        return engine::dissectIpPacket(plain);
    }

    void tick()
    {
        if (!engine_ || !running_)
            return;
        QElapsedTimer budget;
        budget.start();
        if (speed_ <= 0) {
            // As fast as possible: slices of simulated time until the tick's wall budget is spent.
            while (budget.nsecsElapsed() < kBudgetNs && !engine_->finished())
                advance(engine_->now() + 20'000);
        } else {
            const auto target =
                anchorSim_ +
                static_cast<SimTime>(speed_ * static_cast<double>(anchorWall_.nsecsElapsed()) / 1000.0);
            while (engine_->now() < target && budget.nsecsElapsed() < kBudgetNs && !engine_->finished())
                advance(std::min(target, engine_->now() + 20'000));
        }
        const bool finished = engine_->finished();
        if (finished) {
            running_ = false;
            timer_->stop();
        }
        emitFrame(finished);
    }

    void emitFrame(bool force)
    {
        if (!engine_)
            return;
        // While paused or finished a frame goes out only when something changed (never in a loop with the
        // GUI's acknowledgements, which kept a core busy doing nothing); a change the GUI could not take yet
        // goes out with the next acknowledgement.
        due_ = due_ || force || running_ || !pending_.empty();
        if (!due_)
            return;
        if (!taken_->load() ||
            (!force && sinceFrame_.isValid() && sinceFrame_.nsecsElapsed() < kFrameNs && running_))
            return;
        due_ = false;

        auto f = std::make_shared<Frame>();
        f->now = engine_->now();
        f->end = engine_->endTime();
        f->events = std::move(pending_);
        pending_.clear();
        horizon_ = std::max(horizon_, engine_->now());
        f->horizon = horizon_;
        f->rebuilt = std::exchange(rebuilt_, false);
        const bool jumped = std::exchange(jumped_, false) || f->rebuilt;
        f->jumped = jumped;
        f->changes = changes_;
        // A sample of the PDUs of this frame for the canvas, spread over the frame.
        std::size_t sent = 0;
        for (const engine::LogEvent& e : f->events)
            sent += e.kind == engine::EventKind::PduSent ? 1 : 0;
        const std::size_t stride = std::max<std::size_t>(1, sent / Frame::kAnimated);
        std::size_t seen = 0;
        for (const engine::LogEvent& e : f->events) {
            if (jumped || e.kind != engine::EventKind::PduSent || seen++ % stride != 0 ||
                f->messages.size() >= Frame::kAnimated)
                continue;
            const auto reading = engine_->pduReading(e.pdu);
            f->messages.push_back({e.pdu, static_cast<Link>(e.place), e.detail != 0,
                                   reading.value_or(engine::Reading::NothingSecret), e.attack >= 0});
        }
        f->summary = engine_->summary();
        for (const engine::AttackTally& a : f->summary.attacks)
            f->attackIds.push_back(a.spec.id);
        f->protection = engine_->protection();
        f->running = running_;
        f->finished = engine_->finished();
        f->generation = generation_;
        // Events per wall-clock second over the last three seconds (traffic comes in bursts at slow speeds).
        rate_.push_back({QDateTimeClock::now(), processed_});
        while (rate_.size() > 2 && rate_.front().first < rate_.back().first - 3000)
            rate_.pop_front();
        if (rate_.size() >= 2 && rate_.back().first > rate_.front().first)
            f->eventsPerSecond = static_cast<double>(rate_.back().second - rate_.front().second) * 1000.0 /
                                 static_cast<double>(rate_.back().first - rate_.front().first);
        if (!running_)
            f->eventsPerSecond = 0;
        sinceFrame_.start();
        taken_->store(false);
        emit frame(f);
    }

    struct QDateTimeClock {
        static qint64 now()
        {
            static QElapsedTimer clock = [] {
                QElapsedTimer t;
                t.start();
                return t;
            }();
            return clock.elapsed();
        }
    };

    std::shared_ptr<std::atomic<bool>> taken_;
    std::unique_ptr<engine::Engine> engine_;
    std::unique_ptr<report::CaptureRecorder> capture_; // declared after the engine: destroyed before it
    Scenario loaded_;                                  // the start of the timeline
    std::vector<engine::LiveChange> changes_;          // the live changes, by time
    std::size_t applied_ = 0;                          // how many of them the engine has applied
    SimTime horizon_ = 0;                              // the furthest time reached
    bool rebuilt_ = false;                             // replayed since the last frame
    bool jumped_ = false;                              // a jump forward since the last frame
    QString captureDirectory_;
    QTimer* timer_ = nullptr;
    QElapsedTimer anchorWall_;
    QElapsedTimer sinceFrame_;
    SimTime anchorSim_ = 0;
    double speed_ = 1.0;
    bool running_ = false;
    std::uint64_t generation_ = 0;
    bool due_ = false; // a frame should go out as soon as the GUI has taken the previous one
    std::vector<engine::LogEvent> pending_;
    std::uint64_t processed_ = 0;
    std::deque<std::pair<qint64, std::uint64_t>> rate_;
};

SimulationController::SimulationController(QObject* parent)
    : QObject(parent)
    , frameTaken_(std::make_shared<std::atomic<bool>>(true))
{
    qRegisterMetaType<mtcsec::ui::Frame>();
    qRegisterMetaType<mtcsec::ui::PduView>();
    qRegisterMetaType<mtcsec::ui::PduBatch>();
    qRegisterMetaType<mtcsec::Scenario>();
    qRegisterMetaType<std::shared_ptr<mtcsec::ui::Frame>>();
    worker_ = new SimulationWorker(frameTaken_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SimulationWorker::frame, this, &SimulationController::deliver, Qt::QueuedConnection);
    connect(worker_, &SimulationWorker::pdu, this, &SimulationController::pduReady, Qt::QueuedConnection);
    connect(worker_, &SimulationWorker::pdus, this, &SimulationController::pdusReady, Qt::QueuedConnection);
    connect(worker_, &SimulationWorker::error, this, &SimulationController::errorOccurred,
            Qt::QueuedConnection);
    connect(worker_, &SimulationWorker::captureDone, this, &SimulationController::captureFinished,
            Qt::QueuedConnection);
    connect(worker_, &SimulationWorker::futureDiscarded, this, &SimulationController::futureDiscarded,
            Qt::QueuedConnection);
    thread_.setObjectName(QStringLiteral("engine"));
    thread_.start();
}

SimulationController::~SimulationController()
{
    thread_.quit();
    thread_.wait();
}

void SimulationController::post(std::function<void(SimulationWorker&)> job)
{
    SimulationWorker* w = worker_;
    QMetaObject::invokeMethod(
        w, [w, job = std::move(job)] { job(*w); }, Qt::QueuedConnection);
}

void SimulationController::deliver(const std::shared_ptr<Frame>& frame)
{
    if (frame->running != running_) {
        running_ = frame->running;
        emit runningChanged(running_);
    }
    if (frame->rebuilt)
        emit rewound();
    emit frameReady(*frame);
    frameTaken_->store(true);
    post([](SimulationWorker& w) { w.frameTaken(); });
}

void SimulationController::load(const Scenario& scenario)
{
    capturing_ = false; // a load finishes a capture in progress
    static std::atomic<std::uint64_t> generations{0};
    scenario_ = scenario;
    loaded_ = scenario;
    const std::uint64_t generation = ++generations;
    post([scenario, generation](SimulationWorker& w) { w.load(scenario, generation); });
    emit scenarioLoaded(scenario_);
}

void SimulationController::run()
{
    post([](SimulationWorker& w) { w.setRunning(true); });
}

void SimulationController::pause()
{
    post([](SimulationWorker& w) { w.setRunning(false); });
}

void SimulationController::step()
{
    post([](SimulationWorker& w) { w.step(); });
}

void SimulationController::nextMessage()
{
    post([](SimulationWorker& w) { w.nextMessage(); });
}

void SimulationController::jumpTo(engine::SimTime t)
{
    post([t](SimulationWorker& w) { w.jumpTo(t); });
}

void SimulationController::reset()
{
    load(scenario_);
}

void SimulationController::setSpeed(double speed)
{
    speed_ = speed;
    post([speed](SimulationWorker& w) { w.setSpeed(speed); });
}

void SimulationController::setSeed(std::uint64_t seed)
{
    scenario_.seed = seed;
}

void SimulationController::setProtection(const Protection& protection)
{
    scenario_.protection = protection;
    post([protection](SimulationWorker& w) { w.setProtection(protection); });
    emit protectionRequested(protection);
}

void SimulationController::addAttack(const AttackSpec& attack)
{
    scenario_.attacks.push_back(attack);
    post([attack](SimulationWorker& w) { w.addAttack(attack); });
}

void SimulationController::removeAttack(const std::string& id)
{
    std::erase_if(scenario_.attacks, [&](const AttackSpec& a) { return a.id == id; });
    post([id](SimulationWorker& w) { w.removeAttack(id); });
}

void SimulationController::startCapture(const QString& directory)
{
    capturing_ = true;
    post([directory](SimulationWorker& w) { w.startCapture(directory); });
}

void SimulationController::stopCapture()
{
    capturing_ = false;
    post([](SimulationWorker& w) { w.stopCapture(); });
}

void SimulationController::requestPdu(std::uint32_t pduId)
{
    post([pduId](SimulationWorker& w) { w.requestPdu(pduId); });
}

void SimulationController::requestPdus(std::vector<std::uint32_t> pduIds)
{
    post([ids = std::move(pduIds)](SimulationWorker& w) { w.requestPdus(ids); });
}

} // namespace mtcsec::ui

#include "SimulationController.moc"
