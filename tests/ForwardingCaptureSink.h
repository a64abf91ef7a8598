// A capture sink for tests that passes every call on to another sink (the recorder under test); a test
// derives from it and overrides the calls it wants to see, calling the base to pass them on.
#pragma once

#include "core/engine/CaptureSink.h"

namespace mtcsec::test {

class ForwardingCaptureSink : public engine::CaptureSink {
public:
    explicit ForwardingCaptureSink(engine::CaptureSink& next)
        : next_(next)
    {}
    void linkPdu(const engine::PduRecord& pdu) override { next_.linkPdu(pdu); }
    void attackerCapture(const std::string& attackId, engine::SimTime time, std::optional<Link> link,
                         std::optional<Node> node, ByteView bytes, bool nasPdu) override
    {
        next_.attackerCapture(attackId, time, link, node, bytes, nasPdu);
    }
    void attackerAction(const engine::AttackerAction& action) override { next_.attackerAction(action); }
    void attemptDecided(const engine::AttemptDecision& decision) override { next_.attemptDecided(decision); }
    void keysInForce(engine::SimTime time, std::uint32_t device, const std::string& where,
                     const std::string& keys) override
    {
        next_.keysInForce(time, device, where, keys);
    }
    void deviceIdentity(std::uint32_t device, const engine::DeviceIdentity& identity) override
    {
        next_.deviceIdentity(device, identity);
    }
    void uuSecurity(engine::SimTime time, std::uint32_t device, bool downlink,
                    const protocol::AsSecurityContext& as) override
    {
        next_.uuSecurity(time, device, downlink, as);
    }
    void espSecurityAssociation(engine::SimTime time, Link link, bool downlink,
                                const protocol::EspSa& sa) override
    {
        next_.espSecurityAssociation(time, link, downlink, sa);
    }

private:
    engine::CaptureSink& next_;
};

} // namespace mtcsec::test
