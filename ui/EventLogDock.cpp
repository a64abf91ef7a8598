// The event log dock: filter row, table view, tail following and activation.
#include "ui/EventLogDock.h"

#include "ui/EventLogFilter.h"
#include "ui/EventLogModel.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QShortcut>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace mtcsec::ui {

namespace {

constexpr int kSearchDelayMs = 40; // typing pauses this long before the log is searched
constexpr int kAllPlaces = -1;

// Draws a cell as the style does, but with more air left and right of the text, so that a right-aligned
// column (time, device) does not run into the left-aligned one beside it. (A proxy style would do it too, but
// it would stop following the application's style when the theme changes it.)
class CellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget* widget = opt.widget;
        const QStyle* style = widget != nullptr ? widget->style() : QApplication::style();
        const QString text = opt.text;
        opt.text.clear();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus
        const int margin =
            style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1 + kExtraMargin;
        const QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                           : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                                : QPalette::Inactive;
        const bool selected = (opt.state & QStyle::State_Selected) != 0;
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(rect, static_cast<int>(opt.displayAlignment.toInt()) | Qt::TextSingleLine,
                          opt.fontMetrics.elidedText(text, opt.textElideMode, rect.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(2 * kExtraMargin, 0);
    }

private:
    static constexpr int kExtraMargin = 3;
};

} // namespace

EventLogDock::EventLogDock(QWidget* parent)
    : QDockWidget(tr("Event log"), parent)
    , model_(new EventLogModel(this))
    , filter_(new EventLogFilter(this))
{
    setObjectName(QStringLiteral("eventLogDock"));
    filter_->setSourceModel(model_);
    createWidgets();

    connect(filter_, &QAbstractItemModel::rowsInserted, this, &EventLogDock::updateCount);
    connect(filter_, &QAbstractItemModel::rowsRemoved, this, &EventLogDock::updateCount);
    connect(filter_, &QAbstractItemModel::modelReset, this, &EventLogDock::updateCount);
    connect(filter_, &EventLogFilter::scanProgressed, this, &EventLogDock::updateCount);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &EventLogDock::updateCount);
    updateCount();
}

void EventLogDock::createWidgets()
{
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    auto* bar = new QHBoxLayout;
    bar->setSpacing(6);
    layout->addLayout(bar);
    filterRow_ = bar;
    searchRow_ = new QHBoxLayout; // holds the search and the count when the dock is too narrow for one row
    searchRow_->setSpacing(6);
    layout->addLayout(searchRow_);
    body->installEventFilter(this);

    auto addLabelled = [&](const QString& label, QWidget* control) {
        auto* text = new QLabel(label, body);
        text->setBuddy(control);
        bar->addWidget(text);
        bar->addWidget(control);
        filterWidgets_.push_back(text);
        filterWidgets_.push_back(control);
    };

    place_ = new QComboBox(body);
    place_->setObjectName(QStringLiteral("eventLogPlace"));
    place_->addItem(tr("All"), kAllPlaces);
    for (const Link link : kAllLinks)
        place_->addItem(QString::fromUtf8(name(link).data(), static_cast<qsizetype>(name(link).size())),
                        static_cast<int>(engine::placeOf(link)));
    place_->insertSeparator(place_->count());
    for (std::size_t i = 0; i < kNodeCount; ++i) {
        const auto node = static_cast<Node>(i);
        place_->addItem(QString::fromUtf8(name(node).data(), static_cast<qsizetype>(name(node).size())),
                        static_cast<int>(engine::placeOf(node)));
    }
    place_->setAccessibleName(tr("Filter by link or node"));
    place_->setToolTip(tr("Show the events of one link or node"));
    addLabelled(tr("Where:"), place_);

    category_ = new QComboBox(body);
    category_->setObjectName(QStringLiteral("eventLogCategory"));
    category_->addItem(tr("All"), static_cast<int>(EventLogFilter::Category::All));
    category_->addItem(tr("Traffic"), static_cast<int>(EventLogFilter::Category::Traffic));
    category_->addItem(tr("Security"), static_cast<int>(EventLogFilter::Category::Security));
    category_->addItem(tr("Attacks"), static_cast<int>(EventLogFilter::Category::Attacks));
    category_->addItem(tr("Drops"), static_cast<int>(EventLogFilter::Category::Drops));
    category_->setItemData(1, tr("PDUs sent, uplink and downlink data sent and delivered"), Qt::ToolTipRole);
    category_->setItemData(2, tr("Protection changes, security mode commands, attach and detach"),
                           Qt::ToolTipRole);
    category_->setItemData(3, tr("Attackers added or removed, their actions and outcomes"), Qt::ToolTipRole);
    category_->setItemData(4, tr("PDUs a receiver refused"), Qt::ToolTipRole);
    category_->setAccessibleName(tr("Filter by category"));
    category_->setToolTip(tr("Show one category of events"));
    addLabelled(tr("Category:"), category_);

    outcome_ = new QComboBox(body);
    outcome_->setObjectName(QStringLiteral("eventLogOutcome"));
    outcome_->addItem(tr("All"), static_cast<int>(EventLogFilter::Outcome::All));
    outcome_->addItem(tr("\u2713 Blocked"), static_cast<int>(EventLogFilter::Outcome::Blocked));
    outcome_->addItem(tr("\u2717 Succeeded"), static_cast<int>(EventLogFilter::Outcome::Succeeded));
    outcome_->setItemData(1, tr("Attacks blocked and PDUs dropped"), Qt::ToolTipRole);
    outcome_->setItemData(2, tr("Attacks that succeeded"), Qt::ToolTipRole);
    outcome_->setAccessibleName(tr("Filter by outcome"));
    outcome_->setToolTip(tr("Show what was blocked or what succeeded"));
    addLabelled(tr("Outcome:"), outcome_);

    search_ = new QLineEdit(body);
    search_->setObjectName(QStringLiteral("eventLogSearch"));
    search_->setPlaceholderText(tr("Search events"));
    search_->setClearButtonEnabled(true);
    search_->setAccessibleName(tr("Search events"));
    search_->setToolTip(tr("Search the device, event, attack and details (ignoring case); %1")
                            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    search_->setMinimumWidth(search_->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 14);
    bar->addWidget(search_, 1);

    count_ = new QLabel(body);
    count_->setObjectName(QStringLiteral("eventLogCount"));
    count_->setAccessibleName(tr("Events shown"));
    count_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    count_->setMinimumWidth(count_->fontMetrics().horizontalAdvance(
        tr("%1 of %2 events").arg(QLocale().toString(999999), QLocale().toString(1000000))));
    bar->addWidget(count_);

    view_ = new QTableView(body);
    view_->setObjectName(QStringLiteral("eventLogView"));
    view_->setAccessibleName(tr("Events"));
    view_->setModel(filter_);
    view_->setWordWrap(false);
    view_->setTextElideMode(Qt::ElideRight);
    view_->setAlternatingRowColors(true);
    view_->setShowGrid(false);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setCornerButtonEnabled(false);
    view_->setTabKeyNavigation(false); // Tab leaves the table, as in a list
    view_->setItemDelegate(new CellDelegate(view_));
    QHeaderView* rows = view_->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed); // one height for every row: no per-row measuring
    rows->setMinimumSectionSize(1);
    rows->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    rows->hide();
    QHeaderView* columns = view_->horizontalHeader();
    // Fixed starting widths, never ResizeToContents: that would format every row.
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    const QFontMetrics metrics = view_->fontMetrics();
    const int pad = 2 * metrics.horizontalAdvance(QLatin1Char('m'));
    columns->resizeSection(EventLogModel::TimeColumn,
                           metrics.horizontalAdvance(QStringLiteral("0000.000000")) + pad);
    columns->resizeSection(EventLogModel::WhereColumn,
                           metrics.horizontalAdvance(QStringLiteral("S1-MME")) + pad);
    columns->resizeSection(EventLogModel::DeviceColumn,
                           metrics.horizontalAdvance(QStringLiteral("Device")) + pad);
    columns->resizeSection(EventLogModel::EventColumn,
                           metrics.horizontalAdvance(QStringLiteral("downlink-delivered")) + pad);
    columns->resizeSection(EventLogModel::AttackColumn,
                           metrics.horizontalAdvance(QStringLiteral("Attack")) + pad);
    layout->addWidget(view_, 1);
    setWidget(body);
    arrangeFilters(body->width());
    setFocusProxy(view_);

    setTabOrder(place_, category_);
    setTabOrder(category_, outcome_);
    setTabOrder(outcome_, search_);
    setTabOrder(search_, view_);

    auto* find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        search_->setFocus(Qt::ShortcutFocusReason);
        search_->selectAll();
    });

    connect(place_, &QComboBox::currentIndexChanged, this, [this] {
        const int place = place_->currentData().toInt();
        filter_->setPlace(place == kAllPlaces
                              ? std::nullopt
                              : std::optional<std::uint8_t>(static_cast<std::uint8_t>(place)));
    });
    connect(category_, &QComboBox::currentIndexChanged, this, [this] {
        filter_->setCategory(static_cast<EventLogFilter::Category>(category_->currentData().toInt()));
    });
    connect(outcome_, &QComboBox::currentIndexChanged, this, [this] {
        filter_->setOutcome(static_cast<EventLogFilter::Outcome>(outcome_->currentData().toInt()));
    });
    // The filter tests rows in slices and never holds the window long; a short pause merges fast typing
    // (Enter: at once).
    searchDelay_ = new QTimer(this);
    searchDelay_->setSingleShot(true);
    searchDelay_->setInterval(kSearchDelayMs);
    auto applySearch = [this] {
        searchDelay_->stop();
        filter_->setSearch(search_->text());
    };
    connect(searchDelay_, &QTimer::timeout, this, applySearch);
    connect(search_, &QLineEdit::textChanged, searchDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, applySearch);

    // A click reports the row; so does activation (Enter, double click, or a click where the style activates
    // on a single click, in which case the click itself is not reported twice).
    connect(view_, &QAbstractItemView::clicked, this, [this](const QModelIndex& index) {
        if (!view_->style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, view_))
            activate(index);
    });
    connect(view_, &QAbstractItemView::activated, this, &EventLogDock::activate);

    // New rows (a frame's, or those a new filter finds) keep the tail in view if it was. A new filter keeps
    // the tail in view if it was, or else puts the current row back once the filter has found it.
    connect(filter_, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { followOnInsert_ = restoring_ ? followBeforeLayout_ : isFollowingTail(); });
    connect(filter_, &QAbstractItemModel::rowsInserted, this, [this] {
        if (followOnInsert_)
            view_->scrollToBottom();
    });
    connect(filter_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (restoring_) // a second change before the first was found: keep the first one's aim
            return;
        followBeforeLayout_ = isFollowingTail();
        const QModelIndex current = view_->currentIndex();
        restoreSerial_ = current.isValid() ? filter_->serialAt(current.row()) : kNoSerial;
        restoring_ = true;
    });
    connect(filter_, &QAbstractItemModel::modelReset, this, [this] {
        if (followBeforeLayout_)
            view_->scrollToBottom();
    });
    connect(filter_, &EventLogFilter::scanProgressed, this, &EventLogDock::restoreCurrent);
    connect(filter_, &EventLogFilter::criteriaChanged, this, &EventLogDock::showCriteria);
}

bool EventLogDock::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == widget() && event->type() == QEvent::Resize)
        arrangeFilters(static_cast<QResizeEvent*>(event)->size().width());
    return QDockWidget::eventFilter(watched, event);
}

void EventLogDock::arrangeFilters(int width)
{
    // One row when the filters, a useful search field and the count fit side by side; two rows otherwise (a
    // dock on the side of the window).
    const int spacing = filterRow_->spacing();
    const QMargins margins = widget()->layout()->contentsMargins();
    int filters = margins.left() + margins.right() - spacing;
    for (const QWidget* w : filterWidgets_)
        filters += w->sizeHint().width() + spacing;
    const int searchAndCount = search_->minimumWidth() + spacing + count_->minimumWidth();
    // The dock may be as narrow as two rows allow (the layout alone would ask for the width of one).
    const int narrowest = std::max(filters, margins.left() + margins.right() + searchAndCount);
    if (widget()->minimumWidth() != narrowest)
        widget()->setMinimumWidth(narrowest);
    const bool twoRows = width < filters + spacing + searchAndCount;
    if (twoRows == twoRows_)
        return;
    twoRows_ = twoRows;
    QHBoxLayout* row = twoRows ? searchRow_ : filterRow_;
    row->addWidget(search_, 1);
    row->addWidget(count_);
}

void EventLogDock::appendEvents(std::span<const engine::LogEvent> events,
                                const std::vector<std::string>& attackIds)
{
    model_->append(events, attackIds); // the filter's rowsInserted follows the tail
}

void EventLogDock::restoreCurrent()
{
    if (!restoring_)
        return;
    if (restoreSerial_ != kNoSerial) {
        const int row = filter_->rowOfSerial(restoreSerial_);
        if (row < 0 && filter_->isScanning() && restoreSerial_ >= model_->firstSerial() &&
            filter_->scannedRows() <= restoreSerial_ - model_->firstSerial())
            return; // not reached yet
        if (row >= 0) {
            const QModelIndex index = filter_->index(row, std::max(0, view_->currentIndex().column()));
            view_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
            if (!followBeforeLayout_)
                view_->scrollTo(index, QAbstractItemView::PositionAtCenter);
        }
    }
    if (followBeforeLayout_)
        view_->scrollToBottom();
    restoring_ = false;
    restoreSerial_ = kNoSerial;
}

void EventLogDock::clear()
{
    model_->clear();
}

bool EventLogDock::isFollowingTail() const
{
    const QScrollBar* bar = view_->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void EventLogDock::showCriteria()
{
    auto select = [](QComboBox* box, int value) {
        const QSignalBlocker blocker(box);
        box->setCurrentIndex(std::max(0, box->findData(value)));
    };
    select(place_, filter_->place() ? int{*filter_->place()} : kAllPlaces);
    select(category_, static_cast<int>(filter_->category()));
    select(outcome_, static_cast<int>(filter_->outcome()));
    if (!searchDelay_->isActive() && search_->text().trimmed() != filter_->search()) {
        const QSignalBlocker blocker(search_);
        search_->setText(filter_->search());
    }
}

void EventLogDock::updateCount()
{
    const QLocale locale;
    const QString shown = locale.toString(filter_->rowCount());
    const QString kept = locale.toString(model_->rowCount());
    // Once the run has more events than the log keeps, the count says that these are the newest.
    QString text = model_->droppedEvents() > 0 ? tr("%1 of the newest %2 events").arg(shown, kept)
                                               : tr("%1 of %2 events").arg(shown, kept);
    if (filter_->isScanning()) {
        const double done = model_->rowCount() == 0 ? 1.0
                                                    : static_cast<double>(filter_->scannedRows()) /
                                                          static_cast<double>(model_->rowCount());
        text += tr(", searching %1%").arg(static_cast<int>(100 * done));
    }
    count_->setText(text);
    QString tip = tr("Events shown (passing the filter) of the events kept");
    if (model_->droppedEvents() > 0)
        tip += tr("; the log keeps the newest %1 events of the run's %2 (all of them: 'mtcsec run' with a "
                  ".csv report)")
                   .arg(locale.toString(static_cast<qulonglong>(model_->capacity())),
                        locale.toString(static_cast<qulonglong>(model_->totalEvents())));
    count_->setToolTip(tip);
}

void EventLogDock::activate(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const QModelIndex source = filter_->mapToSource(index);
    if (!source.isValid())
        return;
    const engine::LogEvent event = model_->event(source.row()); // a copy: a receiver may clear the log
    emit eventActivated(event);
    if (event.pdu != 0)
        emit pduActivated(event.pdu);
}

} // namespace mtcsec::ui
