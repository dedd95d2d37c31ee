#pragma once

// The parsed shape of a front-matter block: each top-level key with the exact span of its text,
// so an edit replaces only those characters. One BlockSyntax per format (YAML, TOML, JSON)
// finds the spans and renders values; EntryEditor does the format-neutral patching.

#include "frontmatter/blocklayout.h"
#include "frontmatter/flowscan.h"
#include "frontmatter/postdocument.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace pw::frontmatter {

class LineIndex;

enum class ValueShape {
    Null,      // `key:` with nothing after it
    Scalar,    // a string, number, bool or date on the key's line (or a block scalar)
    FlowList,  // [a, b]
    BlockList, // lines of "- item"
    Other,     // maps, lists of maps, anything we carry through as text
};

enum class QuoteStyle { Plain, Single, Double, Block };

struct ListItem
{
    int start = 0; // block lists: from the "- "; flow lists: the item's own text
    int end = 0;
    QJsonValue value;
    QString text; // a scalar as a generator reads it as a string ("1.10" stays "1.10")
    QuoteStyle quote = QuoteStyle::Plain;
    // Lists with an item per line and commas (TOML): where the item's own text ends; its comma
    // and comment follow up to `end`. -1 elsewhere.
    int textEnd = -1;
};

struct Entry
{
    QString key;
    int start = 0;      // YAML/TOML: start of the key's line; JSON: the key's opening quote
    int end = 0;        // YAML/TOML: after the newline of its last line; JSON: after the value
    int colonEnd = 0;   // just after ':' or '='
    int valueStart = 0; // == colonEnd when the value starts on a later line (or there is none)
    int valueEnd = 0;   // excludes a trailing comment and the final newline
    ValueShape shape = ValueShape::Null;
    QuoteStyle quote = QuoteStyle::Plain;
    QJsonValue value;
    QString text; // scalars: the string a generator reads (dates and numbers as written)
    bool editable = true;
    int keyLine = 0;
    int keyColumn = 0;
    int valueLine = 0;
    int valueColumn = 0;

    // Lists: items, where a first item goes in an empty list, what separates new neighbours.
    QList<ListItem> items;
    int itemsStart = 0;
    int itemsEnd = 0;
    QString itemSeparator;
    QString itemPrefix; // "- " for YAML block lists

    // YAML block scalars (| and >): the header and the indentation of their lines, kept on edit.
    QString blockHeader;
    QString blockIndent;
};

struct ParsedBlock
{
    QList<Entry> entries;
    QList<Diagnostic> errors;
    bool editable = true; // false for a block we can read but not patch (e.g. a flow map)
    QString notEditableReason;
    int appendAt = 0; // where a new top-level entry is inserted
    QString indent;   // of the top-level keys
    QString newline = QStringLiteral("\n");

    int indexOf(const QString &key) const;
    // The maps a YAML merge key (`<<: *defaults`, or a list of them) brings in, first one first:
    // a key the block does not give itself comes from the first of them that has it.
    QList<QJsonObject> mergedMaps() const;
};

struct TextPatch
{
    int start = 0;
    int length = 0;
    QString text;
};

struct RenderHints
{
    QuoteStyle quote = QuoteStyle::Plain;
    bool insideList = false; // YAML flow context: ',' '[' ']' '{' '}' need quoting too
    bool dateValue = false;  // a date field: a valid date stays bare (YAML plain, TOML datetime)
    QString blockHeader;     // YAML block scalars: the "|" / ">-" header to keep
    QString blockIndent;     // and the indentation of their lines
    // The string being replaced (TOML tells a datetime from a string by it). YAML keeps a quoted
    // value quoted whatever it held: quotes that were needed may still be the author's style.
    std::optional<QString> previous;
};

class BlockSyntax
{
public:
    virtual ~BlockSyntax() = default;

    virtual ParsedBlock parse(const QString &text, const BlockLayout &layout,
                              const LineIndex &lines) const = 0;
    // A value in this format's syntax; scalars in the requested quote style where that is valid.
    virtual QString render(const QJsonValue &value, const RenderHints &hints) const = 0;
    // Whether this format can write the value at all (TOML has no null).
    virtual Result<void> canWrite(const QJsonValue &value) const;
    virtual TextPatch append(const QString &text, const ParsedBlock &block, const QString &key,
                             const QJsonValue &value, const RenderHints &hints) const = 0;
    virtual TextPatch remove(const QString &text, const ParsedBlock &block, int index) const;
    // A whole new block for a file that has none.
    virtual QString newBlock(const QString &key, const QJsonValue &value,
                             const RenderHints &hints) const = 0;
    // Keys below the top level, by path ({"params", "author"}); formats that cannot locate them
    // refuse (only TomlSyntax can).
    virtual Result<TextPatch> setNested(const QString &text, const BlockLayout &layout,
                                        const QStringList &path, const QJsonValue &value,
                                        const RenderHints &hints) const;
    virtual Result<TextPatch> unsetNested(const QString &text, const BlockLayout &layout,
                                          const QStringList &path) const;
};

const BlockSyntax &syntaxFor(FrontMatterFormat format);

// Makes `entry` a flow list of the scanned items when they match the parsed list's length (else
// the value is carried as Other); `itemAt(index, span)` gives each item's value and text.
void setFlowList(const QString &text, Entry &entry, const FlowScan &scan, qsizetype parsedCount,
                 const std::function<ListItem(int, Span)> &itemAt);

// A double-quoted string escaped the way each format spells escapes (non-ASCII stays raw).
enum class EscapeStyle { Yaml, Toml, Json };
QString escapedString(QStringView text, EscapeStyle style);

// Shared by the formats' renderers.
QString numberText(double value);
bool isScalar(const QJsonValue &value);
bool isIsoDate(QStringView text);

} // namespace pw::frontmatter
