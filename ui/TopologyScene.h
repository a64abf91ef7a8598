// The topology canvas (PRODUCT.md section 5), laid out like the contribution's figure: the device group, the
// eNB, the operator's core in one shaded box (MME with the HSS, S-GW and P-GW), the MTC server outside on the
// right; the purple line along the 3GPP hops, the blue arc end to end (above the core box); attackers placed
// beside links and above nodes, away from the lines and their labels; messages moving. In presentation mode
// (setEmphasis) text, lines and dots are drawn larger and the legend is left out. The scene emits what the
// user asks for; the main window turns it into undoable commands.
#pragma once

#include "core/engine/RunSummary.h"
#include "ui/SimulationController.h"
#include "ui/TopologyItems.h"

#include <QGraphicsScene>

#include <array>
#include <map>

namespace mtcsec::ui {

inline constexpr const char* kAttackMimeType = "application/x-mtcsec-attack";

class TopologyScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit TopologyScene(QObject* parent = nullptr);

    // The device group's count, and whether it is declared non-compliant (accepts null integrity, EIA0).
    void setDeviceCount(std::uint32_t devices, bool acceptsNullIntegrity = false);
    // The devices' UE security capabilities, per device group (Scenario::deviceGroups; `ue` for the devices
    // beyond them): the Uu and NAS labels then name what the network selects for each group.
    void setDeviceGroups(std::uint32_t devices, const DeviceBehaviour& ue,
                         const std::vector<DeviceGroup>& groups);
    void setProtection(const Protection& protection);
    // Adds, removes and updates attacker badges to match the run's attacks; `nowS` (simulated seconds) lets a
    // badge whose attacker starts later say when.
    void setAttacks(const std::vector<engine::AttackTally>& attacks, double nowS = 0);
    // How much larger text, lines and dots are drawn: 1 normally, kPresentationEmphasis in presentation mode
    // (the legend is hidden then: the captions of the presentation overlay take its place).
    void setEmphasis(double emphasis);
    [[nodiscard]] double emphasis() const { return emphasis_; }
    static constexpr double kPresentationEmphasis = 1.6;
    // Whether anything moves or fades (messages in flight, a flashing badge): the window's animation timer
    // runs only then.
    [[nodiscard]] bool animating() const;
    [[nodiscard]] QGraphicsSimpleTextItem* legend() const { return legend_; }
    // Starts animating these messages.
    void animate(const std::vector<Frame::Message>& messages);
    // Moves the animation on by `dt` wall-clock seconds.
    void advance(double dt);
    void clearMessages();
    // Predict mode: while hidden, new messages are drawn in a neutral grey and the attackers' counts stay as
    // they are, so that the canvas does not give the outcome away.
    void setVerdictsHidden(bool hidden) { verdictsHidden_ = hidden; }

    [[nodiscard]] LinkItem* linkItem(Link link) const { return links_[static_cast<std::size_t>(link)]; }
    [[nodiscard]] NodeItem* nodeItem(Node node) const { return nodes_[static_cast<std::size_t>(node)]; }
    [[nodiscard]] EndToEndItem* endToEndItem() const { return endToEnd_; }
    [[nodiscard]] AttackerItem* attackerItem(const std::string& id) const;
    [[nodiscard]] int messagesInFlight() const { return static_cast<int>(messages_.size()); }
    // Where an attacker sits (its badge's centre; for one not yet shown, about where it will go).
    [[nodiscard]] QPointF anchorOf(const AttackSpec& spec) const;

signals:
    // The user asked for an attacker: by dropping from the palette or through a context menu. link/node is -1
    // when absent.
    void attackRequested(int kind, int link, int node);
    void attackRemoveRequested(const QString& id);
    void attackSettingsRequested(const QString& id);
    void devicesActivated();
    void messageActivated(std::uint32_t pdu);

protected:
    bool event(QEvent* event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dropEvent(QGraphicsSceneDragDropEvent* event) override;

private:
    void buildLayout();
    void showLinkMenu(Link link, QPoint screenPos);
    void showNodeMenu(Node node, QPoint screenPos);
    // The link or node under a scene position, for a drop.
    std::pair<int, int> targetAt(QPointF pos) const;
    void fitSceneRect();
    // Where a node sits: the figure's position, spread apart horizontally in presentation mode.
    [[nodiscard]] QPointF place(Node node) const;
    // Puts the nodes, the core's box, the links (edge to edge of the boxes) and the arc in place.
    void placeNodes();
    [[nodiscard]] std::vector<QPainterPath> obstacles() const;
    void layoutLabels();
    void layoutBadges();
    static bool kindFits(AttackKind kind, int link, int node);

    std::array<NodeItem*, kNodeCount> nodes_{};
    std::array<LinkItem*, kLinkCount> links_{};
    EndToEndItem* endToEnd_ = nullptr;
    QGraphicsSimpleTextItem* nasLabel_ = nullptr;
    QGraphicsSimpleTextItem* coreTitle_ = nullptr;
    QGraphicsSimpleTextItem* legend_ = nullptr;
    std::map<std::string, AttackerItem*> attackers_;
    std::vector<MessageItem*> messages_;
    bool verdictsHidden_ = false;
    double emphasis_ = 1.0;
    double spread_ = 1.0; // horizontal spacing of the nodes (1.25 in presentation mode)
    QGraphicsRectItem* core_ = nullptr;
    double baseFontPoints_ = 14.5;
    std::vector<UeCapabilities> groupCapabilities_; // empty: every device supports every algorithm
    Protection protection_;
};

} // namespace mtcsec::ui
