// UserIoVector: gathering from and scattering to user segments (host fake:
// user addresses are host pointers, the first page is unmapped).
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "kernel/syscall/user_io_vector.h"

namespace {

u64 user(void const* pointer) { return u64(reinterpret_cast<uptr>(pointer)); }

} // namespace

TEST_CASE("UserIoVector gathers across iovecs, skipping empty ones", "[socket]")
{
    char a[] = "hel", b[] = "lo, ", c[] = "world";
    unum_iovec vectors[4] { { a, 3 }, { nullptr, 0 }, { b, 4 }, { c, 5 } };
    auto data = UserIoVector::from_user(user(vectors), 4);
    REQUIRE(!data.is_error());
    REQUIRE(data.value().total() == 12);
    char out[13] {};
    REQUIRE(!data.value().gather(reinterpret_cast<u8*>(out), 5).is_error());
    REQUIRE(!data.value().gather(reinterpret_cast<u8*>(out) + 5, 7).is_error());
    REQUIRE(std::string(out) == "hello, world");
    REQUIRE(data.value().remaining() == 0);
    REQUIRE(data.value().gather(reinterpret_cast<u8*>(out), 1).error() == Error::InvalidArgument);
}

TEST_CASE("UserIoVector scatters across iovecs", "[socket]")
{
    char a[2] {}, b[8] {};
    unum_iovec vectors[2] { { a, 2 }, { b, 8 } };
    auto data = UserIoVector::from_user(user(vectors), 2).release_value();
    REQUIRE(!data.scatter(reinterpret_cast<u8 const*>("abcde"), 5).is_error());
    REQUIRE(std::string(a, 2) == "ab");
    REQUIRE(std::string(b, 3) == "cde");
    REQUIRE(data.remaining() == 5);
}

TEST_CASE("UserIoVector: bad addresses are EFAULT, too many iovecs EMSGSIZE", "[socket]")
{
    REQUIRE(UserIoVector::from_user(16, 1).error() == Error::BadAddress);
    REQUIRE(!UserIoVector::from_user(0, 0).is_error());
    REQUIRE(UserIoVector::from_user(0, UNUM_IOV_MAX + 1).error() == Error::MessageTooLong);
    unum_iovec bad { reinterpret_cast<void*>(16), 4 };
    auto data = UserIoVector::from_user(user(&bad), 1).release_value();
    u8 out[4];
    REQUIRE(data.gather(out, 4).error() == Error::BadAddress);
    auto single = UserIoVector::single(0, 4).release_value();
    REQUIRE(single.total() == 4);
    REQUIRE(single.scatter(out, 4).error() == Error::BadAddress);
}
