#pragma once

// The headings of a post (ATX and setext, outside front matter, code fences and HTML blocks),
// for the outline dock.

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace pw {

struct OutlineEntry
{
    int level = 1;
    QString text; // without the # markers and inline markup
    int line = 0; // 1-based line in the whole post
    bool operator==(const OutlineEntry &other) const = default;
};

QList<OutlineEntry> outlineOf(QStringView post);

// Heading text as a reader sees it: "## **Bold** `code` [link](x) ##" -> "Bold code link".
QString plainHeadingText(QStringView markup);

class OutlineModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { LevelRole = Qt::UserRole + 1, LineRole };

    explicit OutlineModel(QObject *parent = nullptr);

    // Re-reads the headings; the model resets only when they differ.
    void setPost(QStringView post);
    const QList<OutlineEntry> &entries() const { return m_entries; }
    // The row of the last heading at or above `line` (1-based), -1 when there is none.
    int rowForLine(int line) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<OutlineEntry> m_entries;
};

} // namespace pw
