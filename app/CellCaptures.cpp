// The packet captures of a run of several cells, one folder per cell (app/CellCaptures.h).
#include "app/CellCaptures.h"

#include "core/io/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <ranges>
#include <sys/stat.h>
#include <unistd.h>

namespace mtcsec::app {

QString cellFolder(const QString& dir, std::uint32_t cell)
{
    return dir + QStringLiteral("/cell-") + QString::number(cell);
}

QString staleCellFolders(const QString& dir, std::uint32_t cells)
{
    std::vector<std::uint64_t> stale;
    const QStringList names = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString& name : names) {
        if (!name.startsWith(QLatin1String("cell-")))
            continue;
        bool ok = false;
        const QString digits = name.mid(5);
        const std::uint64_t n = digits.toULongLong(&ok);
        if (ok && QString::number(n) == digits && n >= cells)
            stale.push_back(n);
    }
    if (stale.empty())
        return {};
    std::ranges::sort(stale);
    QStringList ranges;
    for (std::size_t i = 0; i < stale.size();) {
        std::size_t j = i;
        while (j + 1 < stale.size() && stale[j + 1] == stale[j] + 1)
            ++j;
        ranges << (i == j ? QStringLiteral("cell-%1").arg(stale[i])
                          : QStringLiteral("cell-%1 to cell-%2").arg(stale[i]).arg(stale[j]));
        i = j + 1;
    }
    return ranges.join(QStringLiteral(", "));
}

CellCaptures::CellCaptures(QString dir, std::size_t cells)
    : dir_(std::move(dir))
    , slots_(cells)
{}

engine::CaptureSink* CellCaptures::open(const engine::Cell& cell)
{
    Slot& slot = slots_[cell.index];
    const QString folder = cellFolder(dir_, cell.index);
    if (!QFileInfo::exists(folder)) {
        if (::mkdir(QFile::encodeName(folder).constData(), 0777) != 0)
            io::throwCannotWrite(folder, io::osReason(errno));
        slot.createdFolder = true;
    }
    slot.recorder = std::make_unique<report::CaptureRecorder>(folder);
    return slot.recorder.get();
}

void CellCaptures::finished(const engine::Cell& cell)
{
    slots_[cell.index].recorder->prepare();
}

void CellCaptures::commit(QStringList& created)
{
    for (Slot& slot : slots_) {
        slot.recorder->commit();
        created += slot.recorder->createdFiles();
    }
}

void CellCaptures::undo()
{
    for (std::size_t cell = 0; cell < slots_.size(); ++cell) {
        // A cell committed before the failure: its files are gone (created), its profile folders go too.
        if (slots_[cell].recorder)
            for (const auto& folder : slots_[cell].recorder->createdFolders() | std::views::reverse)
                ::rmdir(QFile::encodeName(folder).constData());
        slots_[cell].recorder.reset();
        if (slots_[cell].createdFolder)
            ::rmdir(QFile::encodeName(cellFolder(dir_, static_cast<std::uint32_t>(cell))).constData());
    }
}

} // namespace mtcsec::app
