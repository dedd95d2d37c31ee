#include "site/datetext.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace pw {

QString formatDateLike(const QDateTime &value, const QString &original)
{
    static const QRegularExpression dateOnly(QStringLiteral(R"(^\s*\d{4}-\d{2}-\d{2}\s*$)"));
    static const QRegularExpression form(
        QStringLiteral(R"(^\s*\d{4}-\d{2}-\d{2}([T ])\d{2}:\d{2}(:\d{2})?(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$)"));

    const QString text = original.trimmed();
    if (dateOnly.match(text).hasMatch())
        return value.toLocalTime().date().toString(Qt::ISODate);

    const QRegularExpressionMatch m = form.match(text);
    if (text.isEmpty() || !m.hasMatch())
        return value.toOffsetFromUtc(value.toLocalTime().offsetFromUtc()).toString(Qt::ISODate);

    const QString separator = m.captured(1);
    const bool withSeconds = !m.captured(2).isEmpty();
    const QString zone = m.captured(4);
    const QString timeFormat = withSeconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    const QString format = QStringLiteral("yyyy-MM-dd'") + separator + QStringLiteral("'") + timeFormat;

    if (zone.isEmpty())
        return value.toLocalTime().toString(format);
    if (zone == QLatin1String("Z"))
        return value.toUTC().toString(format) + QLatin1Char('Z');

    // Keep the author's offset (the one written), in the way it was written (with or without colon).
    const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
    const QString digits = QString(zone.mid(1)).remove(QLatin1Char(':'));
    const int offset = sign * (digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60);
    const QDateTime shifted = value.toOffsetFromUtc(offset);
    const QString hhmm = QStringLiteral("%1%2%3")
                             .arg(digits.left(2), zone.contains(QLatin1Char(':')) ? QStringLiteral(":") : QString(),
                                  digits.mid(2, 2));
    return shifted.toString(format) + zone.left(1) + hhmm;
}

} // namespace pw
