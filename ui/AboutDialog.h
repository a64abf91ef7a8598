// The About dialog: version, licence and the libraries the application runs on, with their versions.
#pragma once

#include <QDialog>

namespace mtcsec::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The text shown, also used by tests.
    [[nodiscard]] static QString aboutText();
};

} // namespace mtcsec::ui
