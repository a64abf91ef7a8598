// The message sequence chart on screen: the node header stays put while the rows scroll; it follows the
// newest row while scrolled to the bottom and stays where the user scrolled otherwise. Clicking a row selects
// it; double-click or the context menu asks to follow the application message it carries.
#pragma once

#include "ui/SequenceChartModel.h"

#include <QAbstractScrollArea>

namespace mtcsec::ui {

class SequenceChartView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit SequenceChartView(SequenceChartModel* model, QWidget* parent = nullptr);

    [[nodiscard]] int selectedRow() const { return selected_; }
    // Selects a row (or -1) and scrolls it into view; emits nothing.
    void selectRow(int row);
    // The rows drawn as the followed message's path.
    void setPath(std::vector<int> path);
    // The row at a point of the viewport, or -1.
    [[nodiscard]] int rowAt(const QPoint& viewportPoint) const;
    // Where a row's arrow is drawn in the viewport (for tests and tool tips).
    [[nodiscard]] QRect rowRect(int row) const;

signals:
    void rowClicked(int row);
    void followRequested(int row);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void modelChanged();
    void updateScrollBars();
    [[nodiscard]] int contentWidth() const;

    SequenceChartModel* model_;
    int selected_ = -1;
    std::vector<int> path_;
    std::size_t rowsSeen_ = 0;
};

} // namespace mtcsec::ui
