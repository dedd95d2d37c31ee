#include "frontmatter/exactnumber.h"

#include "frontmatter/blocksyntax.h"

#include <QVariant>

namespace pw::frontmatter {

namespace {

constexpr qlonglong exactDoubleLimit = qlonglong(1) << 53;

} // namespace

std::optional<QJsonValue> exactInteger(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!c.isDigit() && !(i == 0 && (c == QLatin1Char('-') || c == QLatin1Char('+'))))
            return std::nullopt;
    }
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || (value <= exactDoubleLimit && value >= -exactDoubleLimit))
        return std::nullopt;
    return QJsonValue(qint64(value));
}

QString numberText(const QJsonValue &number)
{
    if (number.toVariant().userType() == QMetaType::LongLong)
        return QString::number(number.toInteger());
    return numberText(number.toDouble());
}

} // namespace pw::frontmatter
