// The requirements panel.
#include "ui/RequirementsPanel.h"

#include "core/engine/Requirements.h"
#include "ui/EvidenceText.h"
#include "ui/LocalNumbers.h"

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
    // The four verdicts stay in view at the top (R4 never below the fold on a small screen); the evidence
    // below them scrolls.
    auto* verdicts = new QWidget(this);
    auto* top = new QGridLayout(verdicts);
    top->setContentsMargins(6, 4, 6, 4);
    top->setVerticalSpacing(3);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* inner = new QWidget(scroll);
    auto* grid = new QVBoxLayout(inner);
    static const std::array<const char*, 4> titles = {
        QT_TR_NOOP("R1 signalling integrity"), QT_TR_NOOP("R2 signalling confidentiality"),
        QT_TR_NOOP("R3 application data confidentiality"), QT_TR_NOOP("R4 application data integrity")};
    for (int i = 0; i < 4; ++i) {
        const QString wording = requirementWording(static_cast<std::size_t>(i));
        const QString heading = tr(titles[static_cast<std::size_t>(i)]);
        auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(heading), verdicts);
        title->setToolTip(wording);
        title->setWordWrap(true);
        auto* badge = new QLabel(verdicts);
        badge->setAlignment(Qt::AlignCenter);
        badge->setMinimumWidth(110);
        badge->setToolTip(wording);
        badge->setObjectName(QStringLiteral("badgeR%1").arg(i + 1));
        auto* since = new QLabel(verdicts);
        since->setObjectName(QStringLiteral("sinceR%1").arg(i + 1));
        since->setVisible(false);
        top->addWidget(title, 2 * i, 0);
        top->addWidget(badge, 2 * i, 1, Qt::AlignRight | Qt::AlignVCenter);
        top->addWidget(since, 2 * i + 1, 0, 1, 2, Qt::AlignRight);

        auto* evidenceTitle = new QLabel(QStringLiteral("<b>%1</b>").arg(heading), inner);
        evidenceTitle->setToolTip(wording);
        evidenceTitle->setWordWrap(true); // the panel's width never depends on a heading's language
        auto* evidence = new QLabel(inner);
        evidence->setWordWrap(true);
        // Evidence is HTML (escaped text and line breaks): "a > b" reads as such, never as "&gt;".
        evidence->setTextFormat(Qt::RichText);
        evidence->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        evidence->setToolTip(wording);
        evidence->setObjectName(QStringLiteral("evidenceR%1").arg(i + 1));
        grid->addWidget(evidenceTitle);
        grid->addWidget(evidence);
        badges_[static_cast<std::size_t>(i)] = badge;
        evidence_[static_cast<std::size_t>(i)] = evidence;
        since_[static_cast<std::size_t>(i)] = since;
    }
    grid->addStretch(1);
    scroll->setWidget(inner);
    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    outer->addWidget(verdicts);
    outer->addWidget(line);
    outer->addWidget(scroll, 1);
    setSummary({});
}

namespace {

// The badge's text and colours for a verdict; `lost`: genuine messages lost to attacks while R4 held.
std::pair<QString, QString> badgeOf(const engine::RequirementResult& r, std::uint64_t lost)
{
    switch (r.verdict) {
    case engine::Verdict::Met:
        if (lost > 0)
            return {lost == 1 ? RequirementsPanel::tr("✓ MET\n1 message lost")
                              : RequirementsPanel::tr("✓ MET\n%1 messages lost").arg(lost),
                    QStringLiteral("background:#1e8449;color:white;border:3px solid #b9770e;")};
        return {RequirementsPanel::tr("✓ MET"), QStringLiteral("background:#1e8449;color:white;")};
    case engine::Verdict::Violated:
        return {r.lteLimit ? RequirementsPanel::tr("✗ VIOLATED\n(LTE limit)")
                           : RequirementsPanel::tr("✗ VIOLATED"),
                r.lteLimit ? QStringLiteral("background:#b9770e;color:white;")
                           : QStringLiteral("background:#b03a2e;color:white;")};
    case engine::Verdict::NotExercised:
        break;
    }
    return {RequirementsPanel::tr("– NOT EXERCISED"), QStringLiteral("background:#7f8c8d;color:white;")};
}

std::uint64_t collateral(const engine::MessageAccounting& a)
{
    return a.uplink.droppedCollateral + a.downlink.droppedCollateral;
}

QString evidenceHtml(const engine::RequirementResult& r)
{
    QStringList lines;
    for (const QString& e : evidenceTexts(r))
        lines << QStringLiteral("• ") + e.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

} // namespace

void RequirementsPanel::setVerdictsHidden(bool hidden)
{
    hidden_ = hidden;
    shown_ = {};
    setSummary(latest_);
}

void RequirementsPanel::setSummary(const engine::RunSummary& summary)
{
    latest_ = summary;
    if (hidden_) {
        for (std::size_t i = 0; i < 4; ++i) {
            badges_[i]->setText(QStringLiteral("?"));
            badges_[i]->setStyleSheet(QStringLiteral(
                "background:#95a5a6;color:white;padding:3px 8px;border-radius:4px;font-weight:bold;"));
            badges_[i]->setAccessibleName(tr("R%1: hidden until the reveal").arg(i + 1));
            evidence_[i]->clear();
            since_[i]->setVisible(false);
        }
        return;
    }
    static constexpr std::size_t kR4 = 3; // availability (collateral losses) is stated under R4
    for (std::size_t i = 0; i < 4; ++i) {
        const engine::RequirementResult& r = summary.requirements[i];
        const engine::RequirementResult& s = summary.requirementsSinceChange[i];
        const std::uint64_t lost = i == kR4 ? collateral(summary.accounting) : 0;
        const std::uint64_t lostSince = i == kR4 ? collateral(summary.accountingSinceChange) : 0;
        std::string key(name(r.verdict));
        key += r.lteLimit ? "/lte/" : "/";
        key += std::to_string(lost);
        for (const auto& e : r.evidence)
            key += "\n" + e;
        if (summary.sinceChangeS) {
            key += "\nsince " + std::to_string(*summary.sinceChangeS) + std::string(name(s.verdict)) +
                   std::to_string(lostSince);
            for (const auto& e : s.evidence)
                key += "\n" + e;
        }
        if (key == shown_[i])
            continue;
        shown_[i] = key;
        const auto [text, style] = badgeOf(r, lost);
        const QString shape = QStringLiteral("padding:3px 8px;border-radius:4px;font-weight:bold;");
        badges_[i]->setText(text);
        badges_[i]->setStyleSheet(style + shape);
        badges_[i]->setAccessibleName(tr("R%1 over the whole run: %2")
                                          .arg(i + 1)
                                          .arg(QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '))));
        badges_[i]->setToolTip(
            lost > 0 ? tr("Integrity held, but %1 genuine messages were lost to attacks (collateral: an "
                          "attacker disturbed the receiver's state). See the evidence.")
                           .arg(lost)
                     : requirementWording(i));
        evidence_[i]->setText(evidenceHtml(r));
        since_[i]->setVisible(summary.sinceChangeS.has_value());
        if (summary.sinceChangeS) {
            const auto [sinceText, sinceStyle] = badgeOf(s, lostSince);
            const QString line =
                tr("since the change at %1 s: %2")
                    .arg(localDecimal(*summary.sinceChangeS, 1))
                    .arg(QString(sinceText).replace(QLatin1Char('\n'), QStringLiteral(", ")));
            since_[i]->setText(line);
            since_[i]->setStyleSheet(sinceStyle + QStringLiteral("padding:1px 6px;border-radius:4px;"));
            since_[i]->setAccessibleName(QStringLiteral("R%1 ").arg(i + 1) + line);
            since_[i]->setToolTip(
                QStringLiteral("<p>%1</p>%2")
                    .arg(tr("Evidence since the last protection change:"), evidenceHtml(s)));
        }
    }
}

} // namespace mtcsec::ui
