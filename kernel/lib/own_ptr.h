// OwnPtr<T>: the sole owner of a heap object (deletes it when dropped). Moves only.
// make_own() allocates with nothrow new and reports out-of-memory as a value.
#pragma once

#include <new>
#include <type_traits>
#include <utility>

#include "kernel/lib/result.h"
#include "kernel/panic.h"

template<typename T>
class OwnPtr {
public:
    OwnPtr() = default;
    OwnPtr(decltype(nullptr)) { }
    // Takes ownership of object (which may be null).
    explicit OwnPtr(T* object)
        : m_ptr(object)
    {
    }
    OwnPtr(OwnPtr const&) = delete;
    OwnPtr& operator=(OwnPtr const&) = delete;
    OwnPtr(OwnPtr&& other)
        : m_ptr(other.leak_ptr())
    {
    }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    OwnPtr(OwnPtr<U>&& other)
        : m_ptr(other.leak_ptr())
    {
    }
    ~OwnPtr() { clear(); }

    OwnPtr& operator=(OwnPtr&& other)
    {
        OwnPtr moved(std::move(other));
        std::swap(m_ptr, moved.m_ptr);
        return *this;
    }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    OwnPtr& operator=(OwnPtr<U>&& other)
    {
        OwnPtr moved(std::move(other));
        std::swap(m_ptr, moved.m_ptr);
        return *this;
    }
    OwnPtr& operator=(decltype(nullptr))
    {
        clear();
        return *this;
    }

    void clear() { delete std::exchange(m_ptr, nullptr); }

    T* ptr() const { return m_ptr; }
    T* operator->() const
    {
        KASSERT(m_ptr);
        return m_ptr;
    }
    T& operator*() const
    {
        KASSERT(m_ptr);
        return *m_ptr;
    }
    bool is_null() const { return m_ptr == nullptr; }
    explicit operator bool() const { return m_ptr != nullptr; }

    // Gives up ownership; the caller must delete the object.
    T* leak_ptr() { return std::exchange(m_ptr, nullptr); }

private:
    T* m_ptr { nullptr };
};

// Adopts a `new (std::nothrow)` result: NoMemory when it is null.
template<typename T>
Result<OwnPtr<T>> adopt_own_if_nonnull(T* object)
{
    if (!object)
        return Error::NoMemory;
    return OwnPtr<T>(object);
}

template<typename T, typename... Args>
Result<OwnPtr<T>> make_own(Args&&... args)
{
    return adopt_own_if_nonnull(new (std::nothrow) T(std::forward<Args>(args)...));
}
