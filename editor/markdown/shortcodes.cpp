#include "shortcodes.h"

#include "cmarkhandles.h"

#include <QRegularExpression>

#include <cstring>

namespace pw {
namespace {

// Private-use characters: no Markdown meaning, so cmark-gfm copies them through verbatim.
constexpr QChar tokenStart(0xE000);
constexpr QChar tokenEnd(0xE001);
constexpr QChar continuation(0xE002); // starts each further line of a multi-line shortcode
constexpr qsizetype maxShortcodeLength = 8192;

// The length of the shortcode that starts at `at` ("{{< ... >}}", "{{% ... %}}", "{% ... %}"), or
// 0 when none does. A shortcode may wrap over lines but never spans a blank line (that would be a
// typo, and swallowing paragraphs into a placeholder would hide the author's text). A plain scan:
// a regular expression run at each "{{" checked the rest of the text every time.
qsizetype shortcodeLength(QStringView text, qsizetype at)
{
    const QStringView rest = text.mid(at);
    QStringView close;
    if (rest.startsWith(u"{{<"))
        close = u">}}";
    else if (rest.startsWith(u"{{%"))
        close = u"%}}";
    else if (rest.startsWith(u"{%"))
        close = u"%}";
    else
        return 0;
    const qsizetype end = qMin(rest.size(), maxShortcodeLength);
    for (qsizetype i = close.size(); i + close.size() <= end; ++i) {
        if (rest[i] == u'\n') {
            qsizetype next = i + 1;
            while (next < rest.size() && (rest[next] == u' ' || rest[next] == u'\t'))
                ++next;
            if (next < rest.size() && rest[next] == u'\n')
                return 0;
        } else if (rest.mid(i).startsWith(close)) {
            return i + close.size();
        }
    }
    return 0;
}

const QRegularExpression &tokenPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\uE000(\\d+)\uE001"));
    return pattern;
}

bool isEscapedHugoShortcode(const QString &source)
{
    return source.startsWith(QLatin1String("{{</*")) || source.startsWith(QLatin1String("{{%/*"));
}

// "{{</* x */>}}" is how a Hugo post shows a literal "{{< x >}}".
QString literalOfEscapedShortcode(const QString &source)
{
    QString text = source;
    text.remove(3, 2);               // "/*" after the opening
    text.remove(text.size() - 5, 2); // "*/" before the closing
    return text;
}

QString htmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// "{{< figure src="a.png" >}}" -> "figure src="a.png"": the chip shows what the shortcode is.
QString label(const QString &source)
{
    const bool liquid = source.startsWith(QLatin1String("{%"));
    const qsizetype delimiter = liquid ? 2 : 3;
    return source.mid(delimiter, source.size() - 2 * delimiter).simplified();
}

template<typename Replace>
QString replaceTokens(const QString &text, const QStringList &originals, Replace replace)
{
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = tokenPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype index = match.captured(1).toLongLong();
        if (index < 0 || index >= originals.size())
            continue;
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += replace(originals[index]);
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    out.remove(QLatin1Char('\n') + continuation);
    out.remove(continuation);
    return out;
}

QString literal(cmark_node *node)
{
    const char *text = cmark_node_get_literal(node);
    return text ? QString::fromUtf8(text) : QString();
}

void setLiteral(cmark_node *node, const QString &text)
{
    cmark_node_set_literal(node, text.toUtf8().constData());
}

cmark_node *newTextNode(const QString &text)
{
    cmark_node *node = cmark_node_new(CMARK_NODE_TEXT);
    setLiteral(node, text);
    return node;
}

// Inline HTML, not a custom inline: a table cell may contain only the standard inline types (a
// custom one was dropped there, and the shortcode with it). The sanitizer leaves it as it is.
cmark_node *newPlaceholderNode(const QString &source)
{
    cmark_node *node = cmark_node_new(CMARK_NODE_HTML_INLINE);
    const QString html = isEscapedHugoShortcode(source)
                             ? htmlEscaped(literalOfEscapedShortcode(source))
                             : QStringLiteral("<span class=\"pw-shortcode\" title=\"%1\">%2</span>")
                                   .arg(htmlEscaped(source), htmlEscaped(label(source)));
    setLiteral(node, html);
    return node;
}

bool isInsideImage(cmark_node *node)
{
    for (cmark_node *parent = cmark_node_parent(node); parent; parent = cmark_node_parent(parent)) {
        if (cmark_node_get_type(parent) == CMARK_NODE_IMAGE)
            return true;
    }
    return false;
}

// The line break cmark-gfm saw before a continuation line is not the author's: drop it.
void removeBreakBeforeContinuation(cmark_node *node, const QString &text)
{
    cmark_node *previous = cmark_node_previous(node);
    if (text.startsWith(continuation) && previous
        && cmark_node_get_type(previous) == CMARK_NODE_SOFTBREAK) {
        cmark::Node unlinked(previous);
        cmark_node_unlink(previous);
    }
}

// A text node "a TOKEN b" becomes "a", a placeholder, "b". An image's description is written as
// an alt attribute, where only text can go: there the shortcode is restored as written.
void splitTextNode(cmark_node *node, const QStringList &originals)
{
    QString text = literal(node);
    removeBreakBeforeContinuation(node, text);
    text.remove(continuation);
    if (isInsideImage(node)) {
        setLiteral(node, restoreShortcodes(text, originals));
        return;
    }
    cmark_node *insertAfter = node;
    qsizetype last = 0;
    bool first = true;
    auto it = tokenPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype index = match.captured(1).toLongLong();
        if (index < 0 || index >= originals.size())
            continue;
        const QString before = text.mid(last, match.capturedStart() - last);
        if (first) {
            setLiteral(node, before);
            first = false;
        } else if (!before.isEmpty()) {
            cmark_node *piece = newTextNode(before);
            cmark_node_insert_after(insertAfter, piece);
            insertAfter = piece;
        }
        cmark_node *placeholder = newPlaceholderNode(originals[index]);
        cmark_node_insert_after(insertAfter, placeholder);
        insertAfter = placeholder;
        last = match.capturedEnd();
    }
    if (first) {
        setLiteral(node, text);
        return;
    }
    if (last < text.size())
        cmark_node_insert_after(insertAfter, newTextNode(text.mid(last)));
}

QString restoredForHtml(const QString &text, const QStringList &originals)
{
    return replaceTokens(text, originals, [](const QString &source) {
        return htmlEscaped(isEscapedHugoShortcode(source) ? literalOfEscapedShortcode(source)
                                                          : source);
    });
}

void restoreUrlAndTitle(cmark_node *node, const QStringList &originals)
{
    // cmark-gfm percent-encodes the token when it writes the URL; restore it before that.
    const char *url = cmark_node_get_url(node);
    if (url)
        cmark_node_set_url(
            node, restoreShortcodes(QString::fromUtf8(url), originals).toUtf8().constData());
    const char *title = cmark_node_get_title(node);
    if (title)
        cmark_node_set_title(
            node, restoreShortcodes(QString::fromUtf8(title), originals).toUtf8().constData());
}

// U+E000..U+E002 in UTF-8 all start with these bytes: most nodes hold none and are not converted.
bool holdsPrivateUse(const char *utf8)
{
    return utf8 && std::strstr(utf8, "\xEE\x80") != nullptr;
}

bool mayHoldToken(cmark_node *node)
{
    return holdsPrivateUse(cmark_node_get_literal(node))
           || holdsPrivateUse(cmark_node_get_url(node))
           || holdsPrivateUse(cmark_node_get_title(node));
}

} // namespace

void placeShortcodePlaceholders(cmark_node *document, const QStringList &originals)
{
    if (originals.isEmpty())
        return;
    // Collect first: inserting nodes while an iterator walks the tree is not supported.
    QList<cmark_node *> nodes;
    cmark::forEachNode(document, [&](cmark_node *node) {
        if (mayHoldToken(node))
            nodes.append(node);
    });
    for (cmark_node *node : std::as_const(nodes)) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
            splitTextNode(node, originals);
            break;
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
            setLiteral(node, restoreShortcodes(literal(node), originals));
            break;
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_HTML_BLOCK:
            setLiteral(node, restoredForHtml(literal(node), originals));
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            restoreUrlAndTitle(node, originals);
            break;
        default:
            break;
        }
    }
}

MaskedShortcodes maskShortcodes(const QString &markdown)
{
    MaskedShortcodes masked;
    // A text that already holds our private characters is left alone rather than misread.
    for (QChar c : {tokenStart, tokenEnd, continuation}) {
        if (markdown.contains(c)) {
            masked.markdown = markdown;
            return masked;
        }
    }
    masked.markdown.reserve(markdown.size());
    qsizetype last = 0;
    // Look for "{{" and "{%" first: running the pattern at every position of a long post is slow.
    for (qsizetype brace = markdown.indexOf(u'{'); brace >= 0 && brace + 1 < markdown.size();
         brace = markdown.indexOf(u'{', brace + 1)) {
        const QChar next = markdown[brace + 1];
        if (next != u'{' && next != u'%')
            continue;
        const qsizetype length = shortcodeLength(markdown, brace);
        if (length == 0)
            continue;
        masked.markdown += QStringView(markdown).mid(last, brace - last);
        const QString source = markdown.mid(brace, length);
        masked.markdown += tokenStart + QString::number(masked.originals.size()) + tokenEnd;
        // Keep the line count, so source positions after a multi-line shortcode stay right.
        for (qsizetype n = source.count(QLatin1Char('\n')); n > 0; --n)
            masked.markdown += QLatin1Char('\n') + continuation;
        masked.originals.append(source);
        last = brace + length;
        brace = last - 1;
    }
    masked.markdown += QStringView(markdown).mid(last);
    return masked;
}

QString restoreShortcodes(const QString &text, const QStringList &originals)
{
    if (originals.isEmpty())
        return text;
    return replaceTokens(text, originals, [](const QString &source) {
        return isEscapedHugoShortcode(source) ? literalOfEscapedShortcode(source) : source;
    });
}

} // namespace pw
