#include "frontmatter/jsonargument.h"

#include "frontmatter/blocksyntax.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pw {

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
    return doc.array().first();
}

QString toJsonText(const QJsonValue &value)
{
    return frontmatter::syntaxFor(FrontMatterFormat::Json).render(value, {});
}

} // namespace pw
