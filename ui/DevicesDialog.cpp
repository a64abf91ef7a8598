// A lazy list of devices.
#include "ui/DevicesDialog.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace mtcsec::ui {
namespace {

class DeviceModel : public QAbstractTableModel {
    Q_DECLARE_TR_FUNCTIONS(mtcsec::ui::DeviceModel)

public:
    explicit DeviceModel(const Scenario& s, QObject* parent)
        : QAbstractTableModel(parent)
        , scenario_(s)
    {}
    int rowCount(const QModelIndex& parent) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(scenario_.devices);
    }
    int columnCount(const QModelIndex& parent) const override { return parent.isValid() ? 0 : 3; }
    QVariant headerData(int section, Qt::Orientation o, int role) const override
    {
        if (o != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        return section == 0 ? tr("Device") : section == 1 ? tr("IMSI") : tr("IP address");
    }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        const int d = index.row();
        if (index.column() == 0)
            return d;
        if (index.column() == 1) {
            const QString msin = QString::number(d + 1);
            const auto width = 15 - static_cast<int>(scenario_.mcc.size() + scenario_.mnc.size());
            return QString::fromStdString(scenario_.mcc + scenario_.mnc) +
                   msin.rightJustified(width, QLatin1Char('0'));
        }
        const std::uint32_t a = 0x0a800000u + static_cast<std::uint32_t>(d) + 1;
        return QStringLiteral("%1.%2.%3.%4").arg(a >> 24).arg(a >> 16 & 255).arg(a >> 8 & 255).arg(a & 255);
    }

private:
    Scenario scenario_;
};

} // namespace

DevicesDialog::DevicesDialog(const Scenario& scenario, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("MTC devices (%1)").arg(scenario.devices));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Each device has a USIM (IMSI, K, OPc, SQN) and one PDN address."), this));
    auto* view = new QTableView(this);
    view->setModel(new DeviceModel(scenario, view));
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAccessibleName(tr("Devices"));
    layout->addWidget(view);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 420);
}

} // namespace mtcsec::ui
