#include "cli/commandline.h"
#include "cli/commands.h"

#include "frontmatter/postdocument.h"
#include "markdown/markdownrenderer.h"

namespace pw::cli {

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The post to render."));
    if (const auto code = parseArguments(parser, QStringLiteral("render"),
                                         QStringLiteral("Prints the preview's HTML for the post's body "
                                                        "(front matter excluded), already sanitized."),
                                         args, 1))
        return *code;

    const QString path = parser.positionalArguments().constFirst();
    const Result<PostFile> file = PostFile::read(path);
    if (!file)
        return reportProblem(path, file.error());
    const PostDocument doc(file->text);
    out() << renderPostBody(doc.body(), doc.bodyFirstLine()).html;
    out().flush();
    return Success;
}

} // namespace pw::cli
