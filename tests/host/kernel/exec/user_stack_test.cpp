// Tests of UserStackBuilder: the SysV initial stack, byte for byte, and its limits.
#include <catch2/catch.hpp>
#include <cstring>
#include <string>

#include "kernel/exec/user_stack.h"

namespace {

constexpr VirtAddr TOP = 0x00007ffffffff000ull;

u64 word_at(UserStackImage const& image, VirtAddr va)
{
    REQUIRE(va >= image.stack_pointer);
    REQUIRE(va + 8 <= image.stack_pointer + image.bytes.size());
    u64 value = 0;
    std::memcpy(&value, image.bytes.data() + (va - image.stack_pointer), 8);
    return value;
}

std::string string_at(UserStackImage const& image, VirtAddr va)
{
    REQUIRE(va >= image.stack_pointer);
    REQUIRE(va < image.stack_pointer + image.bytes.size());
    char const* p = reinterpret_cast<char const*>(image.bytes.data() + (va - image.stack_pointer));
    usize room = image.stack_pointer + image.bytes.size() - va;
    usize length = strnlen(p, room);
    REQUIRE(length < room);
    return std::string(p, length);
}

u8 const RANDOM[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

} // namespace

TEST_CASE("UserStackBuilder: byte-exact layout of a small stack")
{
    UserStackBuilder builder(TOP);
    REQUIRE(!builder.add_argument("a").is_error());
    REQUIRE(!builder.add_argument("bc").is_error());
    REQUIRE(!builder.add_environment("X=1").is_error());
    REQUIRE(!builder.add_aux(AT_PAGESZ, 4096).is_error());
    builder.set_random(RANDOM);
    auto result = builder.build();
    REQUIRE(!result.is_error());
    UserStackImage const& image = result.value();

    // strings "a\0bc\0X=1\0" (9 bytes) end 8 bytes below the top; the random bytes
    // sit 16-aligned under them; 12 words of vectors under that, 16-aligned.
    VirtAddr const strings = TOP - 8 - 9;
    VirtAddr const random = 0x00007fffffffefd0ull;
    VirtAddr const rsp = 0x00007fffffffef70ull;
    CHECK(image.stack_pointer == rsp);
    REQUIRE(image.bytes.size() == TOP - rsp);

    u64 const expected_words[12] = {
        2, strings, strings + 2, 0, // argc, argv, NULL
        strings + 5, 0,             // envp, NULL
        AT_PAGESZ, 4096, AT_RANDOM, random, AT_NULL, 0,
    };
    for (int i = 0; i < 12; ++i)
        CHECK(word_at(image, rsp + 8 * i) == expected_words[i]);
    // Padding between the vectors and the random bytes is zero.
    for (VirtAddr va = rsp + 96; va < random; ++va)
        CHECK(image.bytes[va - rsp] == 0);
    CHECK(std::memcmp(image.bytes.data() + (random - rsp), RANDOM, 16) == 0);
    for (VirtAddr va = random + 16; va < strings; ++va)
        CHECK(image.bytes[va - rsp] == 0);
    char const expected_strings[] = "a\0bc\0X=1\0\0\0\0\0\0\0\0"; // plus the 8-byte end marker
    CHECK(std::memcmp(image.bytes.data() + (strings - rsp), expected_strings, 17) == 0);
}

TEST_CASE("UserStackBuilder: vectors point at their strings, rsp is 16-aligned")
{
    for (int argc = 0; argc < 6; ++argc) {
        for (int envc = 0; envc < 4; ++envc) {
            UserStackBuilder builder(TOP - 0x40);
            for (int i = 0; i < argc; ++i)
                REQUIRE(!builder.add_argument(StringView(std::string(i + 1, char('a' + i)).c_str())).is_error());
            for (int i = 0; i < envc; ++i)
                REQUIRE(!builder.add_environment(StringView(("V" + std::to_string(i) + "=x").c_str())).is_error());
            REQUIRE(!builder.add_aux(AT_ENTRY, 0x401000).is_error());
            REQUIRE(!builder.add_aux(AT_PHNUM, 3).is_error());
            auto result = builder.build();
            REQUIRE(!result.is_error());
            UserStackImage const& image = result.value();
            VirtAddr sp = image.stack_pointer;
            CHECK(sp % 16 == 0);
            CHECK(sp + image.bytes.size() == TOP - 0x40);
            CHECK(word_at(image, sp) == u64(argc));
            VirtAddr p = sp + 8;
            for (int i = 0; i < argc; ++i, p += 8)
                CHECK(string_at(image, word_at(image, p)) == std::string(i + 1, char('a' + i)));
            CHECK(word_at(image, p) == 0);
            p += 8;
            for (int i = 0; i < envc; ++i, p += 8)
                CHECK(string_at(image, word_at(image, p)) == "V" + std::to_string(i) + "=x");
            CHECK(word_at(image, p) == 0);
            p += 8;
            CHECK(word_at(image, p) == AT_ENTRY);
            CHECK(word_at(image, p + 8) == 0x401000);
            CHECK(word_at(image, p + 16) == AT_PHNUM);
            CHECK(word_at(image, p + 32) == AT_RANDOM);
            VirtAddr random = word_at(image, p + 40);
            CHECK(random % 16 == 0);
            CHECK(random > p + 56);
            CHECK(word_at(image, p + 48) == AT_NULL);
            CHECK(word_at(image, TOP - 0x40 - 8) == 0);
        }
    }
}

TEST_CASE("UserStackBuilder: E2BIG past the argument limit")
{
    UserStackBuilder builder(TOP);
    std::string chunk(1023, 'x'); // 1024 bytes with its NUL, plus an 8-byte pointer
    usize added = 0;
    Result<void> last = builder.add_argument(StringView(chunk.c_str()));
    while (!last.is_error()) {
        ++added;
        last = builder.add_environment(StringView(chunk.c_str()));
    }
    CHECK(last.error() == Error::ArgListTooLong);
    CHECK(added == UserStackBuilder::MAX_ARGUMENT_BYTES / (1024 + 8));
    CHECK(!builder.build().is_error());

    UserStackBuilder single(TOP);
    std::string huge(UserStackBuilder::MAX_ARGUMENT_BYTES, 'y');
    CHECK(single.add_argument(StringView(huge.c_str())).error() == Error::ArgListTooLong);
    CHECK(single.argument_count() == 0);
}

TEST_CASE("UserStackBuilder: bad input")
{
    UserStackBuilder builder(TOP);
    CHECK(builder.add_argument(StringView("a\0b", 3)).error() == Error::InvalidArgument);
    CHECK(builder.add_aux(AT_NULL, 0).error() == Error::InvalidArgument);
    CHECK(builder.add_aux(AT_RANDOM, 0).error() == Error::InvalidArgument);
    for (usize i = 0; i < UserStackBuilder::MAX_AUX_ENTRIES; ++i)
        REQUIRE(!builder.add_aux(100 + i, i).is_error());
    CHECK(builder.add_aux(AT_PAGESZ, 4096).error() == Error::InvalidArgument);
    CHECK(UserStackBuilder(TOP - 8).build().error() == Error::InvalidArgument);
    CHECK(UserStackBuilder(0x1000).build().error() == Error::InvalidArgument);
}
