// Vector<T>: a growable array whose growth is fallible (Result<void>), for a
// kernel without exceptions. Storage comes from nothrow operator new; elements
// are moved on growth. Not thread-safe; never grow one under a spinlock.
#pragma once

#include <new>
#include <type_traits>
#include <utility>

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/panic.h"

template<typename T>
class Vector {
public:
    Vector() = default;
    Vector(Vector const&) = delete;
    Vector& operator=(Vector const&) = delete;
    Vector(Vector&& other)
        : m_data(std::exchange(other.m_data, nullptr))
        , m_size(std::exchange(other.m_size, 0))
        , m_capacity(std::exchange(other.m_capacity, 0))
    {
    }
    Vector& operator=(Vector&& other)
    {
        if (this != &other) {
            release_storage();
            m_data = std::exchange(other.m_data, nullptr);
            m_size = std::exchange(other.m_size, 0);
            m_capacity = std::exchange(other.m_capacity, 0);
        }
        return *this;
    }
    ~Vector() { release_storage(); }

    // Copying can fail, so it is explicit.
    Result<Vector> try_clone() const
    {
        Vector copy;
        TRY(copy.try_reserve(m_size));
        for (usize i = 0; i < m_size; ++i)
            new (&copy.m_data[i]) T(m_data[i]);
        copy.m_size = m_size;
        return copy;
    }

    usize size() const { return m_size; }
    usize capacity() const { return m_capacity; }
    bool is_empty() const { return m_size == 0; }

    T* data() { return m_data; }
    T const* data() const { return m_data; }
    T& operator[](usize index)
    {
        KASSERT(index < m_size);
        return m_data[index];
    }
    T const& operator[](usize index) const
    {
        KASSERT(index < m_size);
        return m_data[index];
    }
    T& first() { return (*this)[0]; }
    T& last() { return (*this)[m_size - 1]; }
    T const& first() const { return (*this)[0]; }
    T const& last() const { return (*this)[m_size - 1]; }

    T* begin() { return m_data; }
    T* end() { return m_data + m_size; }
    T const* begin() const { return m_data; }
    T const* end() const { return m_data + m_size; }

    // Makes room for at least capacity elements; existing elements may move.
    Result<void> try_reserve(usize capacity)
    {
        if (capacity <= m_capacity)
            return {};
        if (capacity > usize(-1) / sizeof(T))
            return Error::NoMemory;
        T* fresh = static_cast<T*>(::operator new(capacity * sizeof(T), std::nothrow));
        if (!fresh)
            return Error::NoMemory;
        for (usize i = 0; i < m_size; ++i) {
            new (&fresh[i]) T(std::move(m_data[i]));
            m_data[i].~T();
        }
        ::operator delete(m_data);
        m_data = fresh;
        m_capacity = capacity;
        return {};
    }

    template<typename... Args>
    Result<void> try_emplace(Args&&... args)
    {
        if (m_size == m_capacity) {
            // args may refer into our own storage, which growing frees.
            T value(std::forward<Args>(args)...);
            TRY(grow_for(m_size + 1));
            new (&m_data[m_size]) T(std::move(value));
            ++m_size;
            return {};
        }
        new (&m_data[m_size]) T(std::forward<Args>(args)...);
        ++m_size;
        return {};
    }
    Result<void> try_append(T const& value) { return try_emplace(value); }
    Result<void> try_append(T&& value) { return try_emplace(std::move(value)); }
    Result<void> try_append(T const* values, usize count)
    {
        TRY(grow_for(m_size + count));
        for (usize i = 0; i < count; ++i)
            new (&m_data[m_size + i]) T(values[i]);
        m_size += count;
        return {};
    }

    // Inserts before index (index == size() appends), shifting later elements up.
    Result<void> try_insert(usize index, T&& value)
    {
        KASSERT(index <= m_size);
        TRY(grow_for(m_size + 1));
        if (index == m_size) {
            new (&m_data[m_size]) T(std::move(value));
        } else {
            new (&m_data[m_size]) T(std::move(m_data[m_size - 1]));
            for (usize i = m_size - 1; i > index; --i)
                m_data[i] = std::move(m_data[i - 1]);
            m_data[index] = std::move(value);
        }
        ++m_size;
        return {};
    }
    Result<void> try_insert(usize index, T const& value)
    {
        T copy(value);
        return try_insert(index, std::move(copy));
    }

    // Grows with default-constructed elements or shrinks by destroying the tail.
    Result<void> try_resize(usize size)
    {
        if (size < m_size) {
            shrink(size);
            return {};
        }
        TRY(try_reserve(size));
        for (usize i = m_size; i < size; ++i)
            new (&m_data[i]) T();
        m_size = size;
        return {};
    }

    // Removes the element at index, shifting later elements down (keeps order).
    void remove(usize index)
    {
        KASSERT(index < m_size);
        for (usize i = index; i + 1 < m_size; ++i)
            m_data[i] = std::move(m_data[i + 1]);
        shrink(m_size - 1);
    }
    // Removes the element at index by moving the last one into its place (O(1)).
    void unstable_remove(usize index)
    {
        KASSERT(index < m_size);
        if (index != m_size - 1)
            m_data[index] = std::move(m_data[m_size - 1]);
        shrink(m_size - 1);
    }
    T take_last()
    {
        KASSERT(m_size > 0);
        T value(std::move(m_data[m_size - 1]));
        shrink(m_size - 1);
        return value;
    }
    void clear() { shrink(0); }

    template<typename Predicate>
    T* find_if(Predicate predicate)
    {
        for (usize i = 0; i < m_size; ++i) {
            if (predicate(m_data[i]))
                return &m_data[i];
        }
        return nullptr;
    }

private:
    Result<void> grow_for(usize needed)
    {
        if (needed <= m_capacity)
            return {};
        usize capacity = m_capacity < 4 ? 4 : m_capacity * 2;
        if (capacity < needed || capacity < m_capacity)
            capacity = needed;
        return try_reserve(capacity);
    }
    void shrink(usize size)
    {
        while (m_size > size)
            m_data[--m_size].~T();
    }
    void release_storage()
    {
        clear();
        ::operator delete(m_data);
        m_data = nullptr;
        m_capacity = 0;
    }

    T* m_data { nullptr };
    usize m_size { 0 };
    usize m_capacity { 0 };
};
