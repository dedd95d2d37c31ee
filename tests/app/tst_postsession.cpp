// The open post against its file on disk (case B24): an external change reloads an unedited post,
// never overwrites an edited one silently, and a deleted file is written again on save.

#include "gui/postsession.h"
#include "support/gitsandbox.h"

#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using pw::test::GitSandbox;

class TestPostSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("a.md"));
        QVERIFY(GitSandbox::writeFile(m_path, "---\ntitle: A\n---\nv1\n"));
    }

    void unchangedPostFollowsTheDisk()
    {
        QPlainTextEdit editor;
        pw::PostSession session(&editor);
        QVERIFY(session.open(m_path, pw::TermStringRule::WholeString).ok());
        QVERIFY(GitSandbox::writeFile(m_path, "---\ntitle: A\n---\nv2\n"));
        QTRY_COMPARE_WITH_TIMEOUT(editor.toPlainText(), QStringLiteral("---\ntitle: A\n---\nv2\n"), 10000);
        QVERIFY(!session.isModified());
    }

    void editedPostAsksAndSaveRefuses()
    {
        QPlainTextEdit editor;
        pw::PostSession session(&editor);
        QSignalSpy conflict(&session, &pw::PostSession::externalChangeConflict);
        QVERIFY(session.open(m_path, pw::TermStringRule::WholeString).ok());
        editor.moveCursor(QTextCursor::End);
        editor.insertPlainText(QStringLiteral("local\n"));
        QVERIFY(session.isModified());
        QVERIFY(GitSandbox::writeFile(m_path, "---\ntitle: A\n---\nv3\n"));
        QVERIFY(conflict.wait(10000) || conflict.size() == 1);
        QVERIFY(editor.toPlainText().contains(QLatin1String("local")));

        const pw::Result<void> refused = session.save();
        QVERIFY(!refused.ok());
        QCOMPARE(GitSandbox::readFile(m_path), QByteArray("---\ntitle: A\n---\nv3\n"));
        QVERIFY(session.isModified());

        QVERIFY(session.save(true).ok()); // the user chose "keep mine"
        QVERIFY(GitSandbox::readFile(m_path).contains("local"));
        QVERIFY(!session.isModified());
    }

    void deletedFileIsWrittenAgain()
    {
        QPlainTextEdit editor;
        pw::PostSession session(&editor);
        QVERIFY(session.open(m_path, pw::TermStringRule::WholeString).ok());
        QVERIFY(QFile::remove(m_path));
        QTRY_VERIFY_WITH_TIMEOUT(session.isModified(), 10000); // the editor holds the only copy
        QVERIFY(session.save().ok());
        QCOMPARE(GitSandbox::readFile(m_path), QByteArray("---\ntitle: A\n---\nv1\n"));
    }

    void failedSaveKeepsTheText()
    {
        QPlainTextEdit editor;
        pw::PostSession session(&editor);
        QVERIFY(session.open(m_path, pw::TermStringRule::WholeString).ok());
        editor.moveCursor(QTextCursor::End);
        editor.insertPlainText(QStringLiteral("more words\n"));
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner));
        const pw::Result<void> saved = session.save();
        QVERIFY(!saved.ok());
        QVERIFY(session.isModified());
        QVERIFY(editor.toPlainText().endsWith(QLatin1String("more words\n")));
        QCOMPARE(GitSandbox::readFile(m_path), QByteArray("---\ntitle: A\n---\nv1\n"));
    }

    void panelEditIsOneUndoableChangeOfItsLine()
    {
        QPlainTextEdit editor;
        pw::PostSession session(&editor);
        QVERIFY(session.open(m_path, pw::TermStringRule::WholeString).ok());
        session.applyTerms(pw::Field::Tags, {QStringLiteral("x")});
        QCOMPARE(editor.toPlainText(), QStringLiteral("---\ntitle: A\ntags: [x]\n---\nv1\n"));
        QCOMPARE(session.document().metadata().tags, QStringList{QStringLiteral("x")});
        editor.undo();
        QCOMPARE(editor.toPlainText(), QStringLiteral("---\ntitle: A\n---\nv1\n"));
    }

    void documentFollowsTypingAtOnce()
    {
        QPlainTextEdit editor;
        pw::PostSession session(&editor);
        QVERIFY(session.open(m_path, pw::TermStringRule::WholeString).ok());
        QTextCursor cursor(editor.document());
        cursor.setPosition(int(editor.toPlainText().indexOf(QLatin1String("title: A")) + 8));
        cursor.insertText(QStringLiteral("BC"));
        // Asked before the typing pause is over: not the stale parse.
        QCOMPARE(session.document().metadata().title, QStringLiteral("ABC"));
    }

    // A panel edit in a post without front matter creates the block in the blog's format.
    void panelEditCreatesTheBlogsFormat_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nominal: TOML") << int(pw::FrontMatterFormat::Toml) << "+++\ntitle = \"T\"\n+++\nbody\n";
        QTest::newRow("nominal: YAML") << int(pw::FrontMatterFormat::Yaml) << "---\ntitle: T\n---\nbody\n";
    }

    void panelEditCreatesTheBlogsFormat()
    {
        QFETCH(int, format);
        QFETCH(QString, expected);
        QVERIFY(GitSandbox::writeFile(m_path, "body\n"));
        QPlainTextEdit editor;
        pw::PostSession session(&editor);
        session.setNewBlockFormat(pw::FrontMatterFormat(format));
        QVERIFY(session.open(m_path, pw::TermStringRule::WholeString).ok());
        session.applyField(pw::Field::Title, QStringLiteral("T"));
        QCOMPARE(editor.toPlainText(), expected);
        QCOMPARE(session.document().metadata().title, QStringLiteral("T"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestPostSession)
#include "tst_postsession.moc"
