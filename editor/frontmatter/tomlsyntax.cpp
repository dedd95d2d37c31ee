#include "frontmatter/tomlsyntax.h"

#include "frontmatter/exactnumber.h"

#include "frontmatter/entryeditor.h"
#include "frontmatter/flowscan.h"
#include "frontmatter/textindex.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <sstream>
#include <string_view>

#include <toml++/toml.h>

namespace pw::frontmatter {

namespace {

QString nodeText(const toml::node &node)
{
    std::ostringstream out;
    node.visit([&out](auto &&n) {
        if constexpr (
            toml::is_date<
                decltype(n)> || toml::is_time<decltype(n)> || toml::is_date_time<decltype(n)>)
            out << n;
    });
    return QString::fromStdString(out.str());
}

QJsonValue toJson(const toml::node &node)
{
    switch (node.type()) {
    case toml::node_type::string:
        return QString::fromStdString(*node.value<std::string>());
    case toml::node_type::integer: {
        // Beyond 2^53 a double would round the integer (ids, big weights): keep it exact.
        const int64_t integer = *node.value<int64_t>();
        constexpr int64_t exactDoubleLimit = int64_t(1) << 53;
        if (integer > exactDoubleLimit || integer < -exactDoubleLimit)
            return QJsonValue(qint64(integer));
        return double(integer);
    }
    case toml::node_type::floating_point:
        return *node.value<double>();
    case toml::node_type::boolean:
        return *node.value<bool>();
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
        return nodeText(node);
    case toml::node_type::array: {
        QJsonArray array;
        for (const toml::node &item : *node.as_array())
            array.append(toJson(item));
        return array;
    }
    case toml::node_type::table: {
        QJsonObject object;
        for (auto &&[key, value] : *node.as_table())
            object.insert(QString::fromUtf8(key.str().data(), qsizetype(key.str().size())),
                          toJson(value));
        return object;
    }
    case toml::node_type::none:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

QString scalarText(const toml::node &node, QStringView raw)
{
    if (const auto *s = node.as_string())
        return QString::fromStdString(s->get());
    return raw.toString(); // numbers and dates as written
}

QuoteStyle quoteOf(QStringView raw)
{
    if (raw.startsWith(QLatin1Char('\'')))
        return QuoteStyle::Single;
    if (raw.startsWith(QLatin1Char('"')))
        return QuoteStyle::Double;
    return QuoteStyle::Plain;
}

bool isBareKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
}

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

int skipBlanks(const QString &text, int pos, int limit)
{
    while (pos < limit && isBlank(text.at(pos)))
        ++pos;
    return pos;
}

struct KeyScan
{
    QStringList parts; // `a."b c".d` is a, b c, d
    int end = -1;      // just past the key and the blanks after it
};

KeyScan scanKey(const QString &text, int pos, int limit)
{
    KeyScan scan;
    while (pos < limit) {
        if (text.at(pos) == QLatin1Char('"') || text.at(pos) == QLatin1Char('\'')) {
            const int close = scanQuoted(text, pos, limit);
            if (close < 0)
                return scan;
            scan.parts.append(text.mid(pos + 1, close - pos - 2));
            pos = close;
        } else {
            const int start = pos;
            while (pos < limit && isBareKeyChar(text.at(pos)))
                ++pos;
            if (pos == start)
                return scan;
            scan.parts.append(text.mid(start, pos - start));
        }
        pos = skipBlanks(text, pos, limit);
        if (pos < limit && text.at(pos) == QLatin1Char('.')) {
            pos = skipBlanks(text, pos + 1, limit);
            continue;
        }
        scan.end = pos;
        return scan;
    }
    return scan;
}

// End of a value: a string, an array or inline table, or a bare token up to a comment.
int scanValueEnd(const QString &text, int pos, int limit)
{
    const QChar c = text.at(pos);
    if (c == QLatin1Char('"') || c == QLatin1Char('\''))
        return scanQuoted(text, pos, limit);
    if (c == QLatin1Char('[') || c == QLatin1Char('{')) {
        const FlowScan scan = scanFlow(text, pos, limit, CommentStart::Anywhere);
        return scan.closed ? scan.end : -1;
    }
    const int lineEnd = lineEndAt(text, pos, limit);
    int end = pos;
    while (end < lineEnd && text.at(end) != QLatin1Char('#'))
        ++end;
    while (end > pos && text.at(end - 1).isSpace())
        --end;
    return end;
}

const QRegularExpression &tomlDateTime()
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?"
                       "(?:[Zz]|[-+][0-9]{2}:[0-9]{2})?)?$"));
    return re;
}

QString tomlBasicString(QStringView text)
{
    return escapedString(text, EscapeStyle::Toml);
}

bool fitsLiteralString(QStringView text)
{
    for (QChar c : text) {
        if (c == QLatin1Char('\'') || c.unicode() < 0x20 || c.unicode() == 0x7F)
            return false;
    }
    return true;
}

QString tomlKey(const QString &key)
{
    const bool bare = !key.isEmpty() && std::all_of(key.cbegin(), key.cend(), [](QChar c) {
        return c.unicode() < 0x80 && isBareKeyChar(c);
    });
    return bare ? key : tomlBasicString(key);
}

bool containsNull(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return true;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [](const QJsonValue &v) { return containsNull(v); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        return std::any_of(object.begin(), object.end(),
                           [](const QJsonValue &v) { return containsNull(v); });
    }
    return false;
}

QString newlineOf(const QString &text, const BlockLayout &layout)
{
    const QStringView content
        = QStringView(text).mid(layout.contentStart, layout.contentEnd - layout.contentStart);
    return content.contains(u"\r\n") ? QStringLiteral("\r\n") : QStringLiteral("\n");
}

// The end of an array item's row when the rest of its line holds no more than a comma and a
// comment (trailing blanks left out), else -1.
int rowEnd(const QString &text, int itemEnd, int limit, bool commaRequired)
{
    const int lineEnd = lineEndAt(text, itemEnd, limit);
    int pos = skipBlanks(text, itemEnd, lineEnd);
    int end = itemEnd;
    if (pos < lineEnd && text.at(pos) == QLatin1Char(',')) {
        end = ++pos;
        pos = skipBlanks(text, pos, lineEnd);
    } else if (commaRequired) {
        return -1;
    }
    if (pos < lineEnd && text.at(pos) == QLatin1Char('#')) {
        end = lineEnd;
        while (end > pos && text.at(end - 1).isSpace())
            --end;
        return end;
    }
    const bool restBlank
        = pos == lineEnd || (pos + 1 == lineEnd && text.at(pos) == QLatin1Char('\r'));
    return restBlank && lineEnd < limit ? end : -1;
}

// An array written an item per line (`[`, lines of `item,  # comment`, then `]`): each item then
// spans its row through its comma and comment, the way a YAML block-list item spans its line, so
// an edit keeps the comments of the items it keeps and the comment lines among them.
void markRows(const QString &text, Entry &entry, int open, int limit, const QString &newline)
{
    if (entry.shape != ValueShape::FlowList || entry.items.isEmpty())
        return;
    QList<int> ends;
    int previousEnd = open + 1;
    for (int i = 0; i < entry.items.size(); ++i) {
        const ListItem &item = entry.items.at(i);
        const int lineStart = currentLineStart(text, item.start);
        const bool ownLine
            = lineStart >= previousEnd && skipBlanks(text, lineStart, item.start) == item.start;
        const int end = rowEnd(text, item.end, limit, i + 1 < entry.items.size());
        if (!ownLine || end < 0)
            return;
        ends.append(end);
        previousEnd = end;
    }
    for (int i = 0; i < entry.items.size(); ++i) {
        entry.items[i].textEnd = entry.items.at(i).end;
        entry.items[i].end = ends.at(i);
    }
    const int firstLine = currentLineStart(text, entry.items.first().start);
    entry.itemSeparator = newline + text.mid(firstLine, entry.items.first().start - firstLine);
    entry.itemsEnd = entry.items.last().end;
}

void fillList(const QString &text, Entry &entry, const toml::array &array, int pos, int limit,
              const QString &newline)
{
    setFlowList(text, entry, scanFlow(text, pos, limit, CommentStart::Anywhere),
                qsizetype(array.size()), [&](int i, Span span) {
                    const QStringView raw
                        = QStringView(text).mid(span.start, span.end - span.start);
                    const toml::node &node = *array.get(std::size_t(i));
                    return ListItem{0, 0, toJson(node), scalarText(node, raw), quoteOf(raw)};
                });
    markRows(text, entry, pos, limit, newline);
}

// A `key = value` as written: its path from the root (the table it is under, then its own dotted
// parts), or a member of an inline table.
struct Statement
{
    QStringList path;
    int section = 0; // index into TomlText::sections
    int start = 0;   // its line; inline-table members: the member's text
    int equals = 0;
    int valueStart = 0;
    int valueEnd = 0;
    int end = 0;     // after the newline of its last line; inline-table members: the member's end
    int owner = -1;  // inline-table members: the statement whose value holds them
    int member = -1; // and their index in its inlineTable
    FlowScan inlineTable; // when the value is `{ ... }`
};

// The root, or the keys under one [table] / [[array of tables]] header.
struct Section
{
    QStringList path; // empty for the root
    bool arrayOfTables = false;
    int start = 0;     // the header's line (the root: the block's first line)
    int bodyStart = 0; // after the header's line
    int lastStatementEnd = -1;
    QString indent; // of its statements (or of the header while it has none)
};

struct TomlText
{
    QList<Section> sections;
    QList<Statement> statements;
};

void addStatement(const QString &text, TomlText &scanned, Statement statement, int limit)
{
    const bool inlineTable = text.at(statement.valueStart) == QLatin1Char('{');
    if (inlineTable)
        statement.inlineTable = scanFlow(text, statement.valueStart, limit, CommentStart::Anywhere);
    scanned.statements.append(statement);
    if (!inlineTable || !statement.inlineTable.closed)
        return;
    const int owner = int(scanned.statements.size()) - 1;
    const QList<Span> members = statement.inlineTable.items;
    for (int i = 0; i < members.size(); ++i) {
        const Span span = members.at(i);
        const KeyScan key = scanKey(text, span.start, span.end);
        if (key.end < 0 || key.end >= span.end || text.at(key.end) != QLatin1Char('='))
            continue;
        Statement member;
        member.path = statement.path + key.parts;
        member.section = statement.section;
        member.start = span.start;
        member.equals = key.end;
        member.valueStart = skipBlanks(text, key.end + 1, span.end);
        member.valueEnd = member.end = span.end; // member spans are trimmed of blanks
        member.owner = owner;
        member.member = i;
        if (member.valueStart < member.valueEnd)
            addStatement(text, scanned, member, span.end);
    }
}

// Every statement and table header of a block toml++ accepted, located by scanning its text.
TomlText scanStatements(const QString &text, const BlockLayout &layout)
{
    TomlText scanned;
    const int limit = layout.contentEnd;
    scanned.sections.append(Section{{}, false, layout.contentStart, layout.contentStart, -1, {}});
    int pos = layout.contentStart;
    while (pos < limit) {
        const int lineEnd = lineEndAt(text, pos, limit);
        const int start = skipBlanks(text, pos, lineEnd);
        if (start >= lineEnd || text.at(start) == QLatin1Char('#')
            || text.at(start) == QLatin1Char('\r')) {
            pos = nextLineStart(text, pos);
            continue;
        }
        if (text.at(start) == QLatin1Char('[')) {
            Section section;
            section.arrayOfTables = start + 1 < lineEnd && text.at(start + 1) == QLatin1Char('[');
            const int name = skipBlanks(text, start + (section.arrayOfTables ? 2 : 1), lineEnd);
            section.path = scanKey(text, name, lineEnd).parts;
            section.start = pos;
            section.bodyStart = qMin(nextLineStart(text, pos), limit);
            section.indent = text.mid(pos, start - pos);
            scanned.sections.append(section);
            pos = nextLineStart(text, pos);
            continue;
        }
        const KeyScan key = scanKey(text, start, lineEnd);
        const int valueStart = key.end < 0 ? lineEnd : skipBlanks(text, key.end + 1, lineEnd);
        // toml++ accepted the block, so the checks below cannot fail; they keep the scan safe.
        if (key.end < 0 || key.end >= lineEnd || text.at(key.end) != QLatin1Char('=')
            || valueStart >= lineEnd) {
            pos = nextLineStart(text, pos);
            continue;
        }
        Statement statement;
        statement.path = scanned.sections.last().path + key.parts;
        statement.section = int(scanned.sections.size()) - 1;
        statement.start = pos;
        statement.equals = key.end;
        statement.valueStart = valueStart;
        statement.valueEnd = scanValueEnd(text, valueStart, limit);
        if (statement.valueEnd < 0) {
            pos = nextLineStart(text, pos);
            continue;
        }
        statement.end = qMin(nextLineStart(text, statement.valueEnd), limit);
        Section &section = scanned.sections.last();
        if (section.lastStatementEnd < 0)
            section.indent = text.mid(pos, start - pos);
        section.lastStatementEnd = statement.end;
        addStatement(text, scanned, statement, limit);
        pos = nextLineStart(text, statement.valueEnd);
    }
    return scanned;
}

// The entry for one statement, as its value `node` (which toml++ parsed) is written.
Entry entryOf(const QString &text, const Statement &statement, const QString &key,
              const toml::node &node, const LineIndex &lines, int limit, const QString &newline)
{
    Entry entry;
    entry.key = key;
    entry.start = statement.start;
    entry.end = statement.end;
    entry.colonEnd = statement.equals + 1;
    entry.valueStart = statement.valueStart;
    entry.valueEnd = statement.valueEnd;
    entry.value = toJson(node);
    const QStringView raw
        = QStringView(text).mid(entry.valueStart, entry.valueEnd - entry.valueStart);
    entry.text = scalarText(node, raw);
    entry.quote = quoteOf(raw);
    const int keyStart = skipBlanks(text, statement.start, statement.equals);
    entry.keyLine = lines.lineOf(keyStart);
    entry.keyColumn = lines.columnOf(keyStart);
    entry.valueLine = lines.lineOf(entry.valueStart);
    entry.valueColumn = lines.columnOf(entry.valueStart);
    if (node.is_table())
        entry.shape = ValueShape::Other;
    else if (const toml::array *array = node.as_array())
        fillList(text, entry, *array, entry.valueStart, limit, newline);
    else
        entry.shape = raw.startsWith(u"\"\"\"") || raw.startsWith(u"'''") ? ValueShape::Other
                                                                          : ValueShape::Scalar;
    return entry;
}

const toml::node *nodeAt(const toml::table &root, const QStringList &path)
{
    const toml::node *node = &root;
    for (const QString &part : path) {
        const toml::table *table = node->as_table();
        node = table ? table->get(part.toStdString()) : nullptr;
        if (!node)
            return nullptr;
    }
    return node;
}

bool startsWith(const QStringList &path, const QStringList &prefix)
{
    return path.size() >= prefix.size() && path.mid(0, prefix.size()) == prefix;
}

QString keyText(const QStringList &path)
{
    QStringList parts;
    for (const QString &part : path)
        parts.append(tomlKey(part));
    return parts.join(QLatin1Char('.'));
}

int statementAt(const TomlText &scanned, const QStringList &path)
{
    for (int i = 0; i < scanned.statements.size(); ++i) {
        const Statement &statement = scanned.statements.at(i);
        if (statement.path == path && !scanned.sections.at(statement.section).arrayOfTables)
            return i;
    }
    return -1;
}

Unexpected<Error> tableRefusal(const QStringList &path, const QString &action)
{
    const QString name = keyText(path);
    return failure(
        QStringLiteral("`%1` is a table written as a [table] header or as dotted keys").arg(name),
        QStringLiteral("%1 its keys one by one (%2.KEY)").arg(action, name));
}

// toml++ counts columns in code points; the editor counts UTF-16 units.
int utf16Column(QStringView content, int line, int codePointColumn)
{
    qsizetype start = 0;
    for (int i = 1; i < line && start >= 0; ++i) {
        start = content.indexOf(QLatin1Char('\n'), start);
        start = start < 0 ? -1 : start + 1;
    }
    if (start < 0)
        return qMax(1, codePointColumn);
    qsizetype pos = start;
    int codePoints = 1;
    while (codePoints < codePointColumn && pos < content.size()
           && content.at(pos) != QLatin1Char('\n')) {
        pos += content.at(pos).isHighSurrogate() && pos + 1 < content.size() ? 2 : 1;
        ++codePoints;
    }
    return int(pos - start) + 1 + qMax(0, codePointColumn - codePoints);
}

struct ParsedToml
{
    toml::table root;
    std::optional<Diagnostic> error;
    bool redefinition = false; // the error is a key or table given twice
};

ParsedToml parseToml(const QString &text, const BlockLayout &layout)
{
    ParsedToml parsed;
    const QStringView content
        = QStringView(text).mid(layout.contentStart, layout.contentEnd - layout.contentStart);
    const std::string utf8 = content.toUtf8().toStdString();
    try {
        parsed.root = toml::parse(std::string_view(utf8));
    } catch (const toml::parse_error &e) {
        Diagnostic d;
        const int line = int(e.source().begin.line);
        d.line = layout.contentFirstLine + line - 1;
        d.column = utf16Column(content, line, int(e.source().begin.column));
        d.message = QStringLiteral("invalid TOML: %1")
                        .arg(QString::fromUtf8(e.description().data(),
                                               qsizetype(e.description().size())));
        parsed.error = d;
        parsed.redefinition = e.description().find("redefine") != std::string_view::npos;
    }
    return parsed;
}

// toml++ names a key given twice garbled (`"title" = ` after `title = ` comes out as
// '"tititle" '): find the second definition ourselves and name both lines.
std::optional<Diagnostic> duplicateKey(const QString &text, const BlockLayout &layout,
                                       const LineIndex &lines)
{
    const TomlText scanned = scanStatements(text, layout);
    QHash<QString, int> firstLine;
    for (const Statement &statement : scanned.statements) {
        // A statement's path starts with its table's. Each [[array of tables]] entry is a table
        // of its own: its keys may repeat the last entry's.
        const bool inArrayOfTables = scanned.sections.at(statement.section).arrayOfTables;
        const QString name = (inArrayOfTables ? QString::number(statement.section) : QString())
                             + QLatin1Char('\n') + keyText(statement.path);
        const int keyStart = skipBlanks(text, statement.start, layout.contentEnd);
        const int line = lines.lineOf(keyStart);
        const auto seen = firstLine.constFind(name);
        if (seen == firstLine.cend()) {
            firstLine.insert(name, line);
            continue;
        }
        const QString key = statement.path.join(QLatin1Char('.'));
        return Diagnostic{Diagnostic::Severity::Error, line, lines.columnOf(keyStart),
                          QStringLiteral("key \"%1\" is defined twice (first on line %2): keep "
                                         "one of them")
                              .arg(key)
                              .arg(*seen)};
    }
    return std::nullopt;
}

// A new `key = value` line after `at`, the end of a line (or the start of the block's last one).
TextPatch insertLine(const QString &text, int at, const QString &indent, const QStringList &key,
                     const QString &value, const QString &newline)
{
    const QString lead = at > 0 && text.at(at - 1) != QLatin1Char('\n') ? newline : QString();
    return {at, 0, lead + indent + keyText(key) + QStringLiteral(" = ") + value + newline};
}

// A new member of the inline table `owner` holds: `{ a = 1 }` becomes `{ a = 1, key = value }`.
TextPatch insertMember(const Statement &owner, const QStringList &key, const QString &value)
{
    const FlowScan &table = owner.inlineTable;
    const QString member = keyText(key) + QStringLiteral(" = ") + value;
    if (table.items.isEmpty())
        return {table.innerStart, table.innerEnd - table.innerStart,
                QLatin1Char(' ') + member + QLatin1Char(' ')};
    return {table.items.last().end, 0, QStringLiteral(", ") + member};
}

} // namespace

QStringList parseKeyPath(const QString &path)
{
    const KeyScan key = scanKey(path, 0, int(path.size()));
    return key.end == path.size() ? key.parts : QStringList();
}

ParsedBlock TomlSyntax::parse(const QString &text, const BlockLayout &layout,
                              const LineIndex &lines) const
{
    ParsedBlock block;
    block.appendAt = layout.contentEnd;
    block.newline = newlineOf(text, layout);
    const ParsedToml parsed = parseToml(text, layout);
    if (parsed.error) {
        const std::optional<Diagnostic> duplicate
            = parsed.redefinition ? duplicateKey(text, layout, lines) : std::nullopt;
        block.errors.append(duplicate.value_or(*parsed.error));
        return block;
    }

    const TomlText scanned = scanStatements(text, layout);
    for (const Statement &statement : scanned.statements) {
        if (statement.section != 0 || statement.owner >= 0)
            continue;
        const QString &key = statement.path.first();
        if (const int existing = block.indexOf(key); existing >= 0) {
            block.entries[existing].editable = false; // a dotted key spread over lines
            continue;
        }
        const toml::node *node = parsed.root.get(key.toStdString());
        if (!node)
            continue;
        Entry entry = entryOf(text, statement, key, *node, lines, layout.contentEnd, block.newline);
        if (statement.path.size() > 1) { // `params.x = 1`: the entry is the whole table
            entry.editable = false;
            entry.shape = ValueShape::Other;
        }
        block.entries.append(entry);
    }
    const Section &root = scanned.sections.first();
    block.indent = root.indent;
    if (scanned.sections.size() > 1) // new top-level keys go before the first [table]
        block.appendAt
            = root.lastStatementEnd >= 0 ? root.lastStatementEnd : scanned.sections.at(1).start;
    // A table's first header stands for it here; its keys are edited by path (setNested).
    for (const Section &section : scanned.sections) {
        if (section.path.isEmpty() || block.indexOf(section.path.first()) >= 0)
            continue;
        Entry entry;
        entry.key = section.path.first();
        entry.start = section.start;
        entry.end = entry.colonEnd = entry.valueStart = entry.valueEnd
            = lineEndAt(text, section.start, layout.contentEnd);
        entry.shape = ValueShape::Other;
        entry.editable = false;
        const int header = skipBlanks(text, section.start, entry.end);
        entry.keyLine = entry.valueLine = lines.lineOf(header);
        entry.keyColumn = entry.valueColumn = lines.columnOf(header);
        if (const toml::node *node = parsed.root.get(entry.key.toStdString()))
            entry.value = toJson(*node);
        block.entries.append(entry);
    }
    return block;
}

Result<TextPatch> TomlSyntax::setNested(const QString &text, const BlockLayout &layout,
                                        const QStringList &path, const QJsonValue &value,
                                        const RenderHints &hints) const
{
    const ParsedToml parsed = parseToml(text, layout);
    if (parsed.error)
        return failure(Error{parsed.error->message,
                             {},
                             parsed.error->line,
                             parsed.error->column,
                             QStringLiteral("fix it in the text first")});
    const QString newline = newlineOf(text, layout);
    const TomlText scanned = scanStatements(text, layout);
    if (const int at = statementAt(scanned, path); at >= 0) {
        const toml::node *node = nodeAt(parsed.root, path);
        if (!node)
            return failure(QStringLiteral("`%1` is not where it is written").arg(keyText(path)));
        const LineIndex lines(text, layout.contentEnd);
        const Entry entry = entryOf(text, scanned.statements.at(at), path.last(), *node, lines,
                                    layout.contentEnd, newline);
        return replaceValue(text, entry, value, *this, hints.dateValue);
    }
    if (nodeAt(parsed.root, path))
        return tableRefusal(path, QStringLiteral("set"));

    // A new key goes into the innermost table that is written: under its [table] header, into
    // its inline table, or after its dotted keys.
    const QString rendered = render(value, hints);
    for (qsizetype length = path.size() - 1; length >= 1; --length) {
        const QStringList table = path.mid(0, length);
        for (const Section &section : scanned.sections) {
            if (section.path == table && !section.arrayOfTables) {
                const int at
                    = section.lastStatementEnd >= 0 ? section.lastStatementEnd : section.bodyStart;
                return insertLine(text, at, section.indent, path.mid(length), rendered, newline);
            }
        }
        const Statement *dotted = nullptr;
        for (const Statement &statement : scanned.statements) {
            if (statement.path == table && statement.inlineTable.closed)
                return insertMember(statement, path.mid(length), rendered);
            const Section &section = scanned.sections.at(statement.section);
            if (statement.owner < 0 && statement.path.size() > length
                && startsWith(statement.path, table) && startsWith(table, section.path)
                && !section.arrayOfTables)
                dotted = &statement;
        }
        if (dotted) {
            const int keyStart = skipBlanks(text, dotted->start, dotted->equals);
            return insertLine(text, dotted->end, text.mid(dotted->start, keyStart - dotted->start),
                              path.mid(scanned.sections.at(dotted->section).path.size()), rendered,
                              newline);
        }
    }
    // None of its tables is written: a new [table] at the end of the block.
    const int at = layout.contentEnd;
    const int lastLine = currentLineStart(text, at - 1);
    const bool blankBefore = at == layout.contentStart
                             || QStringView(text).mid(lastLine, at - lastLine).trimmed().isEmpty();
    const QString header
        = QLatin1Char('[') + keyText(path.mid(0, path.size() - 1)) + QLatin1Char(']') + newline;
    TextPatch patch = insertLine(text, at, {}, path.mid(path.size() - 1), rendered, newline);
    patch.text = (blankBefore ? QString() : newline) + header + patch.text;
    return patch;
}

Result<TextPatch> TomlSyntax::unsetNested(const QString &text, const BlockLayout &layout,
                                          const QStringList &path) const
{
    const TomlText scanned = scanStatements(text, layout);
    const int at = statementAt(scanned, path);
    if (at < 0)
        return tableRefusal(path, QStringLiteral("remove"));
    const Statement &statement = scanned.statements.at(at);
    if (statement.owner < 0)
        return TextPatch{statement.start, statement.end - statement.start, {}};
    // An inline-table member goes with one comma next to it.
    const FlowScan &table = scanned.statements.at(statement.owner).inlineTable;
    const int i = statement.member;
    if (table.items.size() == 1)
        return TextPatch{table.innerStart, table.innerEnd - table.innerStart, {}};
    if (i + 1 < table.items.size())
        return TextPatch{
            table.items.at(i).start, table.items.at(i + 1).start - table.items.at(i).start, {}};
    return TextPatch{
        table.items.at(i - 1).end, table.items.at(i).end - table.items.at(i - 1).end, {}};
}

QString TomlSyntax::render(const QJsonValue &value, const RenderHints &hints) const
{
    switch (value.type()) {
    case QJsonValue::String: {
        const QString s = value.toString();
        // A string TOML wrote without quotes was a datetime: a new one stays one, like a date
        // field's.
        const bool wasDateTime = hints.quote == QuoteStyle::Plain && hints.previous.has_value();
        if ((hints.dateValue || wasDateTime) && hints.quote == QuoteStyle::Plain
            && tomlDateTime().match(s).hasMatch())
            return s;
        if (hints.quote == QuoteStyle::Single && fitsLiteralString(s))
            return QLatin1Char('\'') + s + QLatin1Char('\'');
        return tomlBasicString(s);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        // An integral value is an integer; any other has a dot or an exponent, so it is a float.
        return numberText(value);
    case QJsonValue::Array: {
        RenderHints inner;
        inner.insideList = true;
        inner.quote = hints.quote == QuoteStyle::Single ? QuoteStyle::Single : QuoteStyle::Double;
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(render(item, inner));
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        RenderHints inner;
        inner.insideList = true;
        QStringList items;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            items.append(tomlKey(it.key()) + QStringLiteral(" = ") + render(it.value(), inner));
        return items.isEmpty()
                   ? QStringLiteral("{}")
                   : QStringLiteral("{ ") + items.join(QStringLiteral(", ")) + QStringLiteral(" }");
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

Result<void> TomlSyntax::canWrite(const QJsonValue &value) const
{
    if (containsNull(value))
        return failure(QStringLiteral("TOML has no empty (null) value"),
                       QStringLiteral("remove the key instead"));
    return {};
}

TextPatch TomlSyntax::append(const QString &, const ParsedBlock &block, const QString &key,
                             const QJsonValue &value, const RenderHints &hints) const
{
    return {block.appendAt, 0,
            block.indent + tomlKey(key) + QStringLiteral(" = ") + render(value, hints)
                + block.newline};
}

QString TomlSyntax::newBlock(const QString &key, const QJsonValue &value,
                             const RenderHints &hints) const
{
    return QStringLiteral("+++\n") + tomlKey(key) + QStringLiteral(" = ") + render(value, hints)
           + QStringLiteral("\n+++\n");
}

QJsonObject tomlDocumentObject(const QByteArray &utf8)
{
    try {
        return toJson(toml::parse(std::string_view(utf8.constData(), size_t(utf8.size()))))
            .toObject();
    } catch (const std::exception &) { // toml::parse_error
        return {};
    }
}

} // namespace pw::frontmatter
