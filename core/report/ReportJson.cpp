// The mtcsec-report/1 JSON document.
#include "core/report/ReportJson.h"

#include "core/crypto/Hex.h"
#include "core/protocol/E2eOverhead.h"
#include "core/scenario/CapabilitiesJson.h"
#include "core/scenario/ProtectionJson.h"
#include "core/scenario/ScenarioJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mtcsec::report {

using namespace engine;

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QJsonValue count(std::uint64_t v)
{
    return static_cast<qint64>(v);
}

QJsonObject directionJson(const DirectionAccounting& d)
{
    return QJsonObject{
        {QStringLiteral("sent"), count(d.sent)},
        {QStringLiteral("delivered_intact"), count(d.deliveredIntact)},
        {QStringLiteral("delivered_altered"), count(d.deliveredAltered)},
        {QStringLiteral("dropped"), QJsonObject{{QStringLiteral("integrity"), count(d.droppedIntegrity)},
                                                {QStringLiteral("replay"), count(d.droppedReplay)},
                                                {QStringLiteral("malformed"), count(d.droppedMalformed)},
                                                {QStringLiteral("collateral"), count(d.droppedCollateral)},
                                                {QStringLiteral("other"), count(d.droppedOther)}}},
        {QStringLiteral("in_flight"), count(d.inFlight)}};
}

// One attack's tally; `cells` the run's cells (several: each example names its cell).
QJsonObject attackJson(const AttackTally& t, std::uint32_t cells)
{
    QJsonArray examples;
    for (const AttackExample& e : t.examples) {
        QJsonObject x{{QStringLiteral("time_s"), toSeconds(e.time)},
                      {QStringLiteral("device"), static_cast<qint64>(e.device)},
                      {QStringLiteral("signalling"), e.signalling},
                      {QStringLiteral("what"), q(e.what)}};
        if (cells > 1)
            x.insert(QStringLiteral("cell"), static_cast<qint64>(e.cell));
        if (!e.before.empty())
            x.insert(QStringLiteral("before"), q(toHex(e.before)));
        if (!e.after.empty())
            x.insert(QStringLiteral("after"), q(toHex(e.after)));
        examples.append(x);
    }
    QJsonObject blockedBy;
    static constexpr std::array<const char*, 8> reasons = {
        "integrity", "replay", "malformed", "policy", "duplicate", "no-context", "mismatch", "no-effect"};
    for (std::size_t i = 0; i < t.blockedBy.size(); ++i) {
        if (t.blockedBy[i] > 0)
            blockedBy.insert(QString::fromLatin1(reasons[i]), count(t.blockedBy[i]));
    }
    // A passive attacker is blocked by ciphertext: what it captured it could not read.
    if (t.spec.kind == AttackKind::Eavesdrop || t.spec.kind == AttackKind::Insider) {
        if (t.ciphertextSeen > 0)
            blockedBy.insert(QStringLiteral("ciphertext"), count(t.ciphertextSeen));
    }
    QJsonObject noEffectBy;
    static constexpr std::array<const char*, kNoEffectReasons> noEffectReasons = {
        "nothing-secret",       "unchanged",       "attach-restarted", "in-flight",
        "lost-to-other-attack", "late-first-copy", "before-change"};
    for (std::size_t i = 0; i < t.noEffectBy.size(); ++i) {
        if (t.noEffectBy[i] > 0)
            noEffectBy.insert(QString::fromLatin1(noEffectReasons[i]), count(t.noEffectBy[i]));
    }
    return QJsonObject{
        {QStringLiteral("id"), q(t.spec.id)},
        {QStringLiteral("kind"), q(std::string(name(t.spec.kind)))},
        {QStringLiteral("target"), q(t.spec.target())},
        {QStringLiteral("removed"), t.removed},
        {QStringLiteral("settings"), attackToJson(t.spec)},
        {QStringLiteral("attempts"), count(t.attempts)},
        {QStringLiteral("blocked"), count(t.blocked)},
        {QStringLiteral("succeeded"), count(t.succeeded)},
        {QStringLiteral("no_effect"), count(t.noEffect)},
        {QStringLiteral("no_effect_by"), noEffectBy},
        {QStringLiteral("collateral"), count(t.collateral)},
        {QStringLiteral("collateral_by"),
         QJsonObject{{QStringLiteral("uplink"), count(t.collateralUplink)},
                     {QStringLiteral("downlink"), count(t.collateral - t.collateralUplink)},
                     {QStringLiteral("counter_desynchronisation"), count(t.collateralCounter)},
                     {QStringLiteral("forged_detach"), count(t.collateralDetached)}}},
        {QStringLiteral("blocked_by"), blockedBy},
        {QStringLiteral("read"),
         QJsonObject{{QStringLiteral("imsi"), count(t.imsiRead)},
                     {QStringLiteral("imsi_initial_attach"), count(t.imsiInitialAttach)},
                     {QStringLiteral("nas_bodies"), count(t.nasBodiesRead)},
                     {QStringLiteral("keys"), count(t.keysRead)},
                     {QStringLiteral("readings"), count(t.readingsRead)},
                     {QStringLiteral("commands"), count(t.commandsRead)},
                     {QStringLiteral("ciphertext"), count(t.ciphertextSeen)},
                     {QStringLiteral("user_plane_ciphertext"), count(t.dataCiphertextSeen)}}},
        {QStringLiteral("examples"), examples},
    };
}

QJsonObject devicesJson(const DeviceBehaviour& ue)
{
    return QJsonObject{{QStringLiteral("accepts_null_integrity"), ue.acceptsNullIntegrity},
                       {QStringLiteral("capabilities"), json::algorithmSetsToJson(ue.capabilities)}};
}

// "negotiation": one object per group, procedure and outcome (RunSummary::selections).
QJsonArray negotiationJson(const RunSummary& s)
{
    QJsonArray out;
    for (const AlgorithmSelectionCount& c : s.selections) {
        const std::string group =
            c.group < s.deviceGroups.size() ? s.deviceGroups[c.group].name : std::string(kDefaultGroupName);
        QJsonObject o{{QStringLiteral("group"), q(group)},
                      {QStringLiteral("procedure"),
                       c.as ? QStringLiteral("as_security_mode") : QStringLiteral("nas_security_mode")},
                      {QStringLiteral("count"), count(c.count)}};
        if (c.rejected) {
            o.insert(QStringLiteral("selected"), QJsonValue::Null); // no common algorithm
        } else if (c.as) {
            o.insert(QStringLiteral("selected"),
                     QJsonObject{{QStringLiteral("rrc_integrity"), q(json::shortName(c.integrity))},
                                 {QStringLiteral("rrc_ciphering"), q(json::shortName(c.ciphering))},
                                 {QStringLiteral("up_ciphering"), q(json::shortName(c.upCiphering))}});
        } else {
            o.insert(QStringLiteral("selected"),
                     QJsonObject{{QStringLiteral("integrity"), q(json::shortName(c.integrity))},
                                 {QStringLiteral("ciphering"), q(json::shortName(c.ciphering))}});
        }
        out.append(o);
    }
    return out;
}

} // namespace

QJsonObject e2eOverheadJson()
{
    QJsonObject modes;
    const auto octets = [](const std::optional<std::size_t>& v) {
        return v ? QJsonValue(static_cast<qint64>(*v)) : QJsonValue(QJsonValue::Null);
    };
    for (const protocol::E2eOverhead& o : protocol::e2eOverheads()) {
        modes.insert(q(o.mode), QJsonObject{{QStringLiteral("per_message_octets"), octets(o.perMessage)},
                                            {QStringLiteral("per_handshake_octets"), octets(o.perHandshake)},
                                            {QStringLiteral("what"), q(o.note)}});
    }
    return QJsonObject{
        {QStringLiteral("message"),
         QStringLiteral("a reading: CoAP NON POST, 4-octet token, Uri-Path r, 15-octet payload, "
                        "its sender's first under the session")},
        {QStringLiteral("modes"), modes}};
}

QByteArray reportJson(const RunSummary& s)
{
    QJsonArray attacks;
    for (const AttackTally& t : s.attacks)
        attacks.append(attackJson(t, s.cells));
    const auto requirementsJson = [](const std::array<RequirementResult, 4>& results) {
        QJsonObject out;
        for (const RequirementResult& r : results) {
            QJsonArray evidence;
            for (const std::string& e : r.evidence)
                evidence.append(q(e));
            out.insert(q(r.id), QJsonObject{{QStringLiteral("verdict"), q(std::string(name(r.verdict)))},
                                            {QStringLiteral("requirement"), q(r.title)},
                                            {QStringLiteral("lte_limit"), r.lteLimit},
                                            {QStringLiteral("evidence"), evidence}});
        }
        return out;
    };
    const QJsonObject requirements = requirementsJson(s.requirements);
    // The verdicts over what happened since the last protection change (null: the protection never changed).
    QJsonValue sinceChange = QJsonValue::Null;
    if (s.sinceChangeS) {
        QJsonObject since = requirementsJson(s.requirementsSinceChange);
        since.insert(QStringLiteral("since_s"), *s.sinceChangeS);
        sinceChange = since;
    }
    QJsonArray changes;
    for (const ProtectionChange& c : s.changes)
        changes.append(QJsonObject{{QStringLiteral("at_s"), c.atS},
                                   {QStringLiteral("protection"), protectionToJson(c.protection)}});
    QJsonArray groups;
    for (const DeviceGroup& g : s.deviceGroups)
        groups.append(QJsonObject{{QStringLiteral("name"), q(g.name)},
                                  {QStringLiteral("devices"), static_cast<qint64>(g.devices)},
                                  {QStringLiteral("ue"), devicesJson(g.ue)}});
    const TrafficCounters& t = s.traffic;
    QJsonObject root{
        {QStringLiteral("schema"), QString::fromLatin1(kReportSchema)},
        {QStringLiteral("scenario"),
         QJsonObject{{QStringLiteral("name"), q(s.scenarioName)},
                     {QStringLiteral("seed"), static_cast<qint64>(s.seed)},
                     {QStringLiteral("duration_s"), s.durationS},
                     {QStringLiteral("devices"), static_cast<qint64>(s.devices)},
                     {QStringLiteral("devices_per_cell"), static_cast<qint64>(s.devicesPerCell)},
                     {QStringLiteral("cells"), static_cast<qint64>(s.cells)},
                     {QStringLiteral("ue"), devicesJson(s.ue)},
                     {QStringLiteral("device_groups"), groups}}},
        {QStringLiteral("protection"), protectionToJson(s.protection)},
        {QStringLiteral("protection_changes"), changes},
        {QStringLiteral("negotiation"), negotiationJson(s)},
        {QStringLiteral("attacks"), attacks},
        {QStringLiteral("requirements"), requirements},
        {QStringLiteral("requirements_since_change"), sinceChange},
        {QStringLiteral("traffic"),
         QJsonObject{{QStringLiteral("uplink_sent"), count(t.uplinkSent)},
                     {QStringLiteral("uplink_delivered"), count(t.uplinkDelivered)},
                     {QStringLiteral("uplink_altered_accepted"), count(t.uplinkAlteredAccepted)},
                     {QStringLiteral("uplink_replayed_accepted"), count(t.uplinkReplayedAccepted)},
                     {QStringLiteral("downlink_sent"), count(t.downlinkSent)},
                     {QStringLiteral("downlink_delivered"), count(t.downlinkDelivered)},
                     {QStringLiteral("downlink_forged_accepted"), count(t.downlinkForgedAccepted)},
                     {QStringLiteral("downlink_altered_accepted"), count(t.downlinkAlteredAccepted)},
                     {QStringLiteral("downlink_replayed_accepted"), count(t.downlinkReplayedAccepted)},
                     {QStringLiteral("dropped_integrity"), count(t.droppedIntegrity)},
                     {QStringLiteral("dropped_replay"), count(t.droppedReplay)},
                     {QStringLiteral("dropped_malformed"), count(t.droppedMalformed)},
                     {QStringLiteral("dropped_other"), count(t.droppedOther)},
                     {QStringLiteral("attach_ok"), count(t.attachOk)},
                     {QStringLiteral("attach_failed"), count(t.attachFailed)}}},
        {QStringLiteral("accounting"),
         QJsonObject{{QStringLiteral("uplink"), directionJson(s.accounting.uplink)},
                     {QStringLiteral("downlink"), directionJson(s.accounting.downlink)},
                     {QStringLiteral("accepted_extra"),
                      QJsonObject{{QStringLiteral("replayed"), count(s.accounting.acceptedReplayed)},
                                  {QStringLiteral("forged"), count(s.accounting.acceptedForged)}}}}},
        {QStringLiteral("events_total"), count(s.eventsTotal)},
        {QStringLiteral("digest"), q(s.digest)},
    };
    root.insert(QStringLiteral("e2e_overhead"), e2eOverheadJson());
    QJsonObject out = root;
    if (s.dtls.handshakes + s.dtls.records > 0) {
        // End-to-end mode dtls: octets on the wire for the handshakes and added per CoAP message.
        const DtlsCounters& k = s.dtls;
        const auto per = [](std::uint64_t octets, std::uint64_t n) {
            return n == 0 ? 0.0 : static_cast<double>(octets) / static_cast<double>(n);
        };
        out.insert(
            QStringLiteral("dtls_overhead"),
            QJsonObject{{QStringLiteral("handshakes"), count(k.handshakes)},
                        {QStringLiteral("handshake_datagrams"), count(k.handshakeDatagrams)},
                        {QStringLiteral("handshake_octets"), count(k.handshakeOctets)},
                        {QStringLiteral("octets_per_handshake"), per(k.handshakeOctets, k.handshakes)},
                        {QStringLiteral("records"), count(k.records)},
                        {QStringLiteral("octets_per_message"), per(k.recordOverheadOctets, k.records)}});
    }
    return QJsonDocument(out).toJson(QJsonDocument::Indented);
}

} // namespace mtcsec::report
