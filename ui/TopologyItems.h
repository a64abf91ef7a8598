// The items of the topology canvas (pure views, STYLE.md: Type = UserType + N): network nodes, protected
// links, the end-to-end arc, placed attackers and messages in flight. They paint state the scene gives them
// and forward user intent to the scene; they compute nothing about security themselves.
#pragma once

#include "ui/LinkProtection.h"

#include <QGraphicsObject>

#include <optional>

namespace mtcsec::ui {

// Draws the glyph of a protection level (closed lock, shield, open lock, lock with a warning bar) centred at
// `c`.
void paintProtectionGlyph(QPainter* painter, QPointF c, ProtectionLevel level, const QColor& colour);
// The pen of a protection level along a line of `colour`.
QPen protectionPen(ProtectionLevel level, const QColor& colour);

class NodeItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 1 };
    NodeItem(Node node, QString title, QString subtitle);
    int type() const override { return Type; }
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
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    [[nodiscard]] Link link() const { return link_; }
    [[nodiscard]] QLineF line() const { return line_; }
    void setProtection(const SegmentProtection& protection);
    [[nodiscard]] const SegmentProtection& protection() const { return protection_; }
    // A point along the link, 0 at `from`, 1 at `to`.
    [[nodiscard]] QPointF pointAt(double t) const { return line_.pointAt(t); }

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
    bool hovered_ = false;
};

// The blue line: application-level protection, an arc from the devices to the MTC server.
class EndToEndItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 3 };
    EndToEndItem(QPointF from, QPointF to, qreal height);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setProtection(const SegmentProtection& protection);
    [[nodiscard]] const SegmentProtection& protection() const { return protection_; }
    // A point along the arc, 0 at the devices, 1 at the server.
    [[nodiscard]] QPointF pointAt(double t) const;

private:
    QPainterPath path_;
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
    // Briefly highlights the badge: an attack's hit, blocked or succeeded.
    void flash(bool succeeded);
    void fade(double dt);
    [[nodiscard]] std::uint64_t succeeded() const { return succeeded_; }
    [[nodiscard]] std::uint64_t blocked() const { return blocked_; }

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
};

// A message moving along a link, coloured by what an observer on that link can read.
class MessageItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 5 };
    MessageItem(std::uint32_t pdu, QColor colour, bool attacked);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    [[nodiscard]] std::uint32_t pdu() const { return pdu_; }
    double progress = 0;
    QLineF path;

signals:
    void activated(std::uint32_t pdu);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    std::uint32_t pdu_;
    QColor colour_;
    bool attacked_;
};

} // namespace mtcsec::ui
