#include "panel/termchipsedit.h"

#include "panel/flowlayout.h"

#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace pw {

TermChipsEdit::TermChipsEdit(QWidget *parent) : QWidget(parent)
{
    m_flow = new FlowLayout(this);
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("termInput"));
    m_input->setMinimumWidth(120);
    m_input->setFrame(false);
    m_input->installEventFilter(this);
    m_flow->addWidget(m_input);
    setAttribute(Qt::WA_StyledBackground);
    setObjectName(QStringLiteral("termChips"));
    setStyleSheet(QStringLiteral(
        "#termChips { border: 1px solid palette(mid); border-radius: 4px; background: palette(base); "
        "padding: 3px; }"
        "QFrame#chip { border: 1px solid palette(mid); border-radius: 10px; "
        "background: palette(alternate-base); }"
        "QFrame#chip QToolButton { border: none; padding: 0px; }"));

    connect(m_input, &QLineEdit::returnPressed, this, &TermChipsEdit::commitInput);
    connect(m_input, &QLineEdit::textEdited, this, [this](const QString &text) {
        // A comma ends a term while typing, the way chip fields everywhere work.
        if (text.contains(QLatin1Char(',')))
            commitInput();
    });
}

void TermChipsEdit::setTerms(const QStringList &terms)
{
    if (terms == m_terms)
        return;
    m_terms = terms;
    rebuildChips();
}

void TermChipsEdit::setCompletionModel(QAbstractItemModel *model)
{
    delete m_completer;
    m_completer = new QCompleter(model, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionRole(Qt::EditRole);
    m_input->setCompleter(m_completer);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &term) {
                addTerm(term);
                m_input->clear();
            });
}

void TermChipsEdit::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    m_input->setVisible(!readOnly);
    rebuildChips();
}

void TermChipsEdit::setPlaceholderText(const QString &text)
{
    m_input->setPlaceholderText(text);
}

void TermChipsEdit::addTerm(const QString &term)
{
    const QString clean = term.simplified();
    if (m_readOnly || clean.isEmpty() || m_terms.contains(clean))
        return;
    m_terms.append(clean);
    rebuildChips();
    Q_EMIT termsEdited(m_terms);
}

void TermChipsEdit::removeTerm(int index)
{
    if (m_readOnly || index < 0 || index >= m_terms.size())
        return;
    m_terms.removeAt(index);
    rebuildChips();
    Q_EMIT termsEdited(m_terms);
}

bool TermChipsEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Backspace && m_input->text().isEmpty() && !m_terms.isEmpty()) {
            removeTerm(int(m_terms.size()) - 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TermChipsEdit::commitInput()
{
    const QStringList typed = m_input->text().split(QLatin1Char(','));
    m_input->clear();
    for (const QString &term : typed)
        addTerm(term);
}

void TermChipsEdit::rebuildChips()
{
    // The input stays last; everything before it is a chip.
    while (m_flow->count() > 1) {
        QLayoutItem *item = m_flow->takeAt(0);
        // Later, not now: this may run inside the clicked() of a button on that very chip.
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    for (int i = 0; i < m_terms.size(); ++i)
        m_flow->insertWidget(i, makeChip(i));
    updateGeometry();
}

QWidget *TermChipsEdit::makeChip(int index)
{
    auto *chip = new QFrame(this);
    chip->setObjectName(QStringLiteral("chip"));
    auto *layout = new QHBoxLayout(chip);
    layout->setContentsMargins(8, 1, 4, 1);
    layout->setSpacing(2);
    auto *label = new QLabel(m_terms[index], chip);
    label->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    if (!m_readOnly) {
        auto *remove = new QToolButton(chip);
        remove->setObjectName(QStringLiteral("removeTerm"));
        remove->setText(QStringLiteral("×"));
        remove->setToolTip(tr("Remove “%1”").arg(m_terms[index]));
        remove->setCursor(Qt::PointingHandCursor);
        layout->addWidget(remove);
        connect(remove, &QToolButton::clicked, this, [this, index] { removeTerm(index); });
    }
    return chip;
}

} // namespace pw
