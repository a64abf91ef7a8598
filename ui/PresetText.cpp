// The preset descriptions' translations: the English text here must match core/scenario/Presets.cpp
// (tests/tst_translation.cpp checks every preset).
#include "ui/PresetText.h"

#include <QCoreApplication>
#include <QStringList>

#include <array>

namespace mtcsec::ui {
namespace {

constexpr std::array<const char*, 16> kDescriptions = {
    QT_TRANSLATE_NOOP("Preset", "The first screen: traffic flows with no protection and no attacker, and "
                                "everything is readable."),
    QT_TRANSLATE_NOOP("Preset", "With no protection anywhere, eavesdropping and tampering break every "
                                "requirement."),
    QT_TRANSLATE_NOOP("Preset",
                      "The operator's network protects its own hops, not the data beyond the P-GW."),
    QT_TRANSLATE_NOOP("Preset", "End-to-end application security keeps the data safe from device to server, "
                                "but the signalling is left exposed."),
    QT_TRANSLATE_NOOP("Preset",
                      "Standard devices refuse null integrity (EIA0): none attaches until integrity "
                      "is switched on halfway, so the forged Detach that breaks R1 in app-only never "
                      "succeeds."),
    QT_TRANSLATE_NOOP("Preset", "With 3GPP security and end-to-end AEAD together, application data stays "
                                "confidential and intact everywhere."),
    QT_TRANSLATE_NOOP("Preset", "Air-interface ciphering ends at the eNB: without NDS/IP, S1-U carries the "
                                "data in the clear."),
    QT_TRANSLATE_NOOP("Preset", "Ciphering without integrity lets an attacker flip bits of a reading "
                                "undetected."),
    QT_TRANSLATE_NOOP("Preset", "A bidding-down attack on the Attach Request is caught by the capabilities "
                                "replayed in the integrity-protected Security Mode Command."),
    QT_TRANSLATE_NOOP("Preset",
                      "A device group that supports only SNOW 3G attaches with 128-EIA1/EEA1 beside "
                      "AES devices; bidding those down from EIA2 to EIA1 is caught by the replayed "
                      "capabilities."),
    QT_TRANSLATE_NOOP("Preset", "Hop-by-hop protection ends inside each node: a compromised P-GW reads "
                                "everything that is not protected end to end."),
    QT_TRANSLATE_NOOP("Preset",
                      "Integrity alone does not stop a replayed command; the replay window switched "
                      "on halfway does."),
    QT_TRANSLATE_NOOP("Preset", "OSCORE protects the readings end to end: a compromised P-GW sees only the "
                                "CoAP header, the token and the OSCORE option (kid, Partial IV), not the "
                                "reading."),
    QT_TRANSLATE_NOOP("Preset", "A replayed reading or command carries a Partial IV the receiver has seen: "
                                "OSCORE's replay window drops it (RFC 8613 7.4)."),
    QT_TRANSLATE_NOOP("Preset", "CoAP over DTLS 1.2 with a pre-shared key (TLS_PSK_WITH_AES_128_CCM_8, as "
                                "LwM2M): tampered records fail their tag, replayed ones the record window, "
                                "forged ones authentication, and the eavesdropper sees only record headers."),
    QT_TRANSLATE_NOOP("Preset", "A device that wakes once an hour pays the whole DTLS handshake (three round "
                                "trips, about 720 octets) before each 15-octet reading; OSCORE needs no "
                                "handshake.")};

} // namespace

QString scenarioDescription(const std::string& description)
{
    return QCoreApplication::translate("Preset", description.c_str());
}

QStringList translatedPresetDescriptions()
{
    QStringList out;
    for (const char* d : kDescriptions)
        out << QString::fromUtf8(d);
    return out;
}

} // namespace mtcsec::ui
