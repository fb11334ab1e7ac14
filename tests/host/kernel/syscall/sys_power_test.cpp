// The reboot system call's argument check, which comes before the caller's
// credentials (a root caller with a good command would really shut down).
#include <catch2/catch.hpp>

#include "kernel/abi/unum_abi.h"
#include "kernel/syscall/syscall_dispatch.h"

namespace {

i64 call(u64 number, u64 a0 = 0)
{
    SyscallArgs args { { a0, 0, 0, 0, 0, 0 } };
    return syscall_dispatch(number, args);
}

} // namespace

TEST_CASE("reboot: unknown commands are EINVAL for any caller")
{
    CHECK(UNUM_SYS_REBOOT == 63);
    CHECK(call(UNUM_SYS_REBOOT, 0) == -UNUM_EINVAL);
    CHECK(call(UNUM_SYS_REBOOT, 3) == -UNUM_EINVAL);
    CHECK(call(UNUM_SYS_REBOOT, u64(-1)) == -UNUM_EINVAL);
    // An int argument: only the low 32 bits count.
    CHECK(call(UNUM_SYS_REBOOT, 0x1'0000'0000ull) == -UNUM_EINVAL);
}
