// Painting and interaction of the topology canvas items.
#include "ui/TopologyItems.h"

#include "ui/EvidenceText.h"
#include "ui/LocalNumbers.h"
#include "ui/QtText.h"
#include "ui/TopologyScene.h"

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

// The scene's font: canvas text is sized in scene units (and enlarged in presentation mode).
QFont sceneFont(const QGraphicsItem* item)
{
    return item->scene() != nullptr ? item->scene()->font() : QApplication::font();
}

// A colour made lighter on a dark palette, so that lines and dots keep their contrast.
QColor onTheme(QColor c)
{
    return darkPalette() ? c.lighter(135) : c;
}

} // namespace

bool darkPalette()
{
    return base().lightness() < 128;
}

QColor networkLineColour()
{
    return darkPalette() ? QColor(224, 140, 190) : QColor(170, 68, 136); // Okabe-Ito reddish purple
}

QColor endToEndColour()
{
    return darkPalette() ? QColor(86, 180, 233) : QColor(0, 114, 178); // Okabe-Ito sky blue / blue
}

QColor readingColour(engine::Reading r)
{
    switch (r) {
    case engine::Reading::Secret:
        return {213, 94, 0}; // vermillion: an observer reads something secret
    case engine::Reading::Ciphertext:
        return {0, 158, 115}; // bluish green: ciphertext
    case engine::Reading::NothingSecret:
        return {240, 228, 66}; // yellow: nothing secret
    }
    return Qt::gray;
}

double emphasisOf(const QGraphicsItem* item)
{
    const auto* scene =
        item->scene() != nullptr ? qobject_cast<const TopologyScene*>(item->scene()) : nullptr;
    return scene != nullptr ? scene->emphasis() : 1.0;
}

QPen protectionPen(ProtectionLevel level, const QColor& colour, double scale)
{
    QPen pen(colour);
    pen.setCapStyle(Qt::FlatCap);
    switch (level) {
    case ProtectionLevel::Both:
        pen.setWidthF(5 * scale);
        pen.setStyle(Qt::SolidLine);
        break;
    case ProtectionLevel::IntegrityOnly:
        pen.setWidthF(4 * scale);
        pen.setStyle(Qt::DashLine);
        break;
    case ProtectionLevel::ConfidentialityOnly:
        pen.setWidthF(4 * scale);
        pen.setStyle(Qt::DashDotLine);
        break;
    case ProtectionLevel::None:
        // Round dots wide enough to survive scaling down and a dark background.
        pen.setWidthF(2.6 * scale);
        pen.setCapStyle(Qt::RoundCap);
        pen.setDashPattern({0.01, 2.2});
        break;
    }
    return pen;
}

void paintProtectionGlyph(QPainter* p, QPointF c, ProtectionLevel level, const QColor& colour, double scale)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    // The glyph is drawn at its normal size around the origin, scaled about its centre.
    p->translate(c);
    p->scale(scale, scale);
    c = QPointF(0, 0);
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
            p->setPen(QPen(QColor(230, 159, 0), 2.2));           // Okabe-Ito orange
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
    // Boxes grow half as much as their text, and are at least as wide as it.
    const double k = 1 + (emphasisOf(this) - 1) / 2;
    QFont f = sceneFont(this);
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.05);
    qreal text = QFontMetricsF(f).horizontalAdvance(title_);
    f.setBold(false);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    text = std::max(text, QFontMetricsF(f).horizontalAdvance(subtitle_));
    const qreal w = std::max(144 * k, text + 20);
    return {-w / 2, -34 * k, w, 68 * k};
}

void NodeItem::setSubtitle(const QString& subtitle)
{
    prepareGeometryChange();
    subtitle_ = subtitle;
    update();
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QColor fill = QApplication::palette().color(QPalette::Button);
    const double e = emphasisOf(this);
    p->setPen(QPen(isSelected() ? QApplication::palette().color(QPalette::Highlight) : text(),
                   (isSelected() ? 2.5 : 1.3) * e));
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
    // Room for the label, which grows with the text and the emphasis.
    const double e = emphasisOf(this);
    return (QRectF(line_.p1(), line_.p2()).normalized().adjusted(-14 * e, -14 * e, 14 * e, 14 * e) |
            labelRect().adjusted(-2, -2, 2, 2));
}

QPainterPath LinkItem::shape() const
{
    QPainterPath path(line_.p1());
    path.lineTo(line_.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(22);
    return stroker.createStroke(path);
}

void LinkItem::setLine(QLineF line)
{
    prepareGeometryChange();
    line_ = line;
    labelCentre_.reset();
}

QPointF LinkItem::badgeNormal() const
{
    QPointF n(line_.dy(), -line_.dx());
    n /= std::max(1.0, line_.length());
    const bool horizontal = std::abs(n.x()) < 0.2;
    if ((horizontal && n.y() > 0) || (!horizontal && n.x() > 0))
        n = -n;
    return n;
}

double LinkItem::clearance(QPointF normal, QSizeF size) const
{
    return std::abs(normal.x()) * size.width() / 2 + std::abs(normal.y()) * size.height() / 2 +
           16 * emphasisOf(this);
}

namespace {
QFont labelFont(const QGraphicsItem* item)
{
    QFont f = sceneFont(item);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    return f;
}
} // namespace

QPointF LinkItem::defaultLabelCentre() const
{
    const QFontMetricsF fm(labelFont(this));
    const QSizeF size(fm.horizontalAdvance(protection_.label) + 10, fm.height() + 4);
    const QPointF mid = line_.pointAt(0.5);
    const QPointF n = -badgeNormal();
    if (std::abs(n.x()) < 0.2) // horizontal: below the glyph
        return mid + n * clearance(n, size);
    // Slanted or vertical: right of the glyph, level with it (clear of a slanted line either way).
    return mid + QPointF(12 * emphasisOf(this) + 8 + size.width() / 2, 0);
}

QRectF LinkItem::labelRect() const
{
    const QFontMetricsF fm(labelFont(this));
    const QSizeF size(fm.horizontalAdvance(protection_.label) + 10, fm.height() + 4);
    const QPointF centre = labelCentre_.value_or(defaultLabelCentre());
    return {centre - QPointF(size.width() / 2, size.height() / 2), size};
}

void LinkItem::setLabelCentre(QPointF centre)
{
    prepareGeometryChange();
    labelCentre_ = centre;
    update();
}

void LinkItem::setProtection(const SegmentProtection& protection)
{
    prepareGeometryChange();
    protection_ = protection;
    setToolTip(protection.description);
    update();
}

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    const double e = emphasisOf(this);
    const QColor line = networkLineColour();
    if (hovered_) {
        p->setPen(
            QPen(QApplication::palette().color(QPalette::Highlight), 14 * e, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(line_);
    }
    p->setPen(protectionPen(protection_.level, line, e));
    p->drawLine(line_);
    const QPointF mid = line_.pointAt(0.5);
    paintProtectionGlyph(p, mid, protection_.level, onTheme(line.darker(115)), e);

    // The label beside the glyph, on the side away from the attacker badges.
    p->setFont(labelFont(this));
    const QRectF box = labelRect();
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

EndToEndItem::EndToEndItem(QPointF from, QPointF to, qreal top)
{
    setEnds(from, to, top);
    setZValue(0.5);
}

void EndToEndItem::setEnds(QPointF from, QPointF to, qreal top)
{
    prepareGeometryChange();
    path_ = QPainterPath();
    // Up from the devices, along the top at `top` (above the core network's box), down to the server.
    const qreal r = 120; // radius of the corners
    path_.moveTo(from);
    path_.lineTo(from.x(), top + r);
    path_.quadTo(QPointF(from.x(), top), QPointF(from.x() + r, top));
    path_.lineTo(to.x() - r, top);
    path_.quadTo(QPointF(to.x(), top), QPointF(to.x(), top + r));
    path_.lineTo(to);
    middle_ = QPointF((from.x() + to.x()) / 2, top);
}

QRectF EndToEndItem::boundingRect() const
{
    // The line's width and the glyph around the path, and the label above its middle.
    const double e = emphasisOf(this);
    QFont f = sceneFont(this);
    f.setBold(true);
    const QFontMetricsF fm(f);
    const qreal w = fm.horizontalAdvance(protection_.label) + 12;
    const QRectF label(middle_.x() - w / 2, middle_.y() - 16 * e - fm.height() - 6, w, fm.height() + 6);
    return path_.boundingRect().adjusted(-16 * e, -16 * e, 16 * e, 16 * e) | label;
}

QPointF EndToEndItem::pointAt(double t) const
{
    return path_.pointAtPercent(std::clamp(t, 0.0, 1.0));
}

void EndToEndItem::setProtection(const SegmentProtection& protection)
{
    prepareGeometryChange();
    protection_ = protection;
    setToolTip(protection.description);
    update();
}

void EndToEndItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    const double e = emphasisOf(this);
    const QColor blue = endToEndColour();
    p->setPen(protectionPen(protection_.level, blue, e));
    p->setBrush(Qt::NoBrush);
    p->drawPath(path_);
    const QPointF top = middle_;
    paintProtectionGlyph(p, top, protection_.level, blue.darker(110), e);
    QFont f = sceneFont(this);
    f.setBold(true);
    p->setFont(f);
    const QFontMetricsF fm(f);
    const qreal w = fm.horizontalAdvance(protection_.label) + 12;
    const qreal h = fm.height() + 4;
    const QRectF box(top.x() - w / 2, top.y() - 16 * e - h, w, h);
    QColor back = base();
    back.setAlpha(225);
    p->setPen(Qt::NoPen);
    p->setBrush(back);
    p->drawRoundedRect(box, 4, 4);
    p->setPen(darkPalette() ? blue : blue.darker(120));
    p->drawText(box, Qt::AlignCenter, protection_.label);
}

// ---- AttackerItem ----

AttackerItem::AttackerItem(AttackSpec spec)
    : spec_(std::move(spec))
{
    setZValue(5);
    setFlag(ItemIsSelectable);
    setToolTip(tr("%1: %2 on %3 (right-click for settings or to remove)")
                   .arg(QString::fromStdString(spec_.id), termText(name(spec_.kind)),
                        QString::fromStdString(spec_.target())));
}

QRectF AttackerItem::boundingRect() const
{
    return {-size_.width() / 2, -size_.height() / 2, size_.width(), size_.height()};
}

QString AttackerItem::countsText() const
{
    if (spec_.startS > nowS_)
        return tr("starts at %1 s").arg(localDecimal(spec_.startS, 1));
    // Two counts of the attacker's attempts: those protection stopped, those that got through.
    return tr("✓%1 blocked  ✗%2 succeeded").arg(localCount(blocked_), localCount(succeeded_));
}

void AttackerItem::relayout()
{
    // Wide enough for both lines whatever the counts, so that large numbers are never clipped.
    QFont f = sceneFont(this);
    f.setPointSizeF(f.pointSizeF() * 0.8);
    f.setBold(true);
    const QFontMetricsF fm(f);
    const qreal w = std::max(fm.horizontalAdvance(QStringLiteral("☠ %1 %2").arg(
                                 QString::fromStdString(spec_.id), termText(name(spec_.kind)))),
                             fm.horizontalAdvance(countsText())) +
                    18;
    const QSizeF size(std::max<qreal>(w, 110), 2 * fm.height() + 12);
    if (size != size_) {
        prepareGeometryChange();
        size_ = size;
    }
    update();
}

void AttackerItem::setNow(double nowS)
{
    const bool waiting = spec_.startS > nowS_;
    nowS_ = nowS;
    if (waiting != (spec_.startS > nowS_))
        relayout();
}

void AttackerItem::setCounts(std::uint64_t attempts, std::uint64_t blocked, std::uint64_t succeeded)
{
    if (attempts == attempts_ && blocked == blocked_ && succeeded == succeeded_ && !size_.isEmpty())
        return;
    if (succeeded > succeeded_)
        flash(true);
    else if (blocked > blocked_)
        flash(false);
    attempts_ = attempts;
    blocked_ = blocked;
    succeeded_ = succeeded;
    relayout();
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
    // Succeeded: vermillion; blocked: bluish green (the message dots' colours for the same meanings).
    const QColor bad = readingColour(engine::Reading::Secret),
                 good = readingColour(engine::Reading::Ciphertext);
    const QColor edge = succeeded_ > 0 ? bad : blocked_ > 0 ? good : QColor(150, 150, 150);
    if (flash_ > 0) {
        QColor halo = flashSucceeded_ ? bad : good;
        halo.setAlphaF(static_cast<float>(0.55 * flash_));
        p->setPen(Qt::NoPen);
        p->setBrush(halo);
        // The halo stays inside the bounding rectangle (3 units around the badge), so no trace is left.
        p->drawRoundedRect(r.adjusted(-3 * flash_, -3 * flash_, 3 * flash_, 3 * flash_), 12, 12);
    }
    p->setPen(QPen(isSelected() ? QApplication::palette().color(QPalette::Highlight) : edge,
                   2.2 * emphasisOf(this)));
    p->setBrush(QColor(40, 40, 46));
    p->drawRoundedRect(r, 9, 9);
    p->setPen(Qt::white);
    QFont f = sceneFont(this);
    f.setPointSizeF(f.pointSizeF() * 0.8);
    f.setBold(true);
    p->setFont(f);
    p->drawText(r.adjusted(6, 1, -6, -r.height() / 2), Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("☠ %1 %2").arg(QString::fromStdString(spec_.id), termText(name(spec_.kind))));
    f.setBold(false);
    p->setFont(f);
    p->drawText(r.adjusted(6, r.height() / 2 - 1, -6, -1), Qt::AlignLeft | Qt::AlignVCenter, countsText());
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

MessageItem::MessageItem(std::uint32_t pdu, engine::Reading reading, bool attacked, bool hidden)
    : pdu_(pdu)
    , reading_(reading)
    , hidden_(hidden)
    , attacked_(attacked)
{
    setZValue(4);
    setCursor(Qt::PointingHandCursor);
    setToolTip(QObject::tr("PDU %1 (click to inspect)").arg(pdu));
}

QRectF MessageItem::boundingRect() const
{
    const double r = 11 * emphasisOf(this);
    return {-r, -r, 2 * r, 2 * r};
}

void MessageItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    const double e = emphasisOf(this);
    if (hidden_) { // predict mode: what the message reveals is not shown yet
        p->setPen(QPen(QColor(90, 90, 90), 1.2 * e));
        p->setBrush(QColor(149, 165, 166));
        p->drawEllipse(QPointF(0, 0), 6 * e * 0.9, 6 * e * 0.9);
        return;
    }
    const QColor colour = readingColour(reading_);
    if (attacked_) {
        // The ring of a message an attacker touched, in the text colour (visible on either theme).
        p->setPen(QPen(text(), 2.2 * e));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(QPointF(0, 0), 9.5 * e, 9.5 * e);
    }
    p->setPen(QPen(darkPalette() ? colour.lighter(160) : colour.darker(170), 1.2 * e));
    p->setBrush(colour);
    const double r = 6 * e;
    switch (reading_) {
    case engine::Reading::Secret: { // a warning triangle
        const QPointF tri[3] = {{0, -r * 1.15}, {r * 1.1, r * 0.8}, {-r * 1.1, r * 0.8}};
        p->drawPolygon(tri, 3);
        break;
    }
    case engine::Reading::Ciphertext: // a closed box
        p->drawRect(QRectF(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7));
        break;
    case engine::Reading::NothingSecret:
        p->drawEllipse(QPointF(0, 0), r * 0.9, r * 0.9);
        break;
    }
}

void MessageItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    emit activated(pdu_);
    event->accept();
}

} // namespace mtcsec::ui
