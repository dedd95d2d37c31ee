#pragma once

#include <QStringList>
#include <QWidget>

class QAbstractItemModel;
class QCompleter;
class QLineEdit;

namespace pw {

class FlowLayout;

// Tags or categories as chips: type a term and press Enter (or a comma) to add it, with completion
// from the whole site; click a chip's × (or Backspace in the empty field) to remove one.
class TermChipsEdit : public QWidget {
    Q_OBJECT
public:
    explicit TermChipsEdit(QWidget *parent = nullptr);

    // Shows `terms` without emitting termsEdited.
    void setTerms(const QStringList &terms);
    QStringList terms() const { return m_terms; }

    // A model whose edit role is the term and display role what the popup shows ("term (3)").
    void setCompletionModel(QAbstractItemModel *model);
    void setReadOnly(bool readOnly);
    void setPlaceholderText(const QString &text);

    QLineEdit *input() const { return m_input; }

    void addTerm(const QString &term);
    void removeTerm(int index);

Q_SIGNALS:
    void termsEdited(const QStringList &terms);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void commitInput();
    void rebuildChips();
    QWidget *makeChip(int index);

    QStringList m_terms;
    FlowLayout *m_flow = nullptr;
    QLineEdit *m_input = nullptr;
    QCompleter *m_completer = nullptr;
    bool m_readOnly = false;
};

} // namespace pw
