// One predict-and-reveal round: guesses, and marks from the run's verdicts and tallies.
#include "ui/PredictRound.h"

#include <algorithm>

namespace mtcsec::ui {

std::string_view name(AttackerOutcome outcome)
{
    switch (outcome) {
    case AttackerOutcome::Readable:
        return "readable";
    case AttackerOutcome::Ciphertext:
        return "ciphertext";
    case AttackerOutcome::Accepted:
        return "accepted";
    case AttackerOutcome::Blocked:
        return "blocked";
    }
    return "?";
}

bool isPassive(AttackKind kind)
{
    return kind == AttackKind::Eavesdrop || kind == AttackKind::Insider;
}

std::array<AttackerOutcome, 2> choicesFor(AttackKind kind)
{
    if (isPassive(kind))
        return {AttackerOutcome::Readable, AttackerOutcome::Ciphertext};
    return {AttackerOutcome::Accepted, AttackerOutcome::Blocked};
}

std::optional<AttackerOutcome> outcomeOf(const engine::AttackTally& t)
{
    if (isPassive(t.spec.kind)) {
        // The IMSI of a first Attach Request is readable whatever the protection (LTE cannot protect it):
        // R2 says so as its LTE limit; here it does not make the attacker's view "readable".
        const std::uint64_t secrets = t.imsiRead - std::min(t.imsiRead, t.imsiInitialAttach) +
                                      t.nasBodiesRead + t.keysRead + t.readingsRead + t.commandsRead;
        if (secrets > 0)
            return AttackerOutcome::Readable;
        if (t.ciphertextSeen > 0 || t.blocked > 0)
            return AttackerOutcome::Ciphertext;
        return std::nullopt;
    }
    if (t.succeeded > 0)
        return AttackerOutcome::Accepted;
    if (t.blocked > 0)
        return AttackerOutcome::Blocked;
    return std::nullopt;
}

PredictRound::PredictRound(LectureQuestion question)
    : question_(std::move(question))
    , attackerGuesses_(question_.attackers.size())
    , attackerOutcomes_(question_.attackers.size())
    , attackerMarks_(question_.attackers.size(), Mark::Unanswered)
{}

void PredictRound::setRequirementGuess(std::size_t index, Guess guess)
{
    if (revealed_ || index >= 4 || !question_.requirements.at(index))
        return;
    guesses_.at(index) = guess;
}

void PredictRound::cycleRequirementGuess(std::size_t index)
{
    if (index >= 4)
        return;
    const Guess now = guesses_.at(index);
    setRequirementGuess(index, now == Guess::None  ? Guess::Met
                               : now == Guess::Met ? Guess::Violated
                                                   : Guess::None);
}

void PredictRound::setAttackerGuess(std::size_t index, std::optional<AttackerOutcome> guess)
{
    if (revealed_ || index >= attackerGuesses_.size())
        return;
    attackerGuesses_[index] = guess;
}

void PredictRound::reveal(const engine::RunSummary& summary, bool sinceChange)
{
    usedSinceChange_ = sinceChange && summary.sinceChangeS.has_value();
    const auto& requirements = usedSinceChange_ ? summary.requirementsSinceChange : summary.requirements;
    const auto& tallies = usedSinceChange_ ? summary.attacksSinceChange : summary.attacks;
    for (std::size_t i = 0; i < 4; ++i) {
        if (!question_.requirements.at(i))
            continue;
        const engine::RequirementResult& r = requirements.at(i);
        verdicts_.at(i) = r.verdict;
        lteLimit_.at(i) = r.lteLimit;
        const Guess g = guesses_.at(i);
        if (r.verdict == engine::Verdict::NotExercised)
            marks_.at(i) = Mark::NotExercised;
        else if (g == Guess::None)
            marks_.at(i) = Mark::Unanswered;
        else
            marks_.at(i) =
                (g == Guess::Met) == (r.verdict == engine::Verdict::Met) ? Mark::Right : Mark::Wrong;
    }
    for (std::size_t i = 0; i < question_.attackers.size(); ++i) {
        const auto it = std::find_if(tallies.begin(), tallies.end(), [&](const engine::AttackTally& t) {
            return t.spec.id == question_.attackers[i];
        });
        attackerOutcomes_[i] = it != tallies.end() ? outcomeOf(*it) : std::nullopt;
        if (!attackerOutcomes_[i])
            attackerMarks_[i] = Mark::NotExercised;
        else if (!attackerGuesses_[i])
            attackerMarks_[i] = Mark::Unanswered;
        else
            attackerMarks_[i] = *attackerGuesses_[i] == *attackerOutcomes_[i] ? Mark::Right : Mark::Wrong;
    }
    revealed_ = true;
}

int PredictRound::right() const
{
    return static_cast<int>(std::count(marks_.begin(), marks_.end(), Mark::Right) +
                            std::count(attackerMarks_.begin(), attackerMarks_.end(), Mark::Right));
}

int PredictRound::marked() const
{
    const auto isMarked = [](Mark m) {
        return m == Mark::Right || m == Mark::Wrong;
    };
    return static_cast<int>(std::count_if(marks_.begin(), marks_.end(), isMarked) +
                            std::count_if(attackerMarks_.begin(), attackerMarks_.end(), isMarked));
}

} // namespace mtcsec::ui
