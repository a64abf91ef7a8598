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
    if (part == Part::Verdicts) {
        setObjectName(QStringLiteral("presentationVerdicts"));
        auto* row = new QHBoxLayout(this);
        row->setContentsMargins(8, 6, 8, 6);
        row->setSpacing(10);
        for (std::size_t i = 0; i < 4; ++i) {
            auto* label = new QLabel(this);
            label->setObjectName(QStringLiteral("presentationR%1").arg(i + 1));
            label->setAlignment(Qt::AlignCenter);
            label->setWordWrap(true);
            label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
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
        lesson_->setObjectName(QStringLiteral("presentationLessonTitle"));
        keys_ = new QLabel(tr("Space run/pause · F10 step · Ctrl+R reset · Ctrl+Z undo · Esc leave"), this);
        keys_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        line->addWidget(lesson_, 1);
        line->addWidget(keys_);
        detail_ = new QLabel(this);
        detail_->setObjectName(QStringLiteral("presentationLessonDetail"));
        detail_->setWordWrap(true);
        column->addLayout(line);
        column->addWidget(detail_);
    }
    scaleTo(1080);
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
        const auto [words, background] = verdictOf(summary.requirements[i]);
        const QString text = tr(kShortTitles[i]) + QLatin1Char('\n') + words;
        const QString style =
            QStringLiteral("background:%1;color:white;border-radius:8px;padding:4px 10px;").arg(background);
        if (verdicts_[i]->text() != text)
            verdicts_[i]->setText(text);
        if (styles_[i] != style) {
            styles_[i] = style;
            verdicts_[i]->setStyleSheet(style);
        }
        verdicts_[i]->setAccessibleName(QString(text).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    }
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
