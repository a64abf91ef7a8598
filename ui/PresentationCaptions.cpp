// The captions of presentation mode.
#include "ui/PresentationCaptions.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mtcsec::ui {
namespace {

constexpr std::array<const char*, 4> kShortTitles = {
    QT_TRANSLATE_NOOP("mtcsec::ui::PresentationCaptions", "R1 signalling integrity"),
    QT_TRANSLATE_NOOP("mtcsec::ui::PresentationCaptions", "R2 signalling confidentiality"),
    QT_TRANSLATE_NOOP("mtcsec::ui::PresentationCaptions", "R3 data confidentiality"),
    QT_TRANSLATE_NOOP("mtcsec::ui::PresentationCaptions", "R4 data integrity")};

// A verdict's words and background (the requirements panel's colours).
std::pair<QString, QString> verdictOf(const engine::RequirementResult& r)
{
    switch (r.verdict) {
    case engine::Verdict::Met:
        return {PresentationCaptions::tr("✓ MET"), QStringLiteral("#1e8449")};
    case engine::Verdict::Violated:
        return {r.lteLimit ? PresentationCaptions::tr("✗ VIOLATED (LTE limit)")
                           : PresentationCaptions::tr("✗ VIOLATED"),
                r.lteLimit ? QStringLiteral("#b9770e") : QStringLiteral("#b03a2e")};
    case engine::Verdict::NotExercised:
        break;
    }
    return {PresentationCaptions::tr("– NOT EXERCISED"), QStringLiteral("#5d6d7e")};
}

} // namespace

PresentationCaptions::PresentationCaptions(Part part, QWidget* parent)
    : QWidget(parent)
    , part_(part)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    if (part == Part::Verdicts) {
        setObjectName(QStringLiteral("presentationVerdicts"));
        auto* row = new QHBoxLayout(this);
        row->setContentsMargins(8, 6, 8, 6);
        row->setSpacing(10);
        for (std::size_t i = 0; i < 4; ++i) {
            auto* label = new QLabel(this);
            label->setObjectName(QStringLiteral("presentationR%1").arg(i + 1));
            label->setAlignment(Qt::AlignCenter);
            label->setTextFormat(Qt::RichText);
            label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            row->addWidget(label, 1);
            verdicts_[i] = label;
        }
        setSummary({});
    } else {
        setObjectName(QStringLiteral("presentationLesson"));
        auto* column = new QVBoxLayout(this);
        column->setContentsMargins(12, 4, 12, 4);
        column->setSpacing(0);
        auto* line = new QHBoxLayout;
        lesson_ = new QLabel(this);
        lesson_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        lesson_->setObjectName(QStringLiteral("presentationLessonTitle"));
        keys_ = new QLabel(tr("Space run/pause · F10 step · Ctrl+R reset · Ctrl+Z undo · Esc leave"), this);
        keys_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        line->addWidget(lesson_, 1);
        line->addWidget(keys_);
        detail_ = new QLabel(this);
        detail_->setObjectName(QStringLiteral("presentationLessonDetail"));
        detail_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        column->addLayout(line);
        column->addWidget(detail_);
    }
    scaleTo(1080);
}

QSize PresentationCaptions::sizeHint() const
{
    return {400, QWidget::sizeHint().height()};
}

QSize PresentationCaptions::minimumSizeHint() const
{
    return {200, QWidget::minimumSizeHint().height()};
}

void PresentationCaptions::scaleTo(int height)
{
    pixels_ = std::max(16, height / 40);
    QFont f = font();
    f.setPixelSize(pixels_);
    f.setBold(true);
    for (std::size_t i = 0; i < verdicts_.size(); ++i) {
        if (verdicts_[i] != nullptr) {
            verdicts_[i]->setFont(f);
            verdicts_[i]->setStyleSheet(styles_[i]);
        }
    }
    if (part_ == Part::Verdicts)
        setSummary(summary_);
    if (lesson_ != nullptr) {
        lesson_->setFont(f);
        QFont d = f;
        d.setBold(false);
        d.setPixelSize(pixels_ * 4 / 5);
        detail_->setFont(d);
        d.setPixelSize(std::max(12, pixels_ / 2));
        keys_->setFont(d);
    }
}

void PresentationCaptions::setSummary(const engine::RunSummary& summary)
{
    if (part_ != Part::Verdicts)
        return;
    for (std::size_t i = 0; i < 4; ++i) {
        const engine::RequirementResult& r = summary.requirements[i];
        auto [words, background] = verdictOf(r);
        if (hidden_) { // predict mode: the room has not seen the answer yet
            words = QStringLiteral("?");
            background = QStringLiteral("#7f8c8d");
        }
        // The verdict large on the first line, the requirement's name smaller below it.
        QString title = tr(kShortTitles[i]);
        const QString number = title.section(QLatin1Char(' '), 0, 0);
        title = title.section(QLatin1Char(' '), 1);
        if (!hidden_ && r.verdict == engine::Verdict::Violated && r.lteLimit)
            title += tr(" · LTE limit");
        const QString text =
            QStringLiteral("%1 %2<br><span style=\"font-size:%3px;font-weight:normal\">%4</span>")
                .arg(number, words.section(QStringLiteral(" ("), 0, 0), QString::number(pixels_ * 3 / 4),
                     title.toHtmlEscaped());
        const QString style =
            QStringLiteral("background:%1;color:white;border-radius:8px;padding:4px 10px;").arg(background);
        if (verdicts_[i]->text() != text)
            verdicts_[i]->setText(text);
        if (styles_[i] != style) {
            styles_[i] = style;
            verdicts_[i]->setStyleSheet(style);
        }
        verdicts_[i]->setAccessibleName(QStringLiteral("%1 %2, %3").arg(number, words, title));
    }
    summary_ = summary;
}

void PresentationCaptions::setVerdictsHidden(bool hidden)
{
    if (hidden == hidden_)
        return;
    hidden_ = hidden;
    setSummary(summary_);
}

void PresentationCaptions::setLesson(const QString& title, const QString& detail)
{
    if (lesson_ == nullptr)
        return;
    lesson_->setText(title);
    detail_->setText(detail);
    detail_->setVisible(!detail.isEmpty());
}

} // namespace mtcsec::ui
