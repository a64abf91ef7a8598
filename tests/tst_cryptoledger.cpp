// The crypto operation ledger (core/crypto/CryptoLedger.h) and its replay (CryptoReplay.h): known calls give
// known counts, outputs do not change with a ledger on, nothing is recorded without one, the replay redoes
// exactly the ledger's work and records nothing itself.
#include "core/crypto/CryptoLedger.h"
#include "core/crypto/CryptoReplay.h"
#include "core/crypto/Eea2.h"
#include "core/crypto/Eia2.h"
#include "core/crypto/KeyHierarchy.h"
#include "core/crypto/Milenage.h"
#include "core/crypto/Primitives.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::crypto;

namespace {

const Bytes kKey(16, 0x11);
const Bytes kNonce(12, 0x33);
const Bytes kAad(8, 0x44);

enum class Call : int {
    Ctr100,
    Eea2_40,
    Eia2_10,
    MilenageCompute,
    MilenageOpc,
    KdfKeNB,
    GcmSeal30,
    GcmOpen30,
    Cmac20,
    Hmac50,
    Sha256_9,
    Stream5
};

// A 16-octet key no earlier call of this test used (the facade caches keyed objects by key).
Bytes freshKey()
{
    static std::uint8_t next = 0;
    Bytes key(16, 0xa5); // never kKey
    key[0] = ++next;
    return key;
}

// Makes one call of the facade or an algorithm with `kKey`, a 16-octet key (32-octet keys repeat it).
void make(Call call, const Bytes& key)
{
    Bytes key32 = key;
    key32.insert(key32.end(), key.begin(), key.end());
    const AlgorithmInput input{0x1234, 3, Direction::Downlink};
    switch (call) {
    case Call::Ctr100: {
        Bytes data(100, 0);
        aes128CtrXor(key, Block{}, data);
        break;
    }
    case Call::Eea2_40: {
        Bytes data(40, 0);
        eea2InPlace(key, input, data);
        break;
    }
    case Call::Eia2_10:
        (void)eia2(key, input, Bytes(10, 0xee));
        break;
    case Call::MilenageCompute:
        (void)Milenage(key, Bytes(16, 1)).compute(Bytes(16, 2), Bytes(6, 3), Bytes(2, 4));
        break;
    case Call::MilenageOpc:
        (void)Milenage::computeOpc(key, Bytes(16, 5));
        break;
    case Call::KdfKeNB:
        (void)deriveKeNB(key32, 7);
        break;
    case Call::GcmSeal30:
        (void)aes128GcmSeal(key, kNonce, kAad, Bytes(30, 6));
        break;
    case Call::GcmOpen30:
        (void)aes128GcmOpen(key, kNonce, kAad, Bytes(30, 6)); // does not verify, but the work is done
        break;
    case Call::Cmac20:
        (void)aes128Cmac(key, Bytes(20, 7));
        break;
    case Call::Hmac50:
        (void)hmacSha256(key32, Bytes(50, 8));
        break;
    case Call::Sha256_9:
        (void)sha256(Bytes(9, 9));
        break;
    case Call::Stream5: {
        Sha256 s;
        s.update(ByteView(Bytes(5, 10)));
        break;
    }
    }
}

} // namespace

Q_DECLARE_METATYPE(Call)
Q_DECLARE_METATYPE(Primitive)

class TestCryptoLedger : public QObject {
    Q_OBJECT

private slots:
    void knownCallsGiveKnownCounts_data()
    {
        QTest::addColumn<Call>("call");
        QTest::addColumn<Primitive>("primitive");
        QTest::addColumn<quint32>("octets");
        QTest::addColumn<quint32>("aux");
        QTest::addColumn<quint64>("count");
        QTest::addColumn<quint64>("keySetups");
        QTest::addColumn<int>("algorithm"); // -1: none
        QTest::newRow("AES-CTR 100 octets")
            << Call::Ctr100 << Primitive::Aes128Ctr << 100U << 0U << quint64{1} << quint64{1} << -1;
        QTest::newRow("128-EEA2 40 octets") << Call::Eea2_40 << Primitive::Aes128Ctr << 40U << 0U
                                            << quint64{1} << quint64{1} << static_cast<int>(Algorithm::Eea2);
        // 8 + 10 octets = 144 bits: two blocks, and the zero block for the subkeys.
        QTest::newRow("128-EIA2 10 octets") << Call::Eia2_10 << Primitive::Aes128Block << 16U << 0U
                                            << quint64{3} << quint64{1} << static_cast<int>(Algorithm::Eia2);
        // TEMP and OUT1-OUT5.
        QTest::newRow("MILENAGE f1-f5") << Call::MilenageCompute << Primitive::Aes128Block << 16U << 0U
                                        << quint64{6} << quint64{1} << static_cast<int>(Algorithm::Milenage);
        QTest::newRow("MILENAGE OPc")
            << Call::MilenageOpc << Primitive::Aes128Block << 16U << 0U << quint64{1} << quint64{1} << -1;
        // S = FC || UL NAS COUNT (4) || length (2).
        QTest::newRow("KDF KeNB") << Call::KdfKeNB << Primitive::HmacSha256 << 7U << 0U << quint64{1}
                                  << quint64{1} << static_cast<int>(Algorithm::Kdf);
        QTest::newRow("GCM seal") << Call::GcmSeal30 << Primitive::Aes128GcmSeal << 30U << 8U << quint64{1}
                                  << quint64{1} << -1;
        QTest::newRow("GCM open, tag wrong")
            << Call::GcmOpen30 << Primitive::Aes128GcmOpen << 30U << 8U << quint64{1} << quint64{1} << -1;
        QTest::newRow("AES-CMAC") << Call::Cmac20 << Primitive::Aes128Cmac << 20U << 0U << quint64{1}
                                  << quint64{1} << -1;
        QTest::newRow("HMAC-SHA-256")
            << Call::Hmac50 << Primitive::HmacSha256 << 50U << 0U << quint64{1} << quint64{1} << -1;
        QTest::newRow("SHA-256") << Call::Sha256_9 << Primitive::Sha256 << 9U << 0U << quint64{1}
                                 << quint64{0} << -1;
        QTest::newRow("SHA-256 stream")
            << Call::Stream5 << Primitive::Sha256Stream << 5U << 0U << quint64{1} << quint64{0} << -1;
    }
    void knownCallsGiveKnownCounts()
    {
        QFETCH(Call, call);
        QFETCH(Primitive, primitive);
        QFETCH(quint32, octets);
        QFETCH(quint32, aux);
        QFETCH(quint64, count);
        QFETCH(quint64, keySetups);
        QFETCH(int, algorithm);
        CryptoLedger ledger;
        const Bytes key = freshKey();
        {
            const LedgerScope scope(ledger);
            QCOMPARE(activeLedger(), &ledger);
            make(call, key);
        }
        QCOMPARE(activeLedger(), nullptr);
        const std::vector<LedgerEntry> entries = ledger.entries();
        QCOMPARE(entries.size(), std::size_t{1});
        QCOMPARE(entries[0], (LedgerEntry{primitive, octets, aux, count}));
        QCOMPARE(ledger.calls(primitive), count);
        QCOMPARE(ledger.octets(primitive), count * octets);
        QCOMPARE(ledger.keySetups(), keySetups);
        QCOMPARE(ledger.unrecorded(), quint64{0});
        for (std::size_t a = 0; a < kAlgorithmCount; ++a)
            QCOMPARE(ledger.calls(static_cast<Algorithm>(a)),
                     quint64{static_cast<int>(a) == algorithm ? 1U : 0U});

        // Twice the calls, twice the counts (the key setup of a cached object is not done again); a second
        // ledger merged adds its counts.
        {
            const LedgerScope scope(ledger);
            make(call, key);
        }
        QCOMPARE(ledger.entries()[0].count, 2 * count);
        QVERIFY(ledger.keySetups() >= keySetups && ledger.keySetups() <= 2 * keySetups);
        CryptoLedger merged;
        merged.merge(ledger);
        merged.merge(ledger);
        QCOMPARE(merged.entries()[0].count, 4 * count);
        QCOMPARE(merged.keySetups(), 2 * ledger.keySetups());
        merged.clear();
        QVERIFY(merged.entries().empty());
        QCOMPARE(merged.keySetups(), quint64{0});
    }

    void outputsDoNotChange()
    {
        const AlgorithmInput input{0x38a6f056, 0x18, Direction::Uplink};
        const Bytes message = {0x33, 0x32, 0x34, 0x62, 0x63, 0x39, 0x38, 0x40, 0x01, 0x02};
        Bytes plainOff = message;
        eea2InPlace(kKey, input, plainOff);
        const Mac macOff = eia2(kKey, input, message);
        const Bytes sealedOff = aes128GcmSeal(kKey, kNonce, kAad, message);
        CryptoLedger ledger;
        const LedgerScope scope(ledger);
        Bytes plainOn = message;
        eea2InPlace(kKey, input, plainOn);
        QCOMPARE(plainOn, plainOff);
        QCOMPARE(eia2(kKey, input, message), macOff);
        QCOMPARE(aes128GcmSeal(kKey, kNonce, kAad, message), sealedOff);
        QCOMPARE(aes128GcmOpen(kKey, kNonce, kAad, sealedOff), std::optional<Bytes>(message));
    }

    void nothingRecordedWithoutALedger()
    {
        CryptoLedger ledger;
        {
            const LedgerScope scope(ledger);
        }
        make(Call::Ctr100, freshKey());
        QVERIFY(ledger.entries().empty());
        // Nested scopes: the inner one records, the outer one is back afterwards.
        CryptoLedger outer;
        CryptoLedger inner;
        {
            const LedgerScope a(outer);
            {
                const LedgerScope b(inner);
                make(Call::Hmac50, freshKey());
            }
            make(Call::Cmac20, freshKey());
        }
        QCOMPARE(inner.calls(Primitive::HmacSha256), quint64{1});
        QCOMPARE(inner.calls(Primitive::Aes128Cmac), quint64{0});
        QCOMPARE(outer.calls(Primitive::Aes128Cmac), quint64{1});
        QCOMPARE(outer.calls(Primitive::HmacSha256), quint64{0});
    }

    // The facade keeps keyed objects per key: one key setup for many messages, the right key for each of
    // several interleaved keys, and a GCM object still good after a tag that did not verify.
    void keyedObjectsAreReused()
    {
        const Bytes a = freshKey();
        const Bytes b = freshKey();
        const Bytes message(40, 0x77);
        const Bytes sealedA = KeyedAes128Gcm(a).seal(kNonce, kAad, message);
        const Bytes sealedB = KeyedAes128Gcm(b).seal(kNonce, kAad, message);
        QVERIFY(sealedA != sealedB);
        CryptoLedger ledger;
        const LedgerScope scope(ledger);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(aes128GcmSeal(a, kNonce, kAad, message), sealedA);
            QCOMPARE(aes128GcmSeal(b, kNonce, kAad, message), sealedB);
            QVERIFY(!aes128GcmOpen(a, kNonce, kAad, sealedB).has_value());
            QCOMPARE(aes128GcmOpen(a, kNonce, kAad, sealedA), std::optional<Bytes>(message));
            QCOMPARE(aes128Cmac(a, message), KeyedAes128Cmac(a).mac(message));
            QCOMPARE(aes128Cmac(b, message), KeyedAes128Cmac(b).mac(message));
            Bytes viaCache = message;
            Bytes viaObject = message;
            aes128CtrXor(b, Block{}, viaCache);
            KeyedAes128Ctr(b).xorKeystream(Block{}, viaObject);
            QCOMPARE(viaCache, viaObject);
        }
        QCOMPARE(ledger.calls(Primitive::Aes128GcmSeal), quint64{6});
        QCOMPARE(ledger.calls(Primitive::Aes128GcmOpen), quint64{6});
        // Keyed once each: GCM a, b (one object seals and opens); CMAC a, b; CTR b; and the 3 objects built
        // per round.
        QCOMPARE(ledger.keySetups(), quint64{5 + 3 * 3});
    }

    void aShortGcmInputIsNotWork()
    {
        CryptoLedger ledger;
        const LedgerScope scope(ledger);
        QVERIFY(!aes128GcmOpen(kKey, kNonce, kAad, Bytes(15, 0)).has_value());
        QVERIFY(ledger.entries().empty());
    }

    void aFullTableCountsTheRestAsUnrecorded()
    {
        auto ledger = std::make_unique<CryptoLedger>();
        const std::size_t sizes = CryptoLedger::kSlots;
        for (std::size_t i = 0; i < sizes; ++i)
            ledger->record(Primitive::Aes128Ctr, i);
        const std::size_t kept = ledger->entries().size();
        QCOMPARE(kept, CryptoLedger::kSlots / 8 * 7);
        QCOMPARE(ledger->calls(Primitive::Aes128Ctr) + ledger->unrecorded(), quint64{sizes});
        ledger->record(Primitive::Aes128Ctr, std::size_t{1} << 33); // octets too large to be a key
        QCOMPARE(ledger->unrecorded(), quint64{sizes - kept + 1});
    }

    void replayRedoesTheLedger()
    {
        CryptoLedger ledger;
        {
            const LedgerScope scope(ledger);
            for (const Call c :
                 {Call::Ctr100, Call::Eia2_10, Call::MilenageCompute, Call::KdfKeNB, Call::GcmSeal30,
                  Call::GcmOpen30, Call::Cmac20, Call::Sha256_9, Call::Stream5, Call::Stream5})
                make(c, freshKey());
        }
        CryptoLedger watcher;
        ReplayCost cost;
        {
            const LedgerScope scope(watcher);
            cost = replayLedger(ledger);
        }
        QVERIFY(watcher.entries().empty()); // the replay records nothing
        QCOMPARE(watcher.keySetups(), quint64{0});
        QCOMPARE(cost.primitives.size(), std::size_t{8});
        double total = 0;
        for (const PrimitiveCost& p : cost.primitives) {
            QCOMPARE(p.calls, ledger.calls(p.primitive));
            QCOMPARE(p.octets, ledger.octets(p.primitive));
            QVERIFY(p.seconds >= 0);
            if (p.primitive != Primitive::Sha256Stream)
                total += p.seconds;
        }
        QCOMPARE(cost.primitives[5].primitive, Primitive::Sha256Stream);
        QCOMPARE(cost.primitives[5].calls, quint64{2});
        QVERIFY(qAbs(cost.seconds - total) < 1e-12);
        QVERIFY(cost.seconds > 0);
        QCOMPARE(name(Primitive::Aes128GcmOpen), std::string_view("aes128_gcm_open"));
        QCOMPARE(name(Algorithm::Eia2), std::string_view("128-EIA2"));
    }
};

QTEST_GUILESS_MAIN(TestCryptoLedger)
#include "tst_cryptoledger.moc"
