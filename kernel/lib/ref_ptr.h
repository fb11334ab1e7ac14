// RefPtr<T> (nullable) and NonnullRefPtr<T>: owning handles to RefCounted
// objects. adopt_ref() takes over a fresh object's initial reference; make_ref()
// allocates with nothrow new and reports out-of-memory as Error::NoMemory.
#pragma once

#include <new>
#include <type_traits>
#include <utility>

#include "kernel/lib/result.h"
#include "kernel/panic.h"

template<typename T>
class RefPtr;

template<typename T>
class NonnullRefPtr {
public:
    enum AdoptTag { Adopt };

    NonnullRefPtr(AdoptTag, T& object)
        : m_ptr(&object)
    {
    }
    // Takes a new reference to an object someone else already holds.
    NonnullRefPtr(T& object)
        : m_ptr(&object)
    {
        m_ptr->ref();
    }
    NonnullRefPtr(NonnullRefPtr const& other)
        : m_ptr(other.m_ptr)
    {
        m_ptr->ref();
    }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    NonnullRefPtr(NonnullRefPtr<U> const& other)
        : m_ptr(other.ptr())
    {
        m_ptr->ref();
    }
    // A moved-from NonnullRefPtr is null and may only be destroyed or assigned to.
    NonnullRefPtr(NonnullRefPtr&& other)
        : m_ptr(other.leak_ref())
    {
    }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    NonnullRefPtr(NonnullRefPtr<U>&& other)
        : m_ptr(other.leak_ref())
    {
    }
    ~NonnullRefPtr()
    {
        if (m_ptr)
            m_ptr->unref();
    }

    NonnullRefPtr& operator=(NonnullRefPtr const& other)
    {
        NonnullRefPtr copy(other);
        swap(copy);
        return *this;
    }
    NonnullRefPtr& operator=(NonnullRefPtr&& other)
    {
        NonnullRefPtr moved(std::move(other));
        swap(moved);
        return *this;
    }

    T* ptr() const
    {
        KASSERT(m_ptr);
        return m_ptr;
    }
    T* operator->() const { return ptr(); }
    T& operator*() const { return *ptr(); }
    operator T&() const { return *ptr(); }

    // Gives up ownership without unref; the caller now holds the reference.
    T* leak_ref() { return std::exchange(m_ptr, nullptr); }

    void swap(NonnullRefPtr& other) { std::swap(m_ptr, other.m_ptr); }
    bool operator==(NonnullRefPtr const& other) const { return m_ptr == other.m_ptr; }
    bool operator==(T const* other) const { return m_ptr == other; }

private:
    T* m_ptr;
};

template<typename T>
class RefPtr {
public:
    RefPtr() = default;
    RefPtr(decltype(nullptr)) { }
    RefPtr(T* object)
        : m_ptr(object)
    {
        if (m_ptr)
            m_ptr->ref();
    }
    RefPtr(T& object)
        : m_ptr(&object)
    {
        m_ptr->ref();
    }
    RefPtr(RefPtr const& other)
        : RefPtr(other.m_ptr)
    {
    }
    RefPtr(RefPtr&& other)
        : m_ptr(other.leak_ref())
    {
    }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    RefPtr(RefPtr<U> const& other)
        : RefPtr(other.ptr())
    {
    }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    RefPtr(RefPtr<U>&& other)
        : m_ptr(other.leak_ref())
    {
    }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    RefPtr(NonnullRefPtr<U> const& other)
        : RefPtr(other.ptr())
    {
    }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    RefPtr(NonnullRefPtr<U>&& other)
        : m_ptr(other.leak_ref())
    {
    }
    ~RefPtr() { clear(); }

    RefPtr& operator=(RefPtr const& other)
    {
        RefPtr copy(other);
        swap(copy);
        return *this;
    }
    RefPtr& operator=(RefPtr&& other)
    {
        RefPtr moved(std::move(other));
        swap(moved);
        return *this;
    }

    void clear()
    {
        if (T* old = std::exchange(m_ptr, nullptr))
            old->unref();
    }

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

    // Caller must know it is non-null.
    NonnullRefPtr<T> release_nonnull()
    {
        KASSERT(m_ptr);
        return NonnullRefPtr<T>(NonnullRefPtr<T>::Adopt, *leak_ref());
    }
    T* leak_ref() { return std::exchange(m_ptr, nullptr); }

    void swap(RefPtr& other) { std::swap(m_ptr, other.m_ptr); }
    bool operator==(RefPtr const& other) const { return m_ptr == other.m_ptr; }
    bool operator==(T const* other) const { return m_ptr == other; }
    bool operator==(decltype(nullptr)) const { return m_ptr == nullptr; }

private:
    T* m_ptr { nullptr };
};

// Takes over the initial reference of a freshly new'ed object.
template<typename T>
NonnullRefPtr<T> adopt_ref(T& object)
{
    return NonnullRefPtr<T>(NonnullRefPtr<T>::Adopt, object);
}

// Nullable variant: adopts object if non-null, else NoMemory (for `new (std::nothrow)`).
template<typename T>
Result<NonnullRefPtr<T>> adopt_ref_if_nonnull(T* object)
{
    if (!object)
        return Error::NoMemory;
    return adopt_ref(*object);
}

template<typename T, typename... Args>
Result<NonnullRefPtr<T>> make_ref(Args&&... args)
{
    return adopt_ref_if_nonnull(new (std::nothrow) T(std::forward<Args>(args)...));
}
