#pragma once

// The find and replace bar under an editor: plain text, whole word, case and regular
// expressions, with every match highlighted and "n of m" shown.

#include "writing/textsearch.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace pw {

class MarkdownEditor;

class FindReplaceBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindReplaceBar(MarkdownEditor *editor, QWidget *parent = nullptr);

    SearchOptions options() const;
    void setOptions(const SearchOptions &options);
    QString findText() const;
    void setFindText(const QString &text);
    QString replaceText() const;
    void setReplaceText(const QString &text);

    int matchCount() const { return int(m_matches.size()); }
    int currentMatch() const { return m_current; } // index into the matches, -1 for none
    QString statusText() const;                    // "2 of 5", "No matches", a pattern error

public Q_SLOTS:
    void showFind();    // shows the bar and focuses the find field, filled from the selection
    void showReplace(); // the same, focusing the replace field
    void findNext();
    void findPrevious();
    void replaceCurrent(); // replaces the selected match, then selects the next one
    int replaceAll();      // one undoable edit; returns how many were replaced
    void closeBar();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void research();
    void select(int index);
    int matchAtSelection() const;

    MarkdownEditor *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QToolButton *m_case;
    QToolButton *m_word;
    QToolButton *m_regex;
    QLabel *m_status;
    QTimer m_researchTimer;
    QList<TextRange> m_matches;
    int m_current = -1;
    QString m_error;
};

} // namespace pw
