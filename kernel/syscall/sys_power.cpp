// Power system calls: reboot (power off or restart the node, root only). The
// command is checked before the caller, so a bad one is EINVAL for anyone.
#include "kernel/abi/unum_abi.h"
#include "kernel/power/shutdown.h"
#include "kernel/proc/process.h"
#include "kernel/syscall/syscall_families.h"

namespace {

Result<ShutdownKind> shutdown_kind(int command)
{
    switch (command) {
    case UNUM_REBOOT_POWER_OFF: return ShutdownKind::PowerOff;
    case UNUM_REBOOT_RESTART: return ShutdownKind::Reboot;
    default: return Error::InvalidArgument;
    }
}

} // namespace

// (int command) -> does not return on success.
Result<u64> sys_reboot(SyscallArgs const& args)
{
    ShutdownKind kind = TRY(shutdown_kind(int(args.arg[0])));
    Process* process = current_process();
    if (!process)
        return Error::NoSuchProcess;
    if (!process->credentials().is_superuser())
        return Error::PermissionDenied;
    system_shutdown(kind);
}
