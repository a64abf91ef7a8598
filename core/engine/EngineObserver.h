// The interface through which the engine reports to a front-end (the GUI implements it; the command line uses
// it for progress). Events arrive in batches, never one virtual call per message.
#pragma once

#include "core/engine/EventLog.h"

#include <span>

namespace mtcsec::engine {

class EngineObserver {
public:
    virtual ~EngineObserver() = default;
    // New events since the last call, in order. Called from the thread that runs the engine.
    virtual void eventsAppended(std::span<const LogEvent> events) = 0;
    // The protection in force changed (scenario timeline or a live change).
    virtual void protectionChanged(const Protection& protection) { (void)protection; }
};

} // namespace mtcsec::engine
