// Undoable edits: protections and attackers.
#include "ui/Commands.h"

#include "ui/SimulationController.h"

namespace mtcsec::ui {
namespace {
QString describe(const AttackSpec& s)
{
    return QStringLiteral("%1 %2 %3")
        .arg(QString::fromStdString(s.id), QString::fromUtf8(name(s.kind).data()),
             QString::fromStdString(s.target()));
}
} // namespace

SetProtectionCommand::SetProtectionCommand(SimulationController* controller, Protection before,
                                           Protection after, const QString& text)
    : QUndoCommand(text)
    , controller_(controller)
    , before_(before)
    , after_(after)
{}

void SetProtectionCommand::undo()
{
    controller_->setProtection(before_);
}

void SetProtectionCommand::redo()
{
    controller_->setProtection(after_);
}

AddAttackCommand::AddAttackCommand(SimulationController* controller, AttackSpec spec)
    : QUndoCommand(QObject::tr("Add attacker %1").arg(describe(spec)))
    , controller_(controller)
    , spec_(std::move(spec))
{}

void AddAttackCommand::undo()
{
    controller_->removeAttack(spec_.id);
}

void AddAttackCommand::redo()
{
    controller_->addAttack(spec_);
}

RemoveAttackCommand::RemoveAttackCommand(SimulationController* controller, AttackSpec spec)
    : QUndoCommand(QObject::tr("Remove attacker %1").arg(describe(spec)))
    , controller_(controller)
    , spec_(std::move(spec))
{}

void RemoveAttackCommand::undo()
{
    controller_->addAttack(spec_);
}

void RemoveAttackCommand::redo()
{
    controller_->removeAttack(spec_.id);
}

ChangeAttackCommand::ChangeAttackCommand(SimulationController* controller, AttackSpec before,
                                         AttackSpec after)
    : QUndoCommand(QObject::tr("Change attacker %1").arg(describe(after)))
    , controller_(controller)
    , before_(std::move(before))
    , after_(std::move(after))
{}

void ChangeAttackCommand::undo()
{
    controller_->removeAttack(after_.id);
    controller_->addAttack(before_);
}

void ChangeAttackCommand::redo()
{
    controller_->removeAttack(before_.id);
    controller_->addAttack(after_);
}

} // namespace mtcsec::ui
