// The view on the topology canvas: zoom (Ctrl+wheel, Ctrl++/Ctrl+-), pan (drag the background), fit (Ctrl+0).
#pragma once

#include <QGraphicsView>

namespace mtcsec::ui {

class TopologyView : public QGraphicsView {
    Q_OBJECT
public:
    explicit TopologyView(QGraphicsScene* scene, QWidget* parent = nullptr);
    void zoomIn();
    void zoomOut();
    void fit();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    bool fitted_ = true; // keeps fitting on resize until the user zooms
};

} // namespace mtcsec::ui
