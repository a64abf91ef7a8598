// Zoom, pan and fit of the topology view.
#include "ui/TopologyView.h"

#include <QWheelEvent>

namespace mtcsec::ui {

TopologyView::TopologyView(QGraphicsScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    // One rectangle around what changed: with 2,000 moving dots, a region of thousands of small rectangles
    // (Smart, Minimal) costs more to clip every item to than repainting the rectangle around them.
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAcceptDrops(true);
    setObjectName(QStringLiteral("topologyView"));
    // The drawing's extent changes with attackers and presentation mode: keep it fitted.
    connect(scene, &QGraphicsScene::sceneRectChanged, this, [this] {
        if (fitted_)
            fitInView(sceneRect(), Qt::KeepAspectRatio);
    });
    setAccessibleName(tr("Topology"));
    setAccessibleDescription(
        tr("The MTC devices, eNB, operator core and MTC server with the protection of every "
           "link; drop attackers from the palette onto a link or node"));
}

void TopologyView::zoomIn()
{
    fitted_ = false;
    scale(1.2, 1.2);
}

void TopologyView::zoomOut()
{
    fitted_ = false;
    scale(1 / 1.2, 1 / 1.2);
}

void TopologyView::fit()
{
    fitted_ = true;
    fitInView(sceneRect(), Qt::KeepAspectRatio);
}

void TopologyView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (fitted_)
        fitInView(sceneRect(), Qt::KeepAspectRatio);
}

} // namespace mtcsec::ui
