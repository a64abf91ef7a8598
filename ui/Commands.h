// Every user edit of the running simulation is a QUndoCommand (STYLE.md, after Subsurface's commands/).
// Ownership: a command holds values (a Protection, an AttackSpec), never pointers into widgets or the engine;
// it acts only through the SimulationController, which outlives the undo stack.
#pragma once

#include "core/scenario/Scenario.h"

#include <QUndoCommand>

namespace mtcsec::ui {

class SimulationController;

class SetProtectionCommand : public QUndoCommand {
public:
    SetProtectionCommand(SimulationController* controller, Protection before, Protection after,
                         const QString& text);
    void undo() override;
    void redo() override;

private:
    SimulationController* controller_;
    Protection before_;
    Protection after_;
};

class AddAttackCommand : public QUndoCommand {
public:
    AddAttackCommand(SimulationController* controller, AttackSpec spec);
    void undo() override;
    void redo() override;

private:
    SimulationController* controller_;
    AttackSpec spec_;
};

class RemoveAttackCommand : public QUndoCommand {
public:
    RemoveAttackCommand(SimulationController* controller, AttackSpec spec);
    void undo() override;
    void redo() override;

private:
    SimulationController* controller_;
    AttackSpec spec_;
};

class ChangeAttackCommand : public QUndoCommand {
public:
    ChangeAttackCommand(SimulationController* controller, AttackSpec before, AttackSpec after);
    void undo() override;
    void redo() override;

private:
    SimulationController* controller_;
    AttackSpec before_;
    AttackSpec after_;
};

} // namespace mtcsec::ui
