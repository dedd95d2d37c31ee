#include "frontmatter/yamlscalar.h"

#include "frontmatter/exactnumber.h"

#include <QRegularExpression>

namespace pw::frontmatter {

namespace {

bool isOneOf(QStringView text, std::initializer_list<const char16_t *> words)
{
    for (const char16_t *word : words) {
        if (text == QStringView(word))
            return true;
    }
    return false;
}

bool isYaml11Bool(QStringView text)
{
    return isOneOf(text, {u"y",  u"Y",  u"yes",  u"Yes",  u"YES",  u"n",     u"N",     u"no",
                          u"No", u"NO", u"true", u"True", u"TRUE", u"false", u"False", u"FALSE",
                          u"on", u"On", u"ON",   u"off",  u"Off",  u"OFF"});
}

bool isNullWord(QStringView text)
{
    return isOneOf(text, {u"", u"~", u"null", u"Null", u"NULL"});
}

// Everything YAML 1.1 or 1.2 could read as a number (ints with _, 0x/0o/0b, octal 012,
// sexagesimal 1:30, floats like 1.0 or .5, infinities, NaN) or a timestamp.
const QRegularExpression &numberLike()
{
    static const QRegularExpression re(
        QStringLiteral("^(?:[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9]"
                       ")+(?:\\.[0-9_]*)?"
                       "|(?:[0-9][0-9_]*)?\\.?[0-9_.]*(?:[eE][-+]?[0-9]+)?|\\.(?:inf|Inf|INF))"
                       "|\\.(?:nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$"));
    return re;
}

// YAML 1.2 core schema numbers: [-+]?[0-9]+ and
// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, checked by hand: this runs for every date
// and number in every post.
bool isCoreNumber(QStringView text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto digits = [&] {
        const qsizetype start = i;
        while (i < n && text.at(i).unicode() >= '0' && text.at(i).unicode() <= '9')
            ++i;
        return i - start;
    };
    if (i < n && (text.at(i) == QLatin1Char('-') || text.at(i) == QLatin1Char('+')))
        ++i;
    const qsizetype whole = digits();
    qsizetype fraction = 0;
    if (i < n && text.at(i) == QLatin1Char('.')) {
        ++i;
        fraction = digits();
    }
    if (whole == 0 && fraction == 0)
        return false;
    if (i < n && (text.at(i) == QLatin1Char('e') || text.at(i) == QLatin1Char('E'))) {
        ++i;
        if (i < n && (text.at(i) == QLatin1Char('-') || text.at(i) == QLatin1Char('+')))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == n;
}

} // namespace

bool resolvesToNonString(QStringView plain)
{
    if (isNullWord(plain) || isYaml11Bool(plain) || plain == u"=" || plain == u"<<")
        return true;
    const QChar first = plain.front();
    if (!first.isDigit() && first != QLatin1Char('-') && first != QLatin1Char('+')
        && first != QLatin1Char('.'))
        return false;
    return plain.contains(QRegularExpression(QStringLiteral("[0-9]|inf|Inf|INF|nan|NaN|NAN")))
           && numberLike().match(plain).hasMatch();
}

bool isSafePlainScalar(QStringView text, bool insideList)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    if (resolvesToNonString(text))
        return false;
    const QChar first = text.front();
    static const QString alwaysIndicators = QStringLiteral("[]{},#&*!|>'\"%@`");
    if (alwaysIndicators.contains(first))
        return false;
    if ((first == QLatin1Char('-') || first == QLatin1Char('?') || first == QLatin1Char(':'))
        && (text.size() == 1 || text.at(1) == QLatin1Char(' ')))
        return false;
    if (text.startsWith(u"---") || text.startsWith(u"..."))
        return false;
    if (text.back() == QLatin1Char(':') || text.contains(u": ") || text.contains(u" #"))
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7F || u == 0x85 || u == 0x2028 || u == 0x2029 || u == 0xFEFF)
            return false;
        if (insideList
            && (c == QLatin1Char(',') || c == QLatin1Char('[') || c == QLatin1Char(']')
                || c == QLatin1Char('{') || c == QLatin1Char('}')))
            return false;
    }
    if (insideList && text.contains(QLatin1Char(':')))
        return false;
    return true;
}

QString doubleQuoted(QStringView text)
{
    return escapedString(text, EscapeStyle::Yaml);
}

QString singleQuoted(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7F || u == 0x85 || u == 0x2028 || u == 0x2029 || u == 0xFEFF)
            return doubleQuoted(text);
    }
    QString out = text.toString();
    out.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QJsonValue resolvePlainScalar(const QString &plain)
{
    if (isNullWord(plain))
        return QJsonValue(QJsonValue::Null);
    if (plain == u"true" || plain == u"True" || plain == u"TRUE")
        return true;
    if (plain == u"false" || plain == u"False" || plain == u"FALSE")
        return false;
    const QChar first = plain.front();
    if (first.isDigit() || first == QLatin1Char('-') || first == QLatin1Char('+')
        || first == QLatin1Char('.')) {
        bool ok = false;
        if (isCoreNumber(plain)) {
            if (const std::optional<QJsonValue> integer = exactInteger(plain))
                return *integer;
            const double value = plain.toDouble(&ok);
            if (ok)
                return value;
        }
        if (plain.startsWith(u"0x") || plain.startsWith(u"0o")) {
            const qlonglong value = plain.mid(2).toLongLong(&ok, plain.at(1) == u'x' ? 16 : 8);
            if (ok)
                return double(value);
        }
    }
    return plain;
}

} // namespace pw::frontmatter
