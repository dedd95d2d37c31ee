// A date picked in the panel is written in the form the file already uses.

#include "site/datetext.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

class TestDateText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // "Date only" is the local date: pin the zone so every row means the same day.
        qputenv("TZ", "UTC");
    }

    void keepsTheForm_data()
    {
        QTest::addColumn<QString>("original");
        QTest::addColumn<QString>("expected");
        const QString utc = QStringLiteral("2024-03-05T14:30:00Z");
        QTest::newRow("nominal: date only stays date only") << "2023-01-01" << "2024-03-05";
        QTest::newRow("nominal: Z stays Z") << "2023-01-01T08:00:00Z" << utc;
        QTest::newRow("nominal: offset with colon is kept") << "2023-01-01T08:00:00+01:00"
                                                              << "2024-03-05T15:30:00+01:00";
        QTest::newRow("nominal: negative offset without colon") << "2023-01-01T08:00:00-0500"
                                                                  << "2024-03-05T09:30:00-0500";
        QTest::newRow("nominal: space separator, no seconds") << "2023-01-01 08:00+00:00"
                                                                << "2024-03-05 14:30+00:00";
    }

    void keepsTheForm()
    {
        QFETCH(QString, original);
        QFETCH(QString, expected);
        const QDateTime value(QDate(2024, 3, 5), QTime(14, 30), QTimeZone::utc());
        QCOMPARE(pw::formatDateLike(value, original), expected);
    }

    void emptyGivesFullIsoWithOffset()
    {
        const QDateTime value(QDate(2024, 3, 5), QTime(14, 30), QTimeZone::utc());
        const QString text = pw::formatDateLike(value, {});
        const QDateTime back = QDateTime::fromString(text, Qt::ISODate);
        QVERIFY2(back.isValid(), qPrintable(text));
        QCOMPARE(back.toUTC(), value);
        static const QRegularExpression zone(QStringLiteral("(Z|[+-]\\d{2}:\\d{2})$"));
        QVERIFY2(zone.match(text).hasMatch(), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestDateText)
#include "tst_datetext.moc"
