// Octets added per message and per handshake by each end-to-end mode, measured on a protected reading.
#include "core/protocol/E2eOverhead.h"

#include "core/protocol/AppSecurity.h"
#include "core/protocol/Coap.h"
#include "core/protocol/DtlsPsk.h"

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
    const DtlsHandshakeCost cost = measureDtlsHandshake(); // a real handshake in memory (DtlsPsk.h)
    return {
        {"none", 0, 0, "bare CoAP on UDP 5683"},
        {"integrity", added("integrity"), 0,
         "5-octet header (flags, sequence number) + 8-octet AES-CMAC tag"},
        {"aead", added("aead"), 0, "5-octet header + 16-octet AES-GCM tag"},
        {"oscore", added("oscore"), 0,
         "OSCORE option (flags, Partial IV, 4-octet kid) + inner code + outer payload marker + 8-octet "
         "AES-CCM "
         "tag; no handshake (pre-shared context)"},
        {"dtls", std::size_t{kDtlsRecordHeaderSize + kDtlsCcm8RecordExpansion},
         std::size_t{cost.clientOctets + cost.serverOctets},
         "13-octet DTLS 1.2 record header + 8-octet explicit nonce + 8-octet CCM_8 tag; the PSK handshake's "
         "six datagrams (UDP payloads, both directions)"},
    };
}

} // namespace mtcsec::protocol
