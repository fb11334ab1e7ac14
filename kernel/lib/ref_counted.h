// RefCounted<T>: the intrusive, atomic reference count of shared kernel objects
// (processes, threads, vnodes, ports). Pointers to them are RefPtr/NonnullRefPtr.
#pragma once

#include <atomic>

#include "kernel/lib/types.h"
#include "kernel/panic.h"

// T derives from RefCounted<T>. An object is born holding one reference, which
// adopt_ref() takes over; the last unref() deletes it as a T, so a hierarchy
// rooted at T needs a virtual destructor in T. Safe from any CPU or context, but
// the final unref() runs the destructor and frees, so never drop what may be the
// last reference while holding a spinlock.
template<typename T>
class RefCounted {
public:
    RefCounted(RefCounted const&) = delete;
    RefCounted& operator=(RefCounted const&) = delete;

    void ref() const
    {
        u32 old = m_ref_count.fetch_add(1, std::memory_order_relaxed);
        KASSERT(old > 0);
    }

    void unref() const
    {
        u32 old = m_ref_count.fetch_sub(1, std::memory_order_acq_rel);
        KASSERT(old > 0);
        if (old == 1)
            delete static_cast<T const*>(this);
    }

    // Only a hint when other CPUs hold references; exact when they cannot.
    u32 ref_count() const { return m_ref_count.load(std::memory_order_relaxed); }

protected:
    RefCounted() = default;
    ~RefCounted() = default;

private:
    mutable std::atomic<u32> m_ref_count { 1 };
};
