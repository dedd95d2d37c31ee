// Per-blog preview settings: stored in the app's settings by blog root (nothing in the blog's
// tree), the stylesheet relative to the blog, and only a CSS file inside the blog accepted.

#include "gui/blogsettings.h"
#include "support/gitsandbox.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTest>

using pw::test::GitSandbox;

class TestBlogSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("PostwrightTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_blogsettings"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_sandbox.path("settings"));
        m_blog = m_sandbox.path("blog");
        QVERIFY(GitSandbox::writeFile(m_blog + "/themes/t/static/css/main.css", "body {}\n"));
        QVERIFY(GitSandbox::writeFile(m_sandbox.path("elsewhere/other.css"), "body {}\n"));
        QVERIFY(QFile::link(m_sandbox.path("elsewhere/other.css"), m_blog + "/linked.css"));
        QVERIFY(QDir().mkpath(m_blog + "/folder.css"));
    }

    void styleSheetChecks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("accepted"); // the absolute path, relative to the blog here
        QTest::addColumn<QString>("refusal");
        QTest::newRow("nominal: relative to the blog") << "themes/t/static/css/main.css"
                                                       << "themes/t/static/css/main.css"
                                                       << "";
        QTest::newRow("nominal: absolute inside the blog") << "@blog/themes/t/static/css/main.css"
                                                           << "themes/t/static/css/main.css"
                                                           << "";
        QTest::newRow("nominal: a dotted path that stays inside")
            << "themes/t/../t/static/css/main.css"
            << "themes/t/static/css/main.css"
            << "";
        QTest::newRow("robustness: outside the blog") << "../elsewhere/other.css"
                                                      << ""
                                                      << "outside the blog";
        QTest::newRow("robustness: a link out of the blog") << "linked.css"
                                                            << ""
                                                            << "outside the blog";
        QTest::newRow("robustness: missing file") << "static/gone.css"
                                                  << ""
                                                  << "does not exist";
        QTest::newRow("robustness: a folder") << "folder.css"
                                              << ""
                                              << "does not exist";
        QTest::newRow("robustness: nothing chosen") << "  "
                                                    << ""
                                                    << "No stylesheet chosen";
    }

    void styleSheetChecks()
    {
        QFETCH(QString, file);
        QFETCH(QString, accepted);
        QFETCH(QString, refusal);
        file.replace(QLatin1String("@blog"), m_blog);
        const pw::Result<QString> checked = pw::checkPreviewStyleSheet(m_blog, file);
        if (refusal.isEmpty()) {
            QVERIFY2(checked.ok(), checked.ok() ? "" : qPrintable(checked.error().toString()));
            QCOMPARE(checked.value(), QDir(m_blog).filePath(accepted));
        } else {
            QVERIFY(!checked.ok());
            QVERIFY2(checked.error().toString().contains(refusal),
                     qPrintable(checked.error().toString()));
            QVERIFY(!checked.error().hint.isEmpty());
        }
    }

    void storedPerBlog_data()
    {
        QTest::addColumn<QString>("styleSheet");
        QTest::addColumn<bool>("remote");
        QTest::newRow("nominal: the blog's CSS and remote content")
            << "themes/t/static/css/main.css" << true;
        QTest::newRow("nominal: Postwright's stylesheet, nothing remote") << "" << false;
        QTest::newRow("nominal: remote content only") << "" << true;
    }

    void storedPerBlog()
    {
        QFETCH(QString, styleSheet);
        QFETCH(bool, remote);
        const QString other = m_sandbox.path("other-blog");
        QCOMPARE(pw::loadPreviewSettings(other), pw::PreviewSettings()); // the defaults
        QVERIFY(!pw::PreviewSettings().remoteContentAllowed);

        pw::PreviewSettings settings;
        settings.styleSheet = styleSheet.isEmpty() ? QString() : QDir(m_blog).filePath(styleSheet);
        settings.remoteContentAllowed = remote;
        pw::savePreviewSettings(m_blog, settings);
        QCOMPARE(pw::loadPreviewSettings(m_blog), settings);
        QCOMPARE(pw::loadPreviewSettings(m_blog + "/"), settings); // the same folder
        QCOMPARE(pw::loadPreviewSettings(other), pw::PreviewSettings());
        // Nothing is written into the blog's tree.
        QCOMPARE(QDir(m_blog).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList({"folder.css", "linked.css", "themes"}));
    }

    void styleSheetIsStoredRelativeToTheBlog()
    {
        // Relative to the blog, so a blog moved with its settings keeps its stylesheet.
        pw::PreviewSettings settings;
        settings.styleSheet = m_blog + "/themes/t/static/css/main.css";
        pw::savePreviewSettings(m_blog, settings);
        QSettings store;
        bool found = false;
        for (const QString &group : store.childGroups()) {
            store.beginGroup(group);
            for (const QString &blog : store.childGroups()) {
                if (store.value(blog + "/root").toString() == QDir::cleanPath(m_blog)) {
                    QCOMPARE(store.value(blog + "/previewStyleSheet").toString(),
                             QStringLiteral("themes/t/static/css/main.css"));
                    found = true;
                }
            }
            store.endGroup();
        }
        QVERIFY(found);
    }

private:
    GitSandbox m_sandbox;
    QString m_blog;
};

QTEST_GUILESS_MAIN(TestBlogSettings)
#include "tst_blogsettings.moc"
