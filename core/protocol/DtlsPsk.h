// DTLS 1.2 with a pre-shared key (RFC 6347, RFC 4279), TLS_PSK_WITH_AES_128_CCM_8 (RFC 6655 section 3,
// 0xC0A8) as LwM2M devices use it (OMA LwM2M 1.1 Transport section 5.2.8): a client or server endpoint built
// on Botan's TLS implementation, byte in and byte out, so that each flight can travel a simulated link or a
// real UDP socket. Deterministic: the endpoint's random numbers come from a seed, the hello random carries no
// time, sessions are never stored.
#pragma once

#include "core/crypto/Bytes.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec::protocol {

// The DTLS port of CoAP (RFC 7252 section 12.7: "coaps").
inline constexpr std::uint16_t kPortCoaps = 5684;
// The cipher suite TLS_PSK_WITH_AES_128_CCM_8 (RFC 6655 section 3).
inline constexpr std::uint16_t kDtlsPskAes128Ccm8 = 0xC0A8;
// DTLS record header (RFC 6347 section 4.1): type, version, epoch, 48-bit sequence number, length.
inline constexpr std::size_t kDtlsRecordHeaderSize = 13;
// What CCM_8 adds to each protected record: the explicit nonce (8 octets) and the tag (8 octets)
// (RFC 6655 section 3), on top of the record header.
inline constexpr std::size_t kDtlsCcm8RecordExpansion = 8 + 8;
// The datagram size the endpoints fill with records (a flight that needs more goes in more datagrams).
inline constexpr std::size_t kDtlsDatagramLimit = 1200;

enum class DtlsRole : std::uint8_t { Client, Server };

// What became of one received datagram.
enum class DtlsVerdict : std::uint8_t {
    Accepted,         // application data delivered, or a handshake message taken
    IntegrityFailure, // a protected record failed its CCM_8 tag (Botan dropped it)
    Replay,           // a protected record carried a sequence number already received (Botan dropped it)
    Malformed,        // not a DTLS record, or a record from no epoch in force
    HandshakeFailure, // the handshake failed its authentication (wrong key or identity, a Finished that does
                      // not verify: RFC 5246 7.4.9, a record MAC), or a fatal alert other than the ones below
    // The handshake failed on a message that did not parse or broke the protocol (Botan reported
    // decode_error, illegal_parameter, unexpected_message or protocol_version, RFC 5246 7.2.2; or the peer's
    // fatal alert said so): an epoch-0 handshake message carries no MAC, so no integrity check was involved.
    HandshakeMalformed,
};

// One DTLS record header (RFC 6347 section 4.1).
struct DtlsRecordHeader {
    std::uint8_t contentType = 0; // 20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data
    std::uint16_t version = 0;    // 0xFEFD for DTLS 1.2
    std::uint16_t epoch = 0;
    std::uint64_t sequence = 0; // 48 bits
    std::uint16_t length = 0;   // of the fragment that follows
};

// The record headers of one datagram, in order; empty when the datagram does not hold whole DTLS records.
[[nodiscard]] std::vector<DtlsRecordHeader> parseDtlsRecords(ByteView datagram);

struct DtlsOutput {
    DtlsVerdict verdict = DtlsVerdict::Malformed;
    std::vector<Bytes> send;     // datagrams for the peer, in order (the next flight, or an alert)
    std::vector<Bytes> received; // application data, one element per accepted record
    bool established = false;    // the handshake completed with this datagram
    std::string error;           // what failed, for HandshakeFailure and HandshakeMalformed
};

// The credentials: the PSK identity (RFC 4279 section 5.1, at most 128 octets) and the key (16 octets here).
struct DtlsPskCredentials {
    std::string identity;
    SecureBytes key;
};

class DtlsPskEndpoint {
public:
    // `seed`: 32 octets for the endpoint's random generator (ChaCha_RNG). `cookieSecret`: the server's
    // HelloVerifyRequest cookie key (RFC 6347 4.2.1), shared by the endpoints of one server; empty: drawn
    // from the seed. Throws InvalidInput when the seed or the key has the wrong size ("dtls seed must be 32
    // octets, got N") or the identity is empty or longer than 128 octets.
    DtlsPskEndpoint(DtlsRole role, DtlsPskCredentials credentials, ByteView seed, ByteView cookieSecret = {});
    ~DtlsPskEndpoint();
    DtlsPskEndpoint(const DtlsPskEndpoint&) = delete;
    DtlsPskEndpoint& operator=(const DtlsPskEndpoint&) = delete;

    // Client: the first flight (ClientHello), as datagrams. Server: nothing (it waits for a ClientHello).
    // Called once; a second call returns nothing.
    [[nodiscard]] std::vector<Bytes> start();
    // Processes one received datagram (RFC 6347 section 4.1.2.6 replay check and 4.1.2.7 invalid records by
    // Botan's record layer).
    [[nodiscard]] DtlsOutput receive(ByteView datagram);
    // One application data record (a datagram) carrying `plaintext`. Throws InvalidInput when the handshake
    // has not completed ("dtls: no association yet").
    [[nodiscard]] Bytes protect(ByteView plaintext);
    // The flight last sent, again (RFC 6347 section 4.2.4 retransmission; the caller keeps the timer).
    [[nodiscard]] std::vector<Bytes> retransmit();

    [[nodiscard]] bool established() const;
    [[nodiscard]] bool failed() const;
    // The negotiated cipher suite (0 before the handshake completes).
    [[nodiscard]] std::uint16_t cipherSuite() const;
    // The PSK identity the client used (server: as received; client: its own).
    [[nodiscard]] std::string peerIdentity() const;
    // The association's secrets in the NSS key log format that Wireshark reads (tls.keylog_file, also for
    // DTLS): "CLIENT_RANDOM <32 octets hex> <48 octets hex>"; empty before the handshake completes.
    [[nodiscard]] std::string keyLogLine() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The server's side of one peer (RFC 6347 4.2.8): the association in force and, while a new handshake from
// the same peer runs, a second endpoint for it; the new association replaces the old one only when its
// handshake completes, so that a replayed ClientHello cannot break the association in force. Each ClientHello
// starts a new handshake endpoint (the HelloVerifyRequest cookie is stateless, under one cookie secret);
// other datagrams that start in epoch 0 go to that handshake, the rest to the association in force.
class DtlsPskServer {
public:
    // `seed`: 32 octets, from which the cookie secret and each handshake's endpoint seed are drawn. Throws as
    // DtlsPskEndpoint.
    DtlsPskServer(DtlsPskCredentials credentials, ByteView seed);
    ~DtlsPskServer();
    DtlsPskServer(const DtlsPskServer&) = delete;
    DtlsPskServer& operator=(const DtlsPskServer&) = delete;
    [[nodiscard]] DtlsOutput receive(ByteView datagram);
    // Throws InvalidInput when no association is in force ("dtls: no association yet").
    [[nodiscard]] Bytes protect(ByteView plaintext);
    [[nodiscard]] bool established() const;
    [[nodiscard]] std::uint16_t cipherSuite() const;
    [[nodiscard]] std::string peerIdentity() const;

private:
    DtlsPskCredentials credentials_;
    SecureBytes seed_; // the state of the seed chain: SHA-256 of the previous one for each new endpoint
    SecureBytes cookieSecret_;
    std::unique_ptr<DtlsPskEndpoint> current_;
    std::unique_ptr<DtlsPskEndpoint> pending_;
};

// The octets of a DTLS 1.2 PSK handshake with TLS_PSK_WITH_AES_128_CCM_8 between two endpoints made from the
// same credentials (a device's identity form, imsi-<15 digits>, as the engine uses), in each direction (UDP
// payloads), measured by running one in memory.
struct DtlsHandshakeCost {
    std::size_t datagrams = 0;
    std::size_t clientOctets = 0;
    std::size_t serverOctets = 0;
};
[[nodiscard]] DtlsHandshakeCost measureDtlsHandshake();

// The lines of Wireshark's "preferences" file that let the DTLS dissector decrypt a PSK session on the CoAP
// port (dtls.psk in hex, RFC 4279), e.g. "dtls.psk: 0011...\n". Throws InvalidInput for an empty key.
[[nodiscard]] std::string wiresharkDtlsPreferences(ByteView psk);

// The NSS key log (Wireshark's tls.keylog_file, read for DTLS too) of the DTLS associations in a key log of
// `mtcsec run --pcap` (keys.log): one "CLIENT_RANDOM <hex> <hex>" line for each of its "where=dtls" lines
// (written when a device's handshake completes), in order; empty when there is none.
[[nodiscard]] std::string wiresharkDtlsKeyLog(std::string_view keysLog);

} // namespace mtcsec::protocol
