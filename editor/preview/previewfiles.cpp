#include "previewfiles.h"

#include <QFileInfo>

namespace pw::preview {

void ReadableFiles::setRoots(const QStringList &directories)
{
    m_roots.clear();
    for (const QString &directory : directories) {
        if (directory.isEmpty())
            continue;
        QString canonical = QFileInfo(directory).canonicalFilePath();
        if (canonical.isEmpty())
            continue; // a folder that does not exist grants nothing
        if (!canonical.endsWith(u'/'))
            canonical += u'/';
        m_roots.append(canonical);
    }
}

QString ReadableFiles::resolve(const QString &path) const
{
    if (path.isEmpty() || !QFileInfo(path).isAbsolute())
        return {};
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath(); // empty when it does not exist
    if (canonical.isEmpty() || !QFileInfo(canonical).isFile())
        return {};
    for (const QString &root : m_roots) {
        if (canonical.startsWith(root))
            return canonical;
    }
    return {};
}

} // namespace pw::preview
