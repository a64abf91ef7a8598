// The message sequence chart's scrolling view.
#include "ui/SequenceChartView.h"

#include "ui/SequenceChartPainter.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

namespace mtcsec::ui {

SequenceChartView::SequenceChartView(SequenceChartModel* model, QWidget* parent)
    : QAbstractScrollArea(parent)
    , model_(model)
{
    setObjectName(QStringLiteral("sequenceChartView"));
    setAccessibleName(tr("Message sequence chart"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    connect(model_, &SequenceChartModel::changed, this, &SequenceChartView::modelChanged);
    updateScrollBars();
}

int SequenceChartView::contentWidth() const
{
    return std::max(viewport()->width(), SequenceChartLayout::minimumWidth());
}

void SequenceChartView::updateScrollBars()
{
    const SequenceChartLayout layout(contentWidth());
    const int rows = static_cast<int>(model_->rows().size());
    const int page = std::max(1, viewport()->height() - layout.headerHeight());
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setSingleStep(layout.rowHeight());
    verticalScrollBar()->setRange(0, std::max(0, rows * layout.rowHeight() - page));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setRange(0, std::max(0, layout.width() - viewport()->width()));
}

void SequenceChartView::modelChanged()
{
    QScrollBar* bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    // Rows dropped at the front move the selection up.
    if (model_->rows().size() < rowsSeen_)
        selected_ = -1;
    rowsSeen_ = model_->rows().size();
    updateScrollBars();
    if (atEnd)
        bar->setValue(bar->maximum());
    viewport()->update();
}

void SequenceChartView::selectRow(int row)
{
    selected_ = row;
    if (row >= 0) {
        const SequenceChartLayout layout(contentWidth());
        const int y = row * layout.rowHeight();
        const int page = viewport()->height() - layout.headerHeight();
        QScrollBar* bar = verticalScrollBar();
        if (y < bar->value() || y + layout.rowHeight() > bar->value() + page)
            bar->setValue(y - page / 2);
    }
    viewport()->update();
}

void SequenceChartView::setPath(std::vector<int> path)
{
    path_ = std::move(path);
    viewport()->update();
}

int SequenceChartView::rowAt(const QPoint& point) const
{
    const SequenceChartLayout layout(contentWidth());
    if (point.y() < layout.headerHeight())
        return -1;
    const int row = (point.y() - layout.headerHeight() + verticalScrollBar()->value()) / layout.rowHeight();
    return row < static_cast<int>(model_->rows().size()) ? row : -1;
}

QRect SequenceChartView::rowRect(int row) const
{
    const SequenceChartLayout layout(contentWidth());
    return {-horizontalScrollBar()->value(),
            layout.headerHeight() + row * layout.rowHeight() - verticalScrollBar()->value(), layout.width(),
            layout.rowHeight()};
}

void SequenceChartView::paintEvent(QPaintEvent* /*event*/)
{
    QPainter p(viewport());
    const SequenceChartStyle style = SequenceChartStyle::fromPalette();
    const SequenceChartLayout layout(contentWidth());
    p.fillRect(viewport()->rect(), style.background);
    p.translate(-horizontalScrollBar()->value(), 0);
    const int offset = verticalScrollBar()->value();
    const int first = offset / layout.rowHeight();
    const int visible = viewport()->height() / layout.rowHeight() + 2;
    const int last = std::min(static_cast<int>(model_->rows().size()), first + visible);
    p.save();
    p.setClipRect(QRect(0, layout.headerHeight(), layout.width(), viewport()->height()));
    paintSequenceChartRows(p, *model_, first, last,
                           layout.headerHeight() + first * layout.rowHeight() - offset, layout, style,
                           selected_, path_);
    p.restore();
    paintSequenceChartHeader(p, layout, style);
    if (model_->rows().empty()) {
        p.setPen(style.muted);
        p.drawText(QRect(0, layout.headerHeight(), viewport()->width(), 60), Qt::AlignCenter,
                   tr("No message of this device yet: run the simulation."));
    }
}

void SequenceChartView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void SequenceChartView::mousePressEvent(QMouseEvent* event)
{
    const int row = rowAt(event->position().toPoint());
    if (row < 0)
        return;
    selected_ = row;
    viewport()->update();
    emit rowClicked(row);
}

void SequenceChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const int row = rowAt(event->position().toPoint());
    if (row >= 0 && !model_->messagePath(row).empty())
        emit followRequested(row);
}

void SequenceChartView::contextMenuEvent(QContextMenuEvent* event)
{
    const int row = rowAt(viewport()->mapFrom(this, event->pos()));
    if (row < 0)
        return;
    QMenu menu(this);
    const ChartRow& r = model_->rows()[static_cast<std::size_t>(row)];
    QAction* inspect = menu.addAction(tr("&Inspect this PDU"));
    inspect->setEnabled(r.type == ChartRow::Type::Arrow);
    QAction* follow = menu.addAction(tr("&Follow this message…"));
    follow->setEnabled(!model_->messagePath(row).empty());
    QAction* chosen = menu.exec(event->globalPos());
    if (chosen == inspect) {
        selected_ = row;
        viewport()->update();
        emit rowClicked(row);
    } else if (chosen == follow) {
        emit followRequested(row);
    }
}

bool SequenceChartView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos());
        if (row >= 0) {
            const ChartRow& r = model_->rows()[static_cast<std::size_t>(row)];
            QString tip = r.type == ChartRow::Type::Note
                              ? r.note
                              : tr("PDU %1 on %2: %3\nProtection: %4")
                                    .arg(r.pdu)
                                    .arg(QString::fromUtf8(name(r.link).data()), r.message, r.protection);
            for (const ChartIntervention& i : r.interventions)
                tip += QStringLiteral("\n%1: %2").arg(i.attack, i.text);
            if (r.outcome == ChartRow::Outcome::Dropped)
                tip += tr("\nDropped by: %1").arg(r.check);
            QToolTip::showText(help->globalPos(), tip, this);
            return true;
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace mtcsec::ui
