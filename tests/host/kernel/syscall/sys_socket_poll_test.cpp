// Argument checks of the poll/select and socket families that come before any
// file is looked up (host tests run without a current process, so fd lookups
// are EBADF here; the rest is covered by tests/host/fs/vfs/poll_files_test.cpp,
// tests/host/net/socket/ and tests/system/test_sockets.py).
#include <catch2/catch.hpp>

#include "kernel/abi/unum_abi.h"
#include "kernel/syscall/syscall_dispatch.h"

namespace {

i64 call(u64 number, u64 a0 = 0, u64 a1 = 0, u64 a2 = 0, u64 a3 = 0, u64 a4 = 0, u64 a5 = 0)
{
    SyscallArgs args { { a0, a1, a2, a3, a4, a5 } };
    return syscall_dispatch(number, args);
}

} // namespace

TEST_CASE("poll and select refuse too many descriptors with EINVAL")
{
    CHECK(call(UNUM_SYS_POLL, 0, UNUM_SELECT_MAX_FDS + 1, 0) == -UNUM_EINVAL);
    CHECK(call(UNUM_SYS_SELECT, u64(-1)) == -UNUM_EINVAL);
    CHECK(call(UNUM_SYS_SELECT, UNUM_SELECT_MAX_FDS + 1) == -UNUM_EINVAL);
}

TEST_CASE("socket() validates domain, type and protocol before anything else")
{
    CHECK(call(UNUM_SYS_SOCKET, 10, UNUM_SOCK_STREAM, 0) == -106); // EAFNOSUPPORT
    CHECK(call(UNUM_SYS_SOCKET, UNUM_AF_INET, 7, 0) == -UNUM_EINVAL);
    CHECK(call(UNUM_SYS_SOCKET, UNUM_AF_INET, UNUM_SOCK_STREAM, UNUM_IPPROTO_UDP) == -123); // EPROTONOSUPPORT
    CHECK(call(UNUM_SYS_SOCKET, UNUM_AF_INET, UNUM_SOCK_RAW, 0) == -123);
    // Host builds link no protocol stack: the weak backend factory says ENOTSUP.
    CHECK(call(UNUM_SYS_SOCKET, UNUM_AF_INET, UNUM_SOCK_DGRAM, 0) == -UNUM_ENOTSUP);
}

TEST_CASE("socket calls on a descriptor that is not open are EBADF")
{
    CHECK(call(UNUM_SYS_BIND, 3, 0, 16) == -UNUM_EBADF);
    CHECK(call(UNUM_SYS_LISTEN, u64(-1), 1) == -UNUM_EBADF);
    CHECK(call(UNUM_SYS_SHUTDOWN, 5, UNUM_SHUT_RDWR) == -UNUM_EBADF);
    CHECK(call(UNUM_SYS_GETSOCKOPT, 5, UNUM_SOL_SOCKET, UNUM_SO_TYPE, 0, 0) == -UNUM_EBADF);
}

TEST_CASE("sendmsg and recvmsg on a descriptor that is not open are EBADF")
{
    CHECK(call(UNUM_SYS_SENDMSG, 5, 0, 0) == -UNUM_EBADF);
    CHECK(call(UNUM_SYS_RECVMSG, 5, 0, 0) == -UNUM_EBADF);
}
