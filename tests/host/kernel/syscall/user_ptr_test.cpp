// UserPtr copies and string copy-in, over the host fake where user addresses are
// host pointers and the first page is unmapped.
#include <catch2/catch.hpp>
#include <cstring>

#include "kernel/syscall/user_ptr.h"

TEST_CASE("UserPtr reads and writes values and arrays")
{
    u64 storage[4] = { 1, 2, 3, 4 };
    UserPtr<u64> p(reinterpret_cast<u64>(storage));
    auto value = p.offset(2).read();
    REQUIRE(!value.is_error());
    CHECK(value.value() == 3);
    REQUIRE(!p.offset(1).write(42).is_error());
    CHECK(storage[1] == 42);
    u64 copy[4] = {};
    REQUIRE(!p.read_array(copy, 4).is_error());
    CHECK(copy[3] == 4);
}

TEST_CASE("UserPtr to unmapped memory is EFAULT")
{
    UserPtr<u32> null_pointer;
    CHECK(null_pointer.is_null());
    CHECK(null_pointer.read().error() == Error::BadAddress);
    CHECK(UserPtr<u32>(16).write(1).error() == Error::BadAddress);
}

TEST_CASE("UserPtr array sizes that overflow are refused")
{
    u8 byte = 0;
    UserPtr<u64> p(reinterpret_cast<u64>(&byte));
    u64 out;
    CHECK(p.read_array(&out, ~usize(0) / 4).error() == Error::Overflow);
}

TEST_CASE("copy_string_from_user copies up to the NUL and bounds the length")
{
    char const* text = "/bin/sh";
    char buffer[16];
    auto n = copy_string_from_user(reinterpret_cast<u64>(text), buffer, sizeof(buffer));
    REQUIRE(!n.is_error());
    CHECK(n.value() == 7);
    CHECK(std::strcmp(buffer, "/bin/sh") == 0);

    char small[4];
    CHECK(copy_string_from_user(reinterpret_cast<u64>(text), small, sizeof(small)).error() == Error::NameTooLong);
    CHECK(copy_string_from_user(0, buffer, sizeof(buffer)).error() == Error::BadAddress);
}
