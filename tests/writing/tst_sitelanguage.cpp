// The blog's language, read from its real configuration files the way each generator reads it.

#include "publish/gitrepository.h"
#include "site/blog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

using Files = QList<QPair<QString, QByteArray>>;
Q_DECLARE_METATYPE(Files)

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class tst_SiteLanguage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromConfiguration_data();
    void fromConfiguration();
    void openBlogReadsIt();
    void translationsHaveTheirLanguage_data();
    void translationsHaveTheirLanguage();
};

void tst_SiteLanguage::fromConfiguration_data()
{
    QTest::addColumn<int>("generator");
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file"); // where it was read, relative to the site

    const int hugo = int(SiteGenerator::Hugo);
    const int jekyll = int(SiteGenerator::Jekyll);
    QTest::newRow("nominal: hugo.toml languageCode")
        << hugo << Files{{"hugo.toml", "baseURL = '/'\nlanguageCode = 'en-us'\ntitle = 'A'\n"}}
        << "en-us"
        << "hugo.toml";
    QTest::newRow("nominal: Hugo's keys are case-insensitive")
        << hugo << Files{{"hugo.toml", "languagecode = \"de-de\"\n"}} << "de-de"
        << "hugo.toml";
    QTest::newRow("nominal: hugo.yaml")
        << hugo << Files{{"hugo.yaml", "title: A\nlanguageCode: fr-FR\n"}} << "fr-FR"
        << "hugo.yaml";
    QTest::newRow("nominal: config.toml defaultContentLanguage")
        << hugo << Files{{"config.toml", "defaultContentLanguage = \"de\"\n"}} << "de"
        << "config.toml";
    QTest::newRow("nominal: the default language's languageCode")
        << hugo
        << Files{{"hugo.toml", "defaultContentLanguage = 'fr'\n[languages.en]\nlanguageCode = "
                               "'en-GB'\n[languages.fr]\nlanguageCode = 'fr-CA'\nweight = 1\n"}}
        << "fr-CA"
        << "hugo.toml";
    QTest::newRow("nominal: hugo.json")
        << hugo << Files{{"hugo.json", R"({"languageCode":"nl"})"}} << "nl"
        << "hugo.json";
    QTest::newRow("nominal: config/_default/hugo.toml")
        << hugo
        << Files{{"content/_index.md", "# Home\n"},
                 {"config/_default/hugo.toml", "languageCode = 'sv-se'\n"}}
        << "sv-se"
        << "config/_default/hugo.toml";
    QTest::newRow("nominal: hugo.toml before config.toml")
        << hugo
        << Files{{"hugo.toml", "languageCode = 'en-au'\n"},
                 {"config.toml", "languageCode = 'en-nz'\n"}}
        << "en-au"
        << "hugo.toml";
    QTest::newRow("nominal: Jekyll lang")
        << jekyll << Files{{"_config.yml", "title: B\nlang: pt-BR\n"}} << "pt-BR"
        << "_config.yml";
    QTest::newRow("nominal: Jekyll locale (Minimal Mistakes)")
        << jekyll << Files{{"_config.yml", "locale: \"en-GB\"\ntitle: B\n"}} << "en-GB"
        << "_config.yml";
    QTest::newRow("nominal: Eleventy metadata.json")
        << int(SiteGenerator::Eleventy)
        << Files{{".eleventy.js", "module.exports = {};\n"},
                 {"_data/metadata.json", R"({"title":"C","language":"es"})"}}
        << "es"
        << "_data/metadata.json";
    QTest::newRow("robustness: no language in the configuration")
        << hugo << Files{{"hugo.toml", "title = 'A'\n[params]\nlanguageCode = 'en'\n"}} << ""
        << "";
    QTest::newRow("robustness: a broken hugo.toml is passed over")
        << hugo
        << Files{{"hugo.toml", "languageCode = \"en\n[[[\n"},
                 {"config/_default/hugo.toml", "languageCode = 'it'\n"}}
        << "it"
        << "config/_default/hugo.toml";
    QTest::newRow("robustness: broken YAML")
        << jekyll << Files{{"_config.yml", "lang: [en\n  : :\n"}} << ""
        << "";
    QTest::newRow("robustness: languageCode is not a string")
        << hugo << Files{{"hugo.toml", "languageCode = 42\ndefaultContentLanguage = 'ja'\n"}}
        << "ja"
        << "hugo.toml";
    QTest::newRow("robustness: Astro keeps it in JavaScript")
        << int(SiteGenerator::Astro)
        << Files{{"astro.config.mjs", "export default { i18n: { defaultLocale: 'en' } };\n"}} << ""
        << "";
}

void tst_SiteLanguage::fromConfiguration()
{
    QFETCH(int, generator);
    QFETCH(Files, files);
    QFETCH(QString, language);
    QFETCH(QString, file);
    QTemporaryDir site;
    for (const auto &[name, content] : files)
        QVERIFY(writeFile(site.filePath(name), content));
    const SiteLanguage found = readSiteLanguage(site.path(), SiteGenerator(generator));
    QCOMPARE(found.language, language);
    QCOMPARE(found.file, file.isEmpty() ? QString() : site.filePath(file));
}

void tst_SiteLanguage::openBlogReadsIt()
{
    QTemporaryDir site;
    QVERIFY(writeFile(site.filePath("hugo.toml"), "languageCode = 'en-us'\n"));
    QVERIFY(writeFile(site.filePath("content/posts/a.md"), "---\ntitle: A\n---\nText\n"));
    QVERIFY(initRepository(site.path(), false, QStringLiteral("main")).ok());
    const Result<Blog> blog = openBlog(site.filePath("content/posts"));
    QVERIFY(blog.ok());
    QCOMPARE(blog->generator, SiteGenerator::Hugo);
    QCOMPARE(blog->language, QStringLiteral("en-us"));
    QCOMPARE(blog->languageFile, site.filePath("hugo.toml"));
}

void tst_SiteLanguage::translationsHaveTheirLanguage_data()
{
    QTest::addColumn<QString>("post");
    QTest::addColumn<QString>("language");
    QTest::newRow("nominal: a translation by file name") << "content/posts/s.en.md" << "en-US";
    QTest::newRow("nominal: the default language's file name") << "content/posts/s.fr.md" << "fr-FR";
    QTest::newRow("nominal: a language's own content folder") << "content/de/posts/t.md" << "de";
    QTest::newRow("robustness: no language in the name: the site's") << "content/posts/s.md" << "fr-FR";
    QTest::newRow("robustness: a dot that names no language") << "content/posts/v1.2.md" << "fr-FR";
}

// A multilingual Hugo site: each translation is checked in its own language, not the default's.
void tst_SiteLanguage::translationsHaveTheirLanguage()
{
    QFETCH(QString, post);
    QFETCH(QString, language);
    QTemporaryDir site;
    QVERIFY(writeFile(site.filePath("config/_default/hugo.yaml"),
                      "defaultContentLanguage: fr\nlanguages:\n  en:\n    languageCode: en-US\n"
                      "  fr:\n    languageCode: fr-FR\n  de:\n    contentDir: content/de\n"));
    QVERIFY(writeFile(site.filePath(post), "Text\n"));
    QVERIFY(initRepository(site.path(), false, QStringLiteral("main")).ok());
    const Result<Blog> blog = openBlog(site.path());
    QVERIFY(blog.ok());
    QCOMPARE(blog->language, QStringLiteral("fr-FR"));
    QCOMPARE(postLanguage(*blog, site.filePath(post)), language);
}

QTEST_GUILESS_MAIN(tst_SiteLanguage)
#include "tst_sitelanguage.moc"
