#include "cli/commandline.h"
#include "cli/commands.h"

#include "site/blog.h"
#include "site/postindex.h"

namespace pw::cli {

int runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The blog (its git work tree)."));
    if (const auto code = parseArguments(parser, QStringLiteral("check"),
                                         QStringLiteral("Parses every post under the blog's content "
                                                        "folder and prints each problem as "
                                                        "path:line:column: message. Exit status 1 if "
                                                        "any post has an error."),
                                         args, 1))
        return *code;

    const Result<Blog> blog = openBlog(parser.positionalArguments().constFirst());
    if (!blog)
        return reportProblem(parser.positionalArguments().constFirst(), blog.error());
    int errors = 0;
    int warnings = 0;
    const QStringList files = findPostFiles(*blog);
    for (const QString &file : files) {
        const PostSummary post = summarizePost(file, blog->termRule);
        for (const Diagnostic &d : post.diagnostics) {
            const bool isError = d.severity == Diagnostic::Severity::Error;
            (isError ? errors : warnings)++;
            out() << blog->relativePath(file) << ':' << d.line << ':' << d.column << ": "
                  << (isError ? "error: " : "warning: ") << d.message << '\n';
        }
    }
    out().flush();
    err() << files.size() << " posts checked: " << errors << " errors, " << warnings << " warnings\n";
    return errors > 0 ? InputProblem : Success;
}

} // namespace pw::cli
