// A look at the preview as a user sees it: a sample post with code, a table, a task list, an
// image, footnotes, math and a shortcode, in a real window. Not a test; run it under a display:
//   xvfb-run -a build-preview/tests/previewdemo out.png [--dark]
// It writes a screenshot of the screen (ImageMagick's `import`) once the preview has rendered.

#include "preview/previewwidget.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

namespace {

const char samplePost[] = R"md(# Designing a cache that forgets

Most caches are judged by what they **remember**. This one is judged by what it ~~keeps~~ *forgets*,
and by how little it costs to ask.[^1]

![A diagram of the eviction queue](queue.png)

## The eviction loop

```cpp
template <typename Key, typename Value>
Value *Cache<Key, Value>::find(const Key &key)
{
    auto it = m_index.find(key); // O(1) on average
    if (it == m_index.end())
        return nullptr;
    touch(it->second);
    return &it->second->value;
}
```

| Policy | Hit rate | Cost per lookup |
|:-------|---------:|:---------------:|
| LRU    |    91.2% | `O(1)`          |
| LFU    |    93.8% | `O(log n)`      |
| Random |    84.0% | `O(1)`          |

- [x] measure the hit rate
- [x] write the benchmark
- [ ] try ARC next[^arc]

> A cache with a bad eviction policy is a memory leak with a good excuse.

The expected cost is $$C = h \cdot c_{hit} + (1 - h) \cdot c_{miss}$$ per lookup, where $h$ is
the hit rate and \(c_{miss} \gg c_{hit}\); at $5 a gigabyte, memory is cheap.

{{< figure src="queue.png" caption="The queue" >}}

Read more on https://example.com/caches or write to me@example.com.

[^1]: Forgetting is the whole point.
[^arc]: Adaptive Replacement Cache, Megiddo and Modha, 2003.
)md";

void writeSampleImage(const QString &path)
{
    QImage image(640, 160, QImage::Format_RGB32);
    image.fill(QColor(0xe8, 0xf0, 0xfa));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 6; ++i) {
        painter.setBrush(QColor::fromHsv(200 + i * 8, 120, 230 - i * 15));
        painter.drawRoundedRect(30 + i * 100, 50, 80, 60, 10, 10);
        painter.drawText(QRect(30 + i * 100, 50, 80, 60), Qt::AlignCenter, QString::number(i + 1));
    }
    painter.end();
    image.save(path);
}

} // namespace

int main(int argc, char **argv)
{
    pw::registerPreviewSchemes();
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString output = args.value(1, QStringLiteral("preview.png"));
    const bool dark = args.contains(QStringLiteral("--dark"));

    QTemporaryDir site;
    QDir(site.path()).mkpath(QStringLiteral("content/posts/cache"));
    QDir(site.path()).mkpath(QStringLiteral("static"));
    const QString post = site.filePath(QStringLiteral("content/posts/cache/index.md"));
    writeSampleImage(site.filePath(QStringLiteral("content/posts/cache/queue.png")));

    pw::PreviewWidget preview;
    preview.resize(1000, 1400);
    preview.setSite(site.path(), QStringLiteral("static"));
    preview.setPostPath(post);
    preview.setDarkMode(dark);
    preview.setMathEnabled(true);
    preview.setMarkdown(QString::fromUtf8(samplePost), 6);
    preview.show();

    QObject::connect(&preview, &pw::PreviewWidget::rendered, &app, [&] {
        QTimer::singleShot(1500, &app, [&] {
            QProcess::execute(QStringLiteral("import"),
                              {QStringLiteral("-window"), QStringLiteral("root"), output});
            app.quit();
        });
    });
    QTimer::singleShot(60000, &app, [&] { app.exit(1); });
    return app.exec();
}
