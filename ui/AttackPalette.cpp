// The attack palette.
#include "ui/AttackPalette.h"

#include "ui/EvidenceText.h"
#include "ui/QtText.h"
#include "ui/TopologyScene.h"

#include <QComboBox>
#include <QDrag>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace mtcsec::ui {
namespace {
constexpr std::array<AttackKind, 6> kKinds = {AttackKind::Eavesdrop, AttackKind::Tamper,
                                              AttackKind::Replay,    AttackKind::Inject,
                                              AttackKind::Downgrade, AttackKind::Insider};
} // namespace

QString attackKindDescription(AttackKind kind)
{
    switch (kind) {
    case AttackKind::Eavesdrop:
        return QObject::tr("Captures PDUs on a link and parses them: reads what is not ciphered.");
    case AttackKind::Tamper:
        return QObject::tr("Flips a bit of the content it can locate; integrity checks catch it.");
    case AttackKind::Replay:
        return QObject::tr("Re-sends captured PDUs later; counters and replay windows stop it.");
    case AttackKind::Inject:
        return QObject::tr("Forges commands or a NAS Detach Request; integrity stops it.");
    case AttackKind::Downgrade:
        return QObject::tr("Strips ciphering from the UE capabilities in the Attach Request (Uu only).");
    case AttackKind::Insider:
        return QObject::tr("A compromised eNB, MME, S-GW or P-GW reads what the node holds in clear.");
    }
    return {};
}

AttackKindList::AttackKindList(QWidget* parent)
    : QListWidget(parent)
{
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setAccessibleName(tr("Attack kinds"));
    setAccessibleDescription(tr("Drag a kind onto a link or node of the topology"));
    for (const AttackKind kind : kKinds) {
        auto* item = new QListWidgetItem(QStringLiteral("☠  ") + termText(name(kind)), this);
        item->setData(Qt::UserRole, static_cast<int>(kind));
        item->setToolTip(attackKindDescription(kind));
        item->setData(Qt::AccessibleDescriptionRole, attackKindDescription(kind));
    }
    setCurrentRow(0);
    const int rows = fontMetrics().height() + 6;
    setMinimumHeight(rows * 6 + 2 * frameWidth() + 4);
    setMaximumHeight(rows * 6 + 2 * frameWidth() + 4);
}

std::optional<AttackKind> AttackKindList::currentKind() const
{
    if (currentItem() == nullptr)
        return std::nullopt;
    return static_cast<AttackKind>(currentItem()->data(Qt::UserRole).toInt());
}

void AttackKindList::startDrag(Qt::DropActions)
{
    const auto kind = currentKind();
    if (!kind)
        return;
    auto* mime = new QMimeData;
    mime->setData(QLatin1String(kAttackMimeType), QByteArray(name(*kind).data()));
    mime->setText(qv(name(*kind)));
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->exec(Qt::CopyAction);
}

AttackPalette::AttackPalette(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("attackPalette"));
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("Drag an attacker onto a link or node, or right-click a link."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    kinds_ = new AttackKindList(this);
    layout->addWidget(kinds_);
    auto* row = new QHBoxLayout;
    target_ = new QComboBox(this);
    target_->setAccessibleName(tr("Attack target"));
    place_ = new QPushButton(tr("&Place"), this);
    place_->setAccessibleName(tr("Place the attacker on the target"));
    row->addWidget(target_, 1);
    row->addWidget(place_);
    layout->addLayout(row);
    connect(kinds_, &QListWidget::currentRowChanged, this, &AttackPalette::refreshTargets);
    connect(place_, &QPushButton::clicked, this, [this] {
        const auto kind = kinds_->currentKind();
        if (!kind || target_->currentIndex() < 0)
            return;
        const QPoint t = target_->currentData().toPoint();
        emit placeRequested(static_cast<int>(*kind), t.x(), t.y());
    });
    refreshTargets();
}

void AttackPalette::refreshTargets()
{
    const auto kind = kinds_->currentKind().value_or(AttackKind::Eavesdrop);
    target_->clear();
    if (kind == AttackKind::Insider) {
        for (const Node node : {Node::ENB, Node::MME, Node::SGW, Node::PGW})
            target_->addItem(qv(name(node)), QPoint(-1, static_cast<int>(node)));
    } else if (kind == AttackKind::Downgrade) {
        target_->addItem(QStringLiteral("Uu"), QPoint(static_cast<int>(Link::Uu), -1));
    } else {
        for (const Link link : kAllLinks)
            target_->addItem(qv(name(link)), QPoint(static_cast<int>(link), -1));
    }
}

} // namespace mtcsec::ui
