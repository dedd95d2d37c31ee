#pragma once

// Runs JavaScript in a page and waits for its result: how the preview tests look at the DOM.

#include <QTest>
#include <QVariant>
#include <QWebEnginePage>

#include <memory>

namespace pw::test {

inline QVariant evaluate(QWebEnginePage *page, const QString &script, int timeoutMs = 30'000)
{
    struct Outcome
    {
        QVariant value;
        bool done = false;
    };
    // Shared, so a late answer after a timeout writes into something that still exists.
    auto outcome = std::make_shared<Outcome>();
    page->runJavaScript(script, [outcome](const QVariant &value) {
        outcome->value = value;
        outcome->done = true;
    });
    if (!QTest::qWaitFor([&] { return outcome->done; }, timeoutMs))
        qWarning("script did not finish: %s", qPrintable(script));
    return outcome->value;
}

} // namespace pw::test
