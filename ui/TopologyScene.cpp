// Layout, synchronisation and interaction of the topology canvas.
#include "ui/TopologyScene.h"

#include "ui/QtText.h"

#include <QApplication>
#include <QGraphicsSceneDragDropEvent>
#include <QMenu>
#include <QMimeData>
#include <QPalette>

namespace mtcsec::ui {
namespace {

// Node positions (scene coordinates).
QPointF position(Node node)
{
    switch (node) {
    case Node::Device:
        return {0, 300};
    case Node::ENB:
        return {270, 300};
    case Node::MME:
        return {580, 140};
    case Node::HSS:
        return {840, 140};
    case Node::SGW:
        return {580, 460};
    case Node::PGW:
        return {840, 460};
    case Node::Server:
        return {1130, 460};
    }
    return {};
}

std::pair<Node, Node> ends(Link link)
{
    switch (link) {
    case Link::Uu:
        return {Node::Device, Node::ENB};
    case Link::S1Mme:
        return {Node::ENB, Node::MME};
    case Link::S1U:
        return {Node::ENB, Node::SGW};
    case Link::S6a:
        return {Node::MME, Node::HSS};
    case Link::S5:
        return {Node::SGW, Node::PGW};
    case Link::SGi:
        return {Node::PGW, Node::Server};
    }
    return {};
}

QColor readingColour(engine::Reading r)
{
    switch (r) {
    case engine::Reading::Secret:
        return {231, 76, 60}; // an observer reads something secret
    case engine::Reading::Ciphertext:
        return {39, 174, 96}; // ciphertext
    case engine::Reading::NothingSecret:
        return {241, 196, 15};
    }
    return Qt::gray;
}

constexpr std::array<AttackKind, 5> kLinkKinds = {
    AttackKind::Eavesdrop, AttackKind::Tamper, AttackKind::Replay, AttackKind::Inject, AttackKind::Downgrade};

} // namespace

TopologyScene::TopologyScene(QObject* parent)
    : QGraphicsScene(parent)
{
    // Text on the canvas is sized in scene units, so that it scales with the drawing.
    QFont f = font();
    f.setPointSizeF(13);
    setFont(f);
    buildLayout();
    QEvent paletteChanged(QEvent::PaletteChange);
    event(&paletteChanged);
    setProtection(Protection{});
}

bool TopologyScene::event(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        const QColor text = QApplication::palette().color(QPalette::WindowText);
        coreTitle_->setBrush(text);
        legend_->setBrush(text);
        update();
    }
    return QGraphicsScene::event(event);
}

void TopologyScene::buildLayout()
{
    // The operator's core network in one shaded box.
    auto* core = addRect(QRectF(470, 50, 490, 510), QPen(QColor(127, 140, 141), 1.2, Qt::DashLine),
                         QColor(127, 140, 141, 38));
    core->setZValue(-1);
    coreTitle_ = addSimpleText(tr("Operator core network (EPC)"), font());
    coreTitle_->setPos(480, 532);

    const std::array<std::pair<QString, QString>, kNodeCount> titles = {
        std::pair{tr("MTC devices"), tr("×0")}, {tr("eNB"), tr("radio access")},
        {tr("MME"), tr("NAS, S1-MME")},         {tr("HSS"), tr("subscribers, AKA")},
        {tr("S-GW"), tr("user plane")},         {tr("P-GW"), tr("gateway to SGi")},
        {tr("MTC server"), tr("SCS/AS")}};
    for (std::size_t i = 0; i < kNodeCount; ++i) {
        const auto node = static_cast<Node>(i);
        auto* item = new NodeItem(node, titles[i].first, titles[i].second);
        item->setPos(position(node));
        addItem(item);
        nodes_[i] = item;
        connect(item, &NodeItem::contextMenuRequested, this, &TopologyScene::showNodeMenu);
        connect(item, &NodeItem::activated, this, [this](Node n) {
            if (n == Node::Device)
                emit devicesActivated();
        });
    }
    for (const Link link : kAllLinks) {
        const auto [a, b] = ends(link);
        QLineF line(position(a), position(b));
        // From edge to edge of the node boxes.
        const double len = line.length();
        const double trim = std::abs(line.dx()) > std::abs(line.dy()) ? 74 : 40;
        line = QLineF(line.pointAt(trim / len), line.pointAt(1 - trim / len));
        auto* item = new LinkItem(link, line.p1(), line.p2());
        addItem(item);
        links_[static_cast<std::size_t>(link)] = item;
        connect(item, &LinkItem::contextMenuRequested, this, &TopologyScene::showLinkMenu);
    }
    endToEnd_ = new EndToEndItem(position(Node::Device) + QPointF(0, -30),
                                 position(Node::Server) + QPointF(0, -30), 390);
    addItem(endToEnd_);
    nasLabel_ = addSimpleText(QString(), font());
    nasLabel_->setPos(-70, 372);
    nasLabel_->setBrush(QColor(214, 69, 65));

    // The legend, readable without colour.
    legend_ = addSimpleText(
        tr("Red: 3GPP network level, hop by hop.   Blue: application level, end to end.\n"
           "Solid + lock: confidentiality and integrity.  Dashed + shield: integrity only.\n"
           "Dash-dot + struck lock: ciphering without integrity (user data on Uu: LTE has none for it).\n"
           "Dotted + open lock: nothing.  Dots: messages (red = an observer reads a secret,\n"
           "green = ciphertext, yellow = nothing secret; ringed = touched by an attacker)."),
        font());
    legend_->setPos(-70, 600);
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 60, 40));
}

void TopologyScene::setDeviceCount(std::uint32_t devices, bool acceptsNullIntegrity)
{
    QString tip = tr("%1 MTC devices, drawn as one group; double-click to list them").arg(devices);
    if (acceptsNullIntegrity)
        tip += tr("\nNon-compliant: they accept a Security Mode Command with null integrity (EIA0), against "
                  "TS 24.301 5.4.3.3 / TS 33.401 5.1.4.1");
    nodes_[0]->setSubtitle(acceptsNullIntegrity ? tr("×%1, accept EIA0").arg(devices)
                                                : tr("×%1").arg(devices));
    nodes_[0]->setToolTip(tip);
}

void TopologyScene::setDeviceGroups(std::uint32_t devices, const DeviceBehaviour& ue,
                                    const std::vector<DeviceGroup>& groups)
{
    groupCapabilities_.clear();
    std::uint64_t grouped = 0;
    QString tip = nodes_[0]->toolTip();
    for (const DeviceGroup& g : groups) {
        groupCapabilities_.push_back(g.ue.capabilities);
        grouped += g.devices;
        tip += tr("\nGroup %1: %2 devices, capabilities EEA %3, EIA %4")
                   .arg(QString::fromStdString(g.name))
                   .arg(g.devices)
                   .arg(g.ue.capabilities.eea, 2, 16, QLatin1Char('0'))
                   .arg(g.ue.capabilities.eia, 2, 16, QLatin1Char('0'));
    }
    if (grouped < devices && !groups.empty())
        groupCapabilities_.push_back(ue.capabilities);
    else if (groups.empty() && !(ue.capabilities == UeCapabilities{}))
        groupCapabilities_.push_back(ue.capabilities);
    nodes_[0]->setToolTip(tip);
    setProtection(protection_);
}

void TopologyScene::setProtection(const Protection& protection)
{
    protection_ = protection;
    for (const Link link : kAllLinks)
        links_[static_cast<std::size_t>(link)]->setProtection(
            linkProtection(link, protection, groupCapabilities_));
    endToEnd_->setProtection(applicationProtection(protection.app));
    const SegmentProtection nas = nasProtection(protection.nas, groupCapabilities_);
    nasLabel_->setText(nas.label + tr(" (device ↔ MME)"));
    nasLabel_->setToolTip(nas.description);
}

QPointF TopologyScene::anchorOf(const AttackSpec& spec) const
{
    int stacked = 0;
    for (const auto& [id, item] : attackers_) {
        if (id == spec.id)
            break;
        if (item->spec().link == spec.link && item->spec().node == spec.node)
            ++stacked;
    }
    if (spec.node)
        return position(*spec.node) + QPointF(0, -62 - 48.0 * stacked);
    const QLineF line = links_[static_cast<std::size_t>(*spec.link)]->line();
    const bool vertical = std::abs(line.dx()) < std::abs(line.dy());
    const QPointF mid = line.pointAt(0.5);
    return vertical ? mid + QPointF(-110, -30 + 48.0 * stacked) : mid + QPointF(0, -56 - 48.0 * stacked);
}

AttackerItem* TopologyScene::attackerItem(const std::string& id) const
{
    const auto it = attackers_.find(id);
    return it == attackers_.end() ? nullptr : it->second;
}

void TopologyScene::setAttacks(const std::vector<engine::AttackTally>& attacks)
{
    std::map<std::string, const engine::AttackTally*> live;
    for (const engine::AttackTally& a : attacks) {
        if (!a.removed)
            live[a.spec.id] = &a;
    }
    for (auto it = attackers_.begin(); it != attackers_.end();) {
        if (!live.contains(it->first) || !(live[it->first]->spec == it->second->spec())) {
            delete it->second;
            it = attackers_.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& [id, tally] : live) {
        AttackerItem*& item = attackers_[id];
        if (item == nullptr) {
            item = new AttackerItem(tally->spec);
            addItem(item);
            connect(item, &AttackerItem::removeRequested, this, &TopologyScene::attackRemoveRequested);
            connect(item, &AttackerItem::settingsRequested, this, &TopologyScene::attackSettingsRequested);
        }
        item->setCounts(tally->attempts, tally->blocked, tally->succeeded);
    }
    for (const auto& [id, item] : attackers_)
        item->setPos(anchorOf(item->spec()));
}

void TopologyScene::animate(const std::vector<Frame::Message>& messages)
{
    constexpr std::size_t kMaxInFlight = 160;
    for (const Frame::Message& m : messages) {
        if (messages_.size() >= kMaxInFlight)
            break;
        auto* item = new MessageItem(m.pdu, readingColour(m.reading), m.attacked);
        const QLineF line = links_[static_cast<std::size_t>(m.link)]->line();
        item->path = m.downlink ? QLineF(line.p2(), line.p1()) : line;
        // Uplink and downlink travel on either side of the line.
        const QPointF normal =
            QPointF(-item->path.dy(), item->path.dx()) / std::max(1.0, item->path.length()) * 7.0;
        item->path.translate(normal);
        item->setPos(item->path.p1());
        connect(item, &MessageItem::activated, this, &TopologyScene::messageActivated);
        addItem(item);
        messages_.push_back(item);
    }
}

void TopologyScene::advance(double dt)
{
    constexpr double kTravelSeconds = 0.8; // on screen, whatever the simulated latency
    for (auto it = messages_.begin(); it != messages_.end();) {
        MessageItem* m = *it;
        m->progress += dt / kTravelSeconds;
        if (m->progress >= 1.0) {
            delete m;
            it = messages_.erase(it);
        } else {
            m->setPos(m->path.pointAt(m->progress));
            ++it;
        }
    }
    for (const auto& [id, item] : attackers_)
        item->fade(dt);
}

void TopologyScene::clearMessages()
{
    for (MessageItem* m : messages_)
        delete m;
    messages_.clear();
}

bool TopologyScene::kindFits(AttackKind kind, int link, int node)
{
    if (kind == AttackKind::Insider)
        return node == static_cast<int>(Node::ENB) || node == static_cast<int>(Node::MME) ||
               node == static_cast<int>(Node::SGW) || node == static_cast<int>(Node::PGW);
    if (kind == AttackKind::Downgrade)
        return link == static_cast<int>(Link::Uu);
    return link >= 0;
}

std::pair<int, int> TopologyScene::targetAt(QPointF pos) const
{
    for (QGraphicsItem* item : items(pos)) {
        if (auto* l = qgraphicsitem_cast<LinkItem*>(item))
            return {static_cast<int>(l->link()), -1};
        if (auto* n = qgraphicsitem_cast<NodeItem*>(item))
            return {-1, static_cast<int>(n->node())};
    }
    return {-1, -1};
}

void TopologyScene::dragEnterEvent(QGraphicsSceneDragDropEvent* event)
{
    event->setAccepted(event->mimeData()->hasFormat(QLatin1String(kAttackMimeType)));
}

void TopologyScene::dragMoveEvent(QGraphicsSceneDragDropEvent* event)
{
    if (!event->mimeData()->hasFormat(QLatin1String(kAttackMimeType))) {
        event->ignore();
        return;
    }
    const auto kind = parseAttackKind(event->mimeData()->data(QLatin1String(kAttackMimeType)).toStdString());
    const auto [link, node] = targetAt(event->scenePos());
    event->setAccepted(kind && kindFits(*kind, link, node));
}

void TopologyScene::dropEvent(QGraphicsSceneDragDropEvent* event)
{
    const auto kind = parseAttackKind(event->mimeData()->data(QLatin1String(kAttackMimeType)).toStdString());
    const auto [link, node] = targetAt(event->scenePos());
    if (!kind || !kindFits(*kind, link, node)) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    emit attackRequested(static_cast<int>(*kind), link, node);
}

void TopologyScene::showLinkMenu(Link link, QPoint screenPos)
{
    QMenu menu;
    QMenu* add = menu.addMenu(tr("Add attacker on %1").arg(qv(name(link))));
    for (const AttackKind kind : kLinkKinds) {
        if (!kindFits(kind, static_cast<int>(link), -1))
            continue;
        add->addAction(qv(name(kind)), this, [this, kind, link] {
            emit attackRequested(static_cast<int>(kind), static_cast<int>(link), -1);
        });
    }
    menu.exec(screenPos);
}

void TopologyScene::showNodeMenu(Node node, QPoint screenPos)
{
    QMenu menu;
    if (kindFits(AttackKind::Insider, -1, static_cast<int>(node))) {
        menu.addAction(tr("Compromise this node (insider attacker)"), this, [this, node] {
            emit attackRequested(static_cast<int>(AttackKind::Insider), -1, static_cast<int>(node));
        });
    }
    if (node == Node::Device)
        menu.addAction(tr("List the devices…"), this, &TopologyScene::devicesActivated);
    if (menu.isEmpty())
        menu.addAction(tr("No attacker can be placed in this node"))->setEnabled(false);
    menu.exec(screenPos);
}

} // namespace mtcsec::ui
