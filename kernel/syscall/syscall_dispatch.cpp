// The system-call table: number -> handler. Unknown numbers are ENOSYS; each
// handler lives with its family (sys_time.cpp, ...).
#include "kernel/syscall/syscall_dispatch.h"

#include "kernel/abi/unum_abi.h"
#include "kernel/proc/fork.h"
#include "kernel/proc/signal_delivery.h"
#include "kernel/syscall/syscall_families.h"

namespace {

struct TableEntry {
    SyscallHandler handler;
};

constexpr TableEntry make_table_entry(SyscallHandler handler) { return { handler }; }

struct SyscallTable {
    TableEntry entries[UNUM_SYS_COUNT] {};
    constexpr SyscallTable()
    {
        entries[UNUM_SYS_EXIT] = make_table_entry(sys_exit);
        entries[UNUM_SYS_FORK] = make_table_entry(sys_fork);
        entries[UNUM_SYS_EXECVE] = make_table_entry(sys_execve);
        entries[UNUM_SYS_SIGACTION] = make_table_entry(sys_sigaction);
        entries[UNUM_SYS_SIGPROCMASK] = make_table_entry(sys_sigprocmask);
        entries[UNUM_SYS_SIGRETURN] = make_table_entry(sys_sigreturn);
        entries[UNUM_SYS_WAITPID] = make_table_entry(sys_waitpid);
        entries[UNUM_SYS_GETPID] = make_table_entry(sys_getpid);
        entries[UNUM_SYS_GETPPID] = make_table_entry(sys_getppid);
        entries[UNUM_SYS_KILL] = make_table_entry(sys_kill);
        entries[UNUM_SYS_READ] = make_table_entry(sys_read);
        entries[UNUM_SYS_WRITE] = make_table_entry(sys_write);
        entries[UNUM_SYS_OPEN] = make_table_entry(sys_open);
        entries[UNUM_SYS_CLOSE] = make_table_entry(sys_close);
        entries[UNUM_SYS_LSEEK] = make_table_entry(sys_lseek);
        entries[UNUM_SYS_FSTAT] = make_table_entry(sys_fstat);
        entries[UNUM_SYS_STAT] = make_table_entry(sys_stat);
        entries[UNUM_SYS_MKDIR] = make_table_entry(sys_mkdir);
        entries[UNUM_SYS_RMDIR] = make_table_entry(sys_rmdir);
        entries[UNUM_SYS_UNLINK] = make_table_entry(sys_unlink);
        entries[UNUM_SYS_RENAME] = make_table_entry(sys_rename);
        entries[UNUM_SYS_GETDENTS] = make_table_entry(sys_getdents);
        entries[UNUM_SYS_CHDIR] = make_table_entry(sys_chdir);
        entries[UNUM_SYS_GETCWD] = make_table_entry(sys_getcwd);
        entries[UNUM_SYS_DUP] = make_table_entry(sys_dup);
        entries[UNUM_SYS_DUP2] = make_table_entry(sys_dup2);
        entries[UNUM_SYS_PIPE] = make_table_entry(sys_pipe);
        entries[UNUM_SYS_FCNTL] = make_table_entry(sys_fcntl);
        entries[UNUM_SYS_IOCTL] = make_table_entry(sys_ioctl);
        entries[UNUM_SYS_BRK] = make_table_entry(sys_brk);
        entries[UNUM_SYS_MMAP] = make_table_entry(sys_mmap);
        entries[UNUM_SYS_MUNMAP] = make_table_entry(sys_munmap);
        entries[UNUM_SYS_NANOSLEEP] = make_table_entry(sys_nanosleep);
        entries[UNUM_SYS_CLOCK_GETTIME] = make_table_entry(sys_clock_gettime);
        entries[UNUM_SYS_GETTIMEOFDAY] = make_table_entry(sys_gettimeofday);
        entries[UNUM_SYS_UNAME] = make_table_entry(sys_uname);
        entries[UNUM_SYS_GETUID] = make_table_entry(sys_getuid);
        entries[UNUM_SYS_GETEUID] = make_table_entry(sys_getuid);
        entries[UNUM_SYS_SETUID] = make_table_entry(sys_setuid);
        entries[UNUM_SYS_GETGID] = make_table_entry(sys_getgid);
        entries[UNUM_SYS_SETGID] = make_table_entry(sys_setgid);
        entries[UNUM_SYS_SETPGID] = make_table_entry(sys_setpgid);
        entries[UNUM_SYS_GETPGID] = make_table_entry(sys_getpgid);
        entries[UNUM_SYS_SETSID] = make_table_entry(sys_setsid);
        entries[UNUM_SYS_GETSID] = make_table_entry(sys_getsid);
        entries[UNUM_SYS_UNUM_SELF] = make_table_entry(sys_unum_self);
        entries[UNUM_SYS_GETENTROPY] = make_table_entry(sys_getentropy);
        entries[UNUM_SYS_SOCKET] = make_table_entry(sys_socket);
        entries[UNUM_SYS_BIND] = make_table_entry(sys_bind);
        entries[UNUM_SYS_LISTEN] = make_table_entry(sys_listen);
        entries[UNUM_SYS_ACCEPT] = make_table_entry(sys_accept);
        entries[UNUM_SYS_CONNECT] = make_table_entry(sys_connect);
        entries[UNUM_SYS_SENDTO] = make_table_entry(sys_sendto);
        entries[UNUM_SYS_RECVFROM] = make_table_entry(sys_recvfrom);
        entries[UNUM_SYS_SENDMSG] = make_table_entry(sys_sendmsg);
        entries[UNUM_SYS_RECVMSG] = make_table_entry(sys_recvmsg);
        entries[UNUM_SYS_SHUTDOWN] = make_table_entry(sys_shutdown);
        entries[UNUM_SYS_GETSOCKOPT] = make_table_entry(sys_getsockopt);
        entries[UNUM_SYS_SETSOCKOPT] = make_table_entry(sys_setsockopt);
        entries[UNUM_SYS_GETSOCKNAME] = make_table_entry(sys_getsockname);
        entries[UNUM_SYS_GETPEERNAME] = make_table_entry(sys_getpeername);
        entries[UNUM_SYS_POLL] = make_table_entry(sys_poll);
        entries[UNUM_SYS_SELECT] = make_table_entry(sys_select);
        entries[UNUM_SYS_CLUSTER_PING] = make_table_entry(sys_cluster_ping);
        entries[UNUM_SYS_CLUSTER_ADMISSION] = make_table_entry(sys_cluster_admission);
        entries[UNUM_SYS_REBOOT] = make_table_entry(sys_reboot);
    }
};

constexpr SyscallTable g_table;

} // namespace

i64 syscall_dispatch(u64 number, SyscallArgs const& args)
{
    if (number >= UNUM_SYS_COUNT || !g_table.entries[number].handler)
        return -to_errno(Error::NotImplemented);
    auto result = g_table.entries[number].handler(args);
    if (result.is_error())
        return -to_errno(result.error());
    return i64(result.value());
}
