// The front-matter panel, offscreen: it shows a document, reports the user's edits, and is
// read-only with the error shown while the block cannot be parsed.

#include "panel/frontmatterpanel.h"
#include "panel/termchipsedit.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>
#include <QToolButton>

using pw::Field;

namespace {

const QString post = QStringLiteral("---\ntitle: Hello\ndescription: A post\ndate: 2024-05-01\n"
                                    "draft: true\ncategories: [notes]\ntags: [a, b]\n---\nBody\n");

template<typename T>
T *child(const QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

} // namespace

class TestFrontMatterPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheDocument()
    {
        pw::FrontMatterPanel panel;
        panel.showDocument(pw::PostDocument(post));
        QCOMPARE(child<QLineEdit>(panel, "titleEdit")->text(), QStringLiteral("Hello"));
        QCOMPARE(child<QPlainTextEdit>(panel, "descriptionEdit")->toPlainText(), QStringLiteral("A post"));
        QCOMPARE(child<QDateTimeEdit>(panel, "dateEdit")->date(), QDate(2024, 5, 1));
        QVERIFY(child<QCheckBox>(panel, "draftCheck")->isChecked());
        QCOMPARE(child<pw::TermChipsEdit>(panel, "tagsEdit")->terms(), QStringList({"a", "b"}));
        QCOMPARE(child<pw::TermChipsEdit>(panel, "categoriesEdit")->terms(), QStringList({"notes"}));
        QVERIFY(child<QLabel>(panel, "frontMatterProblems")->isHidden());
        QVERIFY(!child<QLineEdit>(panel, "titleEdit")->isReadOnly());
    }

    void refreshingDoesNotEmit()
    {
        pw::FrontMatterPanel panel;
        QSignalSpy fields(&panel, &pw::FrontMatterPanel::fieldEdited);
        QSignalSpy terms(&panel, &pw::FrontMatterPanel::termsEdited);
        QSignalSpy draft(&panel, &pw::FrontMatterPanel::draftEdited);
        panel.showDocument(pw::PostDocument(post));
        panel.showDocument(pw::PostDocument(QStringLiteral("---\ntitle: Other\n---\n")));
        QCOMPARE(fields.size() + terms.size() + draft.size(), 0);
    }

    void reportsEdits()
    {
        pw::FrontMatterPanel panel;
        panel.show();
        panel.showDocument(pw::PostDocument(post));
        QSignalSpy fields(&panel, &pw::FrontMatterPanel::fieldEdited);
        QSignalSpy terms(&panel, &pw::FrontMatterPanel::termsEdited);
        QSignalSpy draft(&panel, &pw::FrontMatterPanel::draftEdited);

        auto *title = child<QLineEdit>(panel, "titleEdit");
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Hi"));
        QCOMPARE(fields.last().at(0).value<Field>(), Field::Title);
        QCOMPARE(fields.last().at(1).value<QJsonValue>().toString(), QStringLiteral("Hi"));

        auto *tags = child<pw::TermChipsEdit>(panel, "tagsEdit");
        QTest::keyClicks(tags->input(), QStringLiteral("c, d"));
        QTest::keyClick(tags->input(), Qt::Key_Return);
        QCOMPARE(terms.last().at(0).value<Field>(), Field::Tags);
        QCOMPARE(terms.last().at(1).toStringList(), QStringList({"a", "b", "c", "d"}));

        QTest::keyClick(tags->input(), Qt::Key_Backspace); // empty field: removes the last chip
        QCOMPARE(terms.last().at(1).toStringList(), QStringList({"a", "b", "c"}));
        tags->findChildren<QToolButton *>(QStringLiteral("removeTerm")).first()->click();
        QCOMPARE(terms.last().at(1).toStringList(), QStringList({"b", "c"}));

        child<QCheckBox>(panel, "draftCheck")->click();
        QCOMPARE(draft.size(), 1);
        QCOMPARE(draft.first().first().toBool(), false);

        auto *date = child<QDateTimeEdit>(panel, "dateEdit");
        date->setDateTime(QDateTime(QDate(2024, 6, 2), QTime(10, 0)));
        QCOMPARE(fields.last().at(0).value<Field>(), Field::Date);
        QCOMPARE(fields.last().at(1).value<QJsonValue>().toString(), QStringLiteral("2024-06-02")); // date only stays so
    }

    void noDateIsShownAsSuch()
    {
        pw::FrontMatterPanel panel;
        panel.showDocument(pw::PostDocument(QStringLiteral("---\ntitle: T\n---\n")));
        auto *date = child<QDateTimeEdit>(panel, "dateEdit");
        QCOMPARE(date->text(), QStringLiteral("no date"));
    }

    void brokenBlockIsReadOnlyWithItsPosition()
    {
        pw::FrontMatterPanel panel;
        QSignalSpy problem(&panel, &pw::FrontMatterPanel::problemActivated);
        panel.showDocument(pw::PostDocument(QStringLiteral("---\ntitle: T\ntags: [a, b\n---\nBody\n")));
        auto *problems = child<QLabel>(panel, "frontMatterProblems");
        QVERIFY(!problems->isHidden());
        QVERIFY2(problems->text().contains(QLatin1String("Error at line")), qPrintable(problems->text()));
        QVERIFY(child<QLineEdit>(panel, "titleEdit")->isReadOnly());
        QVERIFY(!child<QCheckBox>(panel, "draftCheck")->isEnabled());
        QVERIFY(child<pw::TermChipsEdit>(panel, "tagsEdit")->input()->isHidden());
        Q_EMIT problems->linkActivated(QStringLiteral("3:7"));
        QCOMPARE(problem.size(), 1);
        QCOMPARE(problem.first().at(0).toInt(), 3);
    }

    void completionOffersSiteTerms()
    {
        pw::TermChipsEdit chips;
        QStringListModel terms({"kubernetes", "kafka"});
        chips.setCompletionModel(&terms);
        chips.show();
        QTest::keyClicks(chips.input(), QStringLiteral("kub"));
        QCompleter *completer = chips.input()->completer();
        QVERIFY(completer);
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("kubernetes"));
    }
};

QTEST_MAIN(TestFrontMatterPanel)
#include "tst_frontmatterpanel.moc"
