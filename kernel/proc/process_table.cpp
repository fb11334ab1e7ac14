// The local process table (see process_table.h).
#include "kernel/proc/process_table.h"

#include "kernel/lib/hash_map.h"
#include "kernel/lib/vector.h"
#include "kernel/proc/node_identity.h"
#include "kernel/proc/process.h"
#include "kernel/sync/mutex.h"

namespace process_table {
namespace {

// A sleeping lock: the table allocates as it grows. Never taken in interrupt context.
Mutex g_lock;
HashMap<Pid, NonnullRefPtr<Process>>& table()
{
    static HashMap<Pid, NonnullRefPtr<Process>> processes;
    return processes;
}
u32 g_next_serial = 1;

} // namespace

Result<Pid> allocate_pid()
{
    MutexLocker guard(g_lock);
    for (u32 tries = 0; tries < u32(PIDS_PER_NODE); ++tries) {
        u32 serial = g_next_serial;
        g_next_serial = g_next_serial + 1 >= u32(PIDS_PER_NODE) ? 1 : g_next_serial + 1;
        Pid pid = make_pid(local_node(), serial);
        if (!table().get(pid))
            return pid;
    }
    return Error::TryAgain;
}

Result<void> add(NonnullRefPtr<Process> process)
{
    MutexLocker guard(g_lock);
    Pid pid = process->pid();
    return table().try_set(pid, std::move(process));
}

void remove(Pid pid)
{
    RefPtr<Process> last_reference;
    MutexLocker guard(g_lock);
    if (auto* entry = table().get(pid))
        last_reference = *entry; // dropped after the lock is released
    table().remove(pid);
}

RefPtr<Process> find(Pid pid)
{
    MutexLocker guard(g_lock);
    auto* entry = table().get(pid);
    return entry ? RefPtr<Process>(*entry) : RefPtr<Process>();
}

usize count()
{
    MutexLocker guard(g_lock);
    return table().size();
}

void for_each(void (*visit)(Process&, void*), void* context)
{
    Vector<NonnullRefPtr<Process>> snapshot;
    {
        MutexLocker guard(g_lock);
        for (auto& entry : table())
            (void)snapshot.try_append(entry.value);
    }
    for (auto& process : snapshot)
        visit(*process, context);
}

} // namespace process_table
