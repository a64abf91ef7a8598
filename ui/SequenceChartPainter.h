// Drawing the message sequence chart: the node columns with their lifelines, one row per arrow or note, the
// protection of each hop on its arrow (line style and colour, so that it reads without colour too), the
// attackers' marks and the receiver's decision. One painter for the dock, the SVG and PNG export and the
// session report's figure.
#pragma once

#include "ui/SequenceChartModel.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QString>

class QPainter;

namespace mtcsec::ui {

struct SequenceChartStyle {
    QFont font;
    QColor text{27, 31, 36};
    QColor muted{85, 91, 99};
    QColor background{255, 255, 255};
    QColor lifeline{160, 166, 175};
    QColor highlight{204, 226, 250};
    QColor path{236, 244, 229}; // the rows of a followed message
    bool dark = false;          // lighter line colours on a dark background
    // The light style of print and export, whatever the theme.
    [[nodiscard]] static SequenceChartStyle light();
    // The style of the application's palette (dark themes included).
    [[nodiscard]] static SequenceChartStyle fromPalette();
};

// Where things go, in pixels: the time column, seven node columns, rows of one height.
class SequenceChartLayout {
public:
    explicit SequenceChartLayout(int width, double scale = 1.0);
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int headerHeight() const { return header_; }
    [[nodiscard]] int rowHeight() const { return row_; }
    [[nodiscard]] int timeWidth() const { return time_; }
    [[nodiscard]] double columnX(Node node) const;
    // The smallest width that keeps the labels readable.
    [[nodiscard]] static int minimumWidth(double scale = 1.0);

private:
    int width_;
    int header_;
    int row_;
    int time_;
};

// The header (node names) at y = 0.
void paintSequenceChartHeader(QPainter& painter, const SequenceChartLayout& layout,
                              const SequenceChartStyle& style);
// Rows [first, last) of the model, the first at y = top; `highlighted` (or -1) on a highlight background,
// the rows in `path` on the path background.
void paintSequenceChartRows(QPainter& painter, const SequenceChartModel& model, int first, int last, int top,
                            const SequenceChartLayout& layout, const SequenceChartStyle& style,
                            int highlighted = -1, const std::vector<int>& path = {});

// The whole chart (header and every row, at most `maxRows` of the last ones) in the light style, `width`
// pixels wide.
[[nodiscard]] QImage renderSequenceChart(const SequenceChartModel& model, int width, int maxRows = 600);
// The whole chart as an SVG document (QSvgGenerator), light style.
[[nodiscard]] QByteArray sequenceChartSvg(const SequenceChartModel& model, int width);
// A caption naming what the line styles and marks mean.
[[nodiscard]] QString sequenceChartLegend();

} // namespace mtcsec::ui
