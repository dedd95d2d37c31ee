#pragma once

// RAII owners for cmark-gfm's C handles. Private to pw_markdown: no public header includes
// cmark-gfm.h.

#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

namespace pw::cmark {

struct ParserDeleter
{
    void operator()(cmark_parser *parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter
{
    void operator()(cmark_node *node) const { cmark_node_free(node); }
};
// cmark_render_html() allocates with the default memory allocator (the parser's, which is the
// default one here), so the text is released through that allocator.
struct TextDeleter
{
    void operator()(char *text) const { cmark_get_default_mem_allocator()->free(text); }
};

using Parser = std::unique_ptr<cmark_parser, ParserDeleter>;
using Node = std::unique_ptr<cmark_node, NodeDeleter>;
using Text = std::unique_ptr<char, TextDeleter>;

struct IterDeleter
{
    void operator()(cmark_iter *iter) const { cmark_iter_free(iter); }
};
using Iter = std::unique_ptr<cmark_iter, IterDeleter>;

// Calls visit(node) for every node under root (root included), in document order. visit may
// change a node's literal or URL, but not insert or remove nodes.
template<typename Visit>
void forEachNode(cmark_node *root, Visit &&visit)
{
    Iter iter(cmark_iter_new(root));
    for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        if (event == CMARK_EVENT_ENTER)
            visit(cmark_iter_get_node(iter.get()));
    }
}

} // namespace pw::cmark
