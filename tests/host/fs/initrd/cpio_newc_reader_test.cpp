// CpioNewcReader: well-formed archives, name normalization and every kind of
// malformed header.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <string>

#include "fs/initrd/cpio_newc_reader.h"
#include "tests/host/fs/fs_test_support.h"
#include "tests/host/fs/initrd/cpio_builder.h"

namespace {

struct Parsed {
    std::vector<std::string> names;
    std::vector<std::string> data;
    std::vector<CpioEntry::Problem> problems;
    Error error { Error::None };
};

Parsed parse_all(std::vector<u8> const& bytes)
{
    Parsed parsed;
    auto entry = std::make_unique<CpioEntry>();
    CpioNewcReader reader(bytes.data(), bytes.size());
    for (;;) {
        auto more = reader.next(*entry);
        if (more.is_error()) {
            parsed.error = more.error();
            return parsed;
        }
        if (!more.value())
            return parsed;
        parsed.names.emplace_back(entry->name, entry->name_length);
        parsed.data.emplace_back(reinterpret_cast<char const*>(entry->data), entry->data_size);
        parsed.problems.push_back(entry->problem);
    }
}

} // namespace

TEST_CASE("cpio newc: entries, data and the trailer", "[cpio]")
{
    CpioBuilder archive;
    archive.add(".", FileMode::Directory | 0755)
        .add("bin", FileMode::Directory | 0755)
        .add("bin/sh", FileMode::Regular | 0755, "#!ELF", 0, 0, true)
        .add("etc/motd", FileMode::Regular | 0644, "hi\n", 1000, 100)
        .trailer();
    // Bytes after the trailer (GRUB may pad modules) are never looked at.
    archive.bytes.resize(archive.bytes.size() + 512, 0xEE);
    auto parsed = parse_all(archive.bytes);
    REQUIRE(parsed.error == Error::None);
    REQUIRE(parsed.names == std::vector<std::string> { "", "bin", "bin/sh", "etc/motd" });
    REQUIRE(parsed.data[2] == "#!ELF");
    REQUIRE(parsed.data[3] == "hi\n");

    auto entry = std::make_unique<CpioEntry>();
    CpioNewcReader reader(archive.bytes.data(), archive.bytes.size());
    for (int i = 0; i < 4; ++i)
        REQUIRE(reader.next(*entry).value());
    REQUIRE(entry->uid == 1000);
    REQUIRE(entry->gid == 100);
    REQUIRE(entry->mode == (FileMode::Regular | 0644));
    REQUIRE(!reader.next(*entry).value());
    REQUIRE(!reader.next(*entry).value()); // stays finished
}

TEST_CASE("cpio newc: names are normalized; .. and long components are flagged", "[cpio]")
{
    CpioBuilder archive;
    archive.add("./a//b/./c/", FileMode::Directory | 0755)
        .add("/abs/path", FileMode::Regular | 0644)
        .add("a/../../etc/passwd", FileMode::Regular | 0644)
        .add("..", FileMode::Directory | 0755)
        .add("x/" + std::string(256, 'n'), FileMode::Regular | 0644)
        .add("", FileMode::Directory | 0755)
        .trailer();
    auto parsed = parse_all(archive.bytes);
    REQUIRE(parsed.error == Error::None);
    REQUIRE(parsed.names[0] == "a/b/c");
    REQUIRE(parsed.problems[0] == CpioEntry::Problem::None);
    REQUIRE(parsed.names[1] == "abs/path");
    REQUIRE(parsed.problems[2] == CpioEntry::Problem::DotDot);
    REQUIRE(parsed.problems[3] == CpioEntry::Problem::DotDot);
    REQUIRE(parsed.problems[4] == CpioEntry::Problem::NameTooLong);
    REQUIRE(parsed.names[5] == "");
}

TEST_CASE("cpio newc: malformed archives are refused", "[cpio]")
{
    CpioBuilder good;
    good.add("file", FileMode::Regular | 0644, "abcdefgh").trailer();
    REQUIRE(parse_all(good.bytes).error == Error::None);

    auto damaged = [&](auto damage) {
        std::vector<u8> bytes = good.bytes;
        damage(bytes);
        return parse_all(bytes).error;
    };
    SECTION("bad magic") { REQUIRE(damaged([](auto& b) { b[5] = '7'; }) == Error::BadMessage); }
    SECTION("a non-hex digit in a field") { REQUIRE(damaged([](auto& b) { b[6 + 8 + 3] = 'g'; }) == Error::BadMessage); }
    SECTION("a space in a field") { REQUIRE(damaged([](auto& b) { b[6 + 8 * 6] = ' '; }) == Error::BadMessage); }
    SECTION("file size past the end")
    {
        REQUIRE(damaged([](auto& b) { std::memcpy(&b[6 + 8 * 6], "7fffffff", 8); }) == Error::BadMessage);
    }
    SECTION("name size zero") { REQUIRE(damaged([](auto& b) { std::memcpy(&b[6 + 8 * 11], "00000000", 8); }) == Error::BadMessage); }
    SECTION("name size huge") { REQUIRE(damaged([](auto& b) { std::memcpy(&b[6 + 8 * 11], "ffffffff", 8); }) == Error::BadMessage); }
    SECTION("name without its NUL") { REQUIRE(damaged([](auto& b) { b[110 + 4] = 'x'; }) == Error::BadMessage); }
    SECTION("name with an inner NUL") { REQUIRE(damaged([](auto& b) { b[110 + 1] = 0; }) == Error::BadMessage); }
    SECTION("checksum set on 070701") { REQUIRE(damaged([](auto& b) { b[6 + 8 * 12 + 7] = '1'; }) == Error::BadMessage); }
    SECTION("truncated anywhere")
    {
        for (usize cut = 0; cut < good.bytes.size(); ++cut) {
            INFO(cut);
            std::vector<u8> bytes(good.bytes.begin(), good.bytes.begin() + cut);
            REQUIRE(parse_all(bytes).error == Error::BadMessage);
        }
    }
}

TEST_CASE("cpio newc: 070702 checksums are verified", "[cpio]")
{
    CpioBuilder archive;
    archive.add("f", FileMode::Regular | 0644, "payload", 0, 0, true).trailer();
    REQUIRE(parse_all(archive.bytes).error == Error::None);
    // Flip one data byte: the sum no longer matches.
    usize data_at = 112; // header (110) and "f\0", already a multiple of 4
    archive.bytes[data_at] ^= 1;
    REQUIRE(parse_all(archive.bytes).error == Error::BadMessage);
}

TEST_CASE("cpio newc: after an error the reader stays failed", "[cpio]")
{
    std::vector<u8> garbage(200, 'x');
    auto entry = std::make_unique<CpioEntry>();
    CpioNewcReader reader(garbage.data(), garbage.size());
    REQUIRE(reader.next(*entry).error() == Error::BadMessage);
    REQUIRE(reader.next(*entry).error() == Error::BadMessage);
}
