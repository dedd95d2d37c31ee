#include "gui/mainwindow.h"

#include "gui/blogsettings.h"
#include "gui/postsession.h"
#include "gui/previewsettingsdialog.h"
#include "gui/publishcontroller.h"
#include "panel/frontmatterpanel.h"
#include "preview/previewwidget.h"
#include "site/newpost.h"
#include "widgets/findreplacebar.h"
#include "widgets/markdowneditor.h"
#include "widgets/outlineview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace pw {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_blog(new BlogSession(this))
    , m_editor(new MarkdownEditor(this))
    , m_preview(new PreviewWidget(this))
    , m_panel(new FrontMatterPanel(this))
    , m_session(new PostSession(m_editor, this))
    , m_publisher(new PublishController(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_editor->setObjectName(QStringLiteral("markdownEditor"));
    m_preview->setObjectName(QStringLiteral("preview"));

    auto *editorColumn = new QWidget(this);
    auto *column = new QVBoxLayout(editorColumn);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_editor);
    m_findBar = new FindReplaceBar(m_editor, editorColumn);
    m_findBar->hide();
    column->addWidget(m_findBar);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(editorColumn);
    m_splitter->addWidget(m_preview);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_editor->setMinimumWidth(320);
    m_preview->setMinimumWidth(320);
    setCentralWidget(m_splitter);

    createDocks();
    createActions();
    connectSession();

    m_stats = new QLabel(this);
    m_spelling = new QLabel(this);
    m_spelling->setObjectName(QStringLiteral("spellingStatus"));
    m_publishStatus = new QLabel(this);
    m_publishStatus->setObjectName(QStringLiteral("publishStatus"));
    m_publishProgress = new QProgressBar(this);
    m_publishProgress->setMaximumWidth(160);
    m_publishProgress->hide();
    statusBar()->addWidget(m_publishStatus, 1);
    statusBar()->addPermanentWidget(m_publishProgress);
    statusBar()->addPermanentWidget(m_spelling);
    statusBar()->addPermanentWidget(m_stats);

    m_panel->setTagCompletionModel(m_blog->tags());
    m_panel->setCategoryCompletionModel(m_blog->categories());
    m_panel->clear();
    resize(1400, 860);
    updateTitle();
    showSpelling();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_postList = new QTableView(this);
    m_postList->setObjectName(QStringLiteral("postList"));
    m_postList->setModel(m_blog->posts());
    m_postList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_postList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_postList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_postList->setWordWrap(false);
    m_postList->verticalHeader()->hide();
    m_postList->horizontalHeader()->setStretchLastSection(true);
    m_postList->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_postList->setColumnWidth(PostListModel::TitleColumn, 180);
    m_postList->setColumnWidth(PostListModel::DateColumn, 82);
    m_postList->setColumnWidth(PostListModel::StatusColumn, 68);
    m_postList->setTextElideMode(Qt::ElideRight);
    m_postList->setShowGrid(false);
    m_postList->setAlternatingRowColors(true);

    auto *posts = new QDockWidget(tr("Posts"), this);
    posts->setObjectName(QStringLiteral("postsDock"));
    posts->setWidget(m_postList);
    addDockWidget(Qt::LeftDockWidgetArea, posts);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(340);
    auto *panel = new QDockWidget(tr("Front Matter"), this);
    panel->setObjectName(QStringLiteral("frontMatterDock"));
    panel->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, panel);

    m_outline = new OutlineView(this);
    m_outline->setEditor(m_editor);
    auto *outline = new QDockWidget(tr("Outline"), this);
    outline->setObjectName(QStringLiteral("outlineDock"));
    outline->setWidget(m_outline);
    addDockWidget(Qt::LeftDockWidgetArea, outline);
    tabifyDockWidget(posts, outline);
    posts->raise();

    m_docks = {posts, panel, outline};
    resizeDocks({posts, panel}, {420, 340}, Qt::Horizontal);

    connect(m_postList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const QString path = current.data(PostListModel::PathRole).toString();
                if (path == m_session->path())
                    return;
                if (!maybeSave()) {
                    selectPostRow(m_session->path());
                    return;
                }
                if (const Result<void> r = openPost(path); !r)
                    warn(tr("Cannot open the post"), r.error().toString());
            });
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newPostAction = file->addAction(tr("&New Post…"), this, &MainWindow::newPost);
    newPostAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open Blog…"), this, &MainWindow::chooseBlog);
    openAction->setShortcut(QKeySequence::Open);
    file->addSeparator();
    m_saveAction = file->addAction(tr("&Save"), this, [this] { save(); });
    m_saveAction->setShortcut(QKeySequence::Save);
    m_publishAction = file->addAction(tr("&Publish"), this, &MainWindow::publish);
    m_publishAction->setObjectName(QStringLiteral("publishAction"));
    m_publishAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_publishAction->setToolTip(tr("Save, commit this post and push it to the blog's remote"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Undo"), QKeySequence::Undo, m_editor, &QPlainTextEdit::undo);
    edit->addAction(tr("&Redo"), QKeySequence::Redo, m_editor, &QPlainTextEdit::redo);
    edit->addSeparator();
    edit->addAction(tr("&Find…"), QKeySequence::Find, m_findBar, &FindReplaceBar::showFind);
    edit->addAction(tr("Find and &Replace…"), QKeySequence::Replace, m_findBar, &FindReplaceBar::showReplace);
    QMenu *format = menuBar()->addMenu(tr("F&ormat"));
    format->addActions(m_editor->formattingActions());

    QMenu *blogMenu = menuBar()->addMenu(tr("&Blog"));
    m_previewSettingsAction = blogMenu->addAction(tr("&Preview Settings…"), this,
                                                  &MainWindow::editPreviewSettings);
    m_previewSettingsAction->setObjectName(QStringLiteral("previewSettingsAction"));
    m_previewSettingsAction->setEnabled(false);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *previewToggle = view->addAction(tr("&Preview"));
    previewToggle->setCheckable(true);
    previewToggle->setChecked(true);
    connect(previewToggle, &QAction::toggled, m_preview, &QWidget::setVisible);
    for (QDockWidget *dock : std::as_const(m_docks))
        view->addAction(dock->toggleViewAction());
    view->addAction(tr("&Refresh Post List"), QKeySequence::Refresh, this, [this] {
        m_blog->rescan();
        selectPostRow(m_session->path());
    });
    view->addSeparator();
    QAction *focus = view->addAction(tr("&Distraction-Free Mode"));
    focus->setCheckable(true);
    focus->setShortcut(QKeySequence::FullScreen);
    connect(focus, &QAction::toggled, this, &MainWindow::toggleDistractionFree);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(newPostAction);
    bar->addAction(m_saveAction);
    bar->addSeparator();
    bar->addAction(m_publishAction);
    if (QWidget *button = bar->widgetForAction(m_publishAction)) {
        button->setObjectName(QStringLiteral("publishButton"));
        button->setStyleSheet(QStringLiteral("font-weight: bold;"));
    }
}

void MainWindow::connectSession()
{
    connect(m_session, &PostSession::documentChanged, this, [this](const PostDocument &doc) {
        m_panel->showDocument(doc);
        m_preview->setMarkdown(doc.body(), doc.bodyFirstLine());
    });
    connect(m_editor, &MarkdownEditor::statisticsChanged, this, &MainWindow::showStatistics);
    connect(m_editor, &MarkdownEditor::spellingChanged, this, &MainWindow::showSpelling);
    connect(m_editor, &MarkdownEditor::problem, this,
            [this](const Error &error) { statusBar()->showMessage(error.toString(), 8000); });
    connect(m_session, &PostSession::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_session, &PostSession::saved, this, [this](const QString &path) {
        m_blog->refreshPost(path, m_session->document());
        selectPostRow(path);
        updateTitle();
    });
    connect(m_session, &PostSession::problem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_session, &PostSession::externalChangeConflict, this, [this](const QString &path) {
        auto *box = new QMessageBox(QMessageBox::Question, tr("Changed on disk"),
                                    tr("%1 was changed by another program while you were editing it.")
                                        .arg(QFileInfo(path).fileName()),
                                    QMessageBox::NoButton, this);
        box->setInformativeText(tr("Keep your version (it is saved over theirs only when you save), "
                                   "or reload theirs and drop your unsaved changes?"));
        box->addButton(tr("Keep Mine"), QMessageBox::RejectRole);
        QPushButton *reload = box->addButton(tr("Reload Theirs"), QMessageBox::DestructiveRole);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::buttonClicked, this, [this, reload](QAbstractButton *clicked) {
            if (clicked == reload)
                (void)m_session->reloadFromDisk();
        });
        box->open();
    });

    connect(m_panel, &FrontMatterPanel::fieldEdited, m_session, &PostSession::applyField);
    connect(m_panel, &FrontMatterPanel::termsEdited, m_session, &PostSession::applyTerms);
    connect(m_panel, &FrontMatterPanel::draftEdited, m_session, &PostSession::applyDraft);
    connect(m_panel, &FrontMatterPanel::problemActivated, m_editor, [this](int line, int) {
        m_editor->jumpToLine(line);
        m_editor->setFocus();
    });

    connect(m_editor, &MarkdownEditor::topLineChanged, m_preview, &PreviewWidget::scrollToSourceLine);
    connect(m_preview, &PreviewWidget::sourceLineScrolled, m_editor, &MarkdownEditor::scrollToLine);
    connect(m_preview, &PreviewWidget::notice, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });

    connect(m_publisher, &PublishController::started, this, [this] {
        m_publishAction->setEnabled(false);
        m_publishProgress->setRange(0, 0);
        m_publishProgress->show();
    });
    connect(m_publisher, &PublishController::progress, this, [this](const QString &stage, int percent) {
        m_publishStatus->setText(stage);
        if (percent >= 0)
            m_publishProgress->setRange(0, 100), m_publishProgress->setValue(percent);
    });
    connect(m_publisher, &PublishController::published, this,
            [this](const QString &path, const PublishOutcome &outcome) {
                m_publishStatus->setText(tr("Published “%1” to %2/%3 (commit %4)")
                                             .arg(QFileInfo(path).fileName(), outcome.remote,
                                                  outcome.branch, outcome.commitId.left(8)));
            });
    connect(m_publisher, &PublishController::failed, this,
            [this](const QString &, const PublishError &error) {
                m_publishStatus->setText(tr("Not published: %1").arg(error.message));
            });
    connect(m_publisher, &PublishController::finished, this, [this] {
        m_publishAction->setEnabled(true);
        m_publishProgress->hide();
    });
}

Result<void> MainWindow::openBlog(const QString &path)
{
    if (!maybeSave())
        return failure(tr("the open post has unsaved changes"));
    if (const Result<void> r = m_blog->open(path); !r)
        return r;
    m_session->close();
    m_editor->clear();
    m_panel->clear();
    const Blog &blog = m_blog->blog();
    m_preview->setSite(blog.root, blog.staticDir);
    m_editor->setBlogLanguage(blog.language);
    showSpelling(); // the blog's language file may be another even when the language is the same
    QSettings().setValue(QStringLiteral("blog/last"), blog.root);
    statusBar()->showMessage(tr("%n post(s) in %1 (%2)", nullptr, m_blog->posts()->rowCount())
                                 .arg(QDir::toNativeSeparators(blog.root), generatorName(blog.generator)),
                             8000);
    applyPreviewSettings();
    m_previewSettingsAction->setEnabled(true);
    if (m_blog->posts()->rowCount() > 0)
        m_postList->selectRow(0);
    updateTitle();
    return {};
}

Result<void> MainWindow::openPost(const QString &path)
{
    const Blog &blog = m_blog->blog();
    m_session->setNewBlockFormat(m_blog->newBlockFormat());
    if (const Result<void> r = m_session->open(path, blog.termRule); !r)
        return r;
    m_preview->setPostPath(path);
    m_editor->setBlogLanguage(postLanguage(blog, path));
    showSpelling();
    m_editor->setPostContext(path, blog.imagesDir, isPageBundle(path),
                             QStringLiteral("/") + QDir(blog.staticDir).relativeFilePath(blog.imagesDir));
    selectPostRow(path);
    updateTitle();
    return {};
}

void MainWindow::newPost()
{
    if (!m_blog->isOpen() || !maybeSave())
        return;
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("New Post"), tr("Title:"), QLineEdit::Normal,
                                                QString(), &ok);
    if (!ok || title.trimmed().isEmpty())
        return;
    const Result<QString> path = createPost(m_blog->blog(), title.trimmed(), QDateTime::currentDateTime(),
                                                m_blog->newBlockFormat());
    if (!path) {
        warn(tr("Cannot create the post"), path.error().toString());
        return;
    }
    m_blog->refreshPost(*path);
    if (const Result<void> r = openPost(*path); !r)
        warn(tr("Cannot open the post"), r.error().toString());
    m_editor->moveCursor(QTextCursor::End);
    m_editor->setFocus();
}

bool MainWindow::save()
{
    if (!m_session->isOpen())
        return true;
    Result<void> saved = m_session->save();
    if (!saved && m_session->changedOnDisk()) {
        const auto answer = QMessageBox::question(
            this, tr("Changed on disk"),
            tr("%1 changed on disk since you opened it. Save your version over it?")
                .arg(QFileInfo(m_session->path()).fileName()),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
        saved = m_session->save(true);
    }
    if (!saved) {
        warn(tr("Not saved"), saved.error().toString()
                                  + tr("\n\nYour text is still in the editor; nothing is lost."));
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(m_session->path()).fileName()), 4000);
    return true;
}

void MainWindow::publish()
{
    if (!m_session->isOpen() || m_publisher->isRunning())
        return;
    const QString post = m_session->path(); // the post the user clicked Publish on, whatever follows
    if (m_session->document().isEditable() && m_session->document().metadata().draft) {
        // Publishing a draft commits and pushes it, but the site will not show it.
        QMessageBox box(QMessageBox::Question, tr("Publish a draft?"),
                        tr("“%1” is marked as a draft, so the site will not show it.")
                            .arg(m_session->document().metadata().title),
                        QMessageBox::NoButton, this);
        QPushButton *undraft = box.addButton(tr("Mark as Published and Publish"), QMessageBox::AcceptRole);
        QPushButton *asDraft = box.addButton(tr("Publish as Draft"), QMessageBox::ActionRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(undraft);
        box.exec();
        if (box.clickedButton() == undraft)
            m_session->applyDraft(false);
        else if (box.clickedButton() != asDraft)
            return;
    }
    if (!save())
        return;
    m_publisher->publish(m_blog->blog(), post);
}

void MainWindow::editPreviewSettings()
{
    if (!m_blog->isOpen())
        return;
    const QString root = m_blog->blog().root;
    auto *dialog = new PreviewSettingsDialog(root, loadPreviewSettings(root), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, root] {
        savePreviewSettings(root, dialog->settings());
        if (m_blog->isOpen() && m_blog->blog().root == root)
            applyPreviewSettings();
    });
    dialog->open();
}

void MainWindow::applyPreviewSettings()
{
    const QString root = m_blog->blog().root;
    const PreviewSettings settings = loadPreviewSettings(root);
    QString styleSheet;
    if (!settings.styleSheet.isEmpty()) {
        // A stylesheet deleted or moved since it was chosen: ours, and the user is told.
        const Result<QString> checked = checkPreviewStyleSheet(root, settings.styleSheet);
        if (checked)
            styleSheet = checked.value();
        else
            statusBar()->showMessage(tr("The preview uses Postwright's stylesheet: %1")
                                         .arg(checked.error().toString()),
                                     12000);
    }
    m_preview->setCustomStyleSheet(styleSheet);
    m_preview->setRemoteContentAllowed(settings.remoteContentAllowed);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_laidOut) {
        // Editor and preview share the centre equally, once its width is known.
        m_laidOut = true;
        const int half = m_splitter->width() / 2;
        m_splitter->setSizes({half, half});
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::chooseBlog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Blog"), m_blog->blog().root);
    if (dir.isEmpty())
        return;
    if (const Result<void> r = openBlog(dir); !r)
        warn(tr("Cannot open the blog"), r.error().toString());
}

bool MainWindow::maybeSave()
{
    if (!m_session->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("Save the changes to %1?").arg(QFileInfo(m_session->path()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    return true;
}

void MainWindow::updateTitle()
{
    QString title = QStringLiteral("Postwright");
    if (m_session->isOpen()) {
        title = QFileInfo(m_session->path()).fileName() + QStringLiteral("[*] — ") + title;
    } else if (m_blog->isOpen()) {
        title = QFileInfo(m_blog->blog().root).fileName() + QStringLiteral(" — ") + title;
    }
    setWindowTitle(title);
    setWindowModified(m_session->isModified());
    m_saveAction->setEnabled(m_session->isOpen());
    m_publishAction->setEnabled(m_session->isOpen() && !m_publisher->isRunning());
}

void MainWindow::showStatistics(const TextStatistics &stats)
{
    m_stats->setText(tr("%n word(s)", nullptr, stats.words) + QStringLiteral(" · ")
                     + tr("%n character(s)", nullptr, stats.characters) + QStringLiteral(" · ")
                     + tr("%n min read", nullptr, stats.readingMinutes));
}

void MainWindow::showSpelling()
{
    const SpellingStatus status = m_editor->spellingStatus();
    const QString language = status.language.language;
    QString origin; // short, for the label
    QString from;   // in words, for the tooltip
    switch (status.language.source) {
    case SpellingLanguage::Source::Post:
        origin = tr("post");
        from = tr("the post's front matter");
        break;
    case SpellingLanguage::Source::Blog:
        origin = tr("blog");
        from = tr("the blog's %1").arg(QFileInfo(m_blog->blog().languageFile).fileName());
        break;
    case SpellingLanguage::Source::System:
        origin = tr("system");
        from = tr("the system's locale");
        break;
    }
    if (language.isEmpty()) {
        m_spelling->setText(tr("Spelling off"));
        m_spelling->setToolTip(QString());
    } else if (status.dictionary.isEmpty()) {
        m_spelling->setText(tr("Spelling: no %1 dictionary (%2)").arg(language, origin));
        m_spelling->setToolTip(tr("Not checked: the language is %1, from %2, and no Hunspell "
                                  "dictionary for it is installed. Install one (e.g. the "
                                  "hunspell-%3 package), or set the post's `lang`.")
                                   .arg(language, from, language.section(QLatin1Char('_'), 0, 0)));
    } else {
        const QString dictionary = status.dictionary == language
                                       ? status.dictionary
                                       : tr("%1 for %2").arg(status.dictionary, language);
        m_spelling->setText(tr("Spelling: %1 (%2)").arg(dictionary, origin));
        m_spelling->setToolTip(tr("Checked with the Hunspell dictionary %1; the language is from "
                                  "%2.")
                                   .arg(status.dictionary, from));
    }
}

void MainWindow::selectPostRow(const QString &path)
{
    const int row = m_blog->posts()->rowOf(path);
    if (row < 0)
        return;
    // Not with signals blocked: the view repaints its highlight on them. Selecting the open post
    // again is a no-op for the handler, which compares paths.
    m_postList->selectRow(row);
}

void MainWindow::toggleDistractionFree(bool on)
{
    for (QDockWidget *dock : std::as_const(m_docks))
        dock->setVisible(!on);
    menuBar()->setVisible(!on);
    for (QToolBar *bar : findChildren<QToolBar *>())
        bar->setVisible(!on);
    m_preview->setVisible(!on);
    statusBar()->setVisible(!on);
    m_editor->setDistractionFree(on);
    on ? showFullScreen() : showNormal();
}

void MainWindow::warn(const QString &title, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace pw
