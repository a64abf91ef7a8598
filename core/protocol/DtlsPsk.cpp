// DTLS 1.2 PSK endpoint on Botan's TLS implementation (RFC 6347, RFC 4279, RFC 6655): the policy that allows
// TLS_PSK_WITH_AES_128_CCM_8 only, the credentials, the callbacks that gather each flight into datagrams, and
// the naming of what Botan's record layer silently dropped.
#include "core/protocol/DtlsPsk.h"

#include "core/crypto/Hex.h"
#include "core/protocol/ByteReader.h"

#include <botan/chacha_rng.h>
#include <botan/credentials_manager.h>
#include <botan/hash.h>
#include <botan/tls_callbacks.h>
#include <botan/tls_client.h>
#include <botan/tls_exceptn.h>
#include <botan/tls_messages.h>
#include <botan/tls_policy.h>
#include <botan/tls_server.h>
#include <botan/tls_session_manager.h>

#include <algorithm>
#include <deque>

namespace mtcsec::protocol {
namespace {

constexpr std::size_t kSeedSize = 32;
constexpr std::size_t kMaxIdentity = 128;
constexpr std::size_t kSeenRecords = 64; // how many accepted records are remembered to name a replay
constexpr std::uint8_t kContentHandshake = 22;

// DTLS 1.2, TLS_PSK_WITH_AES_128_CCM_8 only, no time in the hello random, no renegotiation, no tickets.
class PskCcm8Policy final : public Botan::TLS::Policy {
public:
    std::vector<std::string> allowed_ciphers() const override { return {"AES-128/CCM(8)"}; }
    std::vector<std::string> allowed_macs() const override { return {"AEAD"}; }
    std::vector<std::string> allowed_key_exchange_methods() const override { return {"PSK"}; }
    bool include_time_in_hello_random() const override { return false; }
    bool allow_tls10() const override { return false; }
    bool allow_tls11() const override { return false; }
    bool allow_tls12() const override { return false; }
    bool allow_dtls10() const override { return false; }
    bool allow_dtls12() const override { return true; }
    bool allow_client_initiated_renegotiation() const override { return false; }
    bool allow_server_initiated_renegotiation() const override { return false; }
    bool negotiate_encrypt_then_mac() const override { return false; }
    bool support_cert_status_message() const override { return false; }
    // A new handshake from the same peer goes to a new endpoint (DtlsPskServer), never into this one.
    bool allow_dtls_epoch0_restart() const override { return false; }
    std::uint32_t session_ticket_lifetime() const override { return 0; }
    std::size_t dtls_default_mtu() const override { return kDtlsDatagramLimit; }
};

class PskCredentials final : public Botan::Credentials_Manager {
public:
    PskCredentials(DtlsPskCredentials credentials, SecureBytes cookieSecret)
        : credentials_(std::move(credentials))
        , cookieSecret_(std::move(cookieSecret))
    {}
    std::string psk_identity(const std::string&, const std::string&, const std::string&) override
    {
        return credentials_.identity;
    }
    Botan::SymmetricKey psk(const std::string& type, const std::string& context,
                            const std::string& identity) override
    {
        if (type == "tls-server" && context == "dtls-cookie-secret")
            return Botan::SymmetricKey(cookieSecret_);
        if (type == "tls-client" || (type == "tls-server" && identity == credentials_.identity)) {
            if (type == "tls-server")
                peerIdentity = identity;
            return Botan::SymmetricKey(credentials_.key);
        }
        // Unknown identities and session tickets: none (Botan answers unknown_psk_identity).
        throw Botan::TLS::TLS_Exception(Botan::TLS::Alert::UNKNOWN_PSK_IDENTITY, "unknown PSK identity");
    }
    std::string peerIdentity;
    const DtlsPskCredentials& credentials() const { return credentials_; }

private:
    DtlsPskCredentials credentials_;
    SecureBytes cookieSecret_;
};

void checkCredentials(const DtlsPskCredentials& credentials)
{
    if (credentials.identity.empty() || credentials.identity.size() > kMaxIdentity)
        throw InvalidInput("dtls identity: must be 1 to 128 octets, got " +
                           std::to_string(credentials.identity.size()));
    if (credentials.key.empty() || credentials.key.size() > 64)
        throw InvalidInput("dtls key: must be 1 to 64 octets, got " + std::to_string(credentials.key.size()));
}

// Whether the datagram starts with a ClientHello with an empty cookie (RFC 6347 4.2.1: record header,
// handshake header of 12 octets, client_version, random, session_id, cookie).
bool initialClientHello(ByteView datagram)
{
    constexpr std::size_t kSessionIdAt = kDtlsRecordHeaderSize + 12 + 2 + 32;
    if (datagram.size() <= kSessionIdAt || datagram[0] != kContentHandshake ||
        datagram[kDtlsRecordHeaderSize] != 1)
        return false;
    const std::size_t cookieAt = kSessionIdAt + 1 + datagram[kSessionIdAt];
    return cookieAt < datagram.size() && datagram[cookieAt] == 0;
}

// Whether a fatal alert says that a message did not parse or broke the protocol (RFC 5246 7.2.2), rather
// than that an authentication check (a Finished, a record MAC, the PSK) failed.
bool malformedAlert(Botan::TLS::Alert::Type type)
{
    using Botan::TLS::Alert;
    return type == Alert::DECODE_ERROR || type == Alert::ILLEGAL_PARAMETER ||
           type == Alert::UNEXPECTED_MESSAGE || type == Alert::PROTOCOL_VERSION ||
           type == Alert::RECORD_OVERFLOW;
}

std::uint64_t recordKey(const DtlsRecordHeader& h)
{
    return std::uint64_t{h.epoch} << 48 | h.sequence;
}

} // namespace

std::vector<DtlsRecordHeader> parseDtlsRecords(ByteView datagram)
{
    std::vector<DtlsRecordHeader> out;
    ByteReader r(datagram);
    while (r.ok() && !r.rest().empty()) {
        DtlsRecordHeader h;
        std::uint16_t seqHigh = 0;
        std::uint32_t seqLow = 0;
        r.u8(h.contentType);
        r.u16(h.version);
        r.u16(h.epoch);
        r.u16(seqHigh);
        r.u32(seqLow);
        r.u16(h.length);
        if (!r.ok() || h.contentType < 20 || h.contentType > 23 || (h.version >> 8) != 0xFE ||
            r.rest().size() < h.length)
            return {};
        h.sequence = std::uint64_t{seqHigh} << 32 | seqLow;
        r.skip(h.length);
        out.push_back(h);
    }
    return out;
}

struct DtlsPskEndpoint::State final : Botan::TLS::Callbacks {
    State(DtlsRole r, DtlsPskCredentials credentials, ByteView seed, ByteView cookieSecret)
        : role(r)
        , rng(SecureBytes(seed.begin(), seed.end()))
        , creds(std::move(credentials), cookieSecret.empty()
                                            ? rng.random_vec(32)
                                            : SecureBytes(cookieSecret.begin(), cookieSecret.end()))
    {}

    // Callbacks: every record Botan writes goes into the current flight.
    void tls_emit_data(const std::uint8_t data[], std::size_t size) override
    {
        if (flight.empty() || flight.back().size() + size > kDtlsDatagramLimit)
            flight.emplace_back();
        flight.back().insert(flight.back().end(), data, data + size);
    }
    void tls_record_received(std::uint64_t, const std::uint8_t data[], std::size_t size) override
    {
        received.emplace_back(data, data + size);
    }
    void tls_alert(Botan::TLS::Alert alert) override
    {
        if (alert.is_fatal()) {
            alertReceived = true;
            alertText = "alert " + alert.type_string();
            alertMalformed = malformedAlert(alert.type());
        }
    }
    bool tls_session_established(const Botan::TLS::Session& session) override
    {
        suite = session.ciphersuite_code();
        masterSecret = session.master_secret();
        return false; // never stored
    }
    void tls_inspect_handshake_msg(const Botan::TLS::Handshake_Message& message) override
    {
        if (const auto* hello = dynamic_cast<const Botan::TLS::Client_Hello*>(&message))
            clientRandom = hello->random();
    }
    void tls_session_activated() override { activated = true; }

    std::vector<Bytes> takeFlight()
    {
        std::vector<Bytes> out = std::move(flight);
        flight.clear();
        if (!out.empty())
            lastFlight = out;
        return out;
    }
    bool seen(std::uint64_t key) const
    {
        return std::find(seenKeys.begin(), seenKeys.end(), key) != seenKeys.end();
    }
    void remember(std::uint64_t key)
    {
        if (seen(key))
            return;
        seenKeys.push_back(key);
        if (seenKeys.size() > kSeenRecords)
            seenKeys.pop_front();
    }

    DtlsRole role;
    Botan::ChaCha_RNG rng;
    PskCredentials creds;
    PskCcm8Policy policy;
    Botan::TLS::Session_Manager_Noop sessions;
    std::unique_ptr<Botan::TLS::Channel> channel;
    std::vector<Bytes> flight;
    std::vector<Bytes> lastFlight;
    std::vector<Bytes> received;
    std::deque<std::uint64_t> seenKeys;
    std::string alertText;
    Bytes clientRandom;
    SecureBytes masterSecret;
    std::uint16_t suite = 0;
    bool activated = false;
    bool alertReceived = false;
    bool alertMalformed = false; // the fatal alert received says a message did not parse
    bool failedState = false;
    DtlsVerdict failedVerdict = DtlsVerdict::HandshakeFailure; // why the handshake failed (failedState)
    bool started = false;
};

DtlsPskEndpoint::DtlsPskEndpoint(DtlsRole role, DtlsPskCredentials credentials, ByteView seed,
                                 ByteView cookieSecret)
{
    requireOctets(seed, kSeedSize, "dtls seed");
    checkCredentials(credentials);
    state_ = std::make_unique<State>(role, std::move(credentials), seed, cookieSecret);
    if (role == DtlsRole::Server)
        state_->channel = std::make_unique<Botan::TLS::Server>(*state_, state_->sessions, state_->creds,
                                                               state_->policy, state_->rng, true, 0);
}

DtlsPskEndpoint::~DtlsPskEndpoint() = default;

std::vector<Bytes> DtlsPskEndpoint::start()
{
    State& s = *state_;
    if (s.started || s.role == DtlsRole::Server)
        return {};
    s.started = true;
    // The client's constructor writes the ClientHello.
    s.channel = std::make_unique<Botan::TLS::Client>(
        s, s.sessions, s.creds, s.policy, s.rng, Botan::TLS::Server_Information(),
        Botan::TLS::Protocol_Version::DTLS_V12, std::vector<std::string>{}, 0);
    return s.takeFlight();
}

DtlsOutput DtlsPskEndpoint::receive(ByteView datagram)
{
    State& s = *state_;
    DtlsOutput out;
    const std::vector<DtlsRecordHeader> records = parseDtlsRecords(datagram);
    if (records.empty() || !s.channel || s.failedState) {
        out.verdict = s.failedState ? s.failedVerdict : DtlsVerdict::Malformed;
        return out;
    }
    const bool wasActive = s.channel->is_active();
    s.received.clear();
    s.activated = false;
    try {
        s.channel->received_data(datagram.data(), datagram.size());
    } catch (const Botan::TLS::TLS_Exception& e) {
        // Botan's handshake code names the failure with the alert it sends (a Finished that does not verify:
        // decrypt_error; a message that does not parse: decode_error).
        s.failedState = true;
        s.failedVerdict =
            malformedAlert(e.type()) ? DtlsVerdict::HandshakeMalformed : DtlsVerdict::HandshakeFailure;
        out.error = e.what();
    } catch (const Botan::Decoding_Error& e) {
        // A message that did not parse (Botan's TLS_Data_Reader: "Vector length ... is too large"); Botan
        // answers it with a decode_error alert.
        s.failedState = true;
        s.failedVerdict = DtlsVerdict::HandshakeMalformed;
        out.error = e.what();
    } catch (const std::exception& e) {
        s.failedState = true;
        s.failedVerdict = DtlsVerdict::HandshakeFailure;
        out.error = e.what();
    }
    if (s.alertReceived && !s.failedState) {
        s.failedState = true;
        s.failedVerdict = s.alertMalformed ? DtlsVerdict::HandshakeMalformed : DtlsVerdict::HandshakeFailure;
        out.error = s.alertText;
    }
    out.send = s.takeFlight();
    out.received = std::move(s.received);
    s.received.clear();
    out.established = s.activated || (!wasActive && s.channel->is_active());
    if (s.failedState) {
        out.verdict = s.failedVerdict;
        return out;
    }
    const bool progress = !out.received.empty() || out.established || !out.send.empty();
    if (progress) {
        for (const DtlsRecordHeader& h : records)
            s.remember(recordKey(h));
        out.verdict = DtlsVerdict::Accepted;
        return out;
    }
    // Botan's record layer drops a record that fails its tag or repeats a sequence number without a word
    // (RFC 6347 4.1.2.6, 4.1.2.7); name which of the two it was.
    const bool allSeen = std::all_of(records.begin(), records.end(),
                                     [&](const DtlsRecordHeader& h) { return s.seen(recordKey(h)); });
    const bool anyProtected =
        std::any_of(records.begin(), records.end(), [](const DtlsRecordHeader& h) { return h.epoch > 0; });
    if (allSeen)
        out.verdict = DtlsVerdict::Replay;
    else if (anyProtected)
        out.verdict = DtlsVerdict::IntegrityFailure;
    else if (records.front().contentType == kContentHandshake)
        out.verdict = DtlsVerdict::Accepted; // a handshake message taken without an answer yet
    else
        out.verdict = DtlsVerdict::Malformed;
    return out;
}

Bytes DtlsPskEndpoint::protect(ByteView plaintext)
{
    State& s = *state_;
    if (!s.channel || !s.channel->is_active() || s.failedState)
        throw InvalidInput("dtls: no association yet");
    s.channel->send(plaintext.data(), plaintext.size());
    std::vector<Bytes> out = std::move(s.flight);
    s.flight.clear();
    Bytes datagram;
    for (const Bytes& part : out)
        datagram.insert(datagram.end(), part.begin(), part.end());
    return datagram;
}

std::vector<Bytes> DtlsPskEndpoint::retransmit()
{
    return state_->lastFlight;
}

bool DtlsPskEndpoint::established() const
{
    return state_->channel && state_->channel->is_active() && !state_->failedState;
}

bool DtlsPskEndpoint::failed() const
{
    return state_->failedState;
}

std::uint16_t DtlsPskEndpoint::cipherSuite() const
{
    return state_->suite;
}

std::string DtlsPskEndpoint::peerIdentity() const
{
    return state_->role == DtlsRole::Server ? state_->creds.peerIdentity
                                            : state_->creds.credentials().identity;
}

std::string DtlsPskEndpoint::keyLogLine() const
{
    if (!established() || state_->clientRandom.empty() || state_->masterSecret.empty())
        return {};
    return "CLIENT_RANDOM " + toHex(state_->clientRandom) + " " + toHex(state_->masterSecret);
}

DtlsPskServer::DtlsPskServer(DtlsPskCredentials credentials, ByteView seed)
    : credentials_(std::move(credentials))
    , seed_(requireOctets(seed, kSeedSize, "dtls seed").begin(), seed.end())
{
    const auto hash = Botan::HashFunction::create_or_throw("SHA-256");
    hash->update(seed_);
    hash->update(std::string("cookie secret"));
    cookieSecret_ = hash->final();
    checkCredentials(credentials_);
}

DtlsPskServer::~DtlsPskServer() = default;

DtlsOutput DtlsPskServer::receive(ByteView datagram)
{
    const auto records = parseDtlsRecords(datagram);
    if (records.empty())
        return DtlsOutput{};
    if (records.front().epoch == 0) {
        // A ClientHello without a cookie starts a new handshake; the one with the cookie continues it
        // (RFC 6347 4.2.1).
        if (initialClientHello(datagram) || !pending_ || pending_->failed()) {
            seed_ = Botan::HashFunction::create_or_throw("SHA-256")->process(seed_);
            pending_ =
                std::make_unique<DtlsPskEndpoint>(DtlsRole::Server, credentials_, seed_, cookieSecret_);
        }
        DtlsOutput out = pending_->receive(datagram);
        if (pending_->established()) {
            current_ = std::move(pending_);
            pending_.reset();
        }
        return out;
    }
    if (!current_)
        return DtlsOutput{};
    return current_->receive(datagram);
}

Bytes DtlsPskServer::protect(ByteView plaintext)
{
    if (!current_)
        throw InvalidInput("dtls: no association yet");
    return current_->protect(plaintext);
}

bool DtlsPskServer::established() const
{
    return current_ && current_->established();
}

std::uint16_t DtlsPskServer::cipherSuite() const
{
    return current_ ? current_->cipherSuite() : 0;
}

std::string DtlsPskServer::peerIdentity() const
{
    return current_ ? current_->peerIdentity() : std::string();
}

DtlsHandshakeCost measureDtlsHandshake()
{
    const std::array<std::uint8_t, kSeedSize> seedA{1}, seedB{2};
    DtlsPskCredentials creds{"imsi-001010000000001", SecureBytes(16, 0x42)};
    DtlsPskEndpoint client(DtlsRole::Client, creds, seedA);
    DtlsPskServer server(creds, seedB);
    DtlsHandshakeCost cost;
    std::vector<Bytes> toServer = client.start();
    while (!toServer.empty()) {
        std::vector<Bytes> toClient;
        for (const Bytes& d : toServer) {
            ++cost.datagrams;
            cost.clientOctets += d.size();
            DtlsOutput o = server.receive(d);
            toClient.insert(toClient.end(), o.send.begin(), o.send.end());
        }
        toServer.clear();
        for (const Bytes& d : toClient) {
            ++cost.datagrams;
            cost.serverOctets += d.size();
            DtlsOutput o = client.receive(d);
            toServer.insert(toServer.end(), o.send.begin(), o.send.end());
        }
    }
    return cost;
}

std::string wiresharkDtlsPreferences(ByteView psk)
{
    if (psk.empty())
        throw InvalidInput("dtls psk: must not be empty");
    return "# DTLS PSK (RFC 4279) of the simulated CoAP-over-DTLS sessions\n"
           "dtls.psk: " +
           toHex(psk) + "\n";
}

std::string wiresharkDtlsKeyLog(std::string_view keysLog)
{
    const auto field = [](std::string_view line, std::string_view name) {
        const std::size_t at = line.find(name);
        if (at == std::string_view::npos)
            return std::string_view();
        const std::string_view rest = line.substr(at + name.size());
        return rest.substr(0, rest.find(' '));
    };
    std::string out;
    while (!keysLog.empty()) {
        const std::size_t end = keysLog.find('\n');
        const std::string_view line = keysLog.substr(0, end);
        keysLog = end == std::string_view::npos ? std::string_view() : keysLog.substr(end + 1);
        if (line.find(" where=dtls ") == std::string_view::npos)
            continue;
        const std::string_view random = field(line, " CLIENT_RANDOM="),
                               master = field(line, " MASTER_SECRET=");
        if (!random.empty() && !master.empty())
            out += "CLIENT_RANDOM " + std::string(random) + " " + std::string(master) + "\n";
    }
    return out;
}

} // namespace mtcsec::protocol
