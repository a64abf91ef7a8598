// SCTP (RFC 9260): the CRC32c checksum on published check values (RFC 9260 Appendix A, RFC 3720 B.4), the
// DATA chunk packet's layout, round trips and refusals, the sender's TSN and SSN; and the engine's S1-MME and
// S6a traffic as SCTP (TS 36.412 clause 7, RFC 6733 clause 2.1) with and without NDS/IP, tampered and forged.
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/Dissector.h"
#include "core/engine/Engine.h"
#include "core/protocol/AppSecurity.h"
#include "core/protocol/DiameterS6a.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/S1apMessage.h"
#include "core/protocol/Sctp.h"

#include <QtTest>

#include <bit>
#include <cstring>
#include <functional>
#include <map>
#include <random>
#include <string>

using namespace mtcsec;
using namespace mtcsec::protocol;

Q_DECLARE_METATYPE(mtcsec::Bytes)
Q_DECLARE_METATYPE(mtcsec::Protection)
Q_DECLARE_METATYPE(mtcsec::Link)

namespace {

ByteView text(const char* s)
{
    return ByteView(reinterpret_cast<const std::uint8_t*>(s), std::strlen(s));
}

QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const InvalidInput& e) {
        return QString::fromUtf8(e.what());
    }
    return QString();
}

SctpData sample(ByteView payload)
{
    return SctpData{36412, 36412, 0x5c7e0002, 0x5c7e0001, 1, 7, kPpidS1ap, payload};
}

// The engine's fixed verification tags (EngineTransport.cpp): 0x5c7e0000 plus the node address's last octet.
constexpr std::uint32_t kTagEnb = 0x5c7e0001, kTagMme = 0x5c7e0002, kTagHss = 0x5c7e0003;

// Keeps every PDU put on a link.
class Keep : public engine::CaptureSink {
public:
    void linkPdu(const engine::PduRecord& pdu) override { pdus.push_back(pdu); }
    void attackerCapture(const std::string&, engine::SimTime, std::optional<Link>, std::optional<Node>,
                         ByteView, bool) override
    {}
    void keysInForce(engine::SimTime, std::uint32_t, const std::string&, const std::string&) override {}
    std::vector<engine::PduRecord> pdus;
};

Scenario scenario(const Protection& protection, std::vector<AttackSpec> attacks = {})
{
    Scenario s;
    s.name = "sctp";
    s.devices = 5;
    s.durationS = 30;
    s.traffic.downlinkIntervalS = 10;
    s.protection = protection;
    s.ue.acceptsNullIntegrity = true;
    s.attacks = std::move(attacks);
    return s;
}

Protection nasOn()
{
    Protection p;
    p.nas = {crypto::IntegrityAlgorithm::Eia2, crypto::CipheringAlgorithm::Eea2};
    return p;
}

AttackSpec attack(AttackKind kind, Link link)
{
    AttackSpec a;
    a.id = "a";
    a.kind = kind;
    a.link = link;
    a.rate = 1.0;
    return a;
}

struct Run {
    engine::RunSummary summary;
    std::vector<engine::PduRecord> pdus;
};

Run run(const Scenario& s)
{
    Keep keep;
    engine::Engine e(s);
    e.setCaptureSink(&keep);
    e.runToEnd();
    return Run{e.summary(), std::move(keep.pdus)};
}

} // namespace

class TestSctp : public QObject {
    Q_OBJECT
private slots:
    void crc32cCheckValues_data();
    void crc32cCheckValues();
    void crc32cPathsAgree_data();
    void crc32cPathsAgree();
    void packetLayout();
    void roundTrip_data();
    void roundTrip();
    void everyBitFlipRefused();
    void malformedRefused_data();
    void malformedRefused();
    void encoderRefusals();
    void senderAdvancesTsnAndSsn();
    void ipv4Sctp();
    void backhaulSignallingOnSctp_data();
    void backhaulSignallingOnSctp();
    void tamperedPacketsKeepAValidChecksum();
    void replayedPacketsTakeTheNextTsn();
    void forgedPacketsAreSctp_data();
    void forgedPacketsAreSctp();
    void endToEndLayerOffCoapsPort();
};

void TestSctp::crc32cCheckValues_data()
{
    QTest::addColumn<Bytes>("data");
    QTest::addColumn<quint32>("crc");
    // The CRC catalogue's check value for CRC-32C, and RFC 3720 (iSCSI) B.4, whose octets "aa 36 91 8a" are
    // the CRC 0x8a9136aa transmitted least significant octet first, as SCTP does.
    const ByteView check = text("123456789");
    QTest::newRow("\"123456789\"") << Bytes(check.begin(), check.end()) << quint32{0xe3069283};
    QTest::newRow("empty") << Bytes() << quint32{0};
    QTest::newRow("RFC 3720 32 zeros") << Bytes(32, 0x00) << quint32{0x8a9136aa};
    QTest::newRow("RFC 3720 32 ones") << Bytes(32, 0xff) << quint32{0x62a8ab43};
    Bytes up(32), down(32);
    for (std::uint8_t i = 0; i < 32; ++i) {
        up[i] = i;
        down[i] = static_cast<std::uint8_t>(31 - i);
    }
    QTest::newRow("RFC 3720 incrementing") << up << quint32{0x46dd794e};
    QTest::newRow("RFC 3720 decrementing") << down << quint32{0x113fdb5c};
}

void TestSctp::crc32cCheckValues()
{
    QFETCH(Bytes, data);
    QFETCH(quint32, crc);
    QCOMPARE(quint32{crc32c(data)}, crc);
}

void TestSctp::crc32cPathsAgree_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("offset");
    QTest::addColumn<quint32>("seed");
    for (int length = 0; length <= 40; ++length)
        for (int offset = 0; offset < 8; ++offset)
            QTest::addRow("%d octets at +%d", length, offset)
                << length << offset << quint32(length * 8 + offset);
    std::mt19937 rng(0xc5c32c);
    for (int i = 0; i < 600; ++i) {
        const int length = static_cast<int>(rng() % 2001);
        const int offset = static_cast<int>(rng() % 8);
        QTest::addRow("random %d: %d octets at +%d", i, length, offset) << length << offset << quint32(rng());
    }
}

// The SSE4.2 path (where the processor has it), the slicing-by-8 tables and the bitwise definition (RFC 9260
// Appendix A: reflected 0x1EDC6F41, one bit at a time) agree on every length and misalignment, in one piece
// and split in two at a random point.
void TestSctp::crc32cPathsAgree()
{
    QFETCH(int, length);
    QFETCH(int, offset);
    QFETCH(quint32, seed);
    std::mt19937 rng(seed);
    Bytes buffer(static_cast<std::size_t>(length + offset));
    for (auto& b : buffer)
        b = static_cast<std::uint8_t>(rng());
    const ByteView data = ByteView(buffer).subspan(static_cast<std::size_t>(offset));
    std::uint32_t bitwise = 0xffffffffu;
    for (const std::uint8_t b : data) {
        bitwise ^= b;
        for (int k = 0; k < 8; ++k)
            bitwise = (bitwise & 1u) != 0 ? 0x82f63b78u ^ (bitwise >> 1) : bitwise >> 1;
    }
    bitwise = ~bitwise;
    QCOMPARE(crc32c(data), bitwise);
    QCOMPARE(~crc32cUpdateTable(0xffffffffu, data), bitwise);
    QCOMPARE(~crc32cUpdateHardware(0xffffffffu, data), bitwise);
    const std::size_t split = data.empty() ? 0 : rng() % (data.size() + 1);
    QCOMPARE(~crc32cUpdate(crc32cUpdate(0xffffffffu, data.first(split)), data.subspan(split)), bitwise);
    QCOMPARE(~crc32cUpdateHardware(crc32cUpdateTable(0xffffffffu, data.first(split)), data.subspan(split)),
             bitwise);
    if (length == 0 && offset == 0)
        qInfo("CRC32c with SSE4.2: %s", crc32cHardwareAvailable() ? "yes" : "no (tables only)");
}

void TestSctp::packetLayout()
{
    // Ports 36412, tag 5c7e0002, the checksum (CRC 0xc3d92b6c, least significant octet first), DATA chunk
    // type 0, flags 03 (B, E), length 16 + 3, TSN 5c7e0001, stream 1, SSN 7, PPID 18, the user data and one
    // zero octet of padding. The checksum was computed independently (a Python CRC-32C) and Wireshark 4.0
    // reads it as good (-o sctp.checksum:CRC-32C).
    const Bytes user = {0x01, 0x02, 0x03};
    const Bytes packet = encodeSctp(sample(user));
    QCOMPARE(toHex(packet), std::string("8e3c8e3c"
                                        "5c7e0002"
                                        "6c2bd9c3"
                                        "00030013"
                                        "5c7e0001"
                                        "00010007"
                                        "00000012"
                                        "01020300"));
    // The stored checksum is the CRC of the packet with that field zero, least significant octet first.
    Bytes zeroed = packet;
    std::fill(zeroed.begin() + 8, zeroed.begin() + 12, 0);
    const std::uint32_t crc = crc32c(zeroed);
    QCOMPARE(packet[8], static_cast<std::uint8_t>(crc));
    QCOMPARE(packet[11], static_cast<std::uint8_t>(crc >> 24));
    QCOMPARE(sctpLastUserOctet(packet), std::optional<std::size_t>(12 + 16 + 2));
}

void TestSctp::roundTrip_data()
{
    QTest::addColumn<int>("size");
    for (const int n : {1, 2, 3, 4, 5, 8, 63, 1000})
        QTest::newRow(qPrintable(QStringLiteral("%1 octets").arg(n))) << n;
}

void TestSctp::roundTrip()
{
    QFETCH(int, size);
    Bytes user(static_cast<std::size_t>(size));
    for (std::size_t i = 0; i < user.size(); ++i)
        user[i] = static_cast<std::uint8_t>(0xa5 ^ i);
    const SctpData in{3868, 3869, 0xfffffffe, 0xffffffff, 65535, 65535, kPpidDiameter, user};
    const Bytes packet = encodeSctp(in);
    QCOMPARE(packet.size(), 28 + (user.size() + 3) / 4 * 4); // padded to 4 octets
    const auto out = parseSctp(packet);
    QVERIFY(out);
    QCOMPARE(out->sourcePort, in.sourcePort);
    QCOMPARE(out->destinationPort, in.destinationPort);
    QCOMPARE(out->verificationTag, in.verificationTag);
    QCOMPARE(out->tsn, in.tsn);
    QCOMPARE(out->stream, in.stream);
    QCOMPARE(out->ssn, in.ssn);
    QCOMPARE(out->ppid, in.ppid);
    QCOMPARE(Bytes(out->payload.begin(), out->payload.end()), user);
    QCOMPARE(encodeSctp(*out), packet);
}

void TestSctp::everyBitFlipRefused()
{
    // CRC32c detects every single-bit error: each of the packet's bits flipped makes it unparseable (the
    // receiver discards it); written again by setSctpChecksum, a change in the user data parses.
    const Bytes user = {0x10, 0x20, 0x30, 0x40, 0x50};
    const Bytes packet = encodeSctp(sample(user));
    for (std::size_t bit = 0; bit < packet.size() * 8; ++bit) {
        Bytes changed = packet;
        changed[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        QVERIFY2(!parseSctp(changed), qPrintable(QStringLiteral("bit %1").arg(bit)));
    }
    Bytes tampered = packet;
    tampered[*sctpLastUserOctet(packet)] ^= 0x01;
    setSctpChecksum(tampered);
    const auto p = parseSctp(tampered);
    QVERIFY(p);
    QCOMPARE(p->payload.back(), std::uint8_t{0x51});
}

void TestSctp::malformedRefused_data()
{
    // Each row: a packet changed, its checksum then written again (so that only the change is wrong).
    QTest::addColumn<Bytes>("packet");
    const Bytes good = encodeSctp(sample(Bytes{1, 2, 3, 4, 5}));
    const auto row = [](const char* name, Bytes p) {
        if (p.size() >= 12)
            setSctpChecksum(p);
        QTest::newRow(name) << p;
    };
    row("empty", Bytes());
    row("common header only", Bytes(good.begin(), good.begin() + 12));
    row("chunk header cut", Bytes(good.begin(), good.begin() + 27));
    row("user data cut", Bytes(good.begin(), good.end() - 4));
    Bytes longer = good;
    longer.insert(longer.end(), 4, 0);
    row("a second (empty) chunk after it", longer);
    Bytes init = good;
    init[12] = 1;
    row("an INIT chunk, not DATA", init);
    Bytes fragment = good;
    fragment[13] = 0x02; // E without B: the last fragment of a message
    row("a fragment", fragment);
    Bytes unordered = good;
    unordered[13] = 0x07;
    row("the U flag", unordered);
    Bytes noData = encodeSctp(sample(Bytes{9}));
    noData[15] = 16; // length 16: no user data
    row("no user data", noData);
    Bytes tooLong = good;
    tooLong[15] = static_cast<std::uint8_t>(tooLong[15] + 4);
    row("length past the end", tooLong);
    Bytes padding = good;
    padding.at(35) = 0x01; // the last of the 3 padding octets after 5 of user data
    row("padding not zero", padding);
}

void TestSctp::malformedRefused()
{
    QFETCH(Bytes, packet);
    QVERIFY(!parseSctp(packet));
    QVERIFY(!sctpLastUserOctet(packet));
}

void TestSctp::encoderRefusals()
{
    QCOMPARE(errorOf([] { (void)encodeSctp(sample({})); }),
             QStringLiteral("SCTP DATA chunk: no user data (RFC 9260 3.3.1)"));
    const Bytes huge(65536 - 16, 0);
    QCOMPARE(errorOf([&] { (void)encodeSctp(sample(huge)); }),
             QStringLiteral("SCTP DATA chunk: 65520 octets of user data, more than a chunk length of 65535 "
                            "allows"));
    QVERIFY(errorOf([&] { (void)encodeSctp(sample(ByteView(huge).first(65535 - 16))); }).isEmpty());
    Bytes shortPacket(11, 0);
    QCOMPARE(errorOf([&] { setSctpChecksum(shortPacket); }),
             QStringLiteral("SCTP packet: 11 octets, shorter than its 12-octet common header"));
    QCOMPARE(errorOf([] { SctpSender(1, 2, 3, 4, 0); }),
             QStringLiteral("SCTP sender: 0 outbound streams (at least 1)"));
    SctpSender unset;
    QCOMPARE(errorOf([&] { (void)unset.send(0, kPpidS1ap, Bytes{1}); }),
             QStringLiteral("SCTP sender: no outbound stream (not set up)"));
}

void TestSctp::senderAdvancesTsnAndSsn()
{
    // One TSN per packet over the association, one SSN per packet on its stream (both wrap around); a stream
    // beyond the outbound streams is taken modulo.
    SctpSender s(36412, 36412, kTagMme, 0xfffffffe, 3);
    const Bytes user = {0xaa};
    QCOMPARE(s.streams(), std::uint16_t{3});
    QCOMPARE(s.send(1, kPpidS1ap, user),
             encodeSctp(SctpData{36412, 36412, kTagMme, 0xfffffffe, 1, 0, kPpidS1ap, user}));
    const std::vector<std::pair<std::uint16_t, std::pair<std::uint32_t, std::uint16_t>>> expected = {
        {1, {0xffffffff, 1}}, {2, {0x00000000, 0}}, {1, {0x00000001, 2}}, {4, {0x00000002, 3}}};
    for (const auto& [stream, tsnSsn] : expected) {
        const auto p = parseSctp(s.send(stream, kPpidS1ap, user));
        QVERIFY(p);
        QCOMPARE(p->stream, static_cast<std::uint16_t>(stream % 3));
        QCOMPARE(p->tsn, tsnSsn.first);
        QCOMPARE(p->ssn, tsnSsn.second);
        QCOMPARE(p->verificationTag, kTagMme);
        QCOMPARE(p->ppid, kPpidS1ap);
    }
    QCOMPARE(s.nextTsn(), std::uint32_t{3});
    QCOMPARE(s.peerTag(), kTagMme);
}

void TestSctp::ipv4Sctp()
{
    const Bytes sctp = encodeSctp(sample(Bytes{1, 2, 3}));
    const Bytes packet = buildIpv4(0x0a000001, 0x0a000002, kIpProtoSctp, 1, sctp);
    const auto p = parseIpv4Sctp(packet);
    QVERIFY(p);
    QCOMPARE(p->tsn, std::uint32_t{0x5c7e0001});
    QVERIFY(!parseIpv4Sctp(buildIpv4(0x0a000001, 0x0a000002, kIpProtoUdp, 1, sctp)));
    QVERIFY(!parseIpv4Sctp(sctp));
}

void TestSctp::backhaulSignallingOnSctp_data()
{
    QTest::addColumn<Protection>("protection");
    QTest::newRow("open backhaul") << nasOn();
    QTest::newRow("3GPP on (NDS/IP)") << threeGppOn();
}

void TestSctp::backhaulSignallingOnSctp()
{
    // Every S1-MME and S6a packet (inside ESP where NDS/IP is on) is IPv4/SCTP: S1AP on port 36412 with PPID
    // 18 on a UE-associated stream (1 + device mod 3), Diameter on 3868 with PPID 46 on stream 0; each
    // carries the receiver's tag; TSNs follow each other per direction from the sender's tag, SSNs per
    // stream from 0.
    QFETCH(Protection, protection);
    const bool nds = protection.ndsOn(Link::S1Mme);
    const Run r = run(scenario(protection));
    QCOMPARE(r.summary.traffic.attachOk, std::uint64_t{5});
    std::map<std::pair<Link, bool>, std::uint32_t> nextTsn;
    std::map<std::tuple<Link, bool, std::uint16_t>, std::uint16_t> nextSsn;
    std::map<Link, int> seen;
    for (const engine::PduRecord& pdu : r.pdus) {
        if (pdu.link != Link::S1Mme && pdu.link != Link::S6a)
            continue;
        ++seen[pdu.link];
        const bool s1 = pdu.link == Link::S1Mme;
        const auto wire = parseIpv4(pdu.bytes);
        QVERIFY(wire);
        QCOMPARE(wire->protocol, nds ? kIpProtoEsp : kIpProtoSctp);
        QVERIFY(nds || pdu.plain == pdu.bytes);
        const auto p = parseIpv4Sctp(pdu.plain);
        QVERIFY(p);
        const std::uint16_t port = s1 ? kPortS1ap : kPortDiameter;
        QCOMPARE(p->sourcePort, port);
        QCOMPARE(p->destinationPort, port);
        QCOMPARE(p->ppid, s1 ? kPpidS1ap : kPpidDiameter);
        // Uplink goes to the MME (S1-MME) or the HSS (S6a); downlink to the eNB or the MME.
        const std::uint32_t client = s1 ? kTagEnb : kTagMme, server = s1 ? kTagMme : kTagHss;
        QCOMPARE(p->verificationTag, pdu.downlink ? client : server);
        const auto [tsn, fresh] =
            nextTsn.try_emplace({pdu.link, pdu.downlink}, pdu.downlink ? server : client);
        (void)fresh;
        QCOMPARE(p->tsn, tsn->second);
        ++tsn->second;
        QCOMPARE(p->stream, s1 ? static_cast<std::uint16_t>(1 + pdu.device % 3) : std::uint16_t{0});
        std::uint16_t& ssn = nextSsn[std::tuple(pdu.link, pdu.downlink, p->stream)];
        QCOMPARE(p->ssn, ssn);
        ++ssn;
        QVERIFY(s1 ? decodeS1ap(p->payload).has_value() : decodeS6a(p->payload).has_value());
        const engine::Finding f = engine::dissectLink(pdu.link, pdu.bytes);
        const std::string sctpLayer = "SCTP " + std::to_string(port) + " TSN " + std::to_string(p->tsn);
        QCOMPARE(f.layers.find(sctpLayer) != std::string::npos, !nds);
    }
    QCOMPARE(seen[Link::S6a], 10); // one AIR and one AIA per device
    QVERIFY(seen[Link::S1Mme] >= 5 * 6);
}

void TestSctp::tamperedPacketsKeepAValidChecksum()
{
    // A tamperer on an open S1-MME flips a bit of the S1AP message and writes the checksum again: the eNB's
    // and MME's SCTP accept the packet and the layers above decide (NAS integrity where it is on), never the
    // checksum.
    const Run r = run(scenario(nasOn(), {attack(AttackKind::Tamper, Link::S1Mme)}));
    const engine::AttackTally& t = r.summary.attacks.at(0);
    // Here the plain NAS messages of the attach, changed, are accepted (an Authentication Request with a
    // changed AUTN is answered by an Authentication Failure): none refused as malformed.
    QVERIFY(t.attempts >= 5 * 6);
    QVERIFY(t.succeeded > 0);
    QCOMPARE(t.blockedBy[static_cast<std::size_t>(engine::DropReason::Malformed)], std::uint64_t{0});
    std::size_t tampered = 0;
    for (const engine::PduRecord& pdu : r.pdus) {
        if (pdu.link != Link::S1Mme || pdu.attack.empty())
            continue;
        ++tampered;
        const auto p = parseIpv4Sctp(pdu.bytes);
        QVERIFY(p);
        const auto sent = parseIpv4Sctp(pdu.plain);
        QVERIFY(sent);
        QCOMPARE(p->tsn, sent->tsn);
        // One bit of the user message flipped (in the NAS PDU that the S1AP message carries), nothing else.
        QCOMPARE(p->payload.size(), sent->payload.size());
        int flipped = 0;
        for (std::size_t i = 0; i < p->payload.size(); ++i)
            flipped += std::popcount(static_cast<unsigned>(p->payload[i] ^ sent->payload[i]));
        QCOMPARE(flipped, 1);
    }
    QCOMPARE(tampered, static_cast<std::size_t>(t.attempts));
}

void TestSctp::replayedPacketsTakeTheNextTsn()
{
    // A replayer on an open S1-MME re-sends the S1AP message it captured with the association's next TSN and
    // SSN (SCTP's header is not protected); NAS then refuses the replayed message (its COUNT was seen), or it
    // is accepted where nothing protects it. Every TSN of a direction appears once, in sequence.
    AttackSpec replay = attack(AttackKind::Replay, Link::S1Mme);
    replay.replayDelayS = 1;
    const Run r = run(scenario(nasOn(), {replay}));
    const engine::AttackTally& t = r.summary.attacks.at(0);
    QVERIFY(t.attempts > 5);
    QCOMPARE(t.blockedBy[static_cast<std::size_t>(engine::DropReason::Malformed)], std::uint64_t{0});
    QVERIFY(t.blockedBy[static_cast<std::size_t>(engine::DropReason::Replay)] > 0);
    QVERIFY(QString::fromStdString(t.examples.at(0).what).contains(QStringLiteral("its SCTP TSN rewritten")));
    std::map<bool, std::uint32_t> nextTsn;
    std::size_t replayed = 0;
    for (const engine::PduRecord& pdu : r.pdus) {
        if (pdu.link != Link::S1Mme)
            continue;
        const auto p = parseIpv4Sctp(pdu.bytes);
        QVERIFY(p);
        const auto [tsn, fresh] = nextTsn.try_emplace(pdu.downlink, p->tsn);
        (void)fresh;
        QCOMPARE(p->tsn, tsn->second++);
        replayed += pdu.attack.empty() ? 0u : 1u;
    }
    QCOMPARE(replayed, static_cast<std::size_t>(t.attempts));
}

void TestSctp::forgedPacketsAreSctp_data()
{
    QTest::addColumn<Link>("link");
    QTest::newRow("S1-MME Detach Request") << Link::S1Mme;
    QTest::newRow("S6a Authentication-Information-Request") << Link::S6a;
}

void TestSctp::forgedPacketsAreSctp()
{
    // A forger on an open S1-MME or S6a writes what it saw: IPv4/SCTP with the receiver's tag, the link's
    // PPID and the next TSN of the association, which the genuine packets after it continue (no TSN is seen
    // twice: Wireshark would call the second a retransmission); the receiver's SCTP accepts it (no forgery
    // is refused as malformed).
    QFETCH(Link, link);
    AttackSpec forge = attack(AttackKind::Inject, link);
    forge.rate = 0.5;
    const Run r = run(scenario(nasOn(), {forge}));
    const engine::AttackTally& t = r.summary.attacks.at(0);
    QVERIFY(t.attempts > 0);
    QCOMPARE(t.blockedBy[static_cast<std::size_t>(engine::DropReason::Malformed)], std::uint64_t{0});
    std::size_t forged = 0;
    std::map<bool, std::uint32_t> nextTsn;
    for (const engine::PduRecord& pdu : r.pdus) {
        if (pdu.link != link)
            continue;
        const auto p = parseIpv4Sctp(pdu.bytes);
        QVERIFY(p);
        const auto [tsn, fresh] = nextTsn.try_emplace(pdu.downlink, p->tsn);
        (void)fresh;
        QCOMPARE(p->tsn, tsn->second++);
        if (pdu.attack.empty())
            continue;
        ++forged;
        QCOMPARE(p->verificationTag, link == Link::S1Mme ? kTagEnb : kTagHss);
        QCOMPARE(p->ppid, link == Link::S1Mme ? kPpidS1ap : kPpidDiameter);
        QVERIFY(link == Link::S1Mme ? decodeS1ap(p->payload).has_value() : decodeS6a(p->payload).has_value());
    }
    QCOMPARE(forged, static_cast<std::size_t>(t.attempts));
}

void TestSctp::endToEndLayerOffCoapsPort()
{
    // The end-to-end layer's protected messages use UDP 5685 (5684 is CoAP over DTLS); bare CoAP stays on
    // 5683.
    AppProtection integrity;
    integrity.integrity = true;
    QCOMPARE(int{appPort(integrity)}, 5685);
    QCOMPARE(int{appPort(AppProtection{})}, 5683);
    Protection p;
    p.app = integrity;
    const Run r = run(scenario(p));
    std::size_t sgi = 0;
    for (const engine::PduRecord& pdu : r.pdus) {
        if (pdu.link != Link::SGi)
            continue;
        ++sgi;
        const engine::Finding f = engine::dissectLink(pdu.link, pdu.bytes);
        QVERIFY2(f.layers.find(" / UDP 5685 / E2E I seq ") != std::string::npos, f.layers.c_str());
    }
    QVERIFY(sgi >= 10);
}

QTEST_GUILESS_MAIN(TestSctp)
#include "tst_sctp.moc"
