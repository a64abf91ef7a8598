// Painting and interaction of the topology canvas items.
#include "ui/TopologyItems.h"

#include "ui/QtText.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMenu>
#include <QPainter>
#include <QPalette>

#include <cmath>

namespace mtcsec::ui {
namespace {

QColor text()
{
    return QApplication::palette().color(QPalette::WindowText);
}

QColor base()
{
    return QApplication::palette().color(QPalette::Base);
}

// The scene's font: canvas text is sized in scene units.
QFont sceneFont(const QGraphicsItem* item)
{
    return item->scene() != nullptr ? item->scene()->font() : QApplication::font();
}

} // namespace

QPen protectionPen(ProtectionLevel level, const QColor& colour)
{
    QPen pen(colour);
    pen.setCapStyle(Qt::FlatCap);
    switch (level) {
    case ProtectionLevel::Both:
        pen.setWidthF(5);
        pen.setStyle(Qt::SolidLine);
        break;
    case ProtectionLevel::IntegrityOnly:
        pen.setWidthF(4);
        pen.setStyle(Qt::DashLine);
        break;
    case ProtectionLevel::ConfidentialityOnly:
        pen.setWidthF(4);
        pen.setStyle(Qt::DashDotLine);
        break;
    case ProtectionLevel::None:
        pen.setWidthF(1.6);
        pen.setStyle(Qt::DotLine);
        break;
    }
    return pen;
}

void paintProtectionGlyph(QPainter* p, QPointF c, ProtectionLevel level, const QColor& colour)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(colour.darker(130), 1.2));
    p->setBrush(base());
    p->drawEllipse(c, 12, 12);
    p->setPen(QPen(colour, 2));
    p->setBrush(Qt::NoBrush);
    if (level == ProtectionLevel::IntegrityOnly) {
        QPainterPath shield;
        shield.moveTo(c + QPointF(0, -7));
        shield.lineTo(c + QPointF(6, -4.5));
        shield.cubicTo(c + QPointF(6, 2), c + QPointF(3, 5.5), c + QPointF(0, 7.5));
        shield.cubicTo(c + QPointF(-3, 5.5), c + QPointF(-6, 2), c + QPointF(-6, -4.5));
        shield.closeSubpath();
        p->setBrush(colour);
        p->drawPath(shield);
    } else {
        const bool open = level == ProtectionLevel::None;
        const QRectF body(c.x() - 5.5, c.y() - 1, 11, 8);
        // The shackle: closed over the body, or lifted and turned aside when open.
        QPainterPath shackle;
        const qreal lift = open ? 3.5 : 0;
        shackle.moveTo(c.x() - 3.5, c.y() - 1 - lift);
        shackle.arcTo(QRectF(c.x() - 3.5, c.y() - 8 - lift, 7, 8), 180, -180);
        if (!open)
            shackle.lineTo(c.x() + 3.5, c.y() - 1);
        p->drawPath(shackle);
        p->setBrush(open ? Qt::NoBrush : QBrush(colour));
        p->drawRect(body);
        if (level == ProtectionLevel::ConfidentialityOnly) {
            p->setPen(QPen(QColor(230, 126, 34), 2.2));
            p->drawLine(c + QPointF(-9, 9), c + QPointF(9, -9)); // a warning slash: no integrity
        }
    }
    p->restore();
}

// ---- NodeItem ----

NodeItem::NodeItem(Node node, QString title, QString subtitle)
    : node_(node)
    , title_(std::move(title))
    , subtitle_(std::move(subtitle))
{
    setAcceptHoverEvents(true);
    setFlag(ItemIsSelectable);
    setToolTip(title_);
    setZValue(2);
}

QRectF NodeItem::boundingRect() const
{
    return {-72, -34, 144, 68};
}

void NodeItem::setSubtitle(const QString& subtitle)
{
    subtitle_ = subtitle;
    update();
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QColor fill = QApplication::palette().color(QPalette::Button);
    p->setPen(QPen(isSelected() ? QApplication::palette().color(QPalette::Highlight) : text(),
                   isSelected() ? 2.5 : 1.3));
    p->setBrush(fill);
    const QRectF r = boundingRect().adjusted(2, 2, -2, -2);
    if (node_ == Node::Device) {
        // A stack of cards: many devices drawn as one group.
        p->drawRoundedRect(r.translated(6, -6), 8, 8);
        p->drawRoundedRect(r.translated(3, -3), 8, 8);
    }
    p->drawRoundedRect(r, 8, 8);
    p->setPen(text());
    QFont f = sceneFont(this);
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.05);
    p->setFont(f);
    p->drawText(r.adjusted(4, 4, -4, -r.height() / 2), Qt::AlignHCenter | Qt::AlignBottom, title_);
    f.setBold(false);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p->setFont(f);
    p->drawText(r.adjusted(4, r.height() / 2, -4, -4), Qt::AlignHCenter | Qt::AlignTop, subtitle_);
}

void NodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    emit activated(node_);
    event->accept();
}

void NodeItem::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    emit contextMenuRequested(node_, event->screenPos());
    event->accept();
}

// ---- LinkItem ----

LinkItem::LinkItem(Link link, QPointF from, QPointF to)
    : link_(link)
    , line_(from, to)
{
    setAcceptHoverEvents(true);
    setZValue(1);
}

QRectF LinkItem::boundingRect() const
{
    return QRectF(line_.p1(), line_.p2()).normalized().adjusted(-130, -60, 130, 60);
}

QPainterPath LinkItem::shape() const
{
    QPainterPath path(line_.p1());
    path.lineTo(line_.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(22);
    return stroker.createStroke(path);
}

void LinkItem::setProtection(const SegmentProtection& protection)
{
    protection_ = protection;
    setToolTip(protection.description);
    update();
}

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QColor red(214, 69, 65);
    if (hovered_) {
        p->setPen(QPen(QApplication::palette().color(QPalette::Highlight), 14, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(line_);
    }
    p->setPen(protectionPen(protection_.level, red));
    p->drawLine(line_);
    const QPointF mid = line_.pointAt(0.5);
    paintProtectionGlyph(p, mid, protection_.level, red.darker(115));

    // The label beside the glyph, on the side away from the line.
    QFont f = sceneFont(this);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    p->setFont(f);
    const QFontMetricsF fm(f);
    const qreal w = fm.horizontalAdvance(protection_.label) + 10;
    const bool vertical = std::abs(line_.dx()) < std::abs(line_.dy());
    const QRectF box =
        vertical ? QRectF(mid.x() + 18, mid.y() - 10, w, 20) : QRectF(mid.x() - w / 2, mid.y() + 40, w, 20);
    QColor back = base();
    back.setAlpha(225);
    p->setPen(Qt::NoPen);
    p->setBrush(back);
    p->drawRoundedRect(box, 4, 4);
    p->setPen(text());
    p->drawText(box, Qt::AlignCenter, protection_.label);
}

void LinkItem::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    emit contextMenuRequested(link_, event->screenPos());
    event->accept();
}

void LinkItem::hoverEnterEvent(QGraphicsSceneHoverEvent*)
{
    hovered_ = true;
    update();
}

void LinkItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    hovered_ = false;
    update();
}

// ---- EndToEndItem ----

EndToEndItem::EndToEndItem(QPointF from, QPointF to, qreal height)
{
    path_.moveTo(from);
    const QPointF c1(from.x() + (to.x() - from.x()) * 0.25, from.y() - height);
    const QPointF c2(from.x() + (to.x() - from.x()) * 0.75, to.y() - height);
    path_.cubicTo(c1, c2, to);
    setZValue(0.5);
}

QRectF EndToEndItem::boundingRect() const
{
    return path_.boundingRect().adjusted(-120, -40, 120, 40);
}

QPointF EndToEndItem::pointAt(double t) const
{
    return path_.pointAtPercent(std::clamp(t, 0.0, 1.0));
}

void EndToEndItem::setProtection(const SegmentProtection& protection)
{
    protection_ = protection;
    setToolTip(protection.description);
    update();
}

void EndToEndItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QColor blue(47, 127, 214);
    p->setPen(protectionPen(protection_.level, blue));
    p->setBrush(Qt::NoBrush);
    p->drawPath(path_);
    const QPointF top = path_.pointAtPercent(0.5);
    paintProtectionGlyph(p, top, protection_.level, blue.darker(110));
    QFont f = sceneFont(this);
    f.setBold(true);
    p->setFont(f);
    const QFontMetricsF fm(f);
    const qreal w = fm.horizontalAdvance(protection_.label) + 12;
    const QRectF box(top.x() - w / 2, top.y() - 38, w, 22);
    QColor back = base();
    back.setAlpha(225);
    p->setPen(Qt::NoPen);
    p->setBrush(back);
    p->drawRoundedRect(box, 4, 4);
    p->setPen(blue.darker(120));
    p->drawText(box, Qt::AlignCenter, protection_.label);
}

// ---- AttackerItem ----

AttackerItem::AttackerItem(AttackSpec spec)
    : spec_(std::move(spec))
{
    setZValue(5);
    setFlag(ItemIsSelectable);
    setToolTip(QStringLiteral("%1: %2 on %3 (right-click for settings or to remove)")
                   .arg(QString::fromStdString(spec_.id), qv(name(spec_.kind)),
                        QString::fromStdString(spec_.target())));
}

QRectF AttackerItem::boundingRect() const
{
    return {-100, -22, 200, 44};
}

void AttackerItem::setCounts(std::uint64_t attempts, std::uint64_t blocked, std::uint64_t succeeded)
{
    if (attempts == attempts_ && blocked == blocked_ && succeeded == succeeded_)
        return;
    if (succeeded > succeeded_)
        flash(true);
    else if (blocked > blocked_)
        flash(false);
    attempts_ = attempts;
    blocked_ = blocked;
    succeeded_ = succeeded;
    update();
}

void AttackerItem::flash(bool succeeded)
{
    flash_ = 1.0;
    flashSucceeded_ = succeeded;
    update();
}

void AttackerItem::fade(double dt)
{
    if (flash_ <= 0)
        return;
    flash_ = std::max(0.0, flash_ - dt * 2.5);
    update();
}

void AttackerItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r = boundingRect().adjusted(3, 3, -3, -3);
    const QColor bad(192, 57, 43), good(39, 174, 96);
    const QColor edge = succeeded_ > 0 ? bad : blocked_ > 0 ? good : QColor(120, 120, 120);
    if (flash_ > 0) {
        QColor halo = flashSucceeded_ ? bad : good;
        halo.setAlphaF(static_cast<float>(0.55 * flash_));
        p->setPen(Qt::NoPen);
        p->setBrush(halo);
        p->drawRoundedRect(r.adjusted(-6 * flash_, -6 * flash_, 6 * flash_, 6 * flash_), 12, 12);
    }
    p->setPen(QPen(isSelected() ? QApplication::palette().color(QPalette::Highlight) : edge, 2.2));
    p->setBrush(QColor(40, 40, 46));
    p->drawRoundedRect(r, 9, 9);
    p->setPen(Qt::white);
    QFont f = sceneFont(this);
    f.setPointSizeF(f.pointSizeF() * 0.8);
    f.setBold(true);
    p->setFont(f);
    p->drawText(r.adjusted(6, 1, -6, -r.height() / 2), Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("☠ %1 %2").arg(QString::fromStdString(spec_.id), qv(name(spec_.kind))));
    f.setBold(false);
    p->setFont(f);
    p->drawText(r.adjusted(6, r.height() / 2 - 1, -6, -1), Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("✓%1 blocked  ✗%2 ok").arg(blocked_).arg(succeeded_));
}

void AttackerItem::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    setSelected(true);
    QMenu menu;
    menu.addAction(tr("Settings…"), this,
                   [this] { emit settingsRequested(QString::fromStdString(spec_.id)); });
    menu.addAction(tr("Remove attacker"), this,
                   [this] { emit removeRequested(QString::fromStdString(spec_.id)); });
    menu.exec(event->screenPos());
    event->accept();
}

void AttackerItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    emit settingsRequested(QString::fromStdString(spec_.id));
    event->accept();
}

// ---- MessageItem ----

MessageItem::MessageItem(std::uint32_t pdu, QColor colour, bool attacked)
    : pdu_(pdu)
    , colour_(std::move(colour))
    , attacked_(attacked)
{
    setZValue(4);
    setCursor(Qt::PointingHandCursor);
    setToolTip(QStringLiteral("PDU %1 (click to inspect)").arg(pdu));
}

QRectF MessageItem::boundingRect() const
{
    return {-8, -8, 16, 16};
}

void MessageItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(attacked_ ? QPen(Qt::black, 2.5) : QPen(colour_.darker(150), 1));
    p->setBrush(colour_);
    p->drawEllipse(QPointF(0, 0), 5.5, 5.5);
}

void MessageItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    emit activated(pdu_);
    event->accept();
}

} // namespace mtcsec::ui
