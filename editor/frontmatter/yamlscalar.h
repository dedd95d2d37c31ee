#pragma once

// How a string is written as a YAML scalar so that YAML 1.1 and 1.2 readers (Jekyll's Psych,
// Hugo's go-yaml, yaml-cpp) all read back the same string.

#include "frontmatter/blocksyntax.h"

#include <QJsonValue>
#include <QString>

namespace pw::frontmatter {

// True when `text` written plain would read back as exactly this string.
bool isSafePlainScalar(QStringView text, bool insideList);
// True when a plain scalar would be read as something other than a string by YAML 1.1 or 1.2.
bool resolvesToNonString(QStringView plain);
QString doubleQuoted(QStringView text);
QString singleQuoted(QStringView text); // falls back to double quotes where '' cannot express it
// The JSON value a plain scalar stands for under YAML 1.2's core schema (dates stay strings).
QJsonValue resolvePlainScalar(const QString &plain);

} // namespace pw::frontmatter
