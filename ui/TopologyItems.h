// The items of the topology canvas (pure views, STYLE.md: Type = UserType + N): network nodes, protected
// links, the end-to-end arc, placed attackers and messages in flight. They paint state the scene gives them
// and forward user intent to the scene; they compute nothing about security themselves.
#pragma once

#include "core/engine/EventLog.h"
#include "ui/LinkProtection.h"

#include <QGraphicsObject>

#include <optional>

namespace mtcsec::ui {

// The canvas palette, safe for colour-blind viewers (Okabe-Ito) and readable on the light and the dark theme:
// the 3GPP hop-by-hop line reddish purple, the end-to-end arc blue; messages vermillion triangles (an
// observer reads a secret), bluish-green squares (ciphertext) and yellow circles (nothing secret). No colour
// is used for two meanings.
[[nodiscard]] QColor networkLineColour();
[[nodiscard]] QColor endToEndColour();
[[nodiscard]] QColor readingColour(engine::Reading reading);
// Whether the application palette is dark (the dark theme, or a dark system theme).
[[nodiscard]] bool darkPalette();
// How much larger than normal text, lines and dots are drawn on `item`'s canvas (1 normally, about 2 in
// presentation mode); see TopologyScene::setEmphasis.
[[nodiscard]] double emphasisOf(const QGraphicsItem* item);

// Draws the glyph of a protection level (closed lock, shield, open lock, lock with a warning bar) centred at
// `c`.
// `scale` enlarges it (presentation mode).
void paintProtectionGlyph(QPainter* painter, QPointF c, ProtectionLevel level, const QColor& colour,
                          double scale = 1.0);
// The pen of a protection level along a line of `colour`, `scale` times the normal width.
QPen protectionPen(ProtectionLevel level, const QColor& colour, double scale = 1.0);

class NodeItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 1 };
    NodeItem(Node node, QString title, QString subtitle);
    int type() const override { return Type; }
    // The canvas's emphasis changed: the item's size follows.
    void refit()
    {
        prepareGeometryChange();
        update();
    }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    [[nodiscard]] Node node() const { return node_; }
    void setSubtitle(const QString& subtitle);
    [[nodiscard]] QString subtitle() const { return subtitle_; }

signals:
    void activated(mtcsec::Node node);
    void contextMenuRequested(mtcsec::Node node, QPoint screenPos);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    Node node_;
    QString title_;
    QString subtitle_;
};

class LinkItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 2 };
    LinkItem(Link link, QPointF from, QPointF to);
    int type() const override { return Type; }
    // The canvas's emphasis changed: the item's size follows.
    void refit()
    {
        prepareGeometryChange();
        update();
    }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    [[nodiscard]] Link link() const { return link_; }
    [[nodiscard]] QLineF line() const { return line_; }
    // Moves the link (when the nodes move apart in presentation mode).
    void setLine(QLineF line);
    void setProtection(const SegmentProtection& protection);
    [[nodiscard]] const SegmentProtection& protection() const { return protection_; }
    // A point along the link, 0 at `from`, 1 at `to`.
    [[nodiscard]] QPointF pointAt(double t) const { return line_.pointAt(t); }
    // The unit normal pointing to the side where attacker badges sit (left of a slanted or vertical link,
    // above a horizontal one); the label sits on the other side.
    [[nodiscard]] QPointF badgeNormal() const;
    // How far along `normal` the centre of a box of `size` must be from the line's middle to clear it.
    [[nodiscard]] double clearance(QPointF normal, QSizeF size) const;
    // The label's box (scene coordinates): beside the glyph on the side away from the badges, or where the
    // scene moved it (setLabelCentre) to keep it clear of the nodes.
    [[nodiscard]] QRectF labelRect() const;
    [[nodiscard]] QPointF defaultLabelCentre() const;
    void setLabelCentre(QPointF centre);

signals:
    void contextMenuRequested(mtcsec::Link link, QPoint screenPos);

protected:
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    Link link_;
    QLineF line_;
    SegmentProtection protection_;
    std::optional<QPointF> labelCentre_;
    bool hovered_ = false;
};

// The blue line: application-level protection, an arc from the devices to the MTC server.
class EndToEndItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 3 };
    // The arc leaves `from` upwards, runs along y = `top` and comes down to `to`.
    EndToEndItem(QPointF from, QPointF to, qreal top);
    int type() const override { return Type; }
    // The canvas's emphasis changed: the item's size follows.
    void refit()
    {
        prepareGeometryChange();
        update();
    }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setProtection(const SegmentProtection& protection);
    [[nodiscard]] const SegmentProtection& protection() const { return protection_; }
    [[nodiscard]] const QPainterPath& path() const { return path_; }
    // Re-routes the arc (when the nodes move apart in presentation mode).
    void setEnds(QPointF from, QPointF to, qreal top);
    // A point along the arc, 0 at the devices, 1 at the server.
    [[nodiscard]] QPointF pointAt(double t) const;

private:
    QPainterPath path_;
    QPointF middle_; // where the glyph and the label sit
    SegmentProtection protection_;
};

class AttackerItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 4 };
    explicit AttackerItem(AttackSpec spec);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    [[nodiscard]] const AttackSpec& spec() const { return spec_; }
    void setCounts(std::uint64_t attempts, std::uint64_t blocked, std::uint64_t succeeded);
    // The simulated time now (seconds): an attacker whose start lies ahead says when it starts.
    void setNow(double nowS);
    // The badge's second line: how many of the attacker's attempts protection stopped and how many got
    // through
    // ("✓12 blocked  ✗3 succeeded"), or "starts at 40.0 s"; numbers in the interface's language.
    [[nodiscard]] QString countsText() const;
    // Briefly highlights the badge: an attack's hit, blocked or succeeded.
    void flash(bool succeeded);
    void fade(double dt);
    [[nodiscard]] std::uint64_t succeeded() const { return succeeded_; }
    [[nodiscard]] std::uint64_t blocked() const { return blocked_; }
    [[nodiscard]] bool flashing() const { return flash_ > 0; }
    // Recomputes the badge's size for its text and the canvas's emphasis.
    void relayout();

signals:
    void removeRequested(QString id);
    void settingsRequested(QString id);

protected:
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    AttackSpec spec_;
    std::uint64_t attempts_ = 0, blocked_ = 0, succeeded_ = 0;
    double flash_ = 0;
    bool flashSucceeded_ = false;
    double nowS_ = 0;
    QSizeF size_;
};

// A message moving along a link, coloured and shaped by what an observer on that link can read (triangle:
// a secret; square: ciphertext; circle: nothing secret), ringed when an attacker touched it.
class MessageItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 5 };
    // `hidden`: predict mode; drawn as a neutral grey disc without the attacked ring.
    MessageItem(std::uint32_t pdu, engine::Reading reading, bool attacked, bool hidden = false);
    int type() const override { return Type; }
    // The canvas's emphasis changed: the item's size follows.
    void refit()
    {
        prepareGeometryChange();
        update();
    }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    [[nodiscard]] std::uint32_t pdu() const { return pdu_; }
    [[nodiscard]] engine::Reading reading() const { return reading_; }
    [[nodiscard]] bool attacked() const { return attacked_; }
    double progress = 0;
    QLineF path;

signals:
    void activated(std::uint32_t pdu);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    std::uint32_t pdu_;
    engine::Reading reading_;
    bool hidden_ = false;
    bool attacked_;
};

} // namespace mtcsec::ui
