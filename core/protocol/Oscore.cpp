// OSCORE protection and verification of CoAP requests and responses (RFC 8613 4, 5, 7.4 and 8).
#include "core/protocol/Oscore.h"

#include "core/crypto/Primitives.h"
#include "core/protocol/OscoreAad.h"
#include "core/protocol/OscoreOption.h"

#include <algorithm>

namespace mtcsec::protocol {
namespace {

constexpr std::uint8_t kPost = 0x02, kFetch = 0x05, kChanged = 0x44, kContent = 0x45;
constexpr std::uint16_t kOptionNoResponse = 258;

bool hasObserve(const CoapPdu& m)
{
    return m.option(kOptionObserve) != nullptr;
}

// RFC 8613 5.3: plaintext = code || Class E options || (0xff || payload); the outer message keeps the header,
// token and Class U options, and gains the OSCORE option and the ciphertext as its payload.
CoapPdu sealMessage(const CoapPdu& inner, std::uint8_t outerCode, const Bytes& optionValue,
                    const std::array<std::uint8_t, kOscoreKeySize>& key, const OscoreNonce& nonce,
                    const Bytes& aad)
{
    CoapPdu outer;
    outer.type = inner.type;
    outer.code = outerCode;
    outer.messageId = inner.messageId;
    outer.token = inner.token;
    std::vector<CoapOption> innerOptions;
    for (const CoapOption& o : inner.options) {
        if (oscoreOuterOption(o.number))
            outer.options.push_back(o);
        if (oscoreInnerOption(o.number))
            innerOptions.push_back(o);
    }
    outer.options.push_back(CoapOption{kOptionOscore, optionValue});
    std::stable_sort(outer.options.begin(), outer.options.end(),
                     [](const CoapOption& a, const CoapOption& b) { return a.number < b.number; });
    Bytes plaintext{inner.code};
    encodeCoapOptionsAndPayload(std::move(innerOptions), inner.payload, plaintext);
    outer.payload = crypto::aes128Ccm8Seal(key, nonce, aad, plaintext);
    return outer;
}

// RFC 8613 8.2 steps 5-7 and 8.4: decrypt, then the code, the inner options in place of the outer Class E
// ones (outer Class E options are discarded) and the payload.
OscoreUnprotected openMessage(const CoapPdu& outer, const std::array<std::uint8_t, kOscoreKeySize>& key,
                              const OscoreNonce& nonce, const Bytes& aad)
{
    OscoreUnprotected r;
    const auto plaintext = crypto::aes128Ccm8Open(key, nonce, aad, outer.payload);
    if (!plaintext) {
        r.verdict = OscoreVerdict::IntegrityFailure;
        return r;
    }
    if (plaintext->empty())
        return r; // Malformed: no code
    CoapPdu m;
    m.type = outer.type;
    m.code = plaintext->front();
    m.messageId = outer.messageId;
    m.token = outer.token;
    if (!parseCoapOptionsAndPayload(ByteView(*plaintext).subspan(1), m.options, m.payload))
        return r;
    for (const CoapOption& o : outer.options) {
        if (o.number != kOptionOscore && oscoreOuterOption(o.number) && !oscoreInnerOption(o.number))
            m.options.push_back(o);
    }
    std::stable_sort(m.options.begin(), m.options.end(),
                     [](const CoapOption& a, const CoapOption& b) { return a.number < b.number; });
    r.message = std::move(m);
    r.verdict = OscoreVerdict::Accepted;
    return r;
}

std::optional<OscoreOptionValue> optionOf(const CoapPdu& outer)
{
    const CoapOption* o = outer.option(kOptionOscore);
    if (o == nullptr || outer.payload.size() < kOscoreTagSize)
        return std::nullopt;
    return parseOscoreOption(o->value);
}

Bytes takeSequence(OscoreContext& ctx)
{
    Bytes piv = oscorePartialIv(ctx.senderSequence); // throws when exhausted
    ++ctx.senderSequence;
    return piv;
}

std::uint64_t sequenceOf(ByteView piv)
{
    std::uint64_t v = 0;
    for (const std::uint8_t b : piv)
        v = v << 8 | b;
    return v;
}

} // namespace

bool oscoreOuterOption(std::uint16_t number)
{
    switch (number) {
    case kOptionUriHost:
    case kOptionObserve:
    case kOptionUriPort:
    case kOptionOscore:
    case kOptionProxyUri:
    case kOptionProxyScheme:
    case kOptionNoResponse:
        return true;
    default:
        return false;
    }
}

bool oscoreInnerOption(std::uint16_t number)
{
    return !oscoreOuterOption(number) || number == kOptionObserve || number == kOptionNoResponse;
}

OscoreProtected oscoreProtectRequest(OscoreContext& ctx, const CoapPdu& request, bool includeKidContext)
{
    if (!request.isRequest())
        throw InvalidInput("OSCORE request: the message's code is not a request code (0.01-0.31)");
    if (request.option(kOptionOscore) != nullptr)
        throw InvalidInput("OSCORE request: the message already has an OSCORE option");
    if (includeKidContext && !ctx.idContext)
        throw InvalidInput("OSCORE kid context: the context has no ID Context to send");
    OscoreProtected out;
    out.binding.partialIv = takeSequence(ctx);
    out.binding.kid = ctx.senderId;
    out.binding.nonce = oscoreNonce(ctx.commonIv, ctx.senderId, out.binding.partialIv);
    OscoreOptionValue option{out.binding.partialIv, std::nullopt, ctx.senderId};
    if (includeKidContext)
        option.kidContext = ctx.idContext;
    out.message =
        sealMessage(request, hasObserve(request) ? kFetch : kPost, encodeOscoreOption(option), ctx.senderKey,
                    out.binding.nonce, oscoreAad(out.binding.kid, out.binding.partialIv));
    return out;
}

CoapPdu oscoreProtectResponse(OscoreContext& ctx, const CoapPdu& response,
                              const OscoreRequestBinding& binding, bool ownPartialIv)
{
    if (response.code < 0x40 || response.code >= 0xc0)
        throw InvalidInput("OSCORE response: the message's code is not a response code (2.00-5.31)");
    OscoreOptionValue option;
    OscoreNonce nonce = binding.nonce;
    if (ownPartialIv) {
        option.partialIv = takeSequence(ctx);
        nonce = oscoreNonce(ctx.commonIv, ctx.senderId, option.partialIv);
    }
    return sealMessage(response, hasObserve(response) ? kContent : kChanged, encodeOscoreOption(option),
                       ctx.senderKey, nonce, oscoreAad(binding.kid, binding.partialIv));
}

OscoreUnprotected oscoreUnprotectRequest(OscoreContext& ctx, const CoapPdu& outer)
{
    OscoreUnprotected r;
    const auto option = optionOf(outer);
    if (!option || !option->kid || option->partialIv.empty())
        return r;
    if (*option->kid != ctx.recipientId || (option->kidContext && option->kidContext != ctx.idContext)) {
        r.verdict = OscoreVerdict::UnknownContext;
        return r;
    }
    const std::uint64_t sequence = sequenceOf(option->partialIv);
    if (!ctx.replay.check(sequence)) {
        r.verdict = OscoreVerdict::Replay;
        return r;
    }
    OscoreRequestBinding binding{*option->kid, option->partialIv,
                                 oscoreNonce(ctx.commonIv, ctx.recipientId, option->partialIv)};
    r = openMessage(outer, ctx.recipientKey, binding.nonce, oscoreAad(binding.kid, binding.partialIv));
    if (r.verdict != OscoreVerdict::Accepted)
        return r;
    if (!r.message.isRequest()) {
        r = OscoreUnprotected{};
        return r;
    }
    ctx.replay.accept(sequence); // RFC 8613 7.4: only after the message has been verified
    r.binding = std::move(binding);
    return r;
}

OscoreUnprotected oscoreUnprotectResponse(const OscoreContext& ctx, const CoapPdu& outer,
                                          const OscoreRequestBinding& binding)
{
    const auto option = optionOf(outer);
    if (!option)
        return OscoreUnprotected{};
    const OscoreNonce nonce = option->partialIv.empty()
                                  ? binding.nonce
                                  : oscoreNonce(ctx.commonIv, ctx.recipientId, option->partialIv);
    OscoreUnprotected r =
        openMessage(outer, ctx.recipientKey, nonce, oscoreAad(binding.kid, binding.partialIv));
    if (r.verdict == OscoreVerdict::Accepted && r.message.code < 0x40) {
        r = OscoreUnprotected{};
        return r;
    }
    r.binding = binding;
    return r;
}

} // namespace mtcsec::protocol
