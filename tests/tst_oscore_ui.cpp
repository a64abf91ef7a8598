// The protection panel offers the end-to-end mode oscore: shown for a protection in force, chosen in the mode
// box (a change the window sends to the engine), left for custom when one of its three switches is unchecked.
#include "ui/ProtectionPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QTest>

using namespace mtcsec;
using mtcsec::ui::ProtectionPanel;

class TestOscoreUi : public QObject {
    Q_OBJECT

private slots:
    void modeBoxOffersOscore();
};

void TestOscoreUi::modeBoxOffersOscore()
{
    ProtectionPanel panel;
    Protection p;
    p.app = appPreset("oscore").value();
    panel.setProtection(p);
    QCOMPARE(panel.appPreset()->currentData().toString(), QStringLiteral("oscore"));

    Protection aead;
    aead.app = appPreset("aead").value();
    panel.setProtection(aead);
    std::vector<Protection> edited;
    connect(&panel, &ProtectionPanel::protectionEdited, this,
            [&edited](const Protection& changed, const QString&) { edited.push_back(changed); });
    panel.appPreset()->setCurrentIndex(panel.appPreset()->findData(QStringLiteral("oscore")));
    QCOMPARE(edited.size(), std::size_t{1});
    QCOMPARE(edited.at(0).app, appPreset("oscore").value());

    panel.setProtection(p);
    edited.clear();
    panel.appConfidentiality()->setChecked(false);
    QCOMPARE(edited.size(), std::size_t{1});
    const AppProtection custom = edited.at(0).app;
    QVERIFY(!custom.oscore);
    QCOMPARE(appProtectionName(custom), std::string("custom"));
}

QTEST_MAIN(TestOscoreUi)
#include "tst_oscore_ui.moc"
