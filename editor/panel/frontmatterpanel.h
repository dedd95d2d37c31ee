#pragma once

#include "frontmatter/postdocument.h"

#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QAbstractItemModel;

namespace pw {

class TermChipsEdit;

// The post's metadata as a form: title, description, date, draft, slug, categories, tags. It shows a
// PostDocument and reports the user's edits; the owner applies them to the text (so the text stays
// the single source of truth and undo covers panel edits too).
class FrontMatterPanel : public QWidget {
    Q_OBJECT
public:
    explicit FrontMatterPanel(QWidget *parent = nullptr);

    // Refreshes every field from the document without emitting; a field the user is editing keeps
    // its cursor. Read-only, with the error shown, while the block cannot be parsed.
    void showDocument(const PostDocument &document);
    void clear();

    void setTagCompletionModel(QAbstractItemModel *model);
    void setCategoryCompletionModel(QAbstractItemModel *model);

Q_SIGNALS:
    void fieldEdited(pw::Field field, const QJsonValue &value);
    void termsEdited(pw::Field field, const QStringList &terms);
    void draftEdited(bool draft);
    // The user asked to go to a problem in the text (line and column, 1-based).
    void problemActivated(int line, int column);

private:
    void setEditable(bool editable);
    void showDiagnostics(const QList<Diagnostic> &diagnostics);

    QLabel *m_problems = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QDateTimeEdit *m_date = nullptr;
    QCheckBox *m_draft = nullptr;
    QLineEdit *m_slug = nullptr;
    TermChipsEdit *m_categories = nullptr;
    TermChipsEdit *m_tags = nullptr;
    QString m_dateText; // the date as written, so an edit keeps its form
};

} // namespace pw
