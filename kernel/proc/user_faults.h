// What happens when a user program faults: page faults in the user half are
// resolved by the process's address space (demand-zero, copy-on-write); anything
// else kills the process with the matching signal, reported on the console the
// way a shell would say it.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

// Called by the arch page-fault handler for addresses below the user-half end,
// in thread context with interrupts enabled. Error::BadAddress: not resolvable.
Result<void> resolve_user_page_fault(VirtAddr address, bool write, bool user_mode, bool instruction_fetch);

// Ends the current process for a fault it caused (SIGSEGV, SIGILL, SIGFPE...).
[[noreturn]] void kill_current_process_for_fault(int signal, VirtAddr address, VirtAddr instruction);
