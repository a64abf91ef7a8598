// The built-in scenarios of PRODUCT.md section 8: each a protection set and the attacks that show its lesson.
#include "core/scenario/Presets.h"

#include <algorithm>
#include <utility>

namespace mtcsec {
namespace {

AttackSpec attackOn(AttackKind kind, Link link, MessageFilter messages = MessageFilter::All,
                    DirectionFilter direction = DirectionFilter::Both)
{
    AttackSpec attack;
    attack.kind = kind;
    attack.link = link;
    attack.messages = messages;
    attack.direction = direction;
    return attack;
}

AttackSpec at(AttackSpec attack, double rate)
{
    attack.rate = rate;
    return attack;
}

AttackSpec from(AttackSpec attack, double startS)
{
    attack.startS = startS;
    return attack;
}

AttackSpec insiderAt(Node node)
{
    AttackSpec attack;
    attack.kind = AttackKind::Insider;
    attack.node = node;
    return attack;
}

AppProtection app(std::string_view presetName)
{
    return appPreset(presetName).value();
}

Protection nasOnly()
{
    Protection protection;
    protection.nas = {.integrity = crypto::IntegrityAlgorithm::Eia2,
                      .ciphering = crypto::CipheringAlgorithm::Eea2};
    return protection;
}

Protection withApp(Protection protection, std::string_view appName)
{
    protection.app = app(appName);
    return protection;
}

// A preset whose lesson needs null integrity (EIA0) with security activated: its devices are declared
// non-compliant, since a standard device refuses such a Security Mode Command (TS 24.301 5.4.3.3).
Preset acceptingNullIntegrity(Preset p)
{
    p.scenario.ue.acceptsNullIntegrity = true;
    return p;
}

// A preset: 10 devices for 60 s with seed 1, the attacks numbered a1, a2, ... in order.
Preset preset(std::string_view presetName, std::string_view description, Protection protection,
              std::vector<AttackSpec> attacks)
{
    Scenario scenario;
    scenario.name = std::string(presetName);
    scenario.description = std::string(description);
    scenario.seed = 1;
    scenario.durationS = 60.0;
    scenario.devices = 10;
    scenario.protection = protection;
    scenario.attacks = std::move(attacks);
    for (std::size_t i = 0; i < scenario.attacks.size(); ++i)
        scenario.attacks[i].id = "a" + std::to_string(i + 1);
    return {std::string(presetName), std::string(description), std::move(scenario)};
}

std::vector<Preset> buildPresets()
{
    using enum AttackKind;
    const MessageFilter all = MessageFilter::All;
    const MessageFilter data = MessageFilter::Data;

    std::vector<Preset> out;
    out.push_back(acceptingNullIntegrity(
        preset("default",
               "The first screen: traffic flows with no protection and no attacker, and everything is "
               "readable.",
               Protection{}, {})));
    out.push_back(acceptingNullIntegrity(preset(
        "unprotected", "With no protection anywhere, eavesdropping and tampering break every requirement.",
        Protection{},
        {attackOn(Eavesdrop, Link::Uu, all), attackOn(Eavesdrop, Link::S1U, all),
         at(attackOn(Tamper, Link::Uu, data), 0.5)})));
    out.push_back(preset("3gpp-only",
                         "The operator's network protects its own hops, not the data beyond the P-GW.",
                         threeGppOn(),
                         {attackOn(Eavesdrop, Link::Uu, all), attackOn(Eavesdrop, Link::SGi, all),
                          at(attackOn(Tamper, Link::SGi, data), 0.5)}));
    out.push_back(acceptingNullIntegrity(
        preset("app-only",
               "End-to-end application security keeps the data safe from device to server, but the "
               "signalling is left exposed.",
               withApp(Protection{}, "aead"),
               {attackOn(Eavesdrop, Link::Uu, all), at(attackOn(Tamper, Link::Uu, data), 0.5),
                from(at(attackOn(Inject, Link::Uu, MessageFilter::Signalling), 0.2), 5.0)})));
    {
        // app-only's network with standard devices: they refuse null integrity, so the forged Detach of R1
        // finds no one to detach until the operator switches NAS and AS integrity on at 30 s.
        Preset p =
            preset("null-integrity-refused",
                   "Standard devices refuse null integrity (EIA0): none attaches until integrity is "
                   "switched on halfway, so the forged Detach that breaks R1 in app-only never succeeds.",
                   withApp(Protection{}, "aead"),
                   {attackOn(Eavesdrop, Link::Uu, all),
                    from(at(attackOn(Inject, Link::Uu, MessageFilter::Signalling), 0.2), 5.0)});
        Protection later = p.scenario.protection;
        later.nas = nasOnly().nas;
        later.as = threeGppOn().as;
        p.scenario.changes.push_back({.atS = 30.0, .protection = later});
        out.push_back(std::move(p));
    }
    {
        std::vector<AttackSpec> attacks;
        for (const Link link : {Link::Uu, Link::S1U, Link::SGi}) {
            attacks.push_back(attackOn(Eavesdrop, link, all));
            attacks.push_back(at(attackOn(Tamper, link, data), 0.25));
            attacks.push_back(at(attackOn(Replay, link, data), 0.25));
        }
        out.push_back(
            preset("defence-in-depth",
                   "With 3GPP security and end-to-end AEAD together, application data stays confidential "
                   "and intact everywhere.",
                   withApp(threeGppOn(), "aead"), std::move(attacks)));
    }
    {
        Protection protection = threeGppOn();
        protection.setNds(Link::S1U, false);
        out.push_back(
            preset("backhaul-eavesdrop",
                   "Air-interface ciphering ends at the eNB: without NDS/IP, S1-U carries the data in the "
                   "clear.",
                   protection, {attackOn(Eavesdrop, Link::S1U, all)}));
    }
    out.push_back(preset("malleable-ciphertext",
                         "Ciphering without integrity lets an attacker flip bits of a reading undetected.",
                         threeGppOn(), {at(attackOn(Tamper, Link::Uu, data, DirectionFilter::Uplink), 0.5)}));
    {
        // RRC integrity on too: a standard device refuses an AS Security Mode Command with EIA0.
        Protection protection = nasOnly();
        protection.as.rrcIntegrity = crypto::IntegrityAlgorithm::Eia2;
        out.push_back(
            preset("bidding-down",
                   "A bidding-down attack on the Attach Request is caught by the capabilities replayed in "
                   "the integrity-protected Security Mode Command.",
                   protection, {at(attackOn(Downgrade, Link::Uu), 0.5)}));
    }
    {
        // Negotiation across families (TS 33.401 7.2.4.2, 7.2.4.3): the operator prefers AES and accepts
        // SNOW 3G; a device group supports only SNOW 3G. The downgrade strips AES from the Attach Requests of
        // the other devices to bid them down to SNOW 3G; the capabilities replayed in the integrity-protected
        // Security Mode Command catch it (TS 33.401 7.2.4.4).
        using crypto::CipheringAlgorithm;
        using crypto::IntegrityAlgorithm;
        Protection protection = threeGppOn();
        const std::vector<IntegrityAlgorithm> eia = {IntegrityAlgorithm::Eia2, IntegrityAlgorithm::Eia1};
        const std::vector<CipheringAlgorithm> eea = {CipheringAlgorithm::Eea2, CipheringAlgorithm::Eea1,
                                                     CipheringAlgorithm::Eea0};
        protection.nas.integrityList = protection.as.rrcIntegrityList = eia;
        protection.nas.cipheringList = protection.as.rrcCipheringList = protection.as.upCipheringList = eea;
        AttackSpec downgrade = at(attackOn(Downgrade, Link::Uu), 0.5);
        downgrade.strip = {.eea = UeCapabilities::bit(2),
                           .eia = UeCapabilities::bit(2)}; // 128-EEA2, 128-EIA2
        Preset p =
            preset("mixed-snow3g",
                   "A device group that supports only SNOW 3G attaches with 128-EIA1/EEA1 beside AES "
                   "devices; bidding those down from EIA2 to EIA1 is caught by the replayed capabilities.",
                   protection, {downgrade});
        DeviceGroup snow3g;
        snow3g.name = "snow3g-only";
        snow3g.devices = 4;
        snow3g.ue.capabilities = {.eea = 0xc0, .eia = 0x40}; // EEA0, 128-EEA1; 128-EIA1
        p.scenario.deviceGroups.push_back(snow3g);
        out.push_back(std::move(p));
    }
    out.push_back(
        preset("insider-pgw",
               "Hop-by-hop protection ends inside each node: a compromised P-GW reads everything that "
               "is not protected end to end.",
               threeGppOn(), {insiderAt(Node::PGW)}));
    {
        AttackSpec replay = attackOn(Replay, Link::SGi, data, DirectionFilter::Downlink);
        replay.replayDelayS = 5.0;
        Preset p = preset("replay-command",
                          "Integrity alone does not stop a replayed command; the replay window switched on "
                          "halfway does.",
                          withApp(threeGppOn(), "integrity"), {replay});
        p.scenario.traffic.downlinkIntervalS = 10.0;
        Protection later = p.scenario.protection;
        later.app.replayProtection = true; // integrity + replay protection, still no confidentiality
        p.scenario.changes.push_back({.atS = 30.0, .protection = later});
        out.push_back(std::move(p));
    }
    // Issue 15, oscore part: the real IoT standard on the blue line.
    out.push_back(
        preset("oscore-insider",
               "OSCORE protects the readings end to end: a compromised P-GW sees only the CoAP header, "
               "the token and the OSCORE option (kid, Partial IV), not the reading.",
               withApp(threeGppOn(), "oscore"),
               {insiderAt(Node::PGW), at(attackOn(Tamper, Link::SGi, data), 0.25),
                from(at(attackOn(Inject, Link::SGi, data), 0.2), 5.0)}));
    {
        AttackSpec replay = attackOn(Replay, Link::SGi, data);
        replay.replayDelayS = 5.0;
        Preset p =
            preset("oscore-replay",
                   "A replayed reading or command carries a Partial IV the receiver has seen: OSCORE's "
                   "replay window drops it (RFC 8613 7.4).",
                   withApp(threeGppOn(), "oscore"), {replay});
        p.scenario.traffic.downlinkIntervalS = 10.0;
        out.push_back(std::move(p));
    }
    // Issue 15, dtls part: CoAP over DTLS 1.2 PSK, and its handshake's cost.
    {
        // CoAP over DTLS 1.2 PSK end to end beyond the operator's network: the attackers on SGi meet Botan's
        // record checks (CCM_8 tag, replay window) and read nothing of the CoAP.
        std::vector<AttackSpec> attacks = {attackOn(Eavesdrop, Link::SGi, all),
                                           at(attackOn(Tamper, Link::SGi, data), 0.1),
                                           at(attackOn(Replay, Link::SGi, data), 0.1),
                                           from(at(attackOn(Inject, Link::SGi, data), 0.2), 5.0)};
        out.push_back(
            preset("dtls-end-to-end",
                   "CoAP over DTLS 1.2 with a pre-shared key (TLS_PSK_WITH_AES_128_CCM_8, as LwM2M): "
                   "tampered records fail their tag, replayed ones the record window, forged ones "
                   "authentication, and the eavesdropper sees only record headers.",
                   withApp(threeGppOn(), "dtls"), std::move(attacks)));
    }
    {
        // A device that wakes once an hour has lost its association (the NAT binding expired) and pays the
        // full DTLS handshake before each reading; OSCORE (RFC 8613) would send the reading at once.
        Preset p =
            preset("dtls-vs-oscore-wakeup",
                   "A device that wakes once an hour pays the whole DTLS handshake (three round trips, "
                   "about 720 octets) before each 15-octet reading; OSCORE needs no handshake.",
                   withApp(threeGppOn(), "dtls"), {attackOn(Eavesdrop, Link::SGi, all)});
        p.scenario.durationS = 4 * 3600.0;
        p.scenario.traffic.uplinkIntervalS = 3600.0;
        p.scenario.traffic.downlinkIntervalS = 0.0;
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace

const std::vector<Preset>& presets()
{
    static const std::vector<Preset> all = buildPresets();
    return all;
}

std::optional<Scenario> presetScenario(std::string_view name)
{
    const auto& all = presets();
    const auto it = std::find_if(all.begin(), all.end(), [name](const Preset& p) { return p.name == name; });
    if (it == all.end())
        return std::nullopt;
    return it->scenario;
}

} // namespace mtcsec
