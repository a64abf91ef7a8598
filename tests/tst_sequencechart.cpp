// Tests of the message sequence chart's model: the arrows of an attach and their protection labels under
// 3gpp-only, a tampered reading under defence-in-depth drawn as changed and dropped by the right check, the
// path of one application message (Follow this reading), and the end-to-end check named after the mode in
// force (teaching header, OSCORE RFC 8613, DTLS RFC 6347), also across a switch.
#include "core/engine/Engine.h"
#include "core/scenario/Presets.h"
#include "ui/SequenceChartModel.h"

#include <QTest>

#include <vector>

using namespace mtcsec;
using namespace mtcsec::ui;

namespace {

// Collects what the engine reports, the way the GUI's worker does.
class Collector : public engine::EngineObserver {
public:
    void eventsAppended(std::span<const engine::LogEvent> events) override
    {
        pending.insert(pending.end(), events.begin(), events.end());
    }
    std::vector<engine::LogEvent> pending;
};

// Runs `preset` to `untilS` seconds, feeding the model as the GUI does: events per slice, then the records it
// asks for.
void run(Scenario s, std::uint32_t devices, double untilS, SequenceChartModel& model)
{
    s.devices = devices;
    model.setProtectionHistory(s.protection.app, s.changes); // the timeline: every change of these runs
    engine::Engine engine(s);
    Collector collector;
    engine.setObserver(&collector);
    engine.setKeepReceiverView(true);
    std::vector<std::string> ids;
    for (const AttackSpec& a : s.attacks)
        ids.push_back(a.id);
    while (engine::toSeconds(engine.now()) < untilS && !engine.finished()) {
        engine.runUntil(engine.now() + engine::fromSeconds(0.05));
        model.addEvents(collector.pending, ids);
        collector.pending.clear();
        for (const std::uint32_t id : model.wantedRecords(1000)) {
            if (const auto r = engine.pdu(id))
                model.addRecord(*r);
            else
                model.recordMissing(id);
        }
    }
}

void run(const std::string& preset, std::uint32_t devices, double untilS, SequenceChartModel& model)
{
    run(presetScenario(preset).value(), devices, untilS, model);
}

// `preset` with the end-to-end mode `mode`.
Scenario presetWith(const std::string& preset, const std::string& mode)
{
    Scenario s = presetScenario(preset).value();
    s.protection.app = appPreset(mode).value();
    return s;
}

// The application-layer drops (at the device or the server) of devices 0-2 of `s` run for `untilS` seconds,
// with the check the chart names and whether it was an integrity or replay drop.
struct EndToEndDrop {
    double timeS = 0;
    engine::DropReason reason = engine::DropReason::Integrity;
    QString check;
};
std::vector<EndToEndDrop> endToEndDrops(const Scenario& s, double untilS)
{
    std::vector<EndToEndDrop> out;
    for (std::uint32_t device = 0; device < 3; ++device) {
        SequenceChartModel model;
        model.reset(device);
        run(s, 3, untilS, model);
        for (const ChartRow& r : model.rows()) {
            if (r.type != ChartRow::Type::Arrow || r.outcome != ChartRow::Outcome::Dropped || !r.record ||
                r.record->received.empty() || (r.to != Node::Server && r.to != Node::Device))
                continue;
            if (r.record->dropReason == engine::DropReason::Integrity ||
                r.record->dropReason == engine::DropReason::Replay)
                out.push_back({engine::toSeconds(r.time), r.record->dropReason, r.check});
        }
    }
    return out;
}

std::vector<const ChartRow*> arrows(const SequenceChartModel& model)
{
    std::vector<const ChartRow*> out;
    for (const ChartRow& r : model.rows())
        if (r.type == ChartRow::Type::Arrow)
            out.push_back(&r);
    return out;
}

const ChartRow* find(const SequenceChartModel& model, Link link, bool downlink, const QString& message)
{
    for (const ChartRow* r : arrows(model))
        if (r->link == link && r->downlink == downlink && r->message.startsWith(message))
            return r;
    return nullptr;
}

} // namespace

class TestSequenceChart : public QObject {
    Q_OBJECT
private slots:
    void endsOfLinks_data();
    void endsOfLinks();
    void attachUnder3gppOnly_data();
    void attachUnder3gppOnly();
    void attachOnlyStopsAfterAttach();
    void tamperUnderDefenceInDepth();
    void followReading();
    void endToEndCheckNamesTheMode_data();
    void endToEndCheckNamesTheMode();
    void endToEndCheckFollowsASwitch();
};

void TestSequenceChart::endsOfLinks_data()
{
    QTest::addColumn<int>("link");
    QTest::addColumn<bool>("downlink");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::newRow("Uu up") << int(Link::Uu) << false << int(Node::Device) << int(Node::ENB);
    QTest::newRow("S1-MME down") << int(Link::S1Mme) << true << int(Node::MME) << int(Node::ENB);
    QTest::newRow("S6a up") << int(Link::S6a) << false << int(Node::MME) << int(Node::HSS);
    QTest::newRow("S1-U up") << int(Link::S1U) << false << int(Node::ENB) << int(Node::SGW);
    QTest::newRow("S5 down") << int(Link::S5) << true << int(Node::PGW) << int(Node::SGW);
    QTest::newRow("SGi up") << int(Link::SGi) << false << int(Node::PGW) << int(Node::Server);
}

void TestSequenceChart::endsOfLinks()
{
    QFETCH(int, link);
    QFETCH(bool, downlink);
    QFETCH(int, from);
    QFETCH(int, to);
    const auto ends = SequenceChartModel::endsOf(static_cast<Link>(link), downlink);
    QCOMPARE(int(ends.first), from);
    QCOMPARE(int(ends.second), to);
}

void TestSequenceChart::attachUnder3gppOnly_data()
{
    QTest::addColumn<int>("link");
    QTest::addColumn<bool>("downlink");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("protection");
    // The attach of TS 24.301 5.5.1 under 3gpp-only: NAS and AS security come up in turn, NDS/IP from the
    // start.
    QTest::newRow("Attach request on Uu") << int(Link::Uu) << false << "Attach request"
                                          << "none";
    QTest::newRow("Initial UE message") << int(Link::S1Mme) << false << "InitialUEMessage: Attach request"
                                        << "ESP AES-GCM";
    QTest::newRow("AIR") << int(Link::S6a) << false << "Diameter AIR"
                         << "ESP AES-GCM";
    QTest::newRow("AIA") << int(Link::S6a) << true << "Diameter AIA"
                         << "ESP AES-GCM";
    QTest::newRow("Authentication request") << int(Link::Uu) << true << "Authentication request"
                                            << "none";
    QTest::newRow("NAS SMC") << int(Link::Uu) << true << "Security mode command"
                             << "NAS EIA2";
    QTest::newRow("NAS SMC complete") << int(Link::Uu) << false << "Security mode complete"
                                      << "NAS EIA2+EEA2";
    QTest::newRow("Initial context setup") << int(Link::S1Mme) << true << "InitialContextSetupRequest"
                                           << "ESP AES-GCM · NAS EIA2+EEA2";
    QTest::newRow("AS SMC") << int(Link::Uu) << true << "RRC SecurityModeCommand"
                            << "PDCP EIA2";
    QTest::newRow("Attach accept") << int(Link::Uu) << true << "Attach accept (ciphered)"
                                   << "PDCP EIA2+EEA2 · NAS EIA2+EEA2";
    QTest::newRow("Attach complete") << int(Link::Uu) << false << "Attach complete (ciphered)"
                                     << "PDCP EIA2+EEA2 · NAS EIA2+EEA2";
    QTest::newRow("a reading on Uu") << int(Link::Uu) << false << "reading"
                                     << "PDCP EEA2";
    QTest::newRow("a reading on S1-U") << int(Link::S1U) << false << "reading"
                                       << "ESP AES-GCM";
    QTest::newRow("a reading on SGi") << int(Link::SGi) << false << "reading"
                                      << "none";
}

void TestSequenceChart::attachUnder3gppOnly()
{
    QFETCH(int, link);
    QFETCH(bool, downlink);
    QFETCH(QString, message);
    QFETCH(QString, protection);
    SequenceChartModel model;
    model.reset(0);
    run("3gpp-only", 2, 15.0, model);
    const ChartRow* r = find(model, static_cast<Link>(link), downlink, message);
    QVERIFY2(r != nullptr, qPrintable(message));
    QCOMPARE(r->protection, protection);
    QVERIFY(r->recordKnown);
    const auto ends = SequenceChartModel::endsOf(r->link, r->downlink);
    QCOMPARE(r->from, ends.first);
    QCOMPARE(r->to, ends.second);
    QCOMPARE(r->outcome, ChartRow::Outcome::Accepted);
    // The eavesdropper on Uu reads the IMSI of the plain Attach Request, nothing of the Attach Accept.
    if (message == QLatin1String("Attach request") && r->link == Link::Uu) {
        QCOMPARE(r->interventions.size(), std::size_t(1));
        QCOMPARE(r->interventions[0].kind, ChartIntervention::Kind::Read);
        QCOMPARE(r->interventions[0].attack, QStringLiteral("a1"));
        QVERIFY(r->interventions[0].secret);
        QVERIFY(r->interventions[0].text.contains(QStringLiteral("IMSI")));
    }
    if (message.startsWith(QLatin1String("Attach accept"))) {
        QCOMPARE(r->interventions.size(), std::size_t(1));
        QVERIFY(!r->interventions[0].secret);
    }
}

void TestSequenceChart::attachOnlyStopsAfterAttach()
{
    SequenceChartModel model;
    model.reset(0);
    model.setFirstAttachOnly(true);
    run("3gpp-only", 2, 15.0, model);
    QVERIFY(model.complete());
    QCOMPARE(model.rows().back().note, QStringLiteral("attach complete"));
}

void TestSequenceChart::tamperUnderDefenceInDepth()
{
    // Every tampered reading is changed where the tamperer sits and dropped by a check: ESP's ICV on a
    // backhaul link, the end-to-end AES-GCM tag (mode aead) at the server for a change on Uu (no user-plane
    // integrity there).
    int checked = 0;
    for (std::uint32_t device = 0; device < 3; ++device) {
        SequenceChartModel model;
        model.reset(device);
        run("defence-in-depth", 3, 40.0, model);
        for (int i = 0; i < static_cast<int>(model.rows().size()); ++i) {
            const ChartRow& r = model.rows()[static_cast<std::size_t>(i)];
            if (r.type != ChartRow::Type::Arrow || r.interventions.empty() || !r.record)
                continue;
            const auto changed =
                std::find_if(r.interventions.begin(), r.interventions.end(), [](const ChartIntervention& x) {
                    return x.kind == ChartIntervention::Kind::Changed && x.tampered;
                });
            if (changed == r.interventions.end())
                continue;
            QVERIFY(r.data);
            if (r.outcome == ChartRow::Outcome::Dropped) {
                // Changed inside ESP: the receiving security gateway's ICV check. (On Uu a reading can be
                // discarded before that, as collateral of the replayer that advanced the PDCP COUNT.)
                if (r.link == Link::Uu && r.check == QLatin1String("PDCP duplicate COUNT"))
                    continue;
                // Outside ESP, at the far end: the end-to-end MAC.
                const bool esp = r.protection.startsWith(QLatin1String("ESP"));
                QCOMPARE(esp, r.link == Link::S1U || r.link == Link::S5);
                QCOMPARE(r.check, esp ? QStringLiteral("ESP ICV (NDS/IP integrity)")
                                      : QStringLiteral("end-to-end AES-GCM tag"));
            } else {
                // Uu has no user-plane integrity and SGi no NDS/IP: accepted, altered, and refused at the
                // far end by the end-to-end MAC.
                QCOMPARE(r.outcome, ChartRow::Outcome::Accepted);
                QVERIFY(r.altered);
                const std::vector<int> path = model.messagePath(i);
                QVERIFY(!path.empty());
                const ChartRow& last = model.rows()[static_cast<std::size_t>(path.back())];
                if (last.outcome == ChartRow::Outcome::Pending)
                    continue;
                QCOMPARE(last.outcome, ChartRow::Outcome::Dropped);
                if (last.check != QLatin1String("end-to-end AES-GCM tag")) {
                    // Lost on the way as collateral of the replayer on Uu (a PDCP COUNT it advanced).
                    QVERIFY2(last.link == Link::Uu, qPrintable(last.check));
                    continue;
                }
                QCOMPARE(last.to, r.downlink ? Node::Device : Node::Server);
            }
            ++checked;
        }
    }
    QVERIFY2(checked >= 3, qPrintable(QString::number(checked)));
}

void TestSequenceChart::followReading()
{
    SequenceChartModel model;
    model.reset(0);
    run("3gpp-only", 2, 15.0, model);
    const ChartRow* first = find(model, Link::Uu, false, QStringLiteral("reading"));
    QVERIFY(first != nullptr);
    QVERIFY(first->applicationMessage != 0);
    const int row = model.rowOfPdu(first->pdu);
    const std::vector<int> path = model.messagePath(row);
    // Device to server: Uu, S1-U, S5, SGi; the tamperer on SGi (rate 0.5) may have changed the last hop.
    QVERIFY2(path.size() >= 4, qPrintable(QString::number(path.size())));
    const std::vector<Link> links = {Link::Uu, Link::S1U, Link::S5, Link::SGi};
    for (std::size_t i = 0; i < links.size(); ++i)
        QCOMPARE(model.rows()[static_cast<std::size_t>(path[i])].link, links[i]);
    // From any hop the same path.
    QCOMPARE(model.messagePath(path[2]), path);
}

void TestSequenceChart::endToEndCheckNamesTheMode_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QStringList>("integrity"); // the names an integrity drop may have
    QTest::addColumn<QString>("replay");        // empty: the mode has no replay window
    QTest::newRow("integrity") << QStringLiteral("integrity")
                               << QStringList{QStringLiteral("end-to-end AES-CMAC tag")} << QString();
    QTest::newRow("aead") << QStringLiteral("aead") << QStringList{QStringLiteral("end-to-end AES-GCM tag")}
                          << QStringLiteral("end-to-end replay window");
    QTest::newRow("oscore") << QStringLiteral("oscore")
                            << QStringList{QStringLiteral("OSCORE AES-CCM tag (RFC 8613)")}
                            << QStringLiteral("OSCORE replay window (RFC 8613 7.4)");
    QTest::newRow("dtls") << QStringLiteral("dtls")
                          << QStringList{QStringLiteral("DTLS record AEAD tag (AES-128-CCM_8, RFC 6347)"),
                                         QStringLiteral("DTLS handshake (RFC 6347 4.2)")}
                          << QStringLiteral("DTLS record replay window (RFC 6347 4.1.2.6)");
}

void TestSequenceChart::endToEndCheckNamesTheMode()
{
    // A changed or replayed reading or command refused at the device or the server is refused by the
    // check of the end-to-end mode in force, and the chart names that check: the changes of
    // defence-in-depth's tamperers, the copies of oscore-replay's replayer on SGi.
    QFETCH(QString, mode);
    QFETCH(QStringList, integrity);
    QFETCH(QString, replay);
    bool tag = false, window = false;
    for (const std::string preset : {"defence-in-depth", "oscore-replay"}) {
        for (const EndToEndDrop& d : endToEndDrops(presetWith(preset, mode.toStdString()), 40.0)) {
            if (d.reason == engine::DropReason::Integrity) {
                QVERIFY2(integrity.contains(d.check), qPrintable(d.check));
                tag = true;
            } else {
                QCOMPARE(d.check, replay);
                window = true;
            }
        }
    }
    QVERIFY(tag);
    QCOMPARE(window, !replay.isEmpty());
}

void TestSequenceChart::endToEndCheckFollowsASwitch()
{
    // aead until 20 s, then oscore (a timeline change; a live change comes to the chart the same way, in the
    // run summary's changes): each drop names the check of the mode in force when it was decided.
    Scenario s = presetWith("defence-in-depth", "aead");
    Protection later = s.protection;
    later.app = appPreset("oscore").value();
    s.changes.push_back({.atS = 20.0, .protection = later});
    int before = 0, after = 0;
    for (const EndToEndDrop& d : endToEndDrops(s, 40.0)) {
        if (d.reason != engine::DropReason::Integrity || (d.timeS > 19.5 && d.timeS < 20.5))
            continue; // sent under one mode, decided under the other: either
        if (d.timeS < 20.0) {
            QCOMPARE(d.check, QStringLiteral("end-to-end AES-GCM tag"));
            ++before;
        } else {
            QCOMPARE(d.check, QStringLiteral("OSCORE AES-CCM tag (RFC 8613)"));
            ++after;
        }
    }
    QVERIFY2(before > 0 && after > 0, qPrintable(QStringLiteral("%1 %2").arg(before).arg(after)));
}

QTEST_GUILESS_MAIN(TestSequenceChart)
#include "tst_sequencechart.moc"
