// An allow-list HTML sanitizer. It tokenizes the way an HTML5 parser does in the "data" state
// (tags, end tags, comments, bogus comments, raw-text elements), keeps only elements and attributes
// it knows to be inert, and re-serializes every tag it keeps, so what the browser parses is what
// was checked. Anything it cannot classify with confidence is dropped, not passed through.

#include "markdownrenderer.h"
#include "urlsafety.h"

#include <QHash>
#include <QSet>

namespace pw {
namespace {

enum class ElementPolicy {
    Keep,           // the tag is written back with its allowed attributes
    DropTag,        // the tag goes, its content stays (and is sanitized like the rest)
    DropWithContent // the tag and everything up to its end tag go
};

const QSet<QString> &keptElements()
{
    static const QSet<QString> names = {
        QStringLiteral("a"),          QStringLiteral("abbr"),       QStringLiteral("audio"),
        QStringLiteral("b"),          QStringLiteral("bdi"),        QStringLiteral("bdo"),
        QStringLiteral("blockquote"), QStringLiteral("br"),         QStringLiteral("caption"),
        QStringLiteral("center"),     QStringLiteral("cite"),       QStringLiteral("code"),
        QStringLiteral("col"),        QStringLiteral("colgroup"),   QStringLiteral("dd"),
        QStringLiteral("del"),        QStringLiteral("details"),    QStringLiteral("dfn"),
        QStringLiteral("div"),        QStringLiteral("dl"),         QStringLiteral("dt"),
        QStringLiteral("em"),         QStringLiteral("figcaption"), QStringLiteral("figure"),
        QStringLiteral("h1"),         QStringLiteral("h2"),         QStringLiteral("h3"),
        QStringLiteral("h4"),         QStringLiteral("h5"),         QStringLiteral("h6"),
        QStringLiteral("hr"),         QStringLiteral("i"),          QStringLiteral("img"),
        QStringLiteral("input"),      QStringLiteral("ins"),        QStringLiteral("kbd"),
        QStringLiteral("li"),         QStringLiteral("mark"),       QStringLiteral("ol"),
        QStringLiteral("p"),          QStringLiteral("picture"),    QStringLiteral("pre"),
        QStringLiteral("q"),          QStringLiteral("rp"),         QStringLiteral("rt"),
        QStringLiteral("ruby"),       QStringLiteral("s"),          QStringLiteral("samp"),
        QStringLiteral("section"),    QStringLiteral("small"),      QStringLiteral("source"),
        QStringLiteral("span"),       QStringLiteral("strike"),     QStringLiteral("strong"),
        QStringLiteral("style"),      QStringLiteral("sub"),        QStringLiteral("summary"),
        QStringLiteral("sup"),        QStringLiteral("table"),      QStringLiteral("tbody"),
        QStringLiteral("td"),         QStringLiteral("tfoot"),      QStringLiteral("th"),
        QStringLiteral("thead"),      QStringLiteral("time"),       QStringLiteral("tr"),
        QStringLiteral("track"),      QStringLiteral("tt"),         QStringLiteral("u"),
        QStringLiteral("ul"),         QStringLiteral("var"),        QStringLiteral("video"),
        QStringLiteral("wbr"),
    };
    return names;
}

// Elements whose content is script, a nested document, a plugin, foreign markup (svg and math
// have their own tokenizer rules) or a form control's text.
const QSet<QString> &droppedWithContent()
{
    static const QSet<QString> names = {
        QStringLiteral("script"),   QStringLiteral("iframe"),      QStringLiteral("object"),
        QStringLiteral("embed"),    QStringLiteral("applet"),      QStringLiteral("frame"),
        QStringLiteral("frameset"), QStringLiteral("noscript"),    QStringLiteral("noembed"),
        QStringLiteral("noframes"), QStringLiteral("template"),    QStringLiteral("textarea"),
        QStringLiteral("title"),    QStringLiteral("xmp"),         QStringLiteral("svg"),
        QStringLiteral("math"),     QStringLiteral("select"),      QStringLiteral("head"),
        QStringLiteral("portal"),   QStringLiteral("fencedframe"),
    };
    return names;
}

// Elements whose content the HTML tokenizer reads as text up to the matching end tag.
bool isRawTextElement(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("script"),  QStringLiteral("style"),    QStringLiteral("textarea"),
        QStringLiteral("title"),   QStringLiteral("xmp"),      QStringLiteral("iframe"),
        QStringLiteral("noembed"), QStringLiteral("noframes"), QStringLiteral("noscript"),
    };
    return names.contains(name);
}

bool isVoidElement(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("br"),    QStringLiteral("col"),   QStringLiteral("hr"),
        QStringLiteral("img"),   QStringLiteral("input"), QStringLiteral("source"),
        QStringLiteral("track"), QStringLiteral("wbr"),   QStringLiteral("meta"),
        QStringLiteral("base"),  QStringLiteral("link"),  QStringLiteral("embed"),
        QStringLiteral("area"),  QStringLiteral("param"), QStringLiteral("keygen"),
    };
    return names.contains(name);
}

ElementPolicy policyFor(const QString &name)
{
    if (droppedWithContent().contains(name))
        return ElementPolicy::DropWithContent;
    if (keptElements().contains(name))
        return ElementPolicy::Keep;
    return ElementPolicy::DropTag;
}

enum class UrlUse { Link, Media };

bool isAsciiAlpha(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

// Decodes the character references that could spell a URL scheme or CSS (numeric ones, with or
// without ';', and the few named ones for ASCII punctuation); others are left as they are.
QString decodeCharacterReferences(const QString &raw)
{
    static const QHash<QString, QChar> named = {
        {QStringLiteral("amp"), u'&'},         {QStringLiteral("lt"), u'<'},
        {QStringLiteral("gt"), u'>'},          {QStringLiteral("quot"), u'"'},
        {QStringLiteral("apos"), u'\''},       {QStringLiteral("colon"), u':'},
        {QStringLiteral("Tab"), u'\t'},        {QStringLiteral("NewLine"), u'\n'},
        {QStringLiteral("nbsp"), QChar(0xA0)}, {QStringLiteral("sol"), u'/'},
        {QStringLiteral("bsol"), u'\\'},       {QStringLiteral("lpar"), u'('},
        {QStringLiteral("rpar"), u')'},        {QStringLiteral("period"), u'.'},
        {QStringLiteral("commat"), u'@'},      {QStringLiteral("num"), u'#'},
        {QStringLiteral("semi"), u';'},        {QStringLiteral("excl"), u'!'},
        {QStringLiteral("quest"), u'?'},       {QStringLiteral("equals"), u'='},
        {QStringLiteral("plus"), u'+'},        {QStringLiteral("percnt"), u'%'},
    };
    QString out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != u'&') {
            out += raw[i];
            continue;
        }
        qsizetype j = i + 1;
        if (j < raw.size() && raw[j] == u'#') {
            ++j;
            const bool hex = j < raw.size() && (raw[j] == u'x' || raw[j] == u'X');
            if (hex)
                ++j;
            const qsizetype digitsStart = j;
            char32_t code = 0;
            while (j < raw.size() && (hex ? isxdigit(raw[j].unicode()) != 0 : raw[j].isDigit())) {
                if (code < 0x110000)
                    code = code * (hex ? 16 : 10)
                           + char32_t(QString(raw[j]).toUInt(nullptr, hex ? 16 : 10));
                ++j;
            }
            if (j == digitsStart) {
                out += raw[i];
                continue;
            }
            if (j < raw.size() && raw[j] == u';')
                ++j;
            if (code == 0 || code >= 0x110000 || (code >= 0xD800 && code <= 0xDFFF))
                code = 0xFFFD;
            out += QString::fromUcs4(&code, 1);
            i = j - 1;
            continue;
        }
        while (j < raw.size() && raw[j].isLetterOrNumber() && raw[j].unicode() < 128)
            ++j;
        if (j < raw.size() && raw[j] == u';') {
            const auto it = named.constFind(raw.mid(i + 1, j - i - 1));
            if (it != named.constEnd()) {
                out += *it;
                i = j;
                continue;
            }
        }
        out += raw[i];
    }
    return out;
}

// The browser strips leading and trailing C0 controls and spaces and removes tabs and newlines
// anywhere before it reads the scheme; so does this.
QString normalizedUrl(const QString &decoded)
{
    QString url;
    url.reserve(decoded.size());
    for (QChar c : decoded) {
        if (c != u'\t' && c != u'\n' && c != u'\r')
            url += c;
    }
    qsizetype begin = 0;
    qsizetype end = url.size();
    while (begin < end && url[begin].unicode() <= 0x20)
        ++begin;
    while (end > begin && url[end - 1].unicode() <= 0x20)
        --end;
    return url.mid(begin, end - begin);
}

bool isSafeUrl(const QString &decoded, UrlUse use)
{
    const QString url = normalizedUrl(decoded);
    const qsizetype colon = url.indexOf(u':');
    qsizetype firstDelimiter = url.size();
    for (QChar d : {u'/', u'?', u'#'}) {
        const qsizetype at = url.indexOf(d);
        if (at >= 0 && at < firstDelimiter)
            firstDelimiter = at;
    }
    if (colon < 0 || colon > firstDelimiter)
        return true; // relative: a path, a query or a fragment
    const QString scheme = url.left(colon).toLower();
    // A character reference left undecoded could still spell something: refuse.
    if (scheme.contains(u'&'))
        return false;
    // The URL parser reads a scheme only if it is a letter then letters, digits, '+', '-', '.';
    // anything else ("foo):") is a relative path.
    if (scheme.isEmpty() || !isAsciiAlpha(scheme[0]))
        return true;
    for (QChar c : scheme) {
        if (!isAsciiAlpha(c) && !c.isDigit() && c != u'+' && c != u'-' && c != u'.')
            return true;
    }
    if (scheme == u"http" || scheme == u"https")
        return true;
    if (use == UrlUse::Link)
        return scheme == u"mailto";
    static const QStringList safeImageTypes
        = {QStringLiteral("data:image/png"), QStringLiteral("data:image/gif"),
           QStringLiteral("data:image/jpeg"), QStringLiteral("data:image/webp")};
    const QString lower = url.toLower();
    for (const QString &prefix : safeImageTypes) {
        if (lower.startsWith(prefix)
            && (lower.size() == prefix.size() || lower[prefix.size()] == u';'
                || lower[prefix.size()] == u','))
            return true;
    }
    return false;
}

bool isSafeSrcset(const QString &decoded)
{
    const QStringList candidates = decoded.split(u',');
    for (const QString &candidate : candidates) {
        const QString url = candidate.trimmed().section(u' ', 0, 0);
        if (url.isEmpty())
            continue;
        const QString scheme = normalizedUrl(url).section(u':', 0, 0).toLower();
        if (url.contains(u':') && scheme != u"http" && scheme != u"https")
            return false;
    }
    return true;
}

// CSS may set colours and layout but may not fetch from elsewhere or run anything. Escapes are
// refused outright because they can spell any of the words checked here.
bool isSafeCss(const QString &css)
{
    QString text = css.toLower();
    for (qsizetype start = text.indexOf(QLatin1String("/*")); start >= 0;
         start = text.indexOf(QLatin1String("/*"), start)) {
        const qsizetype end = text.indexOf(QLatin1String("*/"), start + 2);
        text.remove(start, end < 0 ? text.size() - start : end + 2 - start);
    }
    static const QStringList refused = {
        QStringLiteral("\\"),          QStringLiteral("//"),           QStringLiteral("@import"),
        QStringLiteral("expression("), QStringLiteral("javascript:"),  QStringLiteral("vbscript:"),
        QStringLiteral("data:"),       QStringLiteral("-moz-binding"), QStringLiteral("behavior:"),
        QStringLiteral("</"),          QStringLiteral("<!--"),
    };
    for (const QString &word : refused) {
        if (text.contains(word))
            return false;
    }
    // A url() whose target has a scheme ("http:", or anything else) leaves the blog.
    for (qsizetype at = text.indexOf(QLatin1String("url(")); at >= 0;
         at = text.indexOf(QLatin1String("url("), at + 4)) {
        const qsizetype close = text.indexOf(u')', at);
        const QString target = text.mid(at + 4, close < 0 ? -1 : close - at - 4);
        if (target.contains(u':'))
            return false;
    }
    return true;
}

struct Attribute
{
    QString name;     // lower-case
    QString rawValue; // as written, character references not decoded
    bool hasValue = false;
};

struct Tag
{
    QString name; // lower-case
    QList<Attribute> attributes;
    bool selfClosing = false;
    bool endTag = false;
};

// Reads one tag starting at text[pos] == '<' (a letter or '/'+letter follows). Returns the index
// after '>' or -1 when the input ends inside the tag (the browser then drops the tag).
qsizetype readTag(const QString &text, qsizetype pos, Tag &tag)
{
    qsizetype i = pos + 1;
    if (text[i] == u'/') {
        tag.endTag = true;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < text.size() && !isHtmlSpace(text[i]) && text[i] != u'/' && text[i] != u'>')
        ++i;
    tag.name = text.mid(nameStart, i - nameStart).toLower();
    while (i < text.size()) {
        while (i < text.size() && (isHtmlSpace(text[i]) || text[i] == u'/')) {
            if (text[i] == u'/' && i + 1 < text.size() && text[i + 1] == u'>')
                tag.selfClosing = true;
            ++i;
        }
        if (i >= text.size())
            return -1;
        if (text[i] == u'>')
            return i + 1;
        Attribute attribute;
        const qsizetype attrStart = i;
        // The first character may be '='; after it, a name ends at space, '/', '>' or '='.
        ++i;
        while (i < text.size() && !isHtmlSpace(text[i]) && text[i] != u'/' && text[i] != u'>'
               && text[i] != u'=')
            ++i;
        attribute.name = text.mid(attrStart, i - attrStart).toLower();
        qsizetype j = i;
        while (j < text.size() && isHtmlSpace(text[j]))
            ++j;
        if (j < text.size() && text[j] == u'=') {
            ++j;
            while (j < text.size() && isHtmlSpace(text[j]))
                ++j;
            if (j >= text.size())
                return -1;
            attribute.hasValue = true;
            if (text[j] == u'"' || text[j] == u'\'') {
                const qsizetype close = text.indexOf(text[j], j + 1);
                if (close < 0)
                    return -1;
                attribute.rawValue = text.mid(j + 1, close - j - 1);
                i = close + 1;
            } else if (text[j] == u'>') {
                i = j; // "a=>" : an empty value
            } else {
                qsizetype k = j;
                while (k < text.size() && !isHtmlSpace(text[k]) && text[k] != u'>')
                    ++k;
                attribute.rawValue = text.mid(j, k - j);
                i = k;
            }
        }
        tag.attributes.append(attribute);
    }
    return -1;
}

bool isAllowedAttribute(const QString &element, const Attribute &attribute)
{
    const QString &name = attribute.name;
    static const QSet<QString> global = {
        QStringLiteral("class"), QStringLiteral("id"),     QStringLiteral("title"),
        QStringLiteral("lang"),  QStringLiteral("dir"),    QStringLiteral("role"),
        QStringLiteral("align"), QStringLiteral("width"),  QStringLiteral("height"),
        QStringLiteral("style"), QStringLiteral("hidden"),
    };
    if (global.contains(name))
        return true;
    if (name.startsWith(QLatin1String("data-")) || name.startsWith(QLatin1String("aria-"))) {
        for (QChar c : name) {
            if (!isAsciiAlpha(c) && !c.isDigit() && c != u'-' && c != u'_')
                return false;
        }
        return true;
    }
    static const QHash<QString, QSet<QString>> perElement = {
        {QStringLiteral("a"), {QStringLiteral("href")}},
        {QStringLiteral("img"),
         {QStringLiteral("src"), QStringLiteral("alt"), QStringLiteral("srcset"),
          QStringLiteral("sizes"), QStringLiteral("loading")}},
        {QStringLiteral("source"),
         {QStringLiteral("src"), QStringLiteral("srcset"), QStringLiteral("sizes"),
          QStringLiteral("type"), QStringLiteral("media")}},
        {QStringLiteral("video"),
         {QStringLiteral("src"), QStringLiteral("poster"), QStringLiteral("controls"),
          QStringLiteral("loop"), QStringLiteral("muted"), QStringLiteral("playsinline")}},
        {QStringLiteral("audio"),
         {QStringLiteral("src"), QStringLiteral("controls"), QStringLiteral("loop"),
          QStringLiteral("muted")}},
        {QStringLiteral("track"),
         {QStringLiteral("src"), QStringLiteral("kind"), QStringLiteral("srclang"),
          QStringLiteral("label"), QStringLiteral("default")}},
        {QStringLiteral("input"),
         {QStringLiteral("type"), QStringLiteral("checked"), QStringLiteral("disabled")}},
        {QStringLiteral("ol"),
         {QStringLiteral("start"), QStringLiteral("reversed"), QStringLiteral("type")}},
        {QStringLiteral("li"), {QStringLiteral("value")}},
        {QStringLiteral("td"),
         {QStringLiteral("colspan"), QStringLiteral("rowspan"), QStringLiteral("headers")}},
        {QStringLiteral("th"),
         {QStringLiteral("colspan"), QStringLiteral("rowspan"), QStringLiteral("scope"),
          QStringLiteral("abbr")}},
        {QStringLiteral("col"), {QStringLiteral("span")}},
        {QStringLiteral("colgroup"), {QStringLiteral("span")}},
        {QStringLiteral("details"), {QStringLiteral("open")}},
        {QStringLiteral("time"), {QStringLiteral("datetime")}},
        {QStringLiteral("blockquote"), {QStringLiteral("cite")}},
        {QStringLiteral("q"), {QStringLiteral("cite")}},
        {QStringLiteral("del"), {QStringLiteral("cite"), QStringLiteral("datetime")}},
        {QStringLiteral("ins"), {QStringLiteral("cite"), QStringLiteral("datetime")}},
        {QStringLiteral("style"), {QStringLiteral("media")}},
    };
    const auto it = perElement.constFind(element);
    return it != perElement.constEnd() && it->contains(name);
}

bool isUrlAttribute(const QString &name)
{
    return name == u"href" || name == u"src" || name == u"cite" || name == u"poster"
           || name == u"srcset";
}

bool isSafeAttributeValue(const QString &element, const Attribute &attribute)
{
    const QString &name = attribute.name;
    const QString value = decodeCharacterReferences(attribute.rawValue);
    if (name == u"href" || name == u"cite")
        return isSafeUrl(value, UrlUse::Link);
    if (name == u"src" || name == u"poster")
        return isSafeUrl(value, UrlUse::Media);
    if (name == u"srcset")
        return isSafeSrcset(value);
    if (name == u"style")
        return isSafeCss(value);
    if (element == u"input" && name == u"type")
        return value.trimmed().compare(QLatin1String("checkbox"), Qt::CaseInsensitive) == 0;
    return true;
}

QString serializeStartTag(const Tag &tag)
{
    QString out = QLatin1Char('<') + tag.name;
    QSet<QString> seen; // the browser keeps the first of duplicated attributes
    for (const Attribute &attribute : tag.attributes) {
        if (seen.contains(attribute.name))
            continue;
        seen.insert(attribute.name);
        if (!isAllowedAttribute(tag.name, attribute))
            continue;
        if (!isSafeAttributeValue(tag.name, attribute)) {
            // An unsafe address is emptied, as cmark-gfm's safe mode does with Markdown links.
            if (isUrlAttribute(attribute.name))
                out += QLatin1Char(' ') + attribute.name + QLatin1String("=\"\"");
            continue;
        }
        out += QLatin1Char(' ') + attribute.name;
        if (attribute.hasValue) {
            QString value = attribute.rawValue;
            value.replace(u'"', QLatin1String("&quot;"));
            out += QLatin1String("=\"") + value + QLatin1Char('"');
        }
    }
    // A checkbox in a post is a picture of a task list, never a control.
    if (tag.name == u"input" && !seen.contains(QStringLiteral("disabled")))
        out += QLatin1String(" disabled=\"\"");
    if (tag.selfClosing && isVoidElement(tag.name))
        out += QLatin1String(" /");
    out += QLatin1Char('>');
    return out;
}

// The index of "</name" (case-insensitive) followed by space, '/' or '>', from pos; -1 if none.
qsizetype findEndTag(const QString &text, const QString &name, qsizetype pos)
{
    const QString needle = QLatin1String("</") + name;
    for (qsizetype at = text.indexOf(needle, pos, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(needle, at + 1, Qt::CaseInsensitive)) {
        const qsizetype after = at + needle.size();
        if (after >= text.size() || isHtmlSpace(text[after]) || text[after] == u'/'
            || text[after] == u'>')
            return at;
    }
    return -1;
}

// The index after the end of the end tag at pos ("</name ...>"), or text.size().
qsizetype skipEndTag(const QString &text, qsizetype pos)
{
    const qsizetype close = text.indexOf(u'>', pos);
    return close < 0 ? text.size() : close + 1;
}

class Sanitizer
{
public:
    explicit Sanitizer(const QString &html)
        : m_in(html)
    {
        m_out.reserve(html.size());
    }

    QString run()
    {
        qsizetype textStart = 0;
        while (m_pos < m_in.size()) {
            const qsizetype lt = m_in.indexOf(u'<', m_pos);
            if (lt < 0)
                break;
            m_pos = lt;
            appendText(textStart, lt);
            readMarkup();
            textStart = m_pos;
        }
        appendText(textStart, m_in.size());
        return m_out;
    }

private:
    void appendText(qsizetype from, qsizetype to)
    {
        if (m_dropStack.isEmpty() && to > from)
            m_out += QStringView(m_in).mid(from, to - from);
    }

    void readMarkup()
    {
        const QStringView rest = QStringView(m_in).mid(m_pos);
        if (rest.startsWith(u"<!--")) {
            readComment();
        } else if (rest.startsWith(u"<!") || rest.startsWith(u"<?")) {
            readBogusComment(m_pos + 2);
        } else if (rest.size() > 1 && isAsciiAlpha(rest[1])) {
            readTagAt();
        } else if (rest.startsWith(u"</") && rest.size() > 2 && isAsciiAlpha(rest[2])) {
            readTagAt();
        } else if (rest.startsWith(u"</>")) {
            m_pos += 3; // the browser ignores it
        } else if (rest.startsWith(u"</")) {
            readBogusComment(m_pos + 2);
        } else {
            if (m_dropStack.isEmpty())
                m_out += QLatin1String("&lt;");
            m_pos += 1;
        }
    }

    void readComment()
    {
        const qsizetype contentStart = m_pos + 4;
        const QStringView afterOpen = QStringView(m_in).mid(contentStart);
        if (afterOpen.startsWith(u">") || afterOpen.startsWith(u"->")) {
            m_pos = contentStart + (afterOpen.startsWith(u">") ? 1 : 2);
            if (m_dropStack.isEmpty())
                m_out += QLatin1String("<!---->");
            return;
        }
        qsizetype end = m_in.indexOf(QLatin1String("-->"), contentStart);
        const qsizetype bang = m_in.indexOf(QLatin1String("--!>"), contentStart);
        qsizetype endLength = 3;
        if (bang >= 0 && (end < 0 || bang < end)) {
            end = bang;
            endLength = 4;
        }
        if (end < 0) {
            m_pos = m_in.size(); // the rest of the document is a comment: nothing to show
            return;
        }
        if (m_dropStack.isEmpty()) {
            m_out += QLatin1String("<!--");
            m_out += QStringView(m_in).mid(contentStart, end - contentStart);
            m_out += QLatin1String("-->");
        }
        m_pos = end + endLength;
    }

    void readBogusComment(qsizetype contentStart)
    {
        // "<?php ...>", "<!DOCTYPE ...>", "<![CDATA[...>": the browser shows nothing of it and
        // ends it at the first '>', so it is dropped, up to there.
        const qsizetype close = m_in.indexOf(u'>', contentStart);
        m_pos = close < 0 ? m_in.size() : close + 1;
    }

    void readTagAt()
    {
        Tag tag;
        const qsizetype after = readTag(m_in, m_pos, tag);
        if (after < 0) {
            m_pos = m_in.size(); // an unfinished tag at the end: the browser drops it too
            return;
        }
        m_pos = after;
        const ElementPolicy policy = policyFor(tag.name);

        if (tag.endTag) {
            if (policy == ElementPolicy::DropWithContent) {
                const qsizetype open = m_dropStack.lastIndexOf(tag.name);
                if (open >= 0)
                    m_dropStack.resize(open);
            } else if (policy == ElementPolicy::Keep && m_dropStack.isEmpty()
                       && !isVoidElement(tag.name)) {
                m_out += QLatin1String("</") + tag.name + QLatin1Char('>');
            }
            return;
        }

        if (isRawTextElement(tag.name)) {
            readRawText(tag, policy);
            return;
        }
        if (policy == ElementPolicy::DropWithContent) {
            if (!isVoidElement(tag.name) && !tag.selfClosing) {
                m_dropStack.append(tag.name);
            }
            return;
        }
        if (policy == ElementPolicy::Keep && m_dropStack.isEmpty())
            m_out += serializeStartTag(tag);
    }

    // script, style, textarea...: their content is text up to "</name", whatever it looks like.
    void readRawText(const Tag &tag, ElementPolicy policy)
    {
        const qsizetype end = findEndTag(m_in, tag.name, m_pos);
        const qsizetype contentEnd = end < 0 ? m_in.size() : end;
        const QString content = m_in.mid(m_pos, contentEnd - m_pos);
        m_pos = end < 0 ? m_in.size() : skipEndTag(m_in, end);
        if (!m_dropStack.isEmpty() || policy != ElementPolicy::Keep)
            return;
        // Only a complete style element is kept: an unclosed one would turn whatever follows
        // (in the same fragment or after it) into CSS.
        if (tag.name == u"style" && end >= 0 && isSafeCss(content))
            m_out += serializeStartTag(tag) + content + QLatin1String("</style>");
    }

    const QString &m_in;
    QString m_out;
    qsizetype m_pos = 0;
    QStringList m_dropStack; // open elements whose content is being dropped
};

} // namespace

QString sanitizeHtml(const QString &html)
{
    return Sanitizer(html).run();
}

bool isSafeLinkUrl(const QString &url)
{
    return isSafeUrl(url, UrlUse::Link);
}

bool isSafeMediaUrl(const QString &url)
{
    return isSafeUrl(url, UrlUse::Media);
}

} // namespace pw
