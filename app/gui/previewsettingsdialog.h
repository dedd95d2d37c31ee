#pragma once

#include "gui/blogsettings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace pw {

// Blog > Preview Settings…: which stylesheet the preview uses (Postwright's, or a CSS file of the
// blog) and whether it may load remote images and fonts. Refuses a file it cannot use, saying why.
class PreviewSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    PreviewSettingsDialog(const QString &blogRoot, const PreviewSettings &current,
                          QWidget *parent = nullptr);

    // Valid once the dialog was accepted.
    PreviewSettings settings() const { return m_settings; }

    void accept() override;

private:
    void chooseStyleSheet();
    void updateEnabled();

    QString m_blogRoot;
    PreviewSettings m_settings;
    QRadioButton *m_ownStyle;
    QRadioButton *m_blogStyle;
    QLineEdit *m_styleSheet;
    QPushButton *m_choose;
    QCheckBox *m_remote;
    QLabel *m_problem;
};

} // namespace pw
