#pragma once

// Errors cross Postwright's APIs as values: Result<T, E> holds either a value or an error the user
// can act on (what went wrong, where, what to do). Modelled on Qt Creator's Utils::Result.

#include <QString>

#include <functional>
#include <initializer_list>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace pw {

// Where in a file a problem is, and what to do about it. Lines and columns are 1-based; 0 = unknown.
struct Error {
    QString message;
    QString file;
    int line = 0;
    int column = 0;
    QString hint;

    // "file:line:column: message" (parts that are unknown are left out), the form compilers use.
    QString toString() const
    {
        QString where = file;
        if (line > 0)
            where += QStringLiteral(":%1").arg(line);
        if (line > 0 && column > 0)
            where += QStringLiteral(":%1").arg(column);
        QString text = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
        if (!hint.isEmpty())
            text += QStringLiteral(" (") + hint + QLatin1Char(')');
        return text;
    }
};

template<typename E>
struct Unexpected {
    E error;
};

// A bare message becomes an Error (the overload below), anything else is the error itself.
template<typename E>
    requires(!std::is_convertible_v<E, QString>)
Unexpected<std::decay_t<E>> failure(E &&error)
{
    return {std::forward<E>(error)};
}

inline Unexpected<Error> failure(const QString &message, const QString &hint = {})
{
    return {Error{message, {}, 0, 0, hint}};
}

template<typename T, typename E = Error>
class [[nodiscard]] Result {
public:
    Result(const T &value) : m_state(std::in_place_index<0>, value) {}
    Result(T &&value) : m_state(std::in_place_index<0>, std::move(value)) {}
    template<typename F>
    Result(Unexpected<F> &&u) : m_state(std::in_place_index<1>, E(std::move(u.error)))
    {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const E &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, E> m_state;
};

template<typename E>
class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    template<typename F>
    Result(Unexpected<F> &&u) : m_error(E(std::move(u.error)))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const E &error() const { return *m_error; }

private:
    std::optional<E> m_error;
};

// Runs the steps one after another and stops at the first that fails, returning its error.
inline Result<void> inOrder(std::initializer_list<std::function<Result<void>()>> steps)
{
    for (const auto &step : steps) {
        if (Result<void> done = step(); !done)
            return done;
    }
    return {};
}

} // namespace pw
