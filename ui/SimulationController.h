// Runs the engine in a worker thread for the GUI (STYLE.md: the GUI thread never waits on the engine). The
// GUI posts commands; the worker advances simulated time at the chosen speed and hands over batched frames
// (new events, a summary, the protection in force) at most about 30 times a second, one at a time: a new
// frame is prepared only once the GUI has taken the previous one, so a slow GUI never builds a backlog.
#pragma once

#include "core/engine/Dissector.h"
#include "core/engine/Engine.h"
#include "core/engine/Replay.h"
#include "core/scenario/Scenario.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace mtcsec::ui {

// What the GUI gets in one frame.
struct Frame {
    engine::SimTime now = 0;
    engine::SimTime end = 0;
    std::vector<engine::LogEvent> events; // new since the previous frame, in order
    // For up to kAnimated PDUs sent in this frame: id, link, direction, and what an observer on the link can
    // read.
    struct Message {
        std::uint32_t pdu = 0;
        Link link = Link::Uu;
        bool downlink = false;
        engine::Reading reading = engine::Reading::NothingSecret;
        bool attacked = false;
    };
    std::vector<Message> messages;
    static constexpr std::size_t kAnimated = 100; // 30 frames a second, 0.8 s on screen: up to 2,400 dots
    std::vector<std::string> attackIds;           // attack index in events -> id
    engine::RunSummary summary;
    Protection protection;
    double eventsPerSecond = 0; // wall-clock rate over the last second
    bool running = false;
    bool finished = false;
    std::uint64_t generation = 0; // increases with every load or reset
    // Time travel: the furthest time this run has reached, whether the engine was rebuilt (a jump back: the
    // events are those of the replay from time 0, views start again), and the live changes so far.
    engine::SimTime horizon = 0;
    bool rebuilt = false;
    bool jumped = false; // a jump back or forward: the dots on the canvas are no longer in flight
    std::vector<engine::LiveChange> changes;
};

// One PDU for the inspector: the bytes, the attacker's key-less view, what the sender put inside the hop's
// protection and what the receiving node decoded from the bytes that reached it.
struct PduView {
    bool found = false;
    engine::PduRecord record;
    engine::Finding attacker;   // what an eavesdropper on the link reads
    engine::Finding endpoint;   // what the next node read inside the hop's protection (the sender's view
                                // while the PDU is on its way)
    engine::Finding sent;       // what the sender put inside the hop's protection
    std::string deviceSecurity; // the device's group and negotiated algorithms now (Engine::deviceSecurity)
    // Whether the receiver decoded something other than what the sender put in (tampering, or a forgery).
    [[nodiscard]] bool altered() const
    {
        return record.reception != engine::Reception::Pending && !record.received.empty() &&
               record.received != record.plain;
    }
};

// PDU records for a view other than the inspector (the sequence chart), in one answer: the records still kept
// and the ids no longer kept, for the session `generation`.
struct PduBatch {
    std::vector<engine::PduRecord> records;
    std::vector<std::uint32_t> missing;
    std::uint64_t generation = 0;
};

class SimulationWorker;

class SimulationController : public QObject {
    Q_OBJECT
public:
    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override;

    // Replaces the running simulation with a new one of this scenario (paused at time 0).
    void load(const Scenario& scenario);
    // The scenario as loaded, with the protections and attackers changed since (what File > Save writes).
    [[nodiscard]] const Scenario& scenario() const { return scenario_; }
    [[nodiscard]] bool isRunning() const { return running_; }
    [[nodiscard]] double speed() const { return speed_; }

    void run();
    void pause();
    void step(); // one scheduled action
    // Time travel (ui/TimelineBar): pauses and processes events until one more PDU is put on a link.
    void nextMessage();
    // Pauses and goes to simulated time `t` (us): forward by running on (with the live changes recorded for
    // that span), back by replaying from the seed and the live changes before `t`; rewound() then frameReady.
    void jumpTo(engine::SimTime t);
    // The scenario as last loaded (the start of the timeline the live changes apply to).
    [[nodiscard]] const Scenario& loadedScenario() const { return loaded_; }
    void reset(); // the scenario again from time 0 (with the protections and attackers in force)
    // Simulated seconds per wall-clock second; 0 means as fast as possible.
    void setSpeed(double speed);
    void setSeed(std::uint64_t seed);
    void setProtection(const Protection& protection);
    void addAttack(const AttackSpec& attack);
    void removeAttack(const std::string& id);
    // Asks for a PDU; pduReady follows (never blocks).
    void requestPdu(std::uint32_t pduId);
    // Asks for several PDUs' records at once (never blocks); pdusReady follows, and the inspector is not
    // involved.
    void requestPdus(std::vector<std::uint32_t> pduIds);
    // Starts recording packet captures (one pcap per link and per attacker) and the key log into `directory`;
    // captureFinished or errorOccurred follows stopCapture(), a load or a reset.
    void startCapture(const QString& directory);
    void stopCapture();
    [[nodiscard]] bool isCapturing() const { return capturing_; }

signals:
    void frameReady(const mtcsec::ui::Frame& frame);
    void scenarioLoaded(const mtcsec::Scenario& scenario);
    void pduReady(const mtcsec::ui::PduView& view);
    void pdusReady(const mtcsec::ui::PduBatch& batch);
    void runningChanged(bool running);
    // A protection change was requested (emitted at once, before the engine applies it).
    void protectionRequested(const mtcsec::Protection& protection);
    void errorOccurred(const QString& message);
    // A capture was completed and written (its folder).
    void captureFinished(const QString& directory);
    // The engine was rebuilt for a jump back: the next frame holds every event from time 0 again.
    void rewound();
    // A change made at an earlier moment than the furthest reached discarded the later changes (at `atS`).
    void futureDiscarded(double atS);

private:
    void post(std::function<void(SimulationWorker&)> job);
    void deliver(const std::shared_ptr<Frame>& frame);

    QThread thread_;
    SimulationWorker* worker_ = nullptr;
    Scenario scenario_;
    Scenario loaded_;
    bool running_ = false;
    bool capturing_ = false;
    double speed_ = 1.0;
    std::shared_ptr<std::atomic<bool>> frameTaken_;
};

} // namespace mtcsec::ui

Q_DECLARE_METATYPE(mtcsec::ui::Frame)
Q_DECLARE_METATYPE(mtcsec::ui::PduView)
Q_DECLARE_METATYPE(mtcsec::ui::PduBatch)
Q_DECLARE_METATYPE(mtcsec::Scenario)
