#include "frontmatter/postdocument.h"

#include "frontmatter/blocklayout.h"
#include "frontmatter/blocksyntax.h"
#include "frontmatter/entryeditor.h"
#include "frontmatter/fieldnames.h"
#include "frontmatter/metadatareader.h"
#include "frontmatter/textindex.h"
#include "frontmatter/tomlsyntax.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace pw {

using namespace frontmatter;

class PostDocumentPrivate
{
public:
    PostDocumentPrivate(const QString &text_, TermStringRule rule_)
        : text(text_)
        , rule(rule_)
    {
        parse();
    }

    void parse()
    {
        layout = locateFrontMatter(text);
        block = ParsedBlock();
        diagnostics.clear();
        if (layout.unclosedFormat != FrontMatterFormat::None) {
            diagnostics.append({Diagnostic::Severity::Error, 1, 1,
                                QStringLiteral("front matter is not closed (add a line with %1 "
                                               "after the last key)")
                                    .arg(closingDelimiter(layout.unclosedFormat))});
        }
        if (layout.hasBlock()) {
            const LineIndex lines(text, layout.end);
            layout.contentFirstLine = lines.lineOf(layout.contentStart);
            block = syntaxFor(layout.format).parse(text, layout, lines);
            diagnostics += block.errors;
            diagnostics += duplicateKeys(block);
        }
        MetadataReading reading = readMetadata(block, rule);
        metadata = std::move(reading.metadata);
        diagnostics += reading.warnings;
    }

    // yaml-cpp and QJsonDocument take a repeated key silently, each keeping a different one of
    // them, and generators disagree too (Hugo reads the last): a key twice is an error, so the
    // value we would show or edit is never one the site does not use.
    static QList<Diagnostic> duplicateKeys(const ParsedBlock &parsed)
    {
        QList<Diagnostic> found;
        QHash<QString, int> firstLine;
        for (const Entry &entry : parsed.entries) {
            if (entry.key.isEmpty() && !entry.editable)
                continue; // a null or complex YAML key (`: a`, `? [a, b]`) has no name to repeat
            const auto seen = firstLine.constFind(entry.key);
            if (seen == firstLine.cend()) {
                firstLine.insert(entry.key, entry.keyLine);
                continue;
            }
            found.append({Diagnostic::Severity::Error, entry.keyLine, entry.keyColumn,
                          QStringLiteral("duplicate key `%1` (first on line %2): keep one of them")
                              .arg(entry.key)
                              .arg(*seen)});
        }
        return found;
    }

    static QString closingDelimiter(FrontMatterFormat format)
    {
        switch (format) {
        case FrontMatterFormat::Toml:
            return QStringLiteral("+++");
        case FrontMatterFormat::Json:
            return QStringLiteral("}");
        case FrontMatterFormat::Yaml:
        case FrontMatterFormat::None:
            break;
        }
        return QStringLiteral("---");
    }

    bool hasErrors() const
    {
        return std::any_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
            return d.severity == Diagnostic::Severity::Error;
        });
    }

    Result<void> checkEditable() const
    {
        for (const Diagnostic &d : diagnostics) {
            if (d.severity == Diagnostic::Severity::Error)
                return failure(
                    Error{QStringLiteral("the front matter cannot be edited: %1").arg(d.message),
                          {},
                          d.line,
                          d.column,
                          QStringLiteral("fix it in the text first")});
        }
        if (!block.editable)
            return failure(QStringLiteral("the front matter cannot be edited here"),
                           block.notEditableReason);
        return {};
    }

    const Entry *entry(const QString &key) const
    {
        const int index = block.indexOf(key);
        return index < 0 ? nullptr : &block.entries.at(index);
    }

    // A key, or the path to one in tables (maps) below the top level: `params.author`, in TOML's
    // key syntax (`"a.b"` is the one key a.b). A top-level key of exactly that name wins.
    QStringList pathOf(const QString &key) const
    {
        if (block.indexOf(key) >= 0)
            return {key};
        const QStringList path = parseKeyPath(key);
        return path.isEmpty() ? QStringList{key} : path;
    }

    // A key the block has only through a YAML merge key, as Hugo and Jekyll read it.
    std::optional<QJsonValue> mergedValue(const QString &key) const
    {
        for (const QJsonObject &map : block.mergedMaps()) {
            if (map.contains(key))
                return map.value(key);
        }
        return std::nullopt;
    }

    std::optional<QJsonValue> valueAt(const QStringList &path) const
    {
        QJsonValue value;
        if (const Entry *e = entry(path.first()))
            value = e->value;
        else if (const std::optional<QJsonValue> merged = mergedValue(path.first()))
            value = *merged;
        else
            return std::nullopt;
        for (const QString &part : path.mid(1)) {
            if (!value.isObject() || !value.toObject().contains(part))
                return std::nullopt;
            value = value.toObject().value(part);
        }
        return value;
    }

    // The value of path.first() once the key at the rest of `path` is `value` (or removed).
    static Result<QJsonValue> withValueAt(const QJsonValue &current, const QStringList &path,
                                          qsizetype depth, const std::optional<QJsonValue> &value)
    {
        if (depth == path.size())
            return *value;
        const QString name = path.mid(0, depth).join(QLatin1Char('.'));
        if (!current.isUndefined() && !current.isObject())
            return failure(QStringLiteral("`%1` holds a value, not keys: `%2` cannot be in it")
                               .arg(name, path.join(QLatin1Char('.'))),
                           QStringLiteral("edit it in the text instead"));
        QJsonObject object = current.toObject();
        if (!value && depth + 1 == path.size()) {
            object.remove(path.at(depth));
            return QJsonValue(object);
        }
        Result<QJsonValue> inner
            = withValueAt(object.value(path.at(depth)), path, depth + 1, value);
        if (!inner)
            return inner;
        object.insert(path.at(depth), *inner);
        return QJsonValue(object);
    }

    // Applies a patch only when the result parses and every key reads back as intended, so an
    // edit can never corrupt the block or touch a value it was not asked to change. `expected`
    // is the whole value of `key` (the top-level key of what `name` edits).
    Result<void> apply(const TextPatch &patch, const QString &key,
                       const std::optional<QJsonValue> &expected, const QString &name = {})
    {
        const QString what = name.isEmpty() ? key : name;
        QString patched = text;
        patched.replace(patch.start, patch.length, patch.text);
        PostDocumentPrivate candidate(patched, rule);
        const auto error = std::find_if(
            candidate.diagnostics.cbegin(), candidate.diagnostics.cend(),
            [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
        if (error != candidate.diagnostics.cend())
            return failure(Error{QStringLiteral("editing `%1` would make the front matter "
                                                "invalid: %2")
                                     .arg(what, error->message),
                                 {},
                                 error->line,
                                 error->column,
                                 QStringLiteral("edit it in the text instead")});
        if (!candidate.layout.hasBlock())
            return failure(
                QStringLiteral("editing `%1` would make the front matter invalid").arg(what),
                QStringLiteral("edit it in the text instead"));
        // Every other key keeps its value and its exact text, and the body is untouched.
        const auto textOf = [](const QString &in, const Entry &e) {
            return QStringView(in).mid(e.start, e.end - e.start);
        };
        for (const Entry &before : block.entries) {
            if (before.key == key)
                continue;
            const Entry *after = candidate.entry(before.key);
            if (!after || after->value != before.value
                || textOf(candidate.text, *after) != textOf(text, before))
                return failure(
                    QStringLiteral("editing `%1` would change `%2`").arg(what, before.key),
                    QStringLiteral("edit it in the text instead"));
        }
        if (QStringView(candidate.text).mid(candidate.layout.end)
            != QStringView(text).mid(layout.end))
            return failure(QStringLiteral("editing `%1` would change the body").arg(what),
                           QStringLiteral("edit it in the text instead"));
        const Entry *written = candidate.entry(key);
        const bool readsBack = expected ? (written && written->value == *expected) : !written;
        if (!readsBack)
            return failure(QStringLiteral("`%1` would not read back as the value given").arg(what),
                           QStringLiteral("edit it in the text instead"));
        candidate.newBlockFormat = newBlockFormat;
        *this = std::move(candidate);
        return {};
    }

    // A key below the top level, by path: patched by the format's syntax where it is written.
    Result<void> setNested(const QStringList &path, const std::optional<QJsonValue> &value)
    {
        if (auto editable = checkEditable(); !editable)
            return editable;
        const std::optional<QJsonValue> current = valueAt(path);
        if (current == value)
            return {};
        const Entry *root = entry(path.first());
        const Result<QJsonValue> expected
            = withValueAt(root ? root->value : QJsonValue(QJsonValue::Undefined), path, 1, value);
        if (!expected)
            return failure(expected.error());
        if (!layout.hasBlock()) // the new block's key is the table, holding just this key
            return setKey(path.first(), *expected);
        const BlockSyntax &syntax = syntaxFor(layout.format);
        Result<TextPatch> patch = failure(QString());
        if (value) {
            if (auto writable = syntax.canWrite(*value); !writable)
                return writable;
            RenderHints hints;
            hints.dateValue = isDateKey(path.last());
            patch = syntax.setNested(text, layout, path, *value, hints);
        } else {
            patch = syntax.unsetNested(text, layout, path);
        }
        if (!patch)
            return failure(patch.error());
        return apply(*patch, path.first(), *expected, path.join(QLatin1Char('.')));
    }

    Result<void> setValue(const QString &name, const QJsonValue &value)
    {
        const QStringList path = pathOf(name);
        return path.size() > 1 ? setNested(path, value) : setKey(path.first(), value);
    }

    Result<void> setKey(const QString &key, const QJsonValue &value)
    {
        if (auto editable = checkEditable(); !editable)
            return editable;
        if (key.isEmpty())
            return failure(QStringLiteral("a key cannot be empty"),
                           QStringLiteral("name the key to set"));
        const FrontMatterFormat format = layout.hasBlock() ? layout.format : newBlockFormat;
        const BlockSyntax &syntax = syntaxFor(format);
        if (auto writable = syntax.canWrite(value); !writable)
            return writable;
        RenderHints hints;
        hints.dateValue = isDateKey(key);
        if (!layout.hasBlock())
            return apply({layout.start, 0, syntax.newBlock(key, value, hints)}, key, value);
        const int index = block.indexOf(key);
        if (index < 0)
            return apply(syntax.append(text, block, key, value, hints), key, value);
        const Entry &e = block.entries.at(index);
        if (e.value == value)
            return {};
        if (!e.editable)
            return failure(
                QStringLiteral("`%1` is written in a form Postwright cannot edit").arg(key),
                QStringLiteral("edit it in the text instead"));
        return apply(replaceValue(text, e, value, syntax, hints.dateValue), key, value);
    }

    Result<void> unset(const QString &name)
    {
        const QStringList path = pathOf(name);
        if (path.size() > 1)
            return setNested(path, std::nullopt);
        const QString &key = path.first();
        if (auto editable = checkEditable(); !editable)
            return editable;
        const int index = block.indexOf(key);
        if (index < 0)
            return {};
        if (!block.entries.at(index).editable)
            return failure(
                QStringLiteral("`%1` is written in a form Postwright cannot edit").arg(key),
                QStringLiteral("edit it in the text instead"));
        return apply(syntaxFor(layout.format).remove(text, block, index), key, std::nullopt);
    }

    QString keyFor(Field field) const
    {
        const int index = entryIndexFor(block, field);
        return index < 0 ? namesOf(field).first() : block.entries.at(index).key;
    }

    Result<void> setTerms(Field field, const QStringList &terms)
    {
        const QString key = keyFor(field);
        const Entry *e = entry(key);
        const bool readAsTerms
            = e && (e->value.isArray() || e->value.isString() || e->value.isNull());
        if (readAsTerms && termsOf(*e, rule) == terms)
            return {};
        const bool singleString = e && e->shape == ValueShape::Scalar && e->value.isString();
        if (singleString && !terms.isEmpty()) {
            if (rule == TermStringRule::SplitOnSpaces
                && std::none_of(terms.cbegin(), terms.cend(),
                                [](const QString &t) { return t.contains(QLatin1Char(' ')); }))
                return setValue(key, terms.join(QLatin1Char(' ')));
            if (rule == TermStringRule::WholeString && terms.size() == 1)
                return setValue(key, terms.first());
        }
        return setValue(key, QJsonArray::fromStringList(terms));
    }

    QString text;
    TermStringRule rule = TermStringRule::WholeString;
    FrontMatterFormat newBlockFormat = FrontMatterFormat::Yaml; // for a post without one
    BlockLayout layout;
    ParsedBlock block;
    QList<Diagnostic> diagnostics;
    PostMetadata metadata;
};

PostDocument::PostDocument()
    : PostDocument(QString())
{
}

PostDocument::PostDocument(const QString &text, TermStringRule rule)
    : d(std::make_unique<PostDocumentPrivate>(text, rule))
{
}

PostDocument::PostDocument(const PostDocument &other)
    : d(std::make_unique<PostDocumentPrivate>(*other.d))
{
}

PostDocument &PostDocument::operator=(const PostDocument &other)
{
    if (this != &other)
        d = std::make_unique<PostDocumentPrivate>(*other.d);
    return *this;
}

PostDocument::PostDocument(PostDocument &&other) noexcept = default;
PostDocument &PostDocument::operator=(PostDocument &&other) noexcept = default;
PostDocument::~PostDocument() = default;

QString PostDocument::text() const
{
    return d->text;
}

FrontMatterFormat PostDocument::format() const
{
    return d->layout.format;
}

bool PostDocument::hasFrontMatter() const
{
    return d->layout.hasBlock();
}

bool PostDocument::isEditable() const
{
    return d->checkEditable().ok();
}

QList<Diagnostic> PostDocument::diagnostics() const
{
    return d->diagnostics;
}

bool PostDocument::hasErrors() const
{
    return d->hasErrors();
}

QString PostDocument::frontMatterBlock() const
{
    return d->text.mid(d->layout.start, d->layout.end - d->layout.start);
}

QString PostDocument::body() const
{
    return d->text.mid(d->layout.end);
}

int PostDocument::bodyOffset() const
{
    return d->layout.end;
}

int PostDocument::bodyFirstLine() const
{
    return int(QStringView(d->text).left(d->layout.end).count(QLatin1Char('\n'))) + 1;
}

void PostDocument::setBody(const QString &body)
{
    QString head = d->text.left(d->layout.end);
    // A closing delimiter that ended the file needs its line break before a body can follow.
    const bool delimited = d->layout.format == FrontMatterFormat::Yaml
                           || d->layout.format == FrontMatterFormat::Toml;
    if (delimited && !body.isEmpty() && !head.endsWith(QLatin1Char('\n')))
        head += QLatin1Char('\n');
    d->text = head + body;
    d->parse();
}

QStringList PostDocument::keys() const
{
    QStringList keys;
    for (const Entry &entry : d->block.entries)
        keys.append(entry.key);
    return keys;
}

std::optional<QJsonValue> PostDocument::value(const QString &key) const
{
    return d->valueAt(d->pathOf(key));
}

Result<void> PostDocument::setValue(const QString &key, const QJsonValue &value)
{
    return d->setValue(key, value);
}

Result<void> PostDocument::unset(const QString &key)
{
    return d->unset(key);
}

void PostDocument::setNewBlockFormat(FrontMatterFormat format)
{
    d->newBlockFormat = format == FrontMatterFormat::None ? FrontMatterFormat::Yaml : format;
}

PostMetadata PostDocument::metadata() const
{
    return d->metadata;
}

QString PostDocument::keyFor(Field field) const
{
    return d->keyFor(field);
}

Result<void> PostDocument::setField(Field field, const QJsonValue &value)
{
    if (field == Field::Draft && value.isBool())
        return setDraft(value.toBool());
    if (isTermField(field) && value.isArray()) {
        QStringList terms;
        for (const QJsonValue &term : value.toArray()) {
            if (!term.isString())
                return d->setValue(keyFor(field), value);
            terms.append(term.toString());
        }
        return setTerms(field, terms);
    }
    return d->setValue(keyFor(field), value);
}

Result<void> PostDocument::setTerms(Field field, const QStringList &terms)
{
    return d->setTerms(field, terms);
}

Result<void> PostDocument::setDraft(bool draft)
{
    const QString key = keyFor(Field::Draft);
    if (key.compare(QStringLiteral("published"), Qt::CaseInsensitive) == 0)
        return d->setValue(key, !draft);
    return d->setValue(key, draft);
}

} // namespace pw
