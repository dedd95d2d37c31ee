#pragma once

#include "frontmatter/postdocument.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QFileSystemWatcher;
class QPlainTextEdit;

namespace pw {

// The post open in the editor: the file's bytes and encoding, the text in the editor, and the
// parsed document derived from that text. The editor's text is the single source of truth: panel
// edits are applied to it as minimal, undoable text changes.
class PostSession : public QObject {
    Q_OBJECT
public:
    PostSession(QPlainTextEdit *editor, QObject *parent = nullptr);

    Result<void> open(const QString &path, TermStringRule rule);
    void close();
    // Writes atomically. Refuses (with a message) when the file changed on disk since it was read,
    // unless `overwriteExternalChanges`.
    Result<void> save(bool overwriteExternalChanges = false);
    Result<void> reloadFromDisk();

    bool isOpen() const { return !m_path.isEmpty(); }
    bool isModified() const;
    bool changedOnDisk() const;
    QString path() const { return m_path; }
    // The parse of the editor's text as it is now: a parse still waiting for typing to pause is
    // done first, so callers never act on a stale document.
    const PostDocument &document();

    // The format of the block a panel edit creates in a post that has none (the blog's own).
    void setNewBlockFormat(FrontMatterFormat format) { m_newBlockFormat = format; }

    // Panel edits: each becomes one undoable change of exactly the lines concerned.
    void applyField(Field field, const QJsonValue &value);
    void applyTerms(Field field, const QStringList &terms);
    void applyDraft(bool draft);

Q_SIGNALS:
    // The text was parsed again (debounced while typing, at once after open or a panel edit).
    void documentChanged(const pw::PostDocument &document);
    void modifiedChanged(bool modified);
    void saved(const QString &path);
    // The file changed on disk while the editor has unsaved changes: the user must choose.
    void externalChangeConflict(const QString &path);
    void problem(const QString &message);

private:
    void reparse();
    void applyEdit(const std::function<Result<void>(PostDocument &)> &edit);
    void replaceTextMinimally(const QString &text);
    void onFileChanged();
    void watch();

    QPlainTextEdit *m_editor;
    QString m_path;
    PostFile m_encoding; // BOM and line endings of the file as read
    QByteArray m_diskBytes; // what the file held when we last read or wrote it
    TermStringRule m_rule = TermStringRule::WholeString;
    FrontMatterFormat m_newBlockFormat = FrontMatterFormat::Yaml;
    PostDocument m_document;
    QTimer m_reparseTimer;
    QFileSystemWatcher *m_watcher;
};

} // namespace pw
