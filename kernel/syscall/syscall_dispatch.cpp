// The system-call table: number -> handler. Unknown numbers are ENOSYS; each
// handler lives with its family (sys_time.cpp, ...).
#include "kernel/syscall/syscall_dispatch.h"

#include "kernel/abi/unum_abi.h"
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
        entries[UNUM_SYS_NANOSLEEP] = make_table_entry(sys_nanosleep);
        entries[UNUM_SYS_CLOCK_GETTIME] = make_table_entry(sys_clock_gettime);
        entries[UNUM_SYS_GETTIMEOFDAY] = make_table_entry(sys_gettimeofday);
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
