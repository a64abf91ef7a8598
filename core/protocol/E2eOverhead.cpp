// Octets added per message and per handshake by each end-to-end mode, measured on a protected reading.
#include "core/protocol/E2eOverhead.h"

#include "core/protocol/AppSecurity.h"
#include "core/protocol/Coap.h"

namespace mtcsec::protocol {

std::vector<E2eOverhead> e2eOverheads()
{
    CoapMessage reading;
    reading.messageId = 1;
    reading.token = 1;
    reading.uriPath = "r";
    reading.payload = readingPayload(215, false);
    const Bytes bare = encodeCoap(reading);
    AppKeys keys;
    deriveOscoreKeys(keys, 0);
    const auto added = [&](const char* mode) {
        return protectApp(appPreset(mode).value(), keys, true, 1, bare).size() - bare.size();
    };
    return {
        {"none", 0, 0, "bare CoAP on UDP 5683"},
        {"integrity", added("integrity"), 0,
         "5-octet header (flags, sequence number) + 8-octet AES-CMAC tag"},
        {"aead", added("aead"), 0, "5-octet header + 16-octet AES-GCM tag"},
        {"oscore", added("oscore"), 0,
         "OSCORE option (flags, Partial IV, 4-octet kid) + inner code + outer payload marker + 8-octet "
         "AES-CCM "
         "tag; no handshake (pre-shared context)"},
        {"dtls", std::nullopt, std::nullopt, "DTLS 1.2 record header + explicit nonce + tag; PSK handshake"},
    };
}

} // namespace mtcsec::protocol
