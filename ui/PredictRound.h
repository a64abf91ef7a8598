// One predict-and-reveal round of a lecture step: the room's guesses for R1-R4 and for what each attacker
// gets, and their marks against the outcome of the real run (the engine's verdicts and attack tallies, those
// since the change when the step changed the protection mid-run). No widgets: the lecture bar shows it.
#pragma once

#include "core/engine/RunSummary.h"
#include "core/scenario/LectureScript.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec::ui {

// What an attacker got, in the words the room predicts with. A passive attacker (eavesdrop, insider) either
// reads something secret (beyond the IMSI of a first Attach Request, which LTE cannot protect) or sees only
// ciphertext; an active one (tamper, replay, inject, downgrade) either gets something accepted that its
// receiver should have refused, or is blocked by a check.
enum class AttackerOutcome : std::uint8_t { Readable, Ciphertext, Accepted, Blocked };
[[nodiscard]] std::string_view name(AttackerOutcome outcome); // "readable", "ciphertext", ...
[[nodiscard]] bool isPassive(AttackKind kind);
// The two outcomes the room chooses between for an attacker of this kind.
[[nodiscard]] std::array<AttackerOutcome, 2> choicesFor(AttackKind kind);
// What the tally shows, or nothing while the attacker has not acted yet.
[[nodiscard]] std::optional<AttackerOutcome> outcomeOf(const engine::AttackTally& tally);

enum class Guess : std::uint8_t { None, Met, Violated };
enum class Mark : std::uint8_t { Unanswered, Right, Wrong, NotExercised };

class PredictRound {
public:
    PredictRound() = default;
    explicit PredictRound(LectureQuestion question);

    [[nodiscard]] const LectureQuestion& question() const { return question_; }
    [[nodiscard]] bool revealed() const { return revealed_; }

    // R1..R4 (index 0..3); the guess of a requirement that is not asked stays None.
    void setRequirementGuess(std::size_t index, Guess guess);
    [[nodiscard]] Guess requirementGuess(std::size_t index) const { return guesses_.at(index); }
    // None -> Met -> Violated -> None (for a key that cycles).
    void cycleRequirementGuess(std::size_t index);
    // By the attacker's position in the question's list.
    void setAttackerGuess(std::size_t index, std::optional<AttackerOutcome> guess);
    [[nodiscard]] std::optional<AttackerOutcome> attackerGuess(std::size_t index) const
    {
        return attackerGuesses_.at(index);
    }

    // Marks every guess against the run: `sinceChange` takes the verdicts and tallies since the last
    // protection change (when the summary has them). An attacker absent from the run is marked NotExercised.
    void reveal(const engine::RunSummary& summary, bool sinceChange);
    [[nodiscard]] std::optional<engine::Verdict> verdict(std::size_t index) const
    {
        return verdicts_.at(index);
    }
    [[nodiscard]] bool lteLimit(std::size_t index) const { return lteLimit_.at(index); }
    [[nodiscard]] Mark requirementMark(std::size_t index) const { return marks_.at(index); }
    [[nodiscard]] std::optional<AttackerOutcome> attackerOutcome(std::size_t index) const
    {
        return attackerOutcomes_.at(index);
    }
    [[nodiscard]] Mark attackerMark(std::size_t index) const { return attackerMarks_.at(index); }
    // Whether the outcome is the one since the change (else the whole run's).
    [[nodiscard]] bool sinceChange() const { return usedSinceChange_; }

    // Right and marked (Right or Wrong) guesses of this round.
    [[nodiscard]] int right() const;
    [[nodiscard]] int marked() const;

private:
    LectureQuestion question_;
    bool revealed_ = false;
    bool usedSinceChange_ = false;
    std::array<Guess, 4> guesses_{};
    std::vector<std::optional<AttackerOutcome>> attackerGuesses_;
    std::array<std::optional<engine::Verdict>, 4> verdicts_{};
    std::array<bool, 4> lteLimit_{};
    std::array<Mark, 4> marks_{};
    std::vector<std::optional<AttackerOutcome>> attackerOutcomes_;
    std::vector<Mark> attackerMarks_;
};

} // namespace mtcsec::ui
