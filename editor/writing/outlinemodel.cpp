#include "outlinemodel.h"

#include "markdownscan.h"

#include <QRegularExpression>

namespace pw {

QString plainHeadingText(QStringView markup)
{
    static const QRegularExpression opening(QStringLiteral(R"(^ {0,3}#{1,6}(\s+|$))"));
    static const QRegularExpression closing(QStringLiteral(R"(\s+#+\s*$|^#+\s*$)"));
    static const QRegularExpression link(QStringLiteral(R"(!?\[([^\]]*)\]\([^)]*\))"));
    static const QRegularExpression emphasis(
        QStringLiteral(R"((\*\*|__|\*|_|~~|`+)(?=\S)(.+?)(?<=\S)\1)"));
    static const QRegularExpression attributes(QStringLiteral(R"(\s*\{[#.][^}]*\}\s*$)"));
    QString text = markup.toString();
    text.remove(opening);
    text.remove(attributes); // Hugo's {#custom-id}
    text.remove(closing);
    text.replace(link, QStringLiteral("\\1"));
    QString previous;
    while (previous != text) {
        previous = text;
        text.replace(emphasis, QStringLiteral("\\2"));
    }
    return text.trimmed();
}

QList<OutlineEntry> outlineOf(QStringView post)
{
    QList<OutlineEntry> entries;
    const QList<ScannedLine> lines = scanText(post);
    for (const ScannedLine &line : lines) {
        if (line.info.kind == LineKind::Heading) {
            entries.append({line.info.headingLevel, plainHeadingText(line.text), line.number + 1});
        } else if (line.info.kind == LineKind::SetextUnderline && line.number > 0) {
            const ScannedLine &title = lines.at(line.number - 1);
            entries.append(
                {line.info.headingLevel, plainHeadingText(title.text.trimmed()), title.number + 1});
        }
    }
    return entries;
}

OutlineModel::OutlineModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void OutlineModel::setPost(QStringView post)
{
    QList<OutlineEntry> entries = outlineOf(post);
    if (entries == m_entries)
        return;
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int OutlineModel::rowForLine(int line) const
{
    int row = -1;
    for (int i = 0; i < m_entries.size() && m_entries.at(i).line <= line; ++i)
        row = i;
    return row;
}

int OutlineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant OutlineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const OutlineEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return entry.text;
    case LevelRole:
        return entry.level;
    case LineRole:
        return entry.line;
    default:
        return {};
    }
}

QHash<int, QByteArray> OutlineModel::roleNames() const
{
    return {{Qt::DisplayRole, "text"}, {LevelRole, "level"}, {LineRole, "line"}};
}

} // namespace pw
