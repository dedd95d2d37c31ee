#include "frontmatter/datafile.h"

#include "frontmatter/tomlsyntax.h"
#include "frontmatter/yamlsyntax.h"

#include <QJsonDocument>

namespace pw {

QJsonObject readDataObject(const QByteArray &bytes, FrontMatterFormat format)
{
    switch (format) {
    case FrontMatterFormat::Yaml:
        return frontmatter::yamlDocumentObject(bytes);
    case FrontMatterFormat::Toml:
        return frontmatter::tomlDocumentObject(bytes);
    case FrontMatterFormat::Json:
        return QJsonDocument::fromJson(bytes).object();
    case FrontMatterFormat::None:
        break;
    }
    return {};
}

} // namespace pw
