// Event log CSV.
#include "core/report/EventCsv.h"

namespace mtcsec::report {

QByteArray eventCsv(const engine::Engine& engine)
{
    std::vector<std::string> ids;
    for (const engine::AttackTally& a : engine.summary().attacks)
        ids.push_back(a.spec.id);
    return eventCsv(engine.events(), ids);
}

QByteArray eventCsv(std::span<const engine::LogEvent> events, const std::vector<std::string>& attackIds)
{
    QByteArray out = "time_s,kind,place,device,attack,detail,value,pdu,description\r\n";
    out.reserve(static_cast<qsizetype>(events.size() * 80 + 100));
    for (const engine::LogEvent& e : events) {
        std::string row = engine::formatTime(e.time);
        row += ',';
        row += engine::name(e.kind);
        row += ',';
        row += engine::placeName(e.place);
        row += ',';
        row += e.device == engine::kNoDevice ? std::string() : std::to_string(e.device);
        row += ',';
        if (e.attack >= 0 && static_cast<std::size_t>(e.attack) < attackIds.size())
            row += attackIds[static_cast<std::size_t>(e.attack)];
        row += ',';
        row += std::to_string(e.detail);
        row += ',';
        row += std::to_string(e.value);
        row += ',';
        row += e.pdu == 0 ? std::string() : std::to_string(e.pdu);
        row += ",\"";
        for (const char c : engine::describeEvent(e)) {
            if (c == '"')
                row += '"';
            row += c;
        }
        row += "\"\r\n";
        out.append(row.data(), static_cast<qsizetype>(row.size()));
    }
    return out;
}

} // namespace mtcsec::report
