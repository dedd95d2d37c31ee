#pragma once

// A PublishObserver for tests: records what publishing reports and answers credential requests
// from a script of answers, counting how often it was asked.

#include "publish/publisher.h"

#include <QList>
#include <QStringList>

#include <optional>

class RecordingObserver : public pw::PublishObserver
{
public:
    QStringList stages;
    int progressCalls = 0;
    QString remoteText;
    QList<int> credentialAttempts;
    QString trustedFingerprint; // the one host key or certificate this observer trusts
    QStringList fingerprintsSeen;
    // The answer for attempt n is answers[n - 1]; past the end, the last answer repeats.
    QList<std::optional<Credential>> answers;

    void stage(const QString &what) override { stages.append(what); }
    void transferProgress(qint64, qint64) override { ++progressCalls; }
    void remoteMessage(const QString &text) override { remoteText += text; }
    bool trustHost(const QString &, const QString &fingerprint) override
    {
        fingerprintsSeen.append(fingerprint);
        return !trustedFingerprint.isEmpty() && fingerprint == trustedFingerprint;
    }
    std::optional<Credential> credential(const QString &, const QString &, int attempt) override
    {
        credentialAttempts.append(attempt);
        if (answers.isEmpty())
            return std::nullopt;
        return answers.at(qMin(attempt, int(answers.size())) - 1);
    }
};
