#pragma once

// A rendering that gets stuck in Debian 12's cmark-gfm, and how a test sees that its process is
// gone.

#include <QFile>
#include <QString>

namespace pw::test {

// A quadratic case of Debian 12's cmark-gfm (0.29.0.gfm.6; bracket handling, fixed upstream
// later): 20 000 copies take 3.3 s with its own CLI on the 2-core test machine, 40 000 four times
// that.
inline QString pathologicalPost()
{
    return QStringLiteral("![[]()").repeated(40'000);
}

// The process uses no CPU any more: it is gone, or only a zombie waiting to be reaped.
inline bool processIsGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray fields = stat.readAll();
    const qsizetype afterName = fields.lastIndexOf(')');
    return afterName < 0 || fields.mid(afterName + 2, 1) == "Z";
}

} // namespace pw::test
