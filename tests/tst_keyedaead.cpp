// The facade's AEADs (core/crypto/Primitives.h): AES-128-GCM (NIST SP 800-38D, McGrew-Viega test cases) and
// AES-CCM-16-64-128 (RFC 3610 packet vector 1) give the known answers, and every kind of bad input (flipped
// ciphertext, tag, associated data, nonce, other key, too short) is refused by an empty result, never by an
// exception; a keyed object stays good after a refusal; one GCM object (one key setup) seals and opens.
#include "core/crypto/CryptoLedger.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Primitives.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::crypto;

namespace {

Bytes hex(const char* text)
{
    return fromHex(text, "test vector");
}

// McGrew and Viega, "The Galois/Counter Mode of Operation", test case 4 (AES-128, 12-octet IV, 20 octets of
// associated data, 60 octets of plaintext).
const Bytes kGcmKey = hex("feffe9928665731c6d6a8f9467308308");
const Bytes kGcmNonce = hex("cafebabefacedbaddecaf888");
const Bytes kGcmAad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
const Bytes kGcmPlain =
    hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e24"
        "49a6b525b16aedf5aa0de657ba637b39");
const Bytes kGcmSealed =
    hex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5a"
        "ac84aa051ba30b396a0aac973d58e0915bc94fbc3221a5db94fae95ae7121a47");

// RFC 3610 packet vector 1: M = 8, L = 2, a 13-octet nonce, 8 octets of associated data.
const Bytes kCcmKey = hex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf");
const Bytes kCcmNonce = hex("00000003020100a0a1a2a3a4a5");
const Bytes kCcmAad = hex("0001020304050607");
const Bytes kCcmPlain = hex("08090a0b0c0d0e0f101112131415161718191a1b1c1d1e");
const Bytes kCcmSealed = hex("588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0");

// What a bad-input row changes in a genuine (key, nonce, associated data, sealed) of `tag` octets.
enum class Spoil {
    CiphertextFirst,
    CiphertextLast,
    TagFirst,
    TagLast,
    AadFlipped,
    AadLonger,
    AadEmpty,
    NonceFlipped,
    OtherKey,
    OneOctetShort,
    TagOnlyShort,
    Empty
};

struct Input {
    Bytes key, nonce, aad, sealed;
};

Input spoiled(Input in, Spoil spoil, std::size_t tag)
{
    const std::size_t body = in.sealed.size() - tag;
    switch (spoil) {
    case Spoil::CiphertextFirst:
        in.sealed[0] ^= 0x01;
        break;
    case Spoil::CiphertextLast:
        in.sealed[body - 1] ^= 0x80;
        break;
    case Spoil::TagFirst:
        in.sealed[body] ^= 0x01;
        break;
    case Spoil::TagLast:
        in.sealed.back() ^= 0x80;
        break;
    case Spoil::AadFlipped:
        in.aad[2] ^= 0x04;
        break;
    case Spoil::AadLonger:
        in.aad.push_back(0);
        break;
    case Spoil::AadEmpty:
        in.aad.clear();
        break;
    case Spoil::NonceFlipped:
        in.nonce.back() ^= 0x01;
        break;
    case Spoil::OtherKey:
        in.key[15] ^= 0x01;
        break;
    case Spoil::OneOctetShort:
        in.sealed.pop_back();
        break;
    case Spoil::TagOnlyShort:
        in.sealed.resize(tag - 1);
        break;
    case Spoil::Empty:
        in.sealed.clear();
        break;
    }
    return in;
}

void addSpoilRows()
{
    QTest::addColumn<Spoil>("spoil");
    QTest::newRow("flipped first ciphertext octet") << Spoil::CiphertextFirst;
    QTest::newRow("flipped last ciphertext octet") << Spoil::CiphertextLast;
    QTest::newRow("flipped first tag octet") << Spoil::TagFirst;
    QTest::newRow("flipped last tag octet") << Spoil::TagLast;
    QTest::newRow("flipped associated data") << Spoil::AadFlipped;
    QTest::newRow("longer associated data") << Spoil::AadLonger;
    QTest::newRow("associated data left out") << Spoil::AadEmpty;
    QTest::newRow("flipped nonce") << Spoil::NonceFlipped;
    QTest::newRow("other key") << Spoil::OtherKey;
    QTest::newRow("one octet short") << Spoil::OneOctetShort;
    QTest::newRow("shorter than the tag") << Spoil::TagOnlyShort;
    QTest::newRow("empty") << Spoil::Empty;
}

} // namespace

Q_DECLARE_METATYPE(Spoil)

class TestKeyedAead : public QObject {
    Q_OBJECT

private slots:
    void gcmKnownAnswers_data()
    {
        QTest::addColumn<Bytes>("key");
        QTest::addColumn<Bytes>("nonce");
        QTest::addColumn<Bytes>("aad");
        QTest::addColumn<Bytes>("plain");
        QTest::addColumn<Bytes>("sealed");
        const Bytes zero16(16, 0);
        const Bytes zero12(12, 0);
        QTest::newRow("test case 1: empty")
            << zero16 << zero12 << Bytes{} << Bytes{} << hex("58e2fccefa7e3061367f1d57a4e7455a");
        QTest::newRow("test case 2: one block")
            << zero16 << zero12 << Bytes{} << zero16
            << hex("0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf");
        QTest::newRow("test case 4: associated data, a partial block")
            << kGcmKey << kGcmNonce << kGcmAad << kGcmPlain << kGcmSealed;
    }

    void gcmKnownAnswers()
    {
        QFETCH(Bytes, key);
        QFETCH(Bytes, nonce);
        QFETCH(Bytes, aad);
        QFETCH(Bytes, plain);
        QFETCH(Bytes, sealed);
        QCOMPARE(aes128GcmSeal(key, nonce, aad, plain), sealed);
        QCOMPARE(aes128GcmOpen(key, nonce, aad, sealed), std::optional<Bytes>(plain));
        const KeyedAes128Gcm keyed(key);
        QCOMPARE(keyed.seal(nonce, aad, plain), sealed);
        QCOMPARE(keyed.open(nonce, aad, sealed), std::optional<Bytes>(plain));
        // In place in a packet: the associated data before the message, the tag after it, in one buffer.
        Bytes packet = aad;
        packet.insert(packet.end(), plain.begin(), plain.end());
        packet.resize(packet.size() + 16);
        const std::span<std::uint8_t> all(packet);
        aes128GcmSealInPlace(key, nonce, all.first(aad.size()), all.subspan(aad.size(), plain.size()),
                             all.last<16>());
        QCOMPARE(Bytes(packet.begin() + static_cast<std::ptrdiff_t>(aad.size()), packet.end()), sealed);
        // Into a buffer that held something longer (its contents replaced).
        Bytes into(100, 0xee);
        QVERIFY(aes128GcmOpenInto(key, nonce, aad, sealed, into));
        QCOMPARE(into, plain);
        QVERIFY(keyed.openInto(nonce, aad, sealed, into));
        QCOMPARE(into, plain);
    }

    void gcmRefusesEveryBadInput_data() { addSpoilRows(); }

    void gcmRefusesEveryBadInput()
    {
        QFETCH(Spoil, spoil);
        const Input bad = spoiled({kGcmKey, kGcmNonce, kGcmAad, kGcmSealed}, spoil, 16);
        std::optional<Bytes> viaCache;
        std::optional<Bytes> viaObject;
        const KeyedAes128Gcm keyed(bad.key);
        try {
            viaCache = aes128GcmOpen(bad.key, bad.nonce, bad.aad, bad.sealed);
            viaObject = keyed.open(bad.nonce, bad.aad, bad.sealed);
        } catch (...) {
            QFAIL("a bad input must be refused by an empty result, not an exception");
        }
        QVERIFY(!viaCache.has_value());
        QVERIFY(!viaObject.has_value());
        // Into a caller's buffer: refused, and the buffer left empty (nothing of the forgery handed out).
        Bytes into(40, 0xee);
        QVERIFY(!aes128GcmOpenInto(bad.key, bad.nonce, bad.aad, bad.sealed, into));
        QVERIFY(into.empty());
        into.assign(40, 0xee);
        QVERIFY(!keyed.openInto(bad.nonce, bad.aad, bad.sealed, into));
        QVERIFY(into.empty());
        // The same objects open the genuine message next (nothing of the refused one is left over).
        const KeyedAes128Gcm genuine(kGcmKey);
        QCOMPARE(genuine.open(kGcmNonce, kGcmAad, kGcmSealed), std::optional<Bytes>(kGcmPlain));
        QCOMPARE(aes128GcmOpen(kGcmKey, kGcmNonce, kGcmAad, kGcmSealed), std::optional<Bytes>(kGcmPlain));
        if (bad.key == kGcmKey) {
            QCOMPARE(keyed.open(kGcmNonce, kGcmAad, kGcmSealed), std::optional<Bytes>(kGcmPlain));
            QCOMPARE(keyed.seal(kGcmNonce, kGcmAad, kGcmPlain), kGcmSealed);
        }
    }

    void ccmKnownAnswer()
    {
        QCOMPARE(aes128Ccm8Seal(kCcmKey, kCcmNonce, kCcmAad, kCcmPlain), kCcmSealed);
        QCOMPARE(aes128Ccm8Open(kCcmKey, kCcmNonce, kCcmAad, kCcmSealed), std::optional<Bytes>(kCcmPlain));
    }

    void ccmRefusesEveryBadInput_data() { addSpoilRows(); }

    void ccmRefusesEveryBadInput()
    {
        QFETCH(Spoil, spoil);
        const Input bad = spoiled({kCcmKey, kCcmNonce, kCcmAad, kCcmSealed}, spoil, 8);
        QVERIFY(!aes128Ccm8Open(bad.key, bad.nonce, bad.aad, bad.sealed).has_value());
        QCOMPARE(aes128Ccm8Open(kCcmKey, kCcmNonce, kCcmAad, kCcmSealed), std::optional<Bytes>(kCcmPlain));
    }

    void gcmRefusesAWrongNonceLength()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)aes128GcmSeal(kGcmKey, Bytes(11, 0), {}, kGcmPlain));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)aes128GcmOpen(kGcmKey, Bytes(13, 0), {}, kGcmSealed));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, KeyedAes128Gcm(Bytes(15, 0)));
    }

    // One Botan object per GCM key seals and opens: one key schedule counted for both directions.
    void oneKeySetupForBothDirections()
    {
        Bytes key(16, 0x5c);
        key[0] = 0xa7; // a key no other case of this test uses
        CryptoLedger ledger;
        const LedgerScope scope(ledger);
        const Bytes sealed = aes128GcmSeal(key, kGcmNonce, kGcmAad, kGcmPlain);
        QCOMPARE(aes128GcmOpen(key, kGcmNonce, kGcmAad, sealed), std::optional<Bytes>(kGcmPlain));
        QVERIFY(!aes128GcmOpen(key, kGcmNonce, kGcmAad, kGcmSealed).has_value());
        QCOMPARE(ledger.keySetups(), quint64{1});
        const KeyedAes128Gcm keyed(key);
        QCOMPARE(keyed.open(kGcmNonce, kGcmAad, keyed.seal(kGcmNonce, kGcmAad, kGcmPlain)),
                 std::optional<Bytes>(kGcmPlain));
        QCOMPARE(ledger.keySetups(), quint64{2});
    }

    // The in-place and into forms note the same ledger records as the forms that return a new buffer.
    void inPlaceFormsNoteTheSameRecords()
    {
        CryptoLedger returning;
        {
            const LedgerScope scope(returning);
            const Bytes sealed = aes128GcmSeal(kGcmKey, kGcmNonce, kGcmAad, kGcmPlain);
            QVERIFY(aes128GcmOpen(kGcmKey, kGcmNonce, kGcmAad, sealed).has_value());
            QVERIFY(!aes128GcmOpen(kGcmKey, kGcmNonce, kGcmAad, kGcmPlain).has_value());
            QVERIFY(!aes128GcmOpen(kGcmKey, kGcmNonce, kGcmAad, Bytes(15, 0)).has_value());
        }
        CryptoLedger inPlace;
        {
            const LedgerScope scope(inPlace);
            Bytes data = kGcmPlain;
            data.resize(data.size() + 16);
            const std::span<std::uint8_t> all(data);
            aes128GcmSealInPlace(kGcmKey, kGcmNonce, kGcmAad, all.first(kGcmPlain.size()), all.last<16>());
            Bytes into;
            QVERIFY(aes128GcmOpenInto(kGcmKey, kGcmNonce, kGcmAad, data, into));
            QVERIFY(!aes128GcmOpenInto(kGcmKey, kGcmNonce, kGcmAad, kGcmPlain, into));
            QVERIFY(!aes128GcmOpenInto(kGcmKey, kGcmNonce, kGcmAad, Bytes(15, 0), into));
        }
        QVERIFY(!returning.entries().empty());
        QVERIFY(inPlace.entries() == returning.entries());
    }

    // More keys than the per-thread cache holds, interleaved: each message still under its own key (entries
    // replaced and keyed again), the same results as an object keyed for it alone.
    void manyKeysInterleaved()
    {
        constexpr int kKeys = 3000;
        const auto keyOf = [](int i) {
            Bytes key(16, 0x3d);
            key[0] = static_cast<std::uint8_t>(i);
            key[1] = static_cast<std::uint8_t>(i >> 8);
            key[9] = 0x42;
            return key;
        };
        std::vector<Bytes> sealed;
        for (int i = 0; i < kKeys; ++i)
            sealed.push_back(aes128GcmSeal(keyOf(i), kGcmNonce, kGcmAad, kGcmPlain));
        for (int i = kKeys - 1; i >= 0; i -= 7) {
            QCOMPARE(sealed[static_cast<std::size_t>(i)],
                     KeyedAes128Gcm(keyOf(i)).seal(kGcmNonce, kGcmAad, kGcmPlain));
            QCOMPARE(aes128GcmOpen(keyOf(i), kGcmNonce, kGcmAad, sealed[static_cast<std::size_t>(i)]),
                     std::optional<Bytes>(kGcmPlain));
            QVERIFY(!aes128GcmOpen(keyOf(i + 1), kGcmNonce, kGcmAad, sealed[static_cast<std::size_t>(i)])
                         .has_value());
            Bytes viaCache = kGcmPlain;
            Bytes viaObject = kGcmPlain;
            aes128CtrXor(keyOf(i), Block{}, viaCache);
            KeyedAes128Ctr(keyOf(i)).xorKeystream(Block{}, viaObject);
            QCOMPARE(viaCache, viaObject);
        }
    }
};

QTEST_GUILESS_MAIN(TestKeyedAead)
#include "tst_keyedaead.moc"
