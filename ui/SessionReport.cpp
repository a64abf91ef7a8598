// The session report's files: the HTML written as it is, the PDF laid out on A4 pages with a footer, both
// written atomically.
#include "ui/SessionReport.h"

#include "core/io/AtomicFile.h"
#include "mtcsec/Version.h"
#include "ui/QtText.h"
#include "ui/SessionReportPictures.h"
#include "ui/SessionReportText.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QUrl>

#include <cmath>

namespace mtcsec::ui {
namespace {

using namespace sessionreport;

// The page of the PDF: A4, margins in millimetres, the footer in the last 10 mm above the bottom margin.
constexpr double kMarginSide = 18;
constexpr double kMarginTop = 16;
constexpr double kMarginBottom = 10;
constexpr double kFooterHeight = 10;
constexpr int kPdfResolution = 300;
constexpr double kHeadingRoom = 0.12; // a heading with less of the page below it starts the next page

[[noreturn]] void cannotWrite(const QString& path, const QString& why)
{
    io::throwCannotWrite(path, why.toStdString());
}

// A heading stays with what follows it: one in the last part of a page, or whose next line starts on a later
// page, moves to the next page. One heading at a time, each followed by a complete new layout (the layout
// after a format change is incremental, and does not place the blocks that follow it again).
void keepHeadingsWithNext(QTextDocument& document, double pageHeight)
{
    const QAbstractTextDocumentLayout* layout = document.documentLayout();
    const auto pageOf = [&](const QTextBlock& block) {
        double bottom = layout->blockBoundingRect(block).top();
        if (block.layout() != nullptr && block.layout()->lineCount() > 0)
            bottom += block.layout()->lineAt(0).rect().bottom();
        return static_cast<int>(bottom / pageHeight);
    };
    const auto needsBreak = [&](const QTextBlock& block) {
        const QTextBlock next = block.next();
        if (block.blockFormat().headingLevel() == 0 || !next.isValid() ||
            (block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) != 0)
            return false;
        const double top = layout->blockBoundingRect(block).top();
        const double room = (std::floor(top / pageHeight) + 1) * pageHeight - top;
        return pageOf(next) > pageOf(block) || room < kHeadingRoom * pageHeight;
    };
    for (;;) {
        QTextBlock block = document.begin();
        while (block.isValid() && !needsBreak(block))
            block = block.next();
        if (!block.isValid())
            return;
        QTextBlockFormat format = block.blockFormat();
        format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(block).setBlockFormat(format);
        document.markContentsDirty(0, document.characterCount());
    }
}

} // namespace

void writeHtmlReport(const SessionReportInput& in, const QString& path)
{
    io::checkOutputPath(path);
    io::writeFileAtomically(path, reportHtml(in, false).toUtf8());
}

void writePdfReport(const SessionReportInput& in, const QString& path)
{
    io::checkOutputPath(path); // before the rendering, which takes a while
    io::writeFileAtomically(path, pdfReport(in));
}

QByteArray pdfReport(const SessionReportInput& in)
{
    const QString path = sessionreport::ReportText::tr("PDF report");
    QTextDocument document;
    document.setUndoRedoEnabled(false);
    document.addResource(QTextDocument::ImageResource, QUrl(imageName(0)), in.topology);
    if (!in.sequenceChart.isNull())
        document.addResource(QTextDocument::ImageResource, QUrl(imageName(-1)), in.sequenceChart);
    for (std::size_t i = 0; i < in.charts.size(); ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(imageName(static_cast<int>(i) + 1)),
                             in.charts[i].second);

    QByteArray pdf;
    QBuffer file(&pdf);
    if (!file.open(QIODevice::WriteOnly))
        cannotWrite(path, file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setResolution(kPdfResolution);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(kMarginSide, kMarginTop, kMarginSide, kMarginBottom),
                                         QPageLayout::Millimeter));
        writer.setTitle(sessionreport::ReportText::tr("Session report: ") + qv(in.summary.scenarioName));
        writer.setCreator(
            QStringLiteral("%1 %2").arg(QString::fromUtf8(kDisplayName), QString::fromUtf8(kVersion)));

        // The layout works in the writer's pixels, so that fonts, rules and pictures keep their print sizes.
        document.documentLayout()->setPaintDevice(&writer);
        document.setDocumentMargin(0);
        document.setHtml(reportHtml(in, true));
        const double footer = kFooterHeight / 25.4 * writer.logicalDpiY();
        const QSizeF page(writer.width(), writer.height() - footer);
        document.setPageSize(page);
        keepHeadingsWithNext(document, page.height());
        const int pages = document.pageCount();

        QPainter painter;
        if (!painter.begin(&writer))
            cannotWrite(path, sessionreport::ReportText::tr("the PDF writer could not start"));
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = lightPalette();
        QFont footerFont(QStringLiteral("DejaVu Sans"));
        footerFont.setPointSizeF(7.5);
        const QString footerText = sessionreport::ReportText::tr("%1 · session report · %2 · seed %3")
                                       .arg(QString::fromUtf8(kDisplayName), qv(in.summary.scenarioName),
                                            QString::number(in.summary.seed));
        for (int i = 0; i < pages; ++i) {
            if (i > 0 && !writer.newPage())
                cannotWrite(
                    path, sessionreport::ReportText::tr("the PDF writer could not start page %1").arg(i + 1));
            painter.save();
            painter.translate(0, -i * page.height());
            const QRectF view(0, i * page.height(), page.width(), page.height());
            painter.setClipRect(view);
            context.clip = view;
            document.documentLayout()->draw(&painter, context);
            painter.restore();

            const QRectF band(0, page.height() + footer * 0.35, page.width(), footer * 0.65);
            painter.setPen(QPen(QColor(138, 144, 153), writer.logicalDpiY() / 300.0));
            painter.drawLine(band.topLeft(), band.topRight());
            painter.setFont(footerFont);
            painter.setPen(QColor(85, 91, 99));
            painter.drawText(band, Qt::AlignLeft | Qt::AlignVCenter, footerText);
            painter.drawText(band, Qt::AlignRight | Qt::AlignVCenter,
                             sessionreport::ReportText::tr("Page %1 of %2").arg(i + 1).arg(pages));
        }
        if (!painter.end())
            cannotWrite(path, sessionreport::ReportText::tr("the PDF could not be completed"));
    }
    return pdf;
}

} // namespace mtcsec::ui
