// ShutdownHookTable: the bounded list of functions kernel services register to
// run before the machine powers off or reboots (the cluster leaves cleanly, ...).
// Portable and heap-free; system_shutdown (shutdown.h) owns the kernel's table.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/sync/spinlock.h"

using ShutdownHook = void (*)(void* context);

class ShutdownHookTable {
public:
    static constexpr usize CAPACITY = 16;

    constexpr ShutdownHookTable() = default;
    ShutdownHookTable(ShutdownHookTable const&) = delete;
    ShutdownHookTable& operator=(ShutdownHookTable const&) = delete;

    // Appends a hook. name must outlive the table (a string literal). InvalidArgument
    // for a null name or hook, NoSpace when CAPACITY hooks are registered. Safe from
    // any thread.
    Result<void> add(char const* name, ShutdownHook hook, void* context);

    // Calls every hook registered so far, newest first (a later service may depend
    // on an earlier one, as at teardown anywhere), each after before_each(name).
    // Runs without the table's lock, so hooks may sleep and block; a hook added
    // meanwhile is not called. Returns how many hooks ran.
    usize run_all(void (*before_each)(char const* name));

    usize size() const;

private:
    struct Entry {
        char const* name;
        ShutdownHook hook;
        void* context;
    };

    mutable Spinlock m_lock;
    Entry m_entries[CAPACITY] {};
    usize m_count { 0 };
};
