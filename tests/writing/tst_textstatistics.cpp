#include "writing/textstatistics.h"

#include <QTest>

using namespace pw;

class tst_TextStatistics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statistics_data();
    void statistics();
};

void tst_TextStatistics::statistics_data()
{
    QTest::addColumn<QString>("post");
    QTest::addColumn<int>("words");
    QTest::addColumn<int>("characters");
    QTest::addColumn<int>("minutes");

    QTest::newRow("nominal: front matter is not counted")
        << "---\ntitle: Many words in the title\ntags: [a, b]\n---\nTwo words" << 2 << 9 << 1;
    QTest::newRow("nominal: markdown markers are not words")
        << "# Title\n\n- **one** _two_\n> three" << 4 << 29 << 1;
    QTest::newRow("nominal: link targets are not words")
        << "[the docs](https://gohugo.io/documentation/) ![alt text](img/a.png)" << 4 << 67 << 1;
    QTest::newRow("nominal: contractions and hyphens join")
        << "don't well-known it’s" << 3 << 21 << 1;
    QTest::newRow("nominal: a bare URL is one word")
        << "see https://example.com/a-b-c now" << 3 << 33 << 1;
    QTest::newRow("nominal: html tags and shortcodes are not words")
        << "<span class=\"x\">word</span> {{< figure src=\"a.png\" >}}" << 1 << 54 << 1;
    QTest::newRow("nominal: reading time rounds up")
        << QString(QStringLiteral("word ")).repeated(214) << 214 << 1070 << 2;
    QTest::newRow("nominal: toml front matter") << "+++\ntitle = \"x y\"\n+++\nbody" << 1 << 4 << 1;
    QTest::newRow("robustness: unclosed front matter is body") << "---\ntitle: x" << 2 << 11 << 1;
    QTest::newRow("robustness: empty body") << "---\ntitle: x\n---\n" << 0 << 0 << 0;
    QTest::newRow("robustness: CRLF does not count") << "a b\r\nc\r\n" << 3 << 4 << 1;
    QTest::newRow("robustness: non-latin words") << "Привет мир" << 2 << 10 << 1;
}

void tst_TextStatistics::statistics()
{
    QFETCH(QString, post);
    QFETCH(int, words);
    QFETCH(int, characters);
    QFETCH(int, minutes);
    const TextStatistics stats = TextStatistics::of(post);
    QCOMPARE(stats.words, words);
    QCOMPARE(stats.characters, characters);
    QCOMPARE(stats.readingMinutes, minutes);
}

QTEST_GUILESS_MAIN(tst_TextStatistics)
#include "tst_textstatistics.moc"
