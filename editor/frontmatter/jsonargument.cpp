#include "frontmatter/jsonargument.h"

#include "frontmatter/blocksyntax.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace pw {

namespace {

// The first integer literal (outside strings) of valid JSON text that a qint64 cannot hold: JSON
// readers would round it to a double silently, and the file would get another number.
std::optional<QStringView> oversizedInteger(QStringView json)
{
    qsizetype i = 0;
    while (i < json.size()) {
        const QChar c = json.at(i);
        if (c == QLatin1Char('"')) {
            for (++i; i < json.size() && json.at(i) != QLatin1Char('"'); ++i) {
                if (json.at(i) == QLatin1Char('\\'))
                    ++i;
            }
            ++i;
            continue;
        }
        if (!c.isDigit() && c != QLatin1Char('-')) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < json.size()
               && (json.at(i).isDigit() || QStringView(u"-+.eE").contains(json.at(i))))
            ++i;
        const QStringView number = json.sliced(start, i - start);
        bool fits = false;
        static_cast<void>(number.toLongLong(&fits));
        const bool integer = !number.contains(QLatin1Char('.'))
                             && !number.contains(QLatin1Char('e'))
                             && !number.contains(QLatin1Char('E'));
        if (integer && !fits)
            return number;
    }
    return std::nullopt;
}

} // namespace

Result<QJsonValue> parseJsonArgument(const QString &argument)
{
    // Wrapped in a list because QJsonDocument only reads arrays and objects at the top.
    QJsonParseError error;
    const QByteArray wrapped = QByteArrayLiteral("[") + argument.toUtf8() + QByteArrayLiteral("]");
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1) {
        const QString why = error.error != QJsonParseError::NoError
                                ? error.errorString()
                                : QStringLiteral("expected exactly one value");
        return failure(
            Error{QStringLiteral("`%1` is not a JSON value: %2").arg(argument, why),
                  {},
                  0,
                  qMax(0, error.offset), // the '[' we added shifts it by one
                  QStringLiteral("quote strings: '\"My title\"'; lists: '[\"a\", \"b\"]'; "
                                 "booleans: true")});
    }
    if (const std::optional<QStringView> number = oversizedInteger(argument)) {
        return failure(Error{
            QStringLiteral("`%1` is too large for a 64-bit integer: it would be rounded")
                .arg(*number),
            {},
            0,
            int(number->data() - argument.data()) + 1,
            QStringLiteral("write it as a string ('\"%1\"') to keep every digit").arg(*number)});
    }
    return doc.array().first();
}

QString toJsonText(const QJsonValue &value)
{
    return frontmatter::syntaxFor(FrontMatterFormat::Json).render(value, {});
}

} // namespace pw
