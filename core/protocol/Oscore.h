// OSCORE message protection (RFC 8613 clauses 4, 5 and 8): a CoAP request or response becomes an outer CoAP
// message that keeps the Class U options (Uri-Host, Uri-Port, Proxy-Scheme, Proxy-Uri, Observe, No-Response)
// and the OSCORE option in clear, and carries the code, the Class E options (Uri-Path, Content-Format, ...
// and every option not listed in 4.1) and the payload as the AES-CCM-16-64-128 ciphertext of a COSE_Encrypt0
// object (its 8-octet tag last). The outer code is POST (FETCH with Observe) for requests and 2.04 Changed
// (2.05 Content with Observe) for responses (4.2). Requests carry the kid and the sender's Partial IV;
// responses are bound to their request through the AAD (7.1) and may carry a Partial IV of their own.
#pragma once

#include "core/protocol/CoapPdu.h"
#include "core/protocol/OscoreContext.h"

#include <cstdint>

namespace mtcsec::protocol {

// What binds a response to its request (RFC 8613 7.1): the request's kid and Partial IV and the nonce it was
// protected with. The client keeps it from protecting the request, the server from verifying it.
struct OscoreRequestBinding {
    Bytes kid;
    Bytes partialIv;
    OscoreNonce nonce{};
};

struct OscoreProtected {
    CoapPdu message; // the outer message (encodeCoapPdu gives its octets)
    OscoreRequestBinding binding;
};

// True for the options that stay in the outer message in clear (Class U, RFC 8613 4.1, Figure 5).
[[nodiscard]] bool oscoreOuterOption(std::uint16_t number);
// True for the options that travel encrypted in the inner message (Class E; Observe and No-Response are
// both, RFC 8613 4.1.3.5 and 4.1.3.6).
[[nodiscard]] bool oscoreInnerOption(std::uint16_t number);

// Protects a request (RFC 8613 8.1) with the sender context: Partial IV = ctx.senderSequence, which is then
// incremented; the kid (the Sender ID) always, the kid context (the ID Context) when `includeKidContext`.
// Throws InvalidInput when the message is not a request, already has an OSCORE option, or the sequence number
// is exhausted (2^40, 7.2.1).
[[nodiscard]] OscoreProtected oscoreProtectRequest(OscoreContext& ctx, const CoapPdu& request,
                                                   bool includeKidContext = false);

// Protects a response to the request `binding` (RFC 8613 8.3): with `ownPartialIv` the server's next sequence
// number gives the Partial IV and the nonce (and is incremented), else the request's nonce is reused and the
// OSCORE option is empty. Throws InvalidInput when the message is not a response (or Empty), or the sequence
// number is exhausted.
[[nodiscard]] CoapPdu oscoreProtectResponse(OscoreContext& ctx, const CoapPdu& response,
                                            const OscoreRequestBinding& binding, bool ownPartialIv);

enum class OscoreVerdict : std::uint8_t {
    Accepted,
    Malformed, // no OSCORE option, a bad option value, a request without kid or Partial IV, bad plaintext
    UnknownContext,   // the kid (or kid context) names no context this endpoint has (RFC 8613 8.2 step 2)
    Replay,           // the Partial IV was seen before or is older than the replay window (7.4)
    IntegrityFailure, // the AES-CCM tag does not verify (8.2 step 5)
};

struct OscoreUnprotected {
    OscoreVerdict verdict = OscoreVerdict::Malformed;
    CoapPdu message;              // the reconstructed CoAP message when accepted
    OscoreRequestBinding binding; // for a request: what the response will be bound to
};

// Verifies and decrypts a request with the recipient context (RFC 8613 8.2): kid = the Recipient ID, the
// Partial IV checked against ctx.replay before decryption and recorded in it after a verified tag.
[[nodiscard]] OscoreUnprotected oscoreUnprotectRequest(OscoreContext& ctx, const CoapPdu& outer);

// Verifies and decrypts a response to the request `binding` (RFC 8613 8.4). No replay check (a response
// without Partial IV reuses the request's nonce; this project does not use Observe).
[[nodiscard]] OscoreUnprotected oscoreUnprotectResponse(const OscoreContext& ctx, const CoapPdu& outer,
                                                        const OscoreRequestBinding& binding);

} // namespace mtcsec::protocol
