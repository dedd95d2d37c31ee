#include "panel/frontmatterpanel.h"

#include "panel/termchipsedit.h"
#include "site/datetext.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace pw {

namespace {

void setLineText(QLineEdit *edit, const QString &text)
{
    // Rewriting the same text would move the cursor of a user typing in the field.
    if (edit->text() != text) {
        const QSignalBlocker block(edit);
        edit->setText(text);
    }
}

} // namespace

FrontMatterPanel::FrontMatterPanel(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("frontMatterProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c6cb; border-radius: 4px; "
        "padding: 6px; }"));
    m_problems->hide();
    outer->addWidget(m_problems);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows); // labels above fields: a narrow dock stays readable
    outer->addLayout(form);
    outer->addStretch();

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    form->addRow(tr("&Title"), m_title);

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 5);
    form->addRow(tr("&Description"), m_description);

    m_date = new QDateTimeEdit(this);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_date->setTimeSpec(Qt::LocalTime);
    // A post without a date shows "no date", not a made-up one; its minimum stands for it.
    m_date->setMinimumDateTime(QDateTime(QDate(1900, 1, 1), QTime(0, 0)));
    m_date->setSpecialValueText(tr("no date"));
    form->addRow(tr("D&ate"), m_date);

    m_draft = new QCheckBox(tr("Draft (not on the site yet)"), this);
    m_draft->setObjectName(QStringLiteral("draftCheck"));
    form->addRow(QString(), m_draft);

    m_slug = new QLineEdit(this);
    m_slug->setObjectName(QStringLiteral("slugEdit"));
    m_slug->setPlaceholderText(tr("from the title"));
    form->addRow(tr("&Slug"), m_slug);

    m_categories = new TermChipsEdit(this);
    m_categories->setObjectName(QStringLiteral("categoriesEdit"));
    m_categories->setPlaceholderText(tr("Add a category"));
    form->addRow(tr("&Categories"), m_categories);

    m_tags = new TermChipsEdit(this);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("Add a tag"));
    form->addRow(tr("Ta&gs"), m_tags);

    connect(m_title, &QLineEdit::textEdited, this,
            [this](const QString &text) { Q_EMIT fieldEdited(Field::Title, text); });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        Q_EMIT fieldEdited(Field::Description, m_description->toPlainText());
    });
    connect(m_date, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &value) {
        if (value == m_date->minimumDateTime())
            return;
        m_dateText = formatDateLike(value, m_dateText);
        Q_EMIT fieldEdited(Field::Date, m_dateText);
    });
    connect(m_draft, &QCheckBox::toggled, this, &FrontMatterPanel::draftEdited);
    connect(m_slug, &QLineEdit::textEdited, this,
            [this](const QString &text) { Q_EMIT fieldEdited(Field::Slug, text); });
    connect(m_categories, &TermChipsEdit::termsEdited, this,
            [this](const QStringList &terms) { Q_EMIT termsEdited(Field::Categories, terms); });
    connect(m_tags, &TermChipsEdit::termsEdited, this,
            [this](const QStringList &terms) { Q_EMIT termsEdited(Field::Tags, terms); });
    connect(m_problems, &QLabel::linkActivated, this, [this](const QString &link) {
        const QStringList parts = link.split(QLatin1Char(':'));
        if (parts.size() == 2)
            Q_EMIT problemActivated(parts[0].toInt(), parts[1].toInt());
    });
    setEditable(false);
}

void FrontMatterPanel::showDocument(const PostDocument &document)
{
    const PostMetadata meta = document.metadata();
    setLineText(m_title, meta.title);
    setLineText(m_slug, meta.slug);
    if (m_description->toPlainText() != meta.description) {
        const QSignalBlocker block(m_description);
        m_description->setPlainText(meta.description);
    }
    m_dateText = meta.dateText;
    {
        const QSignalBlocker block(m_date);
        m_date->setDateTime(meta.date.isValid() ? meta.date.toLocalTime() : m_date->minimumDateTime());
    }
    {
        const QSignalBlocker block(m_draft);
        m_draft->setChecked(meta.draft);
    }
    m_categories->setTerms(meta.categories);
    m_tags->setTerms(meta.tags);
    showDiagnostics(document.diagnostics());
    setEditable(document.isEditable());
}

void FrontMatterPanel::clear()
{
    showDocument(PostDocument());
    setEditable(false);
}

void FrontMatterPanel::setTagCompletionModel(QAbstractItemModel *model)
{
    m_tags->setCompletionModel(model);
}

void FrontMatterPanel::setCategoryCompletionModel(QAbstractItemModel *model)
{
    m_categories->setCompletionModel(model);
}

void FrontMatterPanel::setEditable(bool editable)
{
    m_title->setReadOnly(!editable);
    m_description->setReadOnly(!editable);
    m_date->setReadOnly(!editable);
    m_draft->setEnabled(editable);
    m_slug->setReadOnly(!editable);
    m_categories->setReadOnly(!editable);
    m_tags->setReadOnly(!editable);
}

void FrontMatterPanel::showDiagnostics(const QList<Diagnostic> &diagnostics)
{
    if (diagnostics.isEmpty()) {
        m_problems->hide();
        return;
    }
    QStringList lines;
    bool hasError = false;
    for (const Diagnostic &d : diagnostics) {
        const bool isError = d.severity == Diagnostic::Severity::Error;
        hasError = hasError || isError;
        lines << QStringLiteral("<a href=\"%1:%2\">%3 %1:%2</a> %4")
                     .arg(d.line)
                     .arg(d.column)
                     .arg(isError ? tr("Error at line") : tr("Warning at line"), d.message.toHtmlEscaped());
    }
    if (hasError)
        lines << tr("The panel is read-only until the front matter is fixed in the text; nothing is "
                    "written over it.");
    m_problems->setText(lines.join(QStringLiteral("<br>")));
    m_problems->show();
}

} // namespace pw
