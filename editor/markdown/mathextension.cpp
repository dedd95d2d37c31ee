#include "mathextension.h"

#include "cmarkhandles.h"

#include <cmark-gfm-extension_api.h>

#include <algorithm>
#include <cstring>

#include <cstdint>
#include <string>

namespace pw {
namespace {

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

void appendEscaped(std::string &html, const std::string &text)
{
    for (const char c : text) {
        switch (c) {
        case '&':
            html += "&amp;";
            break;
        case '<':
            html += "&lt;";
            break;
        case '>':
            html += "&gt;";
            break;
        case '"':
            html += "&quot;";
            break;
        default:
            html += c;
        }
    }
}

// \( \) \[ \] become these before parsing (maskMathDelimiters): C1 control characters, which no
// post holds and Markdown gives no meaning, two bytes in UTF-8 like the pair they replace (so
// source columns stay right).
constexpr char16_t firstToken = 0x80;
constexpr char16_t lastToken = 0x83;
constexpr char tokenLead = char(0xC2);
constexpr const char *delimiters[] = {"\\(", "\\)", "\\[", "\\]"};
constexpr const char *escapedCharacters[] = {"(", ")", "[", "]"}; // what Markdown made of them

// The token at `offset` (0 to 3: \( \) \[ \]), or -1.
template<typename At>
int tokenAt(At at, int offset)
{
    const unsigned char second = at(offset + 1);
    if (at(offset) != 0xC2 || second < 0x80 || second > 0x83)
        return -1;
    return second - 0x80;
}

// Appends the character at `offset` of the paragraph to tex, as the author wrote it, and returns
// the offset of the next one.
template<typename At>
int appendSource(std::string &tex, At at, int offset)
{
    const int token = tokenAt(at, offset);
    if (token >= 0) {
        tex += delimiters[token];
        return offset + 2;
    }
    tex += char(at(offset));
    return offset + 1;
}

// The offset just after the $-math that starts at `start`, and its TeX; 0 if none does.
// peek_at() gives 0 past the end of the paragraph's text (cmark-gfm replaces NUL characters).
template<typename At>
int scanDollarMath(At at, int start, bool display, std::string &tex)
{
    int offset = start + (display ? 2 : 1);
    if (!display && (isSpace(at(offset)) || at(offset) == 0))
        return 0; // "$ 5"
    while (at(offset) != 0) {
        const unsigned char c = at(offset);
        if (c == '\\' && at(offset + 1) != 0) { // "\$" inside math does not close it
            tex += char(c);
            offset = appendSource(tex, at, offset + 1);
            continue;
        }
        if (c == '$') {
            if (display && at(offset + 1) == '$')
                return tex.empty() ? 0 : offset + 2;
            if (!display && !isSpace(at(offset - 1)) && !isDigit(at(offset + 1)))
                return offset + 1;
        }
        offset = appendSource(tex, at, offset);
    }
    return 0;
}

// The offset just after the \( \) or \[ \] math that starts at `start` (its opening token).
template<typename At>
int scanDelimitedMath(At at, int start, int closing, std::string &tex)
{
    for (int offset = start + 2; at(offset) != 0;) {
        if (tokenAt(at, offset) == closing)
            return tex.empty() ? 0 : offset + 2;
        offset = appendSource(tex, at, offset);
    }
    return 0;
}

// Whether the text from `start` to `end` opens a line and ends one (trailing spaces allowed).
template<typename At>
bool standsAlone(At at, int start, int end)
{
    if (start > 0 && at(start - 1) != '\n')
        return false;
    while (at(end) == ' ' || at(end) == '\t')
        ++end;
    return at(end) == 0 || at(end) == '\n' || at(end) == '\r';
}

cmark_node *matchMath(cmark_syntax_extension *self, cmark_parser *, cmark_node *,
                      unsigned char character, cmark_inline_parser *inlines)
{
    auto at = [inlines](int offset) -> unsigned char {
        return cmark_inline_parser_peek_at(inlines, offset);
    };
    const int start = cmark_inline_parser_get_offset(inlines);
    std::string tex;
    int end = 0;
    std::string opening;
    std::string closing;
    if (character == '$') {
        const bool display = at(start + 1) == '$';
        end = scanDollarMath(at, start, display, tex);
        opening = closing = display ? "$$" : "$";
    } else if (const int token = tokenAt(at, start); token == 0 || token == 2) {
        end = scanDelimitedMath(at, start, token + 1, tex);
        // Writers escape brackets in prose ("\[citation needed\]"); display math stands on lines
        // of its own, so only a \[ that opens a line and a \] that ends one are math.
        if (token == 2 && end != 0 && !(standsAlone(at, start, end)))
            end = 0;
        opening = delimiters[token];
        closing = delimiters[token + 1];
    }
    if (end == 0)
        return nullptr; // text (a lone token is put back after parsing)
    cmark_inline_parser_set_offset(inlines, end);

    // Inline HTML, not a custom node: table cells may contain only the standard inline types.
    // Until finishMath() its literal is the math as the author wrote it: in an image's
    // description it stays that text.
    cmark_node *node = cmark_node_new(CMARK_NODE_HTML_INLINE);
    cmark_node_set_literal(node, (opening + tex + closing).c_str());
    cmark_node_set_syntax_extension(node, self);
    return node;
}

// The HTML of math as the author wrote it ("$x$", "\[y\]"...): the delimiters on both sides
// have the same length.
std::string mathHtml(const std::string &source)
{
    const bool display = source.starts_with("$$") || source.starts_with("\\[");
    const size_t delimiter = source.starts_with("$") && !display ? 1 : 2;
    std::string html
        = display ? "<span class=\"math display\">\\[" : "<span class=\"math inline\">\\(";
    appendEscaped(html, source.substr(delimiter, source.size() - 2 * delimiter));
    html += display ? "\\]</span>" : "\\)</span>";
    return html;
}

bool insideImage(cmark_node *node)
{
    for (cmark_node *parent = cmark_node_parent(node); parent; parent = cmark_node_parent(parent)) {
        if (cmark_node_get_type(parent) == CMARK_NODE_IMAGE)
            return true;
    }
    return false;
}

cmark_syntax_extension *createMathExtension()
{
    cmark_syntax_extension *extension = cmark_syntax_extension_new("pw-math");
    cmark_syntax_extension_set_match_inline_func(extension, matchMath);
    cmark_mem *mem = cmark_get_default_mem_allocator();
    cmark_llist *special
        = cmark_llist_append(mem, nullptr, reinterpret_cast<void *>(std::uintptr_t('$')));
    special = cmark_llist_append(mem, special,
                                 reinterpret_cast<void *>(std::uintptr_t(uchar(tokenLead))));
    cmark_syntax_extension_set_special_inline_chars(extension, special);
    return extension;
}

} // namespace

cmark_syntax_extension *mathExtension()
{
    static cmark_syntax_extension *const extension = createMathExtension();
    return extension;
}

namespace {

bool holdsTokens(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= firstToken && c.unicode() <= lastToken;
    });
}

} // namespace

std::optional<QString> maskMathDelimiters(const QString &markdown)
{
    qsizetype backslash = markdown.indexOf(u'\\');
    if (backslash < 0)
        return std::nullopt;
    QString masked;
    qsizetype copied = 0;
    // A backslash escapes the character after it, another backslash too ("\\(" is no math).
    for (; backslash >= 0 && backslash + 1 < markdown.size();
         backslash = markdown.indexOf(u'\\', backslash + 2)) {
        const qsizetype which = QStringView(u"()[]").indexOf(markdown[backslash + 1]);
        if (which < 0)
            continue;
        if (copied == 0 && holdsTokens(markdown))
            return std::nullopt; // not misread: such a post keeps \( \[ as escaped brackets
        masked += QStringView(markdown).sliced(copied, backslash - copied);
        masked += QChar(char16_t(firstToken + which));
        copied = backslash + 2;
    }
    if (copied == 0)
        return std::nullopt;
    masked += QStringView(markdown).sliced(copied);
    return masked;
}

namespace {

bool holdsToken(const char *utf8)
{
    for (const char *at = utf8 ? std::strchr(utf8, tokenLead) : nullptr; at;
         at = std::strchr(at + 1, tokenLead)) {
        if (uchar(at[1]) >= 0x80 && uchar(at[1]) <= 0x83)
            return true;
    }
    return false;
}

// utf8 with each token replaced by replacements[token].
std::string restored(const char *utf8, const char *const (&replacements)[4])
{
    std::string text;
    for (const char *at = utf8; *at; ++at) {
        if (*at == tokenLead && uchar(at[1]) >= 0x80 && uchar(at[1]) <= 0x83) {
            text += replacements[uchar(at[1]) - 0x80];
            ++at;
        } else {
            text += *at;
        }
    }
    return text;
}

} // namespace

void finishMath(cmark_node *document)
{
    cmark_syntax_extension *math = mathExtension();
    cmark::forEachNode(document, [math](cmark_node *node) {
        if (cmark_node_get_syntax_extension(node) != math)
            return;
        const std::string source = cmark_node_get_literal(node);
        if (insideImage(node)) {
            // An alt text is plain text: the math as written. Changing the type frees the literal.
            cmark_node_set_type(node, CMARK_NODE_TEXT);
            cmark_node_set_literal(node, source.c_str());
        } else {
            // It goes through the sanitizer like any inline HTML (and is left as it is: it is
            // safe).
            cmark_node_set_literal(node, mathHtml(source).c_str());
        }
    });
}

void restoreMathDelimiters(cmark_node *document)
{
    cmark::forEachNode(document, [](cmark_node *node) {
        const char *literal = cmark_node_get_literal(node);
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT: // "\(" that opened no math: the bracket, as Markdown shows it
            if (holdsToken(literal))
                cmark_node_set_literal(node, restored(literal, escapedCharacters).c_str());
            break;
        case CMARK_NODE_CODE: // code and HTML: as written
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
            if (holdsToken(literal))
                cmark_node_set_literal(node, restored(literal, delimiters).c_str());
            break;
        case CMARK_NODE_LINK: // escapes in a destination or title stand for the character
        case CMARK_NODE_IMAGE:
            if (holdsToken(cmark_node_get_url(node)))
                cmark_node_set_url(node,
                                   restored(cmark_node_get_url(node), escapedCharacters).c_str());
            if (holdsToken(cmark_node_get_title(node)))
                cmark_node_set_title(
                    node, restored(cmark_node_get_title(node), escapedCharacters).c_str());
            break;
        default:
            break;
        }
    });
}

} // namespace pw
