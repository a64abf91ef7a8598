// The crypto lab dialog, driven as a user would, offscreen: every published test set chosen in its combo
// fills the fields and gives the published outputs with a "matches" line; a key of the wrong length shows the
// core's message; one edited digit makes the line say "differs"; Enter recomputes and does not close the
// dialog; every control has an accessible name and a tooltip, and Tab walks the fields in reading order.
#include "tests/VectorFile.h"
#include "ui/CryptoLabDialog.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QtTest>

using mtcsec::test::readVectors;
using mtcsec::test::Vector;

class TestCryptoLab : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void listsEveryPublishedSet();
    void cipherTestSets_data();
    void cipherTestSets();
    void otherAlgorithmIsNotCheckedAgainstTheSet();
    void milenageTestSets_data();
    void milenageTestSets();
    void kdfTestSets_data();
    void kdfTestSets();
    void badInputShowsTheMessage_data();
    void badInputShowsTheMessage();
    void editedDigitDiffers_data();
    void editedDigitDiffers();
    void milenageWithOpcGiven();
    void enterDoesNotCloseTheDialog();
    void everyControlIsNamedAndExplained();
    void tabOrderFollowsTheForm();

private:
    template <typename T = QWidget>
    T* child(const char* objectName) const
    {
        auto* w = dialog_->findChild<T*>(QString::fromLatin1(objectName));
        if (w == nullptr)
            qFatal("no widget %s", objectName);
        return w;
    }
    void showTab(int index);
    // Chooses the combo entry that starts with `name` with the keyboard, as a user browsing the sets would.
    void choose(const char* comboName, const QString& name);
    [[nodiscard]] QString result(const char* name) const { return child<QLabel>(name)->text(); }
    [[nodiscard]] QString text(const char* name) const { return child<QLineEdit>(name)->text(); }
    void retype(const char* lineEditName, const QString& text);

    std::unique_ptr<mtcsec::ui::CryptoLabDialog> dialog_;
};

void TestCryptoLab::init()
{
    dialog_ = std::make_unique<mtcsec::ui::CryptoLabDialog>();
    dialog_->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog_.get()));
    QApplication::setActiveWindow(dialog_.get());
}

void TestCryptoLab::cleanup()
{
    dialog_.reset();
}

void TestCryptoLab::showTab(int index)
{
    auto* tabs = child<QTabWidget>("cryptoLabTabs");
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
    QCOMPARE(tabs->currentIndex(), index);
}

void TestCryptoLab::choose(const char* comboName, const QString& name)
{
    auto* combo = child<QComboBox>(comboName);
    const auto isSet = [&] {
        return combo->currentText() == name || combo->currentText().startsWith(name + QStringLiteral(" ("));
    };
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && !isSet(); ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QVERIFY2(isSet(), qPrintable(combo->currentText()));
}

void TestCryptoLab::retype(const char* lineEditName, const QString& newText)
{
    auto* edit = child<QLineEdit>(lineEditName);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, newText);
    QCOMPARE(edit->text(), newText);
}

void TestCryptoLab::listsEveryPublishedSet()
{
    const auto selectable = [this](const char* name) {
        auto* combo = child<QComboBox>(name);
        int n = 0;
        for (int i = 0; i < combo->count(); ++i)
            n += combo->itemData(i).isValid() ? 1 : 0; // separators carry no data
        return n;
    };
    QCOMPARE(selectable("cipherTestSet"), 5 + 7 + 6 + 8 + 5 + 5); // EEA1, EIA1, EEA2, EIA2, EEA3, EIA3
    QCOMPARE(selectable("milenageTestSet"), 20);
    QCOMPARE(selectable("kdfTestSet"), int(readVectors(QStringLiteral("kdf.vec")).size()));
}

void TestCryptoLab::cipherTestSets_data()
{
    QTest::addColumn<Vector>("v");
    for (const char* file : {"eea1.vec", "eia1.vec", "eea2.vec", "eia2.vec", "eea3.vec", "eia3.vec"}) {
        for (const Vector& v : readVectors(QString::fromLatin1(file)))
            QTest::newRow(qPrintable(v.name)) << v;
    }
}

void TestCryptoLab::cipherTestSets()
{
    QFETCH(Vector, v);
    showTab(0);
    choose("cipherTestSet", v.name);
    const bool eea = v.fields.contains(QStringLiteral("Ciphertext"));
    const int family = v.name.mid(7, 1).toInt(); // "128-EEA1 ..." -> 1
    QCOMPARE(child<QComboBox>("cipherAlgorithm")->currentIndex(), family - 1);
    QCOMPARE(text("cipherKey"), v[QStringLiteral("Key")]);
    QCOMPARE(text("cipherCount"), v[QStringLiteral("Count")]);
    QCOMPARE(text("cipherLength"), v[QStringLiteral("Length")]);
    QCOMPARE(child<QSpinBox>("cipherBearer")->value(), v[QStringLiteral("Bearer")].toInt(nullptr, 16));
    QCOMPARE(child<QSpinBox>("cipherBearer")->text(), QStringLiteral("0x") + v[QStringLiteral("Bearer")]);
    QCOMPARE(QString::number(child<QComboBox>("cipherDirection")->currentIndex()),
             v[QStringLiteral("Direction")]);
    QCOMPARE(child<QPlainTextEdit>("cipherData")->toPlainText(),
             v[eea ? QStringLiteral("Plaintext") : QStringLiteral("Message")]);
    const QString number = v.name.section(QLatin1Char(' '), -1);
    // Where each family's sets are published.
    const QString sources[3][2] = {
        {QStringLiteral("UEA2 & UIA2 Document 3 clause 4"), QStringLiteral("TS 33.401 C.4")},
        {QStringLiteral("TS 33.401 C.1"), QStringLiteral("TS 33.401 C.2")},
        {QStringLiteral("EEA3 & EIA3 Document 3 clause 4"),
         QStringLiteral("EEA3 & EIA3 Document 3 clause 5")}};
    const QString source = sources[family - 1][eea ? 0 : 1];
    const QString eeaName = QStringLiteral("128-EEA%1").arg(family);
    QCOMPARE(child<QPushButton>("eeaCompute")->text(),
             QStringLiteral("Compute &ciphertext (%1)").arg(eeaName));
    if (eea) {
        // The published plaintext may carry bits beyond LENGTH; the ciphertext as published has them zero.
        QCOMPARE(child<QPlainTextEdit>("eeaCiphertext")->toPlainText(), v[QStringLiteral("Ciphertext")]);
        QCOMPARE(child<QLabel>("eeaCiphertextCheck")->text(), QStringLiteral("✓"));
        QCOMPARE(result("cipherResult"),
                 QStringLiteral("✓ Matches %1 test set %2: ciphertext as published.").arg(source, number));
    } else {
        QCOMPARE(text("eiaMac"), v[QStringLiteral("Mac")]);
        QCOMPARE(child<QLabel>("eiaMacCheck")->text(), QStringLiteral("✓"));
        QCOMPARE(result("cipherResult"),
                 QStringLiteral("✓ Matches %1 test set %2: MAC as published.").arg(source, number));
    }
}

void TestCryptoLab::otherAlgorithmIsNotCheckedAgainstTheSet()
{
    // A ZUC set computed with AES is not "different from the published value": it is another algorithm.
    showTab(0);
    choose("cipherTestSet", QStringLiteral("128-EEA3 test set 1"));
    QVERIFY(result("cipherResult").startsWith(QStringLiteral("✓ Matches EEA3 & EIA3 Document 3 clause 4")));
    auto* algorithm = child<QComboBox>("cipherAlgorithm");
    algorithm->setCurrentIndex(1);
    QVERIFY(result("cipherResult").startsWith(QStringLiteral("Inputs changed")));
    QCOMPARE(child<QPushButton>("eeaCompute")->text(), QStringLiteral("Compute &ciphertext (128-EEA2)"));
    QTest::mouseClick(child<QPushButton>("eeaCompute"), Qt::LeftButton);
    QCOMPARE(result("cipherResult"), QStringLiteral("Computed the 128-EEA2 ciphertext of 193 bits."));
    QCOMPARE(child<QLabel>("eeaCiphertextCheck")->text(), QString());
    algorithm->setCurrentIndex(2);
    QTest::mouseClick(child<QPushButton>("eeaCompute"), Qt::LeftButton);
    QVERIFY(result("cipherResult")
                .startsWith(QStringLiteral("✓ Matches EEA3 & EIA3 Document 3 clause 4 test set 1")));
}

void TestCryptoLab::milenageTestSets_data()
{
    QTest::addColumn<Vector>("v");
    for (const Vector& v : readVectors(QStringLiteral("milenage.vec")))
        QTest::newRow(qPrintable(v.name)) << v;
}

void TestCryptoLab::milenageTestSets()
{
    QFETCH(Vector, v);
    showTab(1);
    choose("milenageTestSet", v.name);
    QVERIFY(child<QRadioButton>("milenageUseOp")->isChecked());
    QCOMPARE(text("milenageK"), v[QStringLiteral("K")]);
    QCOMPARE(text("milenageOp"), v[QStringLiteral("OP")]);
    QCOMPARE(text("milenageRand"), v[QStringLiteral("RAND")]);
    QCOMPARE(text("milenageSqn"), v[QStringLiteral("SQN")]);
    QCOMPARE(text("milenageAmf"), v[QStringLiteral("AMF")]);
    QCOMPARE(text("milenageOpc"), v[QStringLiteral("OPc")]);
    QCOMPARE(text("milenageF1"), v[QStringLiteral("f1")]);
    QCOMPARE(text("milenageF1star"), v[QStringLiteral("f1star")]);
    QCOMPARE(text("milenageF2"), v[QStringLiteral("f2")]);
    QCOMPARE(text("milenageF3"), v[QStringLiteral("f3")]);
    QCOMPARE(text("milenageF4"), v[QStringLiteral("f4")]);
    QCOMPARE(text("milenageF5"), v[QStringLiteral("f5")]);
    QCOMPARE(text("milenageF5star"), v[QStringLiteral("f5star")]);
    QCOMPARE(result("milenageResult"),
             QStringLiteral("✓ Matches TS 35.207/35.208 test set %1: all 8 outputs as published.")
                 .arg(v.name.section(QLatin1Char(' '), -1)));
}

void TestCryptoLab::kdfTestSets_data()
{
    QTest::addColumn<Vector>("v");
    for (const Vector& v : readVectors(QStringLiteral("kdf.vec")))
        QTest::newRow(qPrintable(v.name)) << v;
}

void TestCryptoLab::kdfTestSets()
{
    QFETCH(Vector, v);
    showTab(2);
    choose("kdfTestSet", v.name);
    const QString function = v[QStringLiteral("Function")];
    const QString expected = v[QStringLiteral("Expected")];
    QCOMPARE(text("kdfOutput"), expected);
    QCOMPARE(child<QLabel>("kdfOutputCheck")->text(), QStringLiteral("✓"));
    if (v.fields.contains(QStringLiteral("S")))
        QCOMPARE(text("kdfInputString"), v[QStringLiteral("S")]);
    if (function == QLatin1String("alg")) {
        QCOMPARE(text("kdfAlgorithmKey"), expected.right(32)); // the 128 least significant bits
        QVERIFY(child<QComboBox>("algType")->currentText().startsWith(v[QStringLiteral("Type")]));
        QCOMPARE(QString::number(child<QSpinBox>("algId")->value()), v[QStringLiteral("Alg")]);
    } else {
        QVERIFY(!child("kdfAlgorithmKey")->isVisible());
    }
    if (function == QLatin1String("kasme"))
        QCOMPARE(text("kasmeSnId"), v[QStringLiteral("SNid")]);
    // The line names what was compared: the derived key, the 128-bit key of A.7, and S where published.
    const QMap<QString, QString> outputName{{QStringLiteral("kasme"), QStringLiteral("KASME")},
                                            {QStringLiteral("kenb"), QStringLiteral("KeNB")},
                                            {QStringLiteral("nh"), QStringLiteral("NH")},
                                            {QStringLiteral("kenbstar"), QStringLiteral("KeNB*")},
                                            {QStringLiteral("alg"), QStringLiteral("KDF output")}};
    QStringList compared{outputName.value(function)};
    if (function == QLatin1String("alg"))
        compared << QStringLiteral("128-bit algorithm key");
    if (v.fields.contains(QStringLiteral("S")))
        compared << QStringLiteral("S");
    const QString what = compared.size() == 1
                             ? compared.front()
                             : compared.mid(0, compared.size() - 1).join(QStringLiteral(", ")) +
                                   QStringLiteral(" and ") + compared.back();
    QCOMPARE(
        result("kdfResult"),
        QStringLiteral("✓ Matches test vector “%1” (srsRAN unit tests): %2 as published.").arg(v.name, what));
}

void TestCryptoLab::badInputShowsTheMessage_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("output");
    QTest::newRow("EEA2 key of 15 octets")
        << 0 << QStringLiteral("128-EEA2 test set 1") << QStringLiteral("cipherKey")
        << QStringLiteral("d3c5d592327fb11c4035c6680af8c6")
        << QStringLiteral("KEY: must be 16 octets (32 hex digits), got 15")
        << QStringLiteral("eeaCiphertext");
    QTest::newRow("EIA2 key of 17 octets")
        << 0 << QStringLiteral("128-EIA2 test set 2") << QStringLiteral("cipherKey")
        << QStringLiteral("d3c5d592327fb11c4035c6680af8c6d1aa")
        << QStringLiteral("KEY: must be 16 octets (32 hex digits), got 17") << QStringLiteral("eiaMac");
    QTest::newRow("LENGTH beyond the data")
        << 0 << QStringLiteral("128-EIA2 test set 1") << QStringLiteral("cipherLength")
        << QStringLiteral("65")
        << QStringLiteral("LENGTH 65 bits is longer than the data (8 octets = 64 bits)")
        << QStringLiteral("eiaMac");
    QTest::newRow("COUNT not hex") << 0 << QStringLiteral("128-EEA2 test set 2")
                                   << QStringLiteral("cipherCount") << QStringLiteral("12<z>")
                                   << QStringLiteral("COUNT: '12<z>' is not a hexadecimal number")
                                   << QStringLiteral("eeaCiphertext");
    QTest::newRow("Milenage K of 15 octets")
        << 1 << QStringLiteral("Milenage test set 1") << QStringLiteral("milenageK")
        << QStringLiteral("465b5ce8b199b49faa5f0a2ee238a6")
        << QStringLiteral("K: must be 16 octets (32 hex digits), got 15") << QStringLiteral("milenageF2");
    QTest::newRow("Milenage odd SQN")
        << 1 << QStringLiteral("Milenage test set 2") << QStringLiteral("milenageSqn")
        << QStringLiteral("fd8eef40df7")
        << QStringLiteral("SQN: odd number of hex digits (11); each octet needs two")
        << QStringLiteral("milenageF1");
    QTest::newRow("KASME CK of 15 octets")
        << 2 << QStringLiteral("KASME srsRAN") << QStringLiteral("kasmeCk")
        << QStringLiteral("7bc15d69309cf3ec5d324404edd6f0")
        << QStringLiteral("CK: must be 16 octets (32 hex digits), got 15") << QStringLiteral("kdfOutput");
    QTest::newRow("KeNB KASME of 16 octets")
        << 2 << QStringLiteral("KeNB srsRAN") << QStringLiteral("kenbKasme")
        << QStringLiteral("6144c681d1bea9dae1b8cf6cd10a6863")
        << QStringLiteral("KASME: must be 32 octets (64 hex digits), got 16") << QStringLiteral("kdfOutput");
    QTest::newRow("PCI out of range")
        << 2 << QStringLiteral("KeNB* srsRAN") << QStringLiteral("kenbStarPci") << QStringLiteral("504")
        << QStringLiteral("PCI: 504 is out of range (at most 503)") << QStringLiteral("kdfOutput");
}

void TestCryptoLab::badInputShowsTheMessage()
{
    QFETCH(int, tab);
    QFETCH(QString, set);
    QFETCH(QString, field);
    QFETCH(QString, input);
    QFETCH(QString, message);
    QFETCH(QString, output);
    static constexpr std::array<const char*, 3> kPages = {"cipher", "milenage", "kdf"};
    const QByteArray page(kPages.at(static_cast<std::size_t>(tab)));
    showTab(tab);
    choose((page + "TestSet").constData(), set);
    const QByteArray resultName = page + "Result";
    QVERIFY(result(resultName.constData()).startsWith(QStringLiteral("✓")));

    retype(field.toLatin1().constData(), input);
    QVERIFY(result(resultName.constData()).startsWith(QStringLiteral("Inputs changed")));
    QCOMPARE(child<QLabel>((output + QStringLiteral("Check")).toLatin1().constData())->text(), QString());
    QTest::keyClick(child(field.toLatin1().constData()), Qt::Key_Return); // Enter recomputes
    QCOMPARE(result(resultName.constData()), QStringLiteral("⚠ Invalid input: ") + message);
    auto* out = dialog_->findChild<QWidget*>(output);
    QVERIFY(out != nullptr);
    if (auto* line = qobject_cast<QLineEdit*>(out))
        QVERIFY(line->text().isEmpty()); // no stale result beside bad input
    else
        QVERIFY(qobject_cast<QPlainTextEdit*>(out)->toPlainText().isEmpty());
    QVERIFY(dialog_->isVisible());
}

void TestCryptoLab::editedDigitDiffers_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("expected"); // what the line says is expected
    QTest::newRow("EEA2 plaintext") << 0 << QStringLiteral("128-EEA2 test set 3")
                                    << QStringLiteral("cipherData") << QStringLiteral("eeaCompute")
                                    << QStringLiteral(
                                           "ciphertext from octet 1 on (expected 75750d37b4bba2a4dedb…");
    QTest::newRow("EIA2 message") << 0 << QStringLiteral("128-EIA2 test set 2")
                                  << QStringLiteral("cipherData") << QStringLiteral("eiaCompute")
                                  << QStringLiteral("MAC (expected b93787e6)");
    QTest::newRow("Milenage RAND") << 1 << QStringLiteral("Milenage test set 3")
                                   << QStringLiteral("milenageRand") << QStringLiteral("milenageCompute")
                                   << QStringLiteral(
                                          "7 of 8 outputs (see the ✗ marks for the expected values)");
    QTest::newRow("KDF algorithm key")
        << 2 << QStringLiteral("KRRCint srsRAN EIA2") << QStringLiteral("algKey")
        << QStringLiteral("kdfCompute")
        << QStringLiteral("KDF output from octet 1 on (expected 42f4f8c585ae8905a50d…");
}

void TestCryptoLab::editedDigitDiffers()
{
    QFETCH(int, tab);
    QFETCH(QString, set);
    QFETCH(QString, field);
    QFETCH(QString, button);
    QFETCH(QString, expected);
    static constexpr std::array<const char*, 3> kPages = {"cipher", "milenage", "kdf"};
    const QByteArray page(kPages.at(static_cast<std::size_t>(tab)));
    const QByteArray resultName = page + "Result";
    showTab(tab);
    choose((page + "TestSet").constData(), set);
    QVERIFY(result(resultName.constData()).startsWith(QStringLiteral("✓ Matches")));

    // Change the first hex digit, as a user would: Home, Delete, type another digit.
    QWidget* edit = child(field.toLatin1().constData());
    edit->setFocus();
    auto* lineEdit = qobject_cast<QLineEdit*>(edit);
    QTest::keyClick(edit, Qt::Key_Home, lineEdit != nullptr ? Qt::NoModifier : Qt::ControlModifier);
    const QString before =
        lineEdit != nullptr ? lineEdit->text() : qobject_cast<QPlainTextEdit*>(edit)->toPlainText();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, before.startsWith(QLatin1Char('0')) ? QStringLiteral("1") : QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(button.toLatin1().constData()), Qt::LeftButton);

    const QString line = result(resultName.constData());
    QVERIFY2(line.startsWith(QStringLiteral("✗ Differs from the published ")), qPrintable(line));
    QVERIFY2(line.contains(expected), qPrintable(line));
    QVERIFY2(line.endsWith(QStringLiteral(
                 "The inputs were edited after loading; choose the set again to restore them.")),
             qPrintable(line));

    // Choosing the same set again restores its inputs and the match.
    auto* combo = child<QComboBox>((page + "TestSet").constData());
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QTest::keyClick(combo, Qt::Key_Up);
    QVERIFY2(result(resultName.constData()).startsWith(QStringLiteral("✓ Matches")),
             qPrintable(result(resultName.constData())));
}

void TestCryptoLab::milenageWithOpcGiven()
{
    const Vector v = readVectors(QStringLiteral("milenage.vec")).at(6);
    showTab(1);
    QTest::mouseClick(child<QRadioButton>("milenageUseOpc"), Qt::LeftButton);
    QCOMPARE(child("milenageOp")->accessibleName(), QStringLiteral("OPc"));
    retype("milenageK", v[QStringLiteral("K")]);
    retype("milenageOp", v[QStringLiteral("OPc")]);
    retype("milenageRand", v[QStringLiteral("RAND")]);
    retype("milenageSqn", v[QStringLiteral("SQN")]);
    retype("milenageAmf", v[QStringLiteral("AMF")]);
    QTest::keyClick(child("milenageAmf"), Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(text("milenageOpc"), v[QStringLiteral("OPc")]);
    QCOMPARE(text("milenageF3"), v[QStringLiteral("f3")]);
    QCOMPARE(text("milenageF5star"), v[QStringLiteral("f5star")]);
    QCOMPARE(result("milenageResult"), QStringLiteral("Computed OPc and f1-f5*."));
}

void TestCryptoLab::enterDoesNotCloseTheDialog()
{
    showTab(0);
    choose("cipherTestSet", QStringLiteral("128-EEA2 test set 1"));
    child<QPlainTextEdit>("eeaCiphertext")->clear();
    for (const char* name : {"cipherKey", "cipherCount", "cipherLength", "cipherBearer", "cipherDirection",
                             "cipherTestSet", "eeaCiphertext"}) {
        QTest::keyClick(child(name), Qt::Key_Return);
        QVERIFY2(dialog_->isVisible(), name);
    }
    QVERIFY(result("cipherResult").startsWith(QStringLiteral("✓ Matches TS 33.401 C.1 test set 1")));
    // Ctrl+Enter in the multi-line DATA field computes rather than adding a line.
    auto* data = child<QPlainTextEdit>("cipherData");
    data->setFocus();
    const QString before = data->toPlainText();
    QTest::keyClick(data, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(data->toPlainText(), before);
    QVERIFY(result("cipherResult").startsWith(QStringLiteral("✓ Matches")));
    QTest::keyClick(child("cipherKey"), Qt::Key_Escape);
    QVERIFY(!dialog_->isVisible());
}

void TestCryptoLab::everyControlIsNamedAndExplained()
{
    QCOMPARE(dialog_->objectName(), QStringLiteral("cryptoLab"));
    int controls = 0;
    for (QWidget* w : dialog_->findChildren<QWidget*>()) {
        if (w->focusPolicy() == Qt::NoFocus || qobject_cast<QTabBar*>(w) != nullptr)
            continue;
        // The parts of spin boxes, combo boxes (their popup list) and the tab bar belong to their owner,
        // which is checked.
        bool part = false;
        for (QWidget* p = w->parentWidget(); p != nullptr && !part; p = p->parentWidget())
            part = qobject_cast<QAbstractSpinBox*>(p) != nullptr || qobject_cast<QComboBox*>(p) != nullptr ||
                   qobject_cast<QTabBar*>(p) != nullptr;
        if (part)
            continue;
        ++controls;
        const QString what =
            QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
        QVERIFY2(!w->accessibleName().isEmpty(),
                 qPrintable(what + QStringLiteral(" has no accessible name")));
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(what + QStringLiteral(" has no tooltip")));
    }
    QVERIFY(controls > 40);
    // Hex is shown in a fixed-pitch font.
    QVERIFY(QFontInfo(child("cipherKey")->font()).fixedPitch());
    QVERIFY(QFontInfo(child("eeaCiphertext")->font()).fixedPitch());
    QVERIFY(QFontInfo(child("milenageF1")->font()).fixedPitch());
    QVERIFY(QFontInfo(child("kdfOutput")->font()).fixedPitch());
}

void TestCryptoLab::tabOrderFollowsTheForm()
{
    QVERIFY(QTest::qWaitForWindowActive(dialog_.get()));
    showTab(0);
    child("cipherTestSet")->setFocus();
    QStringList order{QApplication::focusWidget()->objectName()};
    for (int i = 0; i < 12; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        order << QApplication::focusWidget()->objectName();
    }
    QCOMPARE(order, QStringList({QStringLiteral("cipherTestSet"), QStringLiteral("cipherAlgorithm"),
                                 QStringLiteral("cipherKey"), QStringLiteral("cipherCount"),
                                 QStringLiteral("cipherBearer"), QStringLiteral("cipherDirection"),
                                 QStringLiteral("cipherLength"), QStringLiteral("cipherData"),
                                 QStringLiteral("eeaCompute"), QStringLiteral("eiaCompute"),
                                 QStringLiteral("eeaCiphertext"), QStringLiteral("eiaMac"),
                                 QStringLiteral("cipherResult")}));
}

QTEST_MAIN(TestCryptoLab)
#include "tst_cryptolab.moc"
