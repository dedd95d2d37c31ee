#pragma once

#include "publish/publisher.h"

#include <QDialog>

class QLineEdit;

namespace pw {

// Asks who the author of published commits is (git's user.name and user.email), for this blog.
class IdentityDialog : public QDialog {
    Q_OBJECT
public:
    explicit IdentityDialog(QWidget *parent = nullptr);
    Identity identity() const;

private:
    QLineEdit *m_name;
    QLineEdit *m_email;
};

} // namespace pw
