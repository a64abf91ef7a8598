// The receiving side of a kept PDU (Engine::pdu, PduRecord::received and reception): what the receiver really
// decoded inside the hop's protection from the bytes that reached it, after any tampering, and whether it
// accepted them; the inspector shows it.
#include "core/engine/Engine.h"
#include "core/scenario/Presets.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::engine;

class TestReceivedView : public QObject {
    Q_OBJECT
private slots:
    void tamperedUuPduShowsTheChangedReading();
    void untouchedPdusReadAsSent_data();
    void untouchedPdusReadAsSent();
    void refusedPduIsDroppedWithItsReason();
};

void TestReceivedView::tamperedUuPduShowsTheChangedReading()
{
    // malleable-ciphertext: a tamperer flips bits of UP-ciphered readings on Uu; the eNB deciphers them
    // without noticing (no user-plane integrity) and forwards them.
    Scenario s = presetScenario("malleable-ciphertext").value();
    s.durationS = 20;
    Engine e(s);
    e.setKeepReceiverView(true);
    e.runToEnd();
    int tampered = 0;
    for (const LogEvent& ev : e.events()) {
        if (ev.kind != EventKind::PduSent || ev.place != placeOf(Link::Uu) || ev.attack < 0)
            continue;
        const auto r = e.pdu(ev.pdu);
        QVERIFY(r.has_value());
        if (r->reception != Reception::Accepted || r->plain.empty())
            continue;
        QVERIFY(!r->attack.empty());
        QCOMPARE(r->received.size(), r->plain.size());
        QVERIFY2(r->received != r->plain, "the receiver decoded what the sender sent, not the tampered PDU");
        ++tampered;
    }
    QVERIFY(tampered > 0);
}

void TestReceivedView::untouchedPdusReadAsSent_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("3gpp-only (Uu ciphered, NDS/IP on)") << "3gpp-only";
    QTest::newRow("default (nothing on)") << "default";
}

void TestReceivedView::untouchedPdusReadAsSent()
{
    QFETCH(QString, preset);
    Scenario s = presetScenario(preset.toStdString()).value();
    s.durationS = 15;
    s.attacks.clear();
    Engine e(s);
    e.setKeepReceiverView(true);
    e.runToEnd();
    int checked = 0;
    for (const LogEvent& ev : e.events()) {
        if (ev.kind != EventKind::PduSent)
            continue;
        const auto r = e.pdu(ev.pdu);
        QVERIFY(r.has_value());
        if (r->reception != Reception::Accepted)
            continue;
        QVERIFY2(r->received == r->plain,
                 qPrintable(
                     QStringLiteral("PDU %1 on %2").arg(r->id).arg(QString::fromUtf8(name(r->link).data()))));
        ++checked;
    }
    QVERIFY(checked > 100);
}

void TestReceivedView::refusedPduIsDroppedWithItsReason()
{
    // tamper-s1u-nds (or any preset with an integrity-protected hop under a tamperer): the receiver refuses.
    Scenario s = presetScenario("3gpp-only").value();
    s.durationS = 20;
    s.attacks.clear();
    AttackSpec t;
    t.id = "t1";
    t.kind = AttackKind::Tamper;
    t.link = Link::S1U;
    s.attacks.push_back(t);
    Engine e(s);
    e.setKeepReceiverView(true);
    e.runToEnd();
    int dropped = 0;
    for (const LogEvent& ev : e.events()) {
        if (ev.kind != EventKind::PduSent || ev.attack < 0)
            continue;
        const auto r = e.pdu(ev.pdu);
        if (!r || r->reception == Reception::Pending)
            continue;
        QCOMPARE(r->reception, Reception::Dropped);
        QCOMPARE(r->dropReason, DropReason::Integrity); // the ESP ICV
        QVERIFY(r->received.empty());                   // nothing decoded
        ++dropped;
    }
    QVERIFY(dropped > 0);
}

QTEST_GUILESS_MAIN(TestReceivedView)
#include "tst_receivedview.moc"
