// Result<T>: a value or an Error, returned by everything that can fail.
// TRY(expr) unwraps a Result or returns its error from the enclosing function.
#pragma once

#include <new>
#include <type_traits>
#include <utility>

#include "kernel/lib/error.h"

template<typename T>
class [[nodiscard]] Result {
public:
    Result(Error error)
        : m_error(error)
    {
    }
    Result(T const& value)
        : m_error(Error::None)
    {
        new (&m_storage) T(value);
    }
    Result(T&& value)
        : m_error(Error::None)
    {
        new (&m_storage) T(std::move(value));
    }
    template<typename U>
        requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, T>
            && !std::is_same_v<std::remove_cvref_t<U>, Error>)
    Result(U&& value)
        : m_error(Error::None)
    {
        new (&m_storage) T(std::forward<U>(value));
    }
    Result(Result&& other)
        : m_error(other.m_error)
    {
        if (!is_error())
            new (&m_storage) T(std::move(other.ptr()[0]));
    }
    Result(Result const&) = delete;
    Result& operator=(Result const&) = delete;
    Result& operator=(Result&&) = delete;
    ~Result()
    {
        if (!is_error())
            ptr()->~T();
    }

    bool is_error() const { return m_error != Error::None; }
    Error error() const { return m_error; }
    T& value() { return *ptr(); }
    T const& value() const { return *ptr(); }
    T release_value() { return std::move(*ptr()); }

private:
    T* ptr() { return std::launder(reinterpret_cast<T*>(&m_storage)); }
    T const* ptr() const { return std::launder(reinterpret_cast<T const*>(&m_storage)); }

    alignas(T) unsigned char m_storage[sizeof(T)];
    Error m_error;
};

template<>
class [[nodiscard]] Result<void> {
public:
    Result()
        : m_error(Error::None)
    {
    }
    Result(Error error)
        : m_error(error)
    {
    }
    bool is_error() const { return m_error != Error::None; }
    Error error() const { return m_error; }
    void release_value() { }

private:
    Error m_error;
};

using ErrorOr = Result<void>;

// Unwraps a Result<T> to its value, or returns its error from the caller.
#define TRY(expression)                                   \
    ({                                                    \
        auto&& _try_result = (expression);                \
        if (_try_result.is_error()) [[unlikely]]          \
            return _try_result.error();                   \
        _try_result.release_value();                      \
    })
