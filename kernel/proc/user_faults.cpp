// User fault policy (see user_faults.h).
#include "kernel/proc/user_faults.h"

#include "kernel/abi/unum_types.h"
#include "kernel/log/klog.h"
#include "kernel/proc/process.h"
#include "kernel/proc/process_lifecycle.h"
#include "kernel/vm/address_space.h"

Result<void> resolve_user_page_fault(VirtAddr address, bool write, bool user_mode, bool instruction_fetch)
{
    Process* process = current_process();
    if (!process || !process->address_space())
        return Error::BadAddress;
    return process->address_space()->handle_page_fault(address, write, user_mode, instruction_fetch);
}

[[noreturn]] void kill_current_process_for_fault(int signal, VirtAddr address, VirtAddr instruction)
{
    Process* process = current_process();
    KASSERT(process);
    log_info("pid %d (%s): SIG%s at address 0x%llx, ip 0x%llx", process->pid(), process->name(),
        signals::signal_name(signal), (unsigned long long)address, (unsigned long long)instruction);
    exit_current_process(UNUM_W_SIGNALED(signal));
}
