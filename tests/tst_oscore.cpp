// OSCORE (RFC 8613): every Appendix C test vector (key derivation, nonces, protected requests and responses,
// client and server side) from tests/data/oscore.vec, in the core and through `mtcsec crypto oscore`; the
// option encoding, the AAD, CoAP with extended options, and what verification refuses (tag, replay, kid).
#include "core/InvalidInput.h"
#include "core/protocol/Cbor.h"
#include "core/protocol/CoapPdu.h"
#include "core/protocol/DtlsPsk.h"
#include "core/protocol/E2eOverhead.h"
#include "core/protocol/Oscore.h"
#include "core/protocol/OscoreAad.h"
#include "core/protocol/OscoreContext.h"
#include "core/protocol/OscoreOption.h"
#include "tests/RunBinary.h"
#include "tests/VectorFile.h"

#include <QTest>

#include <map>

using namespace mtcsec;
using namespace mtcsec::protocol;
using mtcsec::test::hex;
using mtcsec::test::str;
using mtcsec::test::Vector;

namespace {

OscoreParameters parametersOf(const Vector& v)
{
    OscoreParameters p;
    const Bytes secret = hex(v[QStringLiteral("MasterSecret")]);
    p.masterSecret.assign(secret.begin(), secret.end());
    if (v.fields.contains(QStringLiteral("MasterSalt")))
        p.masterSalt = hex(v[QStringLiteral("MasterSalt")]);
    if (v.fields.contains(QStringLiteral("IdContext")))
        p.idContext = hex(v[QStringLiteral("IdContext")]);
    p.senderId = hex(v[QStringLiteral("SenderId")]);
    p.recipientId = hex(v[QStringLiteral("RecipientId")]);
    return p;
}

// The context options of `mtcsec crypto oscore` for a vector.
QStringList contextArguments(const Vector& v)
{
    QStringList a{QStringLiteral("--master-secret"), v[QStringLiteral("MasterSecret")]};
    if (v.fields.contains(QStringLiteral("MasterSalt")))
        a << QStringLiteral("--master-salt") << v[QStringLiteral("MasterSalt")];
    if (v.fields.contains(QStringLiteral("IdContext")))
        a << QStringLiteral("--id-context") << v[QStringLiteral("IdContext")];
    a << QStringLiteral("--sender-id") << v[QStringLiteral("SenderId")] << QStringLiteral("--recipient-id")
      << v[QStringLiteral("RecipientId")];
    return a;
}

void addRows(const QString& kind)
{
    QTest::addColumn<Vector>("v");
    for (const Vector& v : test::readVectors(QStringLiteral("oscore.vec"))) {
        if (v[QStringLiteral("Kind")] == kind)
            QTest::newRow(qPrintable(v.name)) << v;
    }
}

// The client's context of C.4/C.7 (sender ID empty, recipient 01, with Master Salt).
OscoreContext c1Client()
{
    OscoreParameters p;
    const Bytes secret = hex(QStringLiteral("0102030405060708090a0b0c0d0e0f10"));
    p.masterSecret.assign(secret.begin(), secret.end());
    p.masterSalt = hex(QStringLiteral("9e7ca92223786340"));
    p.recipientId = {0x01};
    return deriveOscoreContext(p);
}

OscoreContext c1Server()
{
    OscoreParameters p;
    const Bytes secret = hex(QStringLiteral("0102030405060708090a0b0c0d0e0f10"));
    p.masterSecret.assign(secret.begin(), secret.end());
    p.masterSalt = hex(QStringLiteral("9e7ca92223786340"));
    p.senderId = {0x01};
    return deriveOscoreContext(p);
}

CoapPdu pdu(const char* hexText)
{
    return parseCoapPdu(hex(QString::fromLatin1(hexText))).value();
}

} // namespace

class TestOscore : public QObject {
    Q_OBJECT

private slots:
    void derive_data() { addRows(QStringLiteral("derive")); }
    void derive();
    void request_data() { addRows(QStringLiteral("request")); }
    void request();
    void response_data() { addRows(QStringLiteral("response")); }
    void response();

    void commandLineDerive_data() { addRows(QStringLiteral("derive")); }
    void commandLineDerive();
    void commandLineRequest_data() { addRows(QStringLiteral("request")); }
    void commandLineRequest();
    void commandLineResponse_data() { addRows(QStringLiteral("response")); }
    void commandLineResponse();
    void commandLineUnprotect();
    void commandLineErrors_data();
    void commandLineErrors();

    void aadOfC4();
    void optionValues_data();
    void optionValues();
    void malformedOptionValues_data();
    void malformedOptionValues();
    void coapExtendedOptions();
    void cborShortestForms();
    void partialIv();
    void tamperedFailsTheTag();
    void replayIsRefused();
    void windowAcceptsOutOfOrder();
    void unknownKid();
    void classUOptionsStayVisible();
    void derivationErrors();
    void sequenceExhausted();
    void overheadOfEachMode();
};

void TestOscore::derive()
{
    QFETCH(Vector, v);
    const OscoreContext c = deriveOscoreContext(parametersOf(v));
    QCOMPARE(str(c.senderKey), v[QStringLiteral("SenderKey")]);
    QCOMPARE(str(c.recipientKey), v[QStringLiteral("RecipientKey")]);
    QCOMPARE(str(c.commonIv), v[QStringLiteral("CommonIv")]);
    const Bytes zero{0x00};
    QCOMPARE(str(oscoreNonce(c.commonIv, c.senderId, zero)), v[QStringLiteral("SenderNonce")]);
    QCOMPARE(str(oscoreNonce(c.commonIv, c.recipientId, zero)), v[QStringLiteral("RecipientNonce")]);
}

void TestOscore::request()
{
    QFETCH(Vector, v);
    OscoreContext client = deriveOscoreContext(parametersOf(v));
    client.senderSequence = v[QStringLiteral("Seq")].toULongLong();
    const CoapPdu plain = parseCoapPdu(hex(v[QStringLiteral("Unprotected")])).value();
    const OscoreProtected p = oscoreProtectRequest(client, plain, parametersOf(v).idContext.has_value());
    QCOMPARE(str(encodeCoapPdu(p.message)), v[QStringLiteral("Protected")]);
    QCOMPARE(client.senderSequence, v[QStringLiteral("Seq")].toULongLong() + 1);

    // The server side: the mirrored context verifies it and gives the request back.
    OscoreParameters mirrored = parametersOf(v);
    std::swap(mirrored.senderId, mirrored.recipientId);
    OscoreContext server = deriveOscoreContext(mirrored);
    const OscoreUnprotected u =
        oscoreUnprotectRequest(server, parseCoapPdu(hex(v[QStringLiteral("Protected")])).value());
    QCOMPARE(u.verdict, OscoreVerdict::Accepted);
    QCOMPARE(str(encodeCoapPdu(u.message)), v[QStringLiteral("Unprotected")]);
    QCOMPARE(str(u.binding.partialIv), QStringLiteral("14"));
}

void TestOscore::response()
{
    QFETCH(Vector, v);
    OscoreContext server = deriveOscoreContext(parametersOf(v));
    const OscoreUnprotected request =
        oscoreUnprotectRequest(server, parseCoapPdu(hex(v[QStringLiteral("Request")])).value());
    QCOMPARE(request.verdict, OscoreVerdict::Accepted);
    const bool own = v.fields.contains(QStringLiteral("Seq"));
    if (own)
        server.senderSequence = v[QStringLiteral("Seq")].toULongLong();
    const CoapPdu plain = parseCoapPdu(hex(v[QStringLiteral("Unprotected")])).value();
    const CoapPdu protectedResponse = oscoreProtectResponse(server, plain, request.binding, own);
    QCOMPARE(str(encodeCoapPdu(protectedResponse)), v[QStringLiteral("Protected")]);

    // The client side: it protected the request (C.4) and verifies the response with what it kept.
    OscoreParameters mirrored = parametersOf(v);
    std::swap(mirrored.senderId, mirrored.recipientId);
    OscoreContext client = deriveOscoreContext(mirrored);
    client.senderSequence = 20;
    const OscoreProtected sent =
        oscoreProtectRequest(client, pdu("44015d1f00003974396c6f63616c686f737483747631"));
    QCOMPARE(str(encodeCoapPdu(sent.message)), v[QStringLiteral("Request")]);
    const OscoreUnprotected u = oscoreUnprotectResponse(
        client, parseCoapPdu(hex(v[QStringLiteral("Protected")])).value(), sent.binding);
    QCOMPARE(u.verdict, OscoreVerdict::Accepted);
    QCOMPARE(str(encodeCoapPdu(u.message)), v[QStringLiteral("Unprotected")]);
}

void TestOscore::commandLineDerive()
{
    QFETCH(Vector, v);
    const test::Run r = test::runMtcsec(
        QStringList{QStringLiteral("crypto"), QStringLiteral("oscore"), QStringLiteral("derive")} +
        contextArguments(v));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("sender_key=%1\nrecipient_key=%2\ncommon_iv=%3\n")
                        .arg(v[QStringLiteral("SenderKey")], v[QStringLiteral("RecipientKey")],
                             v[QStringLiteral("CommonIv")]));
}

void TestOscore::commandLineRequest()
{
    QFETCH(Vector, v);
    const test::Run r = test::runMtcsec(
        QStringList{QStringLiteral("crypto"), QStringLiteral("oscore"), QStringLiteral("protect-request")} +
        contextArguments(v) +
        QStringList{QStringLiteral("--seq"), v[QStringLiteral("Seq")], QStringLiteral("--message"),
                    v[QStringLiteral("Unprotected")]});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, v[QStringLiteral("Protected")] + QLatin1Char('\n'));

    // And back: the server's context (IDs swapped) unprotects it.
    Vector server = v;
    std::swap(server.fields[QStringLiteral("SenderId")], server.fields[QStringLiteral("RecipientId")]);
    const test::Run back = test::runMtcsec(
        QStringList{QStringLiteral("crypto"), QStringLiteral("oscore"), QStringLiteral("unprotect")} +
        contextArguments(server) + QStringList{QStringLiteral("--message"), v[QStringLiteral("Protected")]});
    QCOMPARE(back.err, QString());
    QCOMPARE(back.out, v[QStringLiteral("Unprotected")] + QLatin1Char('\n'));
}

void TestOscore::commandLineResponse()
{
    QFETCH(Vector, v);
    QStringList args =
        QStringList{QStringLiteral("crypto"), QStringLiteral("oscore"), QStringLiteral("protect-response")} +
        contextArguments(v) +
        QStringList{QStringLiteral("--request"), v[QStringLiteral("Request")], QStringLiteral("--message"),
                    v[QStringLiteral("Unprotected")]};
    if (v.fields.contains(QStringLiteral("Seq")))
        args << QStringLiteral("--seq") << v[QStringLiteral("Seq")];
    const test::Run r = test::runMtcsec(args);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, v[QStringLiteral("Protected")] + QLatin1Char('\n'));

    // The client unprotects it, bound to the request it sent.
    Vector client = v;
    std::swap(client.fields[QStringLiteral("SenderId")], client.fields[QStringLiteral("RecipientId")]);
    const test::Run back = test::runMtcsec(
        QStringList{QStringLiteral("crypto"), QStringLiteral("oscore"), QStringLiteral("unprotect")} +
        contextArguments(client) +
        QStringList{QStringLiteral("--message"), v[QStringLiteral("Protected")], QStringLiteral("--request"),
                    v[QStringLiteral("Request")]});
    QCOMPARE(back.err, QString());
    QCOMPARE(back.out, v[QStringLiteral("Unprotected")] + QLatin1Char('\n'));
}

void TestOscore::commandLineUnprotect()
{
    // A flipped tag bit: one clear line, exit 2.
    const test::Run r = test::runMtcsec(
        {QStringLiteral("crypto"), QStringLiteral("oscore"), QStringLiteral("unprotect"),
         QStringLiteral("--master-secret"), QStringLiteral("0102030405060708090a0b0c0d0e0f10"),
         QStringLiteral("--master-salt"), QStringLiteral("9e7ca92223786340"), QStringLiteral("--sender-id"),
         QStringLiteral("01"), QStringLiteral("--recipient-id"), QString(), QStringLiteral("--message"),
         QStringLiteral("44025d1f00003974396c6f63616c686f7374620914ff612f1092f1776f1c1668b3825f")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err,
             QStringLiteral("mtcsec crypto oscore unprotect: --message: the AES-CCM tag does not verify "
                            "(RFC 8613 8.2 step 5)\n"));
}

void TestOscore::commandLineErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    const QStringList ctx{QStringLiteral("--master-secret"), QStringLiteral("0102"),
                          QStringLiteral("--sender-id"),     QString(),
                          QStringLiteral("--recipient-id"),  QStringLiteral("01")};
    QTest::newRow("missing recipient")
        << QStringList{QStringLiteral("derive"), QStringLiteral("--master-secret"), QStringLiteral("01"),
                       QStringLiteral("--sender-id"), QStringLiteral("00")}
        << QStringLiteral("mtcsec crypto oscore derive: missing --recipient-id");
    QTest::newRow("long id") << QStringList{QStringLiteral("derive"),
                                            QStringLiteral("--master-secret"),
                                            QStringLiteral("01"),
                                            QStringLiteral("--sender-id"),
                                            QStringLiteral("0102030405060708"),
                                            QStringLiteral("--recipient-id"),
                                            QStringLiteral("01")}
                             << QStringLiteral(
                                    "mtcsec crypto oscore derive: OSCORE sender ID: at most 7 octets "
                                    "for AES-CCM-16-64-128, got 8");
    QTest::newRow("bad hex")
        << QStringList{QStringLiteral("derive"),
                       QStringLiteral("--master-secret"),
                       QStringLiteral("0g"),
                       QStringLiteral("--sender-id"),
                       QString(),
                       QStringLiteral("--recipient-id"),
                       QStringLiteral("01")}
        << QStringLiteral("mtcsec crypto oscore derive: --master-secret: 'g' at position 2 is not a hex "
                          "digit");
    QTest::newRow("not coap") << (QStringList{QStringLiteral("protect-request")} + ctx +
                                  QStringList{QStringLiteral("--seq"), QStringLiteral("1"),
                                              QStringLiteral("--message"), QStringLiteral("ff")})
                              << QStringLiteral("mtcsec crypto oscore protect-request: --message: not a CoAP "
                                                "message (RFC 7252 3)");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("derive"), QStringLiteral("--salt"),
                                                   QStringLiteral("01")}
                                    << QStringLiteral(
                                           "mtcsec crypto oscore derive: unknown option --salt "
                                           "(mtcsec crypto oscore derive --help lists the options)");
    QTest::newRow("no function") << QStringList{}
                                 << QStringLiteral(
                                        "mtcsec crypto oscore: which function? (mtcsec crypto oscore "
                                        "--help lists them)");
}

void TestOscore::commandLineErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const test::Run r =
        test::runMtcsec(QStringList{QStringLiteral("crypto"), QStringLiteral("oscore")} + args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith(error), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
}

void TestOscore::aadOfC4()
{
    // RFC 8613 C.4: AAD = 0x8368456e63727970743040488501810a40411440 (20 bytes).
    QCOMPARE(str(oscoreAad(Bytes{}, Bytes{0x14})),
             QStringLiteral("8368456e63727970743040488501810a40411440"));
}

void TestOscore::optionValues_data()
{
    QTest::addColumn<QString>("partialIv");
    QTest::addColumn<QString>("kidContext"); // "-": absent
    QTest::addColumn<QString>("kid");        // "-": absent
    QTest::addColumn<QString>("encoded");
    QTest::newRow("C.4: piv 14, empty kid") << "14"
                                            << "-"
                                            << ""
                                            << "0914";
    QTest::newRow("C.5: piv 14, kid 00") << "14"
                                         << "-"
                                         << "00"
                                         << "091400";
    QTest::newRow("C.6: kid context") << "14"
                                      << "37cbf3210017a2d3"
                                      << ""
                                      << "19140837cbf3210017a2d3";
    QTest::newRow("C.7: nothing") << ""
                                  << "-"
                                  << "-"
                                  << "";
    QTest::newRow("C.8: piv 00") << "00"
                                 << "-"
                                 << "-"
                                 << "0100";
    QTest::newRow("5-octet piv") << "ffffffffff"
                                 << "-"
                                 << "0102"
                                 << "0dffffffffff0102";
}

void TestOscore::optionValues()
{
    QFETCH(QString, partialIv);
    QFETCH(QString, kidContext);
    QFETCH(QString, kid);
    QFETCH(QString, encoded);
    OscoreOptionValue v;
    v.partialIv = hex(partialIv);
    if (kidContext != QLatin1String("-"))
        v.kidContext = hex(kidContext);
    if (kid != QLatin1String("-"))
        v.kid = hex(kid);
    QCOMPARE(str(encodeOscoreOption(v)), encoded);
    QCOMPARE(parseOscoreOption(hex(encoded)), std::optional<OscoreOptionValue>(v));
}

void TestOscore::malformedOptionValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("reserved bit") << "8914";
    QTest::newRow("n = 6") << "06010203040506";
    QTest::newRow("piv cut short") << "0314";
    QTest::newRow("kid context cut short") << "11140837cb";
    QTest::newRow("octets without k") << "011400";
}

void TestOscore::malformedOptionValues()
{
    QFETCH(QString, value);
    QVERIFY(!parseOscoreOption(hex(value)));
}

void TestOscore::coapExtendedOptions()
{
    // Deltas and lengths of 13+ and 269+ octets (RFC 7252 3.1) survive the round trip.
    CoapPdu m;
    m.type = 1;
    m.code = 0x02;
    m.messageId = 0x1234;
    m.token = {1, 2, 3};
    m.options.push_back({kOptionUriPathNumber, Bytes(20, 'a')});
    m.options.push_back({60, Bytes(300, 'b')});
    m.options.push_back({2048, Bytes{}});
    m.payload = {'x'};
    const Bytes wire = encodeCoapPdu(m);
    QCOMPARE(parseCoapPdu(wire), std::optional<CoapPdu>(m));
    QVERIFY(!parseCoapPdu(Bytes{0x40, 0x01, 0, 0, 0xff}));       // a marker without payload
    QVERIFY(!parseCoapPdu(Bytes{0x40, 0x01, 0, 0, 0xf1, 0x00})); // delta nibble 15
    QVERIFY(!parseCoapPdu(Bytes{0x49, 0x01, 0, 0}));             // TKL 9
}

void TestOscore::cborShortestForms()
{
    Bytes out;
    CborWriter(out).unsignedInt(23).unsignedInt(24).unsignedInt(256).unsignedInt(65536).null().textString(
        "IV");
    QCOMPARE(str(out), QStringLiteral("171818190100"
                                      "1a00010000"
                                      "f6"
                                      "624956"));
}

void TestOscore::partialIv()
{
    QCOMPARE(str(oscorePartialIv(0)), QStringLiteral("00"));
    QCOMPARE(str(oscorePartialIv(20)), QStringLiteral("14"));
    QCOMPARE(str(oscorePartialIv(256)), QStringLiteral("0100"));
    QCOMPARE(str(oscorePartialIv(kOscoreMaxSequence)), QStringLiteral("ffffffffff"));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, oscorePartialIv(kOscoreMaxSequence + 1));
}

void TestOscore::tamperedFailsTheTag()
{
    OscoreContext client = c1Client();
    const OscoreProtected p =
        oscoreProtectRequest(client, pdu("44015d1f00003974396c6f63616c686f737483747631"));
    // Every octet of the ciphertext and tag, one bit flipped: the tag fails, the window stays unchanged.
    for (std::size_t i = 0; i < p.message.payload.size(); ++i) {
        CoapPdu tampered = p.message;
        tampered.payload[i] ^= 0x01;
        OscoreContext server = c1Server();
        QCOMPARE(oscoreUnprotectRequest(server, tampered).verdict, OscoreVerdict::IntegrityFailure);
        QVERIFY(server.replay.check(0));
    }
    // The Partial IV in the option is authenticated too (it is in the AAD and the nonce).
    CoapPdu moved = p.message;
    for (CoapOption& o : moved.options) {
        if (o.number == kOptionOscore)
            o.value = {0x09, 0x07};
    }
    OscoreContext server = c1Server();
    QCOMPARE(oscoreUnprotectRequest(server, moved).verdict, OscoreVerdict::IntegrityFailure);
}

void TestOscore::replayIsRefused()
{
    OscoreContext client = c1Client();
    OscoreContext server = c1Server();
    const OscoreProtected p =
        oscoreProtectRequest(client, pdu("44015d1f00003974396c6f63616c686f737483747631"));
    QCOMPARE(oscoreUnprotectRequest(server, p.message).verdict, OscoreVerdict::Accepted);
    QCOMPARE(oscoreUnprotectRequest(server, p.message).verdict, OscoreVerdict::Replay);
}

void TestOscore::windowAcceptsOutOfOrder()
{
    OscoreContext client = c1Client();
    OscoreContext server = c1Server();
    std::vector<CoapPdu> sent;
    for (int i = 0; i < 70; ++i)
        sent.push_back(
            oscoreProtectRequest(client, pdu("44015d1f00003974396c6f63616c686f737483747631")).message);
    QCOMPARE(oscoreUnprotectRequest(server, sent[5]).verdict, OscoreVerdict::Accepted);
    QCOMPARE(oscoreUnprotectRequest(server, sent[3]).verdict,
             OscoreVerdict::Accepted); // late, inside the window
    QCOMPARE(oscoreUnprotectRequest(server, sent[69]).verdict, OscoreVerdict::Accepted);
    QCOMPARE(oscoreUnprotectRequest(server, sent[4]).verdict, OscoreVerdict::Replay); // older than the window
    QCOMPARE(oscoreUnprotectRequest(server, sent[6]).verdict, OscoreVerdict::Accepted); // 63 behind: inside
}

void TestOscore::unknownKid()
{
    OscoreContext client = c1Client();
    OscoreContext other = deriveOscoreContext(OscoreParameters{
        SecureBytes{1, 2, 3}, Bytes{}, std::nullopt, Bytes{0x01}, Bytes{0x02}}); // its recipient ID is 02
    const OscoreProtected p =
        oscoreProtectRequest(client, pdu("44015d1f00003974396c6f63616c686f737483747631"));
    QCOMPARE(oscoreUnprotectRequest(other, p.message).verdict, OscoreVerdict::UnknownContext);
    CoapPdu bare = pdu("44015d1f00003974396c6f63616c686f737483747631");
    QCOMPARE(oscoreUnprotectRequest(other, bare).verdict, OscoreVerdict::Malformed);
}

void TestOscore::classUOptionsStayVisible()
{
    // Uri-Host (Class U) stays outside, Uri-Path (Class E) and the code go inside: what an eavesdropper
    // reads.
    OscoreContext client = c1Client();
    client.senderSequence = 20;
    const OscoreProtected p =
        oscoreProtectRequest(client, pdu("44015d1f00003974396c6f63616c686f737483747631"));
    QVERIFY(p.message.option(kOptionUriHost) != nullptr);
    QVERIFY(p.message.option(kOptionUriPathNumber) == nullptr);
    QCOMPARE(p.message.code, std::uint8_t{0x02}); // POST outside, GET inside
    QVERIFY(oscoreOuterOption(kOptionProxyScheme));
    QVERIFY(oscoreInnerOption(kOptionObserve) && oscoreOuterOption(kOptionObserve));
    QVERIFY(oscoreInnerOption(12) && !oscoreOuterOption(12)); // Content-Format
}

void TestOscore::derivationErrors()
{
    QVERIFY_THROWS_EXCEPTION(InvalidInput, deriveOscoreContext(OscoreParameters{
                                               SecureBytes{}, Bytes{}, std::nullopt, Bytes{}, Bytes{1}}));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, deriveOscoreContext(OscoreParameters{
                                               SecureBytes{1}, Bytes{}, std::nullopt, Bytes{1}, Bytes{1}}));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, deriveOscoreContext(OscoreParameters{
                                               SecureBytes{1}, Bytes{}, std::nullopt, Bytes(8, 1), Bytes{}}));
}

void TestOscore::sequenceExhausted()
{
    OscoreContext client = c1Client();
    client.senderSequence = kOscoreMaxSequence + 1;
    QVERIFY_THROWS_EXCEPTION(
        InvalidInput, oscoreProtectRequest(client, pdu("44015d1f00003974396c6f63616c686f737483747631")));
}

void TestOscore::overheadOfEachMode()
{
    // The octets are those of the protected message: header + tag for the teaching modes; for OSCORE the
    // option (1 + flags 1 + Partial IV 1 + kid 4), the inner code (1), the second payload marker (the outer
    // message's, before the ciphertext; the inner one is encrypted) and the CCM tag (8).
    std::map<std::string, std::optional<std::size_t>> perMessage, perHandshake;
    for (const E2eOverhead& o : e2eOverheads()) {
        perMessage[o.mode] = o.perMessage;
        perHandshake[o.mode] = o.perHandshake;
    }
    QCOMPARE(perMessage.size(), std::size_t{5});
    QCOMPARE(perMessage["none"], std::optional<std::size_t>(0));
    QCOMPARE(perMessage["integrity"], std::optional<std::size_t>(13));
    QCOMPARE(perMessage["aead"], std::optional<std::size_t>(21));
    QCOMPARE(perMessage["oscore"], std::optional<std::size_t>(17));
    QCOMPARE(perHandshake["oscore"], std::optional<std::size_t>(0));
    // DTLS: a record's 13-octet header, 8-octet explicit nonce and 8-octet CCM_8 tag; the handshake as run in
    // memory between the product's client and server.
    QCOMPARE(perMessage["dtls"], std::optional<std::size_t>(29));
    const DtlsHandshakeCost cost = measureDtlsHandshake();
    QCOMPARE(cost.datagrams, std::size_t{6});
    QCOMPARE(perHandshake["dtls"], std::optional<std::size_t>(cost.clientOctets + cost.serverOctets));
}

QTEST_GUILESS_MAIN(TestOscore)
#include "tst_oscore.moc"
