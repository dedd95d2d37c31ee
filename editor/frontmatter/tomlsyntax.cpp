#include "frontmatter/tomlsyntax.h"

#include "frontmatter/flowscan.h"
#include "frontmatter/textindex.h"

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
    case toml::node_type::integer:
        return double(*node.value<int64_t>());
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

struct KeyScan
{
    QString first; // the root-level name
    bool dotted = false;
    int end = -1; // just past the key
};

KeyScan scanKey(const QString &text, int pos, int limit)
{
    KeyScan scan;
    bool firstPart = true;
    while (pos < limit) {
        QString part;
        if (text.at(pos) == QLatin1Char('"') || text.at(pos) == QLatin1Char('\'')) {
            const int close = scanQuoted(text, pos, limit);
            if (close < 0)
                return scan;
            part = text.mid(pos + 1, close - pos - 2);
            pos = close;
        } else {
            const int start = pos;
            while (pos < limit && isBareKeyChar(text.at(pos)))
                ++pos;
            if (pos == start)
                return scan;
            part = text.mid(start, pos - start);
        }
        if (firstPart)
            scan.first = part;
        firstPart = false;
        while (pos < limit
               && (text.at(pos) == QLatin1Char(' ') || text.at(pos) == QLatin1Char('\t')))
            ++pos;
        if (pos < limit && text.at(pos) == QLatin1Char('.')) {
            scan.dotted = true;
            ++pos;
            while (pos < limit && text.at(pos) == QLatin1Char(' '))
                ++pos;
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
        const FlowScan scan = scanFlow(text, pos, limit);
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

void fillList(const QString &text, Entry &entry, const toml::array &array, int pos, int limit)
{
    setFlowList(
        text, entry, scanFlow(text, pos, limit), qsizetype(array.size()), [&](int i, Span span) {
            const QStringView raw = QStringView(text).mid(span.start, span.end - span.start);
            const toml::node &node = *array.get(std::size_t(i));
            return ListItem{0, 0, toJson(node), scalarText(node, raw), quoteOf(raw)};
        });
}

} // namespace

ParsedBlock TomlSyntax::parse(const QString &text, const BlockLayout &layout,
                              const LineIndex &lines) const
{
    ParsedBlock block;
    block.appendAt = layout.contentEnd;
    const QStringView content
        = QStringView(text).mid(layout.contentStart, layout.contentEnd - layout.contentStart);
    if (content.contains(u"\r\n"))
        block.newline = QStringLiteral("\r\n");
    const std::string utf8 = content.toUtf8().toStdString();
    toml::table root;
    try {
        root = toml::parse(std::string_view(utf8));
    } catch (const toml::parse_error &e) {
        Diagnostic d;
        d.line = layout.contentFirstLine + int(e.source().begin.line) - 1;
        d.column = qMax(1, int(e.source().begin.column));
        d.message = QStringLiteral("invalid TOML: %1")
                        .arg(QString::fromUtf8(e.description().data(),
                                               qsizetype(e.description().size())));
        block.errors.append(d);
        return block;
    }

    const int limit = layout.contentEnd;
    bool inRoot = true;
    int pos = layout.contentStart;
    while (pos < limit) {
        const int lineEnd = lineEndAt(text, pos, limit);
        int start = pos;
        while (start < lineEnd
               && (text.at(start) == QLatin1Char(' ') || text.at(start) == QLatin1Char('\t')))
            ++start;
        if (start >= lineEnd || text.at(start) == QLatin1Char('#')
            || text.at(start) == QLatin1Char('\r')) {
            pos = nextLineStart(text, pos);
            continue;
        }
        if (text.at(start) == QLatin1Char('[')) {
            if (inRoot) {
                int appendAt = pos;
                if (!block.entries.isEmpty())
                    appendAt = block.entries.last().end;
                block.appendAt = appendAt;
            }
            inRoot = false;
            // A header names a root table; its keys are carried through as text.
            int nameStart = start + 1;
            while (nameStart < lineEnd
                   && (text.at(nameStart) == QLatin1Char('[')
                       || text.at(nameStart) == QLatin1Char(' ')))
                ++nameStart;
            const KeyScan key = scanKey(text, nameStart, lineEnd);
            if (!key.first.isEmpty() && block.indexOf(key.first) < 0) {
                Entry entry;
                entry.key = key.first;
                entry.start = pos;
                entry.end = entry.colonEnd = entry.valueStart = entry.valueEnd = lineEnd;
                entry.shape = ValueShape::Other;
                entry.editable = false;
                entry.keyLine = entry.valueLine = lines.lineOf(start);
                entry.keyColumn = entry.valueColumn = lines.columnOf(start);
                const std::string name = key.first.toStdString();
                if (const toml::node *node = root.get(name))
                    entry.value = toJson(*node);
                block.entries.append(entry);
            }
            pos = nextLineStart(text, pos);
            continue;
        }
        const KeyScan key = scanKey(text, start, lineEnd);
        int equals = key.end;
        if (equals < 0 || equals >= lineEnd || text.at(equals) != QLatin1Char('=')) {
            pos = nextLineStart(text, pos); // toml++ accepted it, so this cannot happen; be safe
            continue;
        }
        int valueStart = equals + 1;
        while (valueStart < lineEnd
               && (text.at(valueStart) == QLatin1Char(' ')
                   || text.at(valueStart) == QLatin1Char('\t')))
            ++valueStart;
        const int valueEnd = valueStart < lineEnd ? scanValueEnd(text, valueStart, limit) : -1;
        if (valueEnd < 0) {
            pos = nextLineStart(text, pos);
            continue;
        }
        const int end = nextLineStart(text, valueEnd);
        if (inRoot) {
            const std::string name = key.first.toStdString();
            const toml::node *node = root.get(name);
            const int existing = block.indexOf(key.first);
            if (existing >= 0) {
                block.entries[existing].editable = false; // a dotted key spread over lines
            } else if (node) {
                Entry entry;
                entry.key = key.first;
                entry.start = pos;
                entry.end = qMin(end, limit);
                entry.colonEnd = equals + 1;
                entry.valueStart = valueStart;
                entry.valueEnd = valueEnd;
                entry.editable = !key.dotted;
                entry.value = toJson(*node);
                const QStringView raw = QStringView(text).mid(valueStart, valueEnd - valueStart);
                entry.text = scalarText(*node, raw);
                entry.quote = quoteOf(raw);
                entry.keyLine = lines.lineOf(start);
                entry.keyColumn = lines.columnOf(start);
                entry.valueLine = lines.lineOf(valueStart);
                entry.valueColumn = lines.columnOf(valueStart);
                if (key.dotted || node->is_table())
                    entry.shape = ValueShape::Other;
                else if (const toml::array *array = node->as_array())
                    fillList(text, entry, *array, valueStart, limit);
                else
                    entry.shape = raw.startsWith(u"\"\"\"") || raw.startsWith(u"'''")
                                      ? ValueShape::Other
                                      : ValueShape::Scalar;
                if (block.entries.isEmpty())
                    block.indent = text.mid(pos, start - pos);
                block.entries.append(entry);
            }
        }
        pos = end;
    }
    return block;
}

QString TomlSyntax::render(const QJsonValue &value, const RenderHints &hints) const
{
    switch (value.type()) {
    case QJsonValue::String: {
        const QString s = value.toString();
        if (hints.dateValue && hints.quote == QuoteStyle::Plain
            && tomlDateTime().match(s).hasMatch())
            return s;
        if (hints.quote == QuoteStyle::Single && fitsLiteralString(s))
            return QLatin1Char('\'') + s + QLatin1Char('\'');
        return tomlBasicString(s);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        QString number = numberText(value.toDouble());
        if (!(std::trunc(value.toDouble()) == value.toDouble()
              && std::fabs(value.toDouble()) < 1e15)
            && !number.contains(QLatin1Char('.')) && !number.contains(QLatin1Char('e')))
            number += QStringLiteral(".0");
        return number;
    }
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

} // namespace pw::frontmatter
