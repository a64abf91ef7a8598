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

constexpr double kCoreTop = 50;     // the core network box's upper edge
constexpr double kCoreBottom = 560; // and its lower edge

constexpr std::array<AttackKind, 5> kLinkKinds = {
    AttackKind::Eavesdrop, AttackKind::Tamper, AttackKind::Replay, AttackKind::Inject, AttackKind::Downgrade};

} // namespace

TopologyScene::TopologyScene(QObject* parent)
    : QGraphicsScene(parent)
{
    // Text on the canvas is sized in scene units, so that it scales with the drawing.
    QFont f = font();
    f.setPointSizeF(baseFontPoints_);
    setFont(f);
    // Thousands of moving dots and a few dozen static items: a BSP tree would be rebuilt for every move.
    setItemIndexMethod(QGraphicsScene::NoIndex);
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
        nasLabel_->setBrush(networkLineColour());
        update();
    }
    return QGraphicsScene::event(event);
}

void TopologyScene::buildLayout()
{
    // The operator's core network in one shaded box.
    core_ = addRect(QRectF(470, kCoreTop, 490, kCoreBottom - kCoreTop),
                    QPen(QColor(127, 140, 141), 1.2, Qt::DashLine), QColor(127, 140, 141, 38));
    core_->setZValue(-1);
    coreTitle_ = addSimpleText(tr("Operator core network (EPC)"), font());

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
        auto* item = new LinkItem(link, position(a), position(b));
        addItem(item);
        links_[static_cast<std::size_t>(link)] = item;
        connect(item, &LinkItem::contextMenuRequested, this, &TopologyScene::showLinkMenu);
    }
    // Above the core network's box (its top edge is at y = 50).
    endToEnd_ = new EndToEndItem(position(Node::Device) + QPointF(0, -30),
                                 position(Node::Server) + QPointF(0, -30), -10);
    addItem(endToEnd_);
    nasLabel_ = addSimpleText(QString(), font());
    nasLabel_->setPos(-70, 372);
    nasLabel_->setBrush(networkLineColour());
    placeNodes();

    // The legend, readable without colour.
    legend_ = addSimpleText(
        tr("Purple: 3GPP network level, hop by hop.   Blue: application level, end to end.\n"
           "Solid + lock: confidentiality and integrity.  Dashed + shield: integrity only.\n"
           "Dash-dot + struck lock: ciphering without integrity (user data on Uu: LTE has none for it).\n"
           "Dotted + open lock: nothing.  Messages: ▲ an observer reads a secret (vermillion),\n"
           "■ ciphertext (green), ● nothing secret (yellow); ringed: touched by an attacker."),
        font());
    legend_->setPos(-70, 600);
    fitSceneRect();
}

QPointF TopologyScene::place(Node node) const
{
    const QPointF p = position(node);
    return {p.x() * spread_, p.y()};
}

void TopologyScene::placeNodes()
{
    for (std::size_t i = 0; i < kNodeCount; ++i)
        nodes_[i]->setPos(place(static_cast<Node>(i)));
    core_->setRect(QRectF(470 * spread_, kCoreTop, 490 * spread_, kCoreBottom - kCoreTop));
    coreTitle_->setPos(470 * spread_ + 10, kCoreTop + 4);
    for (const Link link : kAllLinks) {
        // From edge to edge of the node boxes.
        const auto [a, b] = ends(link);
        const QLineF centres(place(a), place(b));
        const QRectF boxA = nodes_[static_cast<std::size_t>(a)]->sceneBoundingRect().adjusted(-3, -3, 3, 3);
        const QRectF boxB = nodes_[static_cast<std::size_t>(b)]->sceneBoundingRect().adjusted(-3, -3, 3, 3);
        double t1 = 0, t2 = 1;
        while (t1 < 0.5 && boxA.contains(centres.pointAt(t1)))
            t1 += 0.002;
        while (t2 > 0.5 && boxB.contains(centres.pointAt(t2)))
            t2 -= 0.002;
        links_[static_cast<std::size_t>(link)]->setLine(QLineF(centres.pointAt(t1), centres.pointAt(t2)));
    }
    // The arc leaves the devices' box left of centre and reaches the server's right of centre, leaving room
    // above Uu and SGi for attacker badges.
    const double left = nodes_[static_cast<std::size_t>(Node::Device)]->boundingRect().width() * 0.3;
    const double right = nodes_[static_cast<std::size_t>(Node::Server)]->boundingRect().width() * 0.3;
    endToEnd_->setEnds(place(Node::Device) + QPointF(-left, -30), place(Node::Server) + QPointF(right, -30),
                       -10);
}

void TopologyScene::fitSceneRect()
{
    QRectF r;
    for (QGraphicsItem* item : items()) {
        if (item->isVisible() && item->type() != MessageItem::Type)
            r |= item->sceneBoundingRect();
    }
    setSceneRect(r.adjusted(-20, -20, 20, 20));
}

void TopologyScene::setEmphasis(double emphasis)
{
    if (emphasis == emphasis_)
        return;
    emphasis_ = emphasis;
    spread_ = emphasis > 1.0 ? 1.25 : 1.0;
    QFont f = font();
    f.setPointSizeF(baseFontPoints_ * emphasis);
    setFont(f);
    coreTitle_->setFont(f);
    nasLabel_->setFont(f);
    legend_->setVisible(emphasis <= 1.0);
    for (NodeItem* n : nodes_)
        n->refit();
    for (LinkItem* l : links_)
        l->refit();
    endToEnd_->refit();
    placeNodes();
    for (MessageItem* m : messages_)
        m->refit();
    for (const auto& [id, item] : attackers_)
        item->relayout();
    layoutLabels();
    layoutBadges();
    fitSceneRect();
}

bool TopologyScene::animating() const
{
    if (!messages_.empty())
        return true;
    return std::any_of(attackers_.begin(), attackers_.end(),
                       [](const auto& a) { return a.second->flashing(); });
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
    placeNodes(); // the group's box follows its subtitle's width
    layoutLabels();
    layoutBadges();
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
    layoutLabels();
    layoutBadges();
}

QPointF TopologyScene::anchorOf(const AttackSpec& spec) const
{
    if (const AttackerItem* item = attackerItem(spec.id))
        return item->pos();
    if (spec.node) {
        const NodeItem* n = nodes_[static_cast<std::size_t>(*spec.node)];
        return n->pos() + QPointF(0, n->boundingRect().top() - 30);
    }
    const LinkItem* link = links_[static_cast<std::size_t>(*spec.link)];
    return link->line().pointAt(0.5) + link->badgeNormal() * link->clearance(link->badgeNormal(), {200, 44});
}

namespace {

QPainterPath stroked(const QPainterPath& path, double width)
{
    QPainterPathStroker stroker;
    stroker.setWidth(width);
    return stroker.createStroke(path);
}

} // namespace

std::vector<QPainterPath> TopologyScene::obstacles() const
{
    // What labels and badges must not cover: the nodes, the links' lines and the end-to-end arc.
    std::vector<QPainterPath> paths;
    for (const NodeItem* n : nodes_) {
        QPainterPath box;
        box.addRect(n->sceneBoundingRect().adjusted(-4, -4, 4, 4));
        paths.push_back(box);
    }
    for (const LinkItem* l : links_) {
        QPainterPath line(l->line().p1());
        line.lineTo(l->line().p2());
        paths.push_back(stroked(line, 8 * emphasis_));
    }
    paths.push_back(stroked(endToEnd_->path(), 8 * emphasis_));
    QPainterPath title;
    title.addRect(coreTitle_->sceneBoundingRect());
    paths.push_back(title);
    return paths;
}

namespace {

bool collides(const QRectF& r, const std::vector<QPainterPath>& paths, const std::vector<QRectF>& rects)
{
    return std::any_of(paths.begin(), paths.end(), [&](const QPainterPath& p) { return p.intersects(r); }) ||
           std::any_of(rects.begin(), rects.end(), [&](const QRectF& o) { return o.intersects(r); });
}

} // namespace

void TopologyScene::layoutLabels()
{
    // Each link's label starts beside its glyph and moves away from the line until it covers nothing.
    const std::vector<QPainterPath> paths = obstacles();
    std::vector<QRectF> taken;
    for (LinkItem* l : links_) {
        // The nearest free place: away from the line first, else to either side or up or down.
        const QPointF start = l->defaultLabelCentre();
        const std::array<QPointF, 5> directions = {-l->badgeNormal(), QPointF(1, 0), QPointF(-1, 0),
                                                   QPointF(0, 1), QPointF(0, -1)};
        bool placed = false;
        for (int k = 0; k < 60 && !placed; ++k) {
            for (const QPointF& d : directions) {
                l->setLabelCentre(start + d * (4.0 * k));
                if (!collides(l->labelRect(), paths, taken)) {
                    placed = true;
                    break;
                }
            }
        }
        if (!placed)
            l->setLabelCentre(start);
        taken.push_back(l->labelRect().adjusted(-3, -3, 3, 3));
    }
    // The NAS line of text under the Uu label.
    const QRectF uu = links_[static_cast<std::size_t>(Link::Uu)]->labelRect();
    nasLabel_->setPos(-70, std::max(372.0, uu.bottom() + 6));
}

void TopologyScene::layoutBadges()
{
    // Badges stack away from their target (up from a node or a horizontal link, along the side away from
    // the label of a slanted one), each moved on until it covers no node, line, label or other badge.
    const std::vector<QPainterPath> paths = obstacles();
    std::vector<QRectF> taken;
    for (const LinkItem* l : links_)
        taken.push_back(l->labelRect().adjusted(-3, -3, 3, 3));
    for (const auto& [id, item] : attackers_) {
        const QSizeF size = item->boundingRect().size();
        QPointF centre;
        QPointF step(0, -4);
        if (item->spec().node) {
            const NodeItem* n = nodes_[static_cast<std::size_t>(*item->spec().node)];
            centre = n->pos() + QPointF(0, n->boundingRect().top() - 8 - size.height() / 2);
        } else {
            const LinkItem* link = links_[static_cast<std::size_t>(*item->spec().link)];
            const QPointF normal = link->badgeNormal();
            centre = link->line().pointAt(0.5) + normal * link->clearance(normal, size);
            if (normal.y() > 0.3)
                step = QPointF(0, 4);
        }
        // The nearest free place: along the stack first, then sideways as well.
        const QRectF first(centre - QPointF(size.width() / 2, size.height() / 2), size);
        QRectF r = first;
        bool placed = false;
        for (int k = 0; k < 160 && !placed; ++k) {
            for (int side = 0; side <= k && !placed; ++side) {
                for (const int sign : {1, -1}) {
                    r = first.translated(step * (k - side) * 1.5 + QPointF(sign * 6.0 * side, 0));
                    if (!collides(r, paths, taken)) {
                        placed = true;
                        break;
                    }
                }
            }
        }
        if (!placed)
            r = first;
        taken.push_back(r.adjusted(-3, -3, 3, 3));
        item->setPos(r.center());
    }
}

AttackerItem* TopologyScene::attackerItem(const std::string& id) const
{
    const auto it = attackers_.find(id);
    return it == attackers_.end() ? nullptr : it->second;
}

void TopologyScene::setAttacks(const std::vector<engine::AttackTally>& attacks, double nowS)
{
    bool changed = false; // a badge came or went: the scene's extent may change
    std::map<std::string, const engine::AttackTally*> live;
    for (const engine::AttackTally& a : attacks) {
        if (!a.removed)
            live[a.spec.id] = &a;
    }
    for (auto it = attackers_.begin(); it != attackers_.end();) {
        if (!live.contains(it->first) || !(live[it->first]->spec == it->second->spec())) {
            changed = true;
            delete it->second;
            it = attackers_.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& [id, tally] : live) {
        AttackerItem*& item = attackers_[id];
        if (item == nullptr) {
            changed = true;
            item = new AttackerItem(tally->spec);
            addItem(item);
            connect(item, &AttackerItem::removeRequested, this, &TopologyScene::attackRemoveRequested);
            connect(item, &AttackerItem::settingsRequested, this, &TopologyScene::attackSettingsRequested);
        }
        const QSizeF size = item->boundingRect().size();
        item->setNow(nowS);
        if (!verdictsHidden_)
            item->setCounts(tally->attempts, tally->blocked, tally->succeeded);
        changed = changed || item->boundingRect().size() != size;
    }
    if (changed) {
        layoutBadges();
        fitSceneRect();
    }
}

void TopologyScene::animate(const std::vector<Frame::Message>& messages)
{
    // Up to 2,500 dots in flight (the window feeds at most Frame::kAnimated a frame, each for
    // kTravelSeconds).
    constexpr std::size_t kMaxInFlight = 2500;
    for (const Frame::Message& m : messages) {
        if (messages_.size() >= kMaxInFlight)
            break;
        auto* item = new MessageItem(m.pdu, m.reading, m.attacked, verdictsHidden_);
        // A dot is drawn once into a pixmap and then only blitted as it moves (an antialiased ellipse per dot
        // per frame costs more than the rest of the canvas at 2,000 dots).
        item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
        const QLineF line = links_[static_cast<std::size_t>(m.link)]->line();
        item->path = m.downlink ? QLineF(line.p2(), line.p1()) : line;
        // Uplink and downlink travel on either side of the line.
        const QPointF normal =
            QPointF(-item->path.dy(), item->path.dx()) / std::max(1.0, item->path.length()) * 7.0 * emphasis_;
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
    // One pass: move the dots on, delete those that arrived, keep the rest in order.
    std::size_t kept = 0;
    for (MessageItem* m : messages_) {
        m->progress += dt / kTravelSeconds;
        if (m->progress >= 1.0) {
            delete m;
        } else {
            m->setPos(m->path.pointAt(m->progress));
            messages_[kept++] = m;
        }
    }
    messages_.resize(kept);
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
