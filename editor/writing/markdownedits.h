#pragma once

// The editing commands of the Markdown editor as pure functions on text: what Enter inserts on a
// list or quote line, toggling ** around a selection, headings, lists, indenting list items. Each
// returns a TextEdit the editor applies as one undoable step, so all the rules are testable
// without a widget.

#include <QString>
#include <QStringView>

namespace pw {

// Replace [from, to) of the text the function was given by `text`; afterwards the selection is
// [selectionStart, selectionEnd) in the edited text (equal when it is just a cursor).
struct TextEdit
{
    int from = 0;
    int to = 0;
    QString text;
    int selectionStart = 0;
    int selectionEnd = 0;
    bool isNoOp() const { return from == to && text.isEmpty(); }
    QString appliedTo(QStringView original) const
    {
        return original.left(from).toString() + text + original.mid(to).toString();
    }
};

// Enter with the cursor at `column` of `line` (line without its newline). Continues a list item
// (next number, same bullet, a new "[ ] " for tasks) or a quote; on an empty item or quote line
// ends the list/quote by clearing the markers instead. Elsewhere it keeps the line's indentation.
// Do not call it for lines in code fences or front matter: there Enter is a plain newline.
TextEdit enterEdit(QStringView line, int column);

// Toggles `marker` ("**", "*", "`", "~~") around the selection [start, end) of `text` (the
// selected lines' text). Without a selection it works on the word at the cursor, or inserts an
// empty pair with the cursor inside. Whitespace at the selection's ends stays outside the markers.
TextEdit toggleWrap(QStringView text, int start, int end, QStringView marker);

// Ctrl+K: turns the selection (or the word at the cursor) into [selection](https://) with the URL
// selected, or a selected URL into [](url) with the cursor in the brackets.
TextEdit insertLink(QStringView text, int start, int end);

// Sets the ATX heading level of `line` (0 = plain paragraph); the same level again removes it.
TextEdit setHeadingLevel(QStringView line, int level);

// Makes every non-blank line of `lines` a bullet ("- ") or numbered ("1. ", "2. "...) item, or,
// when all already are of that kind, turns them back into plain lines.
TextEdit toggleList(QStringView lines, bool ordered);

// Tab / Shift+Tab on list items. `lines` are the selected lines; `linesAbove` the text before them
// (a few lines suffice), used to nest under the previous item's text column and to outdent to
// the parent's indentation. Returns a no-op edit when the first line is not a list item.
TextEdit indentListItems(QStringView lines, QStringView linesAbove);
TextEdit outdentListItems(QStringView lines, QStringView linesAbove);

} // namespace pw
