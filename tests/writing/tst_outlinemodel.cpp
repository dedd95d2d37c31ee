#include "writing/outlinemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace pw;

static QString describe(const QList<OutlineEntry> &entries)
{
    QStringList parts;
    for (const OutlineEntry &e : entries)
        parts.append(QStringLiteral("%1:%2:%3").arg(e.level).arg(e.line).arg(e.text));
    return parts.join(QStringLiteral(" | "));
}

class tst_OutlineModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outline_data();
    void outline();
    void model();
    void hugoDocsCorpus();
};

void tst_OutlineModel::outline_data()
{
    QTest::addColumn<QString>("post");
    QTest::addColumn<QString>("entries");
    QTest::newRow("nominal: atx levels and lines") << "# One\ntext\n## Two\n### Three"
                                                   << "1:1:One | 2:3:Two | 3:4:Three";
    QTest::newRow("nominal: front matter skipped, lines count in the file")
        << "---\ntitle: T\n# not a heading\n---\n# Body"
        << "1:5:Body";
    QTest::newRow("nominal: code fences skipped") << "```sh\n# comment\n```\n## After"
                                                  << "2:4:After";
    QTest::newRow("nominal: setext headings") << "Title\n=====\n\nSub\n---"
                                              << "1:1:Title | 2:4:Sub";
    QTest::newRow("nominal: inline markup removed") << "## **Bold** `code` [link](x) ##"
                                                    << "2:1:Bold code link";
    QTest::newRow("nominal: hugo heading ids removed") << "## Setup {#setup-id}"
                                                       << "2:1:Setup";
    QTest::newRow("robustness: html block skipped") << "<div>\n# no\n</div>\n\n# yes"
                                                    << "1:5:yes";
    QTest::newRow("robustness: rule after blank line is no heading") << "text\n\n---"
                                                                     << "";
    QTest::newRow("robustness: #hashtag") << "#tag"
                                          << "";
    QTest::newRow("robustness: empty heading") << "#"
                                               << "1:1:";
}

void tst_OutlineModel::outline()
{
    QFETCH(QString, post);
    QFETCH(QString, entries);
    QCOMPARE(describe(outlineOf(post)), entries);
}

void tst_OutlineModel::model()
{
    OutlineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setPost(u"# A\n\n## B\n\ntext\n\n## C");
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("B"));
    QCOMPARE(model.index(1, 0).data(OutlineModel::LevelRole).toInt(), 2);
    QCOMPARE(model.index(2, 0).data(OutlineModel::LineRole).toInt(), 7);
    QCOMPARE(model.rowForLine(5), 1);
    QCOMPARE(model.rowForLine(1), 0);
    QCOMPARE(resets.size(), 1);
    model.setPost(u"# A\n\n## B\n\nmore text\n\n## C"); // headings unchanged: no reset
    QCOMPARE(resets.size(), 1);
    model.setPost(u"text");
    QCOMPARE(resets.size(), 2);
    QCOMPARE(model.rowForLine(1), -1);
}

// Every page of Hugo's documentation: headings are the ATX lines outside fences and front matter.
void tst_OutlineModel::hugoDocsCorpus()
{
    const QString page = QStringLiteral(POSTWRIGHT_TEST_DATA_DIR
                                        "/hugo-docs/content/en/content-management/front-matter.md");
    QFile file(page);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QList<OutlineEntry> entries = outlineOf(text);
    QVERIFY(entries.size() >= 5);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const OutlineEntry &entry : entries) {
        QVERIFY2(lines.at(entry.line - 1).startsWith(QLatin1Char('#')),
                 qPrintable(lines.at(entry.line - 1)));
        QVERIFY(!entry.text.isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_OutlineModel)
#include "tst_outlinemodel.moc"
