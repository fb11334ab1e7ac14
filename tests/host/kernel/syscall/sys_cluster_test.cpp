// The cluster system calls without a cluster: bad arguments are errors, and
// without the glue every call says the cluster is not there.
#include <catch2/catch.hpp>

#include "kernel/abi/unum_abi.h"
#include "kernel/abi/unum_errno.h"
#include "kernel/syscall/syscall_dispatch.h"

namespace {

i64 call(u64 number, u64 a0 = 0, u64 a1 = 0, u64 a2 = 0, u64 a3 = 0)
{
    SyscallArgs args { { a0, a1, a2, a3, 0, 0 } };
    return syscall_dispatch(number, args);
}

} // namespace

TEST_CASE("cluster ping: a node number out of range is EINVAL, no cluster is ENETDOWN")
{
    CHECK(call(UNUM_SYS_CLUSTER_PING, 0) == -UNUM_EINVAL);
    CHECK(call(UNUM_SYS_CLUSTER_PING, 4096) == -UNUM_EINVAL);
    CHECK(call(UNUM_SYS_CLUSTER_PING, 2, 65537) == -UNUM_EMSGSIZE);
    CHECK(call(UNUM_SYS_CLUSTER_PING, 2, 0) == -UNUM_ENETDOWN);
}

TEST_CASE("cluster admission: an unknown op is EINVAL, no boot service is ENOTSUP")
{
    CHECK(call(UNUM_SYS_CLUSTER_ADMISSION, 7) == -UNUM_EINVAL);
    CHECK(call(UNUM_SYS_CLUSTER_ADMISSION, UNUM_ADMISSION_PENDING, 0, 0, 0) == -UNUM_ENOTSUP);
}
