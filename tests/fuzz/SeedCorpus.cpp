// fuzz_seeds: writes the fuzz targets' seed corpora from real traffic. It runs every preset with a capture
// sink, splits each PDU on the wire (and each attacker's capture) into its layers with the product's own
// parsers, and keeps a few distinct inputs per target, chosen for variety (first octets and size class).
// Usage: fuzz_seeds CORPUS_DIR [PER_TARGET]; the files of CORPUS_DIR/TARGET are replaced.
#include "core/crypto/Hex.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/Engine.h"
#include "core/protocol/AppSecurity.h"
#include "core/protocol/Coap.h"
#include "core/protocol/GtpU.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/NasMessage.h"
#include "core/protocol/NasSecurity.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"
#include "core/protocol/Sctp.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "tests/fuzz/FuzzTarget.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <bit>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace mtcsec;
using namespace mtcsec::protocol;

namespace {

// The distinct inputs of one target in the order first seen, grouped by a variety key.
struct Pool {
    std::set<Bytes> seen;
    std::map<std::string, std::vector<Bytes>> byKey;
    std::vector<std::string> keyOrder;

    void add(ByteView input)
    {
        Bytes b(input.begin(), input.end());
        if (!seen.insert(b).second)
            return;
        // Same first octets and the same power-of-two size: probably the same kind of message.
        std::string key = toHex(input.first(std::min<std::size_t>(input.size(), 3))) + "/" +
                          std::to_string(std::bit_width(input.size()));
        auto [it, fresh] = byKey.try_emplace(key);
        if (fresh)
            keyOrder.push_back(key);
        it->second.push_back(std::move(b));
    }

    // Up to `n` inputs, round by round: the first of each kind, then the second of each, and so on; a round
    // with more kinds than room is spread evenly over them.
    [[nodiscard]] std::vector<Bytes> pick(std::size_t n) const
    {
        std::vector<Bytes> out;
        for (std::size_t round = 0; out.size() < n; ++round) {
            std::vector<const Bytes*> layer;
            for (const std::string& k : keyOrder) {
                const auto& v = byKey.at(k);
                if (round < v.size())
                    layer.push_back(&v[round]);
            }
            if (layer.empty())
                break;
            const std::size_t take = std::min(n - out.size(), layer.size());
            for (std::size_t i = 0; i < take; ++i)
                out.push_back(*layer[i * layer.size() / take]);
        }
        return out;
    }
};

class Splitter : public engine::CaptureSink {
public:
    std::map<std::string, Pool> pools;

    void linkPdu(const engine::PduRecord& pdu) override
    {
        withView(static_cast<std::uint8_t>(pdu.link), pdu.bytes);
        if (pdu.link == Link::Uu) {
            pools["pdcp"].add(pdu.bytes);
            if (!pdu.bytes.empty() && pdu.bytes[0] == kLcidSrb1)
                rrc(pdu.plain);
            else
                ip(pdu.plain);
            return;
        }
        ip(pdu.bytes);
        if (const auto outer = parseIpv4(pdu.bytes); outer && outer->protocol == kIpProtoEsp) {
            pools["esp"].add(outer->payload);
            ip(pdu.plain);
        }
    }
    void attackerCapture(const std::string&, engine::SimTime, std::optional<Link> link, std::optional<Node>,
                         ByteView bytes, bool nasPdu) override
    {
        if (link) {
            withView(static_cast<std::uint8_t>(*link), bytes);
        } else if (nasPdu) {
            withView(kLinkCount + 1, bytes);
            nas(bytes);
        } else {
            withView(kLinkCount, bytes);
            ip(bytes);
        }
    }
    void keysInForce(engine::SimTime, std::uint32_t, const std::string&, const std::string&) override {}

private:
    void withView(std::size_t view, ByteView bytes)
    {
        Bytes b{static_cast<std::uint8_t>(view)};
        b.insert(b.end(), bytes.begin(), bytes.end());
        pools["dissector"].add(b);
    }
    void rrc(ByteView bytes)
    {
        pools["rrc"].add(bytes);
        const auto m = decodeRrc(bytes);
        if (m && (m->type == RrcType::UlInformationTransfer || m->type == RrcType::DlInformationTransfer))
            nas(m->body);
    }
    void nas(ByteView pdu)
    {
        pools["nas"].add(pdu);
        // The plain message inside a protected PDU that is not ciphered (or ciphered with EEA0).
        if (const auto sht = nasSecurityHeaderType(pdu);
            sht && *sht != kShtPlain && pdu.size() > 6 && decodeNas(pdu.subspan(6)))
            pools["nas"].add(pdu.subspan(6));
    }
    void ip(ByteView packet)
    {
        const auto p = parseIpv4(packet);
        if (!p)
            return;
        pools["ipv4udp"].add(packet);
        if (p->protocol == kIpProtoSctp) {
            pools["sctp"].add(p->payload);
            const auto sctp = parseSctp(p->payload);
            if (sctp && sctp->ppid == kPpidS1ap) {
                pools["s1ap"].add(sctp->payload);
                if (const auto s = decodeS1ap(sctp->payload); s && !s->nasPdu.empty())
                    nas(s->nasPdu);
            } else if (sctp && sctp->ppid == kPpidDiameter) {
                pools["diameter"].add(sctp->payload);
            }
            return;
        }
        const auto udp = p->protocol == kIpProtoUdp ? parseUdp(p->payload) : std::nullopt;
        if (!udp)
            return;
        pools["ipv4udp"].add(p->payload);
        const auto port = [&](std::uint16_t n) {
            return udp->sourcePort == n || udp->destinationPort == n;
        };
        if (port(kPortGtpU)) {
            pools["gtpu"].add(udp->payload);
            if (const auto g = parseGtpU(udp->payload))
                ip(g->payload);
        } else if (port(kPortCoap)) {
            pools["coap"].add(udp->payload);
            pools["appsecurity"].add(udp->payload);
        } else if (port(kPortCoapProtected)) {
            pools["appsecurity"].add(udp->payload);
            if (const auto h = parseAppHeader(udp->payload); h && !(h->flags & kAppFlagConfidentiality))
                pools["coap"].add((h->flags & kAppFlagIntegrity) && h->body.size() >= 8
                                      ? h->body.first(h->body.size() - 8)
                                      : h->body);
        }
    }
};

ByteView text(const std::string& s)
{
    return ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: fuzz_seeds CORPUS_DIR [PER_TARGET]\n");
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    const std::size_t perTarget = argc == 3 ? static_cast<std::size_t>(std::stoul(argv[2])) : 24;

    Splitter splitter;
    for (const Preset& preset : presets()) {
        engine::Engine e(preset.scenario);
        e.setCaptureSink(&splitter);
        e.runToEnd();
        splitter.pools["scenario"].add(text(scenarioToJson(preset.scenario).toStdString()));
    }
    // Scenario texts a user may write: short forms, and the hostile ones of issue 9.
    for (const char* json : {
             R"({"schema":"mtcsec-scenario/1"})",
             R"({"schema":"mtcsec-scenario/1","devices":3,"duration_s":10,"protection":{"app":"aead"}})",
             R"({"schema":"mtcsec-scenario/1","traffic":{"uplink_interval_s":1e-7}})",
             R"({"schema":"mtcsec-scenario/1","attacks":[{"kind":"inject","target":"SGi","rate":1e-300}]})",
             R"({"schema":"mtcsec-scenario/1","devices":3,"devices":1000000})",
             R"({"schema":"mtcsec-scenario/1","name":"evil %1 %9","id":"a\u0000b"})",
         })
        splitter.pools["scenario"].add(text(json));
    for (const char* h : {"", "00", "0x0123456789abcdef", "DEADbeef", "465b5ce8b199b49faa5f0a2ee238a6bc",
                          "123", "0xffffffffffffffff", "18446744073709551616", "-1", "0x", "0xg", "1 2"})
        splitter.pools["hex"].add(text(h));

    int written = 0;
    for (const fuzz::NamedTarget& t : fuzz::kTargets) {
        const QString name = QString::fromLatin1(t.name.data(), static_cast<qsizetype>(t.name.size()));
        QDir dir(root + QLatin1Char('/') + name);
        if (!dir.exists() && !QDir().mkpath(dir.path())) {
            std::fprintf(stderr, "fuzz_seeds: %s: cannot create the folder\n", qPrintable(dir.path()));
            return 2;
        }
        for (const QString& old : dir.entryList(QDir::Files))
            dir.remove(old);
        const std::vector<Bytes> inputs = splitter.pools[std::string(t.name)].pick(perTarget);
        for (const Bytes& b : inputs) {
            const QByteArray data(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size()));
            const QString file =
                QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex());
            QFile f(dir.filePath(file));
            if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.flush()) {
                std::fprintf(stderr, "fuzz_seeds: %s: %s\n", qPrintable(f.fileName()),
                             qPrintable(f.errorString()));
                return 2;
            }
        }
        std::printf("%-12s %3zu files (of %zu distinct)\n", qPrintable(name), inputs.size(),
                    splitter.pools[std::string(t.name)].seen.size());
        written += static_cast<int>(inputs.size());
    }
    std::printf("%d files in %s\n", written, qPrintable(root));
    return 0;
}
