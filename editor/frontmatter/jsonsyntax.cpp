#include "frontmatter/jsonsyntax.h"

#include "frontmatter/exactnumber.h"
#include "frontmatter/flowscan.h"
#include "frontmatter/textindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace pw::frontmatter {

namespace {

int skipBlanks(const QString &text, int pos, int limit)
{
    while (pos < limit && text.at(pos).isSpace())
        ++pos;
    return pos;
}

QJsonValue parseFragment(QStringView raw)
{
    const QByteArray wrapped = QByteArrayLiteral("[") + raw.toUtf8() + QByteArrayLiteral("]");
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped);
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first() : QJsonValue();
}

QString scalarText(const QJsonValue &value, QStringView raw)
{
    return value.isString() ? value.toString() : raw.toString();
}

int scanValueEnd(const QString &text, int pos, int limit)
{
    const QChar c = text.at(pos);
    if (c == QLatin1Char('"'))
        return scanQuoted(text, pos, limit);
    if (c == QLatin1Char('[') || c == QLatin1Char('{')) {
        const FlowScan scan = scanFlow(text, pos, limit, CommentStart::AfterBlank);
        return scan.closed ? scan.end : -1;
    }
    int end = pos;
    while (end < limit && !text.at(end).isSpace() && text.at(end) != QLatin1Char(',')
           && text.at(end) != QLatin1Char('}'))
        ++end;
    return end;
}

void fillList(const QString &text, Entry &entry)
{
    const QJsonArray array = entry.value.toArray();
    setFlowList(
        text, entry, scanFlow(text, entry.valueStart, entry.valueEnd, CommentStart::AfterBlank),
        array.size(), [&](int i, Span span) {
            const QStringView raw = QStringView(text).mid(span.start, span.end - span.start);
            return ListItem{0, 0, array.at(i), scalarText(array.at(i), raw), QuoteStyle::Double};
        });
}

// The blanks before a member's key, so a new member is laid out like the last one.
QString leadingBlanks(const QString &text, int keyStart)
{
    int start = keyStart;
    while (start > 0 && text.at(start - 1).isSpace())
        --start;
    return text.mid(start, keyStart - start);
}

struct DuplicateMember
{
    QString key;
    int first = 0; // offsets of the two keys
    int second = 0;
};

// The first key an object inside the (valid) collection at `open` repeats: QJsonDocument keeps
// one of them silently. Keys are compared as written; front-matter objects are small.
std::optional<DuplicateMember> duplicateMemberIn(const QString &text, int open, int limit,
                                                 int depth = 0)
{
    if (depth > 64)
        return std::nullopt;
    const FlowScan scan = scanFlow(text, open, limit, CommentStart::AfterBlank);
    const bool object = text.at(open) == QLatin1Char('{');
    QList<Span> keys;
    for (const Span &item : std::as_const(scan.items)) {
        int valueStart = item.start;
        if (object && text.at(item.start) == QLatin1Char('"')) {
            const int keyEnd = scanQuoted(text, item.start, item.end);
            if (keyEnd < 0)
                continue;
            const QStringView key = QStringView(text).mid(item.start, keyEnd - item.start);
            for (const Span &earlier : std::as_const(keys)) {
                if (QStringView(text).mid(earlier.start, earlier.end - earlier.start) == key)
                    return DuplicateMember{parseFragment(key).toString(), earlier.start,
                                           item.start};
            }
            keys.append({item.start, keyEnd});
            valueStart = skipBlanks(text, skipBlanks(text, keyEnd, item.end) + 1, item.end);
        }
        if (valueStart < item.end
            && (text.at(valueStart) == QLatin1Char('{')
                || text.at(valueStart) == QLatin1Char('['))) {
            if (std::optional<DuplicateMember> found
                = duplicateMemberIn(text, valueStart, item.end, depth + 1))
                return found;
        }
    }
    return std::nullopt;
}

// The opening quote of the first string left open on its line (JSON strings never span lines),
// or -1: QJsonDocument only says where the block stops making sense.
int unterminatedString(const QString &text, int from, int limit)
{
    bool inString = false;
    int open = -1;
    for (int i = from; i < limit; ++i) {
        const QChar c = text.at(i);
        if (!inString) {
            if (c == QLatin1Char('"')) {
                inString = true;
                open = i;
            }
        } else if (c == QLatin1Char('\\')) {
            ++i;
        } else if (c == QLatin1Char('"')) {
            inString = false;
        } else if (c == QLatin1Char('\n')) {
            return open;
        }
    }
    return inString ? open : -1;
}

// Where to point for QJsonDocument's error, which it reports at the token after the culprit.
Diagnostic jsonError(const QString &text, const BlockLayout &layout, const LineIndex &lines,
                     const QJsonParseError &error, const QByteArray &utf8)
{
    const int unterminated = unterminatedString(text, layout.contentStart, layout.contentEnd);
    if (unterminated >= 0)
        return {Diagnostic::Severity::Error, lines.lineOf(unterminated),
                lines.columnOf(unterminated),
                QStringLiteral("invalid JSON: unterminated string (close it with \" on its line)")};
    int offset = layout.contentStart + int(QString::fromUtf8(utf8.left(error.offset)).size());
    QString message = QStringLiteral("invalid JSON: %1").arg(error.errorString());
    switch (error.error) {
    case QJsonParseError::IllegalValue:
    case QJsonParseError::IllegalNumber: {
        // Back to the start of the word it could not read (`tru`).
        const int reported = offset;
        while (offset > layout.contentStart && text.at(offset - 1).isSpace())
            --offset;
        const int wordEnd = offset;
        while (offset > layout.contentStart
               && (text.at(offset - 1).isLetterOrNumber()
                   || QStringView(u"+-.").contains(text.at(offset - 1))))
            --offset;
        if (offset == wordEnd)
            offset = reported; // no word before it: the character it stopped at is the culprit
        break;
    }
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::UnterminatedArray:
    case QJsonParseError::MissingValueSeparator:
        // It has read the first character of the next member already.
        if (offset > layout.contentStart)
            --offset;
        message += QStringLiteral(" (is a ',' missing before this?)");
        break;
    case QJsonParseError::MissingObject: {
        // `1,\n}`: it has read the brace after the comma; the comma is what to remove.
        int comma = offset > layout.contentStart ? offset - 1 : offset;
        while (comma > layout.contentStart && text.at(comma - 1).isSpace())
            --comma;
        if (comma > layout.contentStart && text.at(comma - 1) == QLatin1Char(',')) {
            offset = comma - 1;
            message += QStringLiteral(" (JSON allows no ',' after the last member)");
        }
        break;
    }
    default:
        break;
    }
    return {Diagnostic::Severity::Error, lines.lineOf(offset), lines.columnOf(offset), message};
}

} // namespace

QString jsonString(QStringView text)
{
    return escapedString(text, EscapeStyle::Json);
}

ParsedBlock JsonSyntax::parse(const QString &text, const BlockLayout &layout,
                              const LineIndex &lines) const
{
    ParsedBlock block;
    const QString content = text.mid(layout.contentStart, layout.contentEnd - layout.contentStart);
    const QByteArray utf8 = content.toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        block.errors.append(jsonError(text, layout, lines, error, utf8));
        return block;
    }
    const QJsonObject object = doc.object();
    const int limit = layout.contentEnd - 1; // the closing '}'
    block.appendAt = limit;
    int pos = skipBlanks(text, layout.contentStart + 1, limit);
    while (pos < limit && text.at(pos) == QLatin1Char('"')) {
        Entry entry;
        entry.start = pos;
        const int keyEnd = scanQuoted(text, pos, limit);
        entry.key = parseFragment(QStringView(text).mid(pos, keyEnd - pos)).toString();
        entry.colonEnd = skipBlanks(text, keyEnd, limit) + 1;
        entry.valueStart = skipBlanks(text, entry.colonEnd, limit);
        entry.valueEnd = entry.end = scanValueEnd(text, entry.valueStart, limit);
        entry.value = object.value(entry.key);
        const QStringView raw
            = QStringView(text).mid(entry.valueStart, entry.valueEnd - entry.valueStart);
        entry.text = scalarText(entry.value, raw);
        entry.quote = QuoteStyle::Double;
        entry.keyLine = lines.lineOf(entry.start);
        entry.keyColumn = lines.columnOf(entry.start);
        entry.valueLine = lines.lineOf(entry.valueStart);
        entry.valueColumn = lines.columnOf(entry.valueStart);
        if (entry.value.isArray())
            fillList(text, entry);
        else
            entry.shape = entry.value.isObject() ? ValueShape::Other : ValueShape::Scalar;
        if (block.indexOf(entry.key) >= 0)
            entry.editable = block.entries[block.indexOf(entry.key)].editable = false;
        if (entry.value.isArray() || entry.value.isObject()) {
            if (const std::optional<DuplicateMember> duplicate
                = duplicateMemberIn(text, entry.valueStart, entry.valueEnd)) {
                block.errors.append(
                    {Diagnostic::Severity::Error, lines.lineOf(duplicate->second),
                     lines.columnOf(duplicate->second),
                     QStringLiteral("duplicate key `%1` (first on line %2): keep one of them")
                         .arg(duplicate->key)
                         .arg(lines.lineOf(duplicate->first))});
            }
        }
        block.entries.append(entry);
        pos = skipBlanks(text, entry.end, limit);
        if (pos < limit && text.at(pos) == QLatin1Char(','))
            pos = skipBlanks(text, pos + 1, limit);
    }
    return block;
}

QString JsonSyntax::render(const QJsonValue &value, const RenderHints &) const
{
    switch (value.type()) {
    case QJsonValue::String:
        return jsonString(value.toString());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return numberText(value);
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(render(item, {}));
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        QStringList items;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            items.append(jsonString(it.key()) + QStringLiteral(": ") + render(it.value(), {}));
        return QLatin1Char('{') + items.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

TextPatch JsonSyntax::append(const QString &text, const ParsedBlock &block, const QString &key,
                             const QJsonValue &value, const RenderHints &hints) const
{
    const QString member = jsonString(key) + QStringLiteral(": ") + render(value, hints);
    if (block.entries.isEmpty())
        return {block.appendAt, 0, member};
    const Entry &last = block.entries.last();
    QString blanks = leadingBlanks(text, last.start);
    if (blanks.isEmpty())
        blanks = QStringLiteral(" ");
    return {last.end, 0, QLatin1Char(',') + blanks + member};
}

TextPatch JsonSyntax::remove(const QString &text, const ParsedBlock &block, int index) const
{
    const Entry &entry = block.entries.at(index);
    if (index > 0) {
        const int from = block.entries.at(index - 1).end;
        return {from, entry.end - from, {}};
    }
    if (block.entries.size() > 1) {
        const int to = block.entries.at(1).start;
        return {entry.start, to - entry.start, {}};
    }
    const int from = entry.start - int(leadingBlanks(text, entry.start).size());
    return {from, entry.end - from, {}};
}

QString JsonSyntax::newBlock(const QString &key, const QJsonValue &value,
                             const RenderHints &hints) const
{
    return QStringLiteral("{\n  ") + jsonString(key) + QStringLiteral(": ") + render(value, hints)
           + QStringLiteral("\n}\n");
}

} // namespace pw::frontmatter
