// Wireshark's OSCORE security contexts (the UAT file `oscore_contexts` of a profile, read by the OSCORE
// dissector of Wireshark 4.0, epan/dissectors/packet-oscore.c): one line per context, six quoted fields in
// the order the dissector registers them: Sender ID, Recipient ID, Master Secret, Master Salt, ID Context
// (hex), Algorithm ("AES-CCM-16-64-128 (CCM*)"). The dissector picks the line whose Sender ID (and ID
// Context) equals the kid (and kid context) of a request, so each direction of a device's context is one
// line.
#pragma once

#include "core/crypto/Bytes.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec::report {

// One row: the pre-shared parameters of an OSCORE context seen from the sender of the requests it decrypts
// (RFC 8613 3.2). IDs 0-7 octets.
struct OscoreContextRow {
    Bytes senderId;
    Bytes recipientId;
    Bytes masterSecret;
    Bytes masterSalt;
    Bytes idContext;
};

// The UAT file's text: a comment line, then one line per row ("\n" after each). Throws InvalidInput
// ("oscore_contexts: ...") for an empty Master Secret or an ID longer than 7 octets.
[[nodiscard]] std::string oscoreContextsUat(const std::vector<OscoreContextRow>& rows);

// The two rows (device -> server requests, server -> device requests) of one line of the run's key log
// (keys.log of --pcap: "... OSCOREsecret=HEX OSCOREdevice=HEX OSCOREserver=HEX"); empty when the line has no
// OSCORE context. No errors (a malformed value gives no rows).
[[nodiscard]] std::vector<OscoreContextRow> oscoreRowsOfKeyLine(std::string_view line);

} // namespace mtcsec::report
