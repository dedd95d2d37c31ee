#pragma once

// Integers beyond 2^53 lose digits as doubles (weight: 9007199254740993, ids). QJsonValue holds
// them exactly as qint64, so they are read, compared and written back as written.

#include <QJsonValue>
#include <QString>

#include <optional>

namespace pw::frontmatter {

// The integer a number's text stands for, held exactly when a double would round it.
std::optional<QJsonValue> exactInteger(QStringView text);
// A JSON number's text: exact for integers held as qint64, else the shortest round-trip double.
QString numberText(const QJsonValue &number);

} // namespace pw::frontmatter
