// `postwright-cli fm get|set|unset`: the lossless front-matter edits of pw_frontmatter, for
// scripts and our own checks. All the work is in the library; this only maps it to a process.

#include "cli/commandline.h"
#include "cli/commands.h"

#include "frontmatter/jsonargument.h"
#include "frontmatter/postdocument.h"
#include "site/blog.h"
#include "site/postindex.h"

#include <QFileInfo>

namespace pw::cli {

namespace {

const QStringList actions = {QStringLiteral("get"), QStringLiteral("set"), QStringLiteral("unset")};

void printDiagnostics(const QString &path, const QList<Diagnostic> &diagnostics)
{
    for (const Diagnostic &d : diagnostics) {
        const bool isError = d.severity == Diagnostic::Severity::Error;
        err() << path << ':' << d.line << ':' << d.column << ": "
              << (isError ? "error: " : "warning: ") << d.message << '\n';
    }
    err().flush();
}

// The format the posts of the blog around `path` use, for a post that gets its first block (YAML
// when the file is in no blog).
FrontMatterFormat newBlockFormatAround(const QString &path)
{
    const Result<Blog> blog = openBlog(QFileInfo(path).absolutePath());
    return blog ? newBlockFormat(scanPosts(*blog)) : FrontMatterFormat::Yaml;
}

} // namespace

int runFmCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("get, set or unset."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The post."));
    parser.addPositionalArgument(QStringLiteral("KEY"),
                                 QStringLiteral("A front-matter key, or a dotted path to one in a "
                                                "table: params.author (TOML key syntax)."));
    parser.addPositionalArgument(QStringLiteral("VALUE"),
                                 QStringLiteral("For set: the value as JSON, e.g. '\"My title\"', "
                                                "'[\"a\", \"b\"]', true, 10, -5."),
                                 QStringLiteral("[VALUE]"));
    const QString action = args.value(0);
    const int expected = action == QLatin1String("set") ? 4 : 3;
    if (const auto code = parseArguments(
            parser, QStringLiteral("fm"),
            QStringLiteral(
                "Reads or edits one front-matter key (YAML, TOML or JSON) without touching "
                "any other byte of the file. get prints the value as JSON; problems are "
                "printed as path:line:column: message (exit status 1)."),
            args, expected))
        return *code;
    if (!actions.contains(action)) {
        err() << "postwright-cli fm: unknown action '" << action << "' (use get, set or unset)\n";
        err().flush();
        return UsageError;
    }
    const QStringList positional = parser.positionalArguments();
    const QString path = positional.at(1);
    const QString key = positional.at(2);

    std::optional<QJsonValue> newValue;
    if (action == QLatin1String("set")) {
        const Result<QJsonValue> parsed = parseJsonArgument(positional.at(3));
        if (!parsed) {
            err() << "postwright-cli fm set: " << parsed.error().message << "\n  "
                  << parsed.error().hint << '\n';
            err().flush();
            return UsageError;
        }
        newValue = parsed.value();
    }

    Result<PostFile> file = PostFile::read(path);
    if (!file)
        return reportProblem(path, file.error());
    PostDocument doc(file->text);
    printDiagnostics(path, doc.diagnostics());
    if (doc.hasErrors())
        return InputProblem;

    if (action == QLatin1String("get")) {
        const std::optional<QJsonValue> value = doc.value(key);
        if (!value)
            return reportProblem(
                path,
                Error{QStringLiteral("no key `%1` in the front matter").arg(key), path, 0, 0, {}});
        out() << toJsonText(*value) << '\n';
        out().flush();
        return Success;
    }

    if (newValue && doc.format() == FrontMatterFormat::None)
        doc.setNewBlockFormat(newBlockFormatAround(path));
    const Result<void> edited = newValue ? doc.setValue(key, *newValue) : doc.unset(key);
    if (!edited)
        return reportProblem(path, edited.error());
    if (doc.text() == file->text)
        return Success;
    file.value().text = doc.text();
    if (const Result<void> written = file->write(path); !written)
        return reportProblem(path, written.error());
    return Success;
}

} // namespace pw::cli
