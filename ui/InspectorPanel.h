// The inspector: one message layer by layer, the attacker's view on the link beside the receiving node's view
// inside the hop's protection, with hex dumps of both (PRODUCT.md section 5).
#pragma once

#include "ui/SimulationController.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

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
    [[nodiscard]] QPlainTextEdit* plainHex() const { return plainHex_; }

    // A classic hex dump: offset, 16 octets, ASCII.
    [[nodiscard]] static QString hexDump(ByteView bytes);

private:
    QLabel* header_;
    QLabel* attacker_;
    QLabel* endpoint_;
    QPlainTextEdit* wireHex_;
    QPlainTextEdit* plainHex_;
};

} // namespace mtcsec::ui
