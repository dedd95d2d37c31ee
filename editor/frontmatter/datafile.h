#pragma once

// Data files beside the posts (a site's configuration: hugo.toml, _config.yml, metadata.json), read
// by the same parsers and value conversions as front matter.

#include "frontmatter/postdocument.h"

#include <QByteArray>
#include <QJsonObject>

namespace pw {

// The file's top level as one object; empty when it does not parse (or for
// FrontMatterFormat::None).
QJsonObject readDataObject(const QByteArray &bytes, FrontMatterFormat format);

} // namespace pw
