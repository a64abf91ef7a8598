// What a packet capture holds for one PDU: the dissector and bytes (PcapWriter.h link type 252 tags).
// On Uu, Wireshark's PDCP-LTE UDP framing (packet-pdcp-lte.h); CaptureRecorder.cpp says what each capture
// holds and why.
#pragma once

#include "core/crypto/Bytes.h"
#include "core/report/PcapWriter.h"
#include "core/scenario/Scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mtcsec::report {

// What a capture file holds for one PDU: the dissector Wireshark is told to use and the bytes it gets.
struct ExportedPdu {
    std::string dissector; // "ip", "nas-eps" or "data"
    Bytes bytes;
    ExportTags tags; // addresses for a NAS PDU taken out of an IP packet, "PDCP" for an opaque Uu PDU
};

// The packets a capture on `link` holds for one PDU as on the wire (see CaptureRecorder.cpp for the choice).
[[nodiscard]] std::vector<ExportedPdu> exportLinkPdu(Link link, ByteView pdu);

// The packet an insider's capture holds for bytes its node holds in clear: "nas-eps" for a NAS PDU
// (`nasPdu`), "ip" for an IPv4 packet, else "data".
[[nodiscard]] ExportedPdu exportNodeBytes(ByteView bytes, bool nasPdu);

// What the PDCP-LTE framing says about a Uu PDU besides its bytes (packet-pdcp-lte.h, UDP framing).
struct UuFrame {
    bool downlink = false;
    std::uint16_t ueId = 0;      // the UE id of the AS security context the sender used (0: none known)
    std::uint32_t ueAddress = 0; // the IPv4 packet carrying the framing: device <-> eNB
    std::uint32_t enbAddress = 0;
};
// UDP port of the IPv4/UDP packets carrying the PDCP-LTE framing (no dissector registered there, so the
// pdcp_lte_udp heuristic the profile enables gets them).
inline constexpr std::uint16_t kPortPdcpLteFraming = 9036;
// The PDCP-LTE UDP framing of one Uu PDU (LCID, PDCP header, payload): the "pdcp-lte" signature, no-header 0,
// plane (1 signalling for SRB1, 2 user for DRB1), ROHC 0, then tags: SN length (5 or 12), direction, logical
// channel type DCCH (SRB), channel id (the radio bearer: 1 or 3), UE id, payload (the PDU without its LCID).
// nullopt for bytes that are no SRB1 or DRB1 PDU.
[[nodiscard]] std::optional<Bytes> pdcpLteFraming(ByteView uuPdu, bool downlink, std::uint16_t ueId);
// The packet Uu.pcap holds for a Uu PDU: "ip" with an IPv4/UDP packet (device <-> eNB, port
// kPortPdcpLteFraming) carrying pdcpLteFraming(); bytes that are no PDCP PDU as "data".
[[nodiscard]] std::vector<ExportedPdu> exportUuPdu(ByteView uuPdu, const UuFrame& frame);

} // namespace mtcsec::report
