// Process system calls that need no arch state: exit, getpid, getppid, the
// uid/gid calls, process groups and sessions, kill, waitpid, and the node's
// identity (uname, unum_self).
#include "kernel/abi/unum_abi.h"
#include "kernel/abi/unum_types.h"
#include "kernel/arch/time.h"
#include "kernel/lib/format.h"
#include "kernel/proc/node_identity.h"
#include "kernel/proc/process.h"
#include "kernel/proc/process_lifecycle.h"
#include "kernel/proc/process_table.h"
#include "kernel/syscall/syscall_families.h"
#include "kernel/syscall/user_ptr.h"
#include "kernel/vproc/vproc.h"

namespace {

constexpr char const* RELEASE = "0.1";

Result<Process*> current()
{
    Process* process = current_process();
    if (!process)
        return Error::NoSuchProcess;
    return process;
}

} // namespace

Result<u64> sys_exit(SyscallArgs const& args) { exit_current_process(UNUM_W_EXITED(int(args.arg[0]))); }

Result<u64> sys_getpid(SyscallArgs const&) { return u64(TRY(current())->pid()); }
Result<u64> sys_getppid(SyscallArgs const&) { return u64(TRY(current())->parent_pid()); }
Result<u64> sys_getuid(SyscallArgs const&) { return TRY(current())->credentials().uid; }
Result<u64> sys_getgid(SyscallArgs const&) { return TRY(current())->credentials().gid; }

Result<u64> sys_setuid(SyscallArgs const& args)
{
    Process* process = TRY(current());
    Credentials credentials = process->credentials();
    if (!credentials.is_superuser() && args.arg[0] != credentials.uid)
        return Error::PermissionDenied;
    credentials.uid = u32(args.arg[0]);
    process->set_credentials(credentials);
    return 0;
}

Result<u64> sys_setgid(SyscallArgs const& args)
{
    Process* process = TRY(current());
    Credentials credentials = process->credentials();
    if (!credentials.is_superuser() && args.arg[0] != credentials.gid)
        return Error::PermissionDenied;
    credentials.gid = u32(args.arg[0]);
    process->set_credentials(credentials);
    return 0;
}

Result<u64> sys_setpgid(SyscallArgs const& args)
{
    Process* self = TRY(current());
    Pid pid = args.arg[0] ? Pid(args.arg[0]) : self->pid();
    Pid pgid = args.arg[1] ? Pid(args.arg[1]) : pid;
    RefPtr<Process> target = process_table::find(pid);
    if (!target || (target->pid() != self->pid() && target->parent_pid() != self->pid()))
        return Error::NoSuchProcess;
    if (target->session() != self->session() || target->pid() == target->session())
        return Error::PermissionDenied;
    target->set_process_group(pgid);
    return 0;
}

Result<u64> sys_getpgid(SyscallArgs const& args)
{
    Process* self = TRY(current());
    if (args.arg[0] == 0)
        return u64(self->process_group());
    RefPtr<Process> target = process_table::find(Pid(args.arg[0]));
    if (!target)
        return Error::NoSuchProcess;
    return u64(target->process_group());
}

Result<u64> sys_setsid(SyscallArgs const&)
{
    Process* self = TRY(current());
    if (self->process_group() == self->pid())
        return Error::PermissionDenied; // already a group leader
    self->set_session(self->pid());
    self->set_process_group(self->pid());
    return u64(self->pid());
}

Result<u64> sys_getsid(SyscallArgs const& args)
{
    Process* self = TRY(current());
    if (args.arg[0] == 0)
        return u64(self->session());
    RefPtr<Process> target = process_table::find(Pid(args.arg[0]));
    if (!target)
        return Error::NoSuchProcess;
    return u64(target->session());
}

Result<u64> sys_kill(SyscallArgs const& args)
{
    Process* self = TRY(current());
    int signal = int(args.arg[1]);
    if (signal != 0 && !signals::is_valid(signal))
        return Error::InvalidArgument;
    TRY(vproc::send_signal(Pid(args.arg[0]), signal, self->credentials()));
    return 0;
}

Result<u64> sys_waitpid(SyscallArgs const& args)
{
    Process* self = TRY(current());
    auto reaped = TRY(vproc::wait_for_child(*self, Pid(i32(args.arg[0])), u32(args.arg[2])));
    if (reaped.pid != 0 && args.arg[1])
        TRY(UserPtr<int>(args.arg[1]).write(reaped.wait_status));
    return u64(reaped.pid);
}

Result<u64> sys_uname(SyscallArgs const& args)
{
    unum_utsname name {};
    format(name.sysname, sizeof(name.sysname), "Unum");
    format(name.nodename, sizeof(name.nodename), "node%u", local_node());
    format(name.release, sizeof(name.release), "%s", RELEASE);
    format(name.version, sizeof(name.version), "%s", RELEASE);
    format(name.machine, sizeof(name.machine), "x86_64");
    TRY(UserPtr<unum_utsname>(args.arg[0]).write(name));
    return 0;
}

Result<u64> sys_unum_self(SyscallArgs const& args)
{
    unum_self_info info {};
    info.node = local_node();
    format(info.node_name, sizeof(info.node_name), "node%u", local_node());
    TRY(UserPtr<unum_self_info>(args.arg[0]).write(info));
    return 0;
}

Result<u64> sys_getentropy(SyscallArgs const& args)
{
    // getentropy(2): at most 256 bytes per call. The bytes come from the cycle
    // counter through a mixing generator: unpredictable enough for hash seeds and
    // temporary names, NOT cryptographic (the cluster key work brings a real pool).
    usize length = args.arg[1];
    if (length > 256)
        return Error::InvalidArgument;
    u8 bytes[256];
    u64 state = arch::cycle_counter() ^ (u64(local_node()) << 48) ^ 0x9e3779b97f4a7c15ull;
    for (usize i = 0; i < length; ++i) {
        state ^= arch::cycle_counter();
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        bytes[i] = u8(state >> 56);
    }
    TRY(arch::copy_to_user(args.arg[0], bytes, length));
    return 0;
}
