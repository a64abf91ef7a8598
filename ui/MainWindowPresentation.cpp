// The main window: presentation mode and its lesson caption (one translation unit of MainWindow, see
// MainWindow.h).
#include "core/InvalidInput.h"
#include "core/engine/ResourceEstimate.h"
#include "core/report/EventCsv.h"
#include "core/report/ReportJson.h"
#include "core/report/ReportWriter.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "mtcsec/Version.h"
#include "ui/AboutDialog.h"
#include "ui/AttackPalette.h"
#include "ui/AttackSettingsDialog.h"
#include "ui/ChartsDock.h"
#include "ui/Commands.h"
#include "ui/CryptoLabDialog.h"
#include "ui/DevicesDialog.h"
#include "ui/EventLogDock.h"
#include "ui/EventLogModel.h"
#include "ui/InspectorPanel.h"
#include "ui/LectureBar.h"
#include "ui/LectureController.h"
#include "ui/MainWindow.h"
#include "ui/PresentationCaptions.h"
#include "ui/PresetText.h"
#include "ui/ProtectionPanel.h"
#include "ui/RequirementsPanel.h"
#include "ui/SequenceChartDock.h"
#include "ui/SessionReport.h"
#include "ui/Settings.h"
#include "ui/ThemeStyle.h"
#include "ui/TimelineBar.h"
#include "ui/TopologyScene.h"
#include "ui/TopologyView.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mtcsec::ui {

void MainWindow::createPresentation()
{
    // The lesson above the canvas and the verdicts below it, as toolbars that only presentation mode shows:
    // they take their own room, so they never cover the canvas.
    lessonCaption_ = new PresentationCaptions(PresentationCaptions::Part::Lesson, this);
    verdictCaption_ = new PresentationCaptions(PresentationCaptions::Part::Verdicts, this);
    lessonBar_ = new QToolBar(tr("Lesson"), this);
    lessonBar_->setObjectName(QStringLiteral("presentationLessonBar"));
    verdictBar_ = new QToolBar(tr("Requirements"), this);
    verdictBar_->setObjectName(QStringLiteral("presentationVerdictBar"));
    for (QToolBar* bar : {lessonBar_, verdictBar_}) {
        bar->setMovable(false);
        bar->setFloatable(false);
        bar->toggleViewAction()->setVisible(false);
        bar->hide();
    }
    lessonBar_->addWidget(lessonCaption_);
    verdictBar_->addWidget(verdictCaption_);
    addToolBarBreak(Qt::TopToolBarArea);
    addToolBar(Qt::TopToolBarArea, lessonBar_);
    addToolBar(Qt::BottomToolBarArea, verdictBar_);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == presenting_)
        return;
    presenting_ = on;
    presentAction_->setChecked(on);
    if (on) {
        normalState_ = saveState();
        normalGeometry_ = geometry();
        normalMaximized_ = isMaximized();
        for (QDockWidget* d : findChildren<QDockWidget*>())
            d->hide();
        simulationBar_->hide();
        timeline_->hide(); // the bottom row belongs to R1-R4
        menuBar()->hide();
        statusBar()->hide();
        lessonBar_->show();
        verdictBar_->show();
        verdictCaption_->setSummary(frame_.summary);
        updateLesson();
        scene_->setEmphasis(TopologyScene::kPresentationEmphasis);
        showFullScreen();
        if (screen() != nullptr)
            setGeometry(screen()->geometry()); // also without a window manager (a kiosk, Xvfb)
        const int height = screen() != nullptr ? screen()->geometry().height() : 1080;
        lessonCaption_->scaleTo(height);
        verdictCaption_->scaleTo(height);
    } else {
        lessonBar_->hide();
        verdictBar_->hide();
        menuBar()->show();
        statusBar()->show();
        scene_->setEmphasis(1.0);
        restoreState(normalState_);
        if (!lecture_->isActive())
            lecture_->dock()->hide(); // a lecture that ended in presentation mode
        simulationBar_->show();
        timeline_->show();
        if (normalMaximized_) {
            showMaximized();
        } else {
            showNormal();
            setGeometry(normalGeometry_);
        }
    }
    // The lecture bar (shown when a lecture starts in presentation mode) as large as the canvas's text.
    lecture_->bar()->setScale(on ? TopologyScene::kPresentationEmphasis : 1.0);
    scene_->clearMessages(); // dots on their way followed the old layout
    view_->fit();
    view_->setFocus(Qt::OtherFocusReason);
}

void MainWindow::setLesson(const QString& title, const QString& detail)
{
    lessonTitle_ = title;
    lessonDetail_ = detail;
    updateLesson();
}

void MainWindow::updateLesson()
{
    if (lessonCaption_ == nullptr)
        return;
    if (!lessonTitle_.isEmpty()) {
        lessonCaption_->setLesson(lessonTitle_, lessonDetail_);
        return;
    }
    // By default: the scenario and what it shows, and the last change made (the undo stack's newest step).
    const Scenario& scenario = controller_->scenario();
    QString detail = scenarioDescription(scenario.description);
    if (undo_->index() > 0)
        detail = tr("Last change: %1").arg(undo_->text(undo_->index() - 1));
    lessonCaption_->setLesson(QString::fromStdString(scenario.name), detail);
}

} // namespace mtcsec::ui
