#pragma once

#include "site/blogsession.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QProgressBar;
class QSplitter;
class QTableView;

namespace pw {

class FindReplaceBar;
class FrontMatterPanel;
class MarkdownEditor;
class OutlineView;
class PostSession;
class PreviewWidget;
class PublishController;
struct TextStatistics;

// The window: its layout, menus and docks. Each feature is run by its own object (PostSession,
// PublishController, BlogSession); the window connects them.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Result<void> openBlog(const QString &path);
    Result<void> openPost(const QString &path);

    BlogSession *blogSession() { return m_blog; }
    PostSession *postSession() { return m_session; }
    PublishController *publisher() { return m_publisher; }

    void newPost();
    bool save();
    void publish();
    // Blog > Preview Settings…: asks, stores them for the blog and applies them to the preview.
    void editPreviewSettings();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createDocks();
    void connectSession();
    void chooseBlog();
    bool maybeSave();
    void updateTitle();
    void showStatistics(const TextStatistics &stats);
    void selectPostRow(const QString &path);
    void toggleDistractionFree(bool on);
    void warn(const QString &title, const QString &message);
    void applyPreviewSettings();
    void showSpelling();

    BlogSession *m_blog;
    MarkdownEditor *m_editor;
    PreviewWidget *m_preview;
    FrontMatterPanel *m_panel;
    PostSession *m_session;
    PublishController *m_publisher;
    FindReplaceBar *m_findBar = nullptr;
    OutlineView *m_outline = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_postList = nullptr;
    QLabel *m_stats = nullptr;
    QLabel *m_spelling = nullptr;
    QLabel *m_publishStatus = nullptr;
    QProgressBar *m_publishProgress = nullptr;
    QAction *m_publishAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_previewSettingsAction = nullptr;
    QList<QDockWidget *> m_docks;
    bool m_laidOut = false;
};

} // namespace pw
