// sanitizeHtml(): what a hostile post's raw HTML becomes. Each row is the exact output, so a
// change that lets anything through, or that mangles safe HTML, shows up as a diff.

#include "markdown/markdownrenderer.h"

#include <QTest>

using namespace pw;

class tst_HtmlSanitizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sanitize_data();
    void sanitize();
    void idempotent_data() { sanitize_data(); }
    void idempotent();
};

void tst_HtmlSanitizer::sanitize_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    // What cmark-gfm writes stays byte for byte.
    QTest::newRow("nominal: cmark output is untouched")
        << "<p data-sourcepos=\"1:1-1:5\"><a href=\"https://x.org/?a=1&amp;b=2\" title=\"t\">x</a> "
           "<img src=\"/images/a.png\" alt=\"a\" /> <code>&lt;b&gt;</code></p>\n"
        << "<p data-sourcepos=\"1:1-1:5\"><a href=\"https://x.org/?a=1&amp;b=2\" title=\"t\">x</a> "
           "<img src=\"/images/a.png\" alt=\"a\" /> <code>&lt;b&gt;</code></p>\n";
    QTest::newRow("nominal: relative, fragment and mailto links stay")
        << "<a href=\"../other/\">a</a><a href=\"#fn-1\">b</a><a href=\"mailto:a@b.c\">c</a>"
           "<a href=\"page:1\">d</a><a href=\"foo):\">e</a><a href=\"x/y:z\">f</a>"
        << "<a href=\"../other/\">a</a><a href=\"#fn-1\">b</a><a href=\"mailto:a@b.c\">c</a>"
           "<a href=\"\">d</a><a href=\"foo):\">e</a><a href=\"x/y:z\">f</a>";
    QTest::newRow("nominal: comments stay") << "<!-- note -->x<!---->"
                                            << "<!-- note -->x<!---->";
    QTest::newRow("nominal: local style stays")
        << "<style>.x { color: red; background: url(/images/bg.png) }</style><p "
           "style=\"color:red\">a</p>"
        << "<style>.x { color: red; background: url(/images/bg.png) }</style><p "
           "style=\"color:red\">a</p>";
    QTest::newRow("nominal: a png data image stays") << "<img src=\"data:image/png;base64,iVBO\">"
                                                     << "<img src=\"data:image/png;base64,iVBO\">";
    QTest::newRow("nominal: a task-list checkbox is always disabled")
        << "<input type=\"checkbox\" checked>"
        << "<input type=\"checkbox\" checked disabled=\"\">";

    QTest::newRow("robustness: script element and its content")
        << "a<script>alert(1)</script>b<SCRIPT src=//x.org/a.js></SCRIPT >c"
        << "abc";
    QTest::newRow("robustness: script text that looks like markup")
        << "<script>document.write('</scr'+'ipt><img src=x onerror=alert(1)>')</script>ok"
        << "ok";
    QTest::newRow("robustness: event handler attributes")
        << "<img src=\"x\" onerror=\"alert(1)\"><div ONCLICK=alert(2) class=c>d</div>"
           "<p/onmouseover=alert(3)>e</p>"
        << "<img src=\"x\"><div class=\"c\">d</div><p>e</p>";
    QTest::newRow("robustness: svg onload and everything inside svg")
        << "<svg onload=alert(1)><script>alert(2)</script><a "
           "xlink:href=\"javascript:x\">t</a></svg>ok"
        << "ok";
    QTest::newRow("robustness: javascript links, however spelled")
        << "<a href=\"javascript:alert(1)\">1</a><a href=\" JaVaScRiPt:alert(2)\">2</a>"
           "<a href=\"java&#x09;script:alert(3)\">3</a><a href=\"javascript&colon;alert(4)\">4</a>"
           "<a href=\"&#106;avascript:alert(5)\">5</a><a href=\"&#0000106avascript:alert(6)\">6</a>"
           "<a href=\"vbscript:msgbox(7)\">7</a><a href='java\nscript:alert(8)'>8</a>"
        << "<a href=\"\">1</a><a href=\"\">2</a><a href=\"\">3</a><a href=\"\">4</a>"
           "<a href=\"\">5</a><a href=\"\">6</a><a href=\"\">7</a><a href=\"\">8</a>";
    QTest::newRow("robustness: data URLs that are documents or scripts")
        << "<a href=\"data:text/html,<script>alert(1)</script>\">1</a>"
           "<img src=\"data:image/svg+xml,<svg onload=alert(2)>\">"
           "<img src=\"data:text/html;base64,PHNjcmlwdD4=\">"
        << "<a href=\"\">1</a><img src=\"\"><img src=\"\">";
    QTest::newRow("robustness: iframe, object, embed, applet")
        << "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe><object data=x.swf>o</object>"
           "<embed src=x.swf><applet code=x>a</applet>after"
        << "after";
    QTest::newRow("robustness: meta refresh, base and link")
        << "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><base "
           "href=\"https://evil/\">"
           "<link rel=stylesheet href=https://evil/x.css>text"
        << "text";
    QTest::newRow("robustness: forms and their controls")
        << "<form action=\"https://evil/\"><input name=q><button formaction=x>go</button>"
           "<textarea>t</textarea><select><option>o</select></form>"
        << "<input disabled=\"\">go";
    QTest::newRow("robustness: remote url in style element and attribute")
        << "<style>body{background:url(https://evil/t.png)}</style>"
           "<p style=\"background:url('//evil/t.png')\">a</p>"
           "<style>@import 'x.css';</style><p style=\"width:expression(alert(1))\">b</p>"
           "<p style=\"background:u\\72l(x)\">c</p>"
        << "<p>a</p><p>b</p><p>c</p>";
    QTest::newRow("robustness: target and name attributes")
        << "<a href=\"https://x.org\" target=\"_blank\" name=\"cookie\" rel=\"opener\">x</a>"
        << "<a href=\"https://x.org\">x</a>";
    QTest::newRow("robustness: unknown elements keep their text")
        << "<custom-thing foo=bar>inside</custom-thing><blink>b</blink>"
        << "inside"
           "b";
    QTest::newRow("robustness: bogus comments and processing instructions")
        << "<?php echo 1; ?>a<![CDATA[ x > <img src=x onerror=alert(1)> ]]>b<!DOCTYPE html>c</ 1>d"
        << "a <img src=\"x\"> ]]>bcd";
    QTest::newRow("robustness: comment closed early the way browsers close it")
        << "<!--><img src=x onerror=alert(1)>--><!-- a --!><img src=y onerror=alert(2)>"
        << "<!----><img src=\"x\">--><!-- a --><img src=\"y\">";
    QTest::newRow("robustness: unfinished tag at the end") << "ok<img src=x onerror=\"alert(1)"
                                                           << "ok";
    QTest::newRow("robustness: unclosed script hides the rest") << "ok<script>alert(1)<p>more</p>"
                                                                << "ok";
    QTest::newRow("robustness: duplicate attribute keeps the first, as browsers do")
        << "<a href=\"https://ok\" href=\"javascript:alert(1)\">x</a>"
           "<a href=\"javascript:alert(2)\" href=\"https://ok\">y</a>"
        << "<a href=\"https://ok\">x</a><a href=\"\">y</a>";
    QTest::newRow("robustness: quotes inside single-quoted values")
        << "<a title='say \"hi\" onmouseover=alert(1)'>x</a>"
        << "<a title=\"say &quot;hi&quot; onmouseover=alert(1)\">x</a>";
    QTest::newRow("robustness: noscript, template, math")
        << "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"
           "<template><img src=x onerror=alert(2)></template><math><mi>x</mi></math>z"
        << "<img src=\"x\">\">z";
    QTest::newRow("robustness: stray less-than signs") << "a < b <3 <"
                                                       << "a &lt; b &lt;3 &lt;";
}

void tst_HtmlSanitizer::sanitize()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(sanitizeHtml(html), expected);
}

// Sanitizing what was sanitized changes nothing: the output is a fixed point, so nothing in it
// is read differently the second time (by us or, the same way, by the browser).
void tst_HtmlSanitizer::idempotent()
{
    QFETCH(QString, html);
    const QString once = sanitizeHtml(html);
    QCOMPARE(sanitizeHtml(once), once);
}

QTEST_GUILESS_MAIN(tst_HtmlSanitizer)
#include "tst_htmlsanitizer.moc"
