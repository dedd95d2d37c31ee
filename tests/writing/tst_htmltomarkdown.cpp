#include "writing/htmltomarkdown.h"

#include <QGuiApplication>
#include <QTest>

using namespace pw;

class tst_HtmlToMarkdown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convert_data();
    void convert();
};

void tst_HtmlToMarkdown::convert_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("markdown");

    QTest::newRow("nominal: inline fragment stays inline")
        << "<meta charset='utf-8'><span>Hello <b>bold</b> and <i>italic</i></span>"
        << "Hello **bold** and *italic*";
    QTest::newRow("nominal: browser fragment markers are dropped")
        << "<html><body><!--StartFragment--><a href=\"https://gohugo.io/\">Hugo</a> "
           "site<!--EndFragment--></body></html>"
        << "[Hugo](https://gohugo.io/) site";
    QTest::newRow("nominal: heading and paragraphs") << "<h2>Setup</h2><p>First.</p><p>Second.</p>"
                                                     << "## Setup\n\nFirst.\n\nSecond.";
    QTest::newRow("nominal: bullet list") << "<ul><li>one</li><li>two</li></ul>"
                                          << "- one\n- two";
    QTest::newRow("nominal: ordered list") << "<ol><li>one</li><li>two</li></ol>"
                                           << "1. one\n2. two";
    QTest::newRow("nominal: inline code") << "<p>Run <code>hugo server</code> now</p>"
                                          << "Run `hugo server` now";
    QTest::newRow("nominal: code block") << "<pre>line 1\nline 2</pre>"
                                         << "```\nline 1\nline 2\n```";
    QTest::newRow("nominal: code block keeps blank lines and indentation")
        << "<pre>a\n\nb\n  c</pre>"
        << "```\na\n\nb\n  c\n```";
    QTest::newRow("nominal: nested list") << "<ul><li>a<ul><li>b</li></ul></li></ul>"
                                          << "- a\n  - b";
    QTest::newRow("nominal: table")
        << "<table><tr><th>h</th><th>i</th></tr><tr><td>1</td><td>2</td></tr></table>"
        << "|h|i|\n|-|-|\n|1|2|";
    QTest::newRow("nominal: quote") << "<blockquote>q</blockquote>"
                                    << "> q";
    QTest::newRow("nominal: image") << "<img src=\"https://example.com/a.png\" alt=\"A\">"
                                    << "![A](https://example.com/a.png)";
    QTest::newRow("robustness: styling soup is dropped")
        << "<div style=\"font-family:Arial;color:#333\"><span style=\"font-size:14px\">Plain "
           "<span class=\"x\">words</span></span></div>"
        << "Plain words";
    QTest::newRow("robustness: script content never appears")
        << "<p>Text</p><script>alert(1)</script>"
        << "Text";
    QTest::newRow("robustness: empty") << ""
                                       << "";
}

void tst_HtmlToMarkdown::convert()
{
    QFETCH(QString, html);
    QFETCH(QString, markdown);
    QCOMPARE(htmlToMarkdown(html), markdown);
}

QTEST_MAIN(tst_HtmlToMarkdown)
#include "tst_htmltomarkdown.moc"
