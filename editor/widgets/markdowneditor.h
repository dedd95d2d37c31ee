#pragma once

// The Markdown editor: the whole post text (front matter included) is its content. It adds
// highlighting, Markdown shortcuts, list continuation, image drop/paste, HTML paste as Markdown,
// spell checking, search highlights, scroll-sync signals and a distraction-free layout to a
// QPlainTextEdit. The rules behind each command live in pw_writing (markdownedits.h...).

#include "base/result.h"
#include "writing/imagefiles.h"
#include "writing/markdownscan.h"
#include "writing/spellchecker.h"
#include "writing/textstatistics.h"

#include <QPlainTextEdit>
#include <QTimer>

#include <memory>
#include <optional>

namespace pw {

class MarkdownHighlighter;
struct TextEdit;

// What spell checking is doing, for the status bar.
struct SpellingStatus
{
    SpellingLanguage language; // the language wanted; empty when spell checking is off
    QString dictionary;        // the dictionary in use ("en_US"); empty when none is installed
};

class MarkdownEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit MarkdownEditor(QWidget *parent = nullptr);
    ~MarkdownEditor() override;

    // Where dropped or pasted images are copied: next to the post in a page bundle, else into
    // `imageDir`, linked as `imageUrlPrefix` + name (see ImagePlacement::forPost for the default).
    // Until it is set, dropping an image reports a problem instead of copying.
    void setPostContext(const QString &postFile, const QString &imageDir, bool pageBundle,
                        const QString &imageUrlPrefix = {});

    // Spell checking in the post's `lang`/`language` (front matter), else the blog's language,
    // else the system locale's. On by default; a missing dictionary is reported by problem().
    void setSpellCheckingEnabled(bool enabled);
    bool isSpellCheckingEnabled() const { return m_spellCheckingEnabled; }
    void setBlogLanguage(const QString &language);
    QString spellingDictionary() const; // "en_US", empty when not checking
    SpellingStatus spellingStatus() const;
    // Where "Add to Dictionary" keeps the user's words (one file per language is the caller's
    // choice); without it the context menu offers "Ignore" only.
    void setPersonalDictionary(const QString &path);

    // Replaces [from, to) of the text as ONE undoable edit; the cursor keeps its place (it moves
    // only when it was inside the replaced range). For the front-matter panel.
    void replaceRange(int from, int to, const QString &text);

    // 1-based source lines, for scroll sync with the preview.
    int topLine() const;
    void scrollToLine(int line);
    // Puts the cursor at the start of the line and scrolls it to the top (the outline's jump).
    void jumpToLine(int line);

    // Distraction-free: a centred column at most `maximumTextWidth` pixels wide (default 40 em),
    // no scroll bars, no frame. The main window does full screen and hides its docks.
    void setDistractionFree(bool enabled);
    bool isDistractionFree() const { return m_distractionFree; }
    void setMaximumTextWidth(int pixels);

    // Highlights these ranges (the find bar's matches); `current` (an index, -1 for none) stands
    // out.
    void setSearchMatches(const QList<TextRange> &matches, int current = -1);

    MarkdownHighlighter *highlighter() const { return m_highlighter; }
    // The formatting commands as actions with their shortcuts, for the main window's menus.
    QList<QAction *> formattingActions() const { return m_formattingActions; }

public Q_SLOTS:
    void toggleBold();
    void toggleItalic();
    void toggleInlineCode();
    void toggleStrikethrough();
    void insertLink();
    void setHeadingLevel(int level); // 0 = paragraph
    void toggleBulletList();
    void toggleNumberedList();
    void indentListItems();
    void outdentListItems();

Q_SIGNALS:
    void topLineChanged(int line);
    // Shortly after the text stops changing; for the status bar.
    void statisticsChanged(const pw::TextStatistics &statistics);
    // Something the user should know (an image that could not be copied, no dictionary...).
    void problem(const pw::Error &error);
    // The spelling language, where it came from, or the dictionary changed (spellingStatus()).
    void spellingChanged();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    struct Lines
    {
        int base = 0;           // document position of the first line
        QString text;           // the lines joined with '\n'
        int selectionStart = 0; // the selection relative to `base`
        int selectionEnd = 0;
    };
    Lines selectedLines() const;
    QString linesAbove(const QTextBlock &block, int count) const;
    void applyEdit(int base, const QString &original, const TextEdit &edit, bool select);
    void wrapSelection(QStringView marker);
    bool handleEnter();
    bool handleListIndent(bool outdent);
    void createActions();
    void applyTheme();
    void updateTextColumn();
    void updateSearchSelections();
    void updateSpellChecker();
    void openSpellChecker(const QString &language);
    void emitTopLineIfChanged();
    void updateSpellCheckWindow();
    void rehighlightBlocksContaining(const QString &word);
    Result<QString> importMimeImages(const QMimeData *source) const;

    MarkdownHighlighter *m_highlighter = nullptr;
    std::unique_ptr<SpellChecker> m_spellChecker;
    bool m_spellCheckingEnabled = true;
    QString m_blogLanguage;
    SpellingLanguage m_spellingLanguage; // what the current checker was opened for
    QString m_personalDictionary;
    std::optional<ImagePlacement> m_imagePlacement;
    QList<QAction *> m_formattingActions;
    QTimer m_idleTimer;        // statistics and the post's language, after typing pauses
    QTimer m_spellWindowTimer; // once the view moved: spell check what came into view
    bool m_distractionFree = false;
    int m_maximumTextWidth = 0;
    QList<TextRange> m_searchMatches;
    int m_currentSearchMatch = -1;
    QPair<int, int> m_searchSelectionWindow{-1, -1};
    int m_lastTopLine = 0;
};

} // namespace pw
