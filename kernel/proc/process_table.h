// The table of processes running on this node, by PID, and PID allocation.
// Locking: an internal mutex (thread context only); for_each's callbacks run
// without it held (each on its own reference), so they may take a process lock.
#pragma once

#include "kernel/lib/ref_ptr.h"
#include "kernel/proc/pid.h"

class Process;

namespace process_table {

// A new PID originating on this node: the next serial not in use.
Result<Pid> allocate_pid();
Result<void> add(NonnullRefPtr<Process> process);
void remove(Pid pid);
RefPtr<Process> find(Pid pid);
usize count();
// Calls visit for each process (a snapshot: processes created meanwhile may be missed).
void for_each(void (*visit)(Process& process, void* context), void* context);

} // namespace process_table
