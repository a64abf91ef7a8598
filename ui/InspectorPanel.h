// The inspector: one message layer by layer, the attacker's view on the link beside the receiving node's view
// inside the hop's protection, with hex dumps of both (PRODUCT.md section 5). The receiving side shows what
// the receiver really decoded from the bytes that reached it (after any tampering), whether it accepted them,
// and, when that differs from what the sender put in, the sender's bytes too.
#pragma once

#include "ui/SimulationController.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mtcsec::ui {

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);
    void showPdu(const PduView& view);
    void showMissing(std::uint32_t pduId);
    void clear();
    [[nodiscard]] QLabel* header() const { return header_; }
    [[nodiscard]] QLabel* attackerView() const { return attacker_; }
    [[nodiscard]] QLabel* endpointView() const { return endpoint_; }
    [[nodiscard]] QPlainTextEdit* wireHex() const { return wireHex_; }
    // What the receiver decoded inside the hop's protection (the sender's bytes while on the way).
    [[nodiscard]] QPlainTextEdit* plainHex() const { return plainHex_; }
    // What the sender put in, shown beside it when the receiver decoded something else.
    [[nodiscard]] QPlainTextEdit* sentHex() const { return sentHex_; }
    [[nodiscard]] QLabel* decision() const { return decision_; }
    // "Follow this message…", shown for a PDU that carries a reading or a command.
    [[nodiscard]] QPushButton* followButton() const { return follow_; }

signals:
    // The user asked to follow the application message this PDU carries along its whole path.
    void followRequested(std::uint32_t pdu, std::uint32_t device);

public:
    // A classic hex dump: offset, 16 octets, ASCII.
    [[nodiscard]] static QString hexDump(ByteView bytes);

private:
    QLabel* header_;
    QLabel* attacker_;
    QLabel* endpoint_;
    QPlainTextEdit* wireHex_;
    QPlainTextEdit* plainHex_;
    QPlainTextEdit* sentHex_;
    QLabel* decision_;
    QLabel* plainCaption_;
    QLabel* sentCaption_;
    QPushButton* follow_;
    std::uint32_t shownPdu_ = 0;
    std::uint32_t shownDevice_ = 0;
};

} // namespace mtcsec::ui
