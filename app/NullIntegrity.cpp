// Standard devices refuse null integrity (TS 24.301 5.4.3.3, TS 36.331 5.3.4.3, TS 33.401 5.1.4.1): the
// validate warning and the run's attach line.
#include "app/NullIntegrity.h"

#include "app/Plural.h"
#include "core/engine/AlgorithmSelection.h"

#include <QStringList>

#include <algorithm>

namespace mtcsec::app {
namespace {

using crypto::IntegrityAlgorithm;

// Where null integrity is selected for devices that refuse it, under one protection.
struct Refusal {
    std::uint64_t devices = 0; // devices that refuse
    bool nas = false;          // the MME selects EIA0 for some of them
    bool rrc = false;          // the eNB does (while the MME does not)
};

Refusal refusalUnder(const Scenario& scenario, const Protection& protection)
{
    Refusal r;
    for (std::size_t g = 0; g <= scenario.deviceGroups.size(); ++g) {
        const DeviceBehaviour& ue =
            g < scenario.deviceGroups.size() ? scenario.deviceGroups[g].ue : scenario.ue;
        const std::uint32_t size = scenario.groupSize(g);
        if (size == 0 || ue.acceptsNullIntegrity)
            continue;
        const engine::NetworkSelection s =
            engine::selectAlgorithms(protection, {ue.capabilities.eea, ue.capabilities.eia});
        const bool nas = s.nasIntegrity == IntegrityAlgorithm::Eia0;
        const bool rrc = !nas && s.nasIntegrity && s.rrcIntegrity == IntegrityAlgorithm::Eia0;
        if (!nas && !rrc)
            continue;
        r.devices += size;
        r.nas = r.nas || nas;
        r.rrc = r.rrc || rrc;
    }
    return r;
}

} // namespace

QString nullIntegrityWarning(const Scenario& scenario)
{
    const Refusal r = refusalUnder(scenario, scenario.protection);
    if (r.devices == 0)
        return {};
    const QString fields = r.nas && r.rrc
                               ? QStringLiteral("protection.nas.integrity and protection.as.rrc_integrity")
                           : r.nas ? QStringLiteral("protection.nas.integrity")
                                   : QStringLiteral("protection.as.rrc_integrity");
    // Until a protection change under which every device accepts what is selected, if one comes.
    QString until;
    for (const ProtectionChange& c : scenario.changes) {
        if (refusalUnder(scenario, c.protection).devices == 0) {
            until = QStringLiteral(" before the protection change at %1 s").arg(c.atS);
            break;
        }
    }
    const QString who =
        r.devices == scenario.devices
            ? (r.devices == 1 ? QStringLiteral("the standard device refuses")
                              : QStringLiteral("the %1 standard devices refuse").arg(r.devices))
            : QStringLiteral("%1 of the %2 devices (the standard ones) refuse")
                  .arg(r.devices)
                  .arg(scenario.devices);
    return QStringLiteral("warning: %1 %2 EIA0 (null integrity): %3 a Security Mode Command that selects it "
                          "(%6, TS 33.401 5.1.4.1), so %4%5; set %1 to EIA1, EIA2 or EIA3, or "
                          "declare devices that accept null integrity, as the default preset does: \"ue\": "
                          "{\"accepts_null_integrity\": true}")
        .arg(fields, r.nas && r.rrc ? QStringLiteral("are") : QStringLiteral("is"), who,
             r.devices == 1 ? QStringLiteral("it does not attach") : QStringLiteral("none of them attaches"),
             until,
             // the NAS command's clause, or the RRC one when only the eNB selects EIA0
             r.nas ? QStringLiteral("TS 24.301 5.4.3.3") : QStringLiteral("TS 36.331 5.3.4.3"));
}

std::uint64_t refusedForNullIntegrity(const engine::RunSummary& summary)
{
    std::uint64_t refused = 0;
    for (const engine::AlgorithmSelectionCount& c : summary.selections) {
        const DeviceBehaviour& ue =
            c.group < summary.deviceGroups.size() ? summary.deviceGroups[c.group].ue : summary.ue;
        if (!c.rejected && c.integrity == IntegrityAlgorithm::Eia0 && !ue.acceptsNullIntegrity)
            refused += c.count;
    }
    return std::min(refused, summary.traffic.attachFailed);
}

QString attachLine(const engine::RunSummary& summary)
{
    const engine::TrafficCounters& t = summary.traffic;
    QString line = QStringLiteral("Attach: %1 ok, %2 failed").arg(t.attachOk).arg(t.attachFailed);
    const std::uint64_t refused = refusedForNullIntegrity(summary);
    if (refused == 0)
        return line + QLatin1Char('\n');
    // The fields that select EIA0 for devices that refuse it: the scenario's protection and every change's.
    QStringList fields;
    bool nasField = false;
    const auto look = [&](const Protection& protection, const QString& where) {
        bool nas = false;
        bool rrc = false;
        for (std::size_t g = 0; g <= summary.deviceGroups.size(); ++g) {
            const DeviceBehaviour& ue =
                g < summary.deviceGroups.size() ? summary.deviceGroups[g].ue : summary.ue;
            if (ue.acceptsNullIntegrity)
                continue;
            const engine::NetworkSelection s =
                engine::selectAlgorithms(protection, {ue.capabilities.eea, ue.capabilities.eia});
            nas = nas || s.nasIntegrity == IntegrityAlgorithm::Eia0;
            rrc = rrc || s.rrcIntegrity == IntegrityAlgorithm::Eia0;
        }
        if (nas)
            fields << where + QStringLiteral(".nas.integrity");
        if (rrc)
            fields << where + QStringLiteral(".as.rrc_integrity");
        nasField = nasField || nas;
    };
    look(summary.initialProtection, QStringLiteral("protection"));
    for (std::size_t i = 0; i < summary.changes.size(); ++i)
        look(summary.changes[i].protection, QStringLiteral("changes[%1].protection").arg(i));
    const QString set =
        fields.isEmpty() ? QStringLiteral("choose integrity EIA1, EIA2 or EIA3")
        : fields.size() == 1
            ? QStringLiteral("set %1 to EIA1, EIA2 or EIA3").arg(fields.front())
            : QStringLiteral("set %1 and %2 to EIA1, EIA2 or EIA3")
                  .arg(fields.mid(0, fields.size() - 1).join(QStringLiteral(", ")), fields.back());
    line += QStringLiteral(" (%1 refused the Security Mode Command: it selected EIA0, null integrity, which "
                           "standard devices refuse, %2; %3, or declare devices that accept null integrity: "
                           "\"ue\": {\"accepts_null_integrity\": true})")
                .arg(refused)
                .arg(nasField || fields.isEmpty() ? QStringLiteral("TS 33.401 5.1.4.1")
                                                  : QStringLiteral("TS 36.331 5.3.4.3, TS 33.401 5.1.4.1"),
                     set);
    return line + QLatin1Char('\n');
}

} // namespace mtcsec::app
