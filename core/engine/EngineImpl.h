// The engine's internals, shared by its implementation files (not part of the core's interface): the
// per-device contexts of every node as compact rows in contiguous tables, PDUs in flight, the schedule,
// attack state.
#pragma once

#include "core/crypto/Primitives.h"
#include "core/engine/Engine.h"
#include "core/engine/EventQueue.h"
#include "core/engine/Rng.h"
#include "core/engine/SpareBuffers.h"
#include "core/protocol/AppSecurity.h"
#include "core/protocol/Coap.h"
#include "core/protocol/DtlsPsk.h"
#include "core/protocol/Esp.h"
#include "core/protocol/NasMessage.h"
#include "core/protocol/NasSecurity.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/Sctp.h"

#include <array>
#include <deque>
#include <unordered_map>
#include <vector>

namespace mtcsec::engine {

// Secret tables: one row per device, in memory that is wiped when released.
template <typename T>
using SecureTable = std::vector<T, crypto::WipingAllocator<T>>;

// Node addresses (documentation and private ranges).
inline constexpr std::uint32_t kAddrEnb = 0x0a000001;      // 10.0.0.1
inline constexpr std::uint32_t kAddrMme = 0x0a000002;      // 10.0.0.2
inline constexpr std::uint32_t kAddrHss = 0x0a000003;      // 10.0.0.3
inline constexpr std::uint32_t kAddrSgw = 0x0a000004;      // 10.0.0.4
inline constexpr std::uint32_t kAddrPgw = 0x0a000005;      // 10.0.0.5
inline constexpr std::uint32_t kAddrServer = 0xc6336410;   // 198.51.100.16, the MTC server
inline constexpr std::uint32_t kAddrServerGw = 0xc6336401; // 198.51.100.1, the server site's security gateway
inline constexpr std::uint32_t kAddrDeviceBase = 0x0a800000; // devices: 10.128.0.0 + index + 1

// GTP-U tunnel endpoint ids per device: S1-U at S-GW (uplink) and eNB (downlink), S5 at P-GW and S-GW.
inline constexpr std::uint32_t kTeidS1uSgw = 0x10000000, kTeidS1uEnb = 0x20000000, kTeidS5Pgw = 0x30000000,
                               kTeidS5Sgw = 0x40000000;

enum class Mark : std::uint8_t { None, Tampered, Replayed, Forged, Downgraded };

// What the simulation knows about a PDU but the wire does not carry: whom it belongs to and what an attacker
// did to it, so that a receiver's decision can be attributed to the attack.
// 24 octets (fields ordered by alignment).
struct Meta {
    std::uint64_t attempt = 0; // the attack's attempt number (AttackTally::attempts when it acted; 0: none)
    std::uint32_t device = kNoDevice;
    std::uint32_t record = 0; // application message record (0: none)
    std::int16_t attack = -1;
    Mark mark = Mark::None;
    bool signalling = false;
    bool initialAttach = false; // a plain Attach Request: LTE has no security context to protect it with
    bool beforeChange = false;  // a replayer's copy captured before the last protection change
};

// A slot of the pool of PDUs: free, on a link, or a replayer's copy waiting to be re-sent.
enum class SlotState : std::uint8_t { Free, OnLink, HeldForReplay };

// 64 octets (fields ordered by alignment).
struct InFlight {
    Bytes bytes;
    Meta meta;
    SimTime heldSince = 0; // a replayer's copy: when it was captured
    std::uint32_t pduId = 0;
    SlotState state = SlotState::Free;
    Link link = Link::Uu;
    bool downlink = false;
};

enum class UeState : std::uint8_t { Idle, Attaching, Attached };

// The device: USIM, NAS and AS contexts, PDCP counters, end-to-end session. Fields ordered by alignment (no
// padding inside: 368 octets). CK and IK, wanted only by the key log, are kept apart (Engine::Impl::ckIk). K
// and OPc are the subscription's only copy: the HSS (Hss.cpp) reads the same storage (its view of the
// subscriber data it shares with the USIM, TS 33.102 6.3), so a device costs them once.
struct UeContext {
    std::uint64_t sqn = 0; // highest SQN accepted by the USIM
    protocol::ReplayWindow appWindow;
    protocol::NasSecurityContext nas;
    protocol::PdcpCounter srbTx, drbTx, srbRx, drbRx;
    std::uint32_t appSeq = 0;
    std::uint32_t attachGeneration = 0;
    std::uint32_t address = 0;
    std::array<std::uint8_t, 16> k{};
    std::array<std::uint8_t, 16> opc{};
    std::array<std::uint8_t, 16> appMaster{}; // the end-to-end master key, shared with the server
    std::array<std::uint8_t, 32> kasme{};
    std::array<std::uint8_t, 32> kenb{};
    protocol::AsSecurityContext as;
    protocol::AppKeys app;
    std::int16_t downgradeAttack = -1; // an attacker changed this attach's capabilities (bookkeeping)
    protocol::UeSecurityCapabilities capabilities;
    UeState state = UeState::Idle;
    bool nasActive = false;
    bool haveKasme = false;
};

struct MmeContext {
    std::array<std::uint8_t, 32> kasme{};
    std::array<std::uint8_t, 16> xres{};
    protocol::NasSecurityContext nas;
    protocol::UeSecurityCapabilities receivedCapabilities;
    std::uint8_t xresLength = 0;
    bool nasActive = false;
    bool known = false;          // an Initial UE Message has been seen
    bool attached = false;       // Attach Complete received
    bool awaitingVector = false; // an Authentication-Information-Request is outstanding
};

// The eNB's view of a device (104 octets, no padding). The NAS PDU of an Initial Context Setup waiting for AS
// security is kept aside (Engine::Impl::enbPendingNas): few devices have one at any time.
struct EnbContext {
    protocol::PdcpCounter srbTx, drbTx, srbRx, drbRx;
    std::array<std::uint8_t, 32> kenb{};
    protocol::AsSecurityContext as;
    bool contextUp = false;
    // The UE security capabilities from the MME's Initial Context Setup (TS 36.413 9.2.1.40).
    protocol::UeSecurityCapabilities capabilities;
};

// The HSS's subscriber record: the SQN it last issued. K and OPc are read from the USIM's row (UeContext):
// one copy of the subscription data for both views of it.
struct HssRecord {
    std::uint64_t sqn = 0;
};

// The MTC server's side of a device's end-to-end session: its sequence number and replay window. The master
// key and the session keys are pre-shared, always the same on both ends (newAppSession and applyProtection
// write them for both at once): the server reads the device's row (UeContext::appMaster, UeContext::app), one
// copy of each key per device.
struct ServerContext {
    protocol::ReplayWindow appWindow;
    std::uint32_t appSeq = 0;
};

// End-to-end mode dtls (EngineDtls.cpp): one device's DTLS client and the server's side of it, made when
// first needed: about 20 KiB per associated device (two Botan channels with their keys, buffers and the
// last flight kept for retransmission; RunSummary.h kDtlsBytesPerDevice), 40 octets without one.
struct DtlsDevice {
    std::unique_ptr<protocol::DtlsPskEndpoint> client;
    std::unique_ptr<protocol::DtlsPskServer> server;
    SimTime handshakeStarted = 0;
    SimTime lastTraffic = 0; // the device's last DTLS datagram sent or received
    std::uint32_t handshakes = 0;
    bool readingWaits = false; // a reading waits for the handshake
};

// The fate of one application message (RunSummary.h DirectionAccounting).
enum class Fate : std::uint8_t {
    Pending,
    DeliveredIntact,
    DeliveredAltered,
    DroppedIntegrity,
    DroppedReplay,
    DroppedMalformed,
    DroppedCollateral,
    DroppedOther
};

// One application message as sent, to classify what a receiver later accepts: 8 octets, its payload kept as
// the values it was made from (protocol/Coap.h readingPayload, commandPayload).
struct AppRecord {
    std::uint32_t device = 0;
    std::int16_t tenths = 0; // the reading's temperature in tenths of a degree
    Fate fate = Fate::Pending;
    bool uplink : 1 = true;
    bool delivered : 1 = false;
    bool flag : 1 = false; // the reading's alarm, or the command's "open"
    [[nodiscard]] std::string payload() const
    {
        return uplink ? protocol::readingPayload(tenths, flag) : protocol::commandPayload(flag);
    }
};
static_assert(sizeof(AppRecord) == 8);

// The last PDCP SN an attacker saw per device, direction and bearer (key: device << 2 | downlink << 1 | drb):
// a flat table of 2 octets per key for the scenario's devices (built on first use), a map for any other key.
class SnMemory {
public:
    void set(std::uint64_t key, std::uint16_t sn, std::uint32_t devices)
    {
        if (key < std::uint64_t{4} * devices) {
            if (flat_.empty())
                flat_.assign(std::size_t{4} * devices, kUnknown);
            flat_[static_cast<std::size_t>(key)] = sn;
        } else {
            other_[key] = sn;
        }
    }
    [[nodiscard]] std::optional<std::uint16_t> get(std::uint64_t key) const
    {
        if (key < flat_.size())
            return flat_[static_cast<std::size_t>(key)] == kUnknown
                       ? std::nullopt
                       : std::optional<std::uint16_t>(flat_[static_cast<std::size_t>(key)]);
        const auto found = other_.find(key);
        return found == other_.end() ? std::nullopt : std::optional<std::uint16_t>(found->second);
    }

private:
    static constexpr std::uint16_t kUnknown = 0xffff; // PDCP SNs have at most 12 bits
    std::vector<std::uint16_t> flat_;
    std::unordered_map<std::uint64_t, std::uint16_t> other_;
};

// A message lost as an attacker's collateral (8 octets), kept so that a late delivery can take it back.
struct CollateralLoss {
    std::uint32_t record = 0;
    std::int16_t attack = -1; // the attacker; -1: taken back (the message was delivered late)
    bool detached = false;    // counted as by a forged Detach Request (else by a PDCP COUNT)
};

struct AttackRuntime {
    AttackTally tally;
    std::uint32_t probability = 0;
    SimTime start = 0;
    SimTime stop = 0;
    // What the attacker learned by watching its link: the last PDCP SN per device and direction, the
    // capabilities a downgraded device really sent.
    SnMemory lastSn;
    std::unordered_map<std::uint32_t, protocol::UeSecurityCapabilities> originalCapabilities;
};

struct Engine::Impl {
    // `first`: the global index of the scenario's first device (Engine(Scenario, std::uint32_t)).
    Impl(Scenario s, std::uint32_t first);

    // engine loop (Engine.cpp)
    void schedule(SimTime at, Action action, std::uint32_t a = 0, std::uint32_t b = 0);
    void dispatch(const Scheduled& s);
    void log(EventKind kind, std::uint8_t place, std::uint32_t device, std::uint32_t value = 0,
             std::uint8_t detail = 0, std::int16_t attack = -1, std::uint32_t pdu = 0);
    void flushToObserver();
    std::uint32_t allocate();
    void applyProtection(const Protection& p, bool fromTimeline);
    SimTime latency(Link link);
    std::uint16_t nextIpId() { return static_cast<std::uint16_t>(++ipId_); }

    // transmission (EngineTransport.cpp)
    // Puts a PDU on a link: attackers act on it, it is logged and kept (with the sender's view `plain`, the
    // bytes inside this hop's protection) for the inspector, and it arrives after the link's latency.
    void send(Link link, bool downlink, Bytes bytes, const Meta& meta, bool attackerOriginated = false,
              ByteView plain = {});
    // An IPv4 packet from `src` to `dst` carrying `payload`: in SCTP on the S1-MME and S6a associations
    // (sctpPacket), in UDP from and to `port` elsewhere; then in ESP where NDS/IP protects the link.
    void sendBackhaul(Link link, bool downlink, std::uint32_t src, std::uint32_t dst, std::uint16_t port,
                      ByteView payload, const Meta& meta);
    // The next SCTP packet of the link's association in this direction: the device's stream, the link's
    // PPID, the next TSN and SSN. An attacker's forged packet takes them too: the simulation keeps one TSN
    // sequence per direction, so that no packet repeats a TSN (the receivers keep no SCTP receive state).
    void sctpPacket(Bytes& out, Link link, bool downlink, std::uint32_t device, ByteView payload);
    // A replayed IPv4/SCTP packet (outside ESP) given the association's next TSN and SSN, its checksum
    // written again: the TSN before and after; empty (nothing changed) for any other packet.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> resequenceSctp(Link link, bool downlink,
                                                                          Bytes& ipPacket);
    // The IPv4 packet `ipPacket` on SGi, in ESP where NDS/IP protects it (read only: it may lie in a buffer
    // the caller reuses).
    void sendSgi(bool downlink, ByteView ipPacket, const Meta& meta);
    // Removes NDS/IP if present and enforces the receiving end's policy; the inner IPv4 packet, or empty
    // (dropped). The view is into `pdu` or into backhaulInner: valid until the next receiveBackhaul or the
    // end of the arrival (nothing copied).
    std::optional<ByteView> receiveBackhaul(Link link, bool downlink, Node node, const InFlight& pdu);
    Bytes backhaulInner; // the inner packet of the last ESP packet received
    // What the eNB's and the device's PDCP made of the last Uu PDU they received (enbFromUu, ueFromUu): kept
    // so that its payload's buffer is reused from PDU to PDU.
    protocol::PdcpReceived enbUuReceived;
    protocol::PdcpReceived ueUuReceived;
    // Buffers reused from packet to packet on the sending side: the inner IPv4 packet that sendBackhaul seals
    // into ESP, and the GTP-U packet a tunnel end passes to sendBackhaul (Enb.cpp, Gateways.cpp).
    Bytes backhaulPacket;
    Bytes gtpPacket;
    // The IPv4 packet of an application message an end sends (Ue.cpp, MtcServer.cpp): read only by the
    // layer below (PDCP on Uu, ESP or a copy on SGi) and the inspector's plain view.
    Bytes appPacket;
    Bytes appPayload; // its UDP payload (protectApp), in a buffer reused the same way
    Bytes appCoap;    // the CoAP message inside (encodeCoap), the same way
    // What the last end-to-end receiver (device or server) made of an application message: its CoAP buffer
    // reused from message to message (valid until the next one is received).
    protocol::AppUnprotected appReceived;
    // The buffers of PDUs on links: a PDU's bytes are taken from here when it is built and go back when it is
    // delivered or dropped (freeSlot), so that sending a PDU allocates nothing once warm; also lends a
    // buffer for a temporary (taken and given back in the same call).
    SpareBuffers spares;
    void arrive(std::uint32_t slot);
    void drop(Node node, const Meta& meta, DropReason reason);
    void settle(Node node, const Meta& meta, bool succeeded, DropReason reason = DropReason::Integrity);
    // An attacker's attempt that neither was blocked nor succeeded (`attempt`: its number, 0 for the device's
    // latest attempt of that attack, as CaptureSink's AttemptDecision).
    void noEffect(Node node, std::int16_t attack, std::uint32_t device, NoEffectReason reason,
                  std::uint64_t attempt = 0);
    // The one fate of the genuine application message a PDU carries (none for an attacker's copy or forgery).
    void settleMessage(const Meta& meta, Fate fate, std::int16_t collateralOf = -1);
    // A replayed or forged PDU accepted by a PDCP receiver has advanced its COUNT: genuine PDUs that follow
    // may be discarded, as this attacker's collateral, until one gets through again.
    void markDisturbed(const Meta& meta, bool uplink);
    void freeSlot(std::uint32_t slot);
    void newSecurityAssociations(Link link);

    // procedures, one file per node (Ue.cpp, Enb.cpp, Mme.cpp, Hss.cpp, Gateways.cpp, MtcServer.cpp)
    void startAttach(std::uint32_t device);
    void attachTimeout(std::uint32_t device, std::uint32_t generation);
    void ueSendNas(std::uint32_t device, ByteView nasPdu);
    void ueSendUplink(std::uint32_t device, std::uint32_t generation);
    void serverSendDownlink(std::uint32_t device, std::uint32_t generation);
    Bytes ueProtectNas(std::uint32_t device, ByteView plain, std::uint8_t securityHeaderType);
    Bytes mmeProtectNas(std::uint32_t device, ByteView plain, std::uint8_t securityHeaderType);
    void mmeNas(std::uint32_t device, const Meta& meta, ByteView nasPdu);
    void deliverApplication(Node node, std::uint32_t device, const Meta& meta, bool uplink, ByteView coap);
    // The transport payload of a backhaul packet to `port` (the SCTP user message on S1-MME and S6a, the UDP
    // payload elsewhere), after NDS/IP; empty when it was dropped (and accounted). A view, as
    // receiveBackhaul.
    std::optional<ByteView> payloadFromBackhaul(Link link, bool downlink, Node node, const InFlight& pdu,
                                                std::uint16_t port);
    // The device and the inner packet of a GTP-U packet (a view, as receiveBackhaul).
    std::optional<std::pair<std::uint32_t, ByteView>>
    gtpFromBackhaul(Link link, bool downlink, Node node, const InFlight& pdu, std::uint32_t teidBase,
                    const std::vector<std::uint8_t>* bearer);
    std::array<std::uint8_t, 3> snId() const;
    void ueFromUu(InFlight& pdu);
    void ueNas(std::uint32_t device, const Meta& meta, ByteView nasPdu);
    void ueApplication(std::uint32_t device, const Meta& meta, ByteView ipPacket);
    // A compliant device refuses a Security Mode Command that selects EIA0 and gives the attach up.
    void ueRefuseSecurityMode(std::uint32_t device, const Meta& meta, SecurityLayer layer);
    // The device's attach (or its service) ended in failure: idle, a new attempt after the guard time.
    void ueAttachFailed(std::uint32_t device);
    void enbFromUu(InFlight& pdu);
    void enbFromS1Mme(InFlight& pdu);
    void enbFromS1u(InFlight& pdu);
    void enbSendSrb(std::uint32_t device, ByteView rrc, const Meta& meta);
    // The device's PDCP PDU on SRB1 (an RRC message) or DRB1 (an IP packet) under its AS context, built in a
    // spare buffer and sent on Uu uplink (TS 36.323 6.2.2, 6.2.4).
    void ueSendSrb(std::uint32_t device, ByteView rrc, const Meta& meta);
    void ueSendDrb(std::uint32_t device, ByteView packet, const Meta& meta);
    void mmeFromS1(InFlight& pdu);
    void mmeFromS6a(InFlight& pdu);
    void mmeSendNas(std::uint32_t device, ByteView nasPdu, const Meta& meta,
                    bool initialContextSetup = false);
    void mmeSecurityModeCommand(std::uint32_t device, const Meta& meta);
    void hssFromS6a(InFlight& pdu);
    void sgwFromS1u(InFlight& pdu);
    void sgwFromS5(InFlight& pdu);
    void pgwFromS5(InFlight& pdu);
    void pgwFromSgi(InFlight& pdu);
    void serverFromSgi(InFlight& pdu);
    void enbAsSecurityModeCommand(std::uint32_t device, const Meta& meta);
    void newAppSession(std::uint32_t device);
    // End-to-end mode dtls (EngineDtls.cpp): whether the device can send a reading now; otherwise starts (or
    // lets run) the handshake, and the reading follows when it completes.
    bool ueDtlsReady(std::uint32_t device);
    void ueSendDtls(std::uint32_t device, ByteView datagram, const Meta& meta);
    void serverSendDtls(std::uint32_t device, ByteView datagram, const Meta& meta);
    void ueFromDtls(std::uint32_t device, const Meta& meta, ByteView datagram);
    void serverFromDtls(std::uint32_t device, const Meta& meta, ByteView datagram);
    // What a DTLS endpoint said about a datagram it received: the flight it answers with goes out, the
    // application data is delivered, a refusal is accounted.
    void dtlsOutcome(Node node, std::uint32_t device, const Meta& meta, protocol::DtlsOutput& out);
    void ueSendReading(std::uint32_t device);
    void countDtls(ByteView datagram, const Meta& meta);
    protocol::DtlsPskCredentials dtlsCredentials(std::uint32_t device) const;
    // Throws InvalidInput when `p` asks for dtls in a run with more devices than kDtlsMaxDevices.
    void requireDtlsFits(const Protection& p) const;
    // The capture sink's view of the keys (Engine.cpp): the AS context a Uu sender switches to, an ESP SA.
    void captureUuSecurity(std::uint32_t device, bool downlink, const protocol::AsSecurityContext& as);
    void captureEspSa(Link link, std::size_t direction);
    // Device identities come from the device's global index (firstDevice + its index in this engine): the
    // IP address, the IMSI, the GTP-U TEIDs and the OSCORE ids of the devices of every cell differ.
    std::uint32_t globalDevice(std::uint32_t device) const { return firstDevice + device; }
    std::uint32_t deviceAddress(std::uint32_t device) const
    {
        return kAddrDeviceBase + globalDevice(device) + 1;
    }
    std::uint32_t teid(std::uint32_t base, std::uint32_t device) const { return base + globalDevice(device); }
    std::optional<std::uint32_t> deviceOfAddress(std::uint32_t address) const;
    std::string imsiOf(std::uint32_t device) const;

    // attacks (EngineAttacks.cpp)
    void attackLink(Link link, bool downlink, Bytes& bytes, Meta& meta, std::uint32_t pduId);
    void insiderSees(Node node, const Meta& meta, ByteView bytes, bool nasPdu);
    void inject(std::uint32_t attackIndex);
    void replayFire(std::uint32_t slot, std::uint32_t attackIndex);
    bool attackActive(const AttackRuntime& a) const
    {
        return now >= a.start && now < a.stop && !a.tally.removed;
    }
    void addExample(AttackRuntime& a, std::uint32_t device, bool signalling, std::string what,
                    ByteView before, ByteView after);
    // Counts what a passive attacker got from one PDU (and keeps an example); returns it for the log.
    Reading tallyReading(AttackRuntime& a, const struct Finding& f, const Meta& meta, bool signalling,
                         ByteView bytes);
    // Whether an active attacker's action needs its text and its bytes before and after: for the capture
    // sink, or as an example addExample keeps.
    bool wantsText(const AttackRuntime& a, bool signalling) const;
    // Whether tallyReading keeps an example of this finding (its text is then needed: dissect with text).
    bool keepsExample(const AttackRuntime& a, const struct Finding& f, bool signalling) const;
    void observeSn(AttackRuntime& a, Link link, bool downlink, std::uint32_t device, ByteView bytes);
    void scheduleAttack(std::uint32_t index);
    std::uint32_t addAttackRuntime(const AttackSpec& spec);

    // The global index of this engine's device 0: 0 for a whole run, a cell's first device when the run is
    // split into cells (core/engine/CellPlan.h). Every table here is indexed by the local index.
    std::uint32_t firstDevice = 0;
    Scenario scenario;
    Protection protection;
    Rng rng;
    EventLog eventLog;
    EngineObserver* observer = nullptr;
    std::uint64_t reported = 0; // events reported to the observer (all of them when there is none)
    // When the log spills: the events kept in memory before they go to its file.
    static constexpr std::size_t kEventWindow = 65536;
    SimTime now = 0;
    SimTime end = 0;
    std::uint64_t order = 0;
    std::uint32_t ipId_ = 0;
    EventQueue queue;
    // A deque, not a vector: a receiver holds its arriving PDU's slot (InFlight&, its Meta, views into its
    // bytes) while it sends, and a send may add a slot; a deque's emplace_back moves no element.
    std::deque<InFlight> pool;
    std::vector<std::uint32_t> freeSlots;

    SecureTable<UeContext> ue;
    SecureTable<MmeContext> mme;
    SecureTable<EnbContext> enb;
    SecureTable<HssRecord> hss;
    SecureTable<ServerContext> server;
    // Per device: CK || IK of the USIM's last AKA (TS 33.102 6.3.3), for the key log only. Kept while the
    // engine keeps PDUs (the default, the GUI) or has a capture sink: a headless run without one (mtcsec run,
    // bench: setKeepPdus(false)) keeps none. Made at the first AKA that keeps them; all zero: not known.
    SecureTable<std::array<std::uint8_t, 32>> ckIk;
    bool keepCkIk = true;
    // The eNB's NAS PDU of an Initial Context Setup per device, sent once AS security is on (Enb.cpp).
    std::unordered_map<std::uint32_t, Bytes> enbPendingNas;
    std::vector<std::uint8_t> sgwBearer;
    std::vector<std::uint8_t> pgwBearer;
    std::vector<std::uint32_t> appSession; // end-to-end session number per device
    std::vector<DtlsDevice> dtls;          // end-to-end mode dtls, per device
    DtlsCounters dtlsCounters;

    std::vector<AppRecord> records;
    MessageAccounting accounting;
    // The messages lost as an attacker's collateral, sorted by record (losses come nearly in record order, so
    // an insertion lands near the end): a replayed copy accepted later delivers such a message after all, and
    // the loss is then taken back from the attacker's tally (Ue.cpp deliverApplication).
    std::vector<CollateralLoss> collateralLosses;
    // Per device and direction (0 uplink, 1 downlink): the attacker whose accepted PDU disturbed the PDCP
    // receiver's COUNT, or -1; per device: the attacker whose forged Detach Request the device accepted, or
    // -1.
    std::vector<std::array<std::int16_t, 2>> disturbedBy;
    std::vector<std::int16_t> detachedBy;
    std::vector<AttackRuntime> attacks;
    TrafficCounters traffic;
    std::vector<ProtectionChange> appliedChanges;
    // The negotiation's outcome so far (RunSummary::selections), in the order first seen; counted by
    // countSelection (AlgorithmSelection.cpp) at each Security Mode Command or refusal.
    std::vector<AlgorithmSelectionCount> selections;
    void countSelection(std::uint32_t device, AlgorithmSelectionCount what);

    // NDS/IP security associations per link and direction (0 uplink, 1 downlink): the current one and the
    // previous one (for packets still in flight when a new SA is negotiated).
    std::array<std::array<protocol::EspSa, 2>, kLinkCount> sa{};
    std::array<std::array<std::optional<protocol::EspSa>, 2>, kLinkCount> previousSa{};
    std::uint32_t nextSpi = 0x1000;

    // The sending side of the SCTP associations per link and direction (S1-MME and S6a; EngineTransport.cpp).
    std::array<std::array<protocol::SctpSender, 2>, kLinkCount> sctp{};
    void setUpSctp();

    std::array<std::array<SimTime, 2>, kLinkCount> lastArrival{}; // per link and direction: FIFO delivery
    std::uint32_t nextPduId = 1;
    std::vector<PduRecord> recentPdus; // ring of the last kRecentPdus PDUs, by id (empty: none kept)
    // Whether PDUs are kept in the ring (Engine::setKeepPdus; the default, the GUI): the ring is made at the
    // first PDU sent, so that a headless run, which switches keeping off before it starts, never makes it.
    bool keepPdus = true;
    PduRecord capturedPdu; // the PDU handed to the capture sink when the ring is off
    class CaptureSink* capture = nullptr;
    // Reports the keys of a device at `where` to the capture sink.
    void captureKeys(std::uint32_t device, const char* where);
    std::vector<std::uint8_t> recentReadings; // 1 + Reading per PDU in the ring when classifying, 0 unknown
    bool classifyPdus = false;
    static constexpr std::uint32_t kRecentPdus = 65536;

    // The inspector's receiving side (EngineTransport.cpp): the PDU whose arrival is being processed (0:
    // none) and its record in the ring, if still kept; a refusal is noted on it once.
    std::uint32_t arrivingPdu = 0;
    bool keepReceiverView = false; // Engine::setKeepReceiverView
    PduRecord* keptRecord(std::uint32_t pduId);
    void noteRefused(DropReason reason);

    // At the last protection change (Engine.cpp): when, and the tallies (without examples) and accounting
    // then, so that the summary can state the verdicts over what happened since.
    std::optional<SimTime> lastChangeAt;
    std::vector<AttackTally> talliesAtChange;
    MessageAccounting accountingAtChange;
    std::uint32_t recordsAtChange = 0; // records.size() then: the messages sent before it
    // Per attack: what was decided since the last change on PDUs protected before it (EngineSummary.cpp
    // moves it to no effect "before-change" in the tallies since the change).
    std::vector<AttackTally> decidedBeforeChange;
    // Whether `meta`'s PDU was protected before the last protection change: an application message sent
    // before it, a replayer's copy captured before it, or an attacker's attempt made before it.
    [[nodiscard]] bool protectedBeforeChange(const Meta& meta) const;
    // Where attacker `attack`'s decision now about `meta`'s PDU is counted as well when that PDU was
    // protected before the last change (decidedBeforeChange[attack]), else nullptr.
    AttackTally* beforeChangeTally(std::size_t attack, const Meta& meta);
};

} // namespace mtcsec::engine
