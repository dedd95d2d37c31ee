// renderMarkdown(): GFM extensions, footnotes, source positions, headings and shortcode
// placeholders, including the bug reports B14 (pipes in code spans in tables) and B15 (footnotes in
// table cells).

#include "markdown/markdownrenderer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pw;

namespace {

RenderOptions withoutPositions()
{
    RenderOptions options;
    options.sourcePositions = false;
    return options;
}

} // namespace

class tst_MarkdownRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactHtml_data();
    void exactHtml();
    void fragments_data();
    void fragments();
    void shortcodesOffLeavesThemAsText();
    void footnoteInTableCell();
    void sourcePositionsCountInTheWholeFile_data();
    void sourcePositionsCountInTheWholeFile();
    void headings();
    void math_data();
    void math();
    void blocksDoNotDependOnTheirPosition_data();
    void blocksDoNotDependOnTheirPosition();
    void footnotesAreTheLastBlock();
    void htmlLeftOpenKeepsItsBlocks_data();
    void htmlLeftOpenKeepsItsBlocks();
    void shortcodesKeepLineNumbers();
    void largeInputRendersQuickly();
};

void tst_MarkdownRenderer::exactHtml_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("html");

    QTest::newRow("nominal: table with alignment")
        << "| a | b |\n|:--|--:|\n| 1 | 2 |\n"
        << "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n"
           "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n"
           "<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n";
    QTest::newRow("nominal: task list")
        << "- [ ] open\n- [x] done\n"
        << "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> open</li>\n"
           "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n";
    QTest::newRow("nominal: strikethrough") << "~~gone~~ here\n"
                                            << "<p><del>gone</del> here</p>\n";
    QTest::newRow("nominal: autolink of a bare www address")
        << "see www.example.com now\n"
        << "<p>see <a href=\"http://www.example.com\">www.example.com</a> now</p>\n";
    QTest::newRow("nominal: autolink of a bare email address")
        << "mail me@example.com\n"
        << "<p>mail <a href=\"mailto:me@example.com\">me@example.com</a></p>\n";
    QTest::newRow("nominal: fenced code keeps its language class")
        << "```cpp\nint x;\n```\n"
        << "<pre><code class=\"language-cpp\">int x;\n</code></pre>\n";
    // B14: GitHub splits cells at '|' even inside backticks; only "\|" keeps it in the cell.
    QTest::newRow("nominal: B14 pipe in a code span splits the cell as on GitHub")
        << "| Command | Done |\n|---|---|\n| `ls | wc -l` | yes |\n| `ls \\| wc -l` | yes |\n"
        << "<table>\n<thead>\n<tr>\n<th>Command</th>\n<th>Done</th>\n</tr>\n</thead>\n<tbody>\n"
           "<tr>\n<td>`ls</td>\n<td>wc -l`</td>\n</tr>\n"
           "<tr>\n<td><code>ls | wc -l</code></td>\n<td>yes</td>\n</tr>\n</tbody>\n</table>\n";
    QTest::newRow("nominal: safe raw HTML is kept")
        << "<details><summary>More</summary>\n\nText\n\n</details>\n"
        << "<details><summary>More</summary>\n<p>Text</p>\n</details>\n";
    QTest::newRow("robustness: B17 fenced-code info string cannot open a tag")
        << "```\"><img src=x onerror=alert(6)>\ncode\n```\n"
        << "<pre><code class=\"language-&quot;&gt;&lt;img\">code\n</code></pre>\n";
    QTest::newRow("robustness: a script tag does not survive")
        << "Hi\n\n<script>alert(1)</script>\n\nafter\n"
        << "<p>Hi</p>\n&lt;script>alert(1)&lt;/script>\n<p>after</p>\n";
    QTest::newRow("robustness: javascript: link in Markdown loses its target")
        << "[click](javascript:alert(1))\n"
        << "<p><a href=\"\">click</a></p>\n";
    QTest::newRow("robustness: empty input") << ""
                                             << "";
}

void tst_MarkdownRenderer::exactHtml()
{
    QFETCH(QString, markdown);
    QFETCH(QString, html);
    QCOMPARE(renderMarkdown(markdown, withoutPositions()).html, html);
}

void tst_MarkdownRenderer::fragments_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    QTest::newRow("nominal: footnotes are parsed")
        << "Text[^1]\n\n[^1]: the note\n"
        << QStringList{"<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\"",
                       "<section class=\"footnotes\" data-footnotes", "<li id=\"fn-1\">",
                       "the note"}
        << QStringList{"[^1]"};
    QTest::newRow("nominal: Hugo shortcode becomes a placeholder")
        << "Look: {{< figure src=\"a.png\" title=\"A *b*\" >}} done\n"
        << QStringList{"<span class=\"pw-shortcode\" title=\"{{&lt; figure src=&quot;a.png&quot; "
                       "title=&quot;A *b*&quot; &gt;}}\">figure src=&quot;a.png&quot; "
                       "title=&quot;A *b*&quot;</span>",
                       " done"}
        << QStringList{"<em>", "{{<"};
    QTest::newRow("nominal: paired markdown shortcode keeps its inner Markdown")
        << "{{% note %}}\n**Bold** inside\n{{% /note %}}\n"
        << QStringList{">note</span>\n<strong>Bold</strong>", ">/note</span></p>"}
        << QStringList{"<p>{{%", "%}}</p>"};
    QTest::newRow("nominal: Liquid tag becomes a placeholder")
        << "{% include figure.html src=\"x.png\" %}\n"
        << QStringList{">include figure.html src=&quot;x.png&quot;</span>"}
        << QStringList{"<p>{%", "%}</p>"};
    QTest::newRow("nominal: escaped Hugo shortcode shows as written on the site")
        << "Use `{{</* ref \"x\" */>}}` or {{</* ref \"y\" */>}}\n"
        << QStringList{"<code>{{&lt; ref &quot;x&quot; &gt;}}</code>",
                       "or {{&lt; ref &quot;y&quot; &gt;}}"}
        << QStringList{"pw-shortcode", "/*"};
    QTest::newRow("nominal: shortcodes in table cells are kept")
        << "| {{< x >}} | a |\n|---|---|\n| {{</* y */>}} | b |\n"
        << QStringList{"<th><span class=\"pw-shortcode\" title=\"{{&lt; x &gt;}}\">x</span></th>",
                       "<td>{{&lt; y &gt;}}</td>"}
        << QStringList{"<th></th>", "<td></td>"};
    QTest::newRow("nominal: shortcode in a link target stays a target")
        << "[other]({{< ref \"other.md\" >}})\n"
        << QStringList{"<a href=\"%7B%7B%3C%20ref%20%22other.md%22%20%3E%7D%7D\">other</a>"}
        << QStringList{"pw-shortcode"};
    QTest::newRow("nominal: shortcode in an image's alt text stays text")
        << "![{{< x >}}](a.png)\n"
        << QStringList{"<img src=\"a.png\" alt=\"{{&lt; x &gt;}}\" />"} << QStringList{"<span"};
    QTest::newRow("robustness: B17 raw HTML loses handlers, javascript: and iframes")
        << "<a href=\"javascript:alert(2)\">two</a>\n\n<img src=\"x\" onerror=\"alert(3)\">\n\n"
           "<div onclick=\"alert(4)\">box</div>\n\n"
           "<iframe srcdoc=\"<script>alert(5)</script>\"></iframe>\n"
        << QStringList{"<a href=\"\">two</a>", "<img src=\"x\">", "<div>box</div>"}
        << QStringList{"javascript", "onerror", "onclick", "<iframe"};
    QTest::newRow("robustness: private-use characters in the text are left alone")
        << QString::fromUtf8("a \uE0001\uE001 {{< x >}}\n")
        << QStringList{QString::fromUtf8("\uE0001\uE001"), "{{&lt; x &gt;}}"}
        << QStringList{"pw-shortcode"};
    QTest::newRow("robustness: a shortcode never swallows a blank line")
        << "{{< open\n\nparagraph >}}\n"
        << QStringList{"<p>paragraph &gt;}}</p>"} << QStringList{"pw-shortcode"};
}

void tst_MarkdownRenderer::fragments()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const QString html = renderMarkdown(markdown, withoutPositions()).html;
    for (const QString &fragment : std::as_const(present))
        QVERIFY2(html.contains(fragment), qPrintable("missing " + fragment + " in:\n" + html));
    for (const QString &fragment : std::as_const(absent))
        QVERIFY2(!html.contains(fragment), qPrintable("unexpected " + fragment + " in:\n" + html));
}

// B15: the reference in the cell is a real footnote reference, and one footnote has two back-links.
void tst_MarkdownRenderer::shortcodesOffLeavesThemAsText()
{
    RenderOptions options = withoutPositions();
    options.shortcodePlaceholders = false;
    QCOMPARE(renderMarkdown("{{< x >}}\n", options).html, QString("<p>{{&lt; x &gt;}}</p>\n"));
}

void tst_MarkdownRenderer::footnoteInTableCell()
{
    const QString markdown = "Intro[^1]\n\n| A | B |\n|---|---|\n| cell [^1] | x |\n\n"
                             "Also[^missing].\n\n[^1]: the note\n";
    const QString html = renderMarkdown(markdown, withoutPositions()).html;
    QVERIFY2(html.contains("<td>cell <sup class=\"footnote-ref\"><a href=\"#fn-1\" "
                           "id=\"fnref-1-2\" data-footnote-ref>1</a></sup></td>"),
             qPrintable(html));
    QVERIFY(html.contains("id=\"fnref-1\""));
    QCOMPARE(html.count("<section class=\"footnotes\" data-footnotes>"), 1);
    QCOMPARE(html.count("<li id=\"fn-1\">"), 1);
    QCOMPARE(html.count("data-footnote-backref"), 2);
    QVERIFY(html.contains("Also[^missing]."));
}

void tst_MarkdownRenderer::sourcePositionsCountInTheWholeFile_data()
{
    QTest::addColumn<int>("lineOffset");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nominal: no front matter") << 0 << "data-sourcepos=\"4:1-5:4\"";
    QTest::newRow("nominal: body after five lines of front matter")
        << 5 << "data-sourcepos=\"9:1-10:4\"";
}

void tst_MarkdownRenderer::sourcePositionsCountInTheWholeFile()
{
    QFETCH(int, lineOffset);
    QFETCH(QString, expected);
    RenderOptions options;
    options.lineOffset = lineOffset;
    // The shortcode spans two lines; positions after it must still be right.
    const QString html = renderMarkdown("{{< a\nb >}}\n\nline\nline\n", options).html;
    QVERIFY2(html.contains("<p " + expected + ">line\nline</p>"), qPrintable(html));
}

void tst_MarkdownRenderer::headings()
{
    RenderOptions options;
    options.lineOffset = 4;
    const RenderedPost post = renderMarkdown(
        "# Title with `code` and *em*\n\ntext\n\nSetext\n---\n\n### {{< param x >}} here\n\n"
        "> # not top level\n",
        options);
    QCOMPARE(post.headings.size(), 3);
    QCOMPARE(post.headings[0].level, 1);
    QCOMPARE(post.headings[0].text, QString("Title with code and em"));
    QCOMPARE(post.headings[0].line, 5);
    QCOMPARE(post.headings[1].level, 2);
    QCOMPARE(post.headings[1].text, QString("Setext"));
    QCOMPARE(post.headings[1].line, 9);
    QCOMPARE(post.headings[2].level, 3);
    QCOMPARE(post.headings[2].text, QString("{{< param x >}} here"));
    QCOMPARE(post.headings[2].line, 12);
}

void tst_MarkdownRenderer::math_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("html");
    QTest::newRow("nominal: inline math")
        << "Euler: $e^{i\\pi} + 1 = 0$.\n"
        << "<p>Euler: <span class=\"math inline\">\\(e^{i\\pi} + 1 = 0\\)</span>.</p>\n";
    QTest::newRow("nominal: underscores and stars inside are not emphasis")
        << "$a_b * c_d$ and $x*y*z$\n"
        << "<p><span class=\"math inline\">\\(a_b * c_d\\)</span> and "
           "<span class=\"math inline\">\\(x*y*z\\)</span></p>\n";
    QTest::newRow("nominal: backslashes reach KaTeX as written")
        << "$\\{a\\} \\\\ \\$5$\n"
        << "<p><span class=\"math inline\">\\(\\{a\\} \\\\ \\$5\\)</span></p>\n";
    QTest::newRow("nominal: display math") << "$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$\n"
                                           << "<p><span class=\"math display\">\\[\n\\sum_{i=1}^n "
                                              "i = \\frac{n(n+1)}{2}\n\\]</span></p>\n";
    QTest::newRow("nominal: display math in running text")
        << "Energy: $$E = mc^2$$ and more\n"
        << "<p>Energy: <span class=\"math display\">\\[E = mc^2\\]</span> and more</p>\n";
    QTest::newRow("nominal: math in a list item and a table cell")
        << "- $x_1$\n\n| a |\n|---|\n| $y_2$ |\n"
        << "<ul>\n<li><span class=\"math inline\">\\(x_1\\)</span></li>\n</ul>\n<table>\n"
           "<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
           "<td><span class=\"math inline\">\\(y_2\\)</span></td>\n</tr>\n</tbody>\n</table>\n";
    QTest::newRow("nominal: the TeX is HTML-escaped")
        << "$a<b>c & \"d\"$\n"
        << "<p><span class=\"math inline\">\\(a&lt;b&gt;c &amp; &quot;d&quot;\\)</span></p>\n";
    QTest::newRow("nominal: \\( \\) inline and \\[ \\] display, single backslashes")
        << "A \\(a_b * c_d\\) and\n\\[\n\\frac{1}{2} \\\\ x\n\\]\n"
        << "<p>A <span class=\"math inline\">\\(a_b * c_d\\)</span> and\n"
           "<span class=\"math display\">\\[\n\\frac{1}{2} \\\\ x\n\\]</span></p>\n";
    QTest::newRow("nominal: \\( inside $ math and $ inside \\( math")
        << "$\\(x\\)$ and \\($5\\)\n"
        << "<p><span class=\"math inline\">\\(\\(x\\)\\)</span> and "
           "<span class=\"math inline\">\\($5\\)</span></p>\n";
    QTest::newRow("robustness: escaped brackets in prose are brackets, not display math")
        << "See \\[citation needed\\] and \\[1\\].\n\\[x\\] starts a line, ends none\n"
        << "<p>See [citation needed] and [1].\n[x] starts a line, ends none</p>\n";
    QTest::newRow("nominal: \\[ \\] on one line of its own is display math")
        << "Energy:\n\\[E = mc^2\\]  \nmore\n"
        << "<p>Energy:\n<span class=\"math display\">\\[E = mc^2\\]</span><br />\nmore</p>\n";
    QTest::newRow("robustness: a lone \\( is an escaped bracket")
        << "a \\( b \\] c [x](y\\(z)\n"
        << "<p>a ( b ] c <a href=\"y(z\">x</a></p>\n";
    QTest::newRow("robustness: \\\\( is a backslash and a bracket") << "\\\\(x\\\\)\n"
                                                                    << "<p>\\(x\\)</p>\n";
    QTest::newRow("robustness: \\( in code stays as written")
        << "`\\(x\\)`\n\n```\n\\[y\\]\n```\n\n<span title=\"\\(\">z</span>\n"
        << "<p><code>\\(x\\)</code></p>\n<pre><code>\\[y\\]\n</code></pre>\n"
           "<p><span title=\"\\(\">z</span></p>\n";
    QTest::newRow("robustness: C1 control characters in the text are left alone")
        << QString::fromUtf8("\u0080 \\(x\\)\n") << QString::fromUtf8("<p>\u0080 (x)</p>\n");
    QTest::newRow("robustness: amounts of money are text") << "$5 and $10\n"
                                                           << "<p>$5 and $10</p>\n";
    QTest::newRow("robustness: a dollar followed by a space is text")
        << "costs $ 5 or $x$\n"
        << "<p>costs $ 5 or <span class=\"math inline\">\\(x\\)</span></p>\n";
    QTest::newRow("robustness: a closing dollar followed by a digit does not close")
        << "from $a$5 on\n"
        << "<p>from $a$5 on</p>\n";
    QTest::newRow("robustness: a closing dollar after a space does not close") << "$a $ b\n"
                                                                               << "<p>$a $ b</p>\n";
    QTest::newRow("robustness: an escaped dollar is a dollar") << "\\$x$ is $\n"
                                                               << "<p>$x$ is $</p>\n";
    QTest::newRow("robustness: nothing in a code span is math")
        << "`$a_b$` and `$$x$$`\n"
        << "<p><code>$a_b$</code> and <code>$$x$$</code></p>\n";
    QTest::newRow("robustness: nothing in a code block is math")
        << "```\n$a_b$\n```\n\n    $$x$$\n"
        << "<pre><code>$a_b$\n</code></pre>\n<pre><code>$$x$$\n</code></pre>\n";
    QTest::newRow("robustness: unclosed math is text") << "$a_b and *c*\n"
                                                       << "<p>$a_b and <em>c</em></p>\n";
    QTest::newRow("robustness: empty display math is text") << "$$$$\n"
                                                            << "<p>$$$$</p>\n";
    QTest::newRow("robustness: a script in math stays text")
        << "$</span><script>alert(1)</script>$\n"
        << "<p><span class=\"math inline\">\\(&lt;/span&gt;&lt;script&gt;alert(1)&lt;/"
           "script&gt;\\)</span></p>\n";
    QTest::newRow("robustness: math in an image's description stays as written")
        << "![alt $y$](a.png)\n"
        << "<p><img src=\"a.png\" alt=\"alt $y$\" /></p>\n";
    QTest::newRow("robustness: an image's description keeps each math's own delimiters")
        << "![a \\(x\\) $$z$$ $<b>$](b.png)\n"
        << "<p><img src=\"b.png\" alt=\"a \\(x\\) $$z$$ $&lt;b&gt;$\" /></p>\n";
    QTest::newRow("robustness: math beside an image in a link is typeset")
        << "[![$y$](a.png) and $z$](u)\n"
        << "<p><a href=\"u\"><img src=\"a.png\" alt=\"$y$\" /> and "
           "<span class=\"math inline\">\\(z\\)</span></a></p>\n";
    QTest::newRow("robustness: math does not run past its paragraph") << "$a\n\nb$\n"
                                                                      << "<p>$a</p>\n<p>b$</p>\n";
}

void tst_MarkdownRenderer::math()
{
    QFETCH(QString, markdown);
    QFETCH(QString, html);
    QCOMPARE(renderMarkdown(markdown, withoutPositions()).html, html);
}

void tst_MarkdownRenderer::blocksDoNotDependOnTheirPosition_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("inserted"); // at the start of the text
    QTest::addColumn<int>("addedBlocks");
    QTest::addColumn<int>("lineShift");
    const QString post = "# Title\n\nText with *em*\nand a second line.\n\n- one\n- two\n\n"
                         "```cpp\nint x;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n";
    QTest::newRow("nominal: a paragraph typed above") << post << "New paragraph.\n\n" << 1 << 2;
    QTest::newRow("nominal: blank lines added above") << post << "\n\n\n" << 0 << 3;
    QTest::newRow("nominal: a three-line block above") << post << "```\na\n```\n" << 1 << 3;
    QTest::newRow("robustness: raw HTML above") << post << "<div>\nx\n</div>\n\n" << 1 << 4;
}

// Text typed above a block changes neither its HTML nor its hash, only its first line: so the
// preview sends only the blocks that really changed.
void tst_MarkdownRenderer::blocksDoNotDependOnTheirPosition()
{
    QFETCH(QString, before);
    QFETCH(QString, inserted);
    QFETCH(int, addedBlocks);
    QFETCH(int, lineShift);
    const RenderedPost old = renderMarkdown(before);
    const RenderedPost now = renderMarkdown(inserted + before);
    QCOMPARE(now.blocks.size(), old.blocks.size() + addedBlocks);
    QCOMPARE(old.blocks.size(), 6);
    for (qsizetype i = 0; i < old.blocks.size(); ++i) {
        const RenderedBlock &was = old.blocks[i];
        const RenderedBlock &is = now.blocks[i + addedBlocks];
        QCOMPARE(is.html, was.html);
        QCOMPARE(is.hash, was.hash);
        QCOMPARE(is.firstLine, was.firstLine + lineShift);
        QCOMPARE(is.lastLine - is.firstLine, was.lastLine - was.firstLine);
    }
    // Inside a block, lines count from its first line; the document counts them in the file.
    QVERIFY2(old.blocks[1].html.startsWith("<p data-sourcepos=\"1:1-2:18\">"),
             qPrintable(old.blocks[1].html));
    QVERIFY2(old.html.contains("<p data-sourcepos=\"3:1-4:18\">"), qPrintable(old.html));
    QVERIFY2(old.html.contains("<li data-sourcepos=\"6:1-6:5\">"), qPrintable(old.html));
    QCOMPARE(joinBlocks(now.blocks), now.html);
}

void tst_MarkdownRenderer::footnotesAreTheLastBlock()
{
    RenderOptions options;
    options.lineOffset = 10;
    const RenderedPost post = renderMarkdown(
        "A[^n] note.\n\n[^n]: The note\n    goes on.\n\nLast paragraph.\n", options);
    QCOMPARE(post.blocks.size(), 3);
    QVERIFY2(post.blocks[1].html.startsWith("<p data-sourcepos=\"1:1-1:15\">Last"),
             qPrintable(post.blocks[1].html));
    QVERIFY2(post.blocks[2].html.startsWith("<section class=\"footnotes\""),
             qPrintable(post.blocks[2].html));
    QCOMPARE(post.blocks[2].firstLine, 13);
    QCOMPARE(post.blocks[2].lastLine, 15); // cmark-gfm counts the blank line after it
    QCOMPARE(post.blocks[1].firstLine, 16);
    QCOMPARE(post.html.count("<section"), 1);
}

void tst_MarkdownRenderer::htmlLeftOpenKeepsItsBlocks_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QList<int>>("firstLines"); // of the blocks, in the file
    QTest::newRow("nominal: balanced raw HTML is a block of its own")
        << "<div>\nx\n</div>\n\nText\n"
        << QList<int>{1, 5};
    QTest::newRow("robustness: <details> around Markdown is one block")
        << "<details>\n<summary>Sum</summary>\n\nhidden text here\n\n</details>\n\nAfter\n"
        << QList<int>{1, 8};
    QTest::newRow("robustness: a <div class> around Markdown is one block")
        << "Before\n\n<div class=\"note\">\n\n**bold** and\n\n- a list\n\n</div>\n\nAfter\n"
        << QList<int>{1, 3, 11};
    QTest::newRow("robustness: nested elements close at the outer end tag")
        << "<div>\n\n<details>\n\ntext\n\n</details>\n\nmore\n\n</div>\n\nAfter\n"
        << QList<int>{1, 13};
    QTest::newRow("robustness: an element never closed takes the rest of the document")
        << "a\n\n<div>\n\nb\n\nc\n"
        << QList<int>{1, 3};
    QTest::newRow("robustness: a stray end tag closes nothing")
        << "</div>\n\na\n\n<div>x</div>\n\nb\n"
        << QList<int>{1, 3, 5, 7};
    QTest::newRow("robustness: void elements, <p> and comments leave nothing open")
        << "<p>\n<img src=\"a.png\"><br>\n\na\n\n<!-- <div> -->\n\nb\n"
        << QList<int>{1, 4, 6, 8};
    QTest::newRow("robustness: footnotes stay the last block after an open element")
        << "A[^n]\n\n<div>\n\nb\n\n[^n]: note\n"
        << QList<int>{1, 3, 7};
}

// The page parses each block on its own: raw HTML that leaves an element open keeps the blocks
// up to its end tag in the same block, so they nest in it as in the whole document.
void tst_MarkdownRenderer::htmlLeftOpenKeepsItsBlocks()
{
    QFETCH(QString, markdown);
    QFETCH(QList<int>, firstLines);
    RenderOptions options;
    options.lineOffset = 2;
    const RenderedPost post = renderMarkdown(markdown, options);
    QList<int> lines;
    for (const RenderedBlock &block : post.blocks)
        lines.append(block.firstLine - options.lineOffset);
    QCOMPARE(lines, firstLines);
    QCOMPARE(joinBlocks(post.blocks), post.html);
}

void tst_MarkdownRenderer::shortcodesKeepLineNumbers()
{
    const QString markdown = "{{< figure\n  src=\"a.png\"\n  alt=\"b\" >}}\n\n# After\n";
    const RenderedPost post = renderMarkdown(markdown);
    QCOMPARE(post.headings.size(), 1);
    QCOMPARE(post.headings[0].line, 5);
    QVERIFY2(post.html.contains(">figure src=&quot;a.png&quot; alt=&quot;b&quot;</span>"),
             qPrintable(post.html));
    QVERIFY(!post.html.contains(QChar(0xE002)));
}

void tst_MarkdownRenderer::largeInputRendersQuickly()
{
    // A 1 MB post of ordinary prose, tables and shortcodes: rendering stays well under a second.
    QString markdown;
    while (markdown.size() < 1024 * 1024)
        markdown += "## Section\n\nSome *text* with `code`, a [link](https://example.com) and "
                    "{{< ref \"x\" >}}.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n";
    QElapsedTimer timer;
    timer.start();
    const RenderedPost post = renderMarkdown(markdown);
    QVERIFY(post.html.size() > markdown.size());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(tst_MarkdownRenderer)
#include "tst_markdownrenderer.moc"
