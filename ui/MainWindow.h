// The application's main window: menus, status bar and (as the engine grows) the topology canvas and docks.
#pragma once

#include <QMainWindow>

namespace mtcsec::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

private:
    void createMenus();
    void showAbout();
};

} // namespace mtcsec::ui
