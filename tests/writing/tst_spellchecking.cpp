#include "writing/spellchecker.h"
#include "writing/spellscope.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

// The words of a line the scope selects, joined by '|'.
static QString selectedWords(const QString &line, const QList<TextRange> &ranges)
{
    QStringList words;
    for (const TextRange &range : ranges)
        words.append(line.mid(range.start, range.length()));
    return words.join(QLatin1Char('|'));
}

class tst_SpellChecking : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scope_data();
    void scope();
    void language_data();
    void language();
    void dictionaryResolution_data();
    void dictionaryResolution();
    void hunspellNames_data();
    void hunspellNames();
    void languageChoice_data();
    void languageChoice();
    void checking_data();
    void checking();
    void misspelledWords();
    void ignoreAndSuggest();
    void personalDictionary();
    void missingDictionary();
};

void tst_SpellChecking::initTestCase()
{
    if (!QFile::exists(QStringLiteral("/usr/share/hunspell/en_US.dic")))
        QFAIL("hunspell-en-us is not installed (scripts/install-deps.sh installs it)");
}

void tst_SpellChecking::scope_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("words");
    QTest::newRow("nominal: prose") << "The quick fox"
                                    << "The|quick|fox";
    QTest::newRow("nominal: markdown markers are not words") << "## **Bold** _it_"
                                                             << "Bold|it";
    QTest::newRow("nominal: code span skipped") << "run `hugo serve --drafts` now"
                                                << "run|now";
    QTest::newRow("nominal: link text kept, target skipped")
        << "see [the docs](https://gohugo.io/docs/) here"
        << "see|the|docs|here";
    QTest::newRow("nominal: bare URL skipped") << "at https://example.com/pathword ok"
                                               << "at|ok";
    QTest::newRow("nominal: www URL skipped") << "at www.example.org ok"
                                              << "at|ok";
    QTest::newRow("nominal: e-mail skipped") << "mail me@example.com now"
                                             << "mail|now";
    QTest::newRow("nominal: html tags skipped") << "<span class=\"foo\">bar</span>"
                                                << "bar";
    QTest::newRow("nominal: shortcode skipped") << "{{< figure src=\"a.png\" >}} caption"
                                                << "caption";
    QTest::newRow("nominal: file names skipped") << "edit config.toml first."
                                                 << "edit|first";
    QTest::newRow("nominal: apostrophes inside words") << "don't stop’n"
                                                       << "don't|stop’n";
    QTest::newRow("robustness: words with digits or underscores skipped") << "h2o snake_case ok"
                                                                          << "ok";
    QTest::newRow("robustness: reference definition") << "[id]: https://x.org \"Title\""
                                                      << "";
    QTest::newRow("robustness: single letters skipped") << "a b c"
                                                        << "";
    QTest::newRow("robustness: accents are letters") << "café naïve"
                                                     << "café|naïve";
}

void tst_SpellChecking::scope()
{
    QFETCH(QString, line);
    QFETCH(QString, words);
    QCOMPARE(selectedWords(line, spellCheckableWords(line)), words);
}

void tst_SpellChecking::language_data()
{
    QTest::addColumn<QString>("post");
    QTest::addColumn<QString>("language");
    QTest::newRow("nominal: yaml lang") << "---\ntitle: x\nlang: de-DE\n---\nText"
                                        << "de-DE";
    QTest::newRow("nominal: yaml language quoted") << "---\nlanguage: \"fr\"\n---\n"
                                                   << "fr";
    QTest::newRow("nominal: toml") << "+++\nlang = 'en-GB'\n+++\n"
                                   << "en-GB";
    QTest::newRow("nominal: json") << "{\n  \"lang\": \"nl\",\n  \"title\": \"x\"\n}\n"
                                   << "nl";
    QTest::newRow("robustness: nested key does not count") << "---\nparams:\n  lang: de\n---\n"
                                                           << "";
    QTest::newRow("robustness: lang in the body does not count") << "---\ntitle: x\n---\nlang: de\n"
                                                                 << "";
    QTest::newRow("robustness: no front matter") << "lang: de"
                                                 << "";
}

void tst_SpellChecking::language()
{
    QFETCH(QString, post);
    QFETCH(QString, language);
    QCOMPARE(frontMatterLanguage(post), language);
}

void tst_SpellChecking::dictionaryResolution_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dictionary");
    QTest::newRow("nominal: exact") << "en_US"
                                    << "en_US";
    QTest::newRow("nominal: BCP 47 tag") << "en-us"
                                         << "en_US";
    QTest::newRow("nominal: language only picks the main region") << "de"
                                                                  << "de_DE";
    QTest::newRow("nominal: other region of the language") << "de-CH"
                                                           << "de_CH";
    QTest::newRow("nominal: only region available") << "pt"
                                                    << "pt_BR";
}

void tst_SpellChecking::dictionaryResolution()
{
    QFETCH(QString, language);
    QFETCH(QString, dictionary);
    // Real Hunspell files under other names, so resolution is tested without more packages.
    QTemporaryDir dir;
    for (const char *name : {"de_AT", "de_CH", "de_DE", "en_US", "pt_BR"}) {
        for (const char *suffix : {".aff", ".dic"}) {
            const QString source
                = QStringLiteral("/usr/share/hunspell/en_US") + QLatin1String(suffix);
            QVERIFY(QFile::copy(source, dir.filePath(QLatin1String(name) + QLatin1String(suffix))));
        }
    }
    const Result<std::unique_ptr<SpellChecker>> checker
        = SpellChecker::open(language, {dir.path()});
    QVERIFY2(checker.ok(), qPrintable(checker.ok() ? QString() : checker.error().toString()));
    QCOMPARE(checker.value()->dictionaryName(), dictionary);
}

void tst_SpellChecking::hunspellNames_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("name");
    QTest::newRow("nominal: Hugo's languageCode") << "en-us" << "en_US";
    QTest::newRow("nominal: BCP 47") << "pt-BR" << "pt_BR";
    QTest::newRow("nominal: already Hunspell's") << "de_CH" << "de_CH";
    QTest::newRow("nominal: language only") << "FR" << "fr";
    QTest::newRow("robustness: spaces around") << " en-GB " << "en_GB";
    QTest::newRow("robustness: empty") << "" << "";
}

void tst_SpellChecking::hunspellNames()
{
    QFETCH(QString, tag);
    QFETCH(QString, name);
    QCOMPARE(hunspellLanguageName(tag), name);
}

void tst_SpellChecking::languageChoice_data()
{
    using Source = SpellingLanguage::Source;
    QTest::addColumn<QString>("post");
    QTest::addColumn<QString>("blog");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("source");
    QTest::newRow("nominal: the post's lang wins") << "de-DE" << "en-us" << "fr_FR" << "de_DE"
                                                   << int(Source::Post);
    QTest::newRow("nominal: else the blog's") << "" << "en-us" << "fr_FR" << "en_US"
                                              << int(Source::Blog);
    QTest::newRow("nominal: else the system's") << "" << "" << "fr_FR" << "fr_FR"
                                                << int(Source::System);
    QTest::newRow("nominal: a system locale with its encoding") << "" << "" << "de_AT.UTF-8"
                                                                << "de_AT" << int(Source::System);
    QTest::newRow("robustness: the C locale has no language") << "" << "" << "C" << "en_US"
                                                              << int(Source::System);
    QTest::newRow("robustness: POSIX") << "" << "" << "POSIX" << "en_US" << int(Source::System);
    QTest::newRow("robustness: a blank blog language") << "" << "  " << "it_IT" << "it_IT"
                                                       << int(Source::System);
    // A language without a dictionary is kept: the caller says so rather than check in English.
    QTest::newRow("robustness: no dictionary for the blog's") << "" << "xx-yy" << "C" << "xx_YY"
                                                              << int(Source::Blog);
}

void tst_SpellChecking::languageChoice()
{
    QFETCH(QString, post);
    QFETCH(QString, blog);
    QFETCH(QString, system);
    QFETCH(QString, language);
    QFETCH(int, source);
    const SpellingLanguage chosen = chooseSpellingLanguage(post, blog, system);
    QCOMPARE(chosen.language, language);
    QCOMPARE(int(chosen.source), source);
}

void tst_SpellChecking::checking_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("correct");
    QTest::newRow("nominal: correct") << "writing" << true;
    QTest::newRow("nominal: capitalised") << "Writing" << true;
    QTest::newRow("nominal: misspelled") << "wrting" << false;
    QTest::newRow("nominal: typographic apostrophe") << "don’t" << true;
    QTest::newRow("nominal: ascii apostrophe") << "don't" << true;
}

void tst_SpellChecking::checking()
{
    QFETCH(QString, word);
    QFETCH(bool, correct);
    const Result<std::unique_ptr<SpellChecker>> checker
        = SpellChecker::open(QStringLiteral("en_US"));
    QVERIFY(checker.ok());
    QCOMPARE(checker.value()->isCorrect(word), correct);
    QCOMPARE(checker.value()->isCorrect(word), correct); // from the cache
}

void tst_SpellChecking::misspelledWords()
{
    const Result<std::unique_ptr<SpellChecker>> checker = SpellChecker::open(QStringLiteral("en"));
    QVERIFY(checker.ok());
    const QString line
        = QStringLiteral("Teh `mispeled` code and [a lnk](https://exampel.com/badwrd) here");
    QCOMPARE(selectedWords(line, checker.value()->misspelledWords(line)),
             QStringLiteral("Teh|lnk"));
}

void tst_SpellChecking::ignoreAndSuggest()
{
    Result<std::unique_ptr<SpellChecker>> checker = SpellChecker::open(QStringLiteral("en_US"));
    QVERIFY(checker.ok());
    SpellChecker &spell = *checker.value();
    QVERIFY(spell.suggestions(QStringLiteral("wrting")).contains(QStringLiteral("writing")));
    QVERIFY(!spell.isCorrect(QStringLiteral("Postwright")));
    spell.ignoreWord(QStringLiteral("Postwright"));
    QVERIFY(spell.isCorrect(QStringLiteral("Postwright")));
}

void tst_SpellChecking::personalDictionary()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("words/personal-en_US.txt"));
    {
        Result<std::unique_ptr<SpellChecker>> checker = SpellChecker::open(QStringLiteral("en_US"));
        QVERIFY(checker.ok());
        SpellChecker &spell = *checker.value();
        QVERIFY(!spell.addToPersonalDictionary(QStringLiteral("Postwright")).ok()); // none set
        QVERIFY(spell.usePersonalDictionary(path).ok());                            // not there yet
        QVERIFY(!spell.isCorrect(QStringLiteral("Postwright")));
        QVERIFY(spell.addToPersonalDictionary(QStringLiteral("Postwright")).ok());
        QVERIFY(spell.addToPersonalDictionary(QStringLiteral("Zürichsee")).ok());
        QVERIFY(spell.isCorrect(QStringLiteral("Postwright")));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("Postwright\nZürichsee\n"));

    // A new checker reads the words back.
    Result<std::unique_ptr<SpellChecker>> again = SpellChecker::open(QStringLiteral("en_US"));
    QVERIFY(again.ok());
    QVERIFY(again.value()->usePersonalDictionary(path).ok());
    QVERIFY(again.value()->isCorrect(QStringLiteral("Zürichsee")));

    // A folder where the file should be cannot be read: an error with the path, nothing changed.
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("folder.txt")));
    const Result<void> unreadable
        = again.value()->usePersonalDictionary(dir.filePath(QStringLiteral("folder.txt")));
    QVERIFY(!unreadable.ok());
    QCOMPARE(unreadable.error().file, dir.filePath(QStringLiteral("folder.txt")));
    QVERIFY(again.value()->isCorrect(QStringLiteral("Zürichsee")));
}

void tst_SpellChecking::missingDictionary()
{
    const Result<std::unique_ptr<SpellChecker>> checker
        = SpellChecker::open(QStringLiteral("xx-YY"));
    QVERIFY(!checker.ok());
    QVERIFY(checker.error().message.contains(QStringLiteral("xx-YY")));
    QVERIFY(checker.error().hint.contains(QStringLiteral("en_US"))); // names what is installed
}

QTEST_GUILESS_MAIN(tst_SpellChecking)
#include "tst_spellchecking.moc"
