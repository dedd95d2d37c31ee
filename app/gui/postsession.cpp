#include "gui/postsession.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>

namespace pw {

namespace {

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

PostSession::PostSession(QPlainTextEdit *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_watcher(new QFileSystemWatcher(this))
{
    m_reparseTimer.setSingleShot(true);
    m_reparseTimer.setInterval(120);
    connect(&m_reparseTimer, &QTimer::timeout, this, &PostSession::reparse);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (isOpen())
            m_reparseTimer.start();
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this,
            &PostSession::modifiedChanged);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &PostSession::onFileChanged);
}

Result<void> PostSession::open(const QString &path, TermStringRule rule)
{
    const QByteArray bytes = readBytes(path);
    if (bytes.isNull() && !QFileInfo(path).isReadable())
        return failure(Error{tr("cannot read the file"), path, 0, 0, {}});
    Result<PostFile> decoded = PostFile::decode(bytes, path);
    if (!decoded)
        return failure(decoded.error());

    close();
    m_path = QFileInfo(path).absoluteFilePath();
    m_encoding = *decoded;
    m_diskBytes = bytes;
    m_rule = rule;
    {
        // Loading is not an edit: no reparse timer, no "modified".
        const QSignalBlocker block(m_editor);
        m_editor->setPlainText(m_encoding.text);
    }
    m_editor->document()->setModified(false);
    m_editor->moveCursor(QTextCursor::Start);
    watch();
    reparse();
    return {};
}

void PostSession::close()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    m_reparseTimer.stop();
    m_path.clear();
    m_diskBytes.clear();
    m_document = PostDocument();
}

bool PostSession::isModified() const
{
    return isOpen() && m_editor->document()->isModified();
}

bool PostSession::changedOnDisk() const
{
    return isOpen() && readBytes(m_path) != m_diskBytes;
}

Result<void> PostSession::save(bool overwriteExternalChanges)
{
    if (!isOpen())
        return failure(tr("no post is open"));
    // A file that is gone is written again; one that another program changed is not overwritten
    // unless the user said so.
    if (!overwriteExternalChanges && QFileInfo::exists(m_path) && changedOnDisk()) {
        return failure(Error{tr("the file changed on disk since it was opened"), m_path, 0, 0,
                             tr("reload it, or save again to keep your version")});
    }
    PostFile file = m_encoding;
    file.text = m_editor->toPlainText();
    if (const Result<void> written = file.write(m_path); !written)
        return written; // the editor keeps the text and stays modified
    m_diskBytes = file.encode();
    m_editor->document()->setModified(false);
    document(); // what `saved` listeners read is what was written
    watch(); // an atomic rename replaces the inode the watch was on
    Q_EMIT saved(m_path);
    return {};
}

Result<void> PostSession::reloadFromDisk()
{
    if (!isOpen())
        return failure(tr("no post is open"));
    const QString path = m_path;
    const TermStringRule rule = m_rule;
    return open(path, rule);
}

void PostSession::applyField(Field field, const QJsonValue &value)
{
    applyEdit([&](PostDocument &doc) { return doc.setField(field, value); });
}

void PostSession::applyTerms(Field field, const QStringList &terms)
{
    applyEdit([&](PostDocument &doc) { return doc.setTerms(field, terms); });
}

void PostSession::applyDraft(bool draft)
{
    applyEdit([&](PostDocument &doc) { return doc.setDraft(draft); });
}

void PostSession::applyEdit(const std::function<Result<void>(PostDocument &)> &edit)
{
    if (!isOpen())
        return;
    // Edit the text as it is now, not as it was at the last (debounced) parse.
    PostDocument doc(m_editor->toPlainText(), m_rule);
    doc.setNewBlockFormat(m_newBlockFormat);
    if (const Result<void> r = edit(doc); !r) {
        Q_EMIT problem(r.error().toString());
        return;
    }
    replaceTextMinimally(doc.text());
    m_reparseTimer.stop();
    reparse();
}

void PostSession::replaceTextMinimally(const QString &text)
{
    const QString old = m_editor->toPlainText();
    if (old == text)
        return;
    qsizetype prefix = 0;
    const qsizetype shorter = qMin(old.size(), text.size());
    while (prefix < shorter && old[prefix] == text[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;

    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(old.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
    cursor.endEditBlock();
}

const PostDocument &PostSession::document()
{
    if (m_reparseTimer.isActive()) {
        m_reparseTimer.stop();
        reparse();
    }
    return m_document;
}

void PostSession::reparse()
{
    m_document = PostDocument(m_editor->toPlainText(), m_rule);
    Q_EMIT documentChanged(m_document);
}

void PostSession::watch()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
}

void PostSession::onFileChanged()
{
    // git pull, another editor or a sync tool wrote the file. Our own saves leave it equal to
    // m_diskBytes, which is not a change.
    if (!isOpen() || !changedOnDisk()) {
        watch();
        return;
    }
    if (!QFileInfo::exists(m_path)) {
        // Deleted or moved away (a checkout, another tool): the editor holds the only copy now.
        m_editor->document()->setModified(true);
        Q_EMIT problem(tr("%1 was deleted or moved on disk; save to write it again")
                           .arg(QFileInfo(m_path).fileName()));
        return;
    }
    if (!isModified()) {
        if (const Result<void> r = reloadFromDisk(); !r)
            Q_EMIT problem(r.error().toString());
        return;
    }
    watch();
    Q_EMIT externalChangeConflict(m_path);
}

} // namespace pw
