// Tests of the topology canvas's message animation at scale (issue 11, the GUI at scale): thousands of dots
// in flight, retired after their travel, in counts only (no test asserts a frame rate; bench_gui --workload
// canvas prints it).
#include "ui/TopologyItems.h"
#include "ui/TopologyScene.h"

#include <QGraphicsItem>
#include <QtTest>

#include <vector>

using mtcsec::Link;
using mtcsec::ui::Frame;
using mtcsec::ui::MessageItem;
using mtcsec::ui::TopologyScene;

namespace {

std::vector<Frame::Message> messages(std::size_t count, std::uint32_t firstPdu = 1)
{
    std::vector<Frame::Message> out;
    for (std::size_t i = 0; i < count; ++i) {
        const auto pdu = firstPdu + static_cast<std::uint32_t>(i);
        out.push_back({pdu, static_cast<Link>(pdu % mtcsec::kLinkCount), pdu % 2 == 0,
                       static_cast<mtcsec::engine::Reading>(pdu % 3), pdu % 5 == 0});
    }
    return out;
}

int messageItems(const TopologyScene& scene)
{
    int n = 0;
    for (const QGraphicsItem* item : scene.items())
        n += item->type() == MessageItem::Type ? 1 : 0;
    return n;
}

} // namespace

class TestMessageAnimation : public QObject {
    Q_OBJECT
private slots:
    void carriesThousandsInFlight_data();
    void carriesThousandsInFlight();
    void retiresInOrderOfArrival();
    void dotsAreCachedAndClickable();
};

void TestMessageAnimation::carriesThousandsInFlight_data()
{
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("perFrame");
    QTest::addColumn<int>("expected");
    // 24 frames of 84 messages (30 frames a second, 0.8 s on screen): about 2,000 in flight.
    QTest::newRow("two thousand") << 24 << 84 << 2016;
    QTest::newRow("a frame of the most the worker sends")
        << 1 << static_cast<int>(Frame::kAnimated) << static_cast<int>(Frame::kAnimated);
    QTest::newRow("more than the canvas carries") << 40 << 100 << 2500;
}

void TestMessageAnimation::carriesThousandsInFlight()
{
    QFETCH(int, frames);
    QFETCH(int, perFrame);
    QFETCH(int, expected);
    TopologyScene scene;
    std::uint32_t pdu = 1;
    for (int f = 0; f < frames; ++f) {
        scene.animate(messages(static_cast<std::size_t>(perFrame), pdu));
        pdu += static_cast<std::uint32_t>(perFrame);
        scene.advance(0.001); // a moment: nothing arrives yet
    }
    QCOMPARE(scene.messagesInFlight(), expected);
    QCOMPARE(messageItems(scene), expected);
    scene.clearMessages();
    QCOMPARE(scene.messagesInFlight(), 0);
    QCOMPARE(messageItems(scene), 0);
}

void TestMessageAnimation::retiresInOrderOfArrival()
{
    TopologyScene scene;
    scene.animate(messages(1000));
    scene.advance(0.5);
    scene.animate(messages(500, 2000)); // half way for the first thousand
    QCOMPARE(scene.messagesInFlight(), 1500);
    scene.advance(0.4); // the first thousand arrive (0.9 s > 0.8 s), the rest are half way
    QCOMPARE(scene.messagesInFlight(), 500);
    QCOMPARE(messageItems(scene), 500);
    scene.advance(0.5);
    QCOMPARE(scene.messagesInFlight(), 0);
    QCOMPARE(messageItems(scene), 0);
}

void TestMessageAnimation::dotsAreCachedAndClickable()
{
    TopologyScene scene;
    scene.animate(messages(3, 41));
    QSignalSpy activated(&scene, &TopologyScene::messageActivated);
    std::vector<MessageItem*> dots;
    for (QGraphicsItem* item : scene.items())
        if (item->type() == MessageItem::Type)
            dots.push_back(static_cast<MessageItem*>(item));
    QCOMPARE(dots.size(), std::size_t{3});
    for (MessageItem* dot : dots) {
        QCOMPARE(dot->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
        emit dot->activated(dot->pdu());
    }
    QCOMPARE(activated.count(), 3);
}

QTEST_MAIN(TestMessageAnimation)
#include "tst_messageanimation.moc"
