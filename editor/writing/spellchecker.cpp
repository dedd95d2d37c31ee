#include "spellchecker.h"

#include "spellscope.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <hunspell.h>

namespace pw {

namespace {

struct HunspellDeleter
{
    void operator()(Hunhandle *handle) const { Hunspell_destroy(handle); }
};
using HunspellPtr = std::unique_ptr<Hunhandle, HunspellDeleter>;

// The .aff path (without suffix) of the best dictionary for the language, or empty.
QString findDictionary(const QString &language, const QStringList &dirs)
{
    const QString tag = hunspellLanguageName(language);
    if (tag.isEmpty())
        return {};
    const QString base = tag.section(QLatin1Char('_'), 0, 0);
    QStringList candidates{tag, base + QLatin1Char('_') + base.toUpper()};
    if (base == QLatin1String("en"))
        candidates.append(QStringLiteral("en_US"));
    candidates.append(base);
    const QStringList available = SpellChecker::availableDictionaries(dirs);
    for (const QString &name : available) {
        if (name.startsWith(base + QLatin1Char('_')))
            candidates.append(name);
    }
    for (const QString &candidate : std::as_const(candidates)) {
        for (const QString &dir : dirs) {
            const QString path = QDir(dir).filePath(candidate);
            if (QFileInfo::exists(path + QStringLiteral(".aff"))
                && QFileInfo::exists(path + QStringLiteral(".dic")))
                return path;
        }
    }
    return {};
}

} // namespace

QString hunspellLanguageName(const QString &tag)
{
    QString name = tag.trimmed();
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    const qsizetype underscore = name.indexOf(QLatin1Char('_'));
    if (underscore < 0)
        return name.toLower();
    return name.left(underscore).toLower() + QLatin1Char('_') + name.mid(underscore + 1).toUpper();
}

SpellingLanguage chooseSpellingLanguage(const QString &postLanguage, const QString &blogLanguage,
                                        const QString &systemLocale)
{
    using Source = SpellingLanguage::Source;
    if (!hunspellLanguageName(postLanguage).isEmpty())
        return {hunspellLanguageName(postLanguage), Source::Post};
    if (!hunspellLanguageName(blogLanguage).isEmpty())
        return {hunspellLanguageName(blogLanguage), Source::Blog};
    // QLocale names the C locale "C" (LANG=C, C.UTF-8 or POSIX): no language, so the default.
    const QString system = hunspellLanguageName(systemLocale.section(QLatin1Char('.'), 0, 0));
    if (system.isEmpty() || system == QLatin1String("c") || system == QLatin1String("posix"))
        return {QStringLiteral("en_US"), Source::System};
    return {system, Source::System};
}

struct SpellChecker::Handle
{
    HunspellPtr hunspell;
    bool utf8 = true; // else Latin-1 (the only other encoding Qt converts without ICU)

    QByteArray encode(const QString &word) const { return utf8 ? word.toUtf8() : word.toLatin1(); }
    QString decode(const char *text) const
    {
        return utf8 ? QString::fromUtf8(text) : QString::fromLatin1(text);
    }
};

SpellChecker::SpellChecker(std::unique_ptr<Handle> handle, QString name)
    : m_handle(std::move(handle))
    , m_name(std::move(name))
{
}

SpellChecker::~SpellChecker() = default;

QStringList SpellChecker::defaultDictionaryDirs()
{
    return {QStringLiteral("/usr/share/hunspell"), QStringLiteral("/usr/share/myspell"),
            QStringLiteral("/usr/share/myspell/dicts")};
}

QStringList SpellChecker::availableDictionaries(const QStringList &dictionaryDirs)
{
    QStringList names;
    for (const QString &dir : dictionaryDirs) {
        const QStringList files
            = QDir(dir).entryList({QStringLiteral("*.dic")}, QDir::Files, QDir::Name);
        for (const QString &file : files) {
            const QString name = QFileInfo(file).completeBaseName();
            if (!names.contains(name)
                && QFileInfo::exists(QDir(dir).filePath(name + QStringLiteral(".aff"))))
                names.append(name);
        }
    }
    return names;
}

Result<std::unique_ptr<SpellChecker>> SpellChecker::open(const QString &language,
                                                         const QStringList &dictionaryDirs)
{
    const QString path = findDictionary(language, dictionaryDirs);
    if (path.isEmpty()) {
        return failure(QStringLiteral("No spelling dictionary for \"%1\"").arg(language),
                       QStringLiteral("install the hunspell package for it (e.g. hunspell-%1), "
                                      "or set the post's `lang` to one of: %2")
                           .arg(hunspellLanguageName(language).section(QLatin1Char('_'), 0, 0),
                                availableDictionaries(dictionaryDirs).join(QStringLiteral(", "))));
    }
    const QByteArray aff = QFile::encodeName(path + QStringLiteral(".aff"));
    const QByteArray dic = QFile::encodeName(path + QStringLiteral(".dic"));
    HunspellPtr hunspell(Hunspell_create(aff.constData(), dic.constData()));
    if (!hunspell)
        return failure(Error{QStringLiteral("Hunspell cannot read the dictionary"),
                             path + QStringLiteral(".dic"), 0, 0,
                             QStringLiteral("reinstall the dictionary package")});
    auto handle = std::make_unique<Handle>();
    const QByteArray encoding = QByteArray(Hunspell_get_dic_encoding(hunspell.get())).toUpper();
    handle->utf8 = encoding == "UTF-8" || encoding == "UTF8";
    if (!handle->utf8 && encoding != "ISO8859-1" && encoding != "ISO-8859-1")
        return failure(Error{QStringLiteral("The dictionary's encoding %1 is not supported")
                                 .arg(QString::fromLatin1(encoding)),
                             path + QStringLiteral(".aff"), 0, 0,
                             QStringLiteral("use a UTF-8 dictionary")});
    handle->hunspell = std::move(hunspell);
    return std::unique_ptr<SpellChecker>(
        new SpellChecker(std::move(handle), QFileInfo(path).fileName()));
}

QString SpellChecker::dictionaryName() const
{
    return m_name;
}

bool SpellChecker::isCorrect(const QString &word) const
{
    if (m_ignored.contains(word) || m_personal.contains(word))
        return true;
    const auto cached = m_cache.constFind(word);
    if (cached != m_cache.constEnd())
        return *cached;
    QString normalized = word;
    normalized.replace(QChar(0x2019), QLatin1Char('\'')); // dictionaries use the ASCII apostrophe
    const bool correct
        = Hunspell_spell(m_handle->hunspell.get(), m_handle->encode(normalized).constData()) != 0;
    m_cache.insert(word, correct);
    return correct;
}

QStringList SpellChecker::suggestions(const QString &word) const
{
    char **list = nullptr;
    const int count
        = Hunspell_suggest(m_handle->hunspell.get(), &list, m_handle->encode(word).constData());
    QStringList result;
    for (int i = 0; i < count; ++i)
        result.append(m_handle->decode(list[i]));
    Hunspell_free_list(m_handle->hunspell.get(), &list, count);
    return result;
}

void SpellChecker::ignoreWord(const QString &word)
{
    m_ignored.insert(word);
}

Result<void> SpellChecker::usePersonalDictionary(const QString &path)
{
    QSet<QString> words;
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return failure(Error{QStringLiteral("Cannot read the personal dictionary"), path, 0, 0,
                                 QStringLiteral("check the file's permissions")});
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QString word = QString::fromUtf8(line).trimmed();
            if (!word.isEmpty())
                words.insert(word);
        }
    }
    m_personal = std::move(words);
    m_personalPath = path;
    return {};
}

Result<void> SpellChecker::addToPersonalDictionary(const QString &word)
{
    if (m_personalPath.isEmpty())
        return failure(QStringLiteral("There is no personal dictionary to add \"%1\" to").arg(word),
                       QStringLiteral("use \"Ignore\" for this session"));
    QSet<QString> words = m_personal;
    words.insert(word);
    QStringList sorted(words.cbegin(), words.cend());
    sorted.sort(Qt::CaseInsensitive);
    QDir().mkpath(QFileInfo(m_personalPath).absolutePath());
    QSaveFile file(m_personalPath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write((sorted.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0
        || !file.commit())
        return failure(Error{QStringLiteral("Cannot save the personal dictionary"), m_personalPath,
                             0, 0,
                             QStringLiteral("check the folder's permissions and free space")});
    m_personal = std::move(words);
    return {};
}

QList<TextRange> SpellChecker::misspelledWords(QStringView line) const
{
    QList<TextRange> wrong;
    for (const TextRange &range : spellCheckableWords(line)) {
        if (!isCorrect(line.mid(range.start, range.length()).toString()))
            wrong.append(range);
    }
    return wrong;
}

} // namespace pw
