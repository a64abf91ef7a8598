// Interoperability of the product's DTLS 1.2 PSK code (core/protocol/DtlsPsk) with libcoap over real loopback
// UDP (RFC 7252 section 9, CoAP over DTLS in PreSharedKey mode): against Debian's coap-server-openssl as a
// client, and serving coap-client-openssl as a server. Skips only where libcoap3-bin is not installed.
#include "core/protocol/Coap.h"
#include "core/protocol/DtlsPsk.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <arpa/inet.h>
#include <array>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace mtcsec;
using namespace mtcsec::protocol;

namespace {

constexpr char kKey[] = "mtcsec-interop-key";
constexpr char kIdentity[] = "mtcsec-device";
constexpr int kTimeoutMs = 20000; // a generous bound for a loaded machine; nothing asserts speed

const char* kMissing =
    "libcoap3-bin is not installed (coap-server-openssl, coap-client-openssl): "
    "apt-get install libcoap3-bin, or installer/bootstrap.sh test, to run the DTLS interop tests";

DtlsPskCredentials credentials()
{
    return {kIdentity, SecureBytes(kKey, kKey + sizeof kKey - 1)};
}

std::array<std::uint8_t, 32> seed(std::uint8_t first)
{
    std::array<std::uint8_t, 32> s{};
    s[0] = first;
    return s;
}

sockaddr_in loopback(std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

// A UDP socket, closed on scope exit.
class Udp {
public:
    Udp()
        : fd_(::socket(AF_INET, SOCK_DGRAM, 0))
    {}
    ~Udp()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Udp(const Udp&) = delete;
    Udp& operator=(const Udp&) = delete;
    [[nodiscard]] int fd() const { return fd_; }
    bool bindTo(std::uint16_t port)
    {
        const sockaddr_in a = loopback(port);
        return ::bind(fd_, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0;
    }
    [[nodiscard]] std::uint16_t port() const
    {
        sockaddr_in a{};
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        return ntohs(a.sin_port);
    }
    void sendTo(const sockaddr_in& to, ByteView datagram) const
    {
        (void)::sendto(fd_, datagram.data(), datagram.size(), 0, reinterpret_cast<const sockaddr*>(&to),
                       sizeof to);
    }
    // One datagram within `ms`, and who sent it; nothing on timeout.
    std::optional<Bytes> receive(int ms, sockaddr_in* from = nullptr) const
    {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, ms) <= 0)
            return std::nullopt;
        Bytes buffer(2048);
        sockaddr_in sender{};
        socklen_t len = sizeof sender;
        const ssize_t n =
            ::recvfrom(fd_, buffer.data(), buffer.size(), 0, reinterpret_cast<sockaddr*>(&sender), &len);
        if (n < 0)
            return std::nullopt;
        buffer.resize(static_cast<std::size_t>(n));
        if (from != nullptr)
            *from = sender;
        return buffer;
    }

private:
    int fd_;
};

// Whether UDP and TCP `port` on the loopback are free now.
bool portFree(std::uint16_t port)
{
    for (const int type : {SOCK_DGRAM, SOCK_STREAM}) {
        const int fd = ::socket(AF_INET, type, 0);
        const sockaddr_in a = loopback(port);
        const bool ok = ::bind(fd, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0;
        ::close(fd);
        if (!ok)
            return false;
    }
    return true;
}

// A port P with P and P + 1 free (coap-server listens on P for CoAP and on P + 1 for CoAP over DTLS).
std::uint16_t freePortPair()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        std::uint16_t p = 0;
        {
            Udp probe;
            probe.bindTo(0);
            p = probe.port();
        }
        if (p != 0 && p < 65534 && portFree(p) && portFree(static_cast<std::uint16_t>(p + 1)))
            return p;
    }
    return 0;
}

// The CoAP response to a request: ACK, 2.05 Content, the request's Message ID and token, the payload.
Bytes contentResponse(ByteView request, const std::string& payload)
{
    const std::size_t tokenLength = request[0] & 0x0fu;
    Bytes out = {static_cast<std::uint8_t>(0x60u | tokenLength), 0x45, request[2], request[3]};
    out.insert(out.end(), request.begin() + 4,
               request.begin() + 4 + static_cast<std::ptrdiff_t>(tokenLength));
    out.push_back(0xff);
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

} // namespace

class TestDtlsInterop : public QObject {
    Q_OBJECT
private slots:
    void productClientAgainstLibcoapServer();
    void libcoapClientAgainstProductServer();
};

void TestDtlsInterop::productClientAgainstLibcoapServer()
{
    const QString server = QStandardPaths::findExecutable(QStringLiteral("coap-server-openssl"));
    if (server.isEmpty())
        QSKIP(kMissing);
    const std::uint16_t port = freePortPair();
    QVERIFY(port != 0);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(server, {QStringLiteral("-A"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                           QString::number(port), QStringLiteral("-k"), QString::fromLatin1(kKey)});
    QVERIFY2(process.waitForStarted(kTimeoutMs), qPrintable(process.errorString()));
    const auto stop = qScopeGuard([&] {
        process.kill();
        process.waitForFinished(kTimeoutMs);
    });

    const sockaddr_in to = loopback(static_cast<std::uint16_t>(port + 1));
    Udp socket;
    QVERIFY(socket.bindTo(0));
    DtlsPskEndpoint client(DtlsRole::Client, credentials(), seed(1));
    for (const Bytes& d : client.start())
        socket.sendTo(to, d);

    CoapMessage request;
    request.type = 0; // CON
    request.code = 1; // 0.01 GET
    request.messageId = 0x5a17;
    request.token = 0xc0a8c0a8;
    request.uriPath = "time"; // a resource coap-server always has
    bool sent = false;
    std::optional<Bytes> response;
    QElapsedTimer timer;
    timer.start();
    while (!response && timer.elapsed() < kTimeoutMs) {
        const auto datagram = socket.receive(300);
        if (!datagram) {
            // The server may not listen yet, or a datagram was lost: retransmit (RFC 6347 4.2.4).
            for (const Bytes& d : sent ? std::vector<Bytes>{} : client.retransmit())
                socket.sendTo(to, d);
            continue;
        }
        const DtlsOutput o = client.receive(*datagram);
        QVERIFY2(o.verdict != DtlsVerdict::HandshakeFailure, o.error.c_str());
        for (const Bytes& d : o.send)
            socket.sendTo(to, d);
        if (!o.received.empty())
            response = o.received.front();
        if (client.established() && !sent) {
            QCOMPARE(client.cipherSuite(), kDtlsPskAes128Ccm8);
            socket.sendTo(to, client.protect(encodeCoap(request)));
            sent = true;
        }
    }
    QVERIFY2(response, qPrintable(QStringLiteral("no CoAP response within %1 ms; coap-server said: %2")
                                      .arg(kTimeoutMs)
                                      .arg(QString::fromLocal8Bit(process.readAll()))));
    const Bytes& r = *response;
    QVERIFY(r.size() > 8);
    QCOMPARE(r[0] >> 6, 1);             // version 1
    QCOMPARE((r[0] >> 4) & 0x3, 2);     // ACK
    QCOMPARE(r[0] & 0xf, 4);            // the 4-octet token
    QCOMPARE(r[1], std::uint8_t{0x45}); // 2.05 Content
    QCOMPARE(r[2], std::uint8_t{0x5a});
    QCOMPARE(r[3], std::uint8_t{0x17});
    QCOMPARE(Bytes(r.begin() + 4, r.begin() + 8), (Bytes{0xc0, 0xa8, 0xc0, 0xa8}));
}

void TestDtlsInterop::libcoapClientAgainstProductServer()
{
    const QString clientProgram = QStandardPaths::findExecutable(QStringLiteral("coap-client-openssl"));
    if (clientProgram.isEmpty())
        QSKIP(kMissing);
    Udp socket;
    QVERIFY(socket.bindTo(0));
    DtlsPskServer server(credentials(), seed(2));

    QProcess client;
    client.setProcessChannelMode(QProcess::SeparateChannels);
    client.start(clientProgram,
                 {QStringLiteral("-k"), QString::fromLatin1(kKey), QStringLiteral("-u"),
                  QString::fromLatin1(kIdentity), QStringLiteral("-B"), QString::number(kTimeoutMs / 1000),
                  QStringLiteral("coaps://127.0.0.1:%1/reading").arg(socket.port())});
    QVERIFY2(client.waitForStarted(kTimeoutMs), qPrintable(client.errorString()));
    const auto stop = qScopeGuard([&] {
        if (client.state() != QProcess::NotRunning) {
            client.kill();
            client.waitForFinished(kTimeoutMs);
        }
    });

    bool established = false; // until coap-client-openssl closes the association (close_notify)
    QElapsedTimer timer;
    timer.start();
    bool finished = false;
    while (!finished && timer.elapsed() < kTimeoutMs) {
        sockaddr_in from{};
        if (const auto datagram = socket.receive(100, &from)) {
            const DtlsOutput o = server.receive(*datagram);
            QVERIFY2(o.verdict != DtlsVerdict::HandshakeFailure, o.error.c_str());
            for (const Bytes& d : o.send)
                socket.sendTo(from, d);
            established = established || server.established();
            for (const Bytes& request : o.received) {
                QVERIFY(request.size() >= 4);
                socket.sendTo(from, server.protect(contentResponse(request, "t=+21.5;alarm=0")));
            }
        }
        finished = client.waitForFinished(1);
    }
    QVERIFY2(finished, "coap-client-openssl did not finish in time");
    QCOMPARE(client.exitStatus(), QProcess::NormalExit);
    QCOMPARE(client.exitCode(), 0);
    QVERIFY(established);
    QCOMPARE(server.cipherSuite(), kDtlsPskAes128Ccm8);
    QCOMPARE(server.peerIdentity(), std::string(kIdentity));
    QCOMPARE(QString::fromLocal8Bit(client.readAllStandardOutput()).trimmed(),
             QStringLiteral("t=+21.5;alarm=0"));
}

QTEST_GUILESS_MAIN(TestDtlsInterop)
#include "tst_dtls_interop.moc"
