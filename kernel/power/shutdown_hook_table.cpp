// The shutdown hook table. Running takes a snapshot under the lock and calls the
// hooks outside it: a hook may sleep (send a message and wait for its answer),
// which must never happen under a spinlock.
#include "kernel/power/shutdown_hook_table.h"

Result<void> ShutdownHookTable::add(char const* name, ShutdownHook hook, void* context)
{
    if (!name || !hook)
        return Error::InvalidArgument;
    SpinlockGuard guard(m_lock);
    if (m_count == CAPACITY)
        return Error::NoSpace;
    m_entries[m_count++] = Entry { name, hook, context };
    return {};
}

usize ShutdownHookTable::run_all(void (*before_each)(char const* name))
{
    Entry snapshot[CAPACITY];
    usize count;
    {
        SpinlockGuard guard(m_lock);
        count = m_count;
        for (usize i = 0; i < count; ++i)
            snapshot[i] = m_entries[i];
    }
    for (usize i = count; i-- > 0;) {
        if (before_each)
            before_each(snapshot[i].name);
        snapshot[i].hook(snapshot[i].context);
    }
    return count;
}

usize ShutdownHookTable::size() const
{
    SpinlockGuard guard(m_lock);
    return m_count;
}
