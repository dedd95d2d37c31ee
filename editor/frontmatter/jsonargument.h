#pragma once

// Values on the command line (`postwright-cli fm set FILE KEY VALUE`) are JSON, so a script can
// say exactly what it means: "\"1.0\"" is a string, 1.0 a number, ["a","b"] a list.

#include "base/result.h"

#include <QJsonValue>
#include <QString>

namespace pw {

Result<QJsonValue> parseJsonArgument(const QString &argument);
// Compact JSON for any value (scalars included), non-ASCII kept as UTF-8.
QString toJsonText(const QJsonValue &value);

} // namespace pw
