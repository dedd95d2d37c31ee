// The window as a user drives it, offscreen: open the sample blog, change a tag in the panel, click
// Publish, and the remote has the change; open Hugo's own documentation as a blog; set a blog's
// preview stylesheet and remote content in Blog > Preview Settings… and see the preview follow,
// then and on the next start.

#include "../preview/pagescript.h"
#include "../preview/requestrecorder.h"
#include "gui/mainwindow.h"
#include "gui/postsession.h"
#include "gui/previewsettingsdialog.h"
#include "gui/publishcontroller.h"
#include "panel/termchipsedit.h"
#include "preview/previewview.h"
#include "preview/previewwidget.h"
#include "publish/gitrepository.h"
#include "site/sampleblog.h"
#include "support/gitsandbox.h"
#include "widgets/markdowneditor.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QWebEnginePage>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using pw::test::GitSandbox;
using pw::test::RequestRecorder;

namespace {

// What the preview page shows, as text.
QString previewText(pw::PreviewWidget *preview)
{
    QString text;
    bool done = false;
    preview->view()->page()->toPlainText([&](const QString &t) {
        text = t;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        return QStringLiteral("(the preview page did not answer)");
    return text;
}

QVariant inPreview(pw::MainWindow &window, const QString &script)
{
    auto *preview = window.findChild<pw::PreviewWidget *>(QStringLiteral("preview"));
    return pw::test::evaluate(preview->view()->page(), script);
}

QString previewBackground(pw::MainWindow &window)
{
    return inPreview(window, QStringLiteral("getComputedStyle(document.body).backgroundColor"))
        .toString();
}

// "complete/naturalWidth" of the post's remote image: "true/0" when it was not loaded.
QString remoteImageState(pw::MainWindow &window)
{
    return inPreview(window,
                     QStringLiteral("(function(){const i=document.querySelector('img[alt=pixel]');"
                                    "return i?i.complete+'/'+i.naturalWidth:'missing';})()"))
        .toString();
}

// Opens Blog > Preview Settings… and returns the dialog, open.
pw::PreviewSettingsDialog *openPreviewSettings(pw::MainWindow &window)
{
    auto *action = window.findChild<QAction *>(QStringLiteral("previewSettingsAction"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    auto *dialog = window.findChild<pw::PreviewSettingsDialog *>();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

// On the indicator: a radio button or check box wider than its label ignores clicks beside it.
void clickButton(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

void clickOk(QDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        pw::useGitConfigurationFrom(m_sandbox.emptyConfigFolder());
        QStandardPaths::setTestModeEnabled(true);
        // The app's settings (last blog, per-blog preview settings) stay in the sandbox.
        QCoreApplication::setOrganizationName(QStringLiteral("PostwrightTest"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_sandbox.path("settings"));
    }

    void changeATagAndPublish()
    {
        const auto sample = pw::ensureSampleBlog(m_sandbox.path("data"));
        QVERIFY2(sample.ok(), sample.ok() ? "" : qPrintable(sample.error().toString()));
        QVERIFY(pw::setIdentity(sample->site, {"Ada Writer", "ada@example.org"}).ok());

        pw::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto opened = window.openBlog(sample->site);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));

        auto *list = window.findChild<QTableView *>(QStringLiteral("postList"));
        QVERIFY(list);
        // The seven posts, and the home page's own content (content/_index.md).
        QCOMPARE(list->model()->rowCount(), 8);
        int posts = 0;
        for (int row = 0; row < 8; ++row)
            posts += list->model()->index(row, 0).data(Qt::UserRole + 1).toString().contains(QLatin1String("/content/posts/"));
        QCOMPARE(posts, 7);
        // The newest post is opened first.
        QTRY_VERIFY(window.postSession()->isOpen());
        const QString post = window.postSession()->path();
        QVERIFY(post.endsWith(QLatin1String("distributed-transactions-an-intuitive-deep-dive.md")));

        auto *tags = window.findChild<pw::TermChipsEdit *>(QStringLiteral("tagsEdit"));
        QVERIFY(tags);
        QCOMPARE(tags->terms().size(), 8);
        QVERIFY(tags->terms().contains(QStringLiteral("saga pattern")));

        // Remove a chip with its × and type a new tag.
        const QList<QToolButton *> removeButtons = tags->findChildren<QToolButton *>(QStringLiteral("removeTerm"));
        QCOMPARE(removeButtons.size(), 8);
        QToolButton *removeSaga = nullptr;
        for (QToolButton *button : removeButtons) {
            if (button->toolTip().contains(QLatin1String("saga pattern")))
                removeSaga = button;
        }
        QVERIFY(removeSaga);
        QTest::mouseClick(removeSaga, Qt::LeftButton);
        QTest::keyClicks(tags->input(), QStringLiteral("consensus"));
        QTest::keyClick(tags->input(), Qt::Key_Return);
        QTRY_VERIFY(tags->terms().contains(QStringLiteral("consensus")));
        QVERIFY(!tags->terms().contains(QStringLiteral("saga pattern")));

        // The text follows the panel, and only the tags changed.
        auto *editor = window.findChild<pw::MarkdownEditor *>(QStringLiteral("markdownEditor"));
        QVERIFY(editor);
        QVERIFY(editor->toPlainText().contains(QLatin1String("consensus")));
        QVERIFY(window.postSession()->isModified());

        auto *publish = window.findChild<QToolButton *>(QStringLiteral("publishButton"));
        QVERIFY(publish);
        QSignalSpy published(window.publisher(), &pw::PublishController::published);
        QSignalSpy finished(window.publisher(), &pw::PublishController::finished);
        QTest::mouseClick(publish, Qt::LeftButton);
        QVERIFY(finished.wait(120000) || finished.size() == 1);
        QCOMPARE(published.size(), 1);
        QCOMPARE(published.first().first().toString(), post);
        QCOMPARE(published.first().at(1).value<pw::PublishOutcome>().committed, true);
        // Saving re-sorts the post list; the post stays the one open and selected.
        QCOMPARE(window.postSession()->path(), post);
        QCOMPARE(list->currentIndex().data(Qt::UserRole + 1).toString(), post);
        QVERIFY(!window.postSession()->isModified());

        const QString relative = QDir(sample->site).relativeFilePath(post);
        const auto remote = m_sandbox.git(sample->origin, {"show", "main:" + relative});
        QVERIFY2(remote.ok(), qPrintable(remote.describe()));
        QCOMPARE(remote.out, GitSandbox::readFile(post));
        QVERIFY(remote.out.contains("consensus"));
        QVERIFY(!remote.out.contains("saga pattern"));
        QCOMPARE(m_sandbox.git(sample->origin, {"log", "-1", "--format=%an|%s", "main"}).text(),
                 QStringLiteral("Ada Writer|Publish: Distributed Transactions: An Intuitive Deep Dive"));
        // The push ran the origin's hook, which checked the site out for publishing.
        QTRY_VERIFY_WITH_TIMEOUT(GitSandbox::readFile(sample->published + "/site/" + relative).contains("consensus"), 30000);
    }

    void opensHugoDocsAsABlog()
    {
        const QString root = m_sandbox.path("hugo-docs");
        QVERIFY(GitSandbox::copyTree(QStringLiteral(POSTWRIGHT_TEST_DATA_DIR "/hugo-docs"), root));
        QVERIFY(pw::initRepository(root, false, QStringLiteral("main")).ok());
        int pages = 0;
        for (QDirIterator it(root + "/content", {"*.md"}, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
            ++pages;

        pw::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openBlog(root).ok());
        auto *list = window.findChild<QTableView *>(QStringLiteral("postList"));
        QCOMPARE(list->model()->rowCount(), pages);

        auto *title = window.findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        auto *preview = window.findChild<pw::PreviewWidget *>(QStringLiteral("preview"));
        QVERIFY(title && preview);
        for (int row : {0, 1, 2, pages / 3, pages / 2, pages - 2, pages - 1}) {
            QSignalSpy rendered(preview, &pw::PreviewWidget::rendered);
            const QString path = list->model()->index(row, 0).data(Qt::UserRole + 1).toString();
            list->selectRow(row);
            QTRY_COMPARE(window.postSession()->path(), path);
            const pw::PostDocument &doc = window.postSession()->document();
            const pw::PostMetadata meta = doc.metadata();
            if (doc.keys().contains(QStringLiteral("title")))
                QVERIFY2(!meta.title.isEmpty(), qPrintable(path));
            QTRY_COMPARE(title->text(), meta.title);

            // The preview shows the body; the YAML block is never rendered as text.
            QVERIFY2(rendered.wait(60000) || rendered.size() > 0, qPrintable(path));
            const QString shown = previewText(preview);
            const QString firstKeyLine = doc.frontMatterBlock().split(QLatin1Char('\n')).value(1).trimmed();
            if (doc.hasFrontMatter()) {
                QVERIFY(!firstKeyLine.isEmpty());
                QVERIFY2(!shown.contains(firstKeyLine), qPrintable(path + ": " + firstKeyLine));
            }
            if (!doc.body().trimmed().isEmpty())
                QVERIFY2(!shown.trimmed().isEmpty(), qPrintable(path));
        }
    }

    // The status bar names the dictionary and where its language came from; a blog whose language
    // has no dictionary installed says so instead of being checked in English.
    void spellingLanguageFromTheBlog()
    {
        const QString root = m_sandbox.path("german-blog");
        QVERIFY(GitSandbox::writeFile(root + "/hugo.toml", "languageCode = \"de-de\"\n"));
        QVERIFY(GitSandbox::writeFile(root + "/content/posts/b.md",
                                      "---\ntitle: B\ndate: 2026-01-02\n---\nEin Satz.\n"));
        QVERIFY(GitSandbox::writeFile(root + "/content/posts/a.md",
                                      "---\ntitle: A\ndate: 2026-01-01\nlang: en-US\n---\nText.\n"));
        QVERIFY(pw::initRepository(root, false, QStringLiteral("main")).ok());

        pw::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *spelling = window.findChild<QLabel *>(QStringLiteral("spellingStatus"));
        QVERIFY(spelling);
        QVERIFY(window.openBlog(root).ok());
        QTRY_VERIFY(window.postSession()->path().endsWith(QLatin1String("b.md")));
        QTRY_COMPARE(spelling->text(), QStringLiteral("Spelling: no de_DE dictionary (blog)"));
        QVERIFY2(spelling->toolTip().contains(QLatin1String("hunspell-de")), qPrintable(spelling->toolTip()));
        auto *editor = window.findChild<pw::MarkdownEditor *>(QStringLiteral("markdownEditor"));
        QCOMPARE(editor->spellingDictionary(), QString());

        // A post with its own language is checked in it.
        auto *list = window.findChild<QTableView *>(QStringLiteral("postList"));
        list->selectRow(1);
        QTRY_VERIFY(window.postSession()->path().endsWith(QLatin1String("a.md")));
        QTRY_COMPARE_WITH_TIMEOUT(spelling->text(), QStringLiteral("Spelling: en_US (post)"), 10000);

        // The sample blog says `languageCode = "en"` in its hugo.toml.
        const auto sample = pw::ensureSampleBlog(m_sandbox.path("data"));
        QVERIFY(sample.ok());
        QVERIFY(window.openBlog(sample->site).ok());
        QTRY_VERIFY(window.postSession()->isOpen());
        QTRY_COMPARE_WITH_TIMEOUT(spelling->text(), QStringLiteral("Spelling: en_US for en (blog)"), 10000);
        QVERIFY2(spelling->toolTip().contains(QLatin1String("hugo.toml")), qPrintable(spelling->toolTip()));
    }

    void previewSettingsApplyNowAndOnTheNextStart()
    {
        RequestRecorder server; // stands for the internet: a request that arrives here left the preview
        QVERIFY(server.listen());
        const QString root = m_sandbox.path("styled-blog");
        QVERIFY(GitSandbox::writeFile(root + "/hugo.toml", "title = \"Styled\"\n"));
        QVERIFY(GitSandbox::writeFile(root + "/static/css/site.css",
                                      "body { background-color: rgb(1, 2, 3); }\n"));
        QVERIFY(GitSandbox::writeFile(m_sandbox.path("outside.css"), "body { color: red; }\n"));
        const QByteArray post = "---\ntitle: Hello\n---\n\nSome text.\n\n![pixel]("
                                + server.url(QStringLiteral("/pixel.png")).toUtf8() + ")\n";
        QVERIFY(GitSandbox::writeFile(root + "/content/posts/hello.md", post));
        QVERIFY(pw::initRepository(root, false, QStringLiteral("main")).ok());
        const int patience = 60000;

        {
            pw::MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openBlog(root).ok());
            QTRY_VERIFY(window.postSession()->isOpen());
            // By default: Postwright's stylesheet, and the remote image is not fetched.
            QTRY_COMPARE_WITH_TIMEOUT(remoteImageState(window), QStringLiteral("true/0"), patience);
            QVERIFY(previewBackground(window) != QLatin1String("rgb(1, 2, 3)"));
            QVERIFY(server.requests().isEmpty());

            pw::PreviewSettingsDialog *dialog = openPreviewSettings(window);
            QVERIFY(dialog);
            auto *ours = dialog->findChild<QRadioButton *>(QStringLiteral("ownStyleSheet"));
            auto *file = dialog->findChild<QLineEdit *>(QStringLiteral("styleSheetFile"));
            auto *remote = dialog->findChild<QCheckBox *>(QStringLiteral("allowRemoteContent"));
            auto *problem = dialog->findChild<QLabel *>(QStringLiteral("settingsProblem"));
            QVERIFY(ours && file && remote && problem);
            QVERIFY(ours->isChecked());
            QVERIFY(!remote->isChecked());

            // A CSS file outside the blog is refused, and the dialog says why and stays open.
            QVERIFY(!file->isEnabled());
            clickButton(dialog->findChild<QRadioButton *>(QStringLiteral("blogStyleSheet")));
            QVERIFY(file->isEnabled());
            QTest::keyClicks(file, QStringLiteral("../outside.css"));
            clickOk(dialog);
            QVERIFY(dialog->isVisible());
            QVERIFY2(problem->isVisible() && problem->text().contains(QLatin1String("outside the blog")),
                     qPrintable(problem->text()));
            // The dialog grew for the message: no wrapped label is cut off.
            for (const QLabel *label : dialog->findChildren<QLabel *>()) {
                if (label->isVisible() && label->wordWrap())
                    QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                             qPrintable(label->text()));
            }

            file->clear();
            QTest::keyClicks(file, QStringLiteral("static/css/site.css"));
            QVERIFY(!ours->isChecked());
            clickButton(remote);
            QVERIFY(remote->isChecked());
            clickOk(dialog);
            QTRY_VERIFY(!window.findChild<pw::PreviewSettingsDialog *>());

            // Applied to the open preview at once.
            QTRY_COMPARE_WITH_TIMEOUT(previewBackground(window), QStringLiteral("rgb(1, 2, 3)"),
                                      patience);
            QTRY_VERIFY_WITH_TIMEOUT(server.requests().contains(QStringLiteral("GET /pixel.png")),
                                     patience);
            QTRY_COMPARE_WITH_TIMEOUT(remoteImageState(window), QStringLiteral("true/1"), patience);
        }

        // The next start: the settings belong to the blog, and come back with it.
        const int requestsBefore = int(server.requests().size());
        {
            pw::MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openBlog(root).ok());
            QTRY_VERIFY(window.postSession()->isOpen());
            QTRY_COMPARE_WITH_TIMEOUT(previewBackground(window), QStringLiteral("rgb(1, 2, 3)"),
                                      patience);
            QTRY_COMPARE_WITH_TIMEOUT(remoteImageState(window), QStringLiteral("true/1"), patience);
            QVERIFY(server.requests().size() > requestsBefore);

            // And back to Postwright's, with nothing remote.
            pw::PreviewSettingsDialog *dialog = openPreviewSettings(window);
            QVERIFY(dialog);
            auto *file = dialog->findChild<QLineEdit *>(QStringLiteral("styleSheetFile"));
            QCOMPARE(file->text(), QStringLiteral("static/css/site.css"));
            auto *ours = dialog->findChild<QRadioButton *>(QStringLiteral("ownStyleSheet"));
            auto *remote = dialog->findChild<QCheckBox *>(QStringLiteral("allowRemoteContent"));
            QVERIFY(!ours->isChecked() && remote->isChecked());
            clickButton(ours);
            clickButton(remote);
            QVERIFY(ours->isChecked() && !remote->isChecked());
            clickOk(dialog);
            QTRY_VERIFY(!window.findChild<pw::PreviewSettingsDialog *>());
            QCOMPARE(pw::loadPreviewSettings(root), pw::PreviewSettings());
            QTRY_VERIFY_WITH_TIMEOUT(previewBackground(window) != QLatin1String("rgb(1, 2, 3)"),
                                     patience);
            QTRY_COMPARE_WITH_TIMEOUT(remoteImageState(window), QStringLiteral("true/0"), patience);
        }
        // Another blog is not affected by this one's settings.
        QCOMPARE(pw::loadPreviewSettings(m_sandbox.path("hugo-docs")), pw::PreviewSettings());
    }

private:
    GitSandbox m_sandbox;
};

int main(int argc, char *argv[])
{
    pw::registerPreviewSchemes();
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mainwindow.moc"
