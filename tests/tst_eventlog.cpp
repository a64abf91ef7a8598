// The event log (PRODUCT.md section 5): the model grows in batches, each filter (place, category, outcome,
// search) keeps exactly the right rows of a hand-made log, outcomes are marked without colour, a click or
// Enter reports the event and its PDU, the view follows the tail only while at the bottom, and 300 000 events
// append and filter.
#include "core/engine/EventLog.h"
#include "ui/EventLogDock.h"
#include "ui/EventLogFilter.h"
#include "ui/EventLogModel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include <optional>
#include <vector>

using mtcsec::Link;
using mtcsec::Node;
using mtcsec::engine::EventKind;
using mtcsec::engine::LogEvent;
using mtcsec::engine::placeOf;
using mtcsec::ui::EventLogDock;
using mtcsec::ui::EventLogFilter;
using mtcsec::ui::EventLogModel;
using Category = EventLogFilter::Category;
using Outcome = EventLogFilter::Outcome;

Q_DECLARE_METATYPE(EventLogFilter::Category)
Q_DECLARE_METATYPE(EventLogFilter::Outcome)

namespace {

struct Ev {
    EventKind kind;
    std::uint8_t place;
    std::uint32_t device = mtcsec::engine::kNoDevice;
    std::int16_t attack = -1;
    std::uint32_t pdu = 0;
    std::uint8_t detail = 0;
    std::uint32_t value = 0;
};

LogEvent make(std::int64_t time, const Ev& e)
{
    LogEvent event;
    event.time = time;
    event.kind = e.kind;
    event.place = e.place;
    event.device = e.device;
    event.attack = e.attack;
    event.pdu = e.pdu;
    event.detail = e.detail;
    event.value = e.value;
    return event;
}

const std::vector<std::string> kAttackIds = {"a1", "Tamper-S1U", "r9"};

// Fifteen events of one short story, one row each; the expected rows of every filter are counted by hand.
std::vector<LogEvent> story()
{
    const auto ul = static_cast<std::uint8_t>(0);
    const auto integrity = static_cast<std::uint8_t>(mtcsec::engine::DropReason::Integrity);
    const auto ciphertext = static_cast<std::uint8_t>(mtcsec::engine::Reading::Ciphertext);
    const std::vector<Ev> events = {
        {EventKind::ProtectionChanged, placeOf(Node::MME)},                          // 0
        {EventKind::AttackAdded, placeOf(Link::Uu), mtcsec::engine::kNoDevice, 0},   // 1
        {EventKind::AttachStarted, placeOf(Node::Device), 3},                        // 2
        {EventKind::NasSecurityModeCommand, placeOf(Node::MME), 3, -1, 0, 0, 0x22},  // 3: 128-EEA2+128-EIA2
        {EventKind::PduSent, placeOf(Link::Uu), 3, -1, 100, ul, 120},                // 4: 120 octets
        {EventKind::AttackEavesdrop, placeOf(Link::Uu), 3, 0, 100, ciphertext},      // 5
        {EventKind::UplinkDelivered, placeOf(Node::Server), 3, -1, 100},             // 6
        {EventKind::AttackTamper, placeOf(Link::S1U), 12, 1, 101},                   // 7
        {EventKind::PduDropped, placeOf(Node::SGW), 12, -1, 101, integrity},         // 8
        {EventKind::AttackBlocked, placeOf(Link::S1U), 12, 1, 101, integrity},       // 9
        {EventKind::AttackReplay, placeOf(Link::SGi), 7, 2, 102},                    // 10
        {EventKind::AttackSucceeded, placeOf(Link::SGi), 7, 2, 102},                 // 11
        {EventKind::DownlinkSent, placeOf(Node::Server), 7, -1, 103},                // 12
        {EventKind::Detached, placeOf(Node::Device), 7},                             // 13
        {EventKind::AttackRemoved, placeOf(Link::SGi), mtcsec::engine::kNoDevice, 2} // 14
    };
    std::vector<LogEvent> log;
    for (std::size_t i = 0; i < events.size(); ++i)
        log.push_back(make(static_cast<std::int64_t>(i) * 250'000 + 1, events[i]));
    return log;
}

// The source rows a filter keeps, in order.
QList<int> keptRows(const EventLogFilter& filter)
{
    QList<int> rows;
    for (int r = 0; r < filter.rowCount(); ++r)
        rows.append(filter.mapToSource(filter.index(r, 0)).row());
    return rows;
}

// A large synthetic log in which every filter keeps rows scattered through the whole log.
std::vector<LogEvent> synthetic(std::size_t count)
{
    std::vector<LogEvent> log(count);
    for (std::size_t i = 0; i < count; ++i) {
        LogEvent& e = log[i];
        e.time = static_cast<std::int64_t>(i) * 1000;
        e.kind = static_cast<EventKind>(i % mtcsec::engine::kEventKindCount);
        e.place = i % 3 == 0 ? placeOf(static_cast<Link>(i % mtcsec::kLinkCount))
                             : placeOf(static_cast<Node>(i % mtcsec::kNodeCount));
        e.device = i % 11 == 0 ? mtcsec::engine::kNoDevice : static_cast<std::uint32_t>(i % 1000);
        e.attack = i % 4 == 0 ? static_cast<std::int16_t>(i % 3) : std::int16_t{-1};
        e.pdu = static_cast<std::uint32_t>(i + 1);
        e.value = e.kind == EventKind::NasSecurityModeCommand ? 0x22u : static_cast<std::uint32_t>(i % 1500);
        e.detail = static_cast<std::uint8_t>(i % 3);
    }
    return log;
}

void appendStory(EventLogDock& dock)
{
    const std::vector<LogEvent> log = story();
    dock.appendEvents(log, kAttackIds);
}

} // namespace

class TestEventLog : public QObject {
    Q_OBJECT
private slots:
    void appendsInBatches();
    void formatsCellsReadableWithoutColour();
    void filters_data();
    void filters();
    void controlsDriveTheFilter();
    void clickAndEnterReportTheEvent();
    void followsTheTailOnlyAtTheBottom();
    void keyboardAndNarrowLayout();
    void clearEmpties();
    void manyEventsAppendAndFilter();
    void keepsTheNewestWindow_data();
    void keepsTheNewestWindow();
    void searchInSlicesWhileRowsComeAndGo();
};

void TestEventLog::appendsInBatches()
{
    EventLogDock dock;
    QCOMPARE(dock.objectName(), QStringLiteral("eventLogDock"));
    QCOMPARE(dock.windowTitle(), QStringLiteral("Event log"));
    EventLogModel& model = *dock.model();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const std::vector<LogEvent> log = story();
    const std::span<const LogEvent> all(log);

    dock.appendEvents(all.first(4), {"a1"});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.count(), 1);
    dock.appendEvents(all.subspan(4, 6), kAttackIds);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(inserted.count(), 2); // one insertion per batch
    QCOMPARE(inserted.at(1).at(1).toInt(), 4);
    QCOMPARE(inserted.at(1).at(2).toInt(), 9);
    dock.appendEvents({}, kAttackIds); // nothing new: no insertion
    QCOMPARE(inserted.count(), 2);
    dock.appendEvents(all.subspan(10), {"a1"}); // a shorter table keeps the ids it had
    QCOMPARE(model.rowCount(), 15);
    QCOMPARE(dock.filter()->rowCount(), 15);
    QCOMPARE(model.attackId(2), std::string_view("r9"));
    QCOMPARE(model.attackId(-1), std::string_view());
    QCOMPARE(model.event(11).kind, EventKind::AttackSucceeded);
    QCOMPARE(dock.findChild<QLabel*>(QStringLiteral("eventLogCount"))->text(),
             QStringLiteral("15 of 15 events"));
}

void TestEventLog::formatsCellsReadableWithoutColour()
{
    EventLogDock dock;
    appendStory(dock);
    const EventLogModel& m = *dock.model();
    auto text = [&](int row, int column, int role = Qt::DisplayRole) {
        return m.data(m.index(row, column), role).toString();
    };
    QCOMPARE(m.columnCount(), 6);
    QCOMPARE(m.headerData(EventLogModel::TimeColumn, Qt::Horizontal).toString(), QStringLiteral("Time (s)"));
    QCOMPARE(m.headerData(EventLogModel::DetailsColumn, Qt::Horizontal).toString(),
             QStringLiteral("Details"));

    QCOMPARE(text(4, EventLogModel::TimeColumn), QStringLiteral("1.000001"));
    QCOMPARE(text(4, EventLogModel::WhereColumn), QStringLiteral("Uu"));
    QCOMPARE(text(8, EventLogModel::WhereColumn), QStringLiteral("S-GW"));
    QCOMPARE(text(4, EventLogModel::DeviceColumn), QStringLiteral("3"));
    QCOMPARE(text(0, EventLogModel::DeviceColumn), QString());
    QCOMPARE(text(4, EventLogModel::EventColumn), QStringLiteral("pdu-sent"));
    QCOMPARE(text(7, EventLogModel::AttackColumn), QStringLiteral("Tamper-S1U"));
    QCOMPARE(text(4, EventLogModel::AttackColumn), QString());
    QCOMPARE(text(4, EventLogModel::DetailsColumn), QStringLiteral("pdu-sent uplink, 120 octets"));
    QCOMPARE(text(3, EventLogModel::DetailsColumn), QStringLiteral("nas-smc: 128-EEA2+128-EIA2"));

    // The outcome is in the text, not only in the colour.
    QCOMPARE(text(9, EventLogModel::DetailsColumn), QStringLiteral("\u2713 attack-blocked: integrity"));
    QCOMPARE(text(11, EventLogModel::DetailsColumn), QStringLiteral("\u2717 attack-succeeded"));
    QVERIFY(m.data(m.index(9, 0), Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(m.data(m.index(11, 5), Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(m.data(m.index(9, 0), Qt::BackgroundRole) != m.data(m.index(11, 0), Qt::BackgroundRole));
    QVERIFY(!m.data(m.index(8, 0), Qt::BackgroundRole).isValid());

    QVERIFY(text(11, EventLogModel::DetailsColumn, Qt::ToolTipRole).contains(QStringLiteral("attack r9")));
    QVERIFY(text(11, EventLogModel::DetailsColumn, Qt::ToolTipRole).contains(QStringLiteral("PDU 102")));
    QCOMPARE(text(11, EventLogModel::DetailsColumn, Qt::AccessibleTextRole),
             QStringLiteral("attack-succeeded"));
    QCOMPARE(text(4, EventLogModel::TimeColumn, Qt::AccessibleTextRole), QStringLiteral("1.000001 seconds"));
    QCOMPARE(text(0, EventLogModel::DeviceColumn, Qt::AccessibleTextRole), QStringLiteral("no device"));

    QCOMPARE(m.data(m.index(7, 3), EventLogModel::PduRole).toUInt(), 101u);
    QCOMPARE(m.data(m.index(7, 3), EventLogModel::EventRole).value<LogEvent>().pdu, 101u);
    QCOMPARE(m.data(m.index(7, 3), EventLogModel::KindRole).toInt(),
             static_cast<int>(EventKind::AttackTamper));
}

void TestEventLog::filters_data()
{
    QTest::addColumn<int>("place"); // -1: all
    QTest::addColumn<Category>("category");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QList<int>>("rows");

    const int all = -1;
    const auto every = Category::All;
    const auto any = Outcome::All;
    const QString none;
    QTest::newRow("nothing") << all << every << any << none
                             << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    QTest::newRow("place Uu") << int{placeOf(Link::Uu)} << every << any << none << QList<int>{1, 4, 5};
    QTest::newRow("place S1-U") << int{placeOf(Link::S1U)} << every << any << none << QList<int>{7, 9};
    QTest::newRow("place S6a") << int{placeOf(Link::S6a)} << every << any << none << QList<int>{};
    QTest::newRow("place MME") << int{placeOf(Node::MME)} << every << any << none << QList<int>{0, 3};
    QTest::newRow("place device") << int{placeOf(Node::Device)} << every << any << none << QList<int>{2, 13};
    QTest::newRow("traffic") << all << Category::Traffic << any << none << QList<int>{4, 6, 12};
    QTest::newRow("security") << all << Category::Security << any << none << QList<int>{0, 2, 3, 13};
    QTest::newRow("attacks") << all << Category::Attacks << any << none << QList<int>{1, 5, 7, 9, 10, 11, 14};
    QTest::newRow("drops") << all << Category::Drops << any << none << QList<int>{8};
    QTest::newRow("blocked") << all << every << Outcome::Blocked << none << QList<int>{8, 9};
    QTest::newRow("succeeded") << all << every << Outcome::Succeeded << none << QList<int>{11};
    QTest::newRow("attacks blocked") << all << Category::Attacks << Outcome::Blocked << none << QList<int>{9};
    QTest::newRow("traffic succeeded")
        << all << Category::Traffic << Outcome::Succeeded << none << QList<int>{};
    QTest::newRow("SGi attacks") << int{placeOf(Link::SGi)} << Category::Attacks << any << none
                                 << QList<int>{10, 11, 14};
    QTest::newRow("search details") << all << every << any << QStringLiteral("octets") << QList<int>{4};
    QTest::newRow("search ignores case") << all << every << any << QStringLiteral("OcTeTs") << QList<int>{4};
    QTest::newRow("search event and attack")
        << all << every << any << QStringLiteral("tamper") << QList<int>{7, 9};
    QTest::newRow("search device and details")
        << all << every << any << QStringLiteral("12")
        << QList<int>{3, 4, 7, 8, 9}; // 128-EEA2, 120 octets, device 12
    QTest::newRow("search reason") << all << every << any << QStringLiteral("integrity") << QList<int>{8, 9};
    QTest::newRow("search attack id") << all << every << any << QStringLiteral("A1") << QList<int>{1, 5};
    QTest::newRow("search trimmed") << all << every << any << QStringLiteral("  r9 ")
                                    << QList<int>{10, 11, 14};
    QTest::newRow("search blocked mark") << all << every << any << QStringLiteral("\u2713") << QList<int>{9};
    QTest::newRow("search succeeded mark")
        << all << every << any << QStringLiteral("\u2717") << QList<int>{11};
    QTest::newRow("search nothing") << all << every << any << QStringLiteral("zzz") << QList<int>{};
    QTest::newRow("traffic uplink") << all << Category::Traffic << any << QStringLiteral("uplink")
                                    << QList<int>{4, 6};
    QTest::newRow("all four") << int{placeOf(Link::S1U)} << Category::Attacks << Outcome::Blocked
                              << QStringLiteral("tamper") << QList<int>{9};
}

void TestEventLog::filters()
{
    QFETCH(int, place);
    QFETCH(Category, category);
    QFETCH(Outcome, outcome);
    QFETCH(QString, search);
    QFETCH(QList<int>, rows);

    EventLogDock dock;
    appendStory(dock);
    EventLogFilter& filter = *dock.filter();
    // Set in an order that differs from the usual one, so that leftovers of an earlier criterion would show.
    filter.setSearch(QStringLiteral("a"));
    filter.setSearch(search);
    filter.setOutcome(outcome);
    filter.setCategory(category);
    filter.setPlace(place < 0 ? std::nullopt : std::optional<std::uint8_t>(static_cast<std::uint8_t>(place)));
    QCOMPARE(keptRows(filter), rows);
    QCOMPARE(dock.findChild<QLabel*>(QStringLiteral("eventLogCount"))->text(),
             QStringLiteral("%1 of 15 events").arg(rows.size()));

    // New rows go through the same filter: the log again holds every row twice.
    appendStory(dock);
    QList<int> twice = rows;
    for (const int r : rows)
        twice.append(r + 15);
    QCOMPARE(keptRows(filter), twice);

    // And everything comes back.
    filter.setPlace(std::nullopt);
    filter.setCategory(Category::All);
    filter.setOutcome(Outcome::All);
    filter.setSearch(QString());
    QVERIFY(!filter.isFiltering());
    QCOMPARE(filter.rowCount(), 30);
}

void TestEventLog::controlsDriveTheFilter()
{
    EventLogDock dock;
    appendStory(dock);
    auto* place = dock.findChild<QComboBox*>(QStringLiteral("eventLogPlace"));
    auto* category = dock.findChild<QComboBox*>(QStringLiteral("eventLogCategory"));
    auto* outcome = dock.findChild<QComboBox*>(QStringLiteral("eventLogOutcome"));
    auto* search = dock.findChild<QLineEdit*>(QStringLiteral("eventLogSearch"));
    auto* count = dock.findChild<QLabel*>(QStringLiteral("eventLogCount"));
    QVERIFY(place && category && outcome && search && count);
    for (QWidget* w : std::initializer_list<QWidget*>{place, category, outcome, search, count, dock.view()})
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    QCOMPARE(search->placeholderText(), QStringLiteral("Search events"));
    QVERIFY(search->isClearButtonEnabled());

    // All, six links, a separator, seven nodes.
    QCOMPARE(place->count(), 1 + 6 + 1 + 7);
    QStringList names;
    for (int i = 0; i < place->count(); ++i)
        names << place->itemText(i);
    QCOMPARE(names, (QStringList{"All", "Uu", "S1-MME", "S1-U", "S6a", "S5", "SGi", "", "device", "eNB",
                                 "MME", "HSS", "S-GW", "P-GW", "server"}));

    place->setCurrentIndex(place->findText(QStringLiteral("SGi")));
    QCOMPARE(dock.filter()->place(), std::optional<std::uint8_t>(placeOf(Link::SGi)));
    QCOMPARE(count->text(), QStringLiteral("3 of 15 events"));
    outcome->setCurrentIndex(2);
    QCOMPARE(dock.filter()->outcome(), Outcome::Succeeded);
    QCOMPARE(keptRows(*dock.filter()), QList<int>{11});
    place->setCurrentIndex(0);
    outcome->setCurrentIndex(0);
    category->setCurrentIndex(category->findText(QStringLiteral("Drops")));
    QCOMPARE(dock.filter()->category(), Category::Drops);
    QCOMPARE(keptRows(*dock.filter()), QList<int>{8});
    category->setCurrentIndex(0);

    // The search applies once typing pauses, or at once on Enter.
    QTest::keyClicks(search, QStringLiteral("r9"));
    QTRY_COMPARE(dock.filter()->search(), QStringLiteral("r9"));
    QCOMPARE(count->text(), QStringLiteral("3 of 15 events"));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("octets"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(keptRows(*dock.filter()), QList<int>{4});

    // Criteria set through the filter show in the controls.
    dock.filter()->setPlace(placeOf(Node::HSS));
    dock.filter()->setCategory(Category::Security);
    dock.filter()->setOutcome(Outcome::Blocked);
    dock.filter()->setSearch(QStringLiteral("attach"));
    QCOMPARE(place->currentText(), QStringLiteral("HSS"));
    QCOMPARE(category->currentText(), QStringLiteral("Security"));
    QCOMPARE(outcome->currentIndex(), 1);
    QCOMPARE(search->text(), QStringLiteral("attach"));
    QCOMPARE(count->text(), QStringLiteral("0 of 15 events"));
}

void TestEventLog::clickAndEnterReportTheEvent()
{
    EventLogDock dock;
    dock.resize(900, 600);
    appendStory(dock);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QSignalSpy events(&dock, &EventLogDock::eventActivated);
    QSignalSpy pdus(&dock, &EventLogDock::pduActivated);
    QTableView* view = dock.view();

    // Row 9 (attack-blocked, PDU 101) behind a filter: the proxy row differs from the model row.
    dock.filter()->setPlace(placeOf(Link::S1U));
    const QModelIndex blocked = view->model()->index(1, EventLogModel::DetailsColumn);
    view->scrollTo(blocked);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(blocked).center());
    QCOMPARE(events.count(), 1);
    const auto clicked = events.at(0).at(0).value<LogEvent>();
    QCOMPARE(clicked.kind, EventKind::AttackBlocked);
    QCOMPARE(clicked.time, story()[9].time);
    QCOMPARE(pdus.count(), 1);
    QCOMPARE(pdus.at(0).at(0).value<std::uint32_t>(), 101u);

    // Enter on an event without a PDU: the event, no PDU.
    dock.filter()->setPlace(std::nullopt);
    const QModelIndex noPdu = view->model()->index(2, 0); // attach-started
    view->setCurrentIndex(noPdu);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(events.count(), 2);
    QCOMPARE(events.at(1).at(0).value<LogEvent>().kind, EventKind::AttachStarted);
    QCOMPARE(pdus.count(), 1);
}

void TestEventLog::followsTheTailOnlyAtTheBottom()
{
    EventLogDock dock;
    dock.resize(700, 300);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QScrollBar* bar = dock.view()->verticalScrollBar();
    const std::vector<LogEvent> log = synthetic(3000);
    const std::span<const LogEvent> all(log);

    dock.appendEvents(all.first(1000), kAttackIds);
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(dock.isFollowingTail());
    const int oldMaximum = bar->maximum();
    dock.appendEvents(all.subspan(1000, 500), kAttackIds);
    QVERIFY(bar->maximum() > oldMaximum);
    QCOMPARE(bar->value(), bar->maximum()); // followed

    // The user scrolls up: new rows do not move the view.
    bar->setValue(100);
    const QModelIndex top = dock.view()->indexAt(QPoint(5, 5));
    dock.appendEvents(all.subspan(1500, 500), kAttackIds);
    QApplication::processEvents();
    QCOMPARE(bar->value(), 100);
    QCOMPARE(dock.view()->indexAt(QPoint(5, 5)), top);
    QVERIFY(!dock.isFollowingTail());

    // A filter change while scrolled up keeps the current row in view.
    int eavesdropRow = 140; // a row of the synthetic log that is an eavesdrop: an attack event
    while (static_cast<EventKind>(static_cast<std::size_t>(eavesdropRow) % mtcsec::engine::kEventKindCount) !=
           EventKind::AttackEavesdrop)
        ++eavesdropRow;
    const QModelIndex current = dock.view()->model()->index(eavesdropRow, 0);
    dock.view()->setCurrentIndex(current);
    const int currentRow = dock.filter()->mapToSource(current).row();
    dock.filter()->setCategory(Category::Attacks);
    QApplication::processEvents();
    QCOMPARE(dock.filter()->mapToSource(dock.view()->currentIndex()).row(), currentRow);
    QVERIFY(dock.view()->viewport()->rect().contains(dock.view()->visualRect(dock.view()->currentIndex())));
    QVERIFY(!dock.isFollowingTail());
    dock.filter()->setCategory(Category::All);
    QApplication::processEvents();
    QVERIFY(dock.view()->viewport()->rect().contains(dock.view()->visualRect(dock.view()->currentIndex())));

    // Back at the bottom: following again, also across a filter change.
    bar->setValue(bar->maximum());
    dock.appendEvents(all.subspan(2000, 500), kAttackIds);
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(dock.view()->rowAt(dock.view()->viewport()->height() - 2), dock.filter()->rowCount() - 1);
    dock.filter()->setCategory(Category::Traffic);
    QCOMPARE(bar->value(), bar->maximum());
    dock.appendEvents(all.subspan(2500), kAttackIds);
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
}

void TestEventLog::keyboardAndNarrowLayout()
{
    EventLogDock dock;
    dock.resize(1100, 300);
    appendStory(dock);
    dock.show();
    QVERIFY(QTest::qWaitForWindowActive(&dock));
    auto* place = dock.findChild<QComboBox*>(QStringLiteral("eventLogPlace"));
    auto* search = dock.findChild<QLineEdit*>(QStringLiteral("eventLogSearch"));

    // Tab walks the filters, the search and the table; Ctrl+F comes back to the search.
    place->setFocus();
    QTRY_VERIFY(place->hasFocus());
    const QList<QWidget*> order = {dock.findChild<QComboBox*>(QStringLiteral("eventLogCategory")),
                                   dock.findChild<QComboBox*>(QStringLiteral("eventLogOutcome")), search,
                                   dock.view()};
    for (QWidget* next : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY2(next->hasFocus(), qPrintable(next->objectName()));
    }
    QTest::keyClick(dock.view(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(search->hasFocus());

    // One row when wide; the search moves to a second row when the dock is narrow (on the side of a window).
    QCOMPARE(search->y(), place->y());
    dock.resize(dock.minimumSizeHint().width(), 300);
    QTRY_VERIFY(search->y() > place->y() + place->height() / 2);
    QVERIFY(dock.minimumSizeHint().width() < 600);
    dock.resize(1100, 300);
    QTRY_COMPARE(search->y(), place->y());
}

void TestEventLog::clearEmpties()
{
    EventLogDock dock;
    appendStory(dock);
    dock.filter()->setCategory(Category::Attacks);
    dock.clear();
    QCOMPARE(dock.model()->rowCount(), 0);
    QCOMPARE(dock.filter()->rowCount(), 0);
    QVERIFY(dock.model()->attackIds().empty());
    QCOMPARE(dock.findChild<QLabel*>(QStringLiteral("eventLogCount"))->text(),
             QStringLiteral("0 of 0 events"));
    appendStory(dock); // the filter stays in force for the next run
    QCOMPARE(dock.filter()->rowCount(), 7);
}

void TestEventLog::manyEventsAppendAndFilter()
{
    constexpr std::size_t kCount = 300'000;
    EventLogDock dock;
    dock.resize(900, 500);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    const std::vector<LogEvent> log = synthetic(kCount);
    const std::span<const LogEvent> all(log);
    // In frames, as the simulation delivers them, with a filter in force that keeps every other kind.
    dock.filter()->setCategory(Category::Attacks);
    for (std::size_t at = 0; at < kCount; at += 10'000)
        dock.appendEvents(all.subspan(at, 10'000), kAttackIds);
    QCOMPARE(dock.model()->rowCount(), static_cast<int>(kCount));
    // The filter tests rows in slices from the event loop; it gets there.
    QTRY_VERIFY(!dock.filter()->isScanning());

    auto expected = [&](auto keep) {
        int n = 0;
        for (const LogEvent& e : log)
            n += keep(e) ? 1 : 0;
        return n;
    };
    const std::uint32_t attacks = EventLogFilter::kinds(Category::Attacks);
    const auto bit = [](const LogEvent& e) {
        return std::uint32_t{1} << static_cast<unsigned>(e.kind);
    };
    QCOMPARE(dock.filter()->rowCount(), expected([&](const LogEvent& e) { return (attacks & bit(e)) != 0; }));

    dock.filter()->setCategory(Category::All);
    QTRY_VERIFY(!dock.filter()->isScanning());
    QCOMPARE(dock.filter()->rowCount(), static_cast<int>(kCount));
    dock.filter()->setOutcome(Outcome::Blocked);
    QTRY_VERIFY(!dock.filter()->isScanning());
    QCOMPARE(dock.filter()->rowCount(), expected([](const LogEvent& e) {
                 return e.kind == EventKind::AttackBlocked || e.kind == EventKind::PduDropped;
             }));
    dock.filter()->setOutcome(Outcome::All);
    dock.filter()->setPlace(placeOf(Link::S1U));
    QTRY_VERIFY(!dock.filter()->isScanning());
    QCOMPARE(dock.filter()->rowCount(),
             expected([](const LogEvent& e) { return e.place == placeOf(Link::S1U); }));
    dock.filter()->setPlace(std::nullopt);

    // The search against the text the model shows, row by row.
    dock.filter()->setSearch(QStringLiteral("99"));
    QTRY_VERIFY(!dock.filter()->isScanning());
    const EventLogModel& m = *dock.model();
    int matching = 0;
    for (int r = 0; r < m.rowCount(); ++r) {
        for (const int c : {EventLogModel::DeviceColumn, EventLogModel::EventColumn,
                            EventLogModel::AttackColumn, EventLogModel::DetailsColumn}) {
            if (m.data(m.index(r, c)).toString().contains(QStringLiteral("99"))) {
                ++matching;
                break;
            }
        }
    }
    QVERIFY(matching > 0);
    QCOMPARE(dock.filter()->rowCount(), matching);
    dock.view()->scrollToBottom();
    QApplication::processEvents();

    dock.filter()->setSearch(QString());
    dock.appendEvents(all.first(1000), kAttackIds); // one more frame onto the big log
    QCOMPARE(dock.filter()->rowCount(), static_cast<int>(kCount) + 1000);
}

void TestEventLog::keepsTheNewestWindow_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("total");
    QTest::newRow("batches smaller than the window") << 800 << 70 << 3000;
    QTest::newRow("a batch larger than the window") << 500 << 1200 << 3000;
    QTest::newRow("never full") << 5000 << 100 << 3000;
    QTest::newRow("one row") << 1 << 7 << 50;
}

void TestEventLog::keepsTheNewestWindow()
{
    QFETCH(int, capacity);
    QFETCH(int, batch);
    QFETCH(int, total);
    const std::vector<LogEvent> log = synthetic(static_cast<std::size_t>(total));
    const std::span<const LogEvent> all(log);
    EventLogDock dock;
    dock.model()->setCapacity(static_cast<std::size_t>(capacity));
    dock.filter()->setCategory(Category::Attacks); // a filter in force as rows leave the window
    for (int at = 0; at < total; at += batch)
        dock.appendEvents(
            all.subspan(static_cast<std::size_t>(at), static_cast<std::size_t>(std::min(batch, total - at))),
            kAttackIds);
    dock.filter()->finishScan();
    const EventLogModel& m = *dock.model();
    QVERIFY(m.rowCount() <= capacity);
    QVERIFY(m.rowCount() > 0);
    QCOMPARE(m.totalEvents(), static_cast<std::uint64_t>(total));
    QCOMPARE(m.firstSerial() + static_cast<std::uint64_t>(m.rowCount()), static_cast<std::uint64_t>(total));
    QCOMPARE(m.droppedEvents(), m.firstSerial());
    // The rows kept are the newest, in order.
    for (int r = 0; r < m.rowCount(); ++r)
        QCOMPARE(m.event(r).pdu,
                 log[static_cast<std::size_t>(m.firstSerial()) + static_cast<std::size_t>(r)].pdu);
    // The filter shows exactly the kept rows that pass.
    const std::uint32_t attacks = EventLogFilter::kinds(Category::Attacks);
    QList<int> expected;
    for (int r = 0; r < m.rowCount(); ++r)
        if ((attacks & (std::uint32_t{1} << static_cast<unsigned>(m.event(r).kind))) != 0)
            expected.append(r);
    QCOMPARE(keptRows(*dock.filter()), expected);
    for (int r = 0; r < dock.filter()->rowCount(); ++r)
        QCOMPARE(dock.filter()->rowOfSerial(dock.filter()->serialAt(r)), r);
    // And without a filter, every kept row.
    dock.filter()->setCategory(Category::All);
    QCOMPARE(dock.filter()->rowCount(), m.rowCount());
    QVERIFY(!dock.filter()->isScanning());
    const auto* count = dock.findChild<QLabel*>(QStringLiteral("eventLogCount"));
    QCOMPARE(count->toolTip().contains(QStringLiteral("newest")), m.droppedEvents() > 0);
    QCOMPARE(count->text(),
             m.droppedEvents() > 0
                 ? QStringLiteral("%1 of the newest %1 events").arg(QLocale().toString(m.rowCount()))
                 : QStringLiteral("%1 of %1 events").arg(QLocale().toString(m.rowCount())));
}

void TestEventLog::searchInSlicesWhileRowsComeAndGo()
{
    // A log large enough that a search takes several slices on a slow machine; whatever the speed, the rows
    // found are exactly the rows that match, after rows arrived and left the window during the scan.
    constexpr std::size_t kCount = 400'000;
    const std::vector<LogEvent> log = synthetic(kCount);
    const std::span<const LogEvent> all(log);
    EventLogDock dock;
    dock.model()->setCapacity(300'000);
    dock.appendEvents(all.first(250'000), kAttackIds);
    QSignalSpy progress(dock.filter(), &EventLogFilter::scanProgressed);
    dock.filter()->setSearch(QStringLiteral("r9"));
    QVERIFY(progress.count() >= 1);
    dock.appendEvents(all.subspan(250'000, 100'000), kAttackIds); // 50,000 of the oldest leave
    QApplication::processEvents();
    dock.appendEvents(all.subspan(350'000), kAttackIds);
    QTRY_VERIFY(!dock.filter()->isScanning());
    const EventLogModel& m = *dock.model();
    QCOMPARE(m.totalEvents(), static_cast<std::uint64_t>(kCount));
    QList<int> expected;
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.attackId(m.event(r).attack) == "r9")
            expected.append(r);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(keptRows(*dock.filter()), expected);
    QCOMPARE(dock.findChild<QLabel*>(QStringLiteral("eventLogCount"))->text(),
             QStringLiteral("%1 of the newest %2 events")
                 .arg(QLocale().toString(expected.size()), QLocale().toString(m.rowCount())));
}

QTEST_MAIN(TestEventLog)
#include "tst_eventlog.moc"
