// Lecture scripts (schema "mtcsec-lecture/1"): a strict reader that names the first wrong field by its JSON
// path, and follows the attackers present at each step so that a question cannot ask about one that is not
// there.
#include "core/scenario/LectureScript.h"

#include "core/InvalidInput.h"
#include "core/io/InputFile.h"
#include "core/scenario/AttackJson.h"
#include "core/scenario/JsonPathReader.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ProtectionJson.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

namespace mtcsec {
namespace {

using namespace json;

constexpr qint64 kMaxLectureFileSize = qint64{1024} * 1024;
constexpr NumberRange kRevealAfterRange{{0.0, true}, {kMaxRevealAfterS, true}, "seconds"};

const std::string& presetList()
{
    static const std::string list = [] {
        std::string out;
        for (const Preset& p : presets())
            out += (out.empty() ? "" : ", ") + p.name;
        return out;
    }();
    return list;
}

std::string idList(const std::vector<std::string>& ids)
{
    std::string out;
    for (const std::string& id : ids)
        out += (out.empty() ? "" : ", ") + id;
    return out.empty() ? "none" : out;
}

// The attackers present while the script runs, as far as the script shows them: unknown until a step opens
// a preset (the script may start on whatever scenario is open).
struct KnownAttackers {
    std::optional<std::vector<std::string>> ids;

    [[nodiscard]] bool has(const std::string& id) const
    {
        return !ids || std::find(ids->begin(), ids->end(), id) != ids->end();
    }
};

ProtectionEdit readProtectionEdit(const QJsonValue& value, std::string_view path)
{
    ProtectionEdit edit;
    if (value.isString()) {
        const std::string text = value.toString().toStdString();
        if (text == "3gpp-on")
            edit.base = ProtectionEdit::Base::ThreeGppOn;
        else if (text == "all-off")
            edit.base = ProtectionEdit::Base::AllOff;
        else
            fail(path, "unknown protection " + inQuotes(text) +
                           " (3gpp-on, all-off, or an object of nas, as, nds, app as in a scenario)");
        return edit;
    }
    if (!value.isObject())
        fail(path, "must be 3gpp-on, all-off or an object of nas, as, nds, app, got " + describe(value));
    Protection check;
    readProtection(value, path, check); // validates every field, with its path
    edit.fields = value.toObject();
    if (edit.fields.isEmpty())
        fail(path, "changes nothing (give at least one of nas, as, nds, app)");
    return edit;
}

LectureChange readChange(const QJsonValue& value, std::string_view path, KnownAttackers& known)
{
    static constexpr std::array<std::string_view, 5> kinds = {"open_preset", "protection", "place_attacker",
                                                              "remove_attacker", "reset"};
    const ObjectReader r(requireObject(value, path), std::string(path),
                         {kinds[0], kinds[1], kinds[2], kinds[3], kinds[4]});
    const auto given =
        std::count_if(kinds.begin(), kinds.end(), [&r](std::string_view k) { return r.has(k); });
    if (given != 1)
        fail(path,
             "must give exactly one of open_preset, protection, place_attacker, remove_attacker, reset; "
             "got " +
                 std::to_string(given));
    LectureChange change;
    if (r.has("open_preset")) {
        change.kind = LectureChangeKind::OpenPreset;
        change.preset = requireString(r.get("open_preset"), r.path("open_preset"));
        const auto scenario = presetScenario(change.preset);
        if (!scenario)
            fail(r.path("open_preset"),
                 "unknown preset " + inQuotes(change.preset) + " (one of " + presetList() + ")");
        known.ids.emplace();
        for (const AttackSpec& a : scenario->attacks)
            known.ids->push_back(a.id);
    } else if (r.has("protection")) {
        change.kind = LectureChangeKind::Protection;
        change.protection = readProtectionEdit(r.get("protection"), r.path("protection"));
    } else if (r.has("place_attacker")) {
        change.kind = LectureChangeKind::PlaceAttacker;
        const std::string attackPath = r.path("place_attacker");
        const QJsonObject object = requireObject(r.get("place_attacker"), attackPath);
        if (!object.contains(QStringLiteral("id")))
            fail(member(attackPath, "id"),
                 "missing (the attacker's id, which questions and remove_attacker refer to)");
        change.attack = readAttack(object, attackPath, 0, {});
        if (known.ids && known.has(change.attack.id))
            fail(member(attackPath, "id"), "an attacker " + inQuotes(change.attack.id) +
                                               " is already present at this step (" + idList(*known.ids) +
                                               ")");
        if (known.ids)
            known.ids->push_back(change.attack.id);
    } else if (r.has("remove_attacker")) {
        change.kind = LectureChangeKind::RemoveAttacker;
        change.attackId = requireString(r.get("remove_attacker"), r.path("remove_attacker"));
        if (!known.has(change.attackId))
            fail(r.path("remove_attacker"), "no attacker " + inQuotes(change.attackId) +
                                                " is present at this step (" + idList(*known.ids) + ")");
        if (known.ids)
            std::erase(*known.ids, change.attackId);
    } else {
        if (!requireBool(r.get("reset"), r.path("reset")))
            fail(r.path("reset"), "must be true (leave out the change for a step that changes nothing)");
        change.kind = LectureChangeKind::Reset;
    }
    return change;
}

LectureQuestion readQuestion(const QJsonValue& value, std::string_view path, const KnownAttackers& known)
{
    const ObjectReader r(requireObject(value, path), std::string(path),
                         {"question", "requirements", "attackers", "reveal_after_s"});
    LectureQuestion q;
    if (r.has("question"))
        q.text = requireText(r.get("question"), r.path("question"), kMaxLectureQuestionLength);
    if (r.has("requirements")) {
        const std::string listPath = r.path("requirements");
        const QJsonArray list = requireArray(r.get("requirements"), listPath);
        for (qsizetype i = 0; i < list.size(); ++i) {
            const std::string itemPath = element(listPath, i);
            const std::string id = requireString(list.at(i), itemPath);
            const std::size_t index = id.size() == 2 && id[0] == 'R' && id[1] >= '1' && id[1] <= '4'
                                          ? static_cast<std::size_t>(id[1] - '1')
                                          : 4;
            if (index == 4)
                fail(itemPath, "unknown requirement " + inQuotes(id) + " (one of R1, R2, R3, R4)");
            if (q.requirements.at(index))
                fail(itemPath, id + " is asked twice");
            q.requirements.at(index) = true;
        }
    }
    if (r.has("attackers")) {
        const std::string listPath = r.path("attackers");
        const QJsonArray list = requireArray(r.get("attackers"), listPath);
        if (static_cast<std::size_t>(list.size()) > kMaxAskedAttackers)
            fail(listPath, "at most " + std::to_string(kMaxAskedAttackers) + " attackers, got " +
                               std::to_string(list.size()));
        for (qsizetype i = 0; i < list.size(); ++i) {
            const std::string itemPath = element(listPath, i);
            const std::string id = requireString(list.at(i), itemPath);
            if (!known.has(id))
                fail(itemPath,
                     "no attacker " + inQuotes(id) + " is present at this step (" + idList(*known.ids) + ")");
            if (std::find(q.attackers.begin(), q.attackers.end(), id) != q.attackers.end())
                fail(itemPath, inQuotes(id) + " is asked twice");
            q.attackers.push_back(id);
        }
    }
    if (std::none_of(q.requirements.begin(), q.requirements.end(), [](bool b) { return b; }) &&
        q.attackers.empty())
        fail(path, "asks nothing (give requirements, attackers or both)");
    if (r.has("reveal_after_s"))
        q.revealAfterS =
            requireNumberIn(r.get("reveal_after_s"), r.path("reveal_after_s"), kRevealAfterRange);
    return q;
}

LectureStep readStep(const QJsonValue& value, std::string_view path, KnownAttackers& known)
{
    const ObjectReader r(requireObject(value, path), std::string(path),
                         {"title", "text", "notes", "change", "ask"});
    LectureStep step;
    step.title =
        requireText(r.required("title", "the step's title"), r.path("title"), kMaxLectureTitleLength);
    if (step.title.empty())
        fail(r.path("title"), "must not be empty");
    if (r.has("text"))
        step.text = requireText(r.get("text"), r.path("text"), kMaxLectureTextLength);
    if (r.has("notes"))
        step.notes = requireText(r.get("notes"), r.path("notes"), kMaxLectureNotesLength);
    if (r.has("change"))
        step.change = readChange(r.get("change"), r.path("change"), known);
    if (r.has("ask"))
        step.question = readQuestion(r.get("ask"), r.path("ask"), known);
    return step;
}

} // namespace

Protection ProtectionEdit::applyTo(const Protection& inForce) const
{
    switch (base) {
    case Base::ThreeGppOn:
        return threeGppOn(inForce);
    case Base::AllOff:
        return Protection{};
    case Base::InForce:
        break;
    }
    Protection out = inForce;
    try {
        json::readProtection(fields, "protection", out);
    } catch (const InvalidInput&) {
        return inForce; // not reached: the fields were read once when the script was
    }
    return out;
}

std::string LectureChange::describe() const
{
    switch (kind) {
    case LectureChangeKind::None:
        return "no change";
    case LectureChangeKind::OpenPreset:
        return "open preset " + preset;
    case LectureChangeKind::Protection:
        if (protection.base == ProtectionEdit::Base::ThreeGppOn)
            return "protection: 3gpp-on";
        if (protection.base == ProtectionEdit::Base::AllOff)
            return "protection: all-off";
        {
            std::string out = "protection:";
            for (auto it = protection.fields.constBegin(); it != protection.fields.constEnd(); ++it) {
                out += " " + it.key().toStdString();
                if (it.value().isString())
                    out += " " + it.value().toString().toStdString();
            }
            return out;
        }
    case LectureChangeKind::PlaceAttacker:
        return "place attacker " + attack.id + " " + std::string(name(attack.kind)) +
               (attack.node ? " in " : " on ") + attack.target();
    case LectureChangeKind::RemoveAttacker:
        return "remove attacker " + attackId;
    case LectureChangeKind::Reset:
        return "reset";
    }
    return {};
}

LectureScript lectureScriptFromJson(const QByteArray& json)
{
    const QJsonObject root = readDocument(json);
    const std::string schemaHint = "must be \"" + std::string(kLectureSchema) + "\"";
    if (!root.contains(QStringLiteral("schema")))
        fail("schema", "missing (" + schemaHint + ")");
    const QJsonValue schema = root.value(QStringLiteral("schema"));
    if (!schema.isString() || schema.toString() != toQString(kLectureSchema))
        fail("schema", schemaHint + ", got " + describe(schema));

    const ObjectReader r(root, std::string(), {"schema", "title", "steps"});
    LectureScript script;
    script.title =
        requireText(r.required("title", "the lecture's title"), r.path("title"), kMaxLectureTitleLength);
    const std::string stepsPath = r.path("steps");
    const QJsonArray steps = requireArray(r.required("steps", "an array of steps"), stepsPath);
    if (steps.isEmpty() || static_cast<std::size_t>(steps.size()) > kMaxLectureSteps)
        fail(stepsPath, "must hold 1 to " + std::to_string(kMaxLectureSteps) + " steps, got " +
                            std::to_string(steps.size()));
    KnownAttackers known;
    for (qsizetype i = 0; i < steps.size(); ++i)
        script.steps.push_back(readStep(steps.at(i), element(stepsPath, i), known));
    return script;
}

LectureScript loadLectureScriptFile(const QString& path)
{
    const std::string file = path.toStdString();
    const QByteArray json =
        io::readInputFile(path, kMaxLectureFileSize, "1 MiB, too large for a lecture script");
    if (json.trimmed().isEmpty())
        throw InvalidInput(file +
                           ": the file is empty (a lecture script is a JSON object with \"schema\": \"" +
                           std::string(kLectureSchema) + "\")");
    try {
        return lectureScriptFromJson(json);
    } catch (const InvalidInput& e) {
        throw InvalidInput(file + ": " + e.what());
    }
}

} // namespace mtcsec
