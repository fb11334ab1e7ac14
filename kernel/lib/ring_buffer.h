// RingBuffer<T, Capacity>: a fixed-capacity FIFO with inline storage (no heap),
// for serial input, pipes and the kernel log. When full, writers choose: refuse
// (try_push) or overwrite the oldest element (push_overwrite). Not thread-safe:
// the owner's lock guards it (Caller must hold it for every call).
#pragma once

#include <type_traits>

#include "kernel/lib/types.h"
#include "kernel/panic.h"

template<typename T, usize Capacity>
class RingBuffer {
    static_assert(Capacity > 0);
    // Elements are copied in and out as plain data; nothing needs destroying.
    static_assert(std::is_trivially_copyable_v<T>);

public:
    constexpr RingBuffer() = default;

    static constexpr usize capacity() { return Capacity; }
    usize size() const { return m_size; }
    usize free_space() const { return Capacity - m_size; }
    bool is_empty() const { return m_size == 0; }
    bool is_full() const { return m_size == Capacity; }

    // Returns false (and stores nothing) when full.
    bool try_push(T const& value)
    {
        if (is_full())
            return false;
        m_storage[index_of(m_size)] = value;
        ++m_size;
        return true;
    }

    // Always stores value, dropping the oldest element when full.
    void push_overwrite(T const& value)
    {
        if (is_full())
            discard(1);
        m_storage[index_of(m_size)] = value;
        ++m_size;
    }

    // Removes the oldest element into out; false when empty.
    bool pop(T& out)
    {
        if (is_empty())
            return false;
        out = m_storage[m_head];
        discard(1);
        return true;
    }

    // index 0 is the oldest element.
    T const& at(usize index) const
    {
        KASSERT(index < m_size);
        return m_storage[index_of(index)];
    }

    // Appends as many of values as fit; returns how many were stored.
    usize write(T const* values, usize count)
    {
        usize n = count < free_space() ? count : free_space();
        for (usize i = 0; i < n; ++i)
            m_storage[index_of(m_size + i)] = values[i];
        m_size += n;
        return n;
    }

    // Copies up to count elements starting offset elements after the oldest,
    // without removing them; returns how many were copied.
    usize peek(usize offset, T* out, usize count) const
    {
        if (offset >= m_size)
            return 0;
        usize available = m_size - offset;
        usize n = count < available ? count : available;
        for (usize i = 0; i < n; ++i)
            out[i] = m_storage[index_of(offset + i)];
        return n;
    }

    // Removes and copies out up to count of the oldest elements.
    usize read(T* out, usize count)
    {
        usize n = peek(0, out, count);
        discard(n);
        return n;
    }

    // Drops up to count of the oldest elements.
    void discard(usize count)
    {
        usize n = count < m_size ? count : m_size;
        m_head = index_of(n);
        m_size -= n;
    }

    void clear()
    {
        m_head = 0;
        m_size = 0;
    }

private:
    usize index_of(usize offset) const
    {
        usize index = m_head + offset;
        return index >= Capacity ? index - Capacity : index;
    }

    T m_storage[Capacity] {};
    usize m_head { 0 };
    usize m_size { 0 };
};
