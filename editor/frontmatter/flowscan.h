#pragma once

// Finds the extent of quoted strings and [..]/{..} collections in YAML, TOML and JSON text
// without interpreting them, so list items can be patched one by one.

#include <QList>
#include <QString>

namespace pw::frontmatter {

struct Span
{
    int start = 0;
    int end = 0;
};

// Index just past the closing quote of the string opening at `open` ('"' or '\'', also TOML's
// triple quotes), or -1 when it does not close before `limit`.
int scanQuoted(const QString &text, int open, int limit);

struct FlowScan
{
    bool closed = false;
    int end = 0;        // just past the closing bracket
    QList<Span> items;  // each item's text, trimmed of blanks and comments
    int innerStart = 0; // just past the opening bracket
    int innerEnd = 0;   // the closing bracket
};

// Where '#' outside a string starts a comment: in YAML only after a blank (`a#b` is one scalar),
// in TOML anywhere (`"a",# c`). JSON has no '#' outside strings, so either rule is harmless there.
enum class CommentStart { AfterBlank, Anywhere };

// Scans the collection opening at `open` ('[' or '{').
FlowScan scanFlow(const QString &text, int open, int limit, CommentStart comments);

} // namespace pw::frontmatter
