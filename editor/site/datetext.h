#pragma once

#include <QDateTime>
#include <QString>

namespace pw {

// Writes `value` in the form `original` was written in, so a date picked in the panel keeps the
// file's style: date only stays date only; "T" or " " between date and time; "Z", "+hh:mm" or no
// zone at all (then local time). An empty original gives full ISO 8601 with the local offset.
QString formatDateLike(const QDateTime &value, const QString &original);

} // namespace pw
