// Event log CSV (RFC 4180 section 2; formula-like cells neutralised per OWASP "CSV Injection").
#include "core/report/EventCsv.h"

#include <algorithm>
#include <functional>

namespace mtcsec::report {

std::string csvText(std::string_view text, bool alwaysQuote)
{
    std::string cell;
    cell.reserve(text.size() + 3);
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        cell += '\'';
    cell += text;
    if (!alwaysQuote && cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (const char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

namespace {

constexpr std::string_view kHeader = "time_s,kind,place,device,attack,detail,value,pdu,description\r\n";
// A run of several cells: the same columns and the cell of each event last.
constexpr std::string_view kCellsHeader =
    "time_s,kind,place,device,attack,detail,value,pdu,description,cell\r\n";

// Appends one row per event to `out`; with `cells` (as many as events) each row ends with its event's cell.
void appendRows(std::span<const engine::LogEvent> events, const std::vector<std::string>& attackIds,
                QByteArray& out, std::span<const std::uint32_t> cells = {})
{
    std::string row;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const engine::LogEvent& e = events[i];
        row = engine::formatTime(e.time);
        row += ',';
        row += engine::name(e.kind); // the product's own words: no separator, no formula
        row += ',';
        row += engine::placeName(e.place); // a link or node name, or "-"
        row += ',';
        row += e.device == engine::kNoDevice ? std::string() : std::to_string(e.device);
        row += ',';
        if (e.attack >= 0 && static_cast<std::size_t>(e.attack) < attackIds.size())
            row += csvText(attackIds[static_cast<std::size_t>(e.attack)]);
        row += ',';
        row += std::to_string(e.detail);
        row += ',';
        row += std::to_string(e.value);
        row += ',';
        row += e.pdu == 0 ? std::string() : std::to_string(e.pdu);
        row += ',';
        row += csvText(engine::describeEvent(e), true);
        if (!cells.empty()) {
            row += ',';
            row += std::to_string(cells[i]);
        }
        row += "\r\n";
        out.append(row.data(), static_cast<qsizetype>(row.size()));
    }
}

std::vector<std::string> attackIdsOf(const engine::RunSummary& summary)
{
    std::vector<std::string> ids;
    for (const engine::AttackTally& a : summary.attacks)
        ids.push_back(a.spec.id);
    return ids;
}

using EventSource = std::function<void(const std::function<void(std::span<const engine::LogEvent>)>&)>;

QByteArray csvOf(const std::vector<std::string>& ids, const EventSource& forEachEvent)
{
    QByteArray out(kHeader.data(), static_cast<qsizetype>(kHeader.size()));
    forEachEvent([&](std::span<const engine::LogEvent> chunk) { appendRows(chunk, ids, out); });
    return out;
}

void writeCsvOf(const std::vector<std::string>& ids, const EventSource& forEachEvent, io::AtomicFile& file)
{
    file.write(QByteArrayView(kHeader.data(), static_cast<qsizetype>(kHeader.size())));
    QByteArray rows;
    forEachEvent([&](std::span<const engine::LogEvent> chunk) {
        // A chunk at a time, so that the text of a long log is never whole in memory.
        for (std::size_t at = 0; at < chunk.size(); at += 4096) {
            rows.clear();
            appendRows(chunk.subspan(at, std::min<std::size_t>(4096, chunk.size() - at)), ids, rows);
            file.write(rows);
        }
    });
}

} // namespace

QByteArray eventCsv(const engine::Engine& engine)
{
    return csvOf(attackIdsOf(engine.summary()), [&engine](const auto& visit) { engine.forEachEvent(visit); });
}

void writeEventCsv(const engine::Engine& engine, io::AtomicFile& file)
{
    writeCsvOf(
        attackIdsOf(engine.summary()), [&engine](const auto& visit) { engine.forEachEvent(visit); }, file);
}

QByteArray eventCsv(const engine::CellRun& run)
{
    if (run.cells().size() == 1)
        return csvOf(attackIdsOf(run.summary()), [&run](const auto& visit) { run.forEachEvent(visit); });
    const std::vector<std::string> ids = attackIdsOf(run.summary());
    QByteArray out(kCellsHeader.data(), static_cast<qsizetype>(kCellsHeader.size()));
    run.forEachEventWithCell(
        [&](std::span<const engine::LogEvent> events, std::span<const std::uint32_t> cells) {
            appendRows(events, ids, out, cells);
        });
    return out;
}

void writeEventCsv(const engine::CellRun& run, io::AtomicFile& file)
{
    const std::vector<std::string> ids = attackIdsOf(run.summary());
    if (run.cells().size() == 1) {
        writeCsvOf(
            ids, [&run](const auto& visit) { run.forEachEvent(visit); }, file);
        return;
    }
    file.write(QByteArrayView(kCellsHeader.data(), static_cast<qsizetype>(kCellsHeader.size())));
    QByteArray rows;
    // forEachEventWithCell gives at most 4096 events at a time: the text of a long log is never whole in
    // memory.
    run.forEachEventWithCell(
        [&](std::span<const engine::LogEvent> events, std::span<const std::uint32_t> cells) {
            rows.clear();
            appendRows(events, ids, rows, cells);
            file.write(rows);
        });
}

QByteArray eventCsv(std::span<const engine::LogEvent> events, const std::vector<std::string>& attackIds)
{
    QByteArray out(kHeader.data(), static_cast<qsizetype>(kHeader.size()));
    out.reserve(static_cast<qsizetype>(events.size() * 80 + 100));
    appendRows(events, attackIds, out);
    return out;
}

} // namespace mtcsec::report
