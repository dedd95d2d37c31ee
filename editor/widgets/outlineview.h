#pragma once

// The outline dock's content: the post's headings, indented by level; clicking one jumps the
// editor there, and moving the cursor marks the heading it is under.

#include <QListView>
#include <QPointer>
#include <QTimer>

namespace pw {

class MarkdownEditor;
class OutlineModel;

class OutlineView : public QListView
{
    Q_OBJECT
public:
    explicit OutlineView(QWidget *parent = nullptr);

    // Follows the editor's text (shortly after typing pauses) and cursor.
    void setEditor(MarkdownEditor *editor);
    OutlineModel *outlineModel() const { return m_model; }
    // Reads the editor's text now instead of after the pause.
    void refresh();

Q_SIGNALS:
    void headingActivated(int line); // 1-based, after the editor jumped there

private:
    void markCurrentHeading();

    OutlineModel *m_model;
    QPointer<MarkdownEditor> m_editor;
    QTimer m_refreshTimer;
};

} // namespace pw
