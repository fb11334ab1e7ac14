// The dispatcher's error boundary and the time family, with user memory faked as
// host memory (see tests/host/fake_arch/user_access.cpp).
#include <catch2/catch.hpp>

#include "kernel/abi/unum_abi.h"
#include "kernel/syscall/syscall_dispatch.h"

namespace {

i64 call(u64 number, u64 a0 = 0, u64 a1 = 0)
{
    SyscallArgs args { { a0, a1, 0, 0, 0, 0 } };
    return syscall_dispatch(number, args);
}

struct Timespec {
    i64 seconds;
    i64 nanoseconds;
};

} // namespace

TEST_CASE("unknown and out-of-range system calls are ENOSYS")
{
    CHECK(call(0) == -88);
    CHECK(call(UNUM_SYS_COUNT) == -88);
    CHECK(call(~u64(0)) == -88);
}

TEST_CASE("clock_gettime writes a timespec and validates its arguments")
{
    Timespec ts { -1, -1 };
    CHECK(call(UNUM_SYS_CLOCK_GETTIME, 4, reinterpret_cast<u64>(&ts)) == 0);
    CHECK(ts.seconds >= 0);
    CHECK(ts.nanoseconds >= 0);
    CHECK(ts.nanoseconds < 1000000000);
    CHECK(call(UNUM_SYS_CLOCK_GETTIME, 99, reinterpret_cast<u64>(&ts)) == -22);
    CHECK(call(UNUM_SYS_CLOCK_GETTIME, 4, 0) == -14);
}

TEST_CASE("nanosleep rejects malformed requests with EINVAL or EFAULT")
{
    Timespec bad { 0, 2000000000 };
    CHECK(call(UNUM_SYS_NANOSLEEP, reinterpret_cast<u64>(&bad)) == -22);
    Timespec negative { -1, 0 };
    CHECK(call(UNUM_SYS_NANOSLEEP, reinterpret_cast<u64>(&negative)) == -22);
    CHECK(call(UNUM_SYS_NANOSLEEP, 8) == -14);
}

TEST_CASE("getentropy fills the buffer and refuses more than 256 bytes")
{
    u8 bytes[64] = {};
    CHECK(call(UNUM_SYS_GETENTROPY, reinterpret_cast<u64>(bytes), sizeof(bytes)) == 0);
    bool nonzero = false;
    for (u8 b : bytes)
        nonzero |= b != 0;
    CHECK(nonzero);
    u8 big[300];
    CHECK(call(UNUM_SYS_GETENTROPY, reinterpret_cast<u64>(big), sizeof(big)) == -22);
    CHECK(call(UNUM_SYS_GETENTROPY, 8, 16) == -14);
}
