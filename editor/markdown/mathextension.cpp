#include "mathextension.h"

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

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

// The offset just after the math that starts at `start` (on a '$'), and its TeX; 0 if none does.
// peek_at() gives 0 past the end of the paragraph's text (cmark-gfm replaces NUL characters).
int scanMath(cmark_inline_parser *inlines, int start, bool display, std::string &tex)
{
    auto at = [inlines](int offset) {
        return cmark_inline_parser_peek_at(inlines, offset);
    };
    int offset = start + (display ? 2 : 1);
    if (!display && (isSpace(at(offset)) || at(offset) == 0))
        return 0; // "$ 5"
    for (unsigned char c = at(offset); c != 0; c = at(++offset)) {
        if (c == '\\' && at(offset + 1) != 0) { // "\$" inside math does not close it
            tex += char(c);
            tex += char(at(++offset));
            continue;
        }
        if (c == '$') {
            if (display && at(offset + 1) == '$')
                return tex.empty() ? 0 : offset + 2;
            if (!display && !isSpace(at(offset - 1)) && !isDigit(at(offset + 1)))
                return offset + 1;
        }
        tex += char(c);
    }
    return 0;
}

cmark_node *matchMath(cmark_syntax_extension *, cmark_parser *, cmark_node *,
                      unsigned char character, cmark_inline_parser *inlines)
{
    if (character != '$')
        return nullptr;
    const int start = cmark_inline_parser_get_offset(inlines);
    const bool display = cmark_inline_parser_peek_at(inlines, start + 1) == '$';
    std::string tex;
    const int end = scanMath(inlines, start, display, tex);
    if (end == 0)
        return nullptr; // the dollar is text
    cmark_inline_parser_set_offset(inlines, end);

    std::string html
        = display ? "<span class=\"math display\">\\[" : "<span class=\"math inline\">\\(";
    appendEscaped(html, tex);
    html += display ? "\\]</span>" : "\\)</span>";
    // Inline HTML, not a custom node: table cells may contain only the standard inline types.
    // It goes through the sanitizer like any inline HTML (and is left as it is: it is safe).
    cmark_node *node = cmark_node_new(CMARK_NODE_HTML_INLINE);
    cmark_node_set_literal(node, html.c_str());
    return node;
}

cmark_syntax_extension *createMathExtension()
{
    cmark_syntax_extension *extension = cmark_syntax_extension_new("pw-math");
    cmark_syntax_extension_set_match_inline_func(extension, matchMath);
    cmark_llist *special = cmark_llist_append(cmark_get_default_mem_allocator(), nullptr,
                                              reinterpret_cast<void *>(std::uintptr_t('$')));
    cmark_syntax_extension_set_special_inline_chars(extension, special);
    return extension;
}

} // namespace

cmark_syntax_extension *mathExtension()
{
    static cmark_syntax_extension *const extension = createMathExtension();
    return extension;
}

} // namespace pw
