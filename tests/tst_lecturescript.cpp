// Lecture scripts (schema "mtcsec-lecture/1"): a good script reads with every kind of change and question;
// each kind of mistake is refused with one message naming its JSON path; the built-in first lecture reads; a
// protection edit applies over what is in force like the Protections panel.
#include "core/scenario/LectureScript.h"
#include "core/scenario/Presets.h"
#include "tests/FileTestSupport.h"

#include <QtTest>

#include <sys/stat.h>

using namespace mtcsec;

namespace {

// A script of one step around `step` (a JSON object's members).
QByteArray oneStep(const QByteArray& step)
{
    return R"({"schema": "mtcsec-lecture/1", "title": "t", "steps": [{"title": "s", )" + step + "}]}";
}

// A script that opens unprotected (attackers a1, a2, a3) and then has `step`.
QByteArray afterPreset(const QByteArray& step)
{
    return R"({"schema": "mtcsec-lecture/1", "title": "t", "steps": [
        {"title": "one", "change": {"open_preset": "unprotected"}},
        {"title": "two", )" +
           step + "}]}";
}

} // namespace

class TestLectureScript : public QObject {
    Q_OBJECT
private slots:
    void readsEveryKindOfStep();
    void refusesWithPath_data();
    void refusesWithPath();
    void builtInLectureReads();
    void protectionEditAppliesOverWhatIsInForce();
    void fileErrorsNameTheFile();
};

void TestLectureScript::readsEveryKindOfStep()
{
    const LectureScript s = lectureScriptFromJson(R"({
        "schema": "mtcsec-lecture/1",
        "title": "Tour",
        "steps": [
            {"title": "Open", "text": "for the room", "notes": "for me", "change": {"open_preset": "3gpp-only"},
             "ask": {"question": "Safe?", "requirements": ["R3", "R4"], "attackers": ["a2"], "reveal_after_s": 20}},
            {"title": "Fix", "change": {"protection": {"app": "aead"}}, "ask": {"requirements": ["R1"]}},
            {"title": "All", "change": {"protection": "3gpp-on"}},
            {"title": "Place", "change": {"place_attacker": {"id": "x", "kind": "tamper", "target": "SGi",
                                                             "start_s": 2, "rate": 0.5}},
             "ask": {"attackers": ["x"]}},
            {"title": "Remove", "change": {"remove_attacker": "a1"}},
            {"title": "Reset", "change": {"reset": true}},
            {"title": "Talk"}
        ]})");
    QCOMPARE(s.title, std::string("Tour"));
    QCOMPARE(s.steps.size(), std::size_t{7});
    QCOMPARE(s.steps[0].change.kind, LectureChangeKind::OpenPreset);
    QCOMPARE(s.steps[0].change.preset, std::string("3gpp-only"));
    QCOMPARE(s.steps[0].notes, std::string("for me"));
    QVERIFY(s.steps[0].question.has_value());
    QCOMPARE(s.steps[0].question->text, std::string("Safe?"));
    QCOMPARE(s.steps[0].question->requirements, (std::array<bool, 4>{false, false, true, true}));
    QCOMPARE(s.steps[0].question->attackers, std::vector<std::string>{"a2"});
    QCOMPARE(s.steps[0].question->revealAfterS, 20.0);
    QCOMPARE(s.steps[1].change.kind, LectureChangeKind::Protection);
    QCOMPARE(s.steps[1].question->revealAfterS, kDefaultRevealAfterS);
    QCOMPARE(s.steps[2].change.protection.base, ProtectionEdit::Base::ThreeGppOn);
    QCOMPARE(s.steps[3].change.kind, LectureChangeKind::PlaceAttacker);
    QCOMPARE(s.steps[3].change.attack.kind, AttackKind::Tamper);
    QCOMPARE(s.steps[3].change.attack.link, std::optional<Link>(Link::SGi));
    QCOMPARE(s.steps[3].change.attack.startS, 2.0);
    QCOMPARE(s.steps[4].change.attackId, std::string("a1"));
    QCOMPARE(s.steps[5].change.kind, LectureChangeKind::Reset);
    QCOMPARE(s.steps[6].change.kind, LectureChangeKind::None);
    QVERIFY(!s.steps[6].question.has_value());
    QCOMPARE(s.steps[0].change.describe(), std::string("open preset 3gpp-only"));
    QCOMPARE(s.steps[1].change.describe(), std::string("protection: app aead"));
    QCOMPARE(s.steps[3].change.describe(), std::string("place attacker x tamper on SGi"));
}

void TestLectureScript::refusesWithPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("syntax")
        << QByteArray("{\"schema\": }")
        << "(document): JSON syntax error at line 1, column 13: object is missing after a comma";
    QTest::newRow("root array") << QByteArray("[]")
                                << "(document): the root must be a JSON object, got an array";
    QTest::newRow("no schema") << QByteArray(R"({"title": "t", "steps": []})")
                               << "schema: missing (must be \"mtcsec-lecture/1\")";
    QTest::newRow("scenario schema")
        << QByteArray(R"({"schema": "mtcsec-scenario/1"})")
        << "schema: must be \"mtcsec-lecture/1\", got the string 'mtcsec-scenario/1'";
    QTest::newRow("unknown field") << QByteArray(R"({"schema": "mtcsec-lecture/1", "titel": "t"})")
                                   << "titel: unknown field";
    QTest::newRow("no title") << QByteArray(R"({"schema": "mtcsec-lecture/1", "steps": []})")
                              << "title: missing (the lecture's title)";
    QTest::newRow("no steps") << QByteArray(R"({"schema": "mtcsec-lecture/1", "title": "t", "steps": []})")
                              << "steps: must hold 1 to 200 steps, got 0";
    QTest::newRow("steps object") << QByteArray(
                                         R"({"schema": "mtcsec-lecture/1", "title": "t", "steps": {}})")
                                  << "steps: must be an array, got an object";
    QTest::newRow("step title missing")
        << QByteArray(R"({"schema": "mtcsec-lecture/1", "title": "t", "steps": [{"text": "x"}]})")
        << "steps[0].title: missing (the step's title)";
    QTest::newRow("step title empty")
        << oneStep(R"("title": "")").replace(R"("title": "s", )", "") << "steps[0].title: must not be empty";
    QTest::newRow("step title long")
        << QByteArray(R"({"schema": "mtcsec-lecture/1", "title": "t", "steps": [{"title": ")" +
                      QByteArray(101, 'x') + "\"}]}")
        << "steps[0].title: must be at most 100 characters, got 101";
    QTest::newRow("notes long") << oneStep(R"("notes": ")" + QByteArray(4001, 'n') + "\"")
                                << "steps[0].notes: must be at most 4000 characters, got 4001";
    QTest::newRow("unknown step field") << oneStep(R"("slide": 3)") << "steps[0].slide: unknown field";
    QTest::newRow("two changes") << oneStep(R"("change": {"reset": true, "open_preset": "default"})")
                                 << "steps[0].change: must give exactly one of open_preset, protection, "
                                    "place_attacker, remove_attacker, reset; got 2";
    QTest::newRow("empty change") << oneStep(R"("change": {})")
                                  << "steps[0].change: must give exactly one of open_preset, protection, "
                                     "place_attacker, remove_attacker, reset; got 0";
    QTest::newRow("unknown preset")
        << oneStep(R"("change": {"open_preset": "secure"})")
        << "steps[0].change.open_preset: unknown preset 'secure' (one of "
           "default, unprotected, 3gpp-only, app-only, null-integrity-refused, "
           "defence-in-depth, backhaul-eavesdrop, malleable-ciphertext, "
           "bidding-down, mixed-snow3g, insider-pgw, replay-command, "
           "oscore-insider, oscore-replay, dtls-end-to-end, dtls-vs-oscore-wakeup)";
    QTest::newRow("unknown protection word") << oneStep(R"("change": {"protection": "all-on"})")
                                             << "steps[0].change.protection: unknown protection 'all-on' "
                                                "(3gpp-on, all-off, or an object of nas, as, "
                                                "nds, app as in a scenario)";
    QTest::newRow("protection number")
        << oneStep(R"("change": {"protection": 3})")
        << "steps[0].change.protection: must be 3gpp-on, all-off or an object of "
           "nas, as, nds, app, got the number 3";
    QTest::newRow("bad app")
        << oneStep(R"("change": {"protection": {"app": "aes"}})")
        << "steps[0].change.protection.app: unknown application protection 'aes' (one of "
           "none, integrity, aead, oscore, dtls, or an object of confidentiality, integrity, "
           "replay_protection)";
    QTest::newRow("nds on Uu")
        << oneStep(R"("change": {"protection": {"nds": {"Uu": true}}})")
        << "steps[0].change.protection.nds.Uu: NDS/IP protects backhaul links only (S1-MME, "
           "S1-U, S6a, S5, SGi); Uu is protected by AS security";
    QTest::newRow("empty protection")
        << oneStep(R"("change": {"protection": {}})")
        << "steps[0].change.protection: changes nothing (give at least one of nas, as, "
           "nds, app)";
    QTest::newRow("attacker without id")
        << oneStep(R"("change": {"place_attacker": {"kind": "eavesdrop", "target": "SGi"}})")
        << "steps[0].change.place_attacker.id: missing (the attacker's id, which questions and "
           "remove_attacker "
           "refer to)";
    QTest::newRow("attacker kind")
        << oneStep(R"("change": {"place_attacker": {"id": "x", "kind": "sniff"}})")
        << "steps[0].change.place_attacker.kind: unknown attack kind 'sniff' (one of "
           "eavesdrop, tamper, replay, inject, downgrade, insider)";
    QTest::newRow("attacker rate")
        << oneStep(
               R"("change": {"place_attacker": {"id": "x", "kind": "tamper", "target": "Uu", "rate": 2}})")
        << "steps[0].change.place_attacker.rate: must be a probability above 0 and at most 1, got 2";
    QTest::newRow("attacker id taken")
        << afterPreset(R"("change": {"place_attacker": {"id": "a2", "kind": "eavesdrop", "target": "SGi"}})")
        << "steps[1].change.place_attacker.id: an attacker 'a2' is already present at this step (a1, a2, a3)";
    QTest::newRow("remove unknown")
        << afterPreset(R"("change": {"remove_attacker": "a9"})")
        << "steps[1].change.remove_attacker: no attacker 'a9' is present at this step "
           "(a1, a2, a3)";
    QTest::newRow("reset false")
        << oneStep(R"("change": {"reset": false})")
        << "steps[0].change.reset: must be true (leave out the change for a step that "
           "changes nothing)";
    QTest::newRow("ask nothing") << oneStep(R"("ask": {"question": "?"})")
                                 << "steps[0].ask: asks nothing (give requirements, attackers or both)";
    QTest::newRow("ask R5")
        << oneStep(R"("ask": {"requirements": ["R1", "R5"]})")
        << "steps[0].ask.requirements[1]: unknown requirement 'R5' (one of R1, R2, R3, R4)";
    QTest::newRow("ask R2 twice") << oneStep(R"("ask": {"requirements": ["R2", "R2"]})")
                                  << "steps[0].ask.requirements[1]: R2 is asked twice";
    QTest::newRow("ask unknown attacker")
        << afterPreset(R"("ask": {"attackers": ["a1", "b7"]})")
        << "steps[1].ask.attackers[1]: no attacker 'b7' is present at this step "
           "(a1, a2, a3)";
    QTest::newRow("ask removed attacker")
        << afterPreset(R"("change": {"remove_attacker": "a1"}, "ask": {"attackers": ["a1"]})")
        << "steps[1].ask.attackers[0]: no attacker 'a1' is present at this step (a2, a3)";
    QTest::newRow("ask too many attackers")
        << oneStep(
               R"("ask": {"attackers": ["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q"]})")
        << "steps[0].ask.attackers: at most 16 attackers, got 17";
    QTest::newRow("reveal negative") << oneStep(R"("ask": {"requirements": ["R1"], "reveal_after_s": -1})")
                                     << "steps[0].ask.reveal_after_s: must be from 0 to 3600 seconds, got -1";
    QTest::newRow("reveal long") << oneStep(R"("ask": {"requirements": ["R1"], "reveal_after_s": 4000})")
                                 << "steps[0].ask.reveal_after_s: must be from 0 to 3600 seconds, got 4000";
    QTest::newRow("reveal text") << oneStep(R"("ask": {"requirements": ["R1"], "reveal_after_s": "soon"})")
                                 << "steps[0].ask.reveal_after_s: must be a number, got the string 'soon'";
    QTest::newRow("duplicate key") << oneStep(R"("text": "a", "text": "b")") << "steps[0].text: given twice";
}

void TestLectureScript::refusesWithPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QCOMPARE(test::errorText([&] { (void)lectureScriptFromJson(json); }), error);
}

void TestLectureScript::builtInLectureReads()
{
    const LectureScript s = loadLectureScriptFile(
        QStringLiteral(MTCSEC_TEST_DATA_DIR "/../../resources/lectures/first-lecture.json"));
    QCOMPARE(s.title, std::string("A first lecture, in fifteen minutes"));
    QVERIFY(s.steps.size() >= 7);
    QCOMPARE(s.steps.front().change.preset, std::string("unprotected"));
    for (const LectureStep& step : s.steps) {
        QVERIFY2(!step.notes.empty(), step.title.c_str());
        QVERIFY2(!step.text.empty(), step.title.c_str());
    }
}

void TestLectureScript::protectionEditAppliesOverWhatIsInForce()
{
    const LectureScript s = lectureScriptFromJson(oneStep(R"("change": {"protection": {"app": "aead"}})"));
    const Protection threeGpp = threeGppOn();
    Protection expected = threeGpp;
    expected.app = appPreset("aead").value();
    QCOMPARE(s.steps[0].change.protection.applyTo(threeGpp), expected);
    const LectureScript on = lectureScriptFromJson(oneStep(R"("change": {"protection": "3gpp-on"})"));
    Protection app;
    app.app = appPreset("integrity").value();
    QCOMPARE(on.steps[0].change.protection.applyTo(app), threeGppOn(app)); // the "3GPP on" button keeps app
    const LectureScript off = lectureScriptFromJson(oneStep(R"("change": {"protection": "all-off"})"));
    QCOMPARE(off.steps[0].change.protection.applyTo(threeGpp), Protection{});
}

void TestLectureScript::fileErrorsNameTheFile()
{
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.json"));
    QFile f(empty);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QCOMPARE(
        test::errorText([&] { (void)loadLectureScriptFile(empty); }),
        empty +
            ": the file is empty (a lecture script is a JSON object with \"schema\": \"mtcsec-lecture/1\")");
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile b(bad);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(oneStep(R"("ask": {"requirements": ["R9"]})"));
    b.close();
    QCOMPARE(test::errorText([&] { (void)loadLectureScriptFile(bad); }),
             bad + ": steps[0].ask.requirements[0]: unknown requirement 'R9' (one of R1, R2, R3, R4)");
    QVERIFY(test::errorText([&] {
                (void)loadLectureScriptFile(dir.filePath(QStringLiteral("none.json")));
            }).contains(QStringLiteral(": cannot read: ")));
    // A FIFO is refused at once (opened without blocking), not waited on.
    const QString fifo = dir.filePath(QStringLiteral("fifo.json"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    QCOMPARE(test::errorText([&] { (void)loadLectureScriptFile(fifo); }),
             fifo + ": cannot read: it is a FIFO, not a regular file");
}

QTEST_GUILESS_MAIN(TestLectureScript)
#include "tst_lecturescript.moc"
