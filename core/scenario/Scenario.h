// A scenario (schema "mtcsec-scenario/1", PRODUCT.md section 8): devices, traffic, the protection of every
// link (TS 33.401 NAS, AS, NDS/IP; end-to-end application security), attacks and a timeline of protection
// changes.
#pragma once

#include "core/crypto/SecurityAlgorithms.h"
#include "core/scenario/ScenarioLimits.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec {

// The links of PRODUCT.md section 2.
enum class Link : std::uint8_t { Uu, S1Mme, S1U, S6a, S5, SGi };
inline constexpr std::size_t kLinkCount = 6;
inline constexpr std::array<Link, kLinkCount> kAllLinks = {Link::Uu,  Link::S1Mme, Link::S1U,
                                                           Link::S6a, Link::S5,    Link::SGi};
// The backhaul links that NDS/IP can protect (all but Uu).
inline constexpr std::array<Link, 5> kBackhaulLinks = {Link::S1Mme, Link::S1U, Link::S6a, Link::S5,
                                                       Link::SGi};

// The nodes; devices are many, the others one each.
enum class Node : std::uint8_t { Device, ENB, MME, HSS, SGW, PGW, Server };
inline constexpr std::size_t kNodeCount = 7;

[[nodiscard]] std::string_view name(Link link); // "Uu", "S1-MME", "S1-U", "S6a", "S5", "SGi"
[[nodiscard]] std::string_view name(Node node); // "device", "eNB", "MME", "HSS", "S-GW", "P-GW", "server"
[[nodiscard]] std::optional<Link> parseLink(std::string_view text);
[[nodiscard]] std::optional<Node> parseNode(std::string_view text);

// NAS security between device and MME (TS 33.401 clause 7.2.4, TS 24.301 clause 4.4). Each use has the
// operator's first choice and, when the scenario names a whole priority list (TS 33.401 7.2.4.2), that list:
// its first entry is the first choice. An empty list, or one whose first entry is no longer the first choice
// (a front-end set a single algorithm), means the list built from the first choice alone
// (engine/AlgorithmSelection.h).
struct NasProtection {
    crypto::IntegrityAlgorithm integrity = crypto::IntegrityAlgorithm::Eia0;
    crypto::CipheringAlgorithm ciphering = crypto::CipheringAlgorithm::Eea0;
    std::vector<crypto::IntegrityAlgorithm> integrityList{};
    std::vector<crypto::CipheringAlgorithm> cipheringList{};
    bool operator==(const NasProtection&) const = default;
};

// AS security on Uu (TS 33.401 clause 7.2.4.5): RRC integrity and ciphering, user-plane ciphering; the eNB's
// priority lists (TS 33.401 7.2.4.3) as for NAS.
struct AsProtection {
    crypto::IntegrityAlgorithm rrcIntegrity = crypto::IntegrityAlgorithm::Eia0;
    crypto::CipheringAlgorithm rrcCiphering = crypto::CipheringAlgorithm::Eea0;
    crypto::CipheringAlgorithm upCiphering = crypto::CipheringAlgorithm::Eea0;
    std::vector<crypto::IntegrityAlgorithm> rrcIntegrityList{};
    std::vector<crypto::CipheringAlgorithm> rrcCipheringList{};
    std::vector<crypto::CipheringAlgorithm> upCipheringList{};
    bool operator==(const AsProtection&) const = default;
};

// Whether `list` is a priority list in force for the first choice `first` (see NasProtection).
template <typename Algorithm>
[[nodiscard]] bool isPriorityListOf(const std::vector<Algorithm>& list, Algorithm first)
{
    return !list.empty() && list.front() == first;
}

// UE security capabilities (TS 24.301 9.9.3.36, carried in the Attach Request as the UE network capability,
// 9.9.3.34): one bit per algorithm identity, bit 8 of each octet for algorithm 0, bit 7 for algorithm 1, ...
struct UeCapabilities {
    std::uint8_t eea = 0xf0; // EEA0, 128-EEA1, 128-EEA2, 128-EEA3
    std::uint8_t eia = 0xf0; // EIA0, 128-EIA1, 128-EIA2, 128-EIA3
    bool operator==(const UeCapabilities&) const = default;

    [[nodiscard]] static constexpr std::uint8_t bit(unsigned id)
    {
        return static_cast<std::uint8_t>(0x80u >> id);
    }
    [[nodiscard]] bool supports(crypto::CipheringAlgorithm a) const
    {
        return (eea & bit(static_cast<unsigned>(a))) != 0;
    }
    [[nodiscard]] bool supports(crypto::IntegrityAlgorithm a) const
    {
        return (eia & bit(static_cast<unsigned>(a))) != 0;
    }
};

// End-to-end application security between device and MTC server: three switches that combine.
struct AppProtection {
    bool confidentiality = false;
    bool integrity = false;
    bool replayProtection = false;
    // OSCORE (RFC 8613) instead of the teaching header: CoAP on UDP 5683 with the OSCORE option, all three
    // switches on (issue 15, oscore part).
    bool oscore = false;
    // dtls: CoAP over DTLS 1.2 with a PSK (RFC 7252 9.1, TLS_PSK_WITH_AES_128_CCM_8) instead of the teaching
    // header; the three switches are then all on (DTLS gives all three).
    bool dtls = false;
    bool operator==(const AppProtection&) const = default;
};

// The named combinations: "none", "integrity" (MAC, no freshness), "aead" (all three), "oscore" (RFC 8613),
// "dtls" (DTLS 1.2 PSK).
[[nodiscard]] std::optional<AppProtection> appPreset(std::string_view name);
// The name of a combination, or "custom".
[[nodiscard]] std::string appProtectionName(const AppProtection& app);

struct Protection {
    NasProtection nas;
    AsProtection as;
    std::array<bool, kLinkCount> nds{}; // indexed by Link; Uu is always false (NDS/IP is for the backhaul)
    AppProtection app;
    bool operator==(const Protection&) const = default;

    [[nodiscard]] bool ndsOn(Link link) const { return nds[static_cast<std::size_t>(link)]; }
    void setNds(Link link, bool on) { nds[static_cast<std::size_t>(link)] = link != Link::Uu && on; }
};

// "3GPP on" of PRODUCT.md section 8: NAS EIA2+EEA2, AS EIA2/EEA2 with UP EEA2, NDS/IP on every backhaul link
// of the operator's network domain (S1-MME, S1-U, S6a, S5; SGi, which leaves the operator, keeps its
// setting).
[[nodiscard]] Protection threeGppOn(Protection base = {});

enum class AttackKind : std::uint8_t { Eavesdrop, Tamper, Replay, Inject, Downgrade, Insider };
[[nodiscard]] std::string_view name(AttackKind kind);
[[nodiscard]] std::optional<AttackKind> parseAttackKind(std::string_view text);

// Which messages an attacker acts on.
enum class MessageFilter : std::uint8_t { All, Data, Signalling };
[[nodiscard]] std::string_view name(MessageFilter filter);
[[nodiscard]] std::optional<MessageFilter> parseMessageFilter(std::string_view text);

// Which direction of data an attacker acts on.
enum class DirectionFilter : std::uint8_t { Both, Uplink, Downlink };
[[nodiscard]] std::string_view name(DirectionFilter filter);
[[nodiscard]] std::optional<DirectionFilter> parseDirectionFilter(std::string_view text);

struct AttackSpec {
    std::string id; // unique in the scenario, e.g. "a1"
    AttackKind kind = AttackKind::Eavesdrop;
    // A link for every kind but insider; a node (eNB, MME, S-GW, P-GW) for insider.
    std::optional<Link> link;
    std::optional<Node> node;
    MessageFilter messages = MessageFilter::All;
    DirectionFilter direction = DirectionFilter::Both;
    double startS = 0.0;
    std::optional<double> stopS;
    double rate = 1.0;         // probability of acting on a matching message (inject: forgeries per second)
    double replayDelayS = 5.0; // replay: how long after capture the copy is re-sent
    // downgrade: the algorithms removed from the UE security capabilities of the Attach Request (bits as in
    // UeCapabilities); by default 128-EEA1, 128-EEA2 and 128-EEA3, leaving EEA0 only.
    UeCapabilities strip{.eea = 0x70, .eia = 0x00};

    [[nodiscard]] std::string target() const; // the link or node name
    bool operator==(const AttackSpec&) const = default;
};

// A protection change at a point of simulated time (the "changes" timeline).
struct ProtectionChange {
    double atS = 0.0;
    Protection protection; // the whole configuration in force from then on
    bool operator==(const ProtectionChange&) const = default;
};

struct TrafficPattern {
    double attachSpreadS = 2.0;      // devices attach at uniform times in [0, attachSpreadS)
    double uplinkIntervalS = 10.0;   // each device reports a reading this often
    double downlinkIntervalS = 30.0; // the server sends each device a command this often (0 = never)
    bool operator==(const TrafficPattern&) const = default;
};

// How the devices behave where the standard leaves them no choice. A standard UE refuses a NAS or AS Security
// Mode Command that selects null integrity, EIA0, outside emergency bearer services (TS 24.301 5.4.3.3 and
// 5.4.3.5, TS 36.331 5.3.4.3, TS 33.401 5.1.4.1); a scenario may declare non-compliant basebands that accept
// it.
// Each device also has its UE security capabilities (by default every algorithm identity).
struct DeviceBehaviour {
    bool acceptsNullIntegrity = false;
    UeCapabilities capabilities;
    bool operator==(const DeviceBehaviour&) const = default;
};

// Devices that behave alike ("device_groups" in the file): the first group holds the scenario's first
// `devices` devices, the next group the following ones, and so on; devices beyond every group behave as the
// scenario's "ue" (the group named kDefaultGroupName).
struct DeviceGroup {
    std::string name; // unique in the scenario, not kDefaultGroupName
    std::uint32_t devices = 1;
    DeviceBehaviour ue;
    bool operator==(const DeviceGroup&) const = default;
};
inline constexpr std::string_view kDefaultGroupName = "default";

struct Scenario {
    std::string name = "untitled";
    std::string description;
    std::uint64_t seed = 1;
    double durationS = 60.0;
    std::uint32_t devices = 10;
    // At most this many devices share one cell (eNB); a run of more is split into ceil(devices /
    // devicesPerCell) cells simulated independently (core/engine/CellPlan.h). ScenarioLimits.h: 1 to
    // 1,000,000, default 50,000.
    std::uint32_t devicesPerCell = kDefaultDevicesPerCell;
    TrafficPattern traffic;
    std::string mcc = "001";
    std::string mnc = "01";
    Protection protection; // at the start
    std::vector<AttackSpec> attacks;
    std::vector<ProtectionChange> changes; // sorted by time
    DeviceBehaviour ue;                    // "ue" in the file: compliant unless declared otherwise
    std::vector<DeviceGroup> deviceGroups; // in device order; the rest of the devices behave as `ue`
    bool operator==(const Scenario&) const = default;

    // The group of device `device` (0-based): an index into deviceGroups, or deviceGroups.size() for a
    // device beyond every group (even when `devices` was lowered below the groups' sum).
    [[nodiscard]] std::size_t groupOf(std::uint32_t device) const;
    [[nodiscard]] const DeviceBehaviour& behaviourOf(std::uint32_t device) const;
    // The name of group `group` (kDefaultGroupName for deviceGroups.size()) and how many of the scenario's
    // devices it holds now.
    [[nodiscard]] std::string_view groupName(std::size_t group) const;
    [[nodiscard]] std::uint32_t groupSize(std::size_t group) const;
};

} // namespace mtcsec
