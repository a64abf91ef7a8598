// The requirements panel.
#include "ui/RequirementsPanel.h"

#include "core/engine/Requirements.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mtcsec::ui {

RequirementsPanel::RequirementsPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("requirementsPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(scroll);
    auto* grid = new QGridLayout(inner);
    static const std::array<const char*, 4> titles = {
        QT_TR_NOOP("R1 signalling integrity"), QT_TR_NOOP("R2 signalling confidentiality"),
        QT_TR_NOOP("R3 application data confidentiality"), QT_TR_NOOP("R4 application data integrity")};
    for (int i = 0; i < 4; ++i) {
        const QString wording =
            QString::fromUtf8(engine::requirementText(static_cast<std::size_t>(i)).data());
        auto* title =
            new QLabel(QStringLiteral("<b>%1</b>").arg(tr(titles[static_cast<std::size_t>(i)])), inner);
        title->setToolTip(wording);
        auto* badge = new QLabel(inner);
        badge->setAlignment(Qt::AlignCenter);
        badge->setMinimumWidth(120);
        badge->setToolTip(wording);
        badge->setObjectName(QStringLiteral("badgeR%1").arg(i + 1));
        auto* evidence = new QLabel(inner);
        evidence->setWordWrap(true);
        evidence->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        evidence->setToolTip(wording);
        evidence->setObjectName(QStringLiteral("evidenceR%1").arg(i + 1));
        title->setWordWrap(true);
        grid->addWidget(title, 3 * i, 0);
        grid->addWidget(badge, 3 * i, 1, Qt::AlignRight | Qt::AlignTop);
        grid->addWidget(evidence, 3 * i + 1, 0, 1, 2);
        auto* line = new QFrame(inner);
        line->setFrameShape(QFrame::HLine);
        grid->addWidget(line, 3 * i + 2, 0, 1, 2);
        badges_[static_cast<std::size_t>(i)] = badge;
        evidence_[static_cast<std::size_t>(i)] = evidence;
    }
    grid->setRowStretch(12, 1);
    scroll->setWidget(inner);
    outer->addWidget(scroll);
    setRequirements({});
}

void RequirementsPanel::setRequirements(const std::array<engine::RequirementResult, 4>& requirements)
{
    for (std::size_t i = 0; i < 4; ++i) {
        const engine::RequirementResult& r = requirements[i];
        std::string key(name(r.verdict));
        key += r.lteLimit ? "/lte" : "";
        for (const auto& e : r.evidence)
            key += "\n" + e;
        if (key == shown_[i])
            continue;
        shown_[i] = key;
        QString text, style;
        switch (r.verdict) {
        case engine::Verdict::Met:
            text = tr("✓ MET");
            style = QStringLiteral("background:#1e8449;color:white;");
            break;
        case engine::Verdict::Violated:
            text = r.lteLimit ? tr("✗ VIOLATED\n(LTE limit)") : tr("✗ VIOLATED");
            style = r.lteLimit ? QStringLiteral("background:#b9770e;color:white;")
                               : QStringLiteral("background:#b03a2e;color:white;");
            break;
        case engine::Verdict::NotExercised:
            text = tr("– NOT EXERCISED");
            style = QStringLiteral("background:#7f8c8d;color:white;");
            break;
        }
        badges_[i]->setText(text);
        badges_[i]->setStyleSheet(style +
                                  QStringLiteral("padding:3px 8px;border-radius:4px;font-weight:bold;"));
        badges_[i]->setAccessibleName(QStringLiteral("R%1: %2").arg(i + 1).arg(text));
        QStringList lines;
        for (const std::string& e : r.evidence)
            lines << QStringLiteral("• ") + QString::fromStdString(e).toHtmlEscaped();
        evidence_[i]->setText(lines.join(QStringLiteral("<br>")));
    }
}

} // namespace mtcsec::ui
