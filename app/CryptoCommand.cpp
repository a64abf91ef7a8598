// `mtcsec crypto eea1|eia1|eea2|eia2|eea3|eia3|milenage|kdf|oscore`: argument parsing over the core's crypto
// functions.
#include "app/CryptoCommand.h"

#include "app/Console.h"
#include "app/SubcommandParser.h"
#include "core/InvalidInput.h"
#include "core/crypto/Eea1.h"
#include "core/crypto/Eea2.h"
#include "core/crypto/Eea3.h"
#include "core/crypto/Eia1.h"
#include "core/crypto/Eia2.h"
#include "core/crypto/Eia3.h"
#include "core/crypto/Hex.h"
#include "core/crypto/KeyHierarchy.h"
#include "core/crypto/Milenage.h"
#include "core/protocol/Oscore.h"
#include "core/protocol/OscoreOption.h"

#include <QCommandLineParser>

#include <exception>
#include <functional>
#include <map>

namespace mtcsec::app {
namespace {

struct Option {
    const char* name;
    const char* valueName;
    const char* description;
};

// One function of `mtcsec crypto`: its words ("eea2" or "kdf kasme"), options and action.
struct Function {
    QString words;
    QString summary;
    QString example;
    std::vector<Option> options;
    std::function<QString(const QCommandLineParser&)> run;
};

// The spellings of --help that mtcsec accepts at every level (those of QCommandLineParser::addHelpOption).
bool isHelpOption(const QString& a)
{
    return a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("-?") ||
           a == QLatin1String("--help-all");
}

class BadUsage : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string value(const QCommandLineParser& p, const char* option)
{
    const QString name = QString::fromLatin1(option);
    if (!p.isSet(name))
        throw BadUsage("missing --" + name.toStdString());
    return p.value(name).toStdString();
}

crypto::AlgorithmInput algorithmInput(const QCommandLineParser& p)
{
    crypto::AlgorithmInput in;
    in.count = static_cast<std::uint32_t>(parseHexUnsigned(value(p, "count"), "--count", 0xffffffffu));
    in.bearer = static_cast<std::uint8_t>(parseUnsigned(value(p, "bearer"), "--bearer", 31));
    in.direction = static_cast<crypto::Direction>(parseUnsigned(value(p, "direction"), "--direction", 1));
    return in;
}

std::size_t lengthBits(const QCommandLineParser& p)
{
    return static_cast<std::size_t>(parseUnsigned(value(p, "length"), "--length", 1u << 30));
}

QString line(const std::string& hex)
{
    return QString::fromStdString(hex) + QLatin1Char('\n');
}

const std::vector<Option> kAlgorithmOptions = {
    {"key", "HEX", "128-bit key (32 hex digits)."},
    {"count", "HEX", "32-bit COUNT in hex (up to 8 digits, 0x optional)."},
    {"bearer", "N", "5-bit BEARER, 0-31 (decimal, or hex with 0x)."},
    {"direction", "0|1", "DIRECTION: 0 uplink, 1 downlink."},
    {"length", "BITS", "Message length in bits, as the 3GPP test sets give it."},
    {"data", "HEX", "The message: at least --length bits; bits beyond it are ignored."},
};

// ---- mtcsec crypto oscore (RFC 8613) ----

const std::vector<Option> kOscoreContextOptions = {
    {"master-secret", "HEX", "Master Secret (any length, at least one octet)."},
    {"master-salt", "HEX", "Master Salt (optional; none if not given)."},
    {"id-context", "HEX", "ID Context (optional); a protected request then carries it as kid context."},
    {"sender-id", "HEX", "Sender ID, 0-7 octets (empty: --sender-id \"\")."},
    {"recipient-id", "HEX", "Recipient ID, 0-7 octets (empty: --recipient-id \"\")."},
};

std::vector<Option> withOscoreContext(std::vector<Option> more)
{
    std::vector<Option> all = kOscoreContextOptions;
    all.insert(all.end(), more.begin(), more.end());
    return all;
}

protocol::OscoreContext oscoreContext(const QCommandLineParser& p)
{
    protocol::OscoreParameters in;
    in.masterSecret = secretFromHex(value(p, "master-secret"), "--master-secret");
    if (in.masterSecret.empty()) // RFC 8613 3.2.1: the Master Secret is the one input that cannot be empty
        throw InvalidInput("--master-secret: must not be empty (at least one octet of hex)");
    if (p.isSet(QStringLiteral("master-salt")))
        in.masterSalt = fromHex(value(p, "master-salt"), "--master-salt");
    if (p.isSet(QStringLiteral("id-context")))
        in.idContext = fromHex(value(p, "id-context"), "--id-context");
    in.senderId = fromHex(value(p, "sender-id"), "--sender-id");
    in.recipientId = fromHex(value(p, "recipient-id"), "--recipient-id");
    return protocol::deriveOscoreContext(in);
}

protocol::CoapPdu coapOption(const QCommandLineParser& p, const char* option)
{
    const std::string field = std::string("--") + option;
    const auto pdu = protocol::parseCoapPdu(fromHex(value(p, option), field));
    if (!pdu)
        throw InvalidInput(field + ": not a CoAP message (RFC 7252 3)");
    return *pdu;
}

std::uint64_t sequenceOption(const QCommandLineParser& p)
{
    return parseUnsigned(value(p, "seq"), "--seq", protocol::kOscoreMaxSequence);
}

const char* verdictText(protocol::OscoreVerdict v)
{
    switch (v) {
    case protocol::OscoreVerdict::Accepted:
        return "accepted";
    case protocol::OscoreVerdict::Malformed:
        return "not an OSCORE message of this kind (RFC 8613 6.1, 8.2 step 1)";
    case protocol::OscoreVerdict::UnknownContext:
        return "its kid is not the context's Recipient ID (RFC 8613 8.2 step 2)";
    case protocol::OscoreVerdict::Replay:
        return "its Partial IV was seen before (RFC 8613 7.4)";
    case protocol::OscoreVerdict::IntegrityFailure:
        return "the AES-CCM tag does not verify (RFC 8613 8.2 step 5)";
    }
    return "refused";
}

// What the client kept of the protected request `request` it sent (RFC 8613 7.1): its kid and Partial IV.
protocol::OscoreRequestBinding bindingOfSentRequest(const protocol::OscoreContext& c,
                                                    const protocol::CoapPdu& request)
{
    const protocol::CoapOption* o = request.option(protocol::kOptionOscore);
    const auto option = o != nullptr ? protocol::parseOscoreOption(o->value) : std::nullopt;
    if (!option || !option->kid || option->partialIv.empty())
        throw InvalidInput("--request: not an OSCORE request (no OSCORE option with kid and Partial IV)");
    if (*option->kid != c.senderId)
        throw InvalidInput("--request: its kid is not this context's Sender ID");
    return {*option->kid, option->partialIv,
            protocol::oscoreNonce(c.commonIv, *option->kid, option->partialIv)};
}

void addOscoreFunctions(std::vector<Function>& f)
{
    f.push_back(
        {QStringLiteral("oscore derive"),
         QStringLiteral("OSCORE security context: Sender and Recipient Keys and Common IV with "
                        "HKDF-SHA-256 for AES-CCM-16-64-128 (RFC 8613 3.2)"),
         QStringLiteral("mtcsec crypto oscore derive --master-secret 0102030405060708090a0b0c0d0e0f10 "
                        "--master-salt 9e7ca92223786340 --sender-id \"\" --recipient-id 01"),
         kOscoreContextOptions, [](const QCommandLineParser& p) {
             const protocol::OscoreContext c = oscoreContext(p);
             return QStringLiteral("sender_key=%1\nrecipient_key=%2\ncommon_iv=%3\n")
                 .arg(QString::fromStdString(toHex(c.senderKey)),
                      QString::fromStdString(toHex(c.recipientKey)),
                      QString::fromStdString(toHex(c.commonIv)));
         }});
    f.push_back({QStringLiteral("oscore protect-request"),
                 QStringLiteral("An OSCORE-protected CoAP request from an unprotected one (RFC 8613 8.1)"),
                 QStringLiteral(
                     "mtcsec crypto oscore protect-request --master-secret 0102030405060708090a0b0c0d0e0f10 "
                     "--master-salt 9e7ca92223786340 --sender-id \"\" --recipient-id 01 --seq 20 --message "
                     "44015d1f00003974396c6f63616c686f737483747631"),
                 withOscoreContext({{"seq", "N", "Sender Sequence Number, the Partial IV (0 to 2^40-1)."},
                                    {"message", "HEX", "The unprotected CoAP request."}}),
                 [](const QCommandLineParser& p) {
                     protocol::OscoreContext c = oscoreContext(p);
                     c.senderSequence = sequenceOption(p);
                     const protocol::CoapPdu request = coapOption(p, "message");
                     if (!request.isRequest())
                         throw InvalidInput("--message: not a request (its code is not 0.01-0.31)");
                     return line(toHex(protocol::encodeCoapPdu(
                         protocol::oscoreProtectRequest(c, request, c.idContext.has_value()).message)));
                 }});
    f.push_back(
        {QStringLiteral("oscore protect-response"),
         QStringLiteral("An OSCORE-protected CoAP response to a protected request (RFC 8613 8.3)"),
         QStringLiteral(
             "mtcsec crypto oscore protect-response --master-secret 0102030405060708090a0b0c0d0e0f10 "
             "--master-salt 9e7ca92223786340 --sender-id 01 --recipient-id \"\" --request "
             "44025d1f00003974396c6f63616c686f7374620914ff612f1092f1776f1c1668b3825e --message "
             "64455d1f00003974ff48656c6c6f20576f726c6421"),
         withOscoreContext(
             {{"request", "HEX", "The protected request it answers (verified with this context first)."},
              {"message", "HEX", "The unprotected CoAP response."},
              {"seq", "N",
               "Optional: the server's Sender Sequence Number, sent as the response's own Partial IV "
               "(without it the response reuses the request's nonce)."}}),
         [](const QCommandLineParser& p) {
             protocol::OscoreContext c = oscoreContext(p);
             const protocol::OscoreUnprotected request =
                 protocol::oscoreUnprotectRequest(c, coapOption(p, "request"));
             if (request.verdict != protocol::OscoreVerdict::Accepted)
                 throw InvalidInput(std::string("--request: ") + verdictText(request.verdict));
             const bool own = p.isSet(QStringLiteral("seq"));
             if (own)
                 c.senderSequence = sequenceOption(p);
             const protocol::CoapPdu response = coapOption(p, "message");
             if (response.code < 0x40 || response.code >= 0xc0)
                 throw InvalidInput("--message: not a response (its code is not 2.00-5.31)");
             return line(toHex(protocol::encodeCoapPdu(
                 protocol::oscoreProtectResponse(c, response, request.binding, own))));
         }});
    f.push_back(
        {QStringLiteral("oscore unprotect"),
         QStringLiteral(
             "Verify and decrypt an OSCORE request, or with --request the response to it (RFC 8613 "
             "8.2, 8.4)"),
         QStringLiteral("mtcsec crypto oscore unprotect --master-secret 0102030405060708090a0b0c0d0e0f10 "
                        "--master-salt 9e7ca92223786340 --sender-id 01 --recipient-id \"\" --message "
                        "44025d1f00003974396c6f63616c686f7374620914ff612f1092f1776f1c1668b3825e"),
         withOscoreContext(
             {{"message", "HEX", "The protected CoAP message."},
              {"request", "HEX",
               "For a response: the protected request this client sent (binds the response)."}}),
         [](const QCommandLineParser& p) {
             protocol::OscoreContext c = oscoreContext(p);
             const protocol::CoapPdu message = coapOption(p, "message");
             const protocol::OscoreUnprotected u =
                 p.isSet(QStringLiteral("request"))
                     ? protocol::oscoreUnprotectResponse(c, message,
                                                         bindingOfSentRequest(c, coapOption(p, "request")))
                     : protocol::oscoreUnprotectRequest(c, message);
             if (u.verdict != protocol::OscoreVerdict::Accepted)
                 throw InvalidInput(std::string("--message: ") + verdictText(u.verdict));
             return line(toHex(protocol::encodeCoapPdu(u.message)));
         }});
}

std::vector<Function> functions()
{
    std::vector<Function> f;
    using Integrity = crypto::Mac (*)(ByteView, const crypto::AlgorithmInput&, ByteView, std::size_t);
    // The six EPS algorithms share their options and output: the ciphertext, or the MAC as 8 hex digits.
    const auto algorithm = [&f](const char* words, const char* summary, const char* example, auto fn) {
        f.push_back({QString::fromLatin1(words), QString::fromLatin1(summary), QString::fromLatin1(example),
                     kAlgorithmOptions, [fn](const QCommandLineParser& p) {
                         const SecureBytes key = secretFromHex(value(p, "key"), "--key");
                         const Bytes data = fromHex(value(p, "data"), "--data");
                         return line(toHex(fn(key, algorithmInput(p), data, lengthBits(p))));
                     }});
    };
    algorithm("eea1", "128-EEA1 ciphering, SNOW 3G (TS 33.401 Annex B.1.2, UEA2)",
              "mtcsec crypto eea1 --key 5acb1d644c0d51204ea5f1451010d852 --count fa556b26 --bearer 0x03 "
              "--direction 1 --length 120 --data ad9c441f890b38c457a49d421407e8",
              &crypto::eea1);
    algorithm("eia1", "128-EIA1 integrity, SNOW 3G, 32-bit MAC (TS 33.401 Annex B.2.2, UIA2)",
              "mtcsec crypto eia1 --key 2bd6459f82c5b300952c49104881ff48 --count 38a6f056 --bearer 0x1f "
              "--direction 0 --length 88 --data 33323462633938613734790000000000",
              static_cast<Integrity>(&crypto::eia1));
    algorithm(
        "eea2", "128-EEA2 ciphering, AES-128-CTR (TS 33.401 Annex B.1.3)",
        "mtcsec crypto eea2 --key d3c5d592327fb11c4035c6680af8c6d1 --count 398a59b4 --bearer 0x15 "
        "--direction 1 --length 253 --data 981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0",
        &crypto::eea2);
    algorithm("eia2", "128-EIA2 integrity, AES-128-CMAC, 32-bit MAC (TS 33.401 Annex B.2.3)",
              "mtcsec crypto eia2 --key 2bd6459f82c5b300952c49104881ff48 --count 38a6f056 --bearer 0x18 "
              "--direction 0 --length 58 --data 3332346263393840",
              static_cast<Integrity>(&crypto::eia2));
    algorithm("eea3", "128-EEA3 ciphering, ZUC (TS 33.401 Annex B.1.4)",
              "mtcsec crypto eea3 --key 173d14ba5003731d7a60049470f00a29 --count 66035492 --bearer 0x0f "
              "--direction 0 --length 193 --data 6cf65340735552ab0c9752fa6f9025fe0bd675d9005875b200000000",
              &crypto::eea3);
    algorithm("eia3", "128-EIA3 integrity, ZUC, 32-bit MAC (TS 33.401 Annex B.2.4)",
              "mtcsec crypto eia3 --key 47054125561eb2dda94059da05097850 --count 561eb2dd --bearer 0x14 "
              "--direction 0 --length 90 --data 000000000000000000000000",
              static_cast<Integrity>(&crypto::eia3));
    f.push_back(
        {QStringLiteral("milenage"),
         QStringLiteral("Milenage f1, f1*, f2, f3, f4, f5, f5* and OPc (TS 35.206)"),
         QStringLiteral("mtcsec crypto milenage --k 465b5ce8b199b49faa5f0a2ee238a6bc --op "
                        "cdc202d5123e20f62b6d676ac72cb318 --rand 23553cbe9637a89d218ae64dae47bf35 "
                        "--sqn ff9bb4d0b607 --amf b9b9"),
         {{"k", "HEX", "Subscriber key K, 128 bits."},
          {"op", "HEX", "Operator variant OP, 128 bits (give --op or --opc)."},
          {"opc", "HEX", "OPc = OP xor E_K(OP), 128 bits (give --op or --opc)."},
          {"rand", "HEX", "RAND, 128 bits."},
          {"sqn", "HEX", "SQN, 48 bits."},
          {"amf", "HEX", "AMF, 16 bits."}},
         [](const QCommandLineParser& p) {
             const SecureBytes k = secretFromHexExact(value(p, "k"), "--k", 16);
             if (p.isSet(QStringLiteral("op")) == p.isSet(QStringLiteral("opc")))
                 throw BadUsage("give exactly one of --op and --opc");
             const SecureBytes opc =
                 p.isSet(QStringLiteral("op"))
                     ? crypto::Milenage::computeOpc(k, secretFromHexExact(value(p, "op"), "--op", 16))
                     : secretFromHexExact(value(p, "opc"), "--opc", 16);
             const auto o = crypto::Milenage(k, opc).compute(fromHexExact(value(p, "rand"), "--rand", 16),
                                                             fromHexExact(value(p, "sqn"), "--sqn", 6),
                                                             fromHexExact(value(p, "amf"), "--amf", 2));
             return QStringLiteral("opc=%1\nf1=%2\nf1star=%3\nf2=%4\nf3=%5\nf4=%6\nf5=%7\nf5star=%8\n")
                 .arg(QString::fromStdString(toHex(opc)), QString::fromStdString(toHex(o.f1)),
                      QString::fromStdString(toHex(o.f1star)), QString::fromStdString(toHex(o.f2)),
                      QString::fromStdString(toHex(o.f3)), QString::fromStdString(toHex(o.f4)),
                      QString::fromStdString(toHex(o.f5)), QString::fromStdString(toHex(o.f5star)));
         }});
    f.push_back({QStringLiteral("kdf kasme"),
                 QStringLiteral("KASME from CK, IK, SN id, SQN xor AK (TS 33.401 A.2)"),
                 QStringLiteral("mtcsec crypto kdf kasme --ck b40ba9a3c58b2a05bbf0d987b21bf8cb --ik "
                                "f769bcd751044604127672711c6d3441 --snid 00f110 --sqn-xor-ak 55f328b43577"),
                 {{"ck", "HEX", "CK, 128 bits."},
                  {"ik", "HEX", "IK, 128 bits."},
                  {"snid", "HEX", "Serving network identity, 3 octets (MCC 001 MNC 01 = 00f110)."},
                  {"sqn-xor-ak", "HEX", "SQN xor AK, 6 octets (the first field of AUTN)."}},
                 [](const QCommandLineParser& p) {
                     return line(
                         toHex(crypto::deriveKasme(secretFromHexExact(value(p, "ck"), "--ck", 16),
                                                   secretFromHexExact(value(p, "ik"), "--ik", 16),
                                                   fromHexExact(value(p, "snid"), "--snid", 3),
                                                   fromHexExact(value(p, "sqn-xor-ak"), "--sqn-xor-ak", 6))));
                 }});
    f.push_back(
        {QStringLiteral("kdf kenb"),
         QStringLiteral("KeNB from KASME and the uplink NAS COUNT (TS 33.401 A.3)"),
         QStringLiteral("mtcsec crypto kdf kenb --kasme "
                        "48579af8781c742d5120e6ed8ccac13193f38c53ab7aa69396f49ca6e1b0562d --ul-count 0"),
         {{"kasme", "HEX", "KASME, 256 bits."},
          {"ul-count", "N", "Uplink NAS COUNT, 32 bits (decimal, or hex with 0x)."}},
         [](const QCommandLineParser& p) {
             const auto count = parseUnsigned(value(p, "ul-count"), "--ul-count", 0xffffffffu);
             return line(toHex(crypto::deriveKeNB(secretFromHexExact(value(p, "kasme"), "--kasme", 32),
                                                  static_cast<std::uint32_t>(count))));
         }});
    f.push_back(
        {QStringLiteral("kdf nh"),
         QStringLiteral("NH from KASME and the SYNC-input (TS 33.401 A.4)"),
         QStringLiteral(
             "mtcsec crypto kdf nh --kasme 48579af8781c742d5120e6ed8ccac13193f38c53ab7aa69396f49ca6e1b0562d "
             "--sync-input 8214c68f2c779346814e4095c5b38cae9f5485c38006d711c0a379c0ec58796b"),
         {{"kasme", "HEX", "KASME, 256 bits."},
          {"sync-input", "HEX",
           "SYNC-input, 256 bits: the fresh KeNB for the first NH, then the previous NH."}},
         [](const QCommandLineParser& p) {
             return line(
                 toHex(crypto::deriveNh(secretFromHexExact(value(p, "kasme"), "--kasme", 32),
                                        secretFromHexExact(value(p, "sync-input"), "--sync-input", 32))));
         }});
    f.push_back(
        {QStringLiteral("kdf alg"),
         QStringLiteral("A 128-bit NAS, RRC or UP algorithm key (TS 33.401 A.7)"),
         QStringLiteral(
             "mtcsec crypto kdf alg --key 48579af8781c742d5120e6ed8ccac13193f38c53ab7aa69396f49ca6e1b0562d "
             "--type nas-int --alg 2"),
         {{"key", "HEX", "KASME (for nas-*) or KeNB (for rrc-* and up-*), 256 bits."},
          {"type", "TYPE", "nas-enc, nas-int, rrc-enc, rrc-int, up-enc or up-int."},
          {"alg", "N", "Algorithm identity 0-15 (2 = 128-EEA2 / 128-EIA2)."}},
         [](const QCommandLineParser& p) {
             const std::string typeText = value(p, "type");
             const auto type = crypto::parseAlgorithmKeyType(typeText);
             if (!type)
                 throw InvalidInput("--type: '" + typeText +
                                    "' is not one of nas-enc, nas-int, rrc-enc, rrc-int, up-enc, up-int");
             const auto alg = static_cast<std::uint8_t>(parseUnsigned(value(p, "alg"), "--alg", 15));
             return line(toHex(
                 crypto::deriveAlgorithmKey(secretFromHexExact(value(p, "key"), "--key", 32), *type, alg)));
         }});
    addOscoreFunctions(f);
    return f;
}

// The words after "crypto" that name functions or a group of them: everything before the first option.
QStringList leadingWords(const QStringList& arguments)
{
    QStringList words;
    for (const QString& a : arguments.mid(1)) {
        if (a.startsWith(QLatin1Char('-')))
            break;
        words << a;
    }
    return words;
}

// The functions whose words begin with `group` ("" for all of them, "kdf" for the key derivations).
std::vector<const Function*> functionsIn(const std::vector<Function>& all, const QStringList& group)
{
    std::vector<const Function*> in;
    for (const Function& f : all) {
        if (f.words.split(QLatin1Char(' ')).mid(0, group.size()) == group)
            in.push_back(&f);
    }
    return in;
}

// `mtcsec crypto --help`, `mtcsec crypto kdf --help` and `mtcsec crypto oscore --help`: what the group does
// and its functions (named as typed after the group's words), each with an example.
QString groupHelp(const std::vector<const Function*>& functions, const QStringList& group)
{
    const QString prefix = group.isEmpty() ? QString() : group.join(QLatin1Char(' ')) + QLatin1Char(' ');
    const QString what =
        group == QStringList{QStringLiteral("kdf")}
            ? QStringLiteral(
                  "The key derivations of TS 33.401 Annex A (the KDF of TS 33.220 B.2, HMAC-SHA-256) on\n"
                  "hexadecimal input: KASME, KeNB, NH and the NAS, RRC and UP algorithm keys. The result\n"
                  "is one lowercase hex line: 256-bit keys whole, algorithm keys as their 128 bits.\n")
        : group == QStringList{QStringLiteral("oscore")}
            ? QStringLiteral(
                  "OSCORE (RFC 8613: AES-CCM-16-64-128, HKDF-SHA-256) on hexadecimal input: derive the\n"
                  "security context, protect a CoAP request or response, verify and decrypt one. The\n"
                  "result is lowercase hex on stdout.\n")
            : QStringLiteral(
                  "3GPP and OSCORE security functions on hexadecimal input: 128-EEA1/2/3, 128-EIA1/2/3,\n"
                  "Milenage, the TS 33.401 key derivations (kdf) and OSCORE (oscore). The result is\n"
                  "lowercase hex on stdout. Lengths (--length) are in bits, as the 3GPP test sets give "
                  "them.\n");
    QString text = QStringLiteral("Usage: mtcsec crypto %1FUNCTION [OPTIONS]\n"
                                  "\n"
                                  "%2"
                                  "mtcsec crypto %1FUNCTION --help lists its options.\n"
                                  "\n"
                                  "Functions:\n")
                       .arg(prefix, what);
    for (const Function* f : functions)
        text += QStringLiteral("  %1\n      %2\n      %3\n")
                    .arg(f->words.mid(prefix.size()), f->summary, f->example);
    return text;
}

} // namespace

int runCryptoCommand(const QStringList& arguments)
{
    const std::vector<Function> all = functions();

    // Match "eea2" or "kdf kasme": the longest run of words naming a function.
    const Function* chosen = nullptr;
    int wordsUsed = 0;
    for (const Function& f : all) {
        const QStringList words = f.words.split(QLatin1Char(' '));
        if (arguments.mid(1, static_cast<int>(words.size())) == words) {
            chosen = &f;
            wordsUsed = static_cast<int>(words.size());
        }
    }
    if (chosen == nullptr) {
        // No function named: the words name a group of them ("" for all, "kdf") or nothing known.
        const QStringList words = leadingWords(arguments);
        const std::vector<const Function*> group = functionsIn(all, words);
        if (!group.empty()) {
            if (isHelpOption(arguments.value(1 + static_cast<int>(words.size())))) {
                printOut(groupHelp(group, words));
                return ExitOk;
            }
            const QString command =
                (QStringList{QStringLiteral("mtcsec crypto")} + words).join(QLatin1Char(' '));
            printError(QStringLiteral("%1: which function? (%1 --help lists them)").arg(command));
            return ExitBadInput;
        }
        QString known;
        for (const Function& f : all)
            known += (known.isEmpty() ? QString() : QStringLiteral(", ")) + f.words;
        printError(QStringLiteral("mtcsec crypto: unknown function '%1' (one of: %2)")
                       .arg(words.join(QLatin1Char(' ')), known));
        return ExitBadInput;
    }

    const QString command = QStringLiteral("mtcsec crypto ") + chosen->words;
    QCommandLineParser parser;
    parser.setApplicationDescription(chosen->summary + QStringLiteral("\nExample: ") + chosen->example);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QCommandLineOption otherHelp(QStringList{QStringLiteral("?"), QStringLiteral("help-all")},
                                 QStringLiteral("Show this help."));
    otherHelp.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(otherHelp);
    for (const Option& o : chosen->options)
        parser.addOption(QCommandLineOption(QString::fromLatin1(o.name), QString::fromLatin1(o.description),
                                            QString::fromLatin1(o.valueName)));

    QStringList toParse{command};
    toParse += arguments.mid(1 + wordsUsed);
    if (!parser.parse(toParse)) {
        printError(command + QStringLiteral(": ") + parseErrorText(parser, command));
        return ExitBadInput;
    }
    if (parser.isSet(help) || parser.isSet(otherHelp)) {
        // QCommandLineParser names the executable alone; name the whole command instead.
        QString text = parser.helpText();
        const QString usage = QStringLiteral("Usage: ");
        const qsizetype start = text.indexOf(usage);
        const qsizetype end = text.indexOf(QLatin1Char(' '), start + usage.size());
        if (start >= 0 && end > start)
            text.replace(start, end - start, usage + command);
        printOut(text);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(command + QStringLiteral(": unexpected argument '") +
                   parser.positionalArguments().constFirst() + QLatin1Char('\''));
        return ExitBadInput;
    }
    for (const Option& o : chosen->options) {
        const QString name = QString::fromLatin1(o.name);
        if (parser.values(name).size() > 1) {
            printError(command + QStringLiteral(": --") + name + QStringLiteral(" given more than once"));
            return ExitBadInput;
        }
    }

    try {
        printOut(chosen->run(parser));
        return ExitOk;
    } catch (const BadUsage& e) {
        printError(command + QStringLiteral(": ") + QString::fromStdString(e.what()));
        return ExitBadInput;
    } catch (const InvalidInput& e) {
        printError(command + QStringLiteral(": ") + QString::fromStdString(e.what()));
        return ExitBadInput;
    } catch (const std::exception& e) {
        printError(command + QStringLiteral(": internal error: ") + QString::fromStdString(e.what()));
        return ExitInternal;
    }
}

} // namespace mtcsec::app
