#include "frontmatter/yamlsyntax.h"

#include "frontmatter/exactnumber.h"
#include "frontmatter/flowscan.h"
#include "frontmatter/textindex.h"
#include "frontmatter/yamlconformance.h"
#include "frontmatter/yamlscalar.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

namespace pw::frontmatter {

namespace {

constexpr int maxNesting = 64;

// A scalar's JSON value from its text (already converted once by the caller).
QJsonValue scalarToJson(const YAML::Node &node, const QString &scalar)
{
    const std::string &tag = node.Tag();
    if (tag == "?")
        return resolvePlainScalar(scalar);
    // Explicit core-schema tags (!!int 42, !!bool false) say the type; any other is text.
    static const std::string core = "tag:yaml.org,2002:";
    if (tag.starts_with(core) && tag != core + "str") {
        const QJsonValue resolved = resolvePlainScalar(scalar);
        const std::string type = tag.substr(core.size());
        const bool matches = (type == "int" || type == "float") ? resolved.isDouble()
                             : type == "bool"                   ? resolved.isBool()
                             : type == "null"                   ? resolved.isNull()
                                                                : false;
        if (matches)
            return resolved;
    }
    return scalar;
}

QJsonValue toJson(const YAML::Node &node, int depth = 0)
{
    if (depth > maxNesting)
        return QJsonValue(QJsonValue::Null);
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalarToJson(node, QString::fromStdString(node.Scalar()));
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(toJson(item, depth + 1));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &pair : node) {
            const QString key = pair.first.IsScalar()
                                    ? QString::fromStdString(pair.first.Scalar())
                                    : QString::fromStdString(YAML::Dump(pair.first));
            object.insert(key, toJson(pair.second, depth + 1));
        }
        return object;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

// An std::streambuf over bytes we already hold.
class ByteStream : public std::streambuf
{
public:
    explicit ByteStream(const QByteArray &bytes)
    {
        char *data = const_cast<char *>(bytes.constData()); // read-only: get area only
        setg(data, data, data + bytes.size());
    }
};

QuoteStyle quoteAt(const QString &text, int pos)
{
    if (pos >= text.size())
        return QuoteStyle::Plain;
    switch (text.at(pos).unicode()) {
    case '"':
        return QuoteStyle::Double;
    case '\'':
        return QuoteStyle::Single;
    case '|':
    case '>':
        return QuoteStyle::Block;
    default:
        return QuoteStyle::Plain;
    }
}

// End of the line's content before a " #" comment, trailing blanks dropped.
int contentEnd(const QString &text, int from, int lineEnd)
{
    int end = lineEnd;
    for (int i = from; i < lineEnd; ++i) {
        if (text.at(i) == QLatin1Char('#') && i > from
            && (text.at(i - 1) == QLatin1Char(' ') || text.at(i - 1) == QLatin1Char('\t'))) {
            end = i;
            break;
        }
    }
    while (end > from && text.at(end - 1).isSpace())
        --end;
    return end;
}

// Offset just past the key and its ':' on the key's line, or -1.
int colonAfterKey(const QString &text, int keyOffset, int lineEnd)
{
    int pos = keyOffset;
    if (pos < lineEnd && (text.at(pos) == QLatin1Char('"') || text.at(pos) == QLatin1Char('\''))) {
        pos = scanQuoted(text, pos, lineEnd);
        if (pos < 0)
            return -1;
    }
    for (int i = pos; i < lineEnd; ++i) {
        if (text.at(i) == QLatin1Char(':') && (i + 1 == lineEnd || text.at(i + 1).isSpace()))
            return i + 1;
    }
    return -1;
}

// The end of each line's content, from `from` to `limit`, stopping at the first comment line:
// that is where a multi-line plain scalar or a nested block ends.
int lastContentLineEnd(const QString &text, int from, int limit, int keyIndent)
{
    int end = from;
    for (int line = nextLineStart(text, from); line < limit; line = nextLineStart(text, line)) {
        const int lineEnd = lineEndAt(text, line, limit);
        const QStringView view = QStringView(text).mid(line, lineEnd - line);
        if (view.trimmed().isEmpty())
            continue;
        if (indentationOf(view) <= keyIndent || view.trimmed().startsWith(QLatin1Char('#')))
            break;
        end = contentEnd(text, line, lineEnd);
    }
    return end;
}

void scanBlockList(const QString &text, Entry &entry, const YAML::Node &node, int limit,
                   const QString &newline)
{
    int seqIndent = -1;
    QList<int> dashes;
    for (int line = nextLineStart(text, entry.colonEnd); line < limit;
         line = nextLineStart(text, line)) {
        const QStringView view = QStringView(text).mid(line, lineEndAt(text, line, limit) - line);
        const int indent = indentationOf(view);
        const QStringView rest = view.mid(indent);
        const bool dash
            = rest.startsWith(QLatin1Char('-')) && (rest.size() == 1 || rest.at(1).isSpace());
        if (dash && (seqIndent < 0 || indent == seqIndent)) {
            seqIndent = indent;
            dashes.append(line + indent);
        }
    }
    if (dashes.size() != int(node.size())) {
        entry.shape = ValueShape::Other;
        return;
    }
    for (int i = 0; i < dashes.size(); ++i) {
        const int start = dashes.at(i);
        const int limitOfItem
            = i + 1 < dashes.size() ? currentLineStart(text, dashes.at(i + 1)) : limit;
        const int firstLineEnd = lineEndAt(text, start, limitOfItem);
        int end = firstLineEnd;
        while (end > start && text.at(end - 1).isSpace())
            --end;
        end = qMax(end, lastContentLineEnd(text, start, limitOfItem, seqIndent));
        ListItem item;
        item.start = start;
        item.end = end;
        const YAML::Node child = node[std::size_t(i)];
        if (child.IsScalar()) {
            item.text = QString::fromStdString(child.Scalar());
            item.value = scalarToJson(child, item.text);
        } else {
            item.value = toJson(child);
        }
        int valuePos = start + 1;
        while (valuePos < end && text.at(valuePos) == QLatin1Char(' '))
            ++valuePos;
        item.quote = quoteAt(text, valuePos);
        entry.items.append(std::move(item));
    }
    entry.shape = ValueShape::BlockList;
    entry.itemsStart = entry.items.first().start;
    entry.itemsEnd = entry.items.last().end;
    entry.itemSeparator = newline + QString(seqIndent, QLatin1Char(' '));
    entry.itemPrefix = QStringLiteral("- ");
}

void scanFlowList(const QString &text, Entry &entry, const YAML::Node &node, int pos, int limit)
{
    const FlowScan scan = scanFlow(text, pos, limit, CommentStart::AfterBlank);
    entry.valueEnd = scan.closed ? scan.end : limit;
    const qsizetype parsedCount = node.IsSequence() ? qsizetype(node.size()) : -1;
    setFlowList(text, entry, scan, parsedCount, [&](int i, Span span) {
        const YAML::Node child = node[std::size_t(i)];
        ListItem item;
        if (child.IsScalar()) {
            item.text = QString::fromStdString(child.Scalar());
            item.value = scalarToJson(child, item.text);
        } else {
            item.value = toJson(child);
        }
        item.quote = quoteAt(text, span.start);
        return item;
    });
}

// Fills in the value's shape and span from the text after the key's ':'.
void scanValue(const QString &text, Entry &entry, const YAML::Node &node, int limit, int keyIndent,
               const QString &newline)
{
    const int lineEnd = lineEndAt(text, entry.colonEnd, limit);
    int pos = entry.colonEnd;
    while (pos < lineEnd && (text.at(pos) == QLatin1Char(' ') || text.at(pos) == QLatin1Char('\t')))
        ++pos;
    entry.valueStart = pos;
    const QChar c = pos < lineEnd ? text.at(pos) : QChar();
    if (c.isNull() || c == QLatin1Char('#') || c == QLatin1Char('\r')) {
        entry.valueStart = entry.valueEnd = entry.colonEnd;
        if (node.IsNull()) {
            entry.shape = ValueShape::Null;
            return;
        }
        entry.valueEnd = lastContentLineEnd(text, entry.colonEnd, limit, keyIndent);
        if (node.IsSequence())
            scanBlockList(text, entry, node, limit, newline);
        else
            entry.shape = ValueShape::Other;
        return;
    }
    if (c == QLatin1Char('[')) {
        scanFlowList(text, entry, node, pos, limit);
        return;
    }
    if (c == QLatin1Char('{')) {
        const FlowScan scan = scanFlow(text, pos, limit, CommentStart::AfterBlank);
        entry.shape = ValueShape::Other;
        entry.valueEnd = scan.closed ? scan.end : limit;
        return;
    }
    entry.quote = quoteAt(text, pos);
    if (entry.quote == QuoteStyle::Double || entry.quote == QuoteStyle::Single) {
        const int close = scanQuoted(text, pos, limit);
        entry.shape = close < 0 || !node.IsScalar() ? ValueShape::Other : ValueShape::Scalar;
        entry.valueEnd = close < 0 ? limit : close;
        return;
    }
    if (entry.quote == QuoteStyle::Block) {
        entry.shape = node.IsScalar() ? ValueShape::Scalar : ValueShape::Other;
        entry.blockHeader = QStringView(text).mid(pos, lineEnd - pos).trimmed().toString();
        entry.valueEnd
            = qMax(contentEnd(text, pos, lineEnd), lastContentLineEnd(text, pos, limit, keyIndent));
        for (int line = nextLineStart(text, pos); line < entry.valueEnd;
             line = nextLineStart(text, line)) {
            const QStringView view
                = QStringView(text).mid(line, lineEndAt(text, line, limit) - line);
            if (!view.trimmed().isEmpty()) {
                entry.blockIndent = QString(indentationOf(view), QLatin1Char(' '));
                break;
            }
        }
        return;
    }
    const bool plainScalar = node.IsScalar() && c != QLatin1Char('&') && c != QLatin1Char('!')
                             && c != QLatin1Char('*');
    entry.shape = plainScalar ? ValueShape::Scalar : ValueShape::Other;
    entry.valueEnd
        = qMax(contentEnd(text, pos, lineEnd), lastContentLineEnd(text, pos, limit, keyIndent));
}

Diagnostic errorAt(const QString &text, const BlockLayout &layout, const LineIndex &lines,
                   const YAML::Mark &mark, const QString &message)
{
    Diagnostic diagnostic;
    diagnostic.severity = Diagnostic::Severity::Error;
    diagnostic.message = message;
    const int contentLastLine = lines.lineOf(qMax(layout.contentStart, layout.contentEnd - 1));
    if (mark.is_null() || mark.line < 0) {
        diagnostic.line = layout.contentFirstLine;
        diagnostic.column = 1;
        return diagnostic;
    }
    diagnostic.line
        = qMin(layout.contentFirstLine + mark.line, qMax(contentLastLine, layout.contentFirstLine));
    const int start = lines.lineStart(diagnostic.line);
    const int end = lineEndAt(text, start, int(text.size()));
    diagnostic.column
        = utf16ColumnFromUtf8(QStringView(text).mid(start, end - start), mark.column) + 1;
    return diagnostic;
}

QString yamlKey(const QString &key)
{
    return isSafePlainScalar(key, true) ? key : doubleQuoted(key);
}

QString blockScalar(const QString &value, const RenderHints &hints)
{
    static const QRegularExpression headerRe(QStringLiteral("^([|>])[-+0-9]*(.*)$"));
    const auto match = headerRe.match(hints.blockHeader);
    QChar indicator = match.hasMatch() ? match.captured(1).front() : QLatin1Char('|');
    if (value.contains(QLatin1Char('\n')) && indicator == QLatin1Char('>'))
        indicator = QLatin1Char('|');
    QString body = value;
    QString chomp = QStringLiteral("-");
    if (body.endsWith(QLatin1Char('\n'))) {
        body.chop(1);
        chomp = body.endsWith(QLatin1Char('\n')) ? QStringLiteral("+") : QString();
    }
    const QString indent = hints.blockIndent.isEmpty() ? QStringLiteral("  ") : hints.blockIndent;
    QString out = indicator + chomp + (match.hasMatch() ? match.captured(2) : QString());
    for (const QString &line : body.split(QLatin1Char('\n')))
        out += QLatin1Char('\n') + (line.isEmpty() ? QString() : indent + line);
    return out;
}

bool fitsBlockScalar(const QString &value)
{
    if (value.isEmpty() || value.front().isSpace())
        return false;
    for (QChar c : value) {
        if ((c.unicode() < 0x20 && c != QLatin1Char('\n')) || c.unicode() == 0x7F)
            return false;
    }
    return true;
}

struct DuplicateKey
{
    std::string key;
    YAML::Mark first;
    YAML::Mark second;
};

// The first key a map below the top level repeats (the top level's are PostDocument's to report):
// yaml-cpp keeps both silently. Pairwise: front-matter maps are small, and this runs only for
// values that are collections.
std::optional<DuplicateKey> duplicateKeyIn(const YAML::Node &node, int depth = 0)
{
    if (depth > maxNesting)
        return std::nullopt;
    if (node.IsSequence()) {
        for (const YAML::Node &item : node) {
            if (std::optional<DuplicateKey> found = duplicateKeyIn(item, depth + 1))
                return found;
        }
    } else if (node.IsMap()) {
        std::vector<YAML::Node> keys;
        keys.reserve(node.size());
        for (const auto &pair : node) {
            if (pair.first.IsScalar()) {
                for (const YAML::Node &earlier : keys) {
                    if (earlier.Scalar() == pair.first.Scalar())
                        return DuplicateKey{pair.first.Scalar(), earlier.Mark(), pair.first.Mark()};
                }
                keys.push_back(pair.first);
            }
            if (std::optional<DuplicateKey> found = duplicateKeyIn(pair.second, depth + 1))
                return found;
        }
    }
    return std::nullopt;
}

} // namespace

ParsedBlock YamlSyntax::parse(const QString &text, const BlockLayout &layout,
                              const LineIndex &lines) const
{
    ParsedBlock block;
    block.appendAt = layout.contentEnd;
    const QStringView content
        = QStringView(text).mid(layout.contentStart, layout.contentEnd - layout.contentStart);
    if (content.contains(u"\r\n"))
        block.newline = QStringLiteral("\r\n");
    const QByteArray utf8 = content.toUtf8();
    // libfyaml decides what is valid YAML and where a problem is; yaml-cpp reads the model. Text
    // in the plain subset needs no second parse unless yaml-cpp finds a problem.
    const auto conforms = [&] {
        const YamlConformance conformance = checkYaml(utf8, false);
        const std::optional<YamlProblem> &problem = conformance.problem;
        if (!problem)
            return true;
        QString message = QStringLiteral("invalid YAML: %1").arg(problem->message);
        if (problem->openFlow)
            message += QStringLiteral("; the [ or { opened on line %1 is still open there")
                           .arg(layout.contentFirstLine + problem->openFlow->line);
        block.errors.append(errorAt(text, layout, lines, problem->mark, message));
        return false;
    };
    const bool checked = !isPlainSubset(content);
    if (checked && !conforms())
        return block;
    YAML::Node root;
    std::vector<YAML::Mark> keyMarks; // when the tree was built from libfyaml's events
    try {
        // Read straight from the UTF-8 buffer: YAML::Load(std::string) would copy it twice more.
        ByteStream stream(utf8);
        std::istream input(&stream);
        root = YAML::Load(input);
    } catch (const std::exception &) {
        if (!checked && !conforms())
            return block;
        // Valid YAML (libfyaml said so) that yaml-cpp 0.7 cannot read: the same tree from libfyaml.
        YamlModel model = checkYaml(utf8, true).model;
        root = model.root;
        keyMarks = std::move(model.rootKeyMarks);
    }
    if (root.IsNull() || !root.IsDefined())
        return block;
    if (!root.IsMap()) {
        block.errors.append(errorAt(
            text, layout, lines, root.Mark(),
            QStringLiteral("front matter must be `key: value` lines, not a %1")
                .arg(root.IsSequence() ? QStringLiteral("list") : QStringLiteral("single value"))));
        return block;
    }
    if (root.Style() == YAML::EmitterStyle::Flow) {
        block.editable = false;
        block.notEditableReason
            = QStringLiteral("the front matter is one {...} map; edit it as text");
    }

    QList<YAML::Node> values;
    std::size_t keyIndex = 0;
    for (const auto &pair : root) {
        const YAML::Mark mark
            = keyIndex < keyMarks.size() ? keyMarks.at(keyIndex) : pair.first.Mark();
        ++keyIndex;
        Entry entry;
        entry.key = pair.first.IsScalar() ? QString::fromStdString(pair.first.Scalar()) : QString();
        entry.editable = pair.first.IsScalar() && block.editable;
        entry.keyLine = layout.contentFirstLine + mark.line;
        const int lineStart = lines.lineStart(entry.keyLine);
        const int lineEnd = lineEndAt(text, lineStart, layout.contentEnd);
        entry.keyColumn = utf16ColumnFromUtf8(QStringView(text).mid(lineStart, lineEnd - lineStart),
                                              mark.column)
                          + 1;
        entry.start = lineStart;
        entry.colonEnd = colonAfterKey(text, lineStart + entry.keyColumn - 1, lineEnd);
        if (entry.colonEnd < 0) {
            entry.editable = false;
            // A complex key (`? - a`) has its ':' on a later line.
            if (!pair.first.IsScalar())
                entry.colonEnd = lineEnd;
        }
        if (!block.entries.isEmpty() && block.entries.last().start == entry.start)
            entry.editable = block.entries.last().editable = false;
        block.entries.append(std::move(entry));
        values.append(pair.second);
    }
    if (!block.entries.isEmpty())
        block.indent = QString(block.entries.first().keyColumn - 1, QLatin1Char(' '));

    for (int i = 0; i < block.entries.size(); ++i) {
        Entry &entry = block.entries[i];
        int end = i + 1 < block.entries.size() ? block.entries.at(i + 1).start : layout.contentEnd;
        end = qMax(end, entry.colonEnd);
        const int keyIndent = entry.keyColumn - 1;
        // Blank lines and unindented comments after a value belong to what follows it.
        while (end > entry.start) {
            const int lineStart = currentLineStart(text, end - 1);
            if (lineStart <= entry.start)
                break;
            const QStringView line = QStringView(text).mid(lineStart, end - lineStart);
            if (!(line.trimmed().isEmpty()
                  || (isBlankOrComment(line) && indentationOf(line) <= keyIndent)))
                break;
            end = lineStart;
        }
        entry.end = end;
        int limit = end;
        if (limit > entry.start && text.at(limit - 1) == QLatin1Char('\n'))
            --limit;
        if (entry.colonEnd < 0) {
            entry.shape = ValueShape::Other;
            entry.valueStart = entry.valueEnd = entry.start;
        } else {
            scanValue(text, entry, values.at(i), limit, keyIndent, block.newline);
        }
        const YAML::Node &node = values.at(i);
        if (entry.shape == ValueShape::FlowList || entry.shape == ValueShape::BlockList) {
            QJsonArray array; // the items hold their values already
            for (const ListItem &item : std::as_const(entry.items))
                array.append(item.value);
            entry.value = array;
        } else if (node.IsScalar()) {
            entry.text = QString::fromStdString(node.Scalar());
            entry.value = scalarToJson(node, entry.text);
        } else {
            entry.value = toJson(node);
        }
        entry.valueLine = lines.lineOf(entry.valueStart);
        entry.valueColumn = lines.columnOf(entry.valueStart);
        if (node.IsScalar())
            continue;
        if (const std::optional<DuplicateKey> duplicate = duplicateKeyIn(node)) {
            // The tree libfyaml built has no marks below the top level: then the entry's line.
            const QString key = QString::fromStdString(duplicate->key);
            if (duplicate->second.is_null()) {
                block.errors.append({Diagnostic::Severity::Error, entry.keyLine, entry.keyColumn,
                                     QStringLiteral("duplicate key `%1` in `%2`: keep one of them")
                                         .arg(key, entry.key)});
            } else {
                block.errors.append(errorAt(
                    text, layout, lines, duplicate->second,
                    QStringLiteral("duplicate key `%1` (first on line %2): keep one of them")
                        .arg(key)
                        .arg(layout.contentFirstLine + duplicate->first.line)));
            }
        }
    }
    return block;
}

QString YamlSyntax::render(const QJsonValue &value, const RenderHints &hints) const
{
    switch (value.type()) {
    case QJsonValue::String: {
        const QString s = value.toString();
        if (hints.dateValue && hints.quote == QuoteStyle::Plain && isIsoDate(s))
            return s;
        // A quoted string stays quoted in its own style, whatever the new text needs: the quotes
        // may be the author's even where the old text needed them. A plain one is quoted only
        // where YAML needs it.
        switch (hints.quote) {
        case QuoteStyle::Double:
            return doubleQuoted(s);
        case QuoteStyle::Single:
            return singleQuoted(s);
        case QuoteStyle::Block:
            if (fitsBlockScalar(s))
                return blockScalar(s, hints);
            return doubleQuoted(s);
        case QuoteStyle::Plain:
            break;
        }
        return isSafePlainScalar(s, hints.insideList) ? s : doubleQuoted(s);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return numberText(value);
    case QJsonValue::Array: {
        RenderHints inner;
        inner.insideList = true;
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
            items.append(yamlKey(it.key()) + QStringLiteral(": ") + render(it.value(), inner));
        return QLatin1Char('{') + items.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return hints.insideList ? QStringLiteral("null") : QString();
}

QString YamlSyntax::entryLine(const QString &indent, const QString &key, const QJsonValue &value,
                              const RenderHints &hints, const QString &newline) const
{
    const QString rendered = render(value, hints);
    return indent + yamlKey(key) + QLatin1Char(':')
           + (rendered.isEmpty() ? QString() : QLatin1Char(' ') + rendered) + newline;
}

TextPatch YamlSyntax::append(const QString &, const ParsedBlock &block, const QString &key,
                             const QJsonValue &value, const RenderHints &hints) const
{
    return {block.appendAt, 0, entryLine(block.indent, key, value, hints, block.newline)};
}

QString YamlSyntax::newBlock(const QString &key, const QJsonValue &value,
                             const RenderHints &hints) const
{
    return QStringLiteral("---\n") + entryLine({}, key, value, hints, QStringLiteral("\n"))
           + QStringLiteral("---\n");
}

QJsonObject yamlDocumentObject(const QByteArray &utf8)
{
    try {
        return toJson(YAML::Load(utf8.toStdString())).toObject();
    } catch (const YAML::Exception &) {
        return {};
    }
}

} // namespace pw::frontmatter
