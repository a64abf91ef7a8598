// A Wireshark configuration profile written next to a run's captures (DIR/wireshark/profiles/mtcsec/), so
// that `WIRESHARK_CONFIG_DIR=DIR/wireshark tshark -C mtcsec -r DIR/Uu.pcap` deciphers and integrity-checks
// what Wireshark 4.0 has algorithms for: the preferences, the enabled heuristics and the key tables (UATs) of
// the PDCP-LTE dissector (packet-pdcp-lte.c: "pdcp_lte_ue_keys"), ESP (packet-ipsec.c: "esp_sa") and OSCORE
// (packet-oscore.c: "oscore_contexts", OscoreContexts.h), and for DTLS an NSS key log of every association
// (packet-tls-utils.c reads "tls.keylog_file" for DTLS too) or one pre-shared key (packet-dtls.c:
// "dtls.psk").
#pragma once

#include "core/crypto/Bytes.h"
#include "core/io/AtomicFile.h"
#include "core/report/OscoreContexts.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mtcsec::report {

// One row of the PDCP-LTE UE key table: the keys of one AS security context (TS 33.401 A.7), for the UE id
// the Uu capture gives every PDU protected with them (the UDP framing's UEID tag). A key left out is written
// empty: Wireshark then neither deciphers (or checks) with it.
struct PdcpUeKeys {
    using Key = std::array<std::uint8_t, 16>;
    std::uint16_t ueId = 0;
    std::optional<Key> rrcCiphering; // KRRCenc
    std::optional<Key> upCiphering;  // KUPenc
    std::optional<Key> rrcIntegrity; // KRRCint
};

// One ESP SA with AES-128-GCM and a 16-octet ICV (RFC 4106): SPI, tunnel addresses (IPv4, host order), key
// and salt (Wireshark takes them as one 20-octet key).
struct EspSaKeys {
    std::uint32_t spi = 0;
    std::uint32_t source = 0;
    std::uint32_t destination = 0;
    std::array<std::uint8_t, 16> key{};
    std::array<std::uint8_t, 4> salt{};
};

class WiresharkProfile {
public:
    // The profile's name (tshark -C NAME) and where it lives under the capture folder.
    static constexpr const char* kName = "mtcsec";
    static constexpr const char* kConfigFolder = "wireshark"; // WIRESHARK_CONFIG_DIR=DIR/wireshark
    // The DTLS key log file in the profile's folder. Wireshark 4.0 opens "tls.keylog_file" relative to its
    // working directory, not to the profile, so the preference must name it by its absolute path
    // (setPreference; CaptureRecorder does).
    static constexpr const char* kTlsKeyLogFile = "dtls.keylog";

    // The preferences every mtcsec profile has: PDCP-LTE sequence analysis (Wireshark only deciphers a PDU
    // whose COUNT it can follow), deciphering of both planes, MAC-I verification; ESP deciphering and ICV
    // checking.
    WiresharkProfile();

    void addPdcpUe(const PdcpUeKeys& keys);
    void addEspSa(const EspSaKeys& sa);
    // One row of oscore_contexts (OscoreContexts.h; the file is oscoreContextsUat() of the rows, which
    // throws InvalidInput from files() for a row it refuses).
    void addOscoreContext(const OscoreContextRow& context);
    // Lines of the NSS key log ("CLIENT_RANDOM <hex> <hex>\n" each, protocol::wiresharkDtlsKeyLog()),
    // appended to the file kTlsKeyLogFile.
    void addTlsKeyLog(std::string_view lines);
    // The DTLS pre-shared key (RFC 4279), hex in the "dtls.psk" preference. An empty key removes it.
    void setDtlsPsk(ByteView psk);
    // Any other preference, "module.name" -> value as in Wireshark's preferences file (replaces a previous
    // one).
    void setPreference(const std::string& name, const std::string& value);

    // The files of the profile: name -> content ("preferences", "heuristic_protos", and the key tables
    // "pdcp_lte_ue_keys", "esp_sa", "oscore_contexts", and kTlsKeyLogFile, each written even when empty).
    [[nodiscard]] std::map<QString, QByteArray> files() const;

    [[nodiscard]] std::size_t pdcpUeCount() const { return pdcpUes_.size(); }
    [[nodiscard]] std::size_t espSaCount() const { return espSas_.size(); }

private:
    std::map<std::string, std::string> preferences_;
    std::vector<PdcpUeKeys> pdcpUes_;
    std::vector<EspSaKeys> espSas_;
    std::vector<OscoreContextRow> oscore_;
    std::string tlsKeyLog_;
};

// Writes a profile under a capture folder, all or nothing, as the captures are (CaptureRecorder): the folders
// wireshark/profiles/mtcsec are created where absent (never through a symbolic link: an existing one is
// refused), each file goes through io::AtomicFile.
class WiresharkProfileWriter {
public:
    // Creates the folders under `captureFolder` (an open capture folder's path) and opens the files'
    // temporary copies. Throws InvalidInput "PATH: cannot write: why" (OutputFolder, AtomicFile); folders it
    // created are removed again.
    WiresharkProfileWriter(const QString& captureFolder, const WiresharkProfile& profile);
    // Without commit(): the temporary files and the folders it created are removed.
    ~WiresharkProfileWriter();
    WiresharkProfileWriter(const WiresharkProfileWriter&) = delete;
    WiresharkProfileWriter& operator=(const WiresharkProfileWriter&) = delete;

    // Writes every file out (no rename yet). Throws InvalidInput "FILE: cannot write: why".
    void finishWriting();
    // Closes the profile folder's descriptor until commit() (OutputFolder::release()).
    void release() const noexcept;
    // Renames every file into place. Throws InvalidInput "FILE: cannot write: why".
    void commit();
    // After commit(): the files it wrote that did not exist before (paths).
    [[nodiscard]] const QStringList& createdFiles() const { return created_; }
    // After commit(): the folders it made (deepest last), for a caller that undoes the commit.
    [[nodiscard]] const std::vector<QString>& createdFolders() const { return madeFolders_; }
    // The profile folder's path (DIR/wireshark/profiles/mtcsec).
    [[nodiscard]] const QString& folder() const { return folderPath_; }

private:
    void removeCreatedFolders() noexcept;

    std::vector<QString> madeFolders_; // deepest last
    QString folderPath_;
    std::shared_ptr<const io::OutputFolder> folder_;
    std::vector<std::unique_ptr<io::AtomicFile>> files_;
    QStringList created_;
    bool committed_ = false;
};

} // namespace mtcsec::report
