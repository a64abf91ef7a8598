// A Wireshark 4.0 configuration profile: preferences, heuristic_protos and UAT files (one record a line, each
// field a quoted string, as Wireshark's uat_save writes them).
#include "core/report/WiresharkProfile.h"

#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/protocol/Ipv4Udp.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace mtcsec::report {
namespace {

// A UAT field: a quoted string (the values written here never hold a quote, a backslash or a control char).
std::string field(const std::string& value)
{
    return "\"" + value + "\"";
}

std::string hex(ByteView bytes)
{
    return toHex(bytes);
}

QByteArray bytes(const std::string& text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

const char* const kHeader =
    "# Written by mtcsec for Wireshark 4.0 (profile \"mtcsec\"): do not edit, the next "
    "run with --pcap replaces it.\n";

} // namespace

WiresharkProfile::WiresharkProfile()
{
    // PDCP-LTE (packet-pdcp-lte.c): a PDU is deciphered and its MAC-I checked only when sequence analysis
    // gives its COUNT, and only for PDCP over UDP when the analysis is set to PDCP frames.
    preferences_["pdcp-lte.check_sequence_numbers"] = "Only-PDCP-frames";
    preferences_["pdcp-lte.decipher_signalling"] = "TRUE";
    preferences_["pdcp-lte.decipher_userplane"] = "TRUE";
    preferences_["pdcp-lte.verify_integrity"] = "TRUE";
    preferences_["pdcp-lte.show_signalling_plane_as_rrc"] = "TRUE";
    preferences_["pdcp-lte.show_user_plane_as_ip"] = "TRUE";
    // ESP (packet-ipsec.c): decipher with the esp_sa table and check the ICV.
    preferences_["esp.enable_encryption_decode"] = "TRUE";
    preferences_["esp.enable_authentication_check"] = "TRUE";
}

void WiresharkProfile::addPdcpUe(const PdcpUeKeys& keys)
{
    pdcpUes_.push_back(keys);
}

void WiresharkProfile::addEspSa(const EspSaKeys& sa)
{
    espSas_.push_back(sa);
}

void WiresharkProfile::addOscoreContext(const OscoreContextRow& context)
{
    oscore_.push_back(context);
}

void WiresharkProfile::addTlsKeyLog(std::string_view lines)
{
    tlsKeyLog_ += lines;
}

void WiresharkProfile::setDtlsPsk(ByteView psk)
{
    if (psk.empty())
        preferences_.erase("dtls.psk");
    else
        preferences_["dtls.psk"] = hex(psk);
}

void WiresharkProfile::setPreference(const std::string& name, const std::string& value)
{
    preferences_[name] = value;
}

std::map<QString, QByteArray> WiresharkProfile::files() const
{
    std::map<QString, QByteArray> out;
    std::string prefs = kHeader;
    for (const auto& [name, value] : preferences_)
        prefs += name + ": " + value + "\n";
    out[QStringLiteral("preferences")] = bytes(prefs);
    // The PDCP-LTE over UDP framing (the "pdcp-lte" signature) is a heuristic, off by default.
    out[QStringLiteral("heuristic_protos")] = bytes(std::string(kHeader) + "pdcp_lte_udp,1\n");
    // Every table is written, empty or not: a table of a previous run in the same folder never stays behind.
    {
        // Fields: UEId, RRC Cipher Key, User-Plane Cipher Key, RRC Integrity Key.
        std::string text = kHeader;
        const auto key = [](const std::optional<PdcpUeKeys::Key>& k) {
            return field(k ? hex(*k) : "");
        };
        for (const PdcpUeKeys& k : pdcpUes_)
            text += field(std::to_string(k.ueId)) + "," + key(k.rrcCiphering) + "," + key(k.upCiphering) +
                    "," + key(k.rrcIntegrity) + "\n";
        out[QStringLiteral("pdcp_lte_ue_keys")] = bytes(text);
    }
    {
        // Fields: Protocol, Src IP, Dest IP, SPI, Encryption, Encryption Key, Authentication, Authentication
        // Key.
        std::string text = kHeader;
        for (const EspSaKeys& sa : espSas_) {
            char spi[16];
            std::snprintf(spi, sizeof spi, "0x%08x", sa.spi);
            Bytes key(sa.key.begin(), sa.key.end());
            key.insert(key.end(), sa.salt.begin(), sa.salt.end());
            text += field("IPv4") + "," + field(protocol::ipv4ToString(sa.source)) + "," +
                    field(protocol::ipv4ToString(sa.destination)) + "," + field(spi) + "," +
                    field("AES-GCM with 16 octet ICV [RFC4106]") + "," + field("0x" + hex(key)) + "," +
                    field("NULL") + "," + field("") + "\n";
        }
        out[QStringLiteral("esp_sa")] = bytes(text);
    }
    // Fields: Sender ID, Recipient ID, Master Secret, Master Salt, ID Context, Algorithm.
    out[QStringLiteral("oscore_contexts")] = bytes(oscoreContextsUat(oscore_));
    out[QString::fromLatin1(kTlsKeyLogFile)] = bytes(tlsKeyLog_);
    return out;
}

WiresharkProfileWriter::WiresharkProfileWriter(const QString& captureFolder, const WiresharkProfile& profile)
{
    try {
        QString path = captureFolder.isEmpty() ? QStringLiteral(".") : captureFolder;
        for (const char* part : {WiresharkProfile::kConfigFolder, "profiles", WiresharkProfile::kName}) {
            path += QLatin1Char('/') + QString::fromLatin1(part);
            const QByteArray native = QFile::encodeName(path);
            if (::mkdir(native.constData(), 0777) == 0)
                madeFolders_.push_back(path);
            else if (errno != EEXIST)
                io::throwCannotWrite(path, io::osReason(errno));
            // An existing symbolic link is refused here, never followed.
            folder_ = io::OutputFolder::open(path, io::OutputFolder::Links::Refuse);
        }
        folderPath_ = path;
        folder_->requireWritable();
        for (const auto& [name, content] : profile.files()) {
            auto file = std::make_unique<io::AtomicFile>(folder_, name);
            file->write(content);
            files_.push_back(std::move(file));
        }
    } catch (const InvalidInput&) {
        files_.clear();
        folder_.reset();
        removeCreatedFolders();
        throw;
    }
}

WiresharkProfileWriter::~WiresharkProfileWriter()
{
    files_.clear(); // removes the temporary files
    folder_.reset();
    if (!committed_)
        removeCreatedFolders();
}

void WiresharkProfileWriter::removeCreatedFolders() noexcept
{
    for (auto it = madeFolders_.rbegin(); it != madeFolders_.rend(); ++it)
        ::rmdir(QFile::encodeName(*it).constData());
    madeFolders_.clear();
}

void WiresharkProfileWriter::finishWriting()
{
    for (auto& file : files_)
        file->finishWriting(io::AtomicFile::Sync::Each);
}

void WiresharkProfileWriter::release() const noexcept
{
    if (folder_)
        folder_->release();
}

void WiresharkProfileWriter::commit()
{
    for (auto& file : files_) {
        const bool existed = file->replacesExisting();
        file->commit(io::AtomicFile::Sync::Each);
        if (!existed)
            created_ << file->path();
    }
    committed_ = true;
}

} // namespace mtcsec::report
