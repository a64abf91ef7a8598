// Lecture scripts (schema "mtcsec-lecture/1"): ordered steps, each with a title, the text shown to the room,
// speaker notes, the change to apply (open a preset, set a protection, place or remove an attacker, Reset)
// and optionally the question to ask the room before the change's outcome is shown. A script holds no
// answers: the outcome of every question comes from the run. Reading names the first wrong field by its JSON
// path.
#pragma once

#include "core/scenario/Scenario.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec {

inline constexpr std::string_view kLectureSchema = "mtcsec-lecture/1";

// Bounds of a script: steps, text lengths (Unicode code points), attackers asked about per question, and the
// simulated seconds a question waits after its change before the outcome can be revealed.
inline constexpr std::size_t kMaxLectureSteps = 200;
inline constexpr std::size_t kMaxLectureTitleLength = 100;
inline constexpr std::size_t kMaxLectureTextLength = 2000;
inline constexpr std::size_t kMaxLectureNotesLength = 4000;
inline constexpr std::size_t kMaxLectureQuestionLength = 500;
inline constexpr std::size_t kMaxAskedAttackers = 16;
inline constexpr double kDefaultRevealAfterS = 15.0;
inline constexpr double kMaxRevealAfterS = 3600.0;

// A protection change as the Protections panel makes it: "3gpp-on" (the "3GPP on" button: threeGppOn() over
// what is in force), "all-off" (the "All off" button), or the fields of a scenario's "protection" object
// applied over what is in force (the others keep their setting).
struct ProtectionEdit {
    enum class Base : std::uint8_t { InForce, ThreeGppOn, AllOff };
    Base base = Base::InForce;
    QJsonObject fields; // validated when the script was read

    // The protection after the edit, over `inForce`. Never throws (the fields were validated).
    [[nodiscard]] Protection applyTo(const Protection& inForce) const;
    bool operator==(const ProtectionEdit&) const = default;
};

enum class LectureChangeKind : std::uint8_t {
    None,
    OpenPreset,
    Protection,
    PlaceAttacker,
    RemoveAttacker,
    Reset
};

// The one change a step applies.
struct LectureChange {
    LectureChangeKind kind = LectureChangeKind::None;
    std::string preset;        // OpenPreset: a built-in preset's name
    ProtectionEdit protection; // Protection
    // PlaceAttacker: start_s and stop_s count from the moment the step applies it (simulated seconds).
    AttackSpec attack;
    std::string attackId; // RemoveAttacker

    // What the change does, one line: "open preset unprotected", "protection: 3gpp-on", "protection: app
    // aead", "place attacker x1 eavesdrop on SGi", "remove attacker a2", "reset".
    [[nodiscard]] std::string describe() const;
    bool operator==(const LectureChange&) const = default;
};

// What a step asks the room to predict. The answers are never in the script: they come from the run.
struct LectureQuestion {
    std::string text;                   // the question as asked ("Is the data safe now?"); may be empty
    std::array<bool, 4> requirements{}; // R1..R4: predict met or violated
    std::vector<std::string> attackers; // ids: predict what each attacker will see
    double revealAfterS = kDefaultRevealAfterS; // simulated seconds after the change before Reveal
    bool operator==(const LectureQuestion&) const = default;
};

struct LectureStep {
    std::string title;
    std::string text;  // shown to the room
    std::string notes; // for the speaker only
    LectureChange change;
    std::optional<LectureQuestion> question;
    bool operator==(const LectureStep&) const = default;
};

struct LectureScript {
    std::string title;
    std::vector<LectureStep> steps; // at least one
    bool operator==(const LectureScript&) const = default;
};

// Reads a script. Throws InvalidInput "json.path: what is wrong" naming the first wrong field (for example
// "steps[2].change.protection.app: unknown application protection 'aes'"), or "(document): ..." for a syntax
// error. Unknown fields are errors. Attacker ids are checked against the attackers present at each step where
// they are known (from the first step that opens a preset on).
[[nodiscard]] LectureScript lectureScriptFromJson(const QByteArray& json);

// Reads a script file (at most 1 MiB). Throws InvalidInput "FILE: json.path: what is wrong", or "FILE: cannot
// read: why".
[[nodiscard]] LectureScript loadLectureScriptFile(const QString& path);

} // namespace mtcsec
