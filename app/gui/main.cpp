// postwright: the desktop app. Opens the last blog, or on first start the embedded sample blog.

#include "gui/mainwindow.h"
#include "preview/previewwidget.h"
#include "site/sampleblog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace {

QString blogToOpen(const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return QDir(parser.positionalArguments().constFirst()).absolutePath();
    const QString last = QSettings().value(QStringLiteral("blog/last")).toString();
    if (!last.isEmpty() && QDir(last).exists())
        return last;
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    pw::registerPreviewSchemes(); // before the application exists, as WebEngine requires
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Postwright"));
    QApplication::setOrganizationName(QStringLiteral("Postwright"));
    QApplication::setApplicationVersion(QStringLiteral(POSTWRIGHT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("postwright"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write and publish posts on a git-backed static site."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("BLOG"),
                                 QStringLiteral("The blog to open (its folder). Default: the last one, "
                                                "or the sample blog."));
    parser.process(app);

    pw::MainWindow window;
    QString blog = blogToOpen(parser);
    if (blog.isEmpty()) {
        const auto sample = pw::ensureSampleBlog(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        if (!sample) {
            QMessageBox::critical(nullptr, QObject::tr("Postwright"),
                                  QObject::tr("The sample blog could not be created: %1")
                                      .arg(sample.error().toString()));
        } else {
            blog = sample->site;
        }
    }
    window.show();
    if (!blog.isEmpty()) {
        if (const auto opened = window.openBlog(blog); !opened) {
            QMessageBox::warning(&window, QObject::tr("Postwright"),
                                 QObject::tr("Cannot open the blog: %1").arg(opened.error().toString()));
        }
    }
    return app.exec();
}
