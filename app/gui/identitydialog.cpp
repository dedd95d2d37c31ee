#include "gui/identitydialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace pw {

IdentityDialog::IdentityDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
{
    setWindowTitle(tr("Who is publishing?"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Git records an author for every commit, and none is set for this "
                                "blog yet. Postwright saves it in this blog's repository only."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("identityName"));
    m_email->setObjectName(QStringLiteral("identityEmail"));
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Email"), m_email);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save and publish"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const auto validate = [this, buttons] {
        static const QRegularExpression email(QStringLiteral(R"(^[^@\s<>]+@[^@\s<>]+$)"));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty()
                                                          && email.match(m_email->text().trimmed()).hasMatch());
    };
    connect(m_name, &QLineEdit::textChanged, this, validate);
    connect(m_email, &QLineEdit::textChanged, this, validate);
    validate();
}

Identity IdentityDialog::identity() const
{
    return {m_name->text().trimmed(), m_email->text().trimmed()};
}

} // namespace pw
