// Active attackers' captures (issue 14 item 4; CaptureRecorder, AttemptFrames, PcapWriter's pcapng): per
// attempt the PDU as captured and as the attacker sent it, each frame with a comment naming what it is, what
// changed and what the receiver decided. Read back with tshark and checked against the JSON report's counts
// (attempts = blocked + succeeded + no_effect), the event log (CSV: every decision is an event there, at the
// same time and place, in the same words) and the frames' own octets (a named change really is there).
#include "core/engine/Engine.h"
#include "core/report/CaptureRecorder.h"
#include "core/scenario/Presets.h"
#include "tests/ForwardingCaptureSink.h"
#include "tests/PcapngFrames.h"
#include "tests/RunBinary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <optional>
#include <tuple>

using namespace mtcsec;
using mtcsec::test::Frame;
using mtcsec::test::readPcapng;
using mtcsec::test::runMtcsec;

namespace {

// tshark's frame comments for a file, one per frame (empty for a frame without one).
QStringList tsharkComments(const QString& path, QString& error)
{
    QProcess p;
    p.start(QStringLiteral("tshark"),
            {QStringLiteral("-r"), path, QStringLiteral("-n"), QStringLiteral("-T"), QStringLiteral("fields"),
             QStringLiteral("-E"), QStringLiteral("occurrence=f"), QStringLiteral("-e"),
             QStringLiteral("frame.comment")});
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        error = QStringLiteral("tshark -r %1 failed: %2")
                    .arg(path, QString::fromLocal8Bit(p.readAllStandardError()));
        return {};
    }
    QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// The event log's decisions on attacks: "attack id|time|place|description" -> how many.
using Decisions = std::map<QString, int>;

QStringList csvCells(const QString& line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells << cell;
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells << cell;
    return cells;
}

Decisions decisionsInLog(const QString& csvPath)
{
    Decisions out;
    QFile f(csvPath);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QStringList lines =
        QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    for (const QString& line : lines.mid(1)) {
        const QStringList c = csvCells(line); // time_s,kind,place,device,attack,detail,value,pdu,description
        if (c.size() < 9 || !c[1].startsWith(QLatin1String("attack-")) ||
            c[1] == QLatin1String("attack-added") || c[1] == QLatin1String("attack-removed"))
            continue;
        ++out[c[4] + QLatin1Char('|') + c[0] + QLatin1Char('|') + c[2] + QLatin1Char('|') + c[8]];
    }
    return out;
}

bool haveTshark()
{
    return !QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty();
}

// What one attacker's frames say, checked as they are read (QVERIFY in a helper: returns on failure).
struct Tally {
    std::uint64_t attempts = 0, blocked = 0, succeeded = 0, noEffect = 0, inFlight = 0, octetsChecked = 0;
};

const QRegularExpression kPrimary(QStringLiteral("^(\\S+) (\\w+) attempt (\\d+): (changed|forged): (.*)$"));
const QRegularExpression kOriginal(QStringLiteral("^(\\S+) (\\w+) attempt (\\d+): original \\("));
const QRegularExpression kDecision(QStringLiteral(
    "; (?:decided by the (\\S+) at ([0-9.]+) s: [^;]* => (blocked|succeeded|no effect) \\[([^\\]]*)\\]|"
    "no decision: still in flight when the capture ended => no effect \\[in-flight\\])$"));
const QRegularExpression kInFrame(QStringLiteral("; in this frame \\((\\S+), (\\d+) octets\\): "));
const QRegularExpression kOctet(QStringLiteral("octet (\\d+): ([0-9a-f]{2}) -> ([0-9a-f]{2})"));

} // namespace

class TestAttackCapture : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void presetsShowBothSides_data();
    void presetsShowBothSides();
    void heldFramesStayBounded();
    void inFlightWhenTheCaptureEnds();

private:
    QTemporaryDir dir_;
};

void TestAttackCapture::initTestCase()
{
    QVERIFY(dir_.isValid());
}

void TestAttackCapture::presetsShowBothSides_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("duration");
    // Every preset with an active attacker, for long enough to see its outcomes (app-only ends with a forged
    // Detach Request still in flight).
    const std::pair<const char*, const char*> rows[] = {
        {"unprotected", "30"},           {"3gpp-only", "30"},
        {"defence-in-depth", "30"},      {"replay-command", "60"},
        {"malleable-ciphertext", "30"},  {"bidding-down", "30"},
        {"mixed-snow3g", "30"},          {"app-only", "15"},
        {"null-integrity-refused", "60"}};
    for (const auto& [preset, duration] : rows)
        QTest::newRow(preset) << QString::fromLatin1(preset) << QString::fromLatin1(duration);
}

void TestAttackCapture::presetsShowBothSides()
{
    if (!haveTshark())
        QSKIP("tshark not installed (installer/bootstrap.sh test installs it): attackers' captures not "
              "checked");
    QFETCH(QString, preset);
    QFETCH(QString, duration);
    const QString cap = dir_.filePath(preset);
    const QString json = dir_.filePath(preset + QStringLiteral(".json"));
    const QString csv = dir_.filePath(preset + QStringLiteral(".csv"));
    const auto r =
        runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), preset, QStringLiteral("--duration"),
                   duration, QStringLiteral("--report"), json, QStringLiteral("--report"), csv,
                   QStringLiteral("--pcap"), cap, QStringLiteral("--quiet")},
                  600000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile jf(json);
    QVERIFY(jf.open(QIODevice::ReadOnly));
    const QJsonArray attacks =
        QJsonDocument::fromJson(jf.readAll()).object().value(QStringLiteral("attacks")).toArray();
    Decisions logged = decisionsInLog(csv);
    QVERIFY(!logged.empty());
    int active = 0;
    for (const QJsonValue& v : attacks) {
        const QJsonObject a = v.toObject();
        const QString id = a.value(QStringLiteral("id")).toString();
        const QString kind = a.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("eavesdrop") || kind == QLatin1String("insider"))
            continue;
        const auto count = [&a](const char* key) {
            return static_cast<std::uint64_t>(a.value(QLatin1String(key)).toInteger());
        };
        const std::uint64_t attempts = count("attempts");
        const QString file = cap + QStringLiteral("/attack-") + id + QStringLiteral(".pcap");
        if (attempts == 0) {
            QVERIFY2(!QFile::exists(file), qPrintable(file));
            continue;
        }
        ++active;
        QString error;
        const std::vector<Frame> frames = readPcapng(file, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList comments = tsharkComments(file, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(static_cast<std::size_t>(comments.size()), frames.size());

        Tally t;
        std::map<std::uint64_t, const Frame*> originals; // attempt -> its first original frame
        std::map<std::uint64_t, int> seen;
        for (std::size_t i = 0; i < frames.size(); ++i) {
            const Frame& f = frames[i];
            // tshark reads the same comment as written, and every frame has one naming its attacker.
            QCOMPARE(comments[static_cast<qsizetype>(i)], f.comment);
            QVERIFY2(f.comment.startsWith(id + QLatin1Char(' ') + kind + QLatin1Char(' ')),
                     qPrintable(f.comment));
            if (const auto o = kOriginal.match(f.comment); o.hasMatch()) {
                originals.emplace(o.captured(3).toULongLong(), &f);
                continue;
            }
            const auto p = kPrimary.match(f.comment);
            if (!p.hasMatch())
                continue; // a further view of an attempt's PDU, or a restored Security Mode Command
            const std::uint64_t n = p.captured(3).toULongLong();
            QCOMPARE(++seen[n], 1);
            ++t.attempts;
            QCOMPARE(p.captured(4) == QLatin1String("forged"), kind == QLatin1String("inject"));
            const auto d = kDecision.match(f.comment);
            QVERIFY2(d.hasMatch(), qPrintable(f.comment));
            if (d.captured(1).isEmpty()) {
                ++t.inFlight;
                ++t.noEffect;
            } else {
                const QString outcome = d.captured(3);
                ++(outcome == QLatin1String("blocked")     ? t.blocked
                   : outcome == QLatin1String("succeeded") ? t.succeeded
                                                           : t.noEffect);
                // The same decision is an event in the log: same attacker, time, place and words.
                const QString key = id + QLatin1Char('|') + d.captured(2) + QLatin1Char('|') + d.captured(1) +
                                    QLatin1Char('|') + d.captured(4);
                QVERIFY2(logged[key] > 0, qPrintable(QStringLiteral("not in the event log: ") + key));
                --logged[key];
            }
            if (kind == QLatin1String("inject"))
                continue;
            // The original of this attempt came first, captured no later than the change.
            const auto orig = originals.find(n);
            QVERIFY2(orig != originals.end(), qPrintable(f.comment));
            QVERIFY(orig->second->timeMicros <= f.timeMicros);
            if (kind != QLatin1String("tamper"))
                continue;
            // A tamperer's comment names the octets it changed in this frame, and they are what differs.
            QCOMPARE(orig->second->dissector, f.dissector);
            QCOMPARE(orig->second->payload.size(), f.payload.size());
            const auto inFrame = kInFrame.match(f.comment);
            QVERIFY2(inFrame.hasMatch(), qPrintable(f.comment));
            QCOMPARE(inFrame.captured(1), f.dissector);
            QCOMPARE(inFrame.captured(2).toLongLong(), f.payload.size());
            int named = 0;
            auto it = kOctet.globalMatch(f.comment, inFrame.capturedEnd());
            while (it.hasNext()) {
                const auto m = it.next();
                const qsizetype at = m.captured(1).toLongLong();
                QVERIFY(at < f.payload.size());
                QCOMPARE(orig->second->payload.mid(at, 1).toHex(), m.captured(2).toLatin1());
                QCOMPARE(f.payload.mid(at, 1).toHex(), m.captured(3).toLatin1());
                ++named;
            }
            int differing = 0;
            for (qsizetype k = 0; k < f.payload.size(); ++k)
                differing += orig->second->payload[k] != f.payload[k] ? 1 : 0;
            QVERIFY2(named > 0, qPrintable(f.comment));
            QCOMPARE(named, std::min(differing, 4));
            ++t.octetsChecked;
        }
        // Every attempt of the report is a changed (or forged) frame, numbered 1..attempts, and the decisions
        // add up to the report's outcomes.
        QCOMPARE(t.attempts, attempts);
        QCOMPARE(seen.size(), static_cast<std::size_t>(attempts));
        QCOMPARE(seen.rbegin()->first, attempts);
        QCOMPARE(t.blocked, count("blocked"));
        QCOMPARE(t.succeeded, count("succeeded"));
        QCOMPARE(t.noEffect, count("no_effect"));
        QCOMPARE(t.inFlight, static_cast<std::uint64_t>(a.value(QStringLiteral("no_effect_by"))
                                                            .toObject()
                                                            .value(QStringLiteral("in-flight"))
                                                            .toInteger()));
        QCOMPARE(t.blocked + t.succeeded + t.noEffect, attempts);
        if (kind == QLatin1String("tamper"))
            QCOMPARE(t.octetsChecked, attempts);
        // And nothing the log decided about this attacker is missing from its frames.
        for (const auto& [key, left] : logged)
            if (key.startsWith(id + QLatin1Char('|')))
                QVERIFY2(left == 0,
                         qPrintable(QStringLiteral("decided in the log, not in the capture: ") + key));
        qInfo(
            "%s %s: %llu attempts, %llu blocked, %llu succeeded, %llu no effect (%llu in flight), %zu frames",
            qPrintable(id), qPrintable(kind), static_cast<unsigned long long>(attempts),
            static_cast<unsigned long long>(t.blocked), static_cast<unsigned long long>(t.succeeded),
            static_cast<unsigned long long>(t.noEffect), static_cast<unsigned long long>(t.inFlight),
            frames.size());
    }
    QVERIFY(active > 0);
}

void TestAttackCapture::heldFramesStayBounded()
{
    // With room for almost nothing, attempts are written at once, undecided, saying so; still one changed
    // frame per attempt, each after its original.
    const QString cap = dir_.filePath(QStringLiteral("bounded"));
    QVERIFY(QDir().mkpath(cap));
    Scenario s = presetScenario("unprotected").value();
    s.devices = 4;
    s.durationS = 20;
    engine::RunSummary summary;
    {
        report::CaptureRecorder::Limits limits;
        limits.heldBytes = 1;
        report::CaptureRecorder recorder(cap, limits);
        engine::Engine engine(s);
        engine.setCaptureSink(&recorder);
        engine.runToEnd();
        recorder.finish();
        summary = engine.summary();
    }
    int checked = 0;
    for (const engine::AttackTally& t : summary.attacks) {
        if (t.spec.kind != AttackKind::Tamper || t.attempts == 0)
            continue;
        QString error;
        const std::vector<Frame> frames =
            readPcapng(cap + QStringLiteral("/") + report::CaptureRecorder::attackFileName(t.spec.id), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        std::uint64_t changed = 0;
        for (std::size_t i = 0; i < frames.size(); ++i) {
            if (!kPrimary.match(frames[i].comment).hasMatch())
                continue;
            ++changed;
            QVERIFY2(
                frames[i].comment.contains(QLatin1String("decision not known when this frame was written")),
                qPrintable(frames[i].comment));
            QVERIFY(i > 0 && kOriginal.match(frames[i - 1].comment).hasMatch());
        }
        QCOMPARE(changed, t.attempts);
        ++checked;
    }
    QVERIFY(checked > 0);
}

void TestAttackCapture::inFlightWhenTheCaptureEnds()
{
    // The capture ends while a changed PDU is on its way: its frames are written, saying so, and match the
    // report's "in-flight" count.
    class Counting : public test::ForwardingCaptureSink {
    public:
        using ForwardingCaptureSink::ForwardingCaptureSink;
        void attackerAction(const engine::AttackerAction& action) override
        {
            actions += action.attempt != 0 ? 1 : 0;
            ForwardingCaptureSink::attackerAction(action);
        }
        void attemptDecided(const engine::AttemptDecision& decision) override
        {
            ++decisions;
            ForwardingCaptureSink::attemptDecided(decision);
        }
        int actions = 0;
        int decisions = 0;
    };
    const QString cap = dir_.filePath(QStringLiteral("inflight"));
    QVERIFY(QDir().mkpath(cap));
    Scenario s = presetScenario("unprotected").value();
    s.devices = 4;
    engine::RunSummary summary;
    {
        report::CaptureRecorder recorder(cap);
        Counting counting(recorder);
        engine::Engine engine(s);
        engine.setCaptureSink(&counting);
        while (counting.actions < 3 || counting.actions == counting.decisions)
            QVERIFY(engine.step());
        recorder.finish();
        summary = engine.summary();
    }
    const engine::AttackTally* tamper = nullptr;
    for (const engine::AttackTally& t : summary.attacks)
        tamper = t.spec.kind == AttackKind::Tamper ? &t : tamper;
    QVERIFY(tamper != nullptr);
    const std::uint64_t inFlight =
        tamper->noEffectBy[static_cast<std::size_t>(engine::NoEffectReason::InFlightAtEnd)];
    QVERIFY(inFlight > 0);
    QString error;
    const std::vector<Frame> frames = readPcapng(
        cap + QStringLiteral("/") + report::CaptureRecorder::attackFileName(tamper->spec.id), error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::uint64_t changed = 0;
    std::uint64_t stillInFlight = 0;
    for (const Frame& f : frames) {
        if (!kPrimary.match(f.comment).hasMatch())
            continue;
        ++changed;
        if (f.comment.endsWith(
                QLatin1String("still in flight when the capture ended => no effect [in-flight]")))
            ++stillInFlight;
    }
    QCOMPARE(changed, tamper->attempts);
    QCOMPARE(stillInFlight, inFlight);
}

QTEST_GUILESS_MAIN(TestAttackCapture)
#include "tst_attackcapture.moc"
