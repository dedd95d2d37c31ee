#pragma once

// A post's text split losslessly into its front-matter block and its body, with typed,
// style-preserving edits of the block. Nothing here rewrites a byte the user did not ask to change.

#include "base/result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace pw {

enum class FrontMatterFormat { None, Yaml, Toml, Json };

// A problem found in a post. Lines and columns are 1-based and count in the whole file.
struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    int line = 0;
    int column = 0;
    QString message;
};

// How a single string given for tags/categories is read: Jekyll splits it on spaces, Hugo and
// most others take it as one term. Never split on commas, never per character.
enum class TermStringRule { WholeString, SplitOnSpaces };

// The fields Postwright models; each is stored under whichever alias the file already uses.
enum class Field {
    Title,       // title
    Description, // description / summary / excerpt
    Date,        // date
    PublishDate, // publishDate
    Lastmod,     // lastmod
    ExpiryDate,  // expiryDate
    Draft,       // draft / published (inverted)
    Slug,        // slug
    Url,         // url
    Aliases,     // aliases
    Categories,  // categories / category
    Tags,        // tags / keywords
    Weight,      // weight
    Image,       // image / cover / featured_image
};

// The typed view of a front-matter block. Text values are as written (dates are kept as their text).
struct PostMetadata {
    QString title;
    QString description;
    QString dateText;  // as written in the file
    QDateTime date;    // parsed; invalid when absent or not a date
    QString publishDateText;
    QString lastmodText;
    QString expiryDateText;
    bool draft = false; // `draft: true` or `published: false`
    QString slug;
    QString url;
    QStringList aliases;
    QStringList categories;
    QStringList tags;
    std::optional<double> weight;
    QString image;
};

class PostDocumentPrivate;

// The text of one post (already decoded; see PostFile for bytes, BOM and line endings).
class PostDocument {
public:
    PostDocument();
    explicit PostDocument(const QString &text, TermStringRule rule = TermStringRule::WholeString);
    PostDocument(const PostDocument &other);
    PostDocument &operator=(const PostDocument &other);
    PostDocument(PostDocument &&other) noexcept;
    PostDocument &operator=(PostDocument &&other) noexcept;
    ~PostDocument();

    // The whole text; identical to what was given as long as nothing was edited.
    QString text() const;

    FrontMatterFormat format() const;
    bool hasFrontMatter() const;
    // False when the block could not be parsed or is not closed: then no edit is offered and the
    // block is never rewritten.
    bool isEditable() const;
    // Errors (block unparseable, not closed) and warnings (wrong types) with file positions.
    QList<Diagnostic> diagnostics() const;
    bool hasErrors() const;

    // The block with its delimiter lines, and the position of the body in the text.
    QString frontMatterBlock() const;
    QString body() const;
    int bodyOffset() const;    // index into text() where the body starts
    int bodyFirstLine() const; // 1-based line of the body's first line in the text
    void setBody(const QString &body);

    // Generic access to keys, values as JSON (dates as their text). keys() are the top-level
    // ones; `key` may also be a dotted path to a key in tables/maps below (`params.author`, in
    // TOML's key syntax: `"a.b"` is the one key a.b); a top-level key of that exact name wins.
    // Keys below the top level are read in every format, edited in TOML only.
    QStringList keys() const;
    std::optional<QJsonValue> value(const QString &key) const;
    // Lossless: only the key's own text changes; a new key is appended at the end of the block in
    // its indentation and line ending (TOML: before the first [table]; a new key below the top
    // level goes into its table where that is written, else into a new [table] at the end); a
    // file without a block gets one at the top.
    Result<void> setValue(const QString &key, const QJsonValue &value);
    Result<void> unset(const QString &key);
    // The format of the block the first edit creates in a post that has none: YAML unless set
    // (formatForNewBlocks() in blockformat.h picks the one a blog's posts use).
    void setNewBlockFormat(FrontMatterFormat format);

    // The typed view and typed edits (stored under the alias the file uses, else the first name).
    PostMetadata metadata() const;
    QString keyFor(Field field) const;
    Result<void> setField(Field field, const QJsonValue &value);
    // Writes a term list back in the form it was found in (flow list, block list, or a single
    // string while there is one term); a single string that gains a term becomes a list.
    Result<void> setTerms(Field field, const QStringList &terms);
    Result<void> setDraft(bool draft); // writes `published: !draft` where the file uses `published`

private:
    std::unique_ptr<PostDocumentPrivate> d;
};

// A post file's bytes: UTF-8 with or without BOM, LF or CRLF, decoded for editing and encoded back
// exactly as found.
struct PostFile {
    enum class LineEnding { Lf, CrLf };
    QString text;   // with LF line endings when the file is consistently CRLF, else as found
    bool hasBom = false;
    LineEnding lineEnding = LineEnding::Lf;

    // Fails (with the byte offset's line and column) when the bytes are not valid UTF-8.
    static Result<PostFile> decode(const QByteArray &bytes, const QString &fileName = {});
    QByteArray encode() const;

    // Read a file; write one atomically (QSaveFile), keeping its mode.
    static Result<PostFile> read(const QString &path);
    Result<void> write(const QString &path) const;
};

} // namespace pw
