#include "gui/previewsettingsdialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace pw {

PreviewSettingsDialog::PreviewSettingsDialog(const QString &blogRoot,
                                             const PreviewSettings &current, QWidget *parent)
    : QDialog(parent)
    , m_blogRoot(blogRoot)
    , m_settings(current)
    , m_ownStyle(new QRadioButton(tr("&Postwright's stylesheet (light and dark)"), this))
    , m_blogStyle(new QRadioButton(tr("The &blog's CSS file:"), this))
    , m_styleSheet(new QLineEdit(this))
    , m_choose(new QPushButton(tr("&Choose…"), this))
    , m_remote(new QCheckBox(tr("Allow &remote images and fonts in the preview"), this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("previewSettingsDialog"));
    setWindowTitle(tr("Preview Settings — %1").arg(QFileInfo(blogRoot).fileName()));
    m_ownStyle->setObjectName(QStringLiteral("ownStyleSheet"));
    m_blogStyle->setObjectName(QStringLiteral("blogStyleSheet"));
    m_styleSheet->setObjectName(QStringLiteral("styleSheetFile"));
    m_remote->setObjectName(QStringLiteral("allowRemoteContent"));
    m_problem->setObjectName(QStringLiteral("settingsProblem"));

    auto *group = new QButtonGroup(this);
    group->addButton(m_ownStyle);
    group->addButton(m_blogStyle);
    m_ownStyle->setChecked(current.styleSheet.isEmpty());
    m_blogStyle->setChecked(!current.styleSheet.isEmpty());
    m_styleSheet->setText(current.styleSheet.isEmpty()
                              ? QString()
                              : QDir(blogRoot).relativeFilePath(current.styleSheet));
    m_styleSheet->setPlaceholderText(tr("e.g. static/css/site.css, relative to the blog"));
    m_styleSheet->setMinimumWidth(320);
    m_remote->setChecked(current.remoteContentAllowed);

    auto *styleBox = new QGroupBox(tr("Stylesheet"), this);
    auto *styleLayout = new QGridLayout(styleBox);
    styleLayout->addWidget(m_ownStyle, 0, 0, 1, 3);
    styleLayout->addWidget(m_blogStyle, 1, 0);
    styleLayout->addWidget(m_styleSheet, 1, 1);
    styleLayout->addWidget(m_choose, 1, 2);

    auto *remoteBox = new QGroupBox(tr("Remote content"), this);
    auto *remoteLayout = new QVBoxLayout(remoteBox);
    remoteLayout->addWidget(m_remote);
    auto *why = new QLabel(tr("Off, the preview loads nothing from the internet: a remote image "
                              "can tell its server when and where you read the post."),
                           this);
    why->setWordWrap(true);
    why->setForegroundRole(QPalette::PlaceholderText);
    remoteLayout->addWidget(why);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    auto *scope = new QLabel(tr("For this blog only (%1); not stored in its repository.")
                                 .arg(QDir::toNativeSeparators(blogRoot)),
                             this);
    scope->setWordWrap(true);
    layout->addWidget(scope);
    layout->addWidget(styleBox);
    layout->addWidget(remoteBox);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &PreviewSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_choose, &QPushButton::clicked, this, &PreviewSettingsDialog::chooseStyleSheet);
    connect(m_blogStyle, &QRadioButton::toggled, this, &PreviewSettingsDialog::updateEnabled);
    connect(m_styleSheet, &QLineEdit::textEdited, m_problem, &QWidget::hide);
    updateEnabled();
}

void PreviewSettingsDialog::chooseStyleSheet()
{
    const QString start = m_styleSheet->text().isEmpty()
                              ? m_blogRoot
                              : QDir(m_blogRoot).absoluteFilePath(m_styleSheet->text());
    const QString file = QFileDialog::getOpenFileName(this, tr("The Blog's Stylesheet"), start,
                                                      tr("CSS files (*.css)"));
    if (file.isEmpty())
        return;
    m_styleSheet->setText(QDir(m_blogRoot).relativeFilePath(file));
    m_blogStyle->setChecked(true);
    m_problem->hide();
}

void PreviewSettingsDialog::updateEnabled()
{
    m_styleSheet->setEnabled(m_blogStyle->isChecked());
}

void PreviewSettingsDialog::accept()
{
    PreviewSettings chosen;
    chosen.remoteContentAllowed = m_remote->isChecked();
    if (m_blogStyle->isChecked()) {
        const Result<QString> checked = checkPreviewStyleSheet(m_blogRoot, m_styleSheet->text());
        if (!checked) {
            m_problem->setText(checked.error().toString());
            m_problem->show();
            // Grow to fit the message, or the wrapped labels above it are cut off.
            layout()->activate();
            resize(width(), qMax(height(), heightForWidth(width())));
            return; // stay open: the user fixes the path or picks Postwright's
        }
        chosen.styleSheet = checked.value();
    }
    m_settings = chosen;
    QDialog::accept();
}

} // namespace pw
