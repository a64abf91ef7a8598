// The DTLS 1.2 PSK endpoint (RFC 6347, RFC 4279, TLS_PSK_WITH_AES_128_CCM_8 of RFC 6655) in memory: the
// handshake, the record checks Botan makes (CCM_8 tag, replay), wrong credentials, determinism, record
// parsing.
#include "core/InvalidInput.h"
#include "core/protocol/DtlsPsk.h"

#include <QtTest>

#include <array>

using namespace mtcsec;
using namespace mtcsec::protocol;

namespace {

std::array<std::uint8_t, 32> seed(std::uint8_t first)
{
    std::array<std::uint8_t, 32> s{};
    s[0] = first;
    return s;
}

DtlsPskCredentials creds(std::uint8_t keyOctet = 0x42, std::string identity = "device-1")
{
    return {std::move(identity), SecureBytes(16, keyOctet)};
}

ByteView text(const char* s)
{
    return {reinterpret_cast<const std::uint8_t*>(s), std::strlen(s)};
}

// Runs the handshake to its end; returns every datagram in order of sending (client's first).
template <typename Server>
std::vector<Bytes> handshake(DtlsPskEndpoint& client, Server& server)
{
    std::vector<Bytes> all;
    std::vector<Bytes> toServer = client.start();
    for (int round = 0; round < 8 && !toServer.empty(); ++round) {
        std::vector<Bytes> toClient;
        for (const Bytes& d : toServer) {
            all.push_back(d);
            const DtlsOutput o = server.receive(d);
            toClient.insert(toClient.end(), o.send.begin(), o.send.end());
        }
        toServer.clear();
        for (const Bytes& d : toClient) {
            all.push_back(d);
            const DtlsOutput o = client.receive(d);
            toServer.insert(toServer.end(), o.send.begin(), o.send.end());
        }
    }
    return all;
}

// Runs the handshake with octet `octet` of datagram `tampered` (in order of sending, as handshake() lists
// them) XORed with `mask`; returns the first verdict other than Accepted (Accepted when there was none).
DtlsVerdict tamperedHandshake(std::size_t tampered, std::size_t octet, std::uint8_t mask)
{
    DtlsPskEndpoint client(DtlsRole::Client, creds(), seed(1));
    DtlsPskEndpoint server(DtlsRole::Server, creds(), seed(2));
    std::size_t index = 0;
    const auto receive = [&](DtlsPskEndpoint& at, Bytes d, std::vector<Bytes>& answers) {
        if (index++ == tampered && octet < d.size())
            d[octet] ^= mask;
        const DtlsOutput o = at.receive(d);
        answers.insert(answers.end(), o.send.begin(), o.send.end());
        return o.verdict;
    };
    std::vector<Bytes> toServer = client.start();
    for (int round = 0; round < 8 && !toServer.empty(); ++round) {
        std::vector<Bytes> toClient;
        for (const Bytes& d : toServer) {
            if (const DtlsVerdict v = receive(server, d, toClient); v != DtlsVerdict::Accepted)
                return v;
        }
        toServer.clear();
        for (const Bytes& d : toClient) {
            if (const DtlsVerdict v = receive(client, d, toServer); v != DtlsVerdict::Accepted)
                return v;
        }
    }
    return DtlsVerdict::Accepted;
}

} // namespace

class TestDtls : public QObject {
    Q_OBJECT
private slots:
    void handshakeNegotiatesCcm8();
    void applicationDataBothWays();
    void tamperFailsTheTag_data();
    void tamperFailsTheTag();
    void replayIsDropped();
    void wrongKeyNeverEstablishes();
    void unknownIdentityFails();
    void handshakeFailureNamesItsCause_data();
    void handshakeFailureNamesItsCause();
    void deterministicFromTheSeed();
    void noAssociationNoRecord();
    void badArguments_data();
    void badArguments();
    void recordParsing();
    void handshakeCost();
    void serverKeepsItsAssociationAgainstReplayedHandshakes();
    void serverTakesANewHandshake();
    void wiresharkPreferences();
};

void TestDtls::handshakeNegotiatesCcm8()
{
    DtlsPskEndpoint client(DtlsRole::Client, creds(), seed(1));
    DtlsPskEndpoint server(DtlsRole::Server, creds(), seed(2));
    const auto flights = handshake(client, server);
    QVERIFY(client.established());
    QVERIFY(server.established());
    QCOMPARE(client.cipherSuite(), kDtlsPskAes128Ccm8);
    QCOMPARE(server.cipherSuite(), kDtlsPskAes128Ccm8);
    QCOMPARE(server.peerIdentity(), std::string("device-1"));
    // ClientHello, HelloVerifyRequest, ClientHello with cookie, ServerHello..Done, CKE+CCS+Finished,
    // CCS+Finished (RFC 6347 4.2.1, 4.2.4).
    QCOMPARE(flights.size(), std::size_t{6});
    for (const Bytes& d : flights) {
        const auto records = parseDtlsRecords(d);
        QVERIFY(!records.empty());
        // DTLS 1.2 (0xFEFD), or DTLS 1.0 in the record of a first ClientHello (RFC 6347 4.1).
        QVERIFY(records.front().version == 0xFEFD || records.front().version == 0xFEFF);
    }
    QCOMPARE(parseDtlsRecords(flights.back()).front().version, std::uint16_t{0xFEFD});
    QCOMPARE(parseDtlsRecords(flights[1]).front().contentType, std::uint8_t{22});
}

void TestDtls::applicationDataBothWays()
{
    DtlsPskEndpoint client(DtlsRole::Client, creds(), seed(1));
    DtlsPskEndpoint server(DtlsRole::Server, creds(), seed(2));
    handshake(client, server);
    const Bytes up = client.protect(text("t=+21.5;alarm=0"));
    QCOMPARE(up.size(), std::size_t{15} + kDtlsRecordHeaderSize + kDtlsCcm8RecordExpansion);
    const DtlsOutput atServer = server.receive(up);
    QCOMPARE(atServer.verdict, DtlsVerdict::Accepted);
    QCOMPARE(atServer.received.size(), std::size_t{1});
    QCOMPARE(std::string(atServer.received[0].begin(), atServer.received[0].end()),
             std::string("t=+21.5;alarm=0"));
    // Confidentiality: the plaintext appears nowhere in the record.
    const std::string wire(up.begin(), up.end());
    QVERIFY(wire.find("alarm") == std::string::npos);
    const DtlsOutput atClient = client.receive(server.protect(text("valve=1")));
    QCOMPARE(atClient.verdict, DtlsVerdict::Accepted);
    QCOMPARE(atClient.received.size(), std::size_t{1});
}

void TestDtls::tamperFailsTheTag_data()
{
    QTest::addColumn<int>("offsetFromEnd");
    QTest::newRow("tag") << 1;
    QTest::newRow("ciphertext") << 10;
    QTest::newRow("explicit nonce") << 20;
}

void TestDtls::tamperFailsTheTag()
{
    QFETCH(int, offsetFromEnd);
    DtlsPskEndpoint client(DtlsRole::Client, creds(), seed(1));
    DtlsPskEndpoint server(DtlsRole::Server, creds(), seed(2));
    handshake(client, server);
    Bytes record = client.protect(text("t=+21.5;alarm=0"));
    record[record.size() - static_cast<std::size_t>(offsetFromEnd)] ^= 0x01;
    const DtlsOutput o = server.receive(record);
    QCOMPARE(o.verdict, DtlsVerdict::IntegrityFailure);
    QVERIFY(o.received.empty());
    // The association survives a bad record (RFC 6347 4.1.2.7): the next genuine record gets through.
    QCOMPARE(server.receive(client.protect(text("next"))).verdict, DtlsVerdict::Accepted);
}

void TestDtls::replayIsDropped()
{
    DtlsPskEndpoint client(DtlsRole::Client, creds(), seed(1));
    DtlsPskEndpoint server(DtlsRole::Server, creds(), seed(2));
    handshake(client, server);
    const Bytes record = client.protect(text("t=+21.5;alarm=0"));
    QCOMPARE(server.receive(record).verdict, DtlsVerdict::Accepted);
    const DtlsOutput again = server.receive(record);
    QCOMPARE(again.verdict, DtlsVerdict::Replay);
    QVERIFY(again.received.empty());
}

void TestDtls::wrongKeyNeverEstablishes()
{
    DtlsPskEndpoint client(DtlsRole::Client, creds(0x43), seed(1));
    DtlsPskEndpoint server(DtlsRole::Server, creds(0x42), seed(2));
    std::vector<Bytes> toServer = client.start();
    DtlsVerdict last = DtlsVerdict::Accepted;
    for (int round = 0; round < 8 && !toServer.empty(); ++round) {
        std::vector<Bytes> toClient;
        for (const Bytes& d : toServer) {
            const DtlsOutput o = server.receive(d);
            last = o.verdict;
            toClient.insert(toClient.end(), o.send.begin(), o.send.end());
        }
        toServer.clear();
        for (const Bytes& d : toClient) {
            const DtlsOutput o = client.receive(d);
            toServer.insert(toServer.end(), o.send.begin(), o.send.end());
        }
    }
    // The client's Finished, protected under keys from the wrong PSK, fails the server's CCM_8 check.
    QCOMPARE(last, DtlsVerdict::IntegrityFailure);
    QVERIFY(!server.established());
    QVERIFY(!client.established());
}

void TestDtls::unknownIdentityFails()
{
    DtlsPskEndpoint client(DtlsRole::Client, creds(0x42, "intruder"), seed(1));
    DtlsPskEndpoint server(DtlsRole::Server, creds(0x42, "device-1"), seed(2));
    std::vector<Bytes> toServer = client.start();
    bool failed = false;
    for (int round = 0; round < 8 && !toServer.empty() && !failed; ++round) {
        std::vector<Bytes> toClient;
        for (const Bytes& d : toServer) {
            const DtlsOutput o = server.receive(d);
            failed = failed || o.verdict == DtlsVerdict::HandshakeFailure;
            toClient.insert(toClient.end(), o.send.begin(), o.send.end());
        }
        toServer.clear();
        for (const Bytes& d : toClient) {
            const DtlsOutput o = client.receive(d);
            toServer.insert(toServer.end(), o.send.begin(), o.send.end());
        }
    }
    QVERIFY(failed);
    QVERIFY(server.failed());
}

void TestDtls::handshakeFailureNamesItsCause_data()
{
    // Datagrams: 0 ClientHello, 1 HelloVerifyRequest, 2 ClientHello with cookie, 3 ServerHello..Done. In a
    // ClientHello: record header 13 octets, handshake header 12, version 2, random 32, then the session id's
    // length (octet 59).
    QTest::addColumn<int>("datagram");
    QTest::addColumn<int>("octet");
    QTest::addColumn<int>("mask");
    QTest::addColumn<DtlsVerdict>("expected");
    // An epoch-0 handshake message has no MAC: one that does not parse is malformed (Botan: decode_error;
    // tshark: "Vector length ... is too large").
    QTest::newRow("ClientHello session id length") << 0 << 59 << 0xff << DtlsVerdict::HandshakeMalformed;
    QTest::newRow("ClientHello with cookie, session id length")
        << 2 << 59 << 0xff << DtlsVerdict::HandshakeMalformed;
    // One that parses but changes the transcript (and here the keys) is caught by the Finished (RFC 5246
    // 7.4.9): the client's Finished, under keys from another ServerHello.random, fails its CCM_8 tag.
    QTest::newRow("ServerHello random") << 3 << 13 + 12 + 2 + 3 << 0x01 << DtlsVerdict::IntegrityFailure;
}

void TestDtls::handshakeFailureNamesItsCause()
{
    QFETCH(int, datagram);
    QFETCH(int, octet);
    QFETCH(int, mask);
    QFETCH(DtlsVerdict, expected);
    QCOMPARE(tamperedHandshake(static_cast<std::size_t>(datagram), static_cast<std::size_t>(octet),
                               static_cast<std::uint8_t>(mask)),
             expected);
}

void TestDtls::deterministicFromTheSeed()
{
    DtlsPskEndpoint c1(DtlsRole::Client, creds(), seed(5)), s1(DtlsRole::Server, creds(), seed(6));
    DtlsPskEndpoint c2(DtlsRole::Client, creds(), seed(5)), s2(DtlsRole::Server, creds(), seed(6));
    QCOMPARE(handshake(c1, s1), handshake(c2, s2));
    QCOMPARE(c1.protect(text("x")), c2.protect(text("x")));
    DtlsPskEndpoint c3(DtlsRole::Client, creds(), seed(7));
    QVERIFY(c3.start() != DtlsPskEndpoint(DtlsRole::Client, creds(), seed(5)).start());
}

void TestDtls::noAssociationNoRecord()
{
    DtlsPskEndpoint client(DtlsRole::Client, creds(), seed(1));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)client.protect(text("x")));
    (void)client.start();
    QVERIFY(client.start().empty());
    DtlsPskEndpoint server(DtlsRole::Server, creds(), seed(2));
    QCOMPARE(server.receive(text("not dtls")).verdict, DtlsVerdict::Malformed);
}

void TestDtls::badArguments_data()
{
    QTest::addColumn<int>("seedSize");
    QTest::addColumn<QString>("identity");
    QTest::addColumn<int>("keySize");
    QTest::addColumn<QString>("message");
    QTest::newRow("seed") << 31 << "d" << 16 << "dtls seed must be 32 octets, got 31";
    QTest::newRow("identity") << 32 << "" << 16 << "dtls identity: must be 1 to 128 octets, got 0";
    QTest::newRow("key") << 32 << "d" << 0 << "dtls key: must be 1 to 64 octets, got 0";
}

void TestDtls::badArguments()
{
    QFETCH(int, seedSize);
    QFETCH(QString, identity);
    QFETCH(int, keySize);
    QFETCH(QString, message);
    const Bytes s(static_cast<std::size_t>(seedSize), 1);
    try {
        DtlsPskEndpoint e(
            DtlsRole::Client,
            DtlsPskCredentials{identity.toStdString(), SecureBytes(static_cast<std::size_t>(keySize))}, s);
        QFAIL("no error");
    } catch (const InvalidInput& e) {
        QCOMPARE(QString::fromStdString(e.what()), message);
    }
}

void TestDtls::recordParsing()
{
    const Bytes two = {23,   0xFE, 0xFD, 0,    1, 0, 0, 0, 0, 0, 7, 0, 2, 0xAA,
                       0xBB, 21,   0xFE, 0xFD, 0, 1, 0, 0, 0, 0, 0, 8, 0, 0};
    const auto records = parseDtlsRecords(two);
    QCOMPARE(records.size(), std::size_t{2});
    QCOMPARE(records[0].contentType, std::uint8_t{23});
    QCOMPARE(records[0].epoch, std::uint16_t{1});
    QCOMPARE(records[0].sequence, std::uint64_t{7});
    QCOMPARE(records[0].length, std::uint16_t{2});
    QCOMPARE(records[1].sequence, std::uint64_t{8});
    Bytes truncated = two;
    truncated.pop_back();
    QVERIFY(parseDtlsRecords(truncated).empty());
    QVERIFY(parseDtlsRecords(Bytes{0x50, 0x02, 0x00, 0x01}).empty()); // CoAP, not DTLS
}

void TestDtls::handshakeCost()
{
    const DtlsHandshakeCost cost = measureDtlsHandshake();
    QCOMPARE(cost.datagrams, std::size_t{6});
    QVERIFY(cost.clientOctets > 300);
    QVERIFY(cost.serverOctets > 200);
    QCOMPARE(measureDtlsHandshake().clientOctets, cost.clientOctets); // deterministic
}

void TestDtls::serverKeepsItsAssociationAgainstReplayedHandshakes()
{
    DtlsPskEndpoint client(DtlsRole::Client, creds(), seed(1));
    DtlsPskServer server(creds(), seed(2));
    const auto flights = handshake(client, server);
    QVERIFY(server.established());
    QCOMPARE(server.cipherSuite(), kDtlsPskAes128Ccm8);
    for (const std::size_t i : {std::size_t{0}, std::size_t{2}, std::size_t{4}})
        (void)server.receive(flights[i]); // the client's three flights again
    QVERIFY(server.established());
    QCOMPARE(server.receive(client.protect(text("after"))).verdict, DtlsVerdict::Accepted);
    QCOMPARE(client.receive(server.protect(text("down"))).verdict, DtlsVerdict::Accepted);
}

void TestDtls::serverTakesANewHandshake()
{
    DtlsPskEndpoint first(DtlsRole::Client, creds(), seed(1));
    DtlsPskServer server(creds(), seed(2));
    handshake(first, server);
    DtlsPskEndpoint second(DtlsRole::Client, creds(), seed(3)); // the device woke up: a new association
    handshake(second, server);
    QVERIFY(second.established());
    QCOMPARE(server.receive(second.protect(text("new"))).verdict, DtlsVerdict::Accepted);
    // The old association is gone: its record is dropped (its sequence number repeats one of the new
    // association's, so it is named a replay).
    const DtlsOutput old = server.receive(first.protect(text("old")));
    QVERIFY(old.verdict != DtlsVerdict::Accepted);
    QVERIFY(old.received.empty());
    QCOMPARE(server.peerIdentity(), std::string("device-1"));
}

void TestDtls::wiresharkPreferences()
{
    QCOMPARE(
        wiresharkDtlsPreferences(Bytes{0x00, 0x11, 0xab}),
        std::string("# DTLS PSK (RFC 4279) of the simulated CoAP-over-DTLS sessions\ndtls.psk: 0011ab\n"));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)wiresharkDtlsPreferences(Bytes{}));
}

QTEST_GUILESS_MAIN(TestDtls)
#include "tst_dtls.moc"
